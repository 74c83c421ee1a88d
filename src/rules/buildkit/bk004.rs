use crate::lint::{Category, Context, Edit, Fix, FixAvailability, Rule, RuleMeta, Severity};

pub struct ConsistentInstructionCasing;

static META: RuleMeta = RuleMeta {
    code: "BK004",
    name: "consistent-instruction-casing",
    summary: "Instruction keywords should all be uppercase or all lowercase",
    category: Category::Style,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Always,
    aliases: &["ConsistentInstructionCasing"],
};

impl Rule for ConsistentInstructionCasing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &mut Context) {
        let keywords: Vec<_> = cx.model.file.instructions.iter().map(|i| i.keyword_span).collect();
        // The case most keywords are written in; a tie goes to uppercase, as in BuildKit.
        let lower = keywords.iter().filter(|k| super::is_lowercase(k.slice(cx.source))).count();
        let upper = keywords.iter().filter(|k| super::is_uppercase(k.slice(cx.source))).count();
        for span in keywords {
            let written = span.slice(cx.source);
            let (majority, wanted) = match lower > upper {
                true => ("lowercase", written.to_ascii_lowercase()),
                false => ("uppercase", written.to_ascii_uppercase()),
            };
            if written != wanted {
                cx.report(span, format!("`{written}` is not written in the case of most instructions ({majority})"))
                    .with_fix(Fix::safe(format!("Write `{wanted}`"), vec![Edit::replace(span, wanted.clone())]));
            }
        }
    }
}
