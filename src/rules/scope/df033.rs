use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::Keyword;
use crate::text::line_number;

pub struct CopyFromLaterStage;

static META: RuleMeta = RuleMeta {
    code: "DF033",
    name: "copy-from-later-stage",
    summary: "`COPY --from` should not name a stage defined further down",
    category: Category::Correctness,
    severity: Severity::Error,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for CopyFromLaterStage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        // ONBUILD triggers resolve stage names in the child build.
        if at.onbuild || at.instruction.keyword != Keyword::Copy {
            return;
        }
        let Some(word) = at.instruction.flag("from").and_then(|f| f.value.as_ref()) else { return };
        let Some(stage) = at.stage else { return };
        let value = word.unquoted();
        let model = cx.model;
        let later = match value.parse::<usize>() {
            Ok(index) => model.stages.get(index).filter(|s| s.index > stage.index),
            // A name that an earlier stage (or this one) also has is not this rule's case.
            Err(_) if model.stages[..=stage.index].iter().any(|s| s.is_named(&value)) => None,
            Err(_) => model.stages.iter().find(|s| s.index > stage.index && s.is_named(&value)),
        };
        let Some(later) = later else { return };
        let later_from = model.instruction(later.from).span;
        let line = line_number(cx.source, later_from.start);
        cx.report(word.span, format!("`--from={value}` names a stage defined later, on line {line}"))
            .with_help("a stage can copy only from stages above it; move that stage up")
            .with_related(later.name.as_ref().map_or(later_from, |n| n.span), "the stage, defined below");
    }
}
