use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::{Script, ShellCommand};

pub struct DnfUnpinned;

static META: RuleMeta = RuleMeta {
    code: "DL3041",
    name: "dnf-unpinned-package",
    summary: "Pin versions in `dnf install`",
    category: Category::Packages,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for DnfUnpinned {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, _script: &Script, command: &ShellCommand) {
        super::report_unpinned_rpm(cx, command, &["dnf", "microdnf"]);
    }
}
