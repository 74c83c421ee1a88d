//! Text for the XML formats (checkstyle, JUnit).

use std::fmt::Write;

/// `text` escaped for element content or a double-quoted attribute value. Tabs and line breaks become
/// character references, which attribute values would otherwise normalise to spaces; characters XML 1.0
/// cannot carry at all (most control characters) become U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => write!(out, "&#{};", u32::from(ch)).expect("writing to a String cannot fail"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            _ => out.push(ch),
        }
    }
    out
}

/// The XML declaration every XML report starts with.
pub const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_line_breaks_and_control_characters_are_escaped() {
        assert_eq!(escape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
        assert_eq!(escape("one\ntwo\r\tthree"), "one&#10;two&#13;&#9;three");
        assert_eq!(escape("bell\u{7} é 🐳"), "bell\u{fffd} é 🐳");
    }
}
