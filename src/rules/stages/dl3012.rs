use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::Keyword;

pub struct MultipleHealthchecks;

static META: RuleMeta = RuleMeta {
    code: "DL3012",
    name: "multiple-healthchecks",
    summary: "A stage has more than one `HEALTHCHECK`",
    category: Category::Correctness,
    severity: Severity::Error,
    enabled_by_default: true,
    fix: FixAvailability::Always,
    aliases: &["MultipleInstructionsDisallowed"],
};

impl Rule for MultipleHealthchecks {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        super::report_repeated(cx, at, Keyword::Healthcheck);
    }
}
