use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct InvalidUrlLabel;

static META: RuleMeta = RuleMeta {
    code: "DL3052",
    name: "invalid-url-label",
    summary: "A label the schema types `url` is not a URL",
    category: Category::Style,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for InvalidUrlLabel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        super::check_values(cx, at, "url", is_url, "a URL");
    }
}

/// An absolute URI: a scheme (`https:`, `git+ssh:`), then something, no spaces.
fn is_url(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else { return false };
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !text.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    #[test]
    fn urls() {
        assert!(super::is_url("https://example.com/x") && super::is_url("git+ssh://git@h/r"));
        assert!(!super::is_url("example.com") && !super::is_url("foo") && !super::is_url("http://a b"));
    }
}
