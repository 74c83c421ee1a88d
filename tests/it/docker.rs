//! `dlint run` against real engines: every context in testdata/build/ is built and run with Docker and
//! with Podman's Docker-compatible service, its runtime findings compared with the case's `expect` file
//! (`CODE LINE` per line), and the engine must hold the same containers and images afterwards. Without
//! an engine the tests say SKIPPED, except in CI (`.ci/run` starts both).

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;
use std::sync::{Mutex, MutexGuard, OnceLock};

fn build_dir() -> PathBuf {
    crate::support::repo_path("testdata/build")
}

/// One check at a time: the leak count compares the engine before and after each run.
fn engine() -> Option<MutexGuard<'static, ()>> {
    static LOCK: Mutex<()> = Mutex::new(());
    static READY: OnceLock<bool> = OnceLock::new();
    let guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let ready = *READY.get_or_init(|| {
        let answers = Command::new("docker").args(["info"]).output().is_ok_and(|o| o.status.success());
        if !answers {
            assert!(std::env::var_os("CI").is_none(), "no Docker engine answers, and CI needs one (.ci/run starts it)");
            eprintln!("SKIPPED: no Docker engine answers (scripts/docker-test-env.sh installs and starts one)");
            return false;
        }
        let has = |image: &str| {
            Command::new("docker").args(["image", "inspect", image]).output().is_ok_and(|o| o.status.success())
        };
        if !has("dlint-test/busybox:1") || !has("dlint-test/python:3") {
            let script = crate::support::repo_path("scripts/docker-test-env.sh");
            let status = Command::new("bash").arg(script).arg("--debian").status().expect("bash runs");
            assert!(status.success(), "scripts/docker-test-env.sh could not build the base images");
        }
        true
    });
    ready.then_some(guard)
}

/// Where `scripts/docker-test-env.sh --podman` serves Podman's Docker-compatible API.
const PODMAN: &str = "unix:///run/podman/podman.sock";

/// Whether Podman's service answers; only asked while holding [`engine`].
fn podman() -> bool {
    static READY: OnceLock<bool> = OnceLock::new();
    *READY.get_or_init(|| {
        let components = ["version", "--format", "{{range .Server.Components}}{{.Name}} {{end}}"];
        let version = Command::new("docker").args(components).env("DOCKER_HOST", PODMAN).output();
        let answers =
            version.is_ok_and(|o| o.status.success() && String::from_utf8_lossy(&o.stdout).contains("Podman"));
        if !answers {
            assert!(
                std::env::var_os("CI").is_none(),
                "no Podman service at {PODMAN}, and CI needs one (.ci/run starts it)"
            );
            eprintln!("SKIPPED: no Podman service at {PODMAN} (scripts/docker-test-env.sh --podman starts one)");
        }
        answers
    })
}

/// Containers and images on the engine at `host` (Docker's default when `None`).
fn engine_objects(host: Option<&str>) -> (BTreeSet<String>, BTreeSet<String>) {
    let list = |args: &[&str]| -> BTreeSet<String> {
        let mut docker = Command::new("docker");
        if let Some(host) = host {
            docker.env("DOCKER_HOST", host);
        }
        let out = docker.args(args).output().expect("docker runs");
        String::from_utf8_lossy(&out.stdout).lines().map(String::from).collect()
    };
    (list(&["ps", "-aq", "--no-trunc"]), list(&["images", "-aq", "--no-trunc"]))
}

struct Run {
    code: i32,
    findings: Vec<Value>,
    stderr: String,
}

/// Runs `dlint` with `args` in the repository and checks that it left nothing behind.
fn dlint_leaving_nothing(args: &[&str]) -> Run {
    dlint_on(None, args)
}

/// Runs `dlint` with `args` against the engine at `host` (Docker's default when `None`) and checks
/// that it left nothing behind there.
fn dlint_on(host: Option<&str>, args: &[&str]) -> Run {
    let before = engine_objects(host);
    let mut dlint = Command::new(env!("CARGO_BIN_EXE_dlint"));
    if let Some(host) = host {
        dlint.env("DOCKER_HOST", host);
    }
    let out = dlint.args(args).current_dir(crate::support::repo_path("")).output().expect("dlint runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(engine_objects(host), before, "dlint {args:?} left containers or images behind\n{stderr}");
    let code = out.status.code().unwrap_or(-1);
    let findings = match serde_json::from_slice(&out.stdout) {
        Ok(Value::Array(findings)) => findings,
        _ => Vec::new(),
    };
    Run { code, findings, stderr }
}

/// `CODE LINE` pairs of the runtime findings; DR008's size report only when the case is about it.
fn runtime_pairs(findings: &[Value], with_size: bool) -> Vec<String> {
    let mut pairs: Vec<String> = findings
        .iter()
        .filter(|f| f["code"].as_str().is_some_and(|c| c.starts_with("DR")))
        .filter(|f| with_size || f["code"] != "DR008" || f["severity"] != "info")
        .map(|f| format!("{} {}", f["code"].as_str().unwrap(), f["line"]))
        .collect();
    pairs.sort_by_key(|p| {
        let (code, line) = p.split_once(' ').unwrap();
        (line.parse::<usize>().unwrap(), code.to_owned())
    });
    // Several findings of one rule on one line (two secret files in one COPY) are one expectation.
    pairs.dedup();
    pairs
}

fn check_case(name: &str) {
    let Some(_engine) = engine() else { return };
    check_case_on(None, name);
    if podman() {
        check_case_on(Some(PODMAN), name);
    }
}

/// Runs one build context against the engine at `host` and compares with its `expect` file.
fn check_case_on(host: Option<&str>, name: &str) {
    let dir = build_dir().join(name);
    let expected: Vec<String> = std::fs::read_to_string(dir.join("expect"))
        .unwrap_or_else(|e| panic!("{name}/expect: {e}"))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let extra: Vec<String> = std::fs::read_to_string(dir.join("args"))
        .map(|text| text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect())
        .unwrap_or_default();
    let context = format!("testdata/build/{name}");
    let mut args = vec!["run", context.as_str(), "--format", "json", "--no-config"];
    args.extend(extra.iter().map(String::as_str));
    let engine = host.unwrap_or("Docker");
    let started = std::time::Instant::now();
    let run = dlint_on(host, &args);
    assert_ne!(run.code, 2, "{name} on {engine}: {}", run.stderr);
    let with_size = expected.iter().any(|e| e.starts_with("DR008"));
    let found = runtime_pairs(&run.findings, with_size);
    assert_eq!(found, expected, "{name} on {engine}: {:#?}\n{}", run.findings, run.stderr);
    // Every finding fails the run (the default fail level is info) but the size report.
    let failing = run.findings.iter().any(|f| f["code"] != "DR008" || f["severity"] == "error");
    assert_eq!(run.code, i32::from(failing), "{name} on {engine}: exit code\n{}", run.stderr);
    eprintln!("{name} on {engine}: {:.1} s", started.elapsed().as_secs_f64());
}

macro_rules! cases {
    ($($test:ident => $case:literal,)*) => {
        $(
            #[test]
            fn $test() {
                check_case($case);
            }
        )*

        const CASES: &[&str] = &[$($case),*];
    };
}

cases! {
    dr001_build_fails => "dr001-build-fails",
    dr001_builds => "dr001-builds",
    dr002_service_exits => "dr002-service-exits",
    dr002_service_stays_up => "dr002-service-stays-up",
    dr002_command_fails => "dr002-command-fails",
    dr002_job_fails => "dr002-job-fails",
    dr002_job_succeeds => "dr002-job-succeeds",
    dr003_unhealthy => "dr003-unhealthy",
    dr003_healthy => "dr003-healthy",
    dr004_root => "dr004-root",
    dr004_user_root => "dr004-user-root",
    dr004_non_root => "dr004-non-root",
    dr005_not_listening => "dr005-not-listening",
    dr005_listening => "dr005-listening",
    dr005_loopback_only => "dr005-loopback-only",
    dr005_unexposed_port => "dr005-unexposed-port",
    dr006_cache_busting => "dr006-cache-busting",
    dr006_cache_friendly => "dr006-cache-friendly",
    dr007_secret_files => "dr007-secret-files",
    dr007_dockerignored => "dr007-dockerignored",
    dr007_deleted_later => "dr007-deleted-later",
    dr007_secret_arg => "dr007-secret-arg",
    dr007_secret_file_path => "dr007-secret-file-path",
    dr007_secret_env => "dr007-secret-env",
    dr008_over_budget => "dr008-over-budget",
    dr008_within_budget => "dr008-within-budget",
    dr009_build_tools => "dr009-build-tools",
    dr009_clean => "dr009-clean",
    dr010_ignores_sigterm => "dr010-ignores-sigterm",
    dr010_handles_sigterm => "dr010-handles-sigterm",
    dr010_stopsignal => "dr010-stopsignal",
    dr011_fork_bomb => "dr011-fork-bomb",
    dr011_memory_hog => "dr011-memory-hog",
    dr011_within_limits => "dr011-within-limits",
    log_flood => "log-flood",
    python_web_app => "python-web-app",
}

#[test]
fn every_build_context_has_a_test() {
    let mut dirs: Vec<String> = std::fs::read_dir(build_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    let mut cases: Vec<String> = CASES.iter().map(|c| c.to_string()).collect();
    cases.sort();
    assert_eq!(dirs, cases, "testdata/build/ and the `cases!` list differ");
}

/// A runtime rule's doc examples are build contexts: `build=CASE` names one, the block is its
/// Dockerfile, and the case's expected findings include the rule for `bad` and not for `good`.
#[test]
fn runtime_rule_examples_are_build_contexts() {
    let mut failures = Vec::new();
    for info in dlint::rules::all().filter(|i| i.meta.category == dlint::lint::Category::Runtime) {
        let code = info.meta.code;
        let mut kinds = BTreeSet::new();
        let mut lines = info.doc.lines();
        while let Some(line) = lines.next() {
            let Some(fence) = line.strip_prefix("```dockerfile ") else { continue };
            let mut words = fence.split_whitespace();
            let kind = words.next().unwrap_or("");
            let case = words.find_map(|w| w.strip_prefix("build=")).unwrap_or("");
            let mut text = String::new();
            for body in lines.by_ref().take_while(|l| *l != "```") {
                text.push_str(body);
                text.push('\n');
            }
            let dir = build_dir().join(case);
            if case.is_empty() || !CASES.contains(&case) {
                failures.push(format!("rules/{code}.md: example `{fence}` names no tested build context"));
                continue;
            }
            if std::fs::read_to_string(dir.join("Dockerfile")).ok().as_deref() != Some(text.as_str()) {
                failures.push(format!(
                    "rules/{code}.md: the `{case}` example differs from testdata/build/{case}/Dockerfile"
                ));
            }
            let expect = std::fs::read_to_string(dir.join("expect")).unwrap_or_default();
            let fires = expect.lines().any(|l| l.starts_with(&format!("{code} ")));
            if (kind == "bad") != fires {
                failures.push(format!(
                    "rules/{code}.md: `{kind}` example `{case}` {} {code}",
                    if fires { "expects" } else { "does not expect" }
                ));
            }
            kinds.insert(kind.to_owned());
        }
        if !kinds.contains("bad") || !kinds.contains("good") {
            failures.push(format!("rules/{code}.md: needs a `bad` and a `good` build example"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_engine_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_dlint"))
        .args(["run", "testdata/build/dr004-root"])
        .env("DOCKER_HOST", "unix:///nonexistent/docker.sock")
        .current_dir(crate::support::repo_path(""))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no container engine answers at unix:///nonexistent/docker.sock"), "{stderr}");
    assert!(stderr.contains("dockerd"), "the error says how to start one: {stderr}");
}

#[test]
fn check_run_adds_runtime_findings_to_the_static_ones() {
    let Some(_engine) = engine() else { return };
    let run = dlint_leaving_nothing(&[
        "check",
        "--run",
        "-q",
        "--no-config",
        "--format",
        "json",
        "testdata/build/dr004-root/Dockerfile",
    ]);
    let codes: BTreeSet<&str> = run.findings.iter().filter_map(|f| f["code"].as_str()).collect();
    assert!(
        codes.contains("DR004") && (codes.contains("DL3002") || codes.contains("DF001")),
        "{codes:?}\n{}",
        run.stderr
    );
    assert_eq!(run.code, 1);
}

#[test]
fn suppressions_and_config_apply_to_runtime_findings() {
    let Some(_engine) = engine() else { return };
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(build_dir().join("dr004-root/Dockerfile")).unwrap();
    std::fs::write(dir.path().join("Dockerfile"), format!("# dlint global ignore=DR004\n{original}")).unwrap();
    let context = dir.path().to_string_lossy().into_owned();
    let run = dlint_leaving_nothing(&["run", &context, "--format", "json", "--no-config", "-q", "--no-cache-check"]);
    assert!(!run.findings.iter().any(|f| f["code"] == "DR004"), "{:?}", run.findings);
    std::fs::write(dir.path().join("Dockerfile"), &original).unwrap();
    std::fs::write(dir.path().join("dlint.toml"), "ignore = [\"runs-as-root\"]\n").unwrap();
    let run = dlint_leaving_nothing(&["run", &context, "--format", "json", "-q", "--no-cache-check"]);
    assert!(!run.findings.iter().any(|f| f["code"] == "DR004"), "{:?}", run.findings);
}

#[test]
fn ctrl_c_cleans_up_and_exits_130() {
    let Some(_engine) = engine() else { return };
    let before = engine_objects(None);
    let mut child = Command::new(env!("CARGO_BIN_EXE_dlint"))
        .args(["run", "testdata/build/dr010-ignores-sigterm", "--no-config", "--timeout", "120"])
        .current_dir(crate::support::repo_path(""))
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Interrupt once the container runs.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while engine_objects(None).0.len() <= before.0.len() {
        assert!(std::time::Instant::now() < deadline, "the container never started");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    let status = crate::support::wait_at_most(&mut child, std::time::Duration::from_secs(60));
    assert_eq!(status.code(), Some(130));
    assert_eq!(engine_objects(None), before, "an interrupted run left containers or images behind");
}

#[test]
fn a_dockerfile_outside_the_context_and_a_kept_image() {
    let Some(_engine) = engine() else { return };
    let dir = tempfile::tempdir().unwrap();
    let dockerfile = dir.path().join("Dockerfile.outside");
    std::fs::write(
        &dockerfile,
        "FROM dlint-test/busybox:1\nCOPY app.py /app/\nUSER nobody\nCMD [\"cat\", \"/app/app.py\"]\n",
    )
    .unwrap();
    let dockerfile = dockerfile.to_string_lossy().into_owned();
    let args =
        ["run", "testdata/build/dr006-cache-friendly", "-f", &dockerfile, "--format", "json", "--no-config", "-q"];
    let run = dlint_leaving_nothing(&args);
    assert_eq!(runtime_pairs(&run.findings, false), Vec::<String>::new(), "{}", run.stderr);
    let kept = ["--keep", "dlint-test/kept:1"];
    let before = engine_objects(None);
    let out = Command::new(env!("CARGO_BIN_EXE_dlint"))
        .args(args.iter().chain(&kept))
        .current_dir(crate::support::repo_path(""))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let removed = Command::new("docker").args(["rmi", "dlint-test/kept:1"]).output().unwrap();
    assert!(removed.status.success(), "--keep kept no image: {}", String::from_utf8_lossy(&removed.stderr));
    assert_eq!(engine_objects(None), before, "removing the kept image leaves nothing behind");
}

/// A build past its time limit is DR001 on the step under way, and a job past the run's time limit is
/// DR002; either way the engine is left as it was.
#[test]
fn time_limits_give_verdicts_and_leave_nothing() {
    let Some(_engine) = engine() else { return };
    let dir = tempfile::tempdir().unwrap();
    let context = dir.path().to_string_lossy().into_owned();
    let write = |text: &str| std::fs::write(dir.path().join("Dockerfile"), text).unwrap();
    write("FROM dlint-test/busybox:1\nRUN echo first > /first\nRUN sleep 60\nUSER nobody\n");
    let started = std::time::Instant::now();
    let run =
        dlint_leaving_nothing(&["run", &context, "--build-timeout", "3", "--format", "json", "--no-config", "-q"]);
    assert!(started.elapsed().as_secs() < 30, "the build limit did not stop the build");
    assert_eq!(runtime_pairs(&run.findings, false), ["DR001 3"], "{}", run.stderr);
    assert!(run.findings[0]["message"].as_str().unwrap().contains("did not finish within 3 s"), "{:?}", run.findings);

    write("FROM dlint-test/busybox:1\nUSER nobody\nCMD [\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 60 & wait\"]\n");
    let args = ["run", &context, "--expect", "job", "--timeout", "3", "--format", "json", "--no-config", "-q"];
    let run = dlint_leaving_nothing(&args);
    assert_eq!(runtime_pairs(&run.findings, false), ["DR002 3"], "{}", run.stderr);
    assert!(
        run.findings.iter().any(|f| f["message"].as_str().unwrap().contains("still running")),
        "{:?}",
        run.findings
    );
}

/// Over `tcp://` the engine's processes are not on this machine: the uid and sockets are read through
/// `cat` inside the container, and the resource limits from the engine's events and process list.
#[test]
fn an_engine_over_tcp_is_probed_from_inside_the_container() {
    let Some(_engine) = engine() else { return };
    let Some((_forwarder, host)) = docker_over_tcp() else { return };
    for name in ["dr004-root", "dr005-loopback-only", "dr011-fork-bomb", "dr011-memory-hog"] {
        check_case_on(Some(&host), name);
    }
}

/// Docker's socket served over `tcp://127.0.0.1:PORT` by `socat` for as long as the forwarder lives,
/// the path a remote engine takes; `None` (SKIPPED) without `socat`, except in CI.
fn docker_over_tcp() -> Option<(Forwarder, String)> {
    if !Command::new("socat").arg("-V").output().is_ok_and(|o| o.status.success()) {
        assert!(std::env::var_os("CI").is_none(), "`socat` is not on PATH, and CI needs it for this test");
        eprintln!("SKIPPED: no `socat` on PATH to serve Docker's socket over TCP");
        return None;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let forwarder = Forwarder(
        Command::new("socat")
            .arg(format!("TCP-LISTEN:{port},bind=127.0.0.1,fork,reuseaddr"))
            .arg("UNIX-CONNECT:/var/run/docker.sock")
            .spawn()
            .unwrap(),
    );
    let host = format!("tcp://127.0.0.1:{port}");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !Command::new("docker").arg("version").env("DOCKER_HOST", &host).output().is_ok_and(|o| o.status.success()) {
        assert!(std::time::Instant::now() < deadline, "socat did not serve Docker's API on {host}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    Some((forwarder, host))
}

struct Forwarder(std::process::Child);

impl Drop for Forwarder {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `dlint grade --run` builds and runs the mock class, two at a time on each of two engine
/// endpoints (Docker's socket, and the same daemon over TCP, the way a remote machine is reached):
/// every submission gets the verdict worked out by hand in testdata/grading/expected-run.csv,
/// whatever ran beside it (a build that never ends, a fork bomb, endless output), and the engine is
/// left as it was. (Debian's Podman 4.3 service crashed inside Buildah, a nil pointer in its stage
/// executor, while building this class two at a time, so the class is not spread onto it.)
#[test]
fn grading_a_class_builds_every_submission_in_isolation() {
    let Some(_engine) = engine() else { return };
    let Some((_forwarder, tcp)) = docker_over_tcp() else { return };
    let class = crate::grade::mock_class();
    let hosts = ["unix:///var/run/docker.sock", tcp.as_str()];
    let before: Vec<_> = hosts.iter().map(|h| engine_objects(Some(h))).collect();
    let mut args = vec!["grade", "class", "--rubric", "rubric.toml", "--run", "--jobs", "2", "--format", "csv"];
    for host in &hosts {
        args.extend(["--engine", host]);
    }
    args.extend(["--build-timeout", "30", "--startup", "3", "--timeout", "25", "--output", "report/class.csv"]);
    let out =
        Command::new(env!("CARGO_BIN_EXE_dlint")).args(&args).current_dir(class.path()).output().expect("dlint runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let after: Vec<_> = hosts.iter().map(|h| engine_objects(Some(h))).collect();
    assert_eq!(after, before, "grading left containers or images behind\n{stderr}");
    for host in &hosts[1..] {
        assert!(stderr.contains(&format!(" on {host}")), "nothing was built on {host}\n{stderr}");
    }

    let csv = std::fs::read_to_string(class.path().join("report/class.csv")).unwrap();
    let mut rows = csv.lines();
    let header: Vec<&str> = rows.next().unwrap().split(',').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (builds, healthy) = (column("builds"), column("healthy"));
    let got: Vec<String> = rows
        .map(|row| {
            let fields: Vec<&str> = row.split(',').collect();
            format!("{} builds={} healthy={} score={}", fields[0], fields[builds], fields[healthy], fields[1])
        })
        .collect();
    let expected_text =
        std::fs::read_to_string(crate::support::repo_path("testdata/grading/expected-run.csv")).unwrap();
    let expected: Vec<String> = expected_text
        .lines()
        .skip(1)
        .map(|row| {
            let fields: Vec<&str> = row.splitn(5, ',').collect();
            format!("{} builds={} healthy={} score={}", fields[0], fields[1], fields[2], fields[3])
        })
        .collect();
    assert_eq!(got, expected, "{stderr}");
    let xia = std::fs::read_to_string(class.path().join("report/feedback/xia.md")).unwrap();
    assert!(xia.contains("DR003"), "the feedback says why the container never became healthy:\n{xia}");
}

/// Ctrl-C while a class is being graded stops every check under way, cleans up, starts no more
/// and exits 130 without writing a report.
#[test]
fn ctrl_c_stops_grading_and_cleans_up() {
    let Some(_engine) = engine() else { return };
    let class = crate::grade::mock_class();
    let before = engine_objects(None);
    let mut child = Command::new(env!("CARGO_BIN_EXE_dlint"))
        .args(["grade", "class", "--rubric", "rubric.toml", "--run", "--jobs", "2", "--output", "report/class.csv"])
        .args(["--engine", "unix:///var/run/docker.sock", "--format", "csv"])
        .current_dir(class.path())
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Interrupt once builds run.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while engine_objects(None) == before {
        assert!(std::time::Instant::now() < deadline, "no build started");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    let status = crate::support::wait_at_most(&mut child, std::time::Duration::from_secs(90));
    assert_eq!(status.code(), Some(130));
    assert_eq!(engine_objects(None), before, "an interrupted grading left containers or images behind");
    assert!(!class.path().join("report/class.csv").exists(), "no report from an interrupted grading");
}
