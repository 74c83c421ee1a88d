//! Building an image with the engine's classic builder, which every engine version and Podman speak
//! and whose log names each step, so a failure or a cache miss maps back to its instruction.

use super::engine::{Created, Engine};
use super::steps::BuildLog;
use bollard::query_parameters::{BuildImageOptionsBuilder, BuilderVersion};
use futures_util::StreamExt;
use std::collections::HashMap;

/// What to build.
pub struct BuildRequest<'a> {
    pub context_tar: Vec<u8>,
    /// The Dockerfile's path inside the context.
    pub dockerfile: &'a str,
    pub tag: &'a str,
    pub target: Option<&'a str>,
    pub build_args: &'a [(String, String)],
    pub network: &'a str,
    /// Memory limit of the build's containers, in bytes.
    pub memory: i64,
}

/// Builds, reading the build's output into `log` and reporting each step as it starts through
/// `progress`; returns the engine's error when the build fails. Everything the build creates is
/// recorded in `created`, also when the build fails or is cancelled (by dropping this future).
pub async fn build(
    engine: &Engine,
    request: BuildRequest<'_>,
    created: &Created,
    progress: &(dyn Fn(&str) + Sync),
    log: &mut BuildLog,
) -> Option<String> {
    let build_args: HashMap<String, String> = request.build_args.iter().cloned().collect();
    let mut options = BuildImageOptionsBuilder::default()
        .dockerfile(request.dockerfile)
        .t(request.tag)
        .rm(true)
        .forcerm(true)
        .networkmode(request.network)
        .buildargs(&build_args)
        .memory(i32::try_from(request.memory).unwrap_or(i32::MAX))
        .memswap(-1)
        .version(BuilderVersion::BuilderV1);
    if let Some(target) = request.target {
        options = options.target(target);
    }
    created.image(request.tag);
    let body = bollard::body_full(request.context_tar.into());
    let mut stream = engine.docker.build_image(options.build(), None, Some(body));
    let mut error = None;
    // Containers the build ran in are removed by the builder (forcerm), unless the build is cut short.
    let mut guard = BuildGuard { created, running: Vec::new(), images: Vec::new(), finished: false };
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
            // A chunk may finish one step and start the next: every step's image is noted (once).
            for step in &log.steps {
                // A FROM step names the base image: never the build's to remove.
                let from = step.text.split_whitespace().next().is_some_and(|k| k.eq_ignore_ascii_case("FROM"));
                if let (Some(image), false, false) = (&step.image, step.cached, from) {
                    created.image(image);
                }
            }
            guard.images = log.steps.iter().filter_map(|step| step.image.clone()).collect();
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
