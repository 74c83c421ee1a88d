//! Human-readable output: codespan-reporting snippets and a closing summary.

use super::{plural, FileReport, Totals};
use crate::lint::{Applicability, Diagnostic, Severity};
use codespan_reporting::diagnostic::{Diagnostic as Snippet, Label, Severity as SnippetSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::Buffer};

/// How findings are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// ANSI colour escapes.
    pub color: bool,
    /// The source lines under each finding (`--hide-source` leaves them out).
    pub source: bool,
    /// The closing summary line (`--quiet` leaves it out).
    pub summary: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style { color: false, source: true, summary: true }
    }
}

/// Render every finding, by path and position, followed by the summary line.
pub fn render(files: &[FileReport], checked: usize, style: Style) -> String {
    let mut buffer = if style.color { Buffer::ansi() } else { Buffer::no_color() };
    let mut config = term::Config::default();
    if !style.source {
        config.display_style = term::DisplayStyle::Medium;
    }
    let mut sorted: Vec<&FileReport> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    for report in sorted {
        let file = SimpleFile::new(report.path.as_str(), report.source.as_str());
        let mut diagnostics: Vec<&Diagnostic> = report.diagnostics.iter().collect();
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        for diagnostic in diagnostics {
            term::emit_to_write_style(&mut buffer, &config, &file, &snippet(diagnostic))
                .expect("writing to a buffer cannot fail");
        }
    }
    let mut out = String::from_utf8(buffer.into_inner()).expect("rendered text is UTF-8");
    if style.summary {
        out.push_str(&summary(&Totals::of(files), checked));
        out.push('\n');
    }
    out
}

/// codespan has no style or info levels, so those render as help and note and the rule note names the
/// real severity.
fn snippet(d: &Diagnostic) -> Snippet<()> {
    let severity = match d.severity {
        Severity::Error => SnippetSeverity::Error,
        Severity::Warning => SnippetSeverity::Warning,
        Severity::Info => SnippetSeverity::Note,
        Severity::Style => SnippetSeverity::Help,
    };
    let mut notes = vec![format!("rule: {} ({})", d.name, d.severity)];
    notes.extend(d.help.as_ref().map(|help| format!("help: {help}")));
    notes.extend(d.fix.as_ref().map(|fix| match fix.applicability {
        Applicability::Safe => format!("fix available: {}", fix.title),
        Applicability::Unsafe => format!("unsafe fix available with --unsafe-fixes: {}", fix.title),
    }));
    Snippet::new(severity)
        .with_code(d.code)
        .with_message(&d.message)
        .with_labels(
            std::iter::once(Label::primary((), d.span.start..d.span.end))
                .chain(
                    d.related.iter().map(|r| Label::secondary((), r.span.start..r.span.end).with_message(&r.message)),
                )
                .collect(),
        )
        .with_notes(notes)
}

/// `Found 3 problems (1 error, 2 warnings) in 2 files; 1 fixable with --fix`.
pub fn summary(totals: &Totals, checked: usize) -> String {
    if totals.problems == 0 {
        return format!("No problems found in {}", plural(checked, "file", "files"));
    }
    let parts: Vec<String> = [
        (Severity::Error, "error", "errors"),
        (Severity::Warning, "warning", "warnings"),
        (Severity::Info, "info", "info"),
        (Severity::Style, "style", "style"),
    ]
    .into_iter()
    .filter(|(severity, ..)| totals.by_severity[*severity as usize] > 0)
    .map(|(severity, one, many)| plural(totals.by_severity[severity as usize], one, many))
    .collect();
    let mut line = format!(
        "Found {} ({}) in {}",
        plural(totals.problems, "problem", "problems"),
        parts.join(", "),
        plural(totals.files_with_problems, "file", "files")
    );
    if totals.safe_fixes > 0 {
        line.push_str(&format!("; {} fixable with --fix", totals.safe_fixes));
    }
    if totals.unsafe_fixes > 0 {
        line.push_str(&format!("; {} more with --fix --unsafe-fixes", totals.unsafe_fixes));
    }
    line
}
