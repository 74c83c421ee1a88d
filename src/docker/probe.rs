//! Running the built image in a sandbox and checking what the Dockerfile promised: that it keeps
//! running (or succeeds), becomes healthy, runs as a non-root user, listens on the ports it exposes,
//! stops on its stop signal, and stays within its memory and process limits.

use super::engine::{labels, Created, Engine};
use super::places::Places;
use super::procfs::{self, Listener, Protocol};
use super::Session;
use crate::lint::{Diagnostic, Severity};
use crate::rules::runtime::{
    CONTAINER_EXITED, IGNORES_STOP_SIGNAL, PORT_NOT_LISTENING, RESOURCE_LIMIT, RUNS_AS_ROOT, UNHEALTHY,
};
use bollard::models::{
    ContainerCreateBody, ContainerState, HealthStatusEnum, HostConfig, HostConfigLogConfig, ImageConfig,
};
use bollard::query_parameters::{
    CreateContainerOptionsBuilder, EventsOptionsBuilder, KillContainerOptionsBuilder, LogsOptionsBuilder,
};
use futures_util::StreamExt;
use std::collections::{BTreeSet, HashMap};
use std::time::{Duration, Instant};

/// What the container is meant to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// A service when it EXPOSEs a port or has a HEALTHCHECK, otherwise anything but a crash.
    Auto,
    /// Keeps running.
    Service,
    /// Finishes with exit code 0 within the time limit.
    Job,
}

/// The container's limits.
#[derive(Clone, Debug)]
pub struct Sandbox {
    /// Bytes (also the build's limit).
    pub memory: i64,
    pub pids: i64,
    pub cpus: f64,
    /// Network of the build and the container (`none` unless asked).
    pub network: String,
    pub cap_add: Vec<String>,
}

/// How many log lines a finding quotes.
const LOG_LINES: usize = 10;
const POLL: Duration = Duration::from_millis(200);

/// Runs the image and returns the findings, all checks done by `deadline`. The container is recorded
/// for removal.
pub async fn probe(
    session: &Session<'_>,
    image: &str,
    config: &ImageConfig,
    places: &Places<'_, '_>,
    deadline: Instant,
) -> Result<Vec<Diagnostic>, String> {
    let Session { engine, options, created, progress } = *session;
    let docker = &engine.docker;
    let sandbox = &options.sandbox;
    let id = create(engine, image, sandbox, created).await?;
    docker
        .start_container(&id, None::<bollard::query_parameters::StartContainerOptions>)
        .await
        .map_err(|e| format!("cannot start the container: {e}"))?;
    progress("container started");
    let started = Instant::now();
    let started_unix = unix_now().saturating_sub(1);
    let exposed = exposed_ports(config);
    let health =
        config.healthcheck.as_ref().filter(|h| h.test.as_ref().is_some_and(|t| t.first().is_some_and(|f| f != "NONE")));
    let service = match options.expect {
        Expect::Service => true,
        Expect::Job => false,
        Expect::Auto => !exposed.is_empty() || health.is_some(),
    };
    let mut found = Vec::new();
    let report = |found: &mut Vec<Diagnostic>, meta, severity, at: usize, message: String| {
        found.push(Diagnostic::new(meta, severity, places.span(at), message));
    };

    // Startup: a job runs to its end; anything else gets the startup window.
    let until = match options.expect {
        Expect::Job => deadline,
        _ => (started + options.startup).min(deadline),
    };
    let mut state = wait_while_running(engine, &id, until).await?;
    let command = places.command();
    if !is_running(&state) {
        let code = state.exit_code.unwrap_or(-1);
        let logs = last_logs(engine, &id).await;
        let elapsed = started.elapsed().as_secs_f64();
        if state.oom_killed == Some(true) {
            let message = format!(
                "the container was killed for using more than its {} of memory{logs}",
                megabytes(sandbox.memory)
            );
            report(&mut found, &RESOURCE_LIMIT, RESOURCE_LIMIT.severity, command, message);
        } else if service {
            let why = service_reason(options.expect, &exposed, health.is_some());
            let message = format!(
                "the container exited with code {code} after {elapsed:.1} s, but it is a service ({why}){logs}"
            );
            report(&mut found, &CONTAINER_EXITED, CONTAINER_EXITED.severity, command, message);
        } else if code != 0 {
            let message = format!("the container exited with code {code} after {elapsed:.1} s{logs}");
            report(&mut found, &CONTAINER_EXITED, CONTAINER_EXITED.severity, command, message);
        }
        if configured_root(config) {
            let message =
                "the container runs as root (from the image config: the process ended before it could be inspected)";
            report(&mut found, &RUNS_AS_ROOT, RUNS_AS_ROOT.severity, places.user(), message.to_owned());
        }
        return Ok(found);
    }
    if options.expect == Expect::Job {
        let limit = deadline.saturating_duration_since(started).as_secs();
        let message =
            format!("the job was still running when the {limit} s time limit ran out{}", last_logs(engine, &id).await);
        report(&mut found, &CONTAINER_EXITED, CONTAINER_EXITED.severity, command, message);
    }

    let pid = state.pid.unwrap_or(0);
    let proc = ProcReader { engine, id: &id, pid };
    match proc.uid().await {
        Some(0) => report(
            &mut found,
            &RUNS_AS_ROOT,
            RUNS_AS_ROOT.severity,
            places.user(),
            "the container's main process runs as root (uid 0)".to_owned(),
        ),
        Some(_) => {}
        None => progress("could not read the container's process (uid): DR004 not checked"),
    }

    if let Some(health) = health {
        let period = |ns: Option<i64>, default: u64| {
            Duration::from_nanos(ns.filter(|n| *n > 0).map_or(default * 1_000_000_000, |n| n as u64))
        };
        let (interval, timeout) = (period(health.interval, 30), period(health.timeout, 30));
        let start = period(health.start_period, 0);
        let retries = health.retries.filter(|r| *r > 0).unwrap_or(3) as u32;
        // Podman's probes start now, when dlint asks for them; the engine's own ran from the start.
        let probing_since = if engine.podman { Instant::now() } else { started };
        let verdict_by = probing_since + start + (interval + timeout) * (retries + 1);
        let line = places.last(crate::syntax::Keyword::Healthcheck).unwrap_or(places.from());
        progress("waiting for the health check");
        state = wait_for_health(engine, &id, interval, verdict_by.min(deadline), progress).await?;
        let status = state.health.as_ref().and_then(|h| h.status);
        let probe_output = health_output(&state);
        if !is_running(&state) {
            let code = state.exit_code.unwrap_or(-1);
            let message = format!(
                "the container exited with code {code} while its health check was starting{}",
                last_logs(engine, &id).await
            );
            report(&mut found, &CONTAINER_EXITED, CONTAINER_EXITED.severity, command, message);
            return Ok(found);
        }
        match status {
            Some(HealthStatusEnum::HEALTHY) => {}
            Some(HealthStatusEnum::UNHEALTHY) => {
                let message = format!(
                    "the container became unhealthy after {:.1} s{probe_output}",
                    started.elapsed().as_secs_f64()
                );
                report(&mut found, &UNHEALTHY, UNHEALTHY.severity, line, message);
            }
            _ => {
                let waited = started.elapsed().as_secs_f64();
                let message =
                    format!("the container was not healthy after {waited:.1} s (health: starting){probe_output}");
                report(&mut found, &UNHEALTHY, UNHEALTHY.severity, line, message);
            }
        }
    }

    match proc.listeners().await {
        Some(listening) => check_ports(&exposed, &listening, places, &mut found),
        None => progress("could not read the container's sockets: DR005 not checked"),
    }

    // The cgroup's own counters where this machine can read them; the engine's view otherwise.
    let oom_kills = match proc.cgroup_counter("memory", "memory.oom_control", "memory.events", "oom_kill") {
        Some(count) => count,
        None => oom_events(engine, &id, started_unix).await,
    };
    if oom_kills > 0 {
        let message = format!(
            "a process of the container was killed for using more than its {} of memory",
            megabytes(sandbox.memory)
        );
        report(&mut found, &RESOURCE_LIMIT, RESOURCE_LIMIT.severity, command, message);
    }
    let at_pids_limit = match proc.cgroup_counter("pids", "pids.events", "pids.events", "max") {
        Some(refused_forks) => refused_forks > 0,
        None => process_count(engine, &id).await.is_some_and(|count| count >= sandbox.pids as usize),
    };
    if at_pids_limit {
        let message =
            format!("the container reached its limit of {} processes (a fork bomb or a process leak)", sandbox.pids);
        report(&mut found, &RESOURCE_LIMIT, RESOURCE_LIMIT.severity, command, message);
    }

    let signal = config.stop_signal.clone().filter(|s| !s.is_empty()).unwrap_or_else(|| "SIGTERM".to_owned());
    let stopped = stop(engine, &id, &signal, options.stop_timeout).await?;
    if !stopped {
        let line = places.last(crate::syntax::Keyword::Stopsignal).unwrap_or(command);
        let message = format!(
            "the container did not stop within {} s of {signal}, so `docker stop` kills it: PID 1 ignores signals it has no handler for",
            options.stop_timeout.as_secs()
        );
        report(&mut found, &IGNORES_STOP_SIGNAL, IGNORES_STOP_SIGNAL.severity, line, message);
    }
    Ok(found)
}

async fn create(engine: &Engine, image: &str, sandbox: &Sandbox, created: &Created) -> Result<String, String> {
    let host_config = HostConfig {
        memory: Some(sandbox.memory),
        memory_swap: Some(sandbox.memory),
        pids_limit: Some(sandbox.pids),
        nano_cpus: Some((sandbox.cpus * 1e9) as i64),
        privileged: Some(false),
        security_opt: Some(vec!["no-new-privileges".to_owned()]),
        cap_drop: Some(vec!["ALL".to_owned()]),
        cap_add: (!sandbox.cap_add.is_empty()).then(|| sandbox.cap_add.clone()),
        network_mode: Some(sandbox.network.clone()),
        // Endless output must not fill the engine's disk.
        log_config: Some(HostConfigLogConfig {
            typ: Some("json-file".to_owned()),
            config: Some(HashMap::from([
                ("max-size".to_owned(), "10m".to_owned()),
                ("max-file".to_owned(), "1".to_owned()),
            ])),
        }),
        ..HostConfig::default()
    };
    let body = ContainerCreateBody {
        image: Some(image.to_owned()),
        labels: Some(labels()),
        host_config: Some(host_config),
        ..ContainerCreateBody::default()
    };
    let options = CreateContainerOptionsBuilder::default().build();
    let response = engine
        .docker
        .create_container(Some(options), body)
        .await
        .map_err(|e| format!("cannot create the container: {e}"))?;
    created.container(&response.id);
    Ok(response.id)
}

async fn inspect(engine: &Engine, id: &str) -> Result<ContainerState, String> {
    let failed = |e: &dyn std::fmt::Display| format!("cannot inspect the container: {e}");
    match engine.docker.inspect_container(id, None::<bollard::query_parameters::InspectContainerOptions>).await {
        Ok(response) => Ok(response.state.unwrap_or_default()),
        Err(bollard::errors::Error::JsonDataError { contents, .. }) => {
            state_from_json(&contents).map_err(|e| failed(&e))
        }
        Err(e) => Err(failed(&e)),
    }
}

/// The container state from an inspect answer the Docker API types reject: Podman says `stopped`
/// where Docker says `exited`.
fn state_from_json(contents: &str) -> Result<ContainerState, serde_json::Error> {
    let mut answer: serde_json::Value = serde_json::from_str(contents)?;
    let mut state = answer["State"].take();
    if state["Status"] == "stopped" {
        state["Status"] = "exited".into();
    }
    serde_json::from_value(state)
}

fn is_running(state: &ContainerState) -> bool {
    state.running == Some(true)
}

/// Polls until the container stops or `until` passes; returns its last state.
async fn wait_while_running(engine: &Engine, id: &str, until: Instant) -> Result<ContainerState, String> {
    loop {
        let state = inspect(engine, id).await?;
        if !is_running(&state) || Instant::now() >= until {
            return Ok(state);
        }
        tokio::time::sleep(POLL.min(until.saturating_duration_since(Instant::now()))).await;
    }
}

/// Polls until the health check gives a verdict, the container stops, or `until` passes. Podman runs
/// health checks on a systemd timer, which a machine without systemd lacks: there each probe is asked
/// for through Podman's own API, one per `interval`.
async fn wait_for_health(
    engine: &Engine,
    id: &str,
    interval: Duration,
    until: Instant,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<ContainerState, String> {
    let mut next_probe = Instant::now();
    loop {
        if engine.podman && Instant::now() >= next_probe {
            let remaining = until.saturating_duration_since(Instant::now());
            // A probe that outlives the wait is not waited for: the verdict is "still starting".
            if let Ok(Err(e)) = tokio::time::timeout(remaining, engine.podman_health_check(id)).await {
                progress(&format!("could not run the health check through Podman's API: {e}"));
            }
            next_probe = Instant::now() + interval;
        }
        let state = inspect(engine, id).await?;
        let status = state.health.as_ref().and_then(|h| h.status);
        let decided = matches!(status, Some(HealthStatusEnum::HEALTHY | HealthStatusEnum::UNHEALTHY));
        if decided || !is_running(&state) || Instant::now() >= until {
            return Ok(state);
        }
        tokio::time::sleep(POLL).await;
    }
}

/// The last health probe's exit code and output, as a message suffix.
fn health_output(state: &ContainerState) -> String {
    let last = state.health.as_ref().and_then(|h| h.log.as_ref()).and_then(|log| log.last());
    match last {
        Some(result) => {
            let output = result.output.as_deref().unwrap_or("").trim();
            let code = result.exit_code.unwrap_or(-1);
            if output.is_empty() {
                format!("; the last probe exited with code {code}")
            } else {
                format!("; the last probe exited with code {code}: {}", quote_lines(output))
            }
        }
        None => "; no probe finished".to_owned(),
    }
}

fn service_reason(expect: Expect, exposed: &[(u16, Protocol)], health: bool) -> String {
    match (expect, exposed.first(), health) {
        (Expect::Service, _, _) => "--expect service".to_owned(),
        (_, Some((port, protocol)), _) => format!("it exposes {port}/{}", protocol.as_str()),
        _ if health => "it has a HEALTHCHECK".to_owned(),
        _ => "--expect service".to_owned(),
    }
}

/// The container's last log lines, as a message suffix.
async fn last_logs(engine: &Engine, id: &str) -> String {
    let options = LogsOptionsBuilder::default().stdout(true).stderr(true).tail(&LOG_LINES.to_string()).build();
    let mut stream = engine.docker.logs(id, Some(options));
    let mut text = String::new();
    while let Some(Ok(chunk)) = stream.next().await {
        text.push_str(&String::from_utf8_lossy(&chunk.into_bytes()));
        // A line of megabytes is cut: the message stays readable.
        if text.len() > 4096 {
            break;
        }
    }
    let text = text.trim();
    if text.is_empty() {
        "; it printed nothing".to_owned()
    } else {
        format!("; its last output: {}", quote_lines(text))
    }
}

/// Output lines joined for a one-line message, at most a few hundred characters.
fn quote_lines(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).filter(|l| !l.is_empty()).collect();
    let tail = &lines[lines.len().saturating_sub(LOG_LINES)..];
    let mut joined = tail.join(" | ");
    if joined.chars().count() > 600 {
        joined =
            format!("…{}", joined.chars().rev().take(600).collect::<Vec<_>>().into_iter().rev().collect::<String>());
    }
    format!("`{joined}`")
}

fn megabytes(bytes: i64) -> String {
    format!("{} MB", bytes / (1024 * 1024))
}

/// The image config's `User` says root (or nothing, which is root).
fn configured_root(config: &ImageConfig) -> bool {
    let user = config.user.as_deref().unwrap_or("");
    let name = user.split(':').next().unwrap_or("");
    name.is_empty() || name == "root" || name == "0"
}

/// `8080/tcp` entries of the image config.
fn exposed_ports(config: &ImageConfig) -> Vec<(u16, Protocol)> {
    let mut ports: Vec<(u16, Protocol)> = config
        .exposed_ports
        .iter()
        .flatten()
        .filter_map(|entry| {
            let (port, protocol) = entry.split_once('/').unwrap_or((entry, "tcp"));
            let protocol = if protocol.eq_ignore_ascii_case("udp") { Protocol::Udp } else { Protocol::Tcp };
            Some((port.parse().ok()?, protocol))
        })
        .collect();
    ports.sort();
    ports
}

fn check_ports(exposed: &[(u16, Protocol)], listening: &[Listener], places: &Places, found: &mut Vec<Diagnostic>) {
    for &(port, protocol) in exposed {
        let bound: Vec<&Listener> = listening.iter().filter(|l| l.port == port && l.protocol == protocol).collect();
        let message = if bound.is_empty() {
            format!("port {port}/{} is exposed, but nothing listens on it", protocol.as_str())
        } else if bound.iter().all(|l| l.loopback) {
            format!(
                "port {port}/{} listens only on the loopback address, so nothing outside the container reaches it; bind 0.0.0.0",
                protocol.as_str()
            )
        } else {
            continue;
        };
        let at = places.expose(port, protocol.as_str());
        found.push(Diagnostic::new(&PORT_NOT_LISTENING, PORT_NOT_LISTENING.severity, places.span(at), message));
    }
    let unexposed: BTreeSet<(u16, Protocol)> = listening
        .iter()
        .filter(|l| !l.loopback && !exposed.contains(&(l.port, l.protocol)))
        .map(|l| (l.port, l.protocol))
        .collect();
    if !unexposed.is_empty() {
        let list: Vec<String> = unexposed.iter().map(|(p, proto)| format!("{p}/{}", proto.as_str())).collect();
        let at = places.last(crate::syntax::Keyword::Expose).unwrap_or(places.command());
        let message = format!("the container listens on {}, which the Dockerfile does not EXPOSE", list.join(", "));
        found.push(Diagnostic::new(&PORT_NOT_LISTENING, Severity::Info, places.span(at), message));
    }
}

/// The container's main process, seen from this machine's /proc when the engine is local, else
/// through `cat` run inside the container.
struct ProcReader<'e> {
    engine: &'e Engine,
    id: &'e str,
    pid: i64,
}

impl ProcReader<'_> {
    async fn read(&self, file: &str) -> Option<String> {
        if self.engine.local && self.pid > 0 {
            if let Ok(text) = std::fs::read_to_string(format!("/proc/{}/{file}", self.pid)) {
                return Some(text);
            }
        }
        exec_output(self.engine, self.id, &["cat", &format!("/proc/1/{file}")]).await
    }

    /// A counter of the container's cgroup, read on this machine: the line `key N` of `v1_file` under
    /// the controller's hierarchy (cgroup v1), or of `v2_file` (cgroup v2).
    fn cgroup_counter(&self, controller: &str, v1_file: &str, v2_file: &str, key: &str) -> Option<u64> {
        if !self.engine.local || self.pid <= 0 {
            return None;
        }
        let membership = std::fs::read_to_string(format!("/proc/{}/cgroup", self.pid)).ok()?;
        let file = match procfs::cgroup_path(&membership, controller)? {
            procfs::Cgroup::V1(path) => format!("/sys/fs/cgroup/{controller}{path}/{v1_file}"),
            procfs::Cgroup::V2(path) => format!("/sys/fs/cgroup{path}/{v2_file}"),
        };
        procfs::counter(&std::fs::read_to_string(file).ok()?, key)
    }

    async fn uid(&self) -> Option<u32> {
        let uid = procfs::effective_uid(&self.read("status").await?)?;
        match self.read("uid_map").await {
            Some(map) => procfs::uid_inside(uid, &map),
            None => Some(uid),
        }
    }

    async fn listeners(&self) -> Option<Vec<Listener>> {
        let mut all = Vec::new();
        let mut any = false;
        for (table, protocol) in [
            ("net/tcp", Protocol::Tcp),
            ("net/tcp6", Protocol::Tcp),
            ("net/udp", Protocol::Udp),
            ("net/udp6", Protocol::Udp),
        ] {
            if let Some(text) = self.read(table).await {
                any = true;
                all.extend(procfs::listeners(&text, protocol));
            }
        }
        any.then_some(all)
    }
}

/// Runs a command in the container and returns what it printed, if it succeeded.
async fn exec_output(engine: &Engine, id: &str, command: &[&str]) -> Option<String> {
    use bollard::exec::{CreateExecOptions, StartExecResults};
    let options = CreateExecOptions {
        cmd: Some(command.iter().map(|s| s.to_string()).collect()),
        attach_stdout: Some(true),
        attach_stderr: Some(false),
        ..CreateExecOptions::default()
    };
    let exec = engine.docker.create_exec(id, options).await.ok()?;
    let StartExecResults::Attached { mut output, .. } = engine.docker.start_exec(&exec.id, None).await.ok()? else {
        return None;
    };
    let mut text = String::new();
    while let Some(Ok(chunk)) = output.next().await {
        text.push_str(&String::from_utf8_lossy(&chunk.into_bytes()));
    }
    let inspected = engine.docker.inspect_exec(&exec.id).await.ok()?;
    (inspected.exit_code == Some(0)).then_some(text)
}

/// How many processes run in the container.
async fn process_count(engine: &Engine, id: &str) -> Option<usize> {
    let top = engine.docker.top_processes(id, None::<bollard::query_parameters::TopOptions>).await.ok()?;
    top.processes.map(|p| p.len())
}

/// How many times the engine saw the kernel kill one of the container's processes for memory since
/// `since` (the main process may survive it: the engine's `OOMKilled` flag then stays false). Docker
/// reports these; Podman only a killed main process.
async fn oom_events(engine: &Engine, id: &str, since: u64) -> u64 {
    let filters =
        HashMap::from([("container".to_owned(), vec![id.to_owned()]), ("event".to_owned(), vec!["oom".to_owned()])]);
    let options = EventsOptionsBuilder::default()
        .since(&since.to_string())
        .until(&(unix_now() + 1).to_string())
        .filters(&filters)
        .build();
    let mut events = engine.docker.events(Some(options));
    let mut count = 0;
    while let Some(Ok(_)) = events.next().await {
        count += 1;
    }
    count
}

fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// Sends the stop signal and waits; true when the container stopped in time.
async fn stop(engine: &Engine, id: &str, signal: &str, timeout: Duration) -> Result<bool, String> {
    let options = KillContainerOptionsBuilder::default().signal(signal).build();
    if let Err(e) = engine.docker.kill_container(id, Some(options)).await {
        // Gone already (it exited between the probes and now).
        return match inspect(engine, id).await {
            Ok(state) if !is_running(&state) => Ok(true),
            _ => Err(format!("cannot send {signal} to the container: {e}")),
        };
    }
    let state = wait_while_running(engine, id, Instant::now() + timeout).await?;
    Ok(!is_running(&state))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn podman_stopped_state_reads_as_exited() {
        let answer =
            r#"{"Id": "x", "State": {"Status": "stopped", "Running": false, "ExitCode": 3, "OOMKilled": false}}"#;
        let state = state_from_json(answer).unwrap();
        assert_eq!((state.running, state.exit_code), (Some(false), Some(3)));
        assert_eq!(state.status, Some(bollard::models::ContainerStateStatusEnum::EXITED));
    }
}
