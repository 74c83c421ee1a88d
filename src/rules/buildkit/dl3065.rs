use crate::lint::{At, Category, Context, Edit, Fix, FixAvailability, Rule, RuleMeta, Severity};
use crate::text::Span;

pub struct RedundantTargetPlatform;

static META: RuleMeta = RuleMeta {
    code: "DL3065",
    name: "redundant-target-platform",
    summary: "`FROM --platform=$TARGETPLATFORM` is the default",
    category: Category::Style,
    severity: Severity::Info,
    enabled_by_default: true,
    fix: FixAvailability::Always,
    aliases: &["RedundantTargetPlatform"],
};

impl Rule for RedundantTargetPlatform {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        if super::stage_from(&at).is_none() {
            return;
        }
        let Some(flag) = at.instruction.flag("platform") else { return };
        let Some(value) = &flag.value else { return };
        if !matches!(value.unquoted().as_str(), "$TARGETPLATFORM" | "${TARGETPLATFORM}") {
            return;
        }
        // The flag and the blanks after it.
        let rest = &cx.source[flag.span.end..];
        let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let span = Span::new(flag.span.start, flag.span.end + blanks);
        cx.report(flag.span, "`--platform=$TARGETPLATFORM` is what FROM uses anyway")
            .with_fix(Fix::safe("Remove the `--platform` flag", vec![Edit::delete(span)]));
    }
}
