use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::tools::{pip_install, pip_requirement_is_fixed};
use crate::shell::{Script, ShellCommand};

pub struct PipUnpinned;

static META: RuleMeta = RuleMeta {
    code: "DL3013",
    name: "pip-unpinned-package",
    summary: "Pin versions in `pip install`",
    category: Category::Packages,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for PipUnpinned {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, _script: &Script, command: &ShellCommand) {
        let Some(pip) = pip_install(command) else { return };
        // A constraints file may pin every package named here.
        if pip.has_constraints() {
            return;
        }
        for spec in pip.requirements.iter().filter(|r| !super::from_variable(r) && !pip_requirement_is_fixed(&r.text)) {
            let help = if spec.text.contains("://") {
                format!("pin a tag or commit with `{}@<ref>`", spec.text)
            } else {
                format!("pin it with `{}==<version>`, or install from a requirements file", spec.text)
            };
            cx.report(spec.span, format!("`{}` is installed without a version", spec.text)).with_help(help);
        }
    }
}
