//! `--statistics`: how many findings each rule has, most frequent first, instead of the findings.

use super::FileReport;
use crate::lint::{Applicability, Severity};
use serde::Serialize;
use std::collections::BTreeMap;

/// One rule's count over every file.
#[derive(Serialize, Debug, PartialEq, Eq)]
pub struct RuleCount<'a> {
    pub code: &'a str,
    pub name: &'a str,
    /// The highest severity among them (a rule raises its severity when a budget is exceeded).
    #[serde(serialize_with = "severity_name")]
    pub severity: Severity,
    pub count: usize,
    /// Findings of this rule `--fix` can fix (safe fixes).
    pub fixable: usize,
}

/// Counts per code, sorted by count (highest first), then code.
pub fn count(files: &[FileReport]) -> Vec<RuleCount<'_>> {
    let mut by_code: BTreeMap<&str, RuleCount> = BTreeMap::new();
    for diagnostic in files.iter().flat_map(|file| &file.diagnostics) {
        let entry = by_code.entry(diagnostic.code).or_insert_with(|| RuleCount {
            code: diagnostic.code,
            name: diagnostic.name,
            severity: diagnostic.severity,
            count: 0,
            fixable: 0,
        });
        entry.count += 1;
        let safe = diagnostic.fix.as_ref().is_some_and(|fix| fix.applicability == Applicability::Safe);
        entry.fixable += usize::from(safe);
        entry.severity = entry.severity.max(diagnostic.severity);
    }
    let mut counts: Vec<RuleCount> = by_code.into_values().collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    counts
}

/// A table: count, code, name, severity, and how many `--fix` fixes.
pub fn render_table(files: &[FileReport]) -> String {
    let counts = count(files);
    let name_width = counts.iter().map(|c| c.name.len()).max().unwrap_or(0).max("NAME".len());
    let mut out = format!("{:>6}  {:<7} {:<name_width$}  {:<8} FIXABLE\n", "COUNT", "CODE", "NAME", "SEVERITY");
    for c in &counts {
        let fixable = if c.fixable > 0 { c.fixable.to_string() } else { String::new() };
        out += &format!("{:>6}  {:<7} {:<name_width$}  {:<8} {fixable}", c.count, c.code, c.name, c.severity.as_str());
        out = out.trim_end().to_owned() + "\n";
    }
    let total: usize = counts.iter().map(|c| c.count).sum();
    out += &format!("{total:>6}  total\n");
    out
}

/// The counts as a JSON array.
pub fn render_json(files: &[FileReport]) -> String {
    serde_json::to_string_pretty(&count(files)).expect("counts serialize") + "\n"
}

fn severity_name<S: serde::Serializer>(severity: &Severity, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(severity.as_str())
}
