use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::tools::{go_package_command, go_package_is_fixed};
use crate::shell::{Script, ShellCommand};

pub struct GoUnpinned;

static META: RuleMeta = RuleMeta {
    code: "DL3062",
    name: "go-unpinned-package",
    summary: "Pin versions in `go install`",
    category: Category::Packages,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for GoUnpinned {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, _script: &Script, command: &ShellCommand) {
        let Some(go) = go_package_command(command) else { return };
        for path in go.operands.iter().filter(|p| !super::from_variable(p) && !go_package_is_fixed(&p.text)) {
            let name = path.text.split('@').next().unwrap_or(&path.text);
            cx.report(path.span, format!("`go {} {}` does not pin a version", go.verb.text, path.text))
                .with_help(format!("pin it with `{name}@<version>`"));
        }
    }
}
