use crate::lint::{At, Category, Context, Edit, Fix, FixAvailability, Rule, RuleMeta, Severity};
use crate::semantic::ImageFamily;
use crate::shell::{Script, ShellCommand};

pub struct WgetProgress;

static META: RuleMeta = RuleMeta {
    code: "DL3047",
    name: "wget-progress-bar",
    summary: "Set `--progress` or quiet output with `wget`",
    category: Category::Style,
    severity: Severity::Info,
    enabled_by_default: true,
    fix: FixAvailability::Sometimes,
    aliases: &[],
};

/// One dot per megabyte, 32 per line: a short log even for large downloads.
const PROGRESS: &str = "--progress=dot:giga";

impl Rule for WgetProgress {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, at: At, _script: &Script, command: &ShellCommand) {
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
        if !command.is("wget") || quiet {
            return;
        }
        // GNU wget takes `--progress`; BusyBox wget (Alpine, BusyBox) rejects it, and on other
        // images which wget runs is unknown.
        let gnu =
            at.stage.is_some_and(|s| matches!(cx.model.image_family(s), ImageFamily::Debian | ImageFamily::RedHat));
        let diagnostic = cx
            .report(command.name.span, "`wget` without `--progress` fills the build log with its progress bar")
            .with_help("pass `--progress=dot:giga`, or `-q`/`-nv` for less output");
        if gnu {
            let (offset, text) = command.name.argument_after(PROGRESS);
            diagnostic.with_fix(Fix::safe(format!("Add `{PROGRESS}`"), vec![Edit::insert(offset, text)]));
        }
    }
}
