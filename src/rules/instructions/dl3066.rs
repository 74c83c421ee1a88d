use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::Body;

pub struct NonNumericUser;

static META: RuleMeta = RuleMeta {
    code: "DL3066",
    name: "non-numeric-user",
    summary: "`USER` names a user instead of a numeric id",
    category: Category::Security,
    severity: Severity::Info,
    enabled_by_default: false,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for NonNumericUser {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Body::User { user, .. } = &at.instruction.body else { return };
        let expanded = cx.model.expand_at(at.index, &user.unquoted());
        if !expanded.is_resolved() || expanded.text.chars().all(|c| c.is_ascii_digit()) {
            return;
        }
        cx.report(user.span, format!("`USER {}` names a user, not a numeric id", user.text))
            .with_help("use the numeric uid (`USER 10001`) so the host and orchestrators can tell it is not root");
    }
}
