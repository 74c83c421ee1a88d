use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct LatestTag;

static META: RuleMeta = RuleMeta {
    code: "DL3007",
    name: "latest-tag",
    summary: "Using `latest` is prone to errors; pin the version explicitly",
    category: Category::Pinning,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for LatestTag {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Some((image, span)) = super::pulled_image(&at) else { return };
        // A digest pins the image whatever the tag says.
        if image.tag.as_deref() == Some("latest") && image.digest.is_none() {
            cx.report(span, format!("base image `{}` uses the `latest` tag", image.path))
                .with_help("pin a specific version; `latest` changes under you");
        }
    }
}
