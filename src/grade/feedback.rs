//! The markdown feedback a student reads: the score, every lost point with its line, the reason in
//! plain words, how to fix it and the rule's documentation.

use super::{Graded, ItemResult, Reason};
use std::fmt::Write;

/// `8.5`, `2`, `0.25`: points without trailing zeros.
pub fn points(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Text in a markdown code span, whatever backticks it holds.
pub fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Where a rule's documentation is: `{docs}/{CODE}.md`.
pub fn rule_link(docs: &str, code: &str) -> String {
    format!("{docs}/{code}.md")
}

/// The feedback file for one student. `docs` is where rule docs are (a URL or a relative folder).
pub fn render(graded: &Graded, title: &str, docs: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Feedback for {}\n", graded.id);
    let _ = writeln!(out, "{title}\n");
    let _ = writeln!(out, "**Score: {} / {}**\n", points(graded.score), points(graded.max_score));
    if let Some(reason) = &graded.zero {
        let _ = writeln!(out, "This submission was not graded: {reason}.");
        return out;
    }
    if !graded.shown.is_empty() {
        let _ = writeln!(out, "Graded file: {}\n", code_span(&graded.shown));
    }
    out.push_str("| Item | Points |\n|---|---:|\n");
    for item in &graded.items {
        let _ =
            writeln!(out, "| {} | {} / {} |", table_text(&item.title), points(item.points), points(item.max_points));
    }
    for penalty in &graded.penalties {
        let _ = writeln!(out, "| Penalty: {} | −{} |", table_text(&penalty.title), points(penalty.points));
    }
    let lost: Vec<&ItemResult> = graded.items.iter().filter(|i| i.lost()).collect();
    if lost.is_empty() && graded.penalties.is_empty() {
        out.push_str("\nEvery item of the rubric is met. Well done!\n");
        return out;
    }
    out.push_str("\n## What to improve\n");
    for item in lost {
        let _ = writeln!(
            out,
            "\n### {} (lost {} of {})\n",
            item.title,
            points(item.max_points - item.points),
            points(item.max_points)
        );
        write_reasons(&mut out, &item.reasons, docs);
    }
    for penalty in &graded.penalties {
        let _ = writeln!(out, "\n### Penalty: {} (−{})\n", penalty.title, points(penalty.points));
        write_reasons(&mut out, &penalty.reasons, docs);
    }
    let kept: Vec<&ItemResult> = graded.items.iter().filter(|i| !i.lost()).collect();
    if !kept.is_empty() {
        out.push_str("\n## Done well\n\n");
        for item in kept {
            let _ = writeln!(out, "- {}", item.title);
        }
    }
    out
}

/// Reasons shown per item; a long list of one mistake teaches no more than a few of them.
const SHOWN_REASONS: usize = 5;

fn write_reasons(out: &mut String, reasons: &[Reason], docs: &str) {
    for reason in reasons.iter().take(SHOWN_REASONS) {
        match &reason.line {
            Some((line, quote)) => {
                let _ = writeln!(out, "- **Line {line}:** {}", code_span(quote.trim()));
                let _ = writeln!(out, "  - What is wrong: {}", sentence(&reason.text));
            }
            None => {
                let _ = writeln!(out, "- {}", sentence(&reason.text));
            }
        }
        if let Some(help) = &reason.help {
            let _ = writeln!(out, "  - How to fix it: {}", sentence(help));
        }
        if let Some(info) = reason.code.and_then(crate::rules::find) {
            let meta = info.meta;
            let _ = writeln!(
                out,
                "  - Rule: [{} {}]({}): {}",
                meta.code,
                meta.name,
                rule_link(docs, meta.code),
                sentence(meta.summary)
            );
        }
    }
    if reasons.len() > SHOWN_REASONS {
        let _ = writeln!(out, "- …and {} more like these.", reasons.len() - SHOWN_REASONS);
    }
}

/// A message as a sentence: capitalised, with a full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.trim().chars();
    let Some(first) = chars.next() else { return String::new() };
    let mut out: String = first.to_uppercase().chain(chars).collect();
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// Text inside a markdown table cell.
fn table_text(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting() {
        assert_eq!(points(2.0), "2");
        assert_eq!(points(8.5), "8.5");
        assert_eq!(points(0.25), "0.25");
        assert_eq!(code_span("FROM x"), "`FROM x`");
        assert_eq!(code_span("RUN echo `id`"), "`` RUN echo `id` ``");
        assert_eq!(sentence("`wget` without `--progress`"), "`wget` without `--progress`.");
        assert_eq!(sentence("pin it"), "Pin it.");
    }
}
