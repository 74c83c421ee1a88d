//! The build-and-run checker (feature `docker`): packs the context, builds the image with a container
//! engine, inspects and runs it in a sandbox, rebuilds to test the cache, and reports what it finds as
//! diagnostics on the Dockerfile's lines. Everything it creates on the engine is removed afterwards.
//! Only this module and the language server may do IO beyond reading Dockerfiles.

mod build;
mod cache;
pub mod context;
mod engine;
mod image;
mod places;
mod probe;
mod procfs;
mod steps;

pub use probe::{Expect, Sandbox};

use crate::lint::{Diagnostic, Severity};
use crate::rules::instructions::dl3064::looks_secret;
use crate::rules::runtime::{BUILD_FAILED, BUILD_TOOLS_IN_IMAGE, IMAGE_SIZE, SECRET_IN_IMAGE};
use crate::semantic::Model;
use crate::syntax::Keyword;
use crate::text::line_number;
use build::{build, BuildRequest};
use engine::{Created, Engine};
use futures_util::StreamExt;
use places::Places;
use std::io::{Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How to build and run.
#[derive(Clone, Debug)]
pub struct RunOptions {
    pub context: PathBuf,
    /// The Dockerfile on disk (inside the context or not).
    pub dockerfile: PathBuf,
    pub target: Option<String>,
    pub build_args: Vec<(String, String)>,
    pub sandbox: Sandbox,
    pub expect: Expect,
    /// How long a service must stay up.
    pub startup: Duration,
    /// Time limit of running and probing the container.
    pub timeout: Duration,
    /// Time limit of each build.
    pub build_timeout: Duration,
    pub stop_timeout: Duration,
    /// Keep the built image under this tag instead of removing it.
    pub keep: Option<String>,
    /// Image size budget in bytes: over it, DR008 is an error.
    pub max_size: Option<u64>,
    /// Rebuild with a changed source file to test the cache (DR006).
    pub cache_check: bool,
    /// The engine to use (a `DOCKER_HOST` value) instead of `DOCKER_HOST` or the default socket.
    pub engine: Option<String>,
    /// Other checks may build on the same engine at the same time (grading a class): build without
    /// the layer cache, so that no check's image is built on another's. Incompatible with
    /// `cache_check`.
    pub isolated: bool,
}

impl RunOptions {
    pub fn new(context: PathBuf, dockerfile: PathBuf) -> Self {
        RunOptions {
            context,
            dockerfile,
            target: None,
            build_args: Vec::new(),
            sandbox: Sandbox {
                memory: 512 * 1024 * 1024,
                pids: 256,
                cpus: 1.0,
                network: "none".to_owned(),
                cap_add: Vec::new(),
            },
            expect: Expect::Auto,
            startup: Duration::from_secs(5),
            timeout: Duration::from_secs(60),
            build_timeout: Duration::from_secs(600),
            stop_timeout: Duration::from_secs(5),
            keep: None,
            max_size: None,
            cache_check: true,
            engine: None,
            isolated: false,
        }
    }
}

/// Why a check could not give findings.
#[derive(Debug)]
pub enum RunError {
    /// No engine, bad options, an unreadable context, an engine failing midway.
    Failed(String),
    /// Ctrl-C.
    Interrupted,
}

/// What every part of one check shares.
#[derive(Clone, Copy)]
struct Session<'a> {
    engine: &'a Engine,
    options: &'a RunOptions,
    /// Everything the check creates on the engine, for removal.
    created: &'a Created,
    progress: &'a (dyn Fn(&str) + Sync),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Failed(message) => f.write_str(message),
            RunError::Interrupted => f.write_str("interrupted"),
        }
    }
}

/// Builds and runs the Dockerfile whose text is `source`, reporting progress lines through `progress`.
/// Returns the runtime findings (not yet filtered by settings or suppressions).
pub fn check(
    source: &str,
    options: &RunOptions,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<Vec<Diagnostic>, RunError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| RunError::Failed(format!("cannot start the async runtime: {e}")))?;
    runtime.block_on(async {
        // Requests may stream a whole build: they get the build's time limit.
        let engine = Engine::connect(options.engine.as_deref(), options.build_timeout + Duration::from_secs(60))
            .await
            .map_err(RunError::Failed)?;
        progress(&format!(
            "engine at {} (API {}{})",
            engine.host,
            engine.api_version,
            if engine.podman { ", Podman" } else { "" }
        ));
        let created = Created::default();
        created.snapshot(&engine.docker).await.map_err(RunError::Failed)?;
        let session = Session { engine: &engine, options, created: &created, progress };
        let outcome = tokio::select! {
            outcome = run_checks(session, source) => outcome,
            _ = tokio::signal::ctrl_c() => Err(RunError::Interrupted),
        };
        let left = created.remove_all(&engine.docker, options.keep.as_deref()).await;
        for problem in &left {
            progress(&format!("could not remove {problem}"));
        }
        if let (Some(tag), Ok(_)) = (&options.keep, &outcome) {
            progress(&format!("kept the image as {tag}"));
        }
        outcome
    })
}

async fn run_checks(session: Session<'_>, source: &str) -> Result<Vec<Diagnostic>, RunError> {
    let Session { engine, options, progress, .. } = session;
    let file = crate::syntax::parse(source);
    let model = Model::build(source, &file);
    let places = Places::new(&model, options.target.as_deref()).ok_or_else(|| {
        RunError::Failed(match &options.target {
            Some(target) => format!("--target {target}: no stage of that name"),
            None => "the Dockerfile has no FROM".to_owned(),
        })
    })?;
    let context = &options.context;
    if !context.is_dir() {
        return Err(RunError::Failed(format!("{}: the build context is not a directory", context.display())));
    }
    let dockerfile_name = name_in_context(context, &options.dockerfile);
    let pack = |changed: Option<&str>| {
        let packing = context::Packing { dockerfile: &dockerfile_name, dockerfile_text: Some(source), changed };
        context::pack(context, &packing)
            .map_err(|e| RunError::Failed(format!("{}: cannot pack the build context: {e}", context.display())))
    };
    let packed = pack(None)?;
    // Checks running side by side in one process (grading) each get their own tag.
    static CHECKS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let check = CHECKS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tag = options.keep.clone().unwrap_or_else(|| format!("dlint-run:{}-{check}", std::process::id()));
    progress(&format!(
        "building {} ({} context entries, network {})",
        options.dockerfile.display(),
        packed.entries.len(),
        options.sandbox.network
    ));
    if let Err(failure) = timed_build(session, &places, &dockerfile_name, packed.tar, &tag).await {
        return Ok(vec![failure]);
    }
    let mut found = Vec::new();
    let inspected = engine
        .docker
        .inspect_image(&tag)
        .await
        .map_err(|e| RunError::Failed(format!("cannot inspect the built image: {e}")))?;
    let size = inspected.size.unwrap_or(0).max(0) as u64;
    progress(&format!("built: {}", human_size(size)));

    let saved = save(engine, &tag).await?;
    found.extend(image_findings(&places, &saved, size, options));

    progress("running the container");
    // The probes watch their own deadline; this limit only guards against an engine that stops answering.
    let limit = options.timeout + options.stop_timeout + Duration::from_secs(30);
    let deadline = Instant::now() + options.timeout;
    match tokio::time::timeout(limit, probe::probe(&session, &tag, &saved.config, &places, deadline)).await {
        Ok(result) => found.extend(result.map_err(RunError::Failed)?),
        Err(_) => return Err(RunError::Failed(format!("the engine did not answer within {} s", limit.as_secs()))),
    }

    if options.cache_check {
        match cache::plan(&places, context, &packed.entries, &dockerfile_name) {
            Some(plan) => {
                progress(&format!("rebuilding with a changed `{}` to test the cache", plan.file));
                let changed = pack(Some(&plan.file))?;
                let retag = format!("{tag}-cache");
                match timed_build(session, &places, &dockerfile_name, changed.tar, &retag).await {
                    Ok(rebuilt) => found.extend(cache::judge(&places, &plan, &rebuilt)),
                    Err(failure) => {
                        progress(&format!("the rebuild failed, so the cache was not tested: {}", failure.message))
                    }
                }
            }
            None => {
                progress("no dependency install follows a copy of source files: the cache check has nothing to test")
            }
        }
    }
    Ok(found)
}

/// A build within the build time limit: its steps, or the DR001 finding when it fails or runs out of
/// time (on the step under way).
async fn timed_build(
    session: Session<'_>,
    places: &Places<'_, '_>,
    dockerfile: &str,
    tar: Vec<u8>,
    tag: &str,
) -> Result<Vec<steps::Step>, Diagnostic> {
    let options = session.options;
    let request = BuildRequest { context_tar: tar, dockerfile, tag };
    let started = Instant::now();
    let mut log = steps::BuildLog::default();
    let outcome = tokio::time::timeout(options.build_timeout, build(&session, request, &mut log)).await;
    log.match_instructions(places.model);
    let last_step = log.steps.iter().rev().find(|s| s.instruction.is_some());
    let at = last_step.and_then(|s| s.instruction).unwrap_or(places.model.stages.first().map_or(0, |s| s.from));
    let span = places.model.file.instructions.get(at).map_or(crate::text::Span::empty(0), |i| i.span);
    let failure = |message: String| Diagnostic::new(&BUILD_FAILED, BUILD_FAILED.severity, span, message);
    let error = match outcome {
        Ok(error) => error,
        Err(_) => {
            let limit = options.build_timeout.as_secs_f64();
            return Err(failure(format!(
                "the build did not finish within {limit} s (--build-timeout): this step was still running"
            )));
        }
    };
    if let Some(error) = error {
        let output = last_step.map_or(&log.preamble, |s| &s.output);
        let mut message = format!("the build failed here: {}", error.trim());
        if let Some(feature) = buildkit_only(places.model) {
            message.push_str(&format!(" (the classic builder `dlint run` uses does not support {feature})"));
        }
        let tail: Vec<&str> =
            output.iter().rev().take(8).rev().map(|l| l.trim_end()).filter(|l| !l.is_empty()).collect();
        if !tail.is_empty() {
            message.push_str(&format!("; last output: `{}`", tail.join(" | ")));
        }
        return Err(failure(message));
    }
    (session.progress)(&format!(
        "build finished in {:.1} s ({} of {} steps from the cache)",
        started.elapsed().as_secs_f64(),
        log.steps.iter().filter(|s| s.cached).count(),
        log.steps.len()
    ));
    Ok(log.steps)
}

/// A BuildKit-only feature the file uses, which the classic builder rejects.
fn buildkit_only(model: &Model) -> Option<&'static str> {
    let instructions = &model.file.instructions;
    if instructions.iter().any(|i| !i.heredocs().is_empty()) {
        Some("heredocs")
    } else if instructions.iter().any(|i| {
        i.keyword == Keyword::Run
            && (i.flag("mount").is_some() || i.flag("network").is_some() || i.flag("security").is_some())
    }) {
        Some("`RUN --mount`, `--network` or `--security`")
    } else if instructions.iter().any(|i| {
        i.flag("chmod").is_some()
            || i.flag("link").is_some()
            || i.flag("parents").is_some()
            || i.flag("exclude").is_some()
    }) {
        Some("`--chmod`, `--link`, `--parents` or `--exclude`")
    } else {
        None
    }
}

/// The Dockerfile's name in the context archive: its path inside the context, or a name of its own when
/// it lives elsewhere.
fn name_in_context(context: &Path, dockerfile: &Path) -> String {
    let absolute = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    match absolute(dockerfile).strip_prefix(absolute(context)) {
        Ok(inside) => inside.to_string_lossy().replace('\\', "/"),
        Err(_) => ".dlint.Dockerfile".to_owned(),
    }
}

/// The image as `docker save` gives it, spooled to a temporary file and read.
async fn save(engine: &Engine, tag: &str) -> Result<image::SavedImage, RunError> {
    let failed = |e: &dyn std::fmt::Display| RunError::Failed(format!("cannot read the built image: {e}"));
    let mut spool = tempfile::tempfile().map_err(|e| failed(&e))?;
    let mut stream = engine.docker.export_image(tag);
    while let Some(chunk) = stream.next().await {
        spool.write_all(&chunk.map_err(|e| failed(&e))?).map_err(|e| failed(&e))?;
    }
    spool.rewind().map_err(|e| failed(&e))?;
    image::read_saved(std::io::BufReader::new(spool)).map_err(|e| failed(&e))
}

/// DR007 (secret files, values), DR008 (size), DR009 (build tools) from the saved image.
fn image_findings(places: &Places, saved: &image::SavedImage, size: u64, options: &RunOptions) -> Vec<Diagnostic> {
    let model = places.model;
    let created_by: Vec<&str> = saved.history.iter().map(|h| h.created_by.as_str()).collect();
    let history = places.history_instructions(&created_by);
    let layer_history = saved.layer_history();
    let layer_instruction = |layer: usize| layer_history[layer].and_then(|h| history[h]);
    let line = |index: usize| line_number(model.source, places.span(index).start);
    let mut found = Vec::new();

    for (layer, contents) in saved.layers.iter().enumerate() {
        // Secrets the base image brings are not this Dockerfile's doing.
        let Some(at) = layer_instruction(layer) else { continue };
        for secret in &contents.secrets {
            let deleted_later = saved.layers[layer + 1..].iter().zip(layer + 1..).find_map(|(later, index)| {
                later
                    .deleted
                    .iter()
                    .chain(&later.emptied)
                    .any(|gone| secret.path == *gone || secret.path.starts_with(&format!("{gone}/")))
                    .then_some(index)
            });
            let mut message = format!("the image holds {}: /{}", secret.what, secret.path);
            if let Some(index) = deleted_later {
                let place = layer_instruction(index).map_or(String::new(), |i| format!(" at line {}", line(i)));
                message.push_str(&format!(" (deleted{place}, but still in this instruction's layer)"));
            }
            found.push(Diagnostic::new(&SECRET_IN_IMAGE, SECRET_IN_IMAGE.severity, places.span(at), message));
        }
    }
    for entry in saved.config.env.iter().flatten() {
        let Some((name, value)) = entry.split_once('=') else { continue };
        if value.is_empty() || value.starts_with('/') || !looks_secret(name) {
            continue;
        }
        if let Some(at) = places.declaration(name, Keyword::Env) {
            let message = format!("the image config holds `{name}` with a value (anyone with the image can read it)");
            found.push(Diagnostic::new(&SECRET_IN_IMAGE, SECRET_IN_IMAGE.severity, places.span(at), message));
        }
    }
    let mut reported_args = Vec::new();
    for text in &created_by {
        for (name, value) in build_args_in_history(text) {
            if value.is_empty() || !looks_secret(name) || reported_args.contains(&name) {
                continue;
            }
            if let Some(at) = places.declaration(name, Keyword::Arg) {
                reported_args.push(name);
                let message = format!(
                    "the build argument `{name}` is recorded with its value in the image history (`docker history`)"
                );
                found.push(Diagnostic::new(&SECRET_IN_IMAGE, SECRET_IN_IMAGE.severity, places.span(at), message));
            }
        }
    }

    let mut kinds: Vec<&str> = Vec::new();
    for (layer, leftover) in saved.visible_leftovers() {
        if kinds.contains(&leftover.what) {
            continue;
        }
        kinds.push(leftover.what);
        let (at, source) = match layer_instruction(layer) {
            Some(at) => (at, "added here"),
            None => (places.from(), "from the base image"),
        };
        let message = format!("the image keeps {} (/{}), {source}", leftover.what, leftover.path);
        found.push(Diagnostic::new(&BUILD_TOOLS_IN_IMAGE, BUILD_TOOLS_IN_IMAGE.severity, places.span(at), message));
    }

    let mut largest: Vec<(u64, Option<usize>)> =
        saved.layers.iter().enumerate().map(|(layer, l)| (l.size, layer_instruction(layer))).collect();
    let base: u64 = largest.iter().filter(|(_, at)| at.is_none()).map(|(size, _)| size).sum();
    largest.retain(|(size, at)| at.is_some() && *size > 0);
    largest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    largest.truncate(3);
    let mut parts = vec![format!("base image {}", human_size(base))];
    parts.extend(largest.iter().filter_map(|(size, at)| at.map(|i| format!("line {} {}", line(i), human_size(*size)))));
    let (severity, mut message) = match options.max_size {
        Some(budget) if size > budget => (
            Severity::Error,
            format!("the image is {}, over the {} budget (--max-size)", human_size(size), human_size(budget)),
        ),
        _ => (IMAGE_SIZE.severity, format!("the image is {}", human_size(size))),
    };
    message.push_str(&format!("; largest parts: {}", parts.join(", ")));
    let mut diagnostic = Diagnostic::new(&IMAGE_SIZE, severity, places.span(places.from()), message);
    for (size, at) in &largest {
        if let Some(at) = at {
            diagnostic.with_related(places.span(*at), format!("adds {}", human_size(*size)));
        }
    }
    found.push(diagnostic);
    found
}

/// The build arguments a classic-builder history entry records: `|2 A=1 B=2 /bin/sh -c ...`.
fn build_args_in_history(created_by: &str) -> Vec<(&str, &str)> {
    let Some(rest) = created_by.strip_prefix('|') else { return Vec::new() };
    let mut words = rest.split(' ');
    let count: usize = words.next().and_then(|n| n.parse().ok()).unwrap_or(0);
    words.take(count).filter_map(|pair| pair.split_once('=')).collect()
}

fn human_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    match bytes as f64 {
        b if b >= KB * KB / 10.0 => format!("{:.1} MB", b / (KB * KB)),
        b if b >= KB => format!("{:.1} kB", b / KB),
        _ => format!("{bytes} B"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_args_are_read_from_history() {
        assert_eq!(build_args_in_history("|2 TOKEN=abc MODE=x /bin/sh -c make"), vec![("TOKEN", "abc"), ("MODE", "x")]);
        assert!(build_args_in_history("/bin/sh -c make").is_empty());
        assert_eq!(
            (human_size(3 * 1024 * 1024), human_size(2048), human_size(57)),
            ("3.0 MB".into(), "2.0 kB".into(), "57 B".into())
        );
    }
}
