use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::Body;

pub struct ExposeSsh;

static META: RuleMeta = RuleMeta {
    code: "DF022",
    name: "expose-ssh",
    summary: "`EXPOSE 22`: an SSH server in a container",
    category: Category::Security,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for ExposeSsh {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Body::Ports(ports) = &at.instruction.body else { return };
        for port in ports {
            let expanded = cx.model.expand_at(at.index, &port.unquoted());
            let number = expanded.text.split('/').next().unwrap_or("");
            if number == "22" {
                cx.report(port.span, "port 22 is exposed: the image runs an SSH server")
                    .with_help("drop the SSH server; use `docker exec` or `kubectl exec` to get a shell");
            }
        }
    }
}
