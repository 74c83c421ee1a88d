use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::{Script, ShellCommand};

pub struct ZypperMissingYes;

static META: RuleMeta = RuleMeta {
    code: "DL3034",
    name: "zypper-missing-yes",
    summary: "Use `-n` or `-y` with `zypper install`",
    category: Category::Packages,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Always,
    aliases: &[],
};

impl Rule for ZypperMissingYes {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, _script: &Script, command: &ShellCommand) {
        // `-n` is a global option, valid before every subcommand; `-y` (`--no-confirm`) goes after it.
        super::report_missing_yes(
            cx,
            command,
            &["zypper"],
            &["install", "in", "remove", "rm", "source-install", "si", "patch"],
            &["-n", "--non-interactive", "-y", "--no-confirm"],
            true,
        );
    }
}
