//! Machine-readable output: one JSON array of findings, sorted by path, line, column and code.

use super::stream::pretty;
use super::SortedFile;
use crate::lint::Diagnostic;
use crate::text::{LineIndex, Span};
use serde::Serialize;

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    code: &'a str,
    name: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    #[serde(flatten)]
    range: JsonRange,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<JsonRelated<'a>>,
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    #[serde(flatten)]
    range: JsonRange,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    applicability: &'a str,
    title: &'a str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    #[serde(flatten)]
    range: JsonRange,
    replacement: &'a str,
}

/// 1-based lines and character columns; the end is exclusive.
#[derive(Serialize)]
struct JsonRange {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

impl JsonRange {
    fn new(index: &LineIndex, source: &str, span: Span) -> JsonRange {
        let start = index.line_col(source, span.start);
        let end = index.line_col(source, span.end);
        JsonRange { line: start.line, column: start.column, end_line: end.line, end_column: end.column }
    }
}

fn convert<'a>(path: &'a str, index: &LineIndex, source: &str, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    JsonDiagnostic {
        path,
        code: d.code,
        name: d.name,
        severity: d.severity.as_str(),
        message: &d.message,
        help: d.help.as_deref(),
        range: JsonRange::new(index, source, d.span),
        related: d
            .related
            .iter()
            .map(|r| JsonRelated { range: JsonRange::new(index, source, r.span), message: &r.message })
            .collect(),
        fix: d.fix.as_ref().map(|fix| JsonFix {
            applicability: fix.applicability.as_str(),
            title: &fix.title,
            edits: fix
                .edits
                .iter()
                .map(|edit| JsonEdit {
                    range: JsonRange::new(index, source, edit.span),
                    replacement: &edit.replacement,
                })
                .collect(),
        }),
    }
}

/// The findings of all files as a pretty-printed JSON array (with a trailing newline).
/// One pretty-printed object per finding, in order.
pub fn entries(file: &SortedFile) -> Vec<String> {
    file.diagnostics.iter().map(|d| pretty(&convert(file.path, &file.index, file.source, d))).collect()
}
