//! One short line per finding and nothing else: `path:line:column: CODE severity: message`.

use super::{line_per_finding, SortedFile};

pub fn entries(file: &SortedFile) -> Vec<String> {
    line_per_finding(file, |path, d, message, start| {
        format!("{path}:{}:{}: {} {}: {message}", start.line, start.column, d.code, d.severity)
    })
}
