use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::Keyword;

pub struct MultipleCmd;

static META: RuleMeta = RuleMeta {
    code: "DL4003",
    name: "multiple-cmd",
    summary: "A stage has more than one `CMD`; only the last takes effect",
    category: Category::Correctness,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Always,
    aliases: &["MultipleInstructionsDisallowed"],
};

impl Rule for MultipleCmd {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        super::report_repeated(cx, at, Keyword::Cmd);
    }
}
