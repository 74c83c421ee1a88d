//! Applying fixes: non-overlapping edits, then re-lint until nothing changes (bounded), never
//! accepting a pass that adds syntax errors.

use crate::lint::{builtin, Applicability, Diagnostic, Edit, Settings};
use std::collections::BTreeSet;

#[derive(Clone, Debug, Default)]
pub struct FixOptions {
    /// Apply unsafe fixes too.
    pub include_unsafe: bool,
    /// Only fix these codes.
    pub only: Option<BTreeSet<String>>,
}

#[derive(Clone, Debug)]
pub struct FixOutcome {
    pub text: String,
    /// Fixes applied over all passes.
    pub applied: usize,
    pub passes: usize,
    /// What is still reported on the final text.
    pub remaining: Vec<Diagnostic>,
}

const MAX_PASSES: usize = 10;

fn eligible(d: &Diagnostic, options: &FixOptions) -> bool {
    let Some(fix) = &d.fix else { return false };
    (fix.applicability == Applicability::Safe || options.include_unsafe)
        && options.only.as_ref().is_none_or(|only| only.contains(d.code) || only.contains(d.name))
}

fn syntax_errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.code == builtin::SYNTAX_ERROR.code).count()
}

pub fn fix_source(source: &str, settings: &Settings, options: &FixOptions) -> FixOutcome {
    let mut text = source.to_string();
    let mut diagnostics = crate::lint_source(&text, settings);
    let mut applied = 0;
    let mut passes = 0;
    while passes < MAX_PASSES {
        let fixes: Vec<&[Edit]> = diagnostics
            .iter()
            .filter(|d| eligible(d, options))
            .filter_map(|d| d.fix.as_ref())
            .map(|f| f.edits.as_slice())
            .collect();
        if fixes.is_empty() {
            break;
        }
        let (next, count) = apply(&text, &fixes);
        if next == text {
            break;
        }
        let next_diagnostics = crate::lint_source(&next, settings);
        if syntax_errors(&next_diagnostics) > syntax_errors(&diagnostics) {
            break;
        }
        passes += 1;
        applied += count;
        text = next;
        diagnostics = next_diagnostics;
    }
    FixOutcome { text, applied, passes, remaining: diagnostics }
}

/// Applies whole fixes in position order, skipping any fix with an edit that overlaps an edit already
/// taken (it is retried on the next pass). Returns the new text and how many fixes were applied.
pub fn apply(text: &str, fixes: &[&[Edit]]) -> (String, usize) {
    let mut order: Vec<&[Edit]> = fixes.iter().copied().filter(|f| !f.is_empty()).collect();
    order.sort_by_key(|edits| (edits[0].span.start, edits[0].span.end));
    let mut taken: Vec<&Edit> = Vec::new();
    let mut count = 0;
    for edits in order {
        let overlaps = edits.iter().any(|e| {
            taken.iter().any(|t| {
                (e.span.start < t.span.end && t.span.start < e.span.end)
                    || (e.span.start == t.span.start && (e.span.is_empty() || t.span.is_empty()))
            })
        });
        if !overlaps
            && edits.iter().all(|e| {
                e.span.end <= text.len() && text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end)
            })
        {
            taken.extend(edits.iter());
            count += 1;
        }
    }
    taken.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in taken {
        out.push_str(&text[at..edit.span.start]);
        out.push_str(&edit.replacement);
        at = edit.span.end;
    }
    out.push_str(&text[at..]);
    (out, count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    #[test]
    fn applies_non_overlapping_fixes_whole() {
        let a = [Edit::replace(Span::new(0, 3), "ONE")];
        let b = [Edit::replace(Span::new(2, 5), "x"), Edit::insert(9, "!")];
        let c = [Edit::insert(8, "+")];
        let (text, count) = apply("one two three", &[&b, &a, &c]);
        assert_eq!((text.as_str(), count), ("ONE two +three", 2));
    }

    #[test]
    fn two_inserts_at_one_point_take_the_first() {
        let a = [Edit::insert(1, "a")];
        let b = [Edit::insert(1, "b")];
        assert_eq!(apply("xy", &[&a, &b]), ("xay".to_string(), 1));
    }
}
