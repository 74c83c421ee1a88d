//! Checkstyle XML, which CI servers and code review tools import: one `<file>` per linted file (clean
//! ones too, as Checkstyle lists every file it audited), one `<error>` per finding.

use super::xml::{escape, DECLARATION};
use super::{severity_word, SortedFile};

pub fn head() -> String {
    format!("{DECLARATION}<checkstyle version=\"4.3\">\n")
}

/// The file's element, with its findings.
pub fn entry(file: &SortedFile) -> String {
    let name = escape(file.path);
    if file.diagnostics.is_empty() {
        return format!("  <file name=\"{name}\"/>\n");
    }
    let mut out = format!("  <file name=\"{name}\">\n");
    for d in &file.diagnostics {
        let (start, _) = file.range(d.span);
        out.push_str(&format!(
            "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"dlint.{}\"/>\n",
            start.line,
            start.column,
            // Checkstyle has no style level.
            severity_word(d.severity, "info"),
            escape(&d.message),
            escape(d.code)
        ));
    }
    out.push_str("  </file>\n");
    out
}

pub fn tail() -> String {
    "</checkstyle>\n".to_owned()
}
