//! Package manager hygiene: pinned versions, non-interactive installs, no caches or lists left in
//! layers, no build toolchains shipped.

pub mod df003;
pub mod dl3008;
pub mod dl3009;
pub mod dl3013;
pub mod dl3014;
pub mod dl3015;
pub mod dl3018;
pub mod dl3019;
pub mod dl3042;

use crate::lint::{Applicability, At, Context, Edit, Fix};
use crate::semantic::{cache_mount_targets, path_is_under, Model, Stage};
use crate::shell::tools::{is_pinned, package_command, Manager};
use crate::shell::{ShellCommand, ShellWord};
use crate::syntax::Keyword;
use crate::text::Span;

/// From the command's name to its subcommand word: `apt-get install`, `python -m pip install`.
fn head_span(command: &ShellCommand, verb: &ShellWord) -> Span {
    Span::new(command.name.span.start, verb.span.end)
}

/// A fix that adds ` flag` right after the subcommand word.
fn add_flag_after(verb: &ShellWord, flag: &str, applicability: Applicability) -> Fix {
    Fix::new(format!("Add `{flag}`"), applicability, vec![Edit::insert(verb.span.end, format!(" {flag}"))])
}

/// Whether the RUN mounts a cache or tmpfs at one of `paths` (or above it), so nothing written
/// there ends up in the layer.
fn mounts_cache(at: &At, paths: &[&str]) -> bool {
    cache_mount_targets(at.instruction).iter().any(|target| paths.iter().any(|p| path_is_under(p, target)))
}

/// Whether the stage ends up in the image the file builds: the final stage or one it is built on.
fn is_shipped(model: &Model, stage: &Stage) -> bool {
    model.final_stage().is_some_and(|last| model.ancestry(last).any(|s| s.index == stage.index))
}

/// Whether an earlier RUN of the stage (or of a stage it is built on) writes an APT configuration
/// file that sets `key` to one of `values`, e.g. `APT::Install-Recommends "0";`.
fn apt_config_sets(cx: &Context, at: &At, key: &str, values: &[&str]) -> bool {
    let Some(stage) = at.stage else { return false };
    let key = key.to_ascii_lowercase();
    cx.model.ancestry(stage).any(|s| {
        cx.model.instructions_of(s).filter(|(i, inst)| *i < at.index && inst.keyword == Keyword::Run).any(
            |(_, inst)| {
                let text = inst.span.slice(cx.source).to_ascii_lowercase();
                text.contains("/etc/apt/apt.conf")
                    && text.match_indices(&key).any(|(found, _)| {
                        let rest = text[found + key.len()..].trim_start_matches([' ', '"', '\'', '=', '\\']);
                        values.iter().any(|v| rest.starts_with(v))
                    })
            },
        )
    })
}

/// Reports every install operand of `manager` that names a package without a version.
fn report_unpinned(cx: &mut Context, command: &ShellCommand, manager: Manager, pin: &str) {
    let Some(install) = package_command(command) else { return };
    if install.manager != manager || !install.installs() {
        return;
    }
    for package in install.packages.iter().filter(|p| !from_variable(p) && !is_pinned(manager, &p.text)) {
        cx.report(package.span, format!("`{}` is installed without a version", package.text))
            .with_help(format!("pin it with `{}{pin}` so rebuilds install the same package", package.text));
    }
}

/// A word whose package name comes from a variable (`$PACKAGES`, `"${PKG}"`): its value, which may
/// well carry a version, is not known here. `python${PY}-dev` still names an unversioned package.
fn from_variable(word: &ShellWord) -> bool {
    word.dynamic && word.text.starts_with(['$', '`'])
}
