//! Output formats for lint results. Each format owns its wire types; none leak into the core.

pub mod json;
pub mod statistics;
pub mod tty;

use crate::lint::{Applicability, Diagnostic, Severity};

/// One linted file: its path as the user should see it, its text, and its sorted diagnostics.
#[derive(Clone, Debug)]
pub struct FileReport {
    pub path: String,
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// Counts over every file, for summaries and exit codes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub problems: usize,
    /// Indexed like `Severity::ALL`.
    pub by_severity: [usize; 4],
    pub files_with_problems: usize,
    pub safe_fixes: usize,
    pub unsafe_fixes: usize,
}

impl Totals {
    pub fn of(files: &[FileReport]) -> Totals {
        let mut totals = Totals::default();
        for file in files {
            totals.files_with_problems += usize::from(!file.diagnostics.is_empty());
            for diagnostic in &file.diagnostics {
                totals.problems += 1;
                totals.by_severity[diagnostic.severity as usize] += 1;
                match diagnostic.fix.as_ref().map(|fix| fix.applicability) {
                    Some(Applicability::Safe) => totals.safe_fixes += 1,
                    Some(Applicability::Unsafe) => totals.unsafe_fixes += 1,
                    None => {}
                }
            }
        }
        totals
    }

    pub fn at_or_above(&self, level: Severity) -> usize {
        Severity::ALL.iter().filter(|s| **s >= level).map(|s| self.by_severity[*s as usize]).sum()
    }
}

/// `1 file`, `2 files`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
