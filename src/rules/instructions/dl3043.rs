use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::Keyword;

pub struct OnbuildForbidden;

static META: RuleMeta = RuleMeta {
    code: "DL3043",
    name: "onbuild-forbidden-trigger",
    summary: "`ONBUILD` cannot trigger `ONBUILD`, `FROM` or `MAINTAINER`",
    category: Category::Correctness,
    severity: Severity::Error,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for OnbuildForbidden {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let keyword = at.instruction.keyword;
        if at.onbuild && matches!(keyword, Keyword::Onbuild | Keyword::From | Keyword::Maintainer) {
            cx.report(at.instruction.keyword_span, format!("`ONBUILD {}` is not allowed", keyword.as_str()))
                .with_help("Docker rejects this trigger when a child image is built; remove it");
        }
    }
}
