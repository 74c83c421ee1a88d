use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct SuperfluousLabel;

static META: RuleMeta = RuleMeta {
    code: "DL3050",
    name: "superfluous-label",
    summary: "A label not in the label schema (with `strict-labels`)",
    category: Category::Style,
    severity: Severity::Info,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for SuperfluousLabel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        if !cx.options.strict_labels {
            return;
        }
        for pair in super::labels(&at) {
            let key = pair.key.unquoted();
            if !cx.options.label_schema.contains_key(&key) {
                cx.report(pair.key.span, format!("label `{key}` is not in the label schema"))
                    .with_help("remove it, or add it to `label-schema` in the configuration");
            }
        }
    }
}
