//! `--statistics`: how many findings each rule has, most frequent first, instead of the findings.

use crate::lint::{Applicability, Diagnostic, Severity};
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

/// Counts per code, gathered file by file.
#[derive(Default)]
pub struct Statistics {
    by_code: BTreeMap<&'static str, RuleCount<'static>>,
}

impl Statistics {
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        for diagnostic in diagnostics {
            let entry = self.by_code.entry(diagnostic.code).or_insert_with(|| RuleCount {
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
    }

    /// The counts, highest first, then by code.
    pub fn counts(&self) -> Vec<&RuleCount<'static>> {
        let mut counts: Vec<&RuleCount> = self.by_code.values().collect();
        counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
        counts
    }

    /// A table: count, code, name, severity, and how many `--fix` fixes.
    pub fn render_table(&self) -> String {
        let counts = self.counts();
        let name_width = counts.iter().map(|c| c.name.len()).max().unwrap_or(0).max("NAME".len());
        let mut out = format!("{:>6}  {:<7} {:<name_width$}  {:<8} FIXABLE\n", "COUNT", "CODE", "NAME", "SEVERITY");
        for c in &counts {
            let fixable = if c.fixable > 0 { c.fixable.to_string() } else { String::new() };
            out +=
                &format!("{:>6}  {:<7} {:<name_width$}  {:<8} {fixable}", c.count, c.code, c.name, c.severity.as_str());
            out = out.trim_end().to_owned() + "\n";
        }
        let total: usize = counts.iter().map(|c| c.count).sum();
        out += &format!("{total:>6}  total\n");
        out
    }

    /// The counts as a JSON array.
    pub fn render_json(&self) -> String {
        serde_json::to_string_pretty(&self.counts()).expect("counts serialize") + "\n"
    }
}

fn severity_name<S: serde::Serializer>(severity: &Severity, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(severity.as_str())
}
