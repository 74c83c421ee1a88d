use crate::lint::{At, Category, Context, Edit, Fix, FixAvailability, Rule, RuleMeta, Severity};
use crate::text::Span;

pub struct FromAsCasing;

static META: RuleMeta = RuleMeta {
    code: "BK002",
    name: "from-as-casing",
    summary: "`AS` should be written in the case of its `FROM`",
    category: Category::Style,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Always,
    aliases: &["FromAsCasing"],
};

impl Rule for FromAsCasing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Some((image, Some(alias))) = super::stage_from(&at) else { return };
        // The `AS` keyword sits between the image and the stage name.
        let between = &cx.source[image.span.end..alias.span.start];
        let Some(offset) = between.to_ascii_lowercase().find("as") else { return };
        let span = Span::new(image.span.end + offset, image.span.end + offset + 2);
        let written = span.slice(cx.source);
        let from = super::keyword_text(cx.source, &at);
        let wanted = if super::is_lowercase(from) {
            "as"
        } else if super::is_uppercase(from) {
            "AS"
        } else {
            // A mixed-case FROM is ConsistentInstructionCasing's finding.
            return;
        };
        if written != wanted {
            cx.report(span, format!("`{written}` does not match the case of `{from}`"))
                .with_fix(Fix::safe(format!("Write `{wanted}`"), vec![Edit::replace(span, wanted)]));
        }
    }
}
