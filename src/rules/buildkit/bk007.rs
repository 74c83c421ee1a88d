use crate::lint::{At, Category, Context, Edit, Fix, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::{Body, KeyValue};
use crate::text::Span;

pub struct LegacyKeyValueFormat;

static META: RuleMeta = RuleMeta {
    code: "BK007",
    name: "legacy-key-value-format",
    summary: "ENV and LABEL should use `key=value`",
    category: Category::Style,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Sometimes,
    aliases: &["LegacyKeyValueFormat"],
};

impl Rule for LegacyKeyValueFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Body::Pairs(pairs) = &at.instruction.body else { return };
        let keyword = at.instruction.keyword.as_str();
        for pair in pairs.iter().filter(|p| p.legacy) {
            let key = &pair.key.text;
            let fix = fix(cx.source, pair);
            let diagnostic = cx
                .report(pair.span, format!("`{keyword} {key} value` is the legacy form"))
                .with_help(format!("write `{keyword} {key}=value`; the space-separated form is deprecated"));
            if let Some(fix) = fix {
                diagnostic.with_fix(fix);
            }
        }
    }
}

/// `key value` -> `key=value`, quoting the value when it holds blanks. Values with quotes or escapes
/// mixed with blanks, or spread over continuation lines, are left alone: their meaning could shift.
fn fix(source: &str, pair: &KeyValue) -> Option<Fix> {
    let value = pair.value.as_ref()?;
    let written = value.span.slice(source);
    if written != value.text {
        return None;
    }
    let gap = Span::new(pair.key.span.end, value.span.start);
    let mut edits = vec![Edit::replace(gap, "=")];
    if written.contains(char::is_whitespace) {
        if written.contains(['"', '\'', '\\', '`']) {
            return None;
        }
        edits.push(Edit::insert(value.span.start, "\""));
        edits.push(Edit::insert(value.span.end, "\""));
    }
    Some(Fix::safe("Use `key=value`", edits))
}
