use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct EmptyLabel;

static META: RuleMeta = RuleMeta {
    code: "DL3051",
    name: "empty-label",
    summary: "A label the label schema lists is empty",
    category: Category::Style,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for EmptyLabel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        for pair in super::labels(&at) {
            let key = pair.key.unquoted();
            if !cx.options.label_schema.contains_key(&key) {
                continue;
            }
            let empty = pair.value.as_ref().is_none_or(|v| {
                let expanded = cx.model.expand_at(at.index, &v.unquoted());
                expanded.is_resolved() && expanded.text.trim().is_empty()
            });
            if empty {
                let span = pair.value.as_ref().map_or(pair.span, |v| v.span);
                cx.report(span, format!("label `{key}` is empty")).with_help("give the label a value");
            }
        }
    }
}
