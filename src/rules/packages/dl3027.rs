use crate::lint::{At, Category, Context, Edit, Fix, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::tools::package_command;
use crate::shell::{Script, ShellCommand};

pub struct AptInsteadOfAptGet;

static META: RuleMeta = RuleMeta {
    code: "DL3027",
    name: "apt-instead-of-apt-get",
    summary: "Use `apt-get` or `apt-cache` instead of `apt`",
    category: Category::Packages,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Sometimes,
    aliases: &[],
};

/// Subcommands `apt-get` runs the same way as `apt` (not `upgrade`: `apt upgrade` also installs new
/// dependencies, `apt-get upgrade` does not).
const APT_GET_SAME: &[&str] = &[
    "install",
    "update",
    "remove",
    "purge",
    "autoremove",
    "autopurge",
    "dist-upgrade",
    "clean",
    "autoclean",
    "source",
    "build-dep",
    "download",
    "changelog",
    "satisfy",
];

/// Read-only queries `apt-cache` answers; `apt list` has no counterpart.
const APT_CACHE_SAME: &[&str] = &["policy", "depends", "rdepends", "showsrc"];

impl Rule for AptInsteadOfAptGet {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, _script: &Script, command: &ShellCommand) {
        if !command.is("apt") {
            return;
        }
        let verb = package_command(command).map(|p| p.verb.text.clone());
        let replacement = match verb.as_deref() {
            Some(v) if APT_GET_SAME.contains(&v) => Some("apt-get"),
            Some(v) if APT_CACHE_SAME.contains(&v) => Some("apt-cache"),
            _ => None,
        };
        let help = match replacement {
            Some(tool) => format!("use `{tool}`, whose output and options stay stable for scripts"),
            None => "use `apt-get` or `apt-cache`, whose output and options stay stable for scripts".to_string(),
        };
        let name = &command.name;
        let slice = name.span.slice(cx.source);
        let fix = replacement.zip(slice.rfind("apt")).map(|(tool, at)| {
            let end = name.span.start + at + "apt".len();
            let edit = Edit::insert(end, tool.trim_start_matches("apt").to_string());
            Fix::safe(format!("Use `{tool}`"), vec![edit])
        });
        let diagnostic =
            cx.report(name.span, "`apt` is meant for people at a terminal, not for scripts").with_help(help);
        if let Some(fix) = fix {
            diagnostic.with_fix(fix);
        }
    }
}
