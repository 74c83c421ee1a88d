use crate::lint::{Applicability, At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::tools::{package_command, Manager};
use crate::shell::{Script, ShellCommand};

pub struct AptInstallRecommends;

static META: RuleMeta = RuleMeta {
    code: "DL3015",
    name: "apt-install-recommends",
    summary: "Avoid additional packages by specifying `--no-install-recommends`",
    category: Category::Packages,
    severity: Severity::Info,
    enabled_by_default: true,
    fix: FixAvailability::Always,
    aliases: &[],
};

const FALSE: &[&str] = &["false", "0", "no"];

impl Rule for AptInstallRecommends {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, at: At, _script: &Script, command: &ShellCommand) {
        let Some(install) = package_command(command) else { return };
        if install.manager != Manager::Apt || !install.installs() {
            return;
        }
        let declined = command.has_flag("--no-install-recommends")
            || install
                .apt_option("APT::Install-Recommends")
                .is_some_and(|v| FALSE.contains(&v.to_ascii_lowercase().as_str()))
            || super::apt_config_sets(cx, &at, "APT::Install-Recommends", FALSE);
        if !declined {
            // Leaving out recommended packages changes what is installed, so the fix needs review.
            let fix = super::add_flag_after(install.verb, "--no-install-recommends", Applicability::Unsafe);
            cx.report(
                super::head_span(command, install.verb),
                format!("`{} {}` also installs recommended packages", command.program(), install.verb()),
            )
            .with_help("pass `--no-install-recommends` and list the packages the image needs")
            .with_fix(fix);
        }
    }
}
