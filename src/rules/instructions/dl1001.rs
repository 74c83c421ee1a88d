use crate::lint::suppress::{self, Origin};
use crate::lint::{Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct InlineIgnore;

static META: RuleMeta = RuleMeta {
    code: "DL1001",
    name: "inline-ignore",
    summary: "Inline ignore pragmas are used",
    category: Category::Suppression,
    severity: Severity::Warning,
    enabled_by_default: false,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for InlineIgnore {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &mut Context) {
        let found = suppress::collect(cx.model.file, cx.source);
        // `# check=skip=` is BuildKit's own configuration, not a pragma hidden in the file.
        for suppression in found.iter().filter(|s| s.origin != Origin::BuildKit) {
            cx.report(suppression.comment, "inline ignore pragma")
                .with_help("move the exception to the configuration file, where it is reviewed in one place");
        }
    }
}
