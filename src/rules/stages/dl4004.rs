use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::Keyword;

pub struct MultipleEntrypoints;

static META: RuleMeta = RuleMeta {
    code: "DL4004",
    name: "multiple-entrypoints",
    summary: "A stage has more than one `ENTRYPOINT`; only the last takes effect",
    category: Category::Correctness,
    severity: Severity::Error,
    enabled_by_default: true,
    fix: FixAvailability::Always,
    aliases: &["MultipleInstructionsDisallowed"],
};

impl Rule for MultipleEntrypoints {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        super::report_repeated(cx, at, Keyword::Entrypoint);
    }
}
