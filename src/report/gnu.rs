//! The GNU error format (`file:line:column: severity: message`) that editors and `make`-driven tools
//! such as Emacs' compilation mode jump from, one line per finding with the code at its end.

use super::{line_per_finding, FileReport};
use crate::lint::Severity;

/// GCC's words; info and style findings are notes.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Style => "note",
    }
}

pub fn render(files: &[FileReport]) -> String {
    line_per_finding(files, |path, d, message, start| {
        format!("{path}:{}:{}: {}: {message} [{}]", start.line, start.column, severity(d.severity), d.code)
    })
}
