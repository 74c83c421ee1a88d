use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct UndefinedArgInFrom;

static META: RuleMeta = RuleMeta {
    code: "BK005",
    name: "undefined-arg-in-from",
    summary: "FROM should only use global ARGs declared above it",
    category: Category::Correctness,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &["UndefinedArgInFrom"],
};

impl Rule for UndefinedArgInFrom {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Some((image, _)) = super::stage_from(&at) else { return };
        let platform = at.instruction.flag("platform").and_then(|f| f.value.as_ref());
        let model = cx.model;
        for word in std::iter::once(image).chain(platform) {
            let mut undeclared = model.expand_in_from(at.index, &word.text).undeclared;
            undeclared.dedup();
            for name in undeclared {
                let span = super::reference_span(cx.source, word, &name, model.escape());
                let help = super::global_suggestion(model, at.index, &name).unwrap_or_else(|| {
                    format!(
                        "declare `ARG {name}` before the first `FROM`; an `ARG` inside a stage is not seen by `FROM`"
                    )
                });
                cx.report(span, format!("`{name}` is not a global ARG declared above this FROM")).with_help(help);
            }
        }
    }
}
