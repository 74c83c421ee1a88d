//! Fixes converge on real Dockerfiles: the project's testdata and, when it is beside the checkout,
//! ../shared/corpus. With every rule selected, safe fixes alone and then unsafe ones too reach, within
//! three passes, a text that has no more syntax errors than the original and on which nothing fixable
//! is left, so a second run changes nothing.

use crate::corpus::dockerfiles;
use crate::support::repo_path;
use dlint::fix::{apply_fixes, fix_with, FixOptions, FixOutcome};
use dlint::lint::Settings;
use dlint::Diagnostic;
use dlint::DocumentCache;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

const MAX_PASSES: usize = 3;

/// Figures for one applicability level over all files.
#[derive(Default)]
struct Figures {
    changed: usize,
    applied: usize,
    /// Files by the number of passes that changed them.
    passes: BTreeMap<usize, usize>,
    /// Fixable findings in the original files, by code.
    fixable: BTreeMap<&'static str, usize>,
}

impl Figures {
    fn add(&mut self, other: Figures) {
        self.changed += other.changed;
        self.applied += other.applied;
        other.passes.into_iter().for_each(|(p, n)| *self.passes.entry(p).or_default() += n);
        other.fixable.into_iter().for_each(|(c, n)| *self.fixable.entry(c).or_default() += n);
    }

    fn summary(&self, files: usize) -> String {
        let histogram: Vec<String> = self.passes.iter().map(|(p, n)| format!("{p}: {n}")).collect();
        let mut codes: Vec<(&&str, &usize)> = self.fixable.iter().collect();
        codes.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let codes: Vec<String> = codes.iter().map(|(c, n)| format!("{c} {n}")).collect();
        format!(
            "{} of {files} files changed, {} fixes applied, max passes {}, passes [{}]\n  fixable findings: {}",
            self.changed,
            self.applied,
            self.passes.keys().max().unwrap_or(&0),
            histogram.join(", "),
            codes.join(", "),
        )
    }
}

/// Lints each text once: the safe and the unsafe runs and their repeats share the original's and
/// each other's results. Scripts already parsed are reused, as in `fix_source`.
struct Linter<'s> {
    settings: &'s Settings,
    cache: DocumentCache,
    seen: RefCell<HashMap<String, Vec<Diagnostic>>>,
}

impl Linter<'_> {
    fn lint(&self, text: &str) -> Vec<Diagnostic> {
        if let Some(found) = self.seen.borrow().get(text) {
            return found.clone();
        }
        let found = dlint::lint_source_cached(text, self.settings, &self.cache);
        self.seen.borrow_mut().insert(text.to_owned(), found.clone());
        found
    }

    fn fix(&self, text: &str, options: &FixOptions) -> FixOutcome {
        fix_with(text, options, |t| self.lint(t))
    }
}

fn syntax_errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.code == "DL1000").count()
}

/// Checks one file at both levels, adding to `figures`; returns what went wrong.
fn check_file(source: &str, settings: &Settings, figures: &mut [Figures; 2]) -> Vec<String> {
    let linter = Linter { settings, cache: DocumentCache::default(), seen: RefCell::default() };
    let original = linter.lint(source);
    let mut problems = Vec::new();
    for (level, include_unsafe) in [false, true].into_iter().enumerate() {
        let options = FixOptions { include_unsafe, only: None };
        let label = if include_unsafe { "with unsafe fixes" } else { "safe fixes" };
        for d in original.iter().filter(|d| options.accepts(d)) {
            *figures[level].fixable.entry(d.code).or_default() += 1;
        }
        let outcome = linter.fix(source, &options);
        if outcome.passes > 0 {
            figures[level].changed += 1;
            figures[level].applied += outcome.applied;
        }
        *figures[level].passes.entry(outcome.passes).or_default() += 1;
        if outcome.passes > MAX_PASSES {
            problems.push(format!("{label}: {} passes", outcome.passes));
        }
        let after = syntax_errors(&linter.lint(&outcome.text));
        if after > syntax_errors(&original) {
            problems.push(format!("{label}: {after} syntax errors, {} before", syntax_errors(&original)));
        }
        // A fix left over means a pass was thrown away (it added syntax errors), the loop gave up, or the
        // fix changes nothing; each is a rule's bug.
        let leftover: Vec<&Diagnostic> = outcome.remaining.iter().filter(|d| options.accepts(d)).collect();
        let (refixed, count) = apply_fixes(&outcome.text, leftover.iter().filter_map(|d| d.fix.as_ref()));
        if count > 0 {
            let codes: BTreeSet<&str> = leftover.iter().map(|d| d.code).collect();
            let first_change = refixed.bytes().zip(outcome.text.bytes()).position(|(a, b)| a != b).unwrap_or(0);
            let line = outcome.text.as_bytes()[..first_change].iter().filter(|&&b| b == b'\n').count();
            let written = outcome.text.lines().nth(line).unwrap_or("");
            problems.push(format!("{label}: fixes of {codes:?} still apply (line {}: {written})", line + 1));
        }
        let again = linter.fix(&outcome.text, &options);
        if again.applied > 0 {
            problems.push(format!("{label}: a second run applies {} more fixes", again.applied));
        }
    }
    problems
}

#[test]
fn fixes_converge_without_new_syntax_errors() {
    let mut files: Vec<PathBuf> = Vec::new();
    dockerfiles(&repo_path("testdata"), &mut files);
    dockerfiles(&repo_path("../shared/corpus"), &mut files);
    files.sort();
    assert!(!files.is_empty());
    let settings = Settings { extend_select: BTreeSet::from(["ALL".to_string()]), ..Settings::default() };
    let started = std::time::Instant::now();
    let half = files.len().div_ceil(2);
    let results: Vec<([Figures; 2], Vec<String>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(half)
            .map(|chunk| {
                let settings = &settings;
                scope.spawn(move || {
                    let mut figures = [Figures::default(), Figures::default()];
                    let mut failures = Vec::new();
                    for file in chunk {
                        let source = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
                        let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            let mut mine = [Figures::default(), Figures::default()];
                            let problems = check_file(&source, settings, &mut mine);
                            (mine, problems)
                        }));
                        match checked {
                            Ok((mine, problems)) => {
                                let [safe, with_unsafe] = mine;
                                figures[0].add(safe);
                                figures[1].add(with_unsafe);
                                failures.extend(problems.into_iter().map(|p| format!("{}: {p}", file.display())));
                            }
                            Err(_) => failures.push(format!("{}: panicked", file.display())),
                        }
                    }
                    (figures, failures)
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let mut figures = [Figures::default(), Figures::default()];
    let mut failures = Vec::new();
    for ([safe, with_unsafe], problems) in results {
        figures[0].add(safe);
        figures[1].add(with_unsafe);
        failures.extend(problems);
    }
    eprintln!("fix convergence over {} files in {:.1?}", files.len(), started.elapsed());
    eprintln!("safe fixes: {}", figures[0].summary(files.len()));
    eprintln!("with unsafe fixes: {}", figures[1].summary(files.len()));
    assert!(failures.is_empty(), "{} files do not converge:\n{}", failures.len(), failures.join("\n"));
}
