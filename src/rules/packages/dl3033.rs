use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::{Script, ShellCommand};

pub struct YumUnpinned;

static META: RuleMeta = RuleMeta {
    code: "DL3033",
    name: "yum-unpinned-package",
    summary: "Pin versions in `yum install`",
    category: Category::Packages,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for YumUnpinned {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, _script: &Script, command: &ShellCommand) {
        super::report_unpinned_rpm(cx, command, &["yum"]);
    }
}
