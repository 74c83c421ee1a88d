use crate::lint::{Applicability, At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::semantic::Lookup;
use crate::shell::tools::{pip_install, PipInstall, PipTool};
use crate::shell::{Script, ShellCommand};

pub struct PipCacheKept;

static META: RuleMeta = RuleMeta {
    code: "DL3042",
    name: "pip-cache-kept",
    summary: "Use `--no-cache-dir` with `pip install`",
    category: Category::Packages,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Always,
    aliases: &[],
};

/// How each installer is told not to cache, and where its cache lives.
struct CacheControl {
    flags: &'static [&'static str],
    variable: &'static str,
    /// Values of `variable` that turn the cache off.
    disables: &'static [&'static str],
    cache_variable: &'static str,
    subdir: &'static str,
}

// pip turns the cache off for any boolean value of PIP_NO_CACHE_DIR, `false` included.
const PIP: CacheControl = CacheControl {
    flags: &["--no-cache-dir"],
    variable: "PIP_NO_CACHE_DIR",
    disables: &["1", "true", "t", "yes", "y", "on", "0", "false", "f", "no", "n", "off"],
    cache_variable: "PIP_CACHE_DIR",
    subdir: "pip",
};

const UV: CacheControl = CacheControl {
    flags: &["--no-cache", "-n"],
    variable: "UV_NO_CACHE",
    disables: &["1", "true", "t", "yes", "y", "on"],
    cache_variable: "UV_CACHE_DIR",
    subdir: "uv",
};

impl Rule for PipCacheKept {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, at: At, _script: &Script, command: &ShellCommand) {
        let Some(pip) = pip_install(command) else { return };
        let control = match pip.tool {
            PipTool::Pip => &PIP,
            PipTool::Uv => &UV,
        };
        if control.flags.iter().any(|f| pip.has_flag(f))
            || !downloads(&pip)
            || variable_disables(cx, &at, command, control)
            || cache_is_mounted(cx, &at, control)
        {
            return;
        }
        let flag = control.flags[0];
        let tool = if pip.tool == PipTool::Uv { "uv pip install" } else { "pip install" };
        cx.report(
            super::head_span(command, pip.verb),
            format!("`{tool}` without `{flag}` keeps its download cache in the layer"),
        )
        .with_help(format!("pass `{flag}`, or mount a cache with `RUN --mount=type=cache,target=/root/.cache`"))
        .with_fix(super::add_flag_after(pip.verb, flag, Applicability::Safe));
    }
}

/// Installing only local wheels without resolving dependencies from an index downloads and builds
/// nothing, so nothing is cached.
fn downloads(pip: &PipInstall) -> bool {
    let offline = pip.has_flag("--no-index") || pip.has_flag("--no-deps");
    pip.uses_requirement_files()
        || pip.has_editable()
        || pip.requirements.iter().any(|r| !(offline && r.text.ends_with(".whl")))
}

/// The variable is set on the command (`PIP_NO_CACHE_DIR=1 pip install`, `env ...`), exported earlier
/// in the script, or declared by ENV or ARG in scope.
fn variable_disables(cx: &Context, at: &At, command: &ShellCommand, control: &CacheControl) -> bool {
    let disables = |value: &str| control.disables.contains(&value.to_ascii_lowercase().as_str());
    let on_command = command.assignments.iter().any(|(k, v)| k == control.variable && disables(v));
    // `export VAR=1` earlier in the script; the shell layer lists commands, not declarations.
    let before = &cx.source[at.instruction.span.start..command.span.start];
    let exported = before.match_indices(control.variable).any(|(i, _)| {
        let rest = &before[i + control.variable.len()..];
        rest.strip_prefix('=')
            .is_some_and(|v| disables(v.split([' ', ';', '&', '\n']).next().unwrap_or("").trim_matches(['"', '\''])))
    });
    let declared = match cx.model.lookup(at.index, control.variable) {
        Lookup::Value(v) => disables(&v),
        Lookup::Unknown => true,
        Lookup::Undeclared => false,
    };
    on_command || exported || declared
}

/// A cache or tmpfs mount over the cache directory keeps it out of the layer.
fn cache_is_mounted(cx: &Context, at: &At, control: &CacheControl) -> bool {
    let known = |name: &str| match cx.model.lookup(at.index, name) {
        Lookup::Value(v) => Some(v),
        _ => None,
    };
    let mut paths = vec![format!("/root/.cache/{}", control.subdir)];
    paths.extend(known(control.cache_variable));
    paths.extend(known("XDG_CACHE_HOME").map(|x| format!("{x}/{}", control.subdir)));
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    // Other users' homes: any `~/.cache` or `~/.cache/pip` target.
    let home_cache = crate::semantic::cache_mount_targets(at.instruction).iter().any(|t| {
        let t = t.trim_end_matches('/');
        t.ends_with("/.cache") || t.ends_with(&format!("/.cache/{}", control.subdir))
    });
    super::mounts_cache(at, &paths) || home_cache
}
