//! Building an image with the engine's classic builder, which every engine version and Podman speak
//! and whose log names each step, so a failure or a cache miss maps back to its instruction.

use super::engine::Created;
use super::steps::BuildLog;
use super::Session;
use bollard::query_parameters::{BuildImageOptionsBuilder, BuilderVersion};
use futures_util::StreamExt;
use std::collections::HashMap;

/// What to build.
pub struct BuildRequest<'a> {
    pub context_tar: Vec<u8>,
    /// The Dockerfile's path inside the context.
    pub dockerfile: &'a str,
    pub tag: &'a str,
}

/// Builds with the session's target, build arguments, network and memory limit, reading the build's
/// output into `log` and reporting each step as it starts; returns the engine's error when the build
/// fails. Everything the build creates is recorded for removal, also when the build fails or is
/// cancelled (by dropping this future).
pub async fn build(session: &Session<'_>, request: BuildRequest<'_>, log: &mut BuildLog) -> Option<String> {
    let Session { engine, options: run, created, progress } = *session;
    let build_args: HashMap<String, String> = run.build_args.iter().cloned().collect();
    let mut options = BuildImageOptionsBuilder::default()
        .dockerfile(request.dockerfile)
        .t(request.tag)
        .rm(true)
        .forcerm(true)
        .networkmode(&run.sandbox.network)
        .buildargs(&build_args)
        .memory(i32::try_from(run.sandbox.memory).unwrap_or(i32::MAX))
        .memswap(-1)
        .nocache(run.isolated)
        .version(BuilderVersion::BuilderV1);
    if let Some(target) = &run.target {
        options = options.target(target);
    }
    created.image(request.tag);
    let body = bollard::body_full(request.context_tar.into());
    let mut stream = engine.docker.build_image(options.build(), None, Some(body));
    let mut error = None;
    // Containers the build ran in are removed by the builder (forcerm), unless the build is cut short.
    let mut guard = BuildGuard { created, running: Vec::new(), images: Vec::new(), finished: false };
    let mut noted = 0;
    while let Some(item) = stream.next().await {
        let info = match item {
            Ok(info) => info,
            Err(e) => {
                error = Some(engine_error(&e));
                break;
            }
        };
        if let Some(text) = &info.stream {
            for index in log.feed(text) {
                let step = &log.steps[index];
                progress(&format!("step {}: {}", step.number, step.text));
            }
            guard.running = log.steps.last().map(|step| step.containers.clone()).unwrap_or_default();
            // A chunk may finish several steps: each step's image is noted once it is known. Steps
            // before the last are complete; the last may still name its image in a later chunk.
            for step in &log.steps[noted..] {
                let Some(image) = &step.image else { continue };
                // A FROM step names the base image: never the build's to remove.
                let from = step.text.split_whitespace().next().is_some_and(|k| k.eq_ignore_ascii_case("FROM"));
                if !step.cached && !from {
                    created.image(image);
                }
                if !guard.images.contains(image) {
                    guard.images.push(image.clone());
                }
            }
            noted = log.steps.len().saturating_sub(1);
        }
        if let Some(message) = info.error_detail.and_then(|d| d.message) {
            error = Some(message);
        }
    }
    log.finish();
    guard.finished = true;
    error
}

/// When a build is cancelled (Ctrl-C, time limit), the engine may still finish the step under way: its
/// container may outlive the request, and it may commit an image the log never named. The guard hands
/// both to the cleanup: the container by ID, the image as a child of the step images seen so far.
struct BuildGuard<'a> {
    created: &'a Created,
    running: Vec<String>,
    /// Every step's image so far, base images included.
    images: Vec<String>,
    finished: bool,
}

impl Drop for BuildGuard<'_> {
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        for id in &self.running {
            self.created.build_container(id);
        }
        self.created.cut_short(&self.images);
    }
}

pub fn engine_error(error: &bollard::errors::Error) -> String {
    match error {
        bollard::errors::Error::DockerResponseServerError { message, .. } => message.clone(),
        other => other.to_string(),
    }
}
