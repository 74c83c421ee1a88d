use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::{Script, ShellCommand};

pub struct CdInRun;

static META: RuleMeta = RuleMeta {
    code: "DL3003",
    name: "cd-in-run",
    summary: "Use WORKDIR to switch to a directory",
    category: Category::Style,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for CdInRun {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, script: &Script, command: &ShellCommand) {
        // A `cd` in `( ... )`, `$( ... )` or `sh -c '...'` only lasts for that nested shell.
        if !command.is("cd") || command.wrapped || script.in_subshell(command.span) {
            return;
        }
        cx.report(command.name.span, "`cd` changes directory inside RUN")
            .with_help("set the directory with `WORKDIR`, which later instructions also use");
    }
}
