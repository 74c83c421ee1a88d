use crate::lint::{Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::semantic::{Base, ImageRef};
use crate::syntax::Body;

pub struct MissingUser;

static META: RuleMeta = RuleMeta {
    code: "DF001",
    name: "missing-user",
    summary: "The final stage never sets `USER`, so the container runs as root",
    category: Category::Security,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for MissingUser {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &mut Context) {
        let model = cx.model;
        let Some(last) = model.final_stage() else { return };
        // A USER anywhere in the chain is either fine or DL3002's finding.
        if model.effective_user(last).is_some() {
            return;
        }
        let base = &model.ancestry(last).last().unwrap_or(last).base;
        if let Base::Image { reference, resolved: true } = base {
            if runs_unprivileged(reference) {
                return;
            }
        }
        let Body::From { image, .. } = &model.instruction(last.from).body else { return };
        let help = if *base == Base::Scratch {
            "add `USER 65532:65532` (a numeric id: scratch has no /etc/passwd)"
        } else {
            "create an unprivileged user and end the stage with `USER <name>`"
        };
        cx.report(image.span, "the final stage never sets `USER`, so the container runs as root").with_help(help);
    }
}

/// Base images whose published tags are built to run as an unprivileged user.
fn runs_unprivileged(image: &ImageRef) -> bool {
    let tag = image.tag.as_deref().unwrap_or("");
    let name = image.path.rsplit('/').next().unwrap_or(&image.path);
    tag.contains("nonroot")
        || tag.contains("rootless")
        || name.ends_with("-unprivileged")
        || name.ends_with("-rootless")
        || name == "nanoserver"
}
