use crate::lint::{Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::text::line_number;

pub struct DuplicateStageName;

static META: RuleMeta = RuleMeta {
    code: "DL3024",
    name: "duplicate-stage-name",
    summary: "Stage names must be unique",
    category: Category::Correctness,
    severity: Severity::Error,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &["DuplicateStageName"],
};

impl Rule for DuplicateStageName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &mut Context) {
        let model = cx.model;
        for (position, stage) in model.stages.iter().enumerate() {
            let Some(name) = &stage.name else { continue };
            // Docker compares stage names case-insensitively.
            let Some(first) = model.stages[..position].iter().find(|s| s.is_named(&name.text)) else { continue };
            let line = line_number(cx.source, model.instruction(first.from).span.start);
            let first_name = first.name.as_ref().map_or(model.instruction(first.from).span, |n| n.span);
            cx.report(name.span, format!("stage name `{}` is already used on line {line}", name.text))
                .with_help("give every stage its own name; `--from` and `--target` pick one of them")
                .with_related(first_name, "the first stage with this name");
        }
    }
}
