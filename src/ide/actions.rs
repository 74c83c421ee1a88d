//! Code actions: each finding's fix, and suppression comments that silence a finding for its instruction
//! or for the whole file.

use super::Analysis;
use crate::lint::{Applicability, Diagnostic, Edit};
use crate::text::{line_start, Span};

/// Findings that a suppression comment cannot or should not silence: syntax errors, and the findings
/// about suppression comments themselves.
const NOT_SUPPRESSIBLE: [&str; 3] = ["DL1000", "DF004", "DF006"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub title: String,
    pub edits: Vec<Edit>,
    /// Index of the finding the action is for, in the slice given to [`actions`].
    pub diagnostic: usize,
    /// The action to take when the user asks for "the" fix: a safe fix of the finding.
    pub preferred: bool,
}

/// The actions for the findings whose span touches `range`: first every fix, then for each code the
/// suppression comments. Sorted by finding, then in that order.
pub fn actions(analysis: &Analysis, diagnostics: &[Diagnostic], range: Span) -> Vec<Action> {
    let touched: Vec<usize> = (0..diagnostics.len()).filter(|&i| touches(diagnostics[i].span, range)).collect();
    let mut out = Vec::new();
    for &index in &touched {
        let Some(fix) = &diagnostics[index].fix else { continue };
        let safe = fix.applicability == Applicability::Safe;
        let title = if safe { fix.title.clone() } else { format!("{} (unsafe)", fix.title) };
        out.push(Action { title, edits: fix.edits.clone(), diagnostic: index, preferred: safe });
    }
    let mut offered: Vec<&str> = Vec::new();
    for &index in &touched {
        let diagnostic = &diagnostics[index];
        if NOT_SUPPRESSIBLE.contains(&diagnostic.code) || offered.contains(&diagnostic.code) {
            continue;
        }
        offered.push(diagnostic.code);
        if let Some(edit) = ignore_for_instruction(analysis, diagnostic) {
            let title = format!("Ignore {} for this instruction", diagnostic.code);
            out.push(Action { title, edits: vec![edit], diagnostic: index, preferred: false });
        }
        let title = format!("Ignore {} for this file", diagnostic.code);
        out.push(Action {
            title,
            edits: vec![ignore_for_file(analysis, diagnostic.code)],
            diagnostic: index,
            preferred: false,
        });
    }
    out
}

/// Whether a finding at `span` concerns the requested range; empty spans and ranges touch at their ends.
fn touches(span: Span, range: Span) -> bool {
    span.start <= range.end && range.start <= span.end
}

/// Adds the code to a `# dlint ignore=` comment right above the finding's instruction, or inserts one
/// there with the instruction's indentation.
fn ignore_for_instruction(analysis: &Analysis, diagnostic: &Diagnostic) -> Option<Edit> {
    let source = analysis.source;
    let instruction = analysis.file.instructions.iter().find(|i| i.span.covers(diagnostic.span))?;
    let start = line_start(source, instruction.span.start);
    let above = start.checked_sub(1).map(|newline| Span::new(line_start(source, newline), newline));
    if let Some(list_end) = above.and_then(|line| ignore_list_end(line.slice(source), "ignore=")) {
        return Some(Edit::insert(above?.start + list_end, format!(",{}", diagnostic.code)));
    }
    let indent = &source[start..instruction.span.start];
    Some(Edit::insert(start, format!("{indent}# dlint ignore={}\n", diagnostic.code)))
}

/// Adds the code to the file's `# dlint global ignore=` comment, or inserts one after the parser
/// directives (a comment above them would turn them into plain comments).
fn ignore_for_file(analysis: &Analysis, code: &str) -> Edit {
    let source = analysis.source;
    let existing = analysis.file.comments.iter().filter(|c| c.standalone).find_map(|comment| {
        ignore_list_end(comment.span.slice(source), "global ignore=").map(|end| comment.span.start + end)
    });
    if let Some(end) = existing {
        return Edit::insert(end, format!(",{code}"));
    }
    let after_directives = analysis.file.directives.end;
    let newline = if after_directives > 0 && !source[..after_directives].ends_with('\n') { "\n" } else { "" };
    Edit::insert(after_directives, format!("{newline}# dlint global ignore={code}\n"))
}

/// For a `# dlint <prefix>CODE,...` comment line: the byte offset, within `line`, where its code list ends.
fn ignore_list_end(line: &str, prefix: &str) -> Option<usize> {
    let body = line.trim_start().strip_prefix('#')?.trim_start().strip_prefix("dlint")?.trim_start();
    let list = body.strip_prefix(prefix)?;
    let list_start = line.len() - list.len();
    let length = list.find(char::is_whitespace).unwrap_or(list.len());
    (length > 0).then_some(list_start + length)
}

/// The edit that applies every safe fix (re-linting until nothing is left to fix): the changed middle
/// of the text, so an editor keeps the cursor and folds outside it. `None` when nothing changes.
pub fn fix_all(source: &str, fixed: &str) -> Option<Edit> {
    if source == fixed {
        return None;
    }
    let (old, new) = (source.as_bytes(), fixed.as_bytes());
    let prefix = crate::text::floor_char_boundary(source, common_prefix(old, new));
    let suffix = common_prefix(old[prefix..].iter().rev(), new[prefix..].iter().rev());
    let (mut end, mut fixed_end) = (source.len() - suffix, fixed.len() - suffix);
    while !source.is_char_boundary(end) || !fixed.is_char_boundary(fixed_end) {
        end += 1;
        fixed_end += 1;
    }
    Some(Edit::replace(Span::new(prefix, end), &fixed[prefix..fixed_end]))
}

fn common_prefix<'a>(a: impl IntoIterator<Item = &'a u8>, b: impl IntoIterator<Item = &'a u8>) -> usize {
    a.into_iter().zip(b).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::apply_fixes;
    use crate::lint::{Fix, Settings};

    fn apply(source: &str, edits: &[Edit]) -> String {
        apply_fixes(source, [&Fix::safe("test", edits.to_vec())]).0
    }

    /// The actions offered at the first line containing `marker`, by title, and the text each one gives.
    fn offered(source: &str, marker: &str) -> Vec<(String, String)> {
        let at = source.find(marker).unwrap();
        let analysis = Analysis::new(source);
        let diagnostics = crate::lint_source(source, &Settings::default());
        actions(&analysis, &diagnostics, Span::empty(at))
            .into_iter()
            .map(|action| (action.title, apply(source, &action.edits)))
            .collect()
    }

    fn text_of<'a>(offered: &'a [(String, String)], title: &str) -> &'a str {
        let found = offered.iter().find(|(t, _)| t == title);
        &found.unwrap_or_else(|| panic!("no `{title}` in {offered:#?}")).1
    }

    #[test]
    fn fixes_come_first_and_safe_ones_are_preferred() {
        let source = "FROM debian:12\nRUN apt-get install curl\n";
        let at = source.find("apt-get").unwrap();
        let analysis = Analysis::new(source);
        let diagnostics = crate::lint_source(source, &Settings::default());
        let found = actions(&analysis, &diagnostics, Span::empty(at));
        let first_ignore = found.iter().position(|a| a.title.starts_with("Ignore")).unwrap();
        assert!(first_ignore > 0 && found[..first_ignore].iter().all(|a| !a.edits.is_empty()), "{found:#?}");
        let yes = found.iter().find(|a| diagnostics[a.diagnostic].code == "DL3014").unwrap();
        assert!(yes.preferred);
        assert!(found.iter().filter(|a| a.title.starts_with("Ignore")).all(|a| !a.preferred));
    }

    #[test]
    fn ignoring_for_an_instruction_inserts_or_extends_the_comment_above() {
        let source = "FROM debian:12\n  RUN apt-get install curl\n";
        let offered = offered(source, "apt-get");
        assert_eq!(
            text_of(&offered, "Ignore DL3014 for this instruction"),
            "FROM debian:12\n  # dlint ignore=DL3014\n  RUN apt-get install curl\n"
        );
        let source = "FROM debian:12\n# dlint ignore=DL3008 keep it\nRUN apt-get install curl\n";
        let offered = self::offered(source, "apt-get");
        assert_eq!(
            text_of(&offered, "Ignore DL3014 for this instruction"),
            "FROM debian:12\n# dlint ignore=DL3008,DL3014 keep it\nRUN apt-get install curl\n"
        );
    }

    #[test]
    fn ignoring_for_the_file_goes_after_the_directives_or_into_the_global_comment() {
        let source = "# syntax=docker/dockerfile:1\n# escape=\\\nFROM debian\n";
        let offered = offered(source, "debian");
        assert_eq!(
            text_of(&offered, "Ignore DL3006 for this file"),
            "# syntax=docker/dockerfile:1\n# escape=\\\n# dlint global ignore=DL3006\nFROM debian\n"
        );
        let source = "FROM debian\n# dlint global ignore=DF001\n";
        let offered = self::offered(source, "debian");
        assert_eq!(
            text_of(&offered, "Ignore DL3006 for this file"),
            "FROM debian\n# dlint global ignore=DF001,DL3006\n"
        );
        let source = "FROM debian\n";
        let offered = self::offered(source, "debian");
        assert_eq!(text_of(&offered, "Ignore DL3006 for this file"), "# dlint global ignore=DL3006\nFROM debian\n");
    }

    #[test]
    fn an_inserted_suppression_silences_the_finding() {
        let source = "FROM debian:12\nRUN apt-get install curl\nRUN apt-get install -y wget\n";
        for title in ["Ignore DL3014 for this instruction", "Ignore DL3014 for this file"] {
            let edited = text_of(&offered(source, "apt-get install curl"), title).to_owned();
            let codes: Vec<&str> = crate::lint_source(&edited, &Settings::default()).iter().map(|d| d.code).collect();
            assert!(!codes.contains(&"DL3014") && !codes.contains(&"DF004"), "{title}: {codes:?}");
        }
    }

    #[test]
    fn syntax_errors_offer_no_suppression() {
        let offered = offered("FROM debian:12\nFROBNICATE x\n", "FROBNICATE");
        assert!(offered.iter().all(|(title, _)| !title.contains("DL1000")), "{offered:#?}");
    }

    #[test]
    fn fix_all_replaces_only_the_changed_middle() {
        assert_eq!(fix_all("same", "same"), None);
        let edit = fix_all("FROM a\nmaintainer x\nRUN y\n", "FROM a\nLABEL maintainer=\"x\"\nRUN y\n").unwrap();
        assert_eq!((edit.span, edit.replacement.as_str()), (Span::new(7, 19), "LABEL maintainer=\"x\""));
        let edit = fix_all("a é b", "a è b").unwrap();
        assert_eq!((edit.span, edit.replacement.as_str()), (Span::new(2, 4), "è"));
    }
}
