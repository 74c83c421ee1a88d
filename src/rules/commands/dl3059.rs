use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::{Instruction, Keyword};

pub struct ConsecutiveRuns;

static META: RuleMeta = RuleMeta {
    code: "DL3059",
    name: "consecutive-runs",
    summary: "Merge consecutive small RUN instructions",
    category: Category::Performance,
    severity: Severity::Info,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

/// The options of a RUN as written (`--mount=...`, `--network=...`): RUNs that differ there cannot
/// be joined.
fn flags(run: &Instruction) -> Vec<(&str, Option<&str>)> {
    run.flags.iter().map(|f| (f.name.as_str(), f.value.as_ref().map(|v| v.text.as_str()))).collect()
}

impl Rule for ConsecutiveRuns {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        if at.onbuild || at.instruction.keyword != Keyword::Run {
            return;
        }
        let Some(before) = at.index.checked_sub(1) else { return };
        let previous = cx.model.instruction(before);
        if previous.keyword != Keyword::Run || flags(previous) != flags(at.instruction) {
            return;
        }
        // As hadolint counts: only RUNs of a single command (wrappers aside) are worth merging.
        let small =
            |index| cx.model.script(index).is_some_and(|s| s.commands.iter().filter(|c| !c.wrapped).count() <= 1);
        if small(before) && small(at.index) {
            cx.report(at.instruction.keyword_span, "this RUN follows another RUN with the same options")
                .with_help("join them with `&&` into one RUN, so the image has one layer fewer");
        }
    }
}
