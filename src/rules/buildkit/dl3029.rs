use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct ConstantPlatform;

static META: RuleMeta = RuleMeta {
    code: "DL3029",
    name: "constant-platform",
    summary: "Do not pin `FROM --platform` to a constant value",
    category: Category::Correctness,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &["FromPlatformFlagConstDisallowed"],
};

impl Rule for ConstantPlatform {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Some((_, alias)) = super::stage_from(&at) else { return };
        let Some(flag) = at.instruction.flag("platform") else { return };
        let Some(value) = &flag.value else { return };
        let platform = value.unquoted();
        if platform.contains('$') {
            return;
        }
        // A stage named for its platform (`build_amd64`) is meant to be platform-specific.
        let named_for_it = alias.is_some_and(|name| {
            let name = name.text.to_ascii_lowercase();
            platform.to_ascii_lowercase().split('/').any(|part| !part.is_empty() && name.contains(part))
        });
        if named_for_it {
            return;
        }
        cx.report(flag.span, format!("`--platform={platform}` pins the stage to one platform")).with_help(
            "drop the flag and pass `--platform` to the build, or use `$BUILDPLATFORM` or `$TARGETPLATFORM`",
        );
    }
}
