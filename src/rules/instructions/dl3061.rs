use crate::lint::{Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::{Instruction, Keyword};

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
        // A line that does not parse may have been the first FROM (one whose image holds a substitution
        // BuildKit rejects, say); it is reported as a syntax error, and what follows it is not judged here.
        let first_error = file.errors.iter().map(|error| error.span.start).min().unwrap_or(usize::MAX);
        let before_from = |i: &&Instruction| i.keyword != Keyword::From && i.span.start < first_error;
        for instruction in file.instructions.iter().take_while(before_from) {
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
