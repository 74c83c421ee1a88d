use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::{Script, ShellCommand};

pub struct YumMissingYes;

static META: RuleMeta = RuleMeta {
    code: "DL3030",
    name: "yum-missing-yes",
    summary: "Use `-y` with `yum install`",
    category: Category::Packages,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Always,
    aliases: &[],
};

impl Rule for YumMissingYes {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, _script: &Script, command: &ShellCommand) {
        super::report_missing_yes(
            cx,
            command,
            &["yum"],
            &["install", "groupinstall", "localinstall"],
            &["-y", "--assumeyes"],
            false,
        );
    }
}
