use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct CopyFromOwnStage;

static META: RuleMeta = RuleMeta {
    code: "DL3023",
    name: "copy-from-own-stage",
    summary: "`COPY --from` cannot copy from the stage it is in",
    category: Category::Correctness,
    severity: Severity::Error,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for CopyFromOwnStage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Some((value, word)) = super::copy_from(&at) else { return };
        let Some(stage) = at.stage else { return };
        let earlier_namesake = cx.model.stages[..stage.index].iter().any(|s| s.is_named(&value));
        let own = (stage.is_named(&value) && !earlier_namesake) || value.parse::<usize>() == Ok(stage.index);
        if own {
            cx.report(word.span, format!("`--from={value}` names the stage this `COPY` is in"))
                .with_help("a stage cannot copy from itself; copy from an earlier stage or the build context");
        }
    }
}
