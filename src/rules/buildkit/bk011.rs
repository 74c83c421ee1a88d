use crate::lint::{At, Category, Context, Edit, Fix, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::Body;

pub struct ExposeInvalidFormat;

static META: RuleMeta = RuleMeta {
    code: "BK011",
    name: "expose-invalid-format",
    summary: "EXPOSE takes container ports, not IP addresses or host port mappings",
    category: Category::Correctness,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Sometimes,
    aliases: &["ExposeInvalidFormat"],
};

impl Rule for ExposeInvalidFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Body::Ports(ports) = &at.instruction.body else { return };
        for port in ports {
            let written = port.span.slice(cx.source);
            let Some(colon) = written.rfind(':') else { continue };
            // Docker keeps only the container port (after the last `:`); the rest is ignored.
            let container = &written[colon + 1..];
            let diagnostic = cx
                .report(port.span, format!("`{written}` maps a host address or port, which EXPOSE ignores"))
                .with_help("publish host ports with `docker run -p`; EXPOSE only documents container ports");
            if !container.is_empty() && !written.contains('$') {
                diagnostic.with_fix(Fix::safe(
                    format!("Expose only `{container}`"),
                    vec![Edit::replace(port.span, container.to_string())],
                ));
            }
        }
    }
}
