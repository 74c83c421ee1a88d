use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct InvalidSemverLabel;

static META: RuleMeta = RuleMeta {
    code: "DL3056",
    name: "invalid-semver-label",
    summary: "A label the schema types `semver` is not a semantic version",
    category: Category::Style,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for InvalidSemverLabel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        super::check_values(cx, at, "semver", is_semver, "a semantic version");
    }
}

/// Semantic Versioning 2.0: `1.2.3`, `1.0.0-rc.1+build.5`; no leading zeros, no `v` prefix.
fn is_semver(text: &str) -> bool {
    let (rest, build) = match text.split_once('+') {
        Some((rest, build)) => (rest, Some(build)),
        None => (text, None),
    };
    let (core, pre) = match rest.split_once('-') {
        Some((core, pre)) => (core, Some(pre)),
        None => (rest, None),
    };
    let number = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()) && (p == "0" || !p.starts_with('0'));
    let ident = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| number(p))
        && pre
            .is_none_or(|pre| pre.split('.').all(|p| ident(p) && (!p.chars().all(|c| c.is_ascii_digit()) || number(p))))
        && build.is_none_or(|b| b.split('.').all(ident))
}

#[cfg(test)]
mod tests {
    #[test]
    fn versions() {
        for good in ["1.2.3", "0.0.0", "1.0.0-rc.1", "1.0.0-alpha-1+build.5"] {
            assert!(super::is_semver(good), "{good}");
        }
        for bad in ["1.0", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0-01", "1.0.0+"] {
            assert!(!super::is_semver(bad), "{bad}");
        }
    }
}
