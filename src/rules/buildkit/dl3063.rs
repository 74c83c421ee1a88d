use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct ReservedStageName;

static META: RuleMeta = RuleMeta {
    code: "DL3063",
    name: "reserved-stage-name",
    summary: "Do not name a stage `scratch` or `context`",
    category: Category::Correctness,
    severity: Severity::Error,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &["ReservedStageName"],
};

/// Names BuildKit gives a meaning of its own: the empty image and the build context.
const RESERVED: [&str; 2] = ["scratch", "context"];

impl Rule for ReservedStageName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Some((_, Some(name))) = super::stage_from(&at) else { return };
        // Docker compares stage names without regard to case.
        let Some(reserved) = RESERVED.iter().find(|r| r.eq_ignore_ascii_case(&name.text)) else { return };
        cx.report(name.span, format!("`{}` is a reserved name and cannot name a stage", name.text))
            .with_help(format!("`{reserved}` already means something to BuildKit; pick another stage name"));
    }
}
