use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct UnpinnedDigest;

static META: RuleMeta = RuleMeta {
    code: "DF005",
    name: "unpinned-digest",
    summary: "Base image is not pinned by digest",
    category: Category::Pinning,
    severity: Severity::Info,
    enabled_by_default: false,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for UnpinnedDigest {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Some((image, span)) = super::pulled_image(&at) else { return };
        if image.digest.is_none() {
            cx.report(span, format!("base image `{}` is not pinned by digest", image.path))
                .with_help("append `@sha256:<digest>` so the build always uses the same bytes");
        }
    }
}
