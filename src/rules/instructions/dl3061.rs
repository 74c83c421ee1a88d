use crate::lint::{Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::Keyword;

pub struct InstructionBeforeFrom;

static META: RuleMeta = RuleMeta {
    code: "DL3061",
    name: "instruction-before-from",
    summary: "Only `ARG` may come before the first `FROM`",
    category: Category::Correctness,
    severity: Severity::Error,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for InstructionBeforeFrom {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &mut Context) {
        let file = cx.model.file;
        for instruction in file.instructions.iter().take_while(|i| i.keyword != Keyword::From) {
            if instruction.keyword != Keyword::Arg {
                cx.report(
                    instruction.keyword_span,
                    format!("`{}` before the first `FROM`", instruction.keyword.as_str()),
                )
                .with_help("start the file with `FROM` (only `ARG` and comments may precede it)");
            }
        }
    }
}
