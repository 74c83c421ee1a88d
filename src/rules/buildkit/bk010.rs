use crate::lint::{At, Category, Context, Edit, Fix, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::Body;
use crate::text::Span;

pub struct ExposeProtoCasing;

static META: RuleMeta = RuleMeta {
    code: "BK010",
    name: "expose-proto-casing",
    summary: "EXPOSE protocols should be lowercase",
    category: Category::Style,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Always,
    aliases: &["ExposeProtoCasing"],
};

impl Rule for ExposeProtoCasing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Body::Ports(ports) = &at.instruction.body else { return };
        for port in ports {
            let written = port.span.slice(cx.source);
            let Some(slash) = written.rfind('/') else { continue };
            let protocol = &written[slash + 1..];
            if super::is_lowercase(protocol) {
                continue;
            }
            let span = Span::new(port.span.start + slash + 1, port.span.end);
            let lower = protocol.to_ascii_lowercase();
            cx.report(span, format!("protocol `{protocol}` in `{written}` is not lowercase"))
                .with_fix(Fix::safe(format!("Write `{lower}`"), vec![Edit::replace(span, lower.clone())]));
        }
    }
}
