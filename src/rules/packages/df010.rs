use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::tools::is_apt_update;
use crate::shell::{Script, ShellCommand, SHELLS};

pub struct AptUpdateAlone;

static META: RuleMeta = RuleMeta {
    code: "DF010",
    name: "apt-update-alone",
    summary: "`apt-get update` in a RUN that installs nothing",
    category: Category::Packages,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

/// Commands that do not read the package lists.
const IDLE: &[&str] = &["echo", "printf", "true", ":", "set", "rm", "sleep"];

/// `sudo ...`, `env ...` and `sh -c '...'`: what they run is listed as commands of its own.
fn is_wrapper(command: &ShellCommand) -> bool {
    matches!(command.program(), "sudo" | "env")
        || (SHELLS.contains(&command.program())
            && command.args.iter().any(|a| a.text.starts_with('-') && a.text.ends_with('c')))
}

impl Rule for AptUpdateAlone {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, script: &Script, command: &ShellCommand) {
        if !is_apt_update(command) {
            return;
        }
        let used = script.commands.iter().any(|c| {
            c.span.start > command.span.start && !is_apt_update(c) && !IDLE.contains(&c.program()) && !is_wrapper(c)
        });
        if !used {
            cx.report(command.span, format!("`{} update` runs in a RUN that installs nothing", command.program()))
                .with_help("update and install in the same RUN: `apt-get update && apt-get install -y ...`");
        }
    }
}
