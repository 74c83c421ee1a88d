use crate::lint::{At, Category, Context, Edit, Fix, FixAvailability, Rule, RuleMeta, Severity};

pub struct StageNameCasing;

static META: RuleMeta = RuleMeta {
    code: "BK001",
    name: "stage-name-casing",
    summary: "Stage names should be lowercase",
    category: Category::Style,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Always,
    aliases: &["StageNameCasing"],
};

impl Rule for StageNameCasing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Some((_, Some(name))) = super::stage_from(&at) else { return };
        if super::is_lowercase(&name.text) {
            return;
        }
        let lower = name.text.to_ascii_lowercase();
        // Docker matches stage names (`COPY --from`, `FROM`, `--target`) without regard to case.
        let fix = Fix::safe(format!("Rename the stage to `{lower}`"), vec![Edit::replace(name.span, lower.clone())]);
        cx.report(name.span, format!("stage name `{}` is not lowercase", name.text))
            .with_help(format!("name the stage `{lower}`"))
            .with_fix(fix);
    }
}
