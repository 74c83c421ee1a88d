use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::{Script, ShellCommand};

pub struct PointlessCommand;

static META: RuleMeta = RuleMeta {
    code: "DL3001",
    name: "pointless-command",
    summary: "Do not run interactive or system-management tools in RUN",
    category: Category::Correctness,
    severity: Severity::Info,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

/// Interactive tools and tools that manage a running system (services, processes, mounts, network
/// interfaces), none of which a build step has.
const POINTLESS: &[&str] = &["free", "ifconfig", "kill", "mount", "ps", "service", "shutdown", "ssh", "top", "vim"];

impl Rule for PointlessCommand {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, at: At, _script: &Script, command: &ShellCommand) {
        let program = command.program();
        if !POINTLESS.contains(&program) {
            return;
        }
        // `RUN --mount=type=ssh ssh ...` talks to a host through the forwarded agent, on purpose.
        let ssh_mount =
            at.instruction.flags.iter().any(|f| {
                f.name == "mount" && f.value.as_ref().is_some_and(|v| v.text.split(',').any(|p| p == "type=ssh"))
            });
        if program == "ssh" && ssh_mount {
            return;
        }
        cx.report(command.name.span, format!("`{program}` makes no sense in an image build"))
            .with_help("a build step has no terminal, no services and no other processes to manage; remove it");
    }
}
