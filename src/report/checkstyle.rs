//! Checkstyle XML, which CI servers and code review tools import: one `<file>` per linted file (clean
//! ones too, as Checkstyle lists every file it audited), one `<error>` per finding.

use super::xml::{escape, DECLARATION};
use super::{severity_word, sorted, FileReport};

pub fn render(files: &[FileReport]) -> String {
    let mut out = format!("{DECLARATION}<checkstyle version=\"4.3\">\n");
    for file in sorted(files) {
        let name = escape(file.path);
        if file.diagnostics.is_empty() {
            out.push_str(&format!("  <file name=\"{name}\"/>\n"));
            continue;
        }
        out.push_str(&format!("  <file name=\"{name}\">\n"));
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
    }
    out.push_str("</checkstyle>\n");
    out
}
