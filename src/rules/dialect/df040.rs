use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::Keyword;

pub struct BashismInSh;

static META: RuleMeta = RuleMeta {
    code: "DF040",
    name: "bashism-in-sh",
    summary: "Shell construct the RUN's shell does not understand",
    category: Category::Correctness,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for BashismInSh {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let (Some(stage), Keyword::Run) = (at.stage, at.instruction.keyword) else { return };
        let Some(script) = cx.model.script(at.index) else { return };
        let run_dialect = cx.model.dialect_at(at.index);
        for bashism in &script.bashisms {
            let Some(dialect) = bashism.shell.or(run_dialect) else { continue };
            let dialect = cx.model.resolve_dialect(stage, dialect);
            if !dialect.supports(bashism.kind) {
                let message = format!("{} is not supported by {}", bashism.kind.describe(), dialect.name());
                let help = format!("{}, or run the script with bash", bashism.kind.portable());
                cx.report(bashism.span, message).with_help(help);
            }
        }
    }
}
