use crate::lint::{Applicability, At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::tools::{package_command, Manager};
use crate::shell::{Script, ShellCommand};

pub struct AptMissingYes;

static META: RuleMeta = RuleMeta {
    code: "DL3014",
    name: "apt-missing-yes",
    summary: "Use `-y` with `apt-get install`",
    category: Category::Packages,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Always,
    aliases: &[],
};

const TRUE: &[&str] = &["true", "1", "yes"];

impl Rule for AptMissingYes {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, at: At, _script: &Script, command: &ShellCommand) {
        let Some(install) = package_command(command) else { return };
        if install.manager != Manager::Apt || !install.installs() {
            return;
        }
        // Quiet level 2 (`-qq`, `-q -q`, `-q=2`) implies `-y`.
        let quiet: usize = command
            .args
            .iter()
            .map(|a| match a.text.as_str() {
                "--quiet" => 1,
                t if t.starts_with("-q=") || t.starts_with("--quiet=") => {
                    t.split_once('=').and_then(|(_, v)| v.parse().ok()).unwrap_or(0)
                }
                t if t.starts_with('-') && !t.starts_with("--") && !t.contains('=') => t.matches('q').count(),
                _ => 0,
            })
            .sum();
        let answered = command.has_any_flag(&["-y", "--yes", "--assume-yes"])
            || quiet >= 2
            || install
                .apt_option("APT::Get::Assume-Yes")
                .is_some_and(|v| TRUE.contains(&v.to_ascii_lowercase().as_str()))
            || super::apt_config_sets(cx, &at, "APT::Get::Assume-Yes", TRUE);
        if !answered {
            cx.report(
                super::head_span(command, install.verb),
                format!("`{} {}` without `-y` waits for confirmation", command.program(), install.verb()),
            )
            .with_help("a build cannot answer prompts; pass `-y`")
            .with_fix(super::add_flag_after(install.verb, "-y", Applicability::Safe));
        }
    }
}
