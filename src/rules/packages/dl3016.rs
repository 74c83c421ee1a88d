use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::tools::{npm_install, npm_spec_is_fixed};
use crate::shell::{Script, ShellCommand};

pub struct NpmUnpinned;

static META: RuleMeta = RuleMeta {
    code: "DL3016",
    name: "npm-unpinned-package",
    summary: "Pin versions in `npm install`",
    category: Category::Packages,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for NpmUnpinned {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, _script: &Script, command: &ShellCommand) {
        let Some(npm) = npm_install(command) else { return };
        for spec in npm.operands.iter().filter(|s| !super::from_variable(s) && !npm_spec_is_fixed(&s.text)) {
            let name = spec.text.rsplit_once('@').filter(|(n, _)| !n.is_empty()).map_or(spec.text.as_str(), |(n, _)| n);
            cx.report(spec.span, format!("`{}` is installed without a version", spec.text))
                .with_help(format!("pin it with `{name}@<version>`"));
        }
    }
}
