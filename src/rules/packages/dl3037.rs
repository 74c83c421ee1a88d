use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::tools::Manager;
use crate::shell::{Script, ShellCommand};

pub struct ZypperUnpinned;

static META: RuleMeta = RuleMeta {
    code: "DL3037",
    name: "zypper-unpinned-package",
    summary: "Pin versions in `zypper install`",
    category: Category::Packages,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for ZypperUnpinned {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, _script: &Script, command: &ShellCommand) {
        super::report_unpinned(cx, command, Manager::Zypper, "=<version>");
    }
}
