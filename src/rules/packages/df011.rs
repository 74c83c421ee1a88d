use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::tools::{package_command, Manager};
use crate::shell::{Script, ShellCommand};

pub struct SystemUpgrade;

static META: RuleMeta = RuleMeta {
    code: "DF011",
    name: "system-upgrade",
    summary: "Do not upgrade all packages of the base image",
    category: Category::Packages,
    severity: Severity::Info,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for SystemUpgrade {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, _script: &Script, command: &ShellCommand) {
        let Some(p) = package_command(command) else { return };
        let upgrades = match p.manager {
            Manager::Apt => matches!(p.verb(), "upgrade" | "dist-upgrade" | "full-upgrade" | "safe-upgrade"),
            Manager::Apk => p.verb() == "upgrade",
            Manager::Yum => {
                matches!(p.verb(), "update" | "upgrade" | "distro-sync" | "upgrade-minimal" | "update-minimal")
            }
            // `zypper dist-upgrade` is DL3035.
            Manager::Zypper => matches!(p.verb(), "update" | "up"),
        };
        // Upgrading named packages is a choice about those packages, not the whole image.
        if upgrades && p.packages.is_empty() {
            let head = super::head_text(command, p.verb);
            cx.report(super::head_span(command, p.verb), format!("`{head}` upgrades every package of the base image"))
                .with_help("use a newer base image instead, so builds stay reproducible and layers small");
        }
    }
}
