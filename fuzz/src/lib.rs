//! What every input must keep, whatever its bytes: the fuzz targets in fuzz_targets/ call these, and
//! dlint's test suite runs them over the inputs in testdata/fuzz/ (every crash a fuzzer found stays
//! there as a regression test).

use dlint::fix::{fix_source, FixOptions};
use dlint::lint::{Diagnostic, Settings};
use dlint::text::{LineIndex, Span};
use std::collections::BTreeSet;

fn every_rule() -> Settings {
    Settings { extend_select: BTreeSet::from(["ALL".to_owned()]), ..Settings::default() }
}

/// Parse and lint with every rule: no panic, and every span, related place and fix edit lies within the
/// text on character boundaries, and converts to line and column and back.
pub fn lint(text: &str) {
    let diagnostics = dlint::lint_source(text, &every_rule());
    let index = LineIndex::new(text);
    for d in &diagnostics {
        check_span(text, &index, d.span, d);
        for related in &d.related {
            check_span(text, &index, related.span, d);
        }
        for edit in d.fix.iter().flat_map(|fix| &fix.edits) {
            check_span(text, &index, edit.span, d);
        }
    }
}

fn check_span(text: &str, index: &LineIndex, span: Span, d: &Diagnostic) {
    assert!(span.start <= span.end && span.end <= text.len(), "{} span {span:?} of {} bytes", d.code, text.len());
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{} span {span:?}", d.code);
    for offset in [span.start, span.end] {
        let (line, column) = index.utf16_position(text, offset);
        let back = index.offset_of_utf16(text, line, column);
        // Editors cannot name the place after a CR that ends a line; it comes back as the line's end.
        let after_line_ending_cr =
            text[..offset].ends_with('\r') && text[offset..].chars().next().is_none_or(|c| c == '\n');
        assert!(
            back == offset || (after_line_ending_cr && back + 1 == offset),
            "{} offset {offset} came back as {back}",
            d.code
        );
    }
}

/// Fix with safe and unsafe fixes: the fixed text has no more syntax errors than the input, and fixing
/// it again changes nothing.
pub fn fix(text: &str) {
    let settings = every_rule();
    let options = FixOptions { include_unsafe: true, only: None };
    let first = fix_source(text, &settings, &options);
    let syntax_errors = |diagnostics: &[Diagnostic]| diagnostics.iter().filter(|d| d.code == "DL1000").count();
    let before = syntax_errors(&dlint::lint_source(text, &settings));
    assert!(syntax_errors(&first.remaining) <= before, "fixing added syntax errors:\n{}", first.text);
    let second = fix_source(&first.text, &settings, &options);
    assert_eq!(second.applied, 0, "a second pass still fixed:\n{}\n---\n{}", first.text, second.text);
}

/// The language server's edit path: a document (the bytes up to the first 0xff), opened, then edits
/// (each later run of bytes up to a 0xff: start line, start column, end line, end column, new text) at
/// positions in and past the text and across multi-byte characters. After the open and after each edit
/// the document is linted with its shell cache, as the server does, which must find what a fresh lint
/// finds, and every finding converts to an LSP range.
#[cfg(feature = "lsp")]
pub fn lsp_edits(data: &[u8]) {
    use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};
    let mut parts = data.split(|b| *b == 0xff);
    let mut text = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
    let settings = Settings::default();
    let cache = dlint::DocumentCache::default();
    let uri: Uri = "file:///fuzz/Dockerfile".parse().expect("a valid URI");
    let check = |text: &str| {
        let cached = dlint::lint_source_cached(text, &settings, &cache);
        assert_eq!(cached, dlint::lint_source(text, &settings), "the shell cache changed the findings of:\n{text}");
        let index = LineIndex::new(text);
        for d in &cached {
            let range = dlint::lsp::to_lsp_diagnostic(&index, text, &uri, d).range;
            assert!(range.start <= range.end, "{} {range:?}", d.code);
        }
    };
    check(&text);
    for edit in parts {
        let [line, character, end_line, end_character, rest @ ..] = edit else { continue };
        let position = |line: u8, character: u8| Position::new(u32::from(line % 64), u32::from(character % 128));
        let change = TextDocumentContentChangeEvent {
            range: Some(Range::new(position(*line, *character), position(*end_line, *end_character))),
            range_length: None,
            text: String::from_utf8_lossy(rest).into_owned(),
        };
        dlint::lsp::apply_change(&mut text, change);
        check(&text);
    }
}
