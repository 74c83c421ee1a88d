use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::{Script, ShellCommand};

pub struct WgetProgress;

static META: RuleMeta = RuleMeta {
    code: "DL3047",
    name: "wget-progress-bar",
    summary: "Set `--progress` or quiet output with `wget`",
    category: Category::Style,
    severity: Severity::Info,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for WgetProgress {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, _script: &Script, command: &ShellCommand) {
        let quiet = command.args.iter().any(|a| a.text == "-nv")
            || command.has_any_flag(&[
                "--progress",
                "-q",
                "--quiet",
                "--no-verbose",
                "-o",
                "--output-file",
                "-a",
                "--append-output",
            ]);
        if command.is("wget") && !quiet {
            cx.report(command.name.span, "`wget` without `--progress` fills the build log with its progress bar")
                .with_help("pass `--progress=dot:giga`, or `-q`/`-nv` for less output");
        }
    }
}
