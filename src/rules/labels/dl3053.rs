use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct InvalidTimeLabel;

static META: RuleMeta = RuleMeta {
    code: "DL3053",
    name: "invalid-rfc3339-label",
    summary: "A label the schema types `rfc3339` is not an RFC 3339 time",
    category: Category::Style,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for InvalidTimeLabel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        super::check_values(cx, at, "rfc3339", is_rfc3339, "an RFC 3339 time");
    }
}

/// `2024-05-01T12:30:00Z`, `2024-05-01 12:30:00.5+02:00`.
fn is_rfc3339(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| b.get(range).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let two = |at: usize| if digits(at..at + 2) { (b[at] - b'0') * 10 + (b[at + 1] - b'0') } else { 255 };
    let date = digits(0..4) && b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-') && (1..=12).contains(&two(5));
    let time = matches!(b.get(10), Some(b'T' | b't' | b' '))
        && two(11) <= 23
        && b.get(13) == Some(&b':')
        && two(14) <= 59
        && b.get(16) == Some(&b':')
        && two(17) <= 60;
    if !(date && (1..=31).contains(&two(8)) && time) {
        return false;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let n = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    match rest.as_bytes() {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn times() {
        assert!(super::is_rfc3339("2024-05-01T12:30:00Z") && super::is_rfc3339("2024-05-01 12:30:00.25+02:00"));
        for bad in ["2024", "2024-05-01", "2024-13-01T00:00:00Z", "2024-05-01T12:30:00", "2024-05-01T25:00:00Z"] {
            assert!(!super::is_rfc3339(bad), "{bad}");
        }
    }
}
