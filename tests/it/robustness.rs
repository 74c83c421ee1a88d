//! Pathological inputs through the CLI: each is linted (or refused with a clear error) within a time
//! limit, never a panic or a hang.

use crate::support::output_within;
use crate::write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Outcome {
    code: i32,
    stderr: String,
    seconds: f64,
}

/// `dlint check --no-config -q FILE` in `dir`, killed and failed after `limit`.
fn lint(dir: &Path, file: &str, limit: Duration) -> Outcome {
    let started = Instant::now();
    let mut dlint = Command::new(env!("CARGO_BIN_EXE_dlint"));
    dlint.args(["check", "--no-config", "-q", "--format", "concise", file]).current_dir(dir);
    let (status, _, stderr) = output_within(&mut dlint, limit);
    assert!(!stderr.contains("panicked"), "{file}: {stderr}");
    Outcome { code: status.code().expect("dlint exits normally"), stderr, seconds: started.elapsed().as_secs_f64() }
}

#[test]
fn huge_and_deep_files_are_linted_in_time() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    let continued: String = (0..100_000).map(|i| format!("  && echo {i} \\\n")).collect();
    write(dir, "continued.Dockerfile", format!("FROM alpine:3.20\nRUN echo start \\\n{continued}  && echo end\n"));
    let stages: String = (0..1_000).map(|i| format!("FROM alpine:3.20 AS s{i}\nRUN echo {i}\n")).collect();
    write(dir, "stages.Dockerfile", stages);
    let depth = 5_000;
    let nested = format!("FROM alpine:3.20\nARG a\nRUN echo {}x{}\n", "${a:-".repeat(depth), "}".repeat(depth));
    write(dir, "nested.Dockerfile", nested);
    let line = "RUN echo a line with some padding text to make it longer && ls /tmp\n";
    let big = format!("FROM alpine:3.20\n{}", line.repeat(10 * 1024 * 1024 / line.len() + 1));
    write(dir, "big.Dockerfile", big);
    // The limits are generous for a debug build on a loaded machine; before `&&` chains were walked
    // in linear time, the 100,000-line RUN took minutes.
    let limits =
        [("continued.Dockerfile", 60), ("stages.Dockerfile", 60), ("nested.Dockerfile", 60), ("big.Dockerfile", 300)];
    for (file, seconds) in limits {
        let outcome = lint(dir, file, Duration::from_secs(seconds));
        assert_eq!(outcome.code, 1, "{file}: {}", outcome.stderr);
        eprintln!("{file}: {:.1} s", outcome.seconds);
    }
}

#[test]
fn odd_bytes_and_line_ends_are_findings_or_clear_errors() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    write(dir, "nul.Dockerfile", b"FROM alpine:3.20\nRUN echo \0 hi\n\0\0\0\n");
    write(dir, "crlf.Dockerfile", b"FROM alpine:3.20\r\nRUN echo hi \\\r\n  && echo there\r\nCMD [\"sh\"]\r\n");
    for file in ["nul.Dockerfile", "crlf.Dockerfile"] {
        let outcome = lint(dir, file, Duration::from_secs(60));
        assert_eq!(outcome.code, 1, "{file}: {}", outcome.stderr);
    }
    write(dir, "latin1.Dockerfile", b"FROM alpine:3.20\nLABEL author=\"Jos\xe9\"\n");
    let outcome = lint(dir, "latin1.Dockerfile", Duration::from_secs(60));
    assert_eq!(outcome.code, 2);
    assert!(outcome.stderr.contains("latin1.Dockerfile:2:"), "the error names the file and line: {}", outcome.stderr);
    // A directory with a Dockerfile's name is searched, not read.
    write(dir, "Dockerfile/app.Dockerfile", "FROM alpine:3.20\nRUN echo \"$(date)\"\n");
    let outcome = lint(dir, "Dockerfile", Duration::from_secs(60));
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
}

/// Thousands of findings on one 100 KB line print a window of the line each, not the whole line: the
/// terminal report stays in proportion to the findings, and quick.
#[test]
fn findings_on_a_very_long_line_print_windows_of_it() {
    let temp = tempfile::tempdir().unwrap();
    let packages: String = (0..10_000).map(|i| format!(" pkg{i}")).collect();
    write(temp.path(), "Dockerfile", format!("FROM debian:12\nRUN apt-get install -y{packages}\n"));
    let mut dlint = Command::new(env!("CARGO_BIN_EXE_dlint"));
    dlint.args(["check", "--no-config", "--select", "DL3008", "Dockerfile"]).current_dir(temp.path());
    let (status, stdout, stderr) = output_within(&mut dlint, Duration::from_secs(60));
    assert_eq!(status.code(), Some(1), "{stderr}");
    let findings = stdout.matches("warning[DL3008]").count();
    assert_eq!(findings, 10_000);
    assert!(stdout.len() < findings * 1_000, "{} bytes for {findings} findings", stdout.len());
    let last = "pkg9999";
    let column = format!("RUN apt-get install -y{packages}").find(last).unwrap() + 1;
    assert!(stdout.contains(&format!("Dockerfile:2:{column}")), "the file's own column");
    let window = stdout.lines().find(|line| line.starts_with("2 │ …") && line.ends_with(last));
    assert!(window.is_some_and(|line| line.len() < 200), "a window around the last finding");
}

/// A file that takes longer than `--file-timeout` stops the run with an error naming it; a report
/// being written to `--output` is left neither half written nor behind as a temporary file.
#[test]
fn a_file_over_the_time_limit_stops_the_run_with_its_name() {
    let temp = tempfile::tempdir().unwrap();
    let line = "RUN apt-get install curl && echo some padding to make the line longer\n";
    write(temp.path(), "slow.Dockerfile", format!("FROM debian:12\n{}", line.repeat(100_000)));
    let mut dlint = Command::new(env!("CARGO_BIN_EXE_dlint"));
    dlint
        .args(["check", "--no-config", "--file-timeout", "0.05", "--output", "report.txt", "slow.Dockerfile"])
        .current_dir(temp.path());
    let (status, _, stderr) = output_within(&mut dlint, Duration::from_secs(60));
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("error: slow.Dockerfile: linting took longer than 0.05 s"), "{stderr}");
    let left: Vec<_> = std::fs::read_dir(temp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, ["slow.Dockerfile"]);

    let mut dlint = Command::new(env!("CARGO_BIN_EXE_dlint"));
    dlint.args(["check", "--no-config", "--file-timeout", "0", "slow.Dockerfile"]).current_dir(temp.path());
    let (status, _, stderr) = output_within(&mut dlint, Duration::from_secs(60));
    assert_eq!(status.code(), Some(2));
    assert!(stderr.contains("`0` is not a positive number of seconds"), "{stderr}");
}
