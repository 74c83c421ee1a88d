use crate::lint::{Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::semantic::{Base, Model, Stage};
use crate::syntax::Keyword;

pub struct UnreachableStage;

static META: RuleMeta = RuleMeta {
    code: "DF032",
    name: "unreachable-stage",
    summary: "Every stage should contribute to the final stage",
    category: Category::Performance,
    severity: Severity::Info,
    enabled_by_default: false,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for UnreachableStage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &mut Context) {
        let model = cx.model;
        let Some(last) = model.final_stage() else { return };
        // Walk back from the final stage through bases, `COPY --from` and `RUN --mount=from=`.
        let mut reached = vec![false; model.stages.len()];
        let mut pending = vec![last.index];
        while let Some(index) = pending.pop() {
            if std::mem::replace(&mut reached[index], true) {
                continue;
            }
            pending.extend(dependencies(model, &model.stages[index]));
        }
        for stage in model.stages.iter().filter(|s| !reached[s.index]) {
            let instruction = model.instruction(stage.from);
            let (span, label) = match &stage.name {
                Some(name) => (name.span, format!("stage `{}`", name.text)),
                None => (instruction.keyword_span, format!("stage {}", stage.index)),
            };
            cx.report(span, format!("{label} is not used by the final stage"))
                .with_help("the default build skips it; remove it, or build it on purpose with `--target`");
        }
    }
}

/// Earlier stages this stage reads from.
fn dependencies(model: &Model, stage: &Stage) -> Vec<usize> {
    let mut out = Vec::new();
    if let Base::Stage(parent) = stage.base {
        out.push(parent);
    }
    for (_, instruction) in model.instructions_of(stage) {
        let mut names: Vec<String> = Vec::new();
        if matches!(instruction.keyword, Keyword::Copy | Keyword::Add) {
            names.extend(instruction.flag("from").and_then(|f| f.value.as_ref()).map(|w| w.unquoted()));
        }
        for flag in instruction.flags.iter().filter(|f| f.name == "mount") {
            let Some(value) = &flag.value else { continue };
            names.extend(value.text.split(',').filter_map(|p| p.strip_prefix("from=")).map(str::to_string));
        }
        out.extend(names.iter().filter_map(|n| model.find_stage(n)).map(|s| s.index).filter(|&i| i < stage.index));
    }
    out
}
