//! Human-readable output: codespan-reporting snippets and a closing summary.

mod excerpt;

use super::{plural, SortedFile, Totals};
use crate::lint::{Applicability, Diagnostic, Severity};
use codespan_reporting::diagnostic::{Diagnostic as Snippet, Label, Severity as SnippetSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::Buffer};
use excerpt::Excerpt;

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

/// A file's snippets, in order.
pub fn entries(file: &SortedFile, style: Style) -> Vec<String> {
    if file.diagnostics.is_empty() {
        return Vec::new();
    }
    let mut buffer = if style.color { Buffer::ansi() } else { Buffer::no_color() };
    let mut config = term::Config::default();
    if !style.source {
        config.display_style = term::DisplayStyle::Medium;
    }
    let whole = SimpleFile::new(file.path, file.source);
    for diagnostic in &file.diagnostics {
        let written = match Excerpt::of_long_lines(file, diagnostic).filter(|_| style.source) {
            Some((excerpt, moved)) => term::emit_to_write_style(&mut buffer, &config, &excerpt, &snippet(&moved)),
            None => term::emit_to_write_style(&mut buffer, &config, &whole, &snippet(diagnostic)),
        };
        written.expect("writing to a buffer cannot fail");
    }
    vec![String::from_utf8(buffer.into_inner()).expect("rendered text is UTF-8")]
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
pub fn summary(totals: &Totals) -> String {
    if totals.problems == 0 {
        return format!("No problems found in {}", plural(totals.files, "file", "files"));
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
