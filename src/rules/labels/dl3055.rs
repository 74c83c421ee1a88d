use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct InvalidHashLabel;

static META: RuleMeta = RuleMeta {
    code: "DL3055",
    name: "invalid-hash-label",
    summary: "A label the schema types `hash` is not a git commit hash",
    category: Category::Style,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for InvalidHashLabel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        super::check_values(cx, at, "hash", is_git_hash, "a full git commit hash");
    }
}

/// A full commit id: 40 hex digits (SHA-1) or 64 (SHA-256 repositories).
fn is_git_hash(text: &str) -> bool {
    matches!(text.len(), 40 | 64) && text.chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    #[test]
    fn hashes() {
        assert!(super::is_git_hash("0123456789abcdef0123456789abcdef01234567"));
        assert!(!super::is_git_hash("0123456") && !super::is_git_hash("zz"));
    }
}
