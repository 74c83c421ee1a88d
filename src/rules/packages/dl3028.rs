use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::tools::gem_install;
use crate::shell::{Script, ShellCommand};

pub struct GemUnpinned;

static META: RuleMeta = RuleMeta {
    code: "DL3028",
    name: "gem-unpinned-package",
    summary: "Pin versions in `gem install`",
    category: Category::Packages,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for GemUnpinned {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, _script: &Script, command: &ShellCommand) {
        let Some(gem) = gem_install(command) else { return };
        // `-v`/`--version` pins every gem named.
        if command.has_any_flag(&["-v", "--version"]) {
            return;
        }
        for name in gem.operands.iter().filter(|g| !super::from_variable(g) && !g.text.contains(':')) {
            cx.report(name.span, format!("`{}` is installed without a version", name.text))
                .with_help(format!("pin it with `{}:<version>` or `-v <version>`", name.text));
        }
    }
}
