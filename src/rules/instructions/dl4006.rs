use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::{invocation_sets_pipefail, Script};
use crate::syntax::{Command, Keyword};
use crate::text::Span;

pub struct PipeWithoutPipefail;

static META: RuleMeta = RuleMeta {
    code: "DL4006",
    name: "pipe-without-pipefail",
    summary: "Set `-o pipefail` before a RUN with a pipe",
    category: Category::Correctness,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for PipeWithoutPipefail {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        if at.instruction.keyword != Keyword::Run {
            return;
        }
        // PowerShell and cmd RUNs have no script: only POSIX shells get here.
        let Some(script) = cx.model.script(at.index) else { return };
        let shell = cx.model.shell_for(at.index);
        // Exec form runs its program directly: SHELL does not apply.
        let exec_form = matches!(at.instruction.command(), Some(Command::Exec { .. }));
        if !exec_form && shell.is_some_and(|words| invocation_sets_pipefail(super::shell_words(words))) {
            return;
        }
        for &pipeline in &script.pipelines {
            if !pipefail_on(script, pipeline) {
                cx.report(pipeline, "pipe without `pipefail`: only the last command's failure fails the build")
                    .with_help(
                        "add `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before this RUN, \
                         or start the script with `set -o pipefail`",
                    );
            }
        }
    }
}

/// `set -o pipefail` earlier in the script, or a shell started with `-o pipefail` that runs the
/// pipeline (`bash -o pipefail -c 'a | b'`).
fn pipefail_on(script: &Script, pipeline: Span) -> bool {
    script.sets_pipefail_before(pipeline.start)
        || script.commands.iter().any(|c| {
            c.span.start < pipeline.start
                && pipeline.end <= c.span.end
                && invocation_sets_pipefail(
                    std::iter::once(c.name.text.as_str()).chain(c.args.iter().map(|a| a.text.as_str())),
                )
        })
}
