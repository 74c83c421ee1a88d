use crate::lint::{Applicability, At, Category, Context, Fix, FixAvailability, Rule, RuleMeta, Severity};
use crate::semantic::Model;
use crate::shell::{invocation_sets_pipefail, Script};
use crate::syntax::{Command, Instruction, Keyword};
use crate::text::Span;

pub struct PipeWithoutPipefail;

static META: RuleMeta = RuleMeta {
    code: "DL4006",
    name: "pipe-without-pipefail",
    summary: "Set `-o pipefail` before a RUN with a pipe",
    category: Category::Correctness,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Sometimes,
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
        let pipelines = unprotected_pipelines(cx.model, at.index, at.instruction);
        if pipelines.is_empty() {
            return;
        }
        let fix = shell_fix(cx, &at);
        for pipeline in pipelines {
            let diagnostic = cx
                .report(pipeline, "pipe without `pipefail`: only the last command's failure fails the build")
                .with_help(
                    "add `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before this RUN, \
                     or start the script with `set -o pipefail`",
                );
            if let Some(fix) = &fix {
                diagnostic.with_fix(fix.clone());
            }
        }
    }
}

/// The pipelines of `run` (the instruction at `index`, or the trigger of the ONBUILD there) that
/// run without `pipefail`.
fn unprotected_pipelines(model: &Model, index: usize, run: &Instruction) -> Vec<Span> {
    // PowerShell and cmd RUNs have no script: only POSIX shells get here.
    let Some(script) = model.script(index) else { return Vec::new() };
    // Exec form runs its program directly: SHELL does not apply.
    let exec_form = matches!(run.command(), Some(Command::Exec { .. }));
    let shell = model.shell_for(index);
    if !exec_form && shell.is_some_and(|words| invocation_sets_pipefail(super::shell_words(words))) {
        return Vec::new();
    }
    script.pipelines.iter().copied().filter(|&pipeline| !pipefail_on(script, pipeline)).collect()
}

/// Inserts a bash `SHELL` with pipefail before the stage's first shell-form RUN with an
/// unprotected pipe, when no SHELL is in effect and the image is known to have bash. Every finding
/// of the stage gets the same fix, so it applies once. Unsafe: the RUNs after it run in bash instead
/// of `/bin/sh`, and a pipeline whose failure was ignored now fails the build. A stage built on
/// one that gets the fix waits for the next pass, where it inherits the SHELL.
fn shell_fix(cx: &Context, at: &At) -> Option<Fix> {
    let stage = at.stage?;
    let shell_form = matches!(at.instruction.command(), Some(Command::Shell { .. }));
    if at.onbuild || !shell_form || cx.model.shell_for(at.index).is_some() || !cx.model.has_bash(stage) {
        return None;
    }
    let first_unprotected_run = |stage| {
        cx.model.instructions_of(stage).find(|&(index, instruction)| {
            instruction.keyword == Keyword::Run
                && matches!(instruction.command(), Some(Command::Shell { .. }))
                && !unprotected_pipelines(cx.model, index, instruction).is_empty()
        })
    };
    // A stage built on one that gets the SHELL inherits it: fixing both would add it twice.
    if cx.model.ancestry(stage).skip(1).any(|parent| first_unprotected_run(parent).is_some()) {
        return None;
    }
    let (first, run) = first_unprotected_run(stage)?;
    let keyword = super::keyword_like(run.keyword_span.slice(cx.source), "SHELL");
    let shell =
        super::insert_line_before(cx, first, &format!("{keyword} [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]"));
    Some(Fix::new("Run with bash and `pipefail`", Applicability::Unsafe, vec![shell]))
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
