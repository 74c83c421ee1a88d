//! Applying fixes: non-overlapping edits, then re-lint and repeat until the text stops changing.

use crate::lint::{Applicability, Diagnostic, Edit, Fix, Settings};
use crate::{lint_source_cached, DocumentCache};
use std::collections::BTreeSet;

/// Enough for fixes that enable further fixes; a loop that runs longer is oscillating.
const MAX_PASSES: usize = 10;

const SYNTAX_ERROR: &str = "DL1000";

#[derive(Clone, Debug, Default)]
pub struct FixOptions {
    /// Apply unsafe fixes as well as safe ones.
    pub include_unsafe: bool,
    /// When set, only fixes of diagnostics with these codes (or rule names) are applied.
    pub only: Option<BTreeSet<String>>,
}

impl FixOptions {
    pub fn accepts(&self, diagnostic: &Diagnostic) -> bool {
        let Some(fix) = &diagnostic.fix else { return false };
        let applicable = fix.applicability == Applicability::Safe || self.include_unsafe;
        let chosen =
            self.only.as_ref().is_none_or(|only| only.contains(diagnostic.code) || only.contains(diagnostic.name));
        applicable && chosen
    }
}

#[derive(Clone, Debug)]
pub struct FixOutcome {
    pub text: String,
    /// Fixes applied over all passes.
    pub applied: usize,
    /// Passes that changed the text.
    pub passes: usize,
    /// Diagnostics of the final text.
    pub remaining: Vec<Diagnostic>,
}

/// Lint and fix `source` until no eligible fix is left, the text stops changing, or a pass would add
/// syntax errors (that pass is discarded).
pub fn fix_source(source: &str, settings: &Settings, options: &FixOptions) -> FixOutcome {
    // A pass edits a few commands; the others need not be parsed again.
    let cache = DocumentCache::default();
    fix_with(source, options, |text| lint_source_cached(text, settings, &cache))
}

/// The fix loop over any linter, so the loop can be tested without real rules.
pub fn fix_with(source: &str, options: &FixOptions, lint: impl Fn(&str) -> Vec<Diagnostic>) -> FixOutcome {
    // The findings there are fixes for, by code and message (positions move as fixes add lines).
    let fixable = |diagnostics: &[Diagnostic]| {
        let mut found: Vec<(&str, String)> = diagnostics
            .iter()
            .filter(|d| d.fix.is_some() && options.accepts(d))
            .map(|d| (d.code, d.message.clone()))
            .collect();
        found.sort();
        found
    };
    let mut text = source.to_owned();
    let mut diagnostics = lint(&text);
    let mut applied = 0;
    let mut passes = 0;
    while passes < MAX_PASSES {
        let fixes = diagnostics.iter().filter(|d| options.accepts(d)).filter_map(|d| d.fix.as_ref());
        let (fixed, count) = apply_fixes(&text, fixes);
        if count == 0 || fixed == text {
            break;
        }
        let next = lint(&fixed);
        // A pass whose findings all come back, unchanged, did nothing (its text landed where the parser
        // or the shell does not read it as meant); applied again it would only repeat itself.
        if syntax_errors(&next) > syntax_errors(&diagnostics) || fixable(&next) == fixable(&diagnostics) {
            break;
        }
        text = fixed;
        diagnostics = next;
        applied += count;
        passes += 1;
    }
    FixOutcome { text, applied, passes, remaining: diagnostics }
}

fn syntax_errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.code == SYNTAX_ERROR).count()
}

/// Apply whole fixes in order of position, skipping any fix with an edit that overlaps one already accepted
/// (it gets another chance on the next pass) or that does not fit the text. Returns the new text and the
/// number of fixes applied.
pub fn apply_fixes<'a>(source: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    let mut fixes: Vec<&Fix> = fixes.into_iter().filter(|fix| !fix.edits.is_empty()).collect();
    fixes.sort_by_key(|fix| fix.edits.iter().map(|e| e.span).min());
    let mut accepted: Vec<&Edit> = Vec::new();
    let mut count = 0;
    for fix in fixes {
        let fits = fix.edits.iter().all(|e| fits(source, e));
        let mut edits: Vec<&Edit> = fix.edits.iter().collect();
        edits.sort();
        let self_overlapping = edits.windows(2).any(|pair| conflict(pair[0], pair[1]));
        let clashes = edits.iter().any(|e| accepted.iter().any(|a| conflict(a, e)));
        if fits && !self_overlapping && !clashes {
            accepted.extend(edits);
            count += 1;
        }
    }
    accepted.sort();
    let mut out = String::with_capacity(source.len());
    let mut cursor = 0;
    for edit in accepted {
        out.push_str(&source[cursor..edit.span.start]);
        out.push_str(&edit.replacement);
        cursor = edit.span.end;
    }
    out.push_str(&source[cursor..]);
    (out, count)
}

fn fits(source: &str, edit: &Edit) -> bool {
    let span = edit.span;
    span.start <= span.end
        && span.end <= source.len()
        && source.is_char_boundary(span.start)
        && source.is_char_boundary(span.end)
}

/// Overlapping ranges conflict, and so do two insertions at one point (their order would be arbitrary).
fn conflict(a: &Edit, b: &Edit) -> bool {
    let (a, b) = (a.span, b.span);
    (a.start < b.end && b.start < a.end) || (a.is_empty() && b.is_empty() && a.start == b.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Severity;
    use crate::text::Span;

    fn fix(edits: Vec<Edit>) -> Fix {
        Fix::safe("Fix it", edits)
    }

    #[test]
    fn applies_edits_in_position_order_whatever_the_fix_order() {
        let fixes = [fix(vec![Edit::replace(Span::new(4, 7), "NEW")]), fix(vec![Edit::insert(0, ">> ")])];
        assert_eq!(apply_fixes("abc old def", &fixes), (">> abc NEW def".to_owned(), 2));
    }

    #[test]
    fn skips_a_fix_overlapping_an_earlier_one_as_a_whole() {
        let first = fix(vec![Edit::replace(Span::new(0, 3), "ABC")]);
        let second = fix(vec![Edit::insert(9, "!"), Edit::replace(Span::new(2, 5), "xx")]);
        assert_eq!(apply_fixes("abcdefghi", &[second, first]), ("ABCdefghi".to_owned(), 1));
    }

    #[test]
    fn two_insertions_at_one_point_conflict_but_adjacent_edits_do_not() {
        let fixes = [fix(vec![Edit::insert(1, "x")]), fix(vec![Edit::insert(1, "y")])];
        assert_eq!(apply_fixes("ab", &fixes).1, 1);
        let fixes = [fix(vec![Edit::replace(Span::new(0, 1), "A")]), fix(vec![Edit::insert(1, "-")])];
        assert_eq!(apply_fixes("ab", &fixes), ("A-b".to_owned(), 2));
        let fixes = [fix(vec![Edit::insert(1, "-")]), fix(vec![Edit::replace(Span::new(1, 2), "B")])];
        assert_eq!(apply_fixes("ab", &fixes), ("a-B".to_owned(), 2));
    }

    #[test]
    fn rejects_edits_outside_the_text_or_inside_a_character() {
        let fixes = [fix(vec![Edit::insert(9, "x")]), fix(vec![Edit::delete(Span::new(0, 1))])];
        assert_eq!(apply_fixes("é", &fixes), ("é".to_owned(), 0));
    }

    fn finding(code: &'static str, span: Span, fix: Option<Fix>) -> Diagnostic {
        Diagnostic {
            code,
            name: "test-rule",
            severity: Severity::Warning,
            span,
            message: "Test finding".to_owned(),
            help: None,
            fix,
            related: Vec::new(),
        }
    }

    /// Reports every lowercase `a` with a fix to `A`; an `A` next to a `!` is a syntax error.
    fn uppercase_linter(text: &str) -> Vec<Diagnostic> {
        let mut found: Vec<Diagnostic> = text
            .match_indices('a')
            .map(|(i, _)| {
                let span = Span::new(i, i + 1);
                finding("DF900", span, Some(Fix::safe("Uppercase", vec![Edit::replace(span, "A")])))
            })
            .collect();
        found.extend(text.match_indices("A!").map(|(i, _)| finding(SYNTAX_ERROR, Span::new(i, i + 2), None)));
        found
    }

    #[test]
    fn fixes_until_clean() {
        let outcome = fix_with("a b a", &FixOptions::default(), uppercase_linter);
        assert_eq!((outcome.text.as_str(), outcome.applied, outcome.passes), ("A b A", 2, 1));
        assert!(outcome.remaining.is_empty());
    }

    #[test]
    fn discards_a_pass_that_adds_syntax_errors() {
        let outcome = fix_with("a!", &FixOptions::default(), uppercase_linter);
        assert_eq!((outcome.text.as_str(), outcome.applied), ("a!", 0));
        assert_eq!(outcome.remaining.len(), 1);
    }

    #[test]
    fn honours_applicability_and_code_filter() {
        let unsafe_linter = |text: &str| {
            uppercase_linter(text)
                .into_iter()
                .map(|mut d| {
                    d.fix.as_mut().unwrap().applicability = Applicability::Unsafe;
                    d
                })
                .collect()
        };
        assert_eq!(fix_with("a", &FixOptions::default(), unsafe_linter).text, "a");
        let with_unsafe = FixOptions { include_unsafe: true, only: None };
        assert_eq!(fix_with("a", &with_unsafe, unsafe_linter).text, "A");
        let other_code = FixOptions { include_unsafe: false, only: Some(BTreeSet::from(["DL3008".to_owned()])) };
        assert_eq!(fix_with("a", &other_code, uppercase_linter).text, "a");
        let by_name = FixOptions { include_unsafe: false, only: Some(BTreeSet::from(["test-rule".to_owned()])) };
        assert_eq!(fix_with("a", &by_name, uppercase_linter).text, "A");
    }

    #[test]
    fn stops_an_oscillating_linter() {
        let flip = |text: &str| {
            let to = if text == "x" { "y" } else { "x" };
            let edit = Edit::replace(Span::new(0, 1), to);
            let mut found = finding("DF900", Span::new(0, 1), Some(Fix::safe("Flip", vec![edit])));
            found.message = format!("`{text}` should be `{to}`");
            vec![found]
        };
        let outcome = fix_with("x", &FixOptions::default(), flip);
        assert_eq!(outcome.passes, MAX_PASSES);
    }

    #[test]
    fn a_fix_whose_finding_comes_back_unchanged_is_not_applied() {
        let append = |text: &str| {
            let edit = Edit::insert(text.len(), " y");
            vec![finding("DF900", Span::new(0, 1), Some(Fix::safe("Append", vec![edit])))]
        };
        let outcome = fix_with("x", &FixOptions::default(), append);
        assert_eq!((outcome.text.as_str(), outcome.applied, outcome.passes), ("x", 0, 0));
    }
}
