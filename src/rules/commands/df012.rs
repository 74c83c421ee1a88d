use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::{Script, ShellCommand, SHELLS};
use crate::text::Span;

pub struct PipeToShell;

static META: RuleMeta = RuleMeta {
    code: "DF012",
    name: "pipe-to-shell",
    summary: "Do not pipe a download into a shell",
    category: Category::Security,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

const HELP: &str = "download to a file, check its SHA-256 checksum, then run it";

fn is_download(command: &ShellCommand) -> bool {
    command.is("curl") || command.is("wget")
}

impl Rule for PipeToShell {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, _at: At, script: &Script, command: &ShellCommand) {
        if !SHELLS.contains(&command.program()) {
            return;
        }
        // `curl ... | sh`: a download earlier in the same pipeline.
        let pipeline = script.pipelines.iter().filter(|p| p.start <= command.span.start && command.span.end <= p.end);
        let piped = pipeline
            .flat_map(|p| script.commands.iter().filter(move |c| p.start <= c.span.start && c.span.end <= p.end))
            .find(|c| c.span.end <= command.span.start && is_download(c));
        if let Some(download) = piped {
            cx.report(
                Span::new(download.span.start, command.span.end),
                format!("a `{}` download is piped into `{}`", download.program(), command.program()),
            )
            .with_help(HELP);
            return;
        }
        // `sh -c "$(curl ...)"` and `bash <(curl ...)`.
        let substituted = command.args.iter().find(|a| {
            ["$(", "`", "<("]
                .iter()
                .any(|open| ["curl ", "wget "].iter().any(|tool| a.text.contains(&format!("{open}{tool}"))))
        });
        if let Some(arg) = substituted {
            cx.report(arg.span, format!("a download is run by `{}`", command.program())).with_help(HELP);
        }
    }
}
