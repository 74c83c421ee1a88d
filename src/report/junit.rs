//! JUnit XML, the test report CI servers (Jenkins, GitLab, Azure, GitHub test reporters) import: a
//! `<testsuite>` per linted file, a failing `<testcase>` per finding, and one passing test case for a
//! file without findings.

use super::xml::{escape, DECLARATION};
use super::{SortedFile, Totals};

/// The opening element, which counts every finding and every clean file.
pub fn head(totals: &Totals) -> String {
    let failures = totals.problems;
    let tests = failures + totals.files - totals.files_with_problems;
    format!("{DECLARATION}<testsuites name=\"dlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">\n")
}

/// The file's test suite.
pub fn entry(file: &SortedFile) -> String {
    let path = escape(file.path);
    let failures = file.diagnostics.len();
    let mut out = format!(
        "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n",
        failures.max(1)
    );
    if file.diagnostics.is_empty() {
        out.push_str(&format!("    <testcase name=\"no problems\" classname=\"{path}\" file=\"{path}\"/>\n"));
    }
    for d in &file.diagnostics {
        let (start, _) = file.range(d.span);
        let position = format!("{}:{}", start.line, start.column);
        let mut details = format!("{}:{position}: {}: {}", file.path, d.severity, d.message);
        if let Some(help) = &d.help {
            details.push_str(&format!("\nhelp: {help}"));
        }
        out.push_str(&format!(
            "    <testcase name=\"{code} {name} at {position}\" classname=\"{path}\" file=\"{path}\" line=\"{line}\">\n      \
             <failure type=\"{code}\" message=\"{message}\">{details}</failure>\n    </testcase>\n",
            code = escape(d.code),
            name = escape(d.name),
            line = start.line,
            message = escape(&d.message),
            details = escape(&details),
        ));
    }
    out.push_str("  </testsuite>\n");
    out
}

pub fn tail() -> String {
    "</testsuites>\n".to_owned()
}
