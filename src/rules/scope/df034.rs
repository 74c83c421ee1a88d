use super::{references_in, stage_args};
use crate::lint::{Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::rules::instructions::dl3064::looks_secret;
use crate::syntax::Keyword;

pub struct SecretArgInRun;

static META: RuleMeta = RuleMeta {
    code: "DF034",
    name: "secret-arg-in-run",
    summary: "Pass secrets to RUN with a secret mount, not an ARG",
    category: Category::Security,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for SecretArgInRun {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &mut Context) {
        let model = cx.model;
        for stage in &model.stages {
            let range = stage.instructions.start + 1..stage.instructions.end;
            for (arg, name) in stage_args(model, range.clone()).filter(|(_, n)| looks_secret(n)) {
                for index in arg + 1..range.end {
                    // An ONBUILD trigger runs in a child build, which has ARGs of its own.
                    if model.instruction(index).keyword != Keyword::Run {
                        continue;
                    }
                    for span in references_in(model, index, name) {
                        let id = name.to_ascii_lowercase().replace('_', "-");
                        cx.report(span, format!("secret-looking ARG `{name}` is used in RUN")).with_help(format!(
                            "build args are recorded in the image history; mount the secret instead: \
                                 `RUN --mount=type=secret,id={id},env={name} ...`"
                        ));
                    }
                }
            }
        }
    }
}
