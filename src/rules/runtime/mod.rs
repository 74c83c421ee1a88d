//! Findings of the build-and-run checker (`dlint run`, feature `docker`): registered here for docs,
//! config and suppressions; the checks themselves build and run the image in `crate::docker`.

use crate::lint::{Category, FixAvailability, Rule, RuleMeta, Severity};

macro_rules! runtime_rules {
    ($($rule:ident, $meta:ident, $code:literal, $name:literal, $severity:ident, $summary:literal;)*) => {$(
        pub struct $rule;

        pub static $meta: RuleMeta = RuleMeta {
            code: $code,
            name: $name,
            summary: $summary,
            category: Category::Runtime,
            severity: Severity::$severity,
            enabled_by_default: true,
            fix: FixAvailability::Never,
            aliases: &[],
        };

        impl Rule for $rule {
            fn meta(&self) -> &'static RuleMeta {
                &$meta
            }
        }
    )*};
}

runtime_rules! {
    BuildFailed, BUILD_FAILED, "DR001", "build-failed", Error, "The image does not build";
    ContainerExited, CONTAINER_EXITED, "DR002", "container-exited", Error, "The container exits or fails when it should keep running or succeed";
    Unhealthy, UNHEALTHY, "DR003", "unhealthy", Error, "The container does not become healthy";
    RunsAsRoot, RUNS_AS_ROOT, "DR004", "runs-as-root", Warning, "The container's main process runs as root";
    PortNotListening, PORT_NOT_LISTENING, "DR005", "port-not-listening", Warning, "An exposed port has no listening socket";
    CacheBusting, CACHE_BUSTING, "DR006", "cache-busting", Warning, "A source change re-runs the dependency install";
    SecretInImage, SECRET_IN_IMAGE, "DR007", "secret-in-image", Error, "The image holds a secret file or value";
    ImageSize, IMAGE_SIZE, "DR008", "image-size", Info, "The image's size and largest layers, or a size over budget";
    BuildToolsInImage, BUILD_TOOLS_IN_IMAGE, "DR009", "build-tools-in-image", Warning, "Compilers or package caches are left in the image";
    IgnoresStopSignal, IGNORES_STOP_SIGNAL, "DR010", "ignores-stop-signal", Warning, "The container does not stop on its stop signal";
    ResourceLimit, RESOURCE_LIMIT, "DR011", "resource-limit", Error, "The container was stopped by its memory or process limit";
}
