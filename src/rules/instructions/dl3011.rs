use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::{unquote, Body};

pub struct PortOutOfRange;

static META: RuleMeta = RuleMeta {
    code: "DL3011",
    name: "port-out-of-range",
    summary: "EXPOSE a port between 0 and 65535",
    category: Category::Correctness,
    severity: Severity::Error,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for PortOutOfRange {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Body::Ports(ports) = &at.instruction.body else { return };
        for port in ports {
            let expanded = cx.model.expand_at(at.index, &port.text);
            if !expanded.is_resolved() {
                continue;
            }
            let value = unquote(&expanded.text);
            if !out_of_range(&value) {
                continue;
            }
            let message = if value == port.text {
                format!("port `{value}` is outside 0-65535")
            } else {
                format!("port `{}` (`{value}`) is outside 0-65535", port.text)
            };
            cx.report(port.span, message).with_help("ports are 16-bit numbers; pick one between 0 and 65535");
        }
    }
}

/// `70000`, `8000-70000/udp`: a number in the port or range beyond 65535. Text that is not a port
/// at all is left alone.
fn out_of_range(spec: &str) -> bool {
    let port = spec.split('/').next().unwrap_or(spec);
    let port = port.rsplit(':').next().unwrap_or(port);
    port.split('-').any(|n| {
        let digits = n.trim_start_matches('0');
        !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit())
            && (digits.len() > 5 || digits.parse::<u32>().is_ok_and(|n| n > 65535))
    })
}

#[cfg(test)]
mod tests {
    use super::out_of_range;

    #[test]
    fn checks_both_ends_of_ranges() {
        assert!(out_of_range("65536") && out_of_range("8000-70000/udp") && out_of_range("99999999999999999999"));
        assert!(!out_of_range("65535") && !out_of_range("0") && !out_of_range("8000-8010/tcp"));
        assert!(!out_of_range("http") && !out_of_range("-1"));
    }
}
