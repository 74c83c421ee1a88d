use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct UntaggedImage;

static META: RuleMeta = RuleMeta {
    code: "DL3006",
    name: "untagged-image",
    summary: "Always tag the version of an image explicitly",
    category: Category::Pinning,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for UntaggedImage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Some((image, span)) = super::pulled_image(&at) else { return };
        if image.tag.is_none() && image.digest.is_none() {
            cx.report(span, format!("base image `{}` has no tag", image.path))
                .with_help("pin a version, e.g. `python:3.12-slim`, so rebuilds use the same image");
        }
    }
}
