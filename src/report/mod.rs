//! Output formats for lint results. Each format owns its wire types; none leak into the core.

pub mod checkstyle;
pub mod concise;
pub mod github;
pub mod gitlab;
pub mod gnu;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod statistics;
mod stream;
pub mod tty;
pub(crate) mod xml;

pub use stream::{render, Format, Part, Writer};

use crate::lint::{Applicability, Diagnostic, Severity};
use crate::text::{LineCol, LineIndex, Span};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A severity in a format that names errors and warnings but has one level below them: `lowest`
/// (GCC's and SARIF's `note`, Checkstyle's `info`).
pub(crate) fn severity_word(severity: Severity, lowest: &'static str) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Style => lowest,
    }
}

/// One linted file: its path as the user should see it, its text, and its sorted diagnostics.
#[derive(Clone, Debug)]
pub struct FileReport {
    pub path: String,
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// Counts over the files written so far, for summaries, exit codes and the formats' closing parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub files: usize,
    pub problems: usize,
    /// Indexed like `Severity::ALL`.
    pub by_severity: [usize; 4],
    pub files_with_problems: usize,
    pub safe_fixes: usize,
    pub unsafe_fixes: usize,
    /// The code and name of every rule with a finding.
    pub rules: BTreeMap<&'static str, &'static str>,
}

impl Totals {
    fn of_file(file: &FileReport) -> Totals {
        let mut totals = Totals { files: 1, ..Totals::default() };
        totals.files_with_problems = usize::from(!file.diagnostics.is_empty());
        for diagnostic in &file.diagnostics {
            totals.problems += 1;
            totals.by_severity[diagnostic.severity as usize] += 1;
            match diagnostic.fix.as_ref().map(|fix| fix.applicability) {
                Some(Applicability::Safe) => totals.safe_fixes += 1,
                Some(Applicability::Unsafe) => totals.unsafe_fixes += 1,
                None => {}
            }
            totals.rules.insert(diagnostic.code, diagnostic.name);
        }
        totals
    }

    fn add(&mut self, other: &Totals) {
        self.files += other.files;
        self.problems += other.problems;
        for (sum, n) in self.by_severity.iter_mut().zip(other.by_severity) {
            *sum += n;
        }
        self.files_with_problems += other.files_with_problems;
        self.safe_fixes += other.safe_fixes;
        self.unsafe_fixes += other.unsafe_fixes;
        self.rules.extend(other.rules.iter().map(|(code, name)| (*code, *name)));
    }

    pub fn at_or_above(&self, level: Severity) -> usize {
        Severity::ALL.iter().filter(|s| **s >= level).map(|s| self.by_severity[*s as usize]).sum()
    }
}

/// `1 file`, `2 files`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One file as the formats print it: its findings sorted by position and code, and the line index that
/// turns their spans into lines and columns.
pub struct SortedFile<'a> {
    pub path: &'a str,
    pub source: &'a str,
    pub diagnostics: Vec<&'a Diagnostic>,
    pub index: LineIndex,
}

impl SortedFile<'_> {
    /// The 1-based start and (exclusive) end of a span, columns counted in characters.
    pub fn range(&self, span: Span) -> (LineCol, LineCol) {
        (self.index.line_col(self.source, span.start), self.index.line_col(self.source, span.end))
    }
}

impl<'a> SortedFile<'a> {
    pub fn new(file: &'a FileReport) -> SortedFile<'a> {
        let mut diagnostics: Vec<&Diagnostic> = file.diagnostics.iter().collect();
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        SortedFile { path: &file.path, source: &file.source, diagnostics, index: LineIndex::new(&file.source) }
    }
}

/// One line per finding, in order: `line` writes it from the file's path, the finding and where it starts.
/// Line breaks in paths and messages become spaces, so a finding never takes two lines.
pub fn line_per_finding(file: &SortedFile, line: impl Fn(&str, &Diagnostic, &str, LineCol) -> String) -> Vec<String> {
    let path = single_line(file.path);
    file.diagnostics
        .iter()
        .map(|d| {
            let (start, _) = file.range(d.span);
            line(&path, d, &single_line(&d.message), start) + "\n"
        })
        .collect()
}

/// The text on one line: line breaks become spaces, for formats that give each finding one line.
fn single_line(text: &str) -> Cow<'_, str> {
    if text.contains(['\n', '\r']) {
        Cow::Owned(text.replace("\r\n", " ").replace(['\n', '\r'], " "))
    } else {
        Cow::Borrowed(text)
    }
}
