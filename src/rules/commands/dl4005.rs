use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::{Script, ShellCommand};

pub struct LinkBinSh;

static META: RuleMeta = RuleMeta {
    code: "DL4005",
    name: "link-bin-sh",
    summary: "Use SHELL to change the default shell",
    category: Category::Correctness,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for LinkBinSh {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, _script: &Script, command: &ShellCommand) {
        if !command.is("ln") {
            return;
        }
        // The link name is the last operand; `ln -s /bin/sh /usr/local/bin/x` leaves /bin/sh alone.
        let Some(link) = command.operands().last().filter(|w| w.text == "/bin/sh") else { return };
        if command.operands().count() >= 2 {
            cx.report(link.span, "replacing `/bin/sh` with a link changes the shell of every later RUN")
                .with_help("use a `SHELL [\"/bin/bash\", \"-c\"]` instruction instead");
        }
    }
}
