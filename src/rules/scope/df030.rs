use super::{references_in, stage_args};
use crate::lint::{Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::{Body, Keyword};

pub struct UnusedArg;

static META: RuleMeta = RuleMeta {
    code: "DF030",
    name: "unused-arg",
    summary: "ARGs should be used",
    category: Category::Correctness,
    severity: Severity::Info,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for UnusedArg {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &mut Context) {
        let model = cx.model;
        // Global ARGs reach only FROM lines, and stages that declare them again.
        for &index in &model.global_args {
            for name in model.declared_names(index) {
                let used = model.stages.iter().any(|stage| {
                    !references_in(model, stage.from, name).is_empty()
                        || stage_args(model, stage.instructions.start + 1..stage.instructions.end)
                            .any(|(_, n)| n == name)
                });
                if !used {
                    report(cx, index, name, "no FROM uses it and no stage declares it again");
                }
            }
        }
        for stage in &model.stages {
            let range = stage.instructions.start + 1..stage.instructions.end;
            for (index, name) in stage_args(model, range.clone()) {
                let later = index + 1..range.end;
                // A RUN sees every ARG in its environment, so the programs it starts may read it.
                let used = later
                    .clone()
                    .any(|i| model.instruction(i).keyword == Keyword::Run || !references_in(model, i, name).is_empty());
                if !used {
                    report(cx, index, name, "nothing after it in its stage refers to it");
                }
            }
        }
    }
}

fn report(cx: &mut Context, index: usize, name: &str, why: &str) {
    let Body::Args(pairs) = &cx.model.instruction(index).body else { return };
    let Some(pair) = pairs.iter().find(|p| p.key.text == name) else { return };
    cx.report(pair.key.span, format!("ARG `{name}` is never used: {why}"))
        .with_help("remove it, or use it where it was meant to apply (an ARG before FROM is seen only by FROM lines)");
}
