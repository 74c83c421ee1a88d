use crate::lint::{Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::Body;

pub struct RootUser;

static META: RuleMeta = RuleMeta {
    code: "DL3002",
    name: "root-user",
    summary: "The last `USER` of the final stage should not be root",
    category: Category::Security,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for RootUser {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &mut Context) {
        let model = cx.model;
        // Only the image that is shipped matters: builder stages may well run as root.
        let Some(last) = model.final_stage() else { return };
        let Some((index, user)) = model.effective_user(last) else { return };
        if super::is_root(model, index, user) != Some(true) {
            return;
        }
        let span = match &model.instruction(index).body {
            Body::User { group: Some(group), .. } => user.span.join(group.span),
            _ => user.span,
        };
        let message = if last.instructions.contains(&index) {
            "the final stage runs as root".to_string()
        } else {
            let from = model
                .stage_of(index)
                .and_then(|s| s.name.as_ref())
                .map_or("an earlier stage".to_string(), |n| format!("stage `{}`", n.text));
            format!("the final stage runs as root, inherited from {from}")
        };
        cx.report(span, message).with_help(
            "end the final stage with `USER <unprivileged user>`; switch to root only for the steps that need it",
        );
    }
}
