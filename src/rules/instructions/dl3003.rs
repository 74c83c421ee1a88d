use crate::lint::{Applicability, At, Category, Context, Edit, Fix, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::{Script, ShellCommand};
use crate::syntax::Command;
use crate::text::Span;

pub struct CdInRun;

static META: RuleMeta = RuleMeta {
    code: "DL3003",
    name: "cd-in-run",
    summary: "Use WORKDIR to switch to a directory",
    category: Category::Style,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Sometimes,
    aliases: &[],
};

impl Rule for CdInRun {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, at: At, script: &Script, command: &ShellCommand) {
        // A `cd` in `( ... )`, `$( ... )` or `sh -c '...'` only lasts for that nested shell.
        if !command.is("cd") || command.wrapped || script.in_subshell(command.span) {
            return;
        }
        let fix = workdir_fix(cx, &at, script, command);
        let diagnostic = cx
            .report(command.name.span, "`cd` changes directory inside RUN")
            .with_help("set the directory with `WORKDIR`, which later instructions also use");
        if let Some(fix) = fix {
            diagnostic.with_fix(fix);
        }
    }
}

/// `RUN cd /dir && rest` becomes `WORKDIR /dir` and `RUN rest`, when the `cd` to a literal absolute
/// path opens a shell-form RUN and is followed by `&&` or `;`. Unsafe: WORKDIR also sets the
/// directory of every later instruction in the stage, and creates it when it is missing.
fn workdir_fix(cx: &Context, at: &At, script: &Script, cd: &ShellCommand) -> Option<Fix> {
    let Some(Command::Shell { span, heredocs }) = at.instruction.command() else { return None };
    if at.onbuild || !heredocs.is_empty() || cd.span.start != span.start {
        return None;
    }
    let [dir] = cd.args.as_slice() else { return None };
    let plain = |c: char| c.is_alphanumeric() || "-_./+@:,".contains(c);
    if dir.dynamic
        || !dir.text.starts_with('/')
        || dir.span.slice(cx.source) != dir.text
        || !dir.text.chars().all(plain)
    {
        return None;
    }
    let next =
        script.commands.iter().filter(|c| !c.wrapped && c.span.start > cd.span.end).min_by_key(|c| c.span.start)?;
    let between = Span::new(cd.span.end, next.span.start);
    // Only the list operator, blanks and line continuations: no comment, pipe or redirection.
    let operator: String = between.slice(cx.source).replace(cx.model.escape(), "").split_whitespace().collect();
    if operator != "&&" && operator != ";" {
        return None;
    }
    let keyword = super::keyword_like(at.instruction.keyword_span.slice(cx.source), "WORKDIR");
    let edits = vec![
        super::insert_line_before(cx, at.index, &format!("{keyword} {}", dir.text)),
        Edit::replace(Span::new(cd.span.start, next.span.start), ""),
    ];
    Some(Fix::new(format!("Move to `WORKDIR {}`", dir.text), Applicability::Unsafe, edits))
}
