use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct InvalidEmailLabel;

static META: RuleMeta = RuleMeta {
    code: "DL3058",
    name: "invalid-email-label",
    summary: "A label the schema types `email` is not an email address",
    category: Category::Style,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for InvalidEmailLabel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        super::check_values(cx, at, "email", is_email, "an email address");
    }
}

/// `local@domain.tld`, optionally written `Name <local@domain.tld>`.
fn is_email(text: &str) -> bool {
    let address = match (text.find('<'), text.strip_suffix('>')) {
        (Some(open), Some(inner)) => &inner[open + 1..],
        _ => text,
    };
    let Some((local, domain)) = address.rsplit_once('@') else { return false };
    let atom = |s: &str| !s.is_empty() && !s.contains(|c: char| c.is_whitespace() || matches!(c, '@' | '<' | '>'));
    atom(local)
        && domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') && !label.starts_with('-')
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn emails() {
        assert!(super::is_email("team@example.com") && super::is_email("Team <team@example.com>"));
        assert!(!super::is_email("team") && !super::is_email("team@localhost") && !super::is_email("a b@x.org"));
    }
}
