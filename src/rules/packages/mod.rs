//! Package manager hygiene: pinned versions, non-interactive installs, no caches or lists left in
//! layers, no build toolchains shipped.

pub mod df003;
pub mod df010;
pub mod df011;
pub mod dl3008;
pub mod dl3009;
pub mod dl3013;
pub mod dl3014;
pub mod dl3015;
pub mod dl3016;
pub mod dl3018;
pub mod dl3019;
pub mod dl3027;
pub mod dl3028;
pub mod dl3030;
pub mod dl3032;
pub mod dl3033;
pub mod dl3034;
pub mod dl3035;
pub mod dl3036;
pub mod dl3037;
pub mod dl3038;
pub mod dl3040;
pub mod dl3041;
pub mod dl3042;
pub mod dl3060;
pub mod dl3062;

use crate::lint::{Applicability, At, Context, Edit, Fix};
use crate::semantic::{cache_mount_targets, path_is_under, Model, Stage};
use crate::shell::tools::{is_pinned, package_command, Manager};
use crate::shell::{Script, ShellCommand, ShellWord};
use crate::syntax::{Command, Keyword};
use crate::text::Span;

/// From the command's name to its subcommand word: `apt-get install`, `python -m pip install`.
fn head_span(command: &ShellCommand, verb: &ShellWord) -> Span {
    Span::new(command.name.span.start, verb.span.end)
}

/// `program verb` for messages, whatever options and line breaks stand between them.
fn head_text(command: &ShellCommand, verb: &ShellWord) -> String {
    if verb.span == command.name.span {
        command.program().to_string()
    } else {
        format!("{} {}", command.program(), verb.text)
    }
}

/// A fix that adds `flag` right after the subcommand word, in shell or exec form.
fn add_flag_after(verb: &ShellWord, flag: &str, applicability: Applicability) -> Fix {
    let (at, text) = verb.argument_after(flag);
    Fix::new(format!("Add `{flag}`"), applicability, vec![Edit::insert(at, text)])
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
    let sets = |text: &str| {
        text.match_indices(&key).any(|(found, _)| {
            let rest = text[found + key.len()..].trim_start_matches([' ', '"', '\'', '=', '\\']);
            values.iter().any(|v| rest.starts_with(v))
        })
    };
    cx.model.apt_config_runs().iter().filter(|(index, _)| *index < at.index).any(|(index, text)| {
        cx.model.stage_of(*index).is_some_and(|s| cx.model.ancestry(stage).any(|a| a.index == s.index)) && sets(text)
    })
}

/// Reports every install operand of `manager` that names a package without a version.
/// Group installs (`@group`, `groupinstall`) name no package versions and are left alone.
fn report_unpinned(cx: &mut Context, command: &ShellCommand, manager: Manager, pin: &str) {
    let Some(install) = package_command(command) else { return };
    if install.manager != manager || !install.installs() || install.verb() == "groupinstall" {
        return;
    }
    for package in install
        .packages
        .iter()
        .filter(|p| !from_variable(p) && !p.text.starts_with('@') && !is_pinned(manager, &p.text))
    {
        cx.report(package.span, format!("`{}` is installed without a version", package.text))
            .with_help(format!("pin it with `{}{pin}` so rebuilds install the same package", package.text));
    }
}

/// A word whose package name comes from a variable (`$PACKAGES`, `"${PKG}"`): its value, which may
/// well carry a version, is not known here. `python${PY}-dev` still names an unversioned package.
fn from_variable(word: &ShellWord) -> bool {
    word.dynamic && word.text.starts_with(['$', '`'])
}

/// Reports a `programs` command whose subcommand is one of `verbs` but which has none of
/// `yes_flags`; the fix adds the first of them after the subcommand word, or after the program
/// name when it is a `global` option.
fn report_missing_yes(
    cx: &mut Context,
    command: &ShellCommand,
    programs: &[&str],
    verbs: &[&str],
    yes_flags: &[&str],
    global: bool,
) {
    let Some(install) = package_command(command) else { return };
    if !programs.contains(&command.program()) || !verbs.contains(&install.verb()) || command.has_any_flag(yes_flags) {
        return;
    }
    let flag = yes_flags[0];
    let anchor = if global { &command.name } else { install.verb };
    cx.report(
        head_span(command, install.verb),
        format!("`{} {}` without `{flag}` waits for confirmation", command.program(), install.verb()),
    )
    .with_help(format!("a build cannot answer prompts; pass `{flag}`"))
    .with_fix(add_flag_after(anchor, flag, Applicability::Safe));
}

/// How a package manager's download cache is cleaned in the RUN that fills it.
struct CacheCleanup {
    /// The install command and the word to report from: `yum install`.
    installs: fn(&ShellCommand) -> Option<&ShellWord>,
    cleans: fn(&ShellCommand) -> bool,
    /// Where the cache lives; a cache or tmpfs mount there keeps it out of the layer.
    cache_dirs: &'static [&'static str],
    /// What to run, for the message: `yum clean all`.
    clean: &'static str,
}

/// Reports each install in a RUN that is not followed by the manager's cleanup in the same RUN.
/// Caches left in a stage that is not shipped cost nothing.
fn report_uncleaned(cx: &mut Context, at: &At, cleanup: &CacheCleanup) {
    if at.instruction.keyword != Keyword::Run {
        return;
    }
    let shipped = at.onbuild || at.stage.is_some_and(|s| is_shipped(cx.model, s));
    let mounted = cache_mount_targets(at.instruction)
        .iter()
        .any(|target| cleanup.cache_dirs.iter().any(|dir| path_is_under(dir, target) || target.ends_with(dir)));
    if !shipped || mounted {
        return;
    }
    let Some(script) = cx.model.script(at.index) else { return };
    let mut fix = append_to_run(at, script, cx.source, |last| {
        // The manager the RUN ends with: `microdnf install` gets `microdnf clean all`.
        let (_, args) = cleanup.clean.split_once(' ')?;
        (cleanup.installs)(last).map(|_| format!("{} {args}", last.program()))
    });
    for command in &script.commands {
        let Some(verb) = (cleanup.installs)(command) else { continue };
        if script.commands.iter().any(|c| c.span.start > command.span.start && (cleanup.cleans)(c)) {
            continue;
        }
        let diagnostic = cx
            .report(head_span(command, verb), format!("`{}` leaves its cache in the layer", head_text(command, verb)))
            .with_help(format!("run `{}` at the end of the same RUN, or mount a cache there", cleanup.clean));
        if let Some(fix) = fix.take() {
            diagnostic.with_fix(fix);
        }
    }
}

/// Appends `&& COMMAND` to a shell-form RUN, where `command_after` gives COMMAND for the command
/// the script ends with. Only when that command stands alone at the very end (no heredoc, pipeline
/// or closing quote after it) of a script that parses, so the new command runs last and only when
/// the rest succeeded.
/// Unsafe: what it removes is gone for the later steps of the stage too.
fn append_to_run(
    at: &At,
    script: &Script,
    source: &str,
    command_after: impl Fn(&ShellCommand) -> Option<String>,
) -> Option<Fix> {
    let Some(Command::Shell { span, heredocs }) = at.instruction.command() else { return None };
    if script.broken {
        return None;
    }
    let end = script.commands.iter().map(|c| c.span.end).max()?;
    let last: Vec<&ShellCommand> = script.commands.iter().filter(|c| c.span.end == end).collect();
    let alone = last.iter().all(|c| !c.in_pipeline) && end <= span.end && source[end..span.end].trim().is_empty();
    if !heredocs.is_empty() || !alone {
        return None;
    }
    let command = last.iter().find_map(|c| command_after(c))?;
    Some(Fix::unsafe_(format!("Append `{command}`"), vec![Edit::insert(end, format!(" && {command}"))]))
}

/// `rm -rf DIR` (or a path inside it).
fn removes_dir(command: &ShellCommand, dirs: &[&str]) -> bool {
    command.is("rm")
        && command.operands().any(|w| {
            let path = w.text.trim_end_matches('*').trim_end_matches('/');
            dirs.iter().any(|dir| path_is_under(path, dir))
        })
}

/// A package command of one of `programs` whose subcommand is one of `verbs`; gives the verb.
fn package_verb<'a>(command: &'a ShellCommand, programs: &[&str], verbs: &[&str]) -> Option<&'a ShellWord> {
    let p = package_command(command)?;
    (programs.contains(&command.program()) && verbs.contains(&p.verb())).then_some(p.verb)
}

/// Reports every yum/dnf install operand without a `name-version`; `module install` operands need
/// a `:stream`.
fn report_unpinned_rpm(cx: &mut Context, command: &ShellCommand, programs: &[&str]) {
    if !programs.contains(&command.program()) {
        return;
    }
    let Some(p) = package_command(command) else { return };
    if p.verb() == "module" {
        let Some((verb, modules)) = p.packages.split_first() else { return };
        if verb.text != "install" {
            return;
        }
        for module in modules.iter().filter(|m| !from_variable(m) && !m.text.contains(':')) {
            cx.report(module.span, format!("module `{}` is installed without a stream", module.text))
                .with_help(format!("name the stream with `{}:<stream>`", module.text));
        }
        return;
    }
    report_unpinned(cx, command, Manager::Yum, "-<version>");
}
