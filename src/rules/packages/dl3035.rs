use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::{Script, ShellCommand};

pub struct ZypperDistUpgrade;

static META: RuleMeta = RuleMeta {
    code: "DL3035",
    name: "zypper-dist-upgrade",
    summary: "Do not use `zypper dist-upgrade`",
    category: Category::Packages,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for ZypperDistUpgrade {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, _script: &Script, command: &ShellCommand) {
        if let Some(verb) = super::package_verb(command, &["zypper"], &["dist-upgrade", "dup"]) {
            cx.report(
                super::head_span(command, verb),
                format!("`zypper {}` upgrades the whole distribution", verb.text),
            )
            .with_help("use a newer base image instead, and install only the packages you need");
        }
    }
}
