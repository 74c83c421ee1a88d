use crate::lint::{Applicability, At, Category, Context, Edit, Fix, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::literal_argv;
use crate::syntax::{Body, Command, Keyword};
use crate::text::Span;

pub struct ShellFormCmd;

static META: RuleMeta = RuleMeta {
    code: "DL3025",
    name: "shell-form-cmd",
    summary: "Use the JSON (exec) form for CMD and ENTRYPOINT",
    category: Category::Correctness,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Sometimes,
    aliases: &["JSONArgsRecommended"],
};

impl Rule for ShellFormCmd {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let keyword = at.instruction.keyword;
        if !matches!(keyword, Keyword::Cmd | Keyword::Entrypoint) {
            return;
        }
        let Body::Command(command @ Command::Shell { span, .. }) = &at.instruction.body else { return };
        let help = if keyword == Keyword::Entrypoint {
            "write it as a JSON array, `ENTRYPOINT [\"program\", \"arg\"]`: in shell form the program runs under \
             `/bin/sh -c`, does not receive stop signals, and CMD arguments are ignored"
        } else {
            "write it as a JSON array, `CMD [\"program\", \"arg\"]`: in shell form the program runs under \
             `/bin/sh -c` and does not receive stop signals"
        };
        let fix = exec_form_fix(cx, &at, command, *span);
        let diagnostic = cx.report(*span, format!("{} uses the shell form", keyword.as_str())).with_help(help);
        if let Some(fix) = fix {
            diagnostic.with_fix(fix);
        }
    }
}

/// The JSON array of the command's words, when the shell would only split them (`literal_argv`) and
/// `/bin/sh -c` is what runs the shell form: no SHELL in effect, not a Windows image, not an ONBUILD
/// trigger (the image it runs in may set one).
///
/// For CMD the program then gets the same arguments without a shell around it: safe, unless an
/// exec-form ENTRYPOINT of the Dockerfile receives the CMD (it got `/bin/sh -c "..."` before and
/// gets the words now). For ENTRYPOINT it is unsafe: exec form appends the CMD and the arguments
/// of `docker run`, which shell form ignored.
fn exec_form_fix(cx: &Context, at: &At, command: &Command, span: Span) -> Option<Fix> {
    let stage = at.stage.filter(|_| !at.onbuild)?;
    if cx.model.shell_at(at.index).is_some() || cx.model.is_windows(stage) {
        return None;
    }
    let words = literal_argv(cx.source, command, cx.model.escape())?;
    let safe = at.instruction.keyword == Keyword::Cmd && !exec_entrypoint_in_image(cx, at);
    let applicability = if safe { Applicability::Safe } else { Applicability::Unsafe };
    let array = serde_json::to_string(&words).ok()?.replace("\",\"", "\", \"");
    Some(Fix::new("Use the exec form", applicability, vec![Edit::replace(span, array)]))
}

/// Whether the stage's image ends up with an exec-form ENTRYPOINT of the Dockerfile (the last one in
/// the stage or the stages it is built on, before or after the CMD), which receives the CMD as
/// arguments.
fn exec_entrypoint_in_image(cx: &Context, at: &At) -> bool {
    let Some(stage) = at.stage else { return false };
    let entrypoint = cx.model.ancestry(stage).find_map(|s| {
        cx.model.instructions_of(s).filter(|(_, inst)| inst.keyword == Keyword::Entrypoint).last().map(|(_, inst)| inst)
    });
    entrypoint.is_some_and(|inst| matches!(inst.body, Body::Command(Command::Exec { .. })))
}
