//! One short line per finding and nothing else: `path:line:column: CODE severity: message`.

use super::{line_per_finding, FileReport};

pub fn render(files: &[FileReport]) -> String {
    line_per_finding(files, |path, d, message, start| {
        format!("{path}:{}:{}: {} {}: {message}", start.line, start.column, d.code, d.severity)
    })
}
