//! JUnit XML, the test report CI servers (Jenkins, GitLab, Azure, GitHub test reporters) import: a
//! `<testsuite>` per linted file, a failing `<testcase>` per finding, and one passing test case for a
//! file without findings.

use super::xml::{escape, DECLARATION};
use super::{sorted, FileReport};

pub fn render(files: &[FileReport]) -> String {
    let files = sorted(files);
    let failures: usize = files.iter().map(|file| file.diagnostics.len()).sum();
    let tests: usize = files.iter().map(|file| file.diagnostics.len().max(1)).sum();
    let mut out =
        format!("{DECLARATION}<testsuites name=\"dlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">\n");
    for file in &files {
        let path = escape(file.path);
        let failures = file.diagnostics.len();
        out.push_str(&format!(
            "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n",
            failures.max(1)
        ));
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
    }
    out.push_str("</testsuites>\n");
    out
}
