use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::{Body, Command, Keyword};

pub struct ShellFormCmd;

static META: RuleMeta = RuleMeta {
    code: "DL3025",
    name: "shell-form-cmd",
    summary: "Use the JSON (exec) form for CMD and ENTRYPOINT",
    category: Category::Correctness,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &["JSONArgsRecommended"],
};

impl Rule for ShellFormCmd {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let keyword = at.instruction.keyword;
        if !matches!(keyword, Keyword::Cmd | Keyword::Entrypoint) {
            return;
        }
        let Body::Command(Command::Shell { span, .. }) = &at.instruction.body else { return };
        let help = if keyword == Keyword::Entrypoint {
            "write it as a JSON array, `ENTRYPOINT [\"program\", \"arg\"]`: in shell form the program runs under \
             `/bin/sh -c`, does not receive stop signals, and CMD arguments are ignored"
        } else {
            "write it as a JSON array, `CMD [\"program\", \"arg\"]`: in shell form the program runs under \
             `/bin/sh -c` and does not receive stop signals"
        };
        cx.report(*span, format!("{} uses the shell form", keyword.as_str())).with_help(help);
    }
}
