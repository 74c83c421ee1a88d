//! Pure conversions between the core's byte spans and diagnostics and the protocol's UTF-16 ranges.

use super::docs::rule_doc_uri;
use crate::config::ConfigError;
use crate::lint::{Diagnostic, Severity};
use crate::text::{LineIndex, Span};
use tower_lsp_server::ls_types::{
    self as lsp, CodeDescription, DiagnosticRelatedInformation, Location, NumberOrString, Position, Range,
    TextDocumentContentChangeEvent, Uri,
};

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

/// The byte span a range covers, clamped like [`to_offset`]; a range that ends inside a character covers
/// all of it.
pub fn to_span(index: &LineIndex, text: &str, range: Range) -> Span {
    let start = to_offset(index, text, range.start);
    let end = index.end_offset_of_utf16(text, range.end.line, range.end.character);
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

/// One finding of the document at `uri` as the protocol shows it: the rule code as `code` linking to the
/// rule's doc, the rule name at the message's end, the places it involves as related information.
pub fn to_lsp_diagnostic(index: &LineIndex, text: &str, uri: &Uri, diagnostic: &Diagnostic) -> lsp::Diagnostic {
    let related = diagnostic
        .related
        .iter()
        .map(|related| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), to_range(index, text, related.span)),
            message: related.message.clone(),
        })
        .collect::<Vec<_>>();
    lsp::Diagnostic {
        range: to_range(index, text, diagnostic.span),
        severity: Some(to_severity(diagnostic.severity)),
        code: Some(NumberOrString::String(diagnostic.code.to_owned())),
        code_description: doc_link(diagnostic.code).map(|href| CodeDescription { href }),
        source: Some("dlint".to_owned()),
        message: format!("{} ({})", diagnostic.message, diagnostic.name),
        related_information: (!related.is_empty()).then_some(related),
        ..lsp::Diagnostic::default()
    }
}

/// The page that explains a code: ShellCheck's wiki for its codes, the rule's doc for dlint's.
fn doc_link(code: &str) -> Option<Uri> {
    if code.starts_with("SC") {
        return format!("https://www.shellcheck.net/wiki/{code}").parse().ok();
    }
    rule_doc_uri(code)
}

/// A config file's error as a diagnostic of that file, at the place it names (or its start).
pub fn config_error_diagnostic(error: &ConfigError) -> lsp::Diagnostic {
    let (line, column) = error.position.unwrap_or((1, 1));
    let start = Position::new(line.saturating_sub(1) as u32, column.saturating_sub(1) as u32);
    lsp::Diagnostic {
        range: Range::new(start, Position::new(start.line + 1, 0)),
        severity: Some(lsp::DiagnosticSeverity::ERROR),
        source: Some("dlint".to_owned()),
        message: format!("{}; dlint uses the default settings until this is fixed", error.message),
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
