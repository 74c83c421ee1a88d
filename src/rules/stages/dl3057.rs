use crate::lint::{Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::Keyword;

pub struct MissingHealthcheck;

static META: RuleMeta = RuleMeta {
    code: "DL3057",
    name: "missing-healthcheck",
    summary: "The final stage has no `HEALTHCHECK`",
    category: Category::Correctness,
    severity: Severity::Info,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for MissingHealthcheck {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &mut Context) {
        let model = cx.model;
        let Some(last) = model.final_stage() else { return };
        // `HEALTHCHECK NONE` is a decision too; one in a stage the final stage builds on is inherited.
        let decided = model
            .ancestry(last)
            .any(|s| model.instructions_of(s).any(|(_, inst)| inst.keyword == Keyword::Healthcheck));
        if decided {
            return;
        }
        let Some(image) = super::from_image(cx, last.from) else { return };
        cx.report(image.span, "the final stage has no `HEALTHCHECK`").with_help(
            "add `HEALTHCHECK CMD <probe>` so Docker can tell a hung service from a healthy one, \
             or `HEALTHCHECK NONE` to state that there is none",
        );
    }
}
