//! Pure conversions between the core's byte spans and diagnostics and the protocol's UTF-16 ranges.

use crate::lint::{Diagnostic, Severity};
use crate::text::{LineIndex, Span};
use tower_lsp_server::ls_types::{self as lsp, NumberOrString, Position, Range, TextDocumentContentChangeEvent};

/// The LSP range (0-based lines, UTF-16 columns) of a byte span of `text`.
pub fn to_range(index: &LineIndex, text: &str, span: Span) -> Range {
    let position = |offset| {
        let (line, character) = index.utf16_position(text, offset);
        Position { line, character }
    };
    Range { start: position(span.start), end: position(span.end) }
}

/// The byte offset of a position; positions past a line's or the text's end clamp to it.
pub fn to_offset(index: &LineIndex, text: &str, position: Position) -> usize {
    index.offset_of_utf16(text, position.line, position.character)
}

/// The byte span a range covers, clamped like [`to_offset`].
pub fn to_span(index: &LineIndex, text: &str, range: Range) -> Span {
    let start = to_offset(index, text, range.start);
    let end = to_offset(index, text, range.end);
    Span::new(start.min(end), start.max(end))
}

fn to_severity(severity: Severity) -> lsp::DiagnosticSeverity {
    match severity {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Style => lsp::DiagnosticSeverity::HINT,
    }
}

/// One finding as the protocol shows it: the rule code as `code`, the rule name at the message's end.
pub fn to_lsp_diagnostic(index: &LineIndex, text: &str, diagnostic: &Diagnostic) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: to_range(index, text, diagnostic.span),
        severity: Some(to_severity(diagnostic.severity)),
        code: Some(NumberOrString::String(diagnostic.code.to_owned())),
        source: Some("dlint".to_owned()),
        message: format!("{} ({})", diagnostic.message, diagnostic.name),
        ..lsp::Diagnostic::default()
    }
}

/// Apply one content change: a range edit, or the whole new text when the change has no range.
pub fn apply_change(text: &mut String, change: TextDocumentContentChangeEvent) {
    match change.range {
        Some(range) => {
            let span = to_span(&LineIndex::new(text), text, range);
            text.replace_range(span.start..span.end, &change.text);
        }
        None => *text = change.text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(start: (u32, u32), end: (u32, u32)) -> Range {
        Range { start: Position::new(start.0, start.1), end: Position::new(end.0, end.1) }
    }

    #[test]
    fn spans_become_utf16_ranges() {
        let text = "FROM debian\nLABEL x=\"😀\" y=z\n";
        let index = LineIndex::new(text);
        assert_eq!(to_range(&index, text, Span::new(5, 11)), range((0, 5), (0, 11)));
        let y = text.find("y=").unwrap();
        assert_eq!(to_range(&index, text, Span::new(y, y + 3)), range((1, 13), (1, 16)));
        assert_eq!(to_range(&index, text, Span::new(text.len(), text.len() + 5)), range((2, 0), (2, 0)));
    }

    #[test]
    fn changes_apply_by_utf16_range_and_clamp() {
        let mut text = "FROM 😀 debian\nRUN x\n".to_owned();
        let edit = |range, text: &str| TextDocumentContentChangeEvent {
            range: Some(range),
            range_length: None,
            text: text.to_owned(),
        };
        apply_change(&mut text, edit(range((0, 5), (0, 8)), ""));
        assert_eq!(text, "FROM debian\nRUN x\n");
        apply_change(&mut text, edit(range((0, 11), (0, 99)), ":12"));
        assert_eq!(text, "FROM debian:12\nRUN x\n");
        apply_change(&mut text, edit(range((9, 9), (7, 0)), "# end\n"));
        assert_eq!(text, "FROM debian:12\nRUN x\n# end\n");
        apply_change(&mut text, TextDocumentContentChangeEvent { range: None, range_length: None, text: "new".into() });
        assert_eq!(text, "new");
    }
}
