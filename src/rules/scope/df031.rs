use super::{references_in, stage_args};
use crate::lint::{Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::semantic::Lookup;
use crate::text::line_number;

pub struct ArgUsedBeforeDeclaration;

static META: RuleMeta = RuleMeta {
    code: "DF031",
    name: "arg-used-before-declaration",
    summary: "Variables should be declared before instructions use them",
    category: Category::Correctness,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for ArgUsedBeforeDeclaration {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &mut Context) {
        let model = cx.model;
        for stage in &model.stages {
            let mut reported: Vec<&str> = Vec::new();
            for (arg, name) in stage_args(model, stage.instructions.start + 1..stage.instructions.end) {
                if reported.contains(&name) {
                    continue;
                }
                reported.push(name);
                let line = line_number(cx.source, model.instruction(arg).span.start);
                for index in stage.instructions.start + 1..arg {
                    // Only where nothing else (an ENV, an earlier ARG) gives the name a value.
                    if model.lookup(index, name) != Lookup::Undeclared {
                        continue;
                    }
                    for span in references_in(model, index, name) {
                        cx.report(
                            span,
                            format!("`{name}` is used before its `ARG` on line {line}, so it is empty here"),
                        )
                        .with_help(format!("move `ARG {name}` above its first use"))
                        .with_related(model.instruction(arg).span, "the declaration, further down");
                    }
                }
            }
        }
    }
}
