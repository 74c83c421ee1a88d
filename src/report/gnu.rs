//! The GNU error format (`file:line:column: severity: message`) that editors and `make`-driven tools
//! such as Emacs' compilation mode jump from, one line per finding with the code at its end.

use super::{line_per_finding, severity_word, SortedFile};

pub fn entries(file: &SortedFile) -> Vec<String> {
    line_per_finding(file, |path, d, message, start| {
        format!("{path}:{}:{}: {}: {message} [{}]", start.line, start.column, severity_word(d.severity, "note"), d.code)
    })
}
