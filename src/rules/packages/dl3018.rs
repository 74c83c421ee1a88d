use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::tools::Manager;
use crate::shell::{Script, ShellCommand};

pub struct ApkUnpinned;

static META: RuleMeta = RuleMeta {
    code: "DL3018",
    name: "apk-unpinned-package",
    summary: "Pin versions in `apk add`",
    category: Category::Packages,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for ApkUnpinned {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, _script: &Script, command: &ShellCommand) {
        super::report_unpinned(cx, command, Manager::Apk, "=<version>");
    }
}
