use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::{Script, ShellCommand};

pub struct Sudo;

static META: RuleMeta = RuleMeta {
    code: "DL3004",
    name: "sudo",
    summary: "Do not use `sudo` in `RUN`",
    category: Category::Security,
    severity: Severity::Error,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

const HELP: &str = "run the step as root with `USER root` before it and switch back after; \
                    to drop privileges at run time use `gosu` or `su-exec`";

impl Rule for Sudo {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, _script: &Script, command: &ShellCommand) {
        if command.is("sudo") {
            cx.report(command.name.span, "`sudo` in `RUN`").with_help(HELP);
        }
    }
}
