use crate::lint::{Applicability, At, Category, Context, Edit, Fix, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::{Script, ShellCommand};
use crate::text::Span;

pub struct Sudo;

static META: RuleMeta = RuleMeta {
    code: "DL3004",
    name: "sudo",
    summary: "Do not use `sudo` in `RUN`",
    category: Category::Security,
    severity: Severity::Error,
    enabled_by_default: true,
    fix: FixAvailability::Sometimes,
    aliases: &[],
};

const HELP: &str = "run the step as root with `USER root` before it and switch back after; \
                    to drop privileges at run time use `gosu` or `su-exec`";

impl Rule for Sudo {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, at: At, _script: &Script, command: &ShellCommand) {
        if !command.is("sudo") {
            return;
        }
        let fix = drop_sudo(cx, &at, command);
        let diagnostic = cx.report(command.name.span, "`sudo` in `RUN`").with_help(HELP);
        if let Some(fix) = fix {
            diagnostic.with_fix(fix);
        }
    }
}

/// Removes `sudo` from `sudo COMMAND ...` when the step already runs as root: the Dockerfile sets
/// no USER before it, or sets root. Unsafe: sudo also resets the environment (`PATH`, variables),
/// and the base image may have set another user. Not offered when sudo has options (`-u app`).
fn drop_sudo(cx: &Context, at: &At, command: &ShellCommand) -> Option<Fix> {
    let first = command.args.first().filter(|arg| !arg.text.starts_with('-'))?;
    // An ONBUILD trigger runs in a build whose user this file does not know.
    let stage = at.stage.filter(|_| !at.onbuild)?;
    if let Some((index, user)) = cx.model.user_before(stage, at.index) {
        super::is_root(cx.model, index, user).filter(|root| *root)?;
    }
    if first.span.start < command.name.span.end {
        return None;
    }
    let removed = Span::new(command.name.span.start, first.span.start);
    // Only the word and what separates it from the command: blanks, continuations, exec form's `", "`.
    let separator = removed.slice(cx.source).strip_prefix(command.name.span.slice(cx.source))?;
    if !separator.chars().all(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\\' | '"' | ',')) {
        return None;
    }
    Some(Fix::new("Remove `sudo`", Applicability::Unsafe, vec![Edit::replace(removed, "")]))
}
