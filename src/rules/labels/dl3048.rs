use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct InvalidLabelKey;

static META: RuleMeta = RuleMeta {
    code: "DL3048",
    name: "invalid-label-key",
    summary: "Label key does not follow Docker's key format",
    category: Category::Style,
    severity: Severity::Info,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

/// Namespaces Docker reserves for its own labels.
const RESERVED: [&str; 3] = ["com.docker.", "io.docker.", "org.dockerproject."];

impl Rule for InvalidLabelKey {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        for pair in super::labels(&at) {
            let key = pair.key.unquoted();
            if key.contains('$') {
                continue;
            }
            let problem = if RESERVED.iter().any(|r| key.starts_with(r)) {
                "uses a namespace Docker reserves"
            } else if !is_valid_key(&key) {
                "should use lowercase letters, digits, `.` and `-`, start with a letter and not repeat `.` or `-`"
            } else {
                continue;
            };
            cx.report(pair.key.span, format!("label key `{key}` {problem}"))
                .with_help("use a reverse-DNS key such as `org.opencontainers.image.source`");
        }
    }
}

/// Docker's guideline: lowercase alphanumerics, `.` and `-`, starting with a letter, ending with a
/// letter or digit, with no `..` or `--`.
fn is_valid_key(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_lowercase())
        && key.ends_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-')
        && !key.contains("..")
        && !key.contains("--")
        && !key.contains(".-")
        && !key.contains("-.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_the_guideline() {
        assert!(
            is_valid_key("org.opencontainers.image.source") && is_valid_key("maintainer") && is_valid_key("a-b.v2")
        );
        for bad in ["Bad_Key", "bad key", "a..b", "-a", "1abc", "abc.", "a--b", "A"] {
            assert!(!is_valid_key(bad), "{bad}");
        }
    }
}
