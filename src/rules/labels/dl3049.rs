use crate::lint::{Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::{Body, Keyword};
use std::collections::BTreeSet;

pub struct MissingLabel;

static META: RuleMeta = RuleMeta {
    code: "DL3049",
    name: "missing-label",
    summary: "A label the label schema requires is missing",
    category: Category::Style,
    severity: Severity::Info,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for MissingLabel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &mut Context) {
        let model = cx.model;
        let Some(last) = model.final_stage() else { return };
        // Labels reach the image from the final stage and the stages it is built on.
        let present: BTreeSet<String> = model
            .ancestry(last)
            .flat_map(|s| model.instructions_of(s))
            .filter(|(_, i)| i.keyword == Keyword::Label)
            .flat_map(|(_, i)| match &i.body {
                Body::Pairs(pairs) => pairs.iter().map(|p| p.key.unquoted()).collect(),
                _ => Vec::new(),
            })
            .collect();
        let Body::From { image, .. } = &model.instruction(last.from).body else { return };
        for key in cx.options.label_schema.keys().filter(|k| !present.contains(*k)) {
            cx.report(image.span, format!("the image has no label `{key}`"))
                .with_help(format!("add `LABEL {key}=...` to the final stage"));
        }
    }
}
