//! Every editor feature at many positions of real Dockerfiles (the project's testdata and a sample of
//! ../shared/corpus when it is beside the checkout): none may panic, and every span it answers with must
//! lie inside the text on character boundaries.

use crate::corpus::dockerfiles;
use crate::support::repo_path;
use dlint::ide::{actions, completion, folding, hover, links, navigation, symbols, tokens, Analysis};
use dlint::text::Span;
use dlint::Settings;
use std::time::{Duration, Instant};

/// Positions asked per file, spread evenly over it (every position of a small file).
const POSITIONS: usize = 60;
const CORPUS_SAMPLE: usize = 100;
const BUDGET: Duration = Duration::from_secs(20);

fn check_span(source: &str, span: Span, what: &str) -> Result<(), String> {
    let inside = span.start <= span.end && span.end <= source.len();
    if inside && source.is_char_boundary(span.start) && source.is_char_boundary(span.end) {
        Ok(())
    } else {
        Err(format!("{what} answered {span:?}, not a span of the {}-byte text", source.len()))
    }
}

fn exercise(source: &str) -> Result<(), String> {
    let analysis = Analysis::new(source);
    let diagnostics = dlint::lint_source(source, &Settings::default());
    let mut symbols = symbols::document_symbols(&analysis);
    while let Some(symbol) = symbols.pop() {
        check_span(source, symbol.span, "symbols")?;
        check_span(source, symbol.selection, "symbol names")?;
        symbols.extend(symbol.children);
    }
    for fold in folding::folding_ranges(&analysis) {
        check_span(source, fold.span, "folding")?;
    }
    for link in links::document_links(&analysis) {
        check_span(source, link.span, "links")?;
    }
    for token in tokens::semantic_tokens(&analysis) {
        check_span(source, token.span, "tokens")?;
    }
    let offsets: Vec<usize> = (0..=source.len()).filter(|&i| source.is_char_boundary(i)).collect();
    let step = offsets.len().div_ceil(POSITIONS).max(1);
    for &offset in offsets.iter().step_by(step).chain(offsets.last()) {
        if let Some(answer) = hover::hover(&analysis, &diagnostics, offset) {
            check_span(source, answer.span, "hover")?;
        }
        for item in completion::complete(&analysis, offset) {
            check_span(source, item.replace, "completion")?;
        }
        if let Some(target) = navigation::definition(&analysis, offset) {
            check_span(source, target, "definition")?;
        }
        for span in navigation::references(&analysis, offset, true) {
            check_span(source, span, "references")?;
        }
        if let Ok(span) = navigation::prepare_rename(&analysis, offset) {
            check_span(source, span, "prepare rename")?;
            for (span, _) in navigation::rename(&analysis, offset, "renamed").unwrap_or_default() {
                check_span(source, span, "rename")?;
            }
        }
        for action in actions::actions(&analysis, &diagnostics, Span::empty(offset)) {
            for edit in &action.edits {
                check_span(source, edit.span, "code action")?;
            }
        }
    }
    Ok(())
}

#[test]
fn editor_features_answer_inside_the_text_everywhere() {
    let mut files = Vec::new();
    dockerfiles(&repo_path("testdata"), &mut files);
    let mut corpus = Vec::new();
    dockerfiles(&repo_path("../shared/corpus"), &mut corpus);
    corpus.sort();
    files.extend(corpus.iter().step_by(corpus.len().div_ceil(CORPUS_SAMPLE).max(1)).cloned());
    let started = Instant::now();
    let mut failures = Vec::new();
    let mut checked = 0;
    for file in &files {
        if started.elapsed() > BUDGET {
            break;
        }
        let source = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
        match std::panic::catch_unwind(|| exercise(&source)) {
            Ok(Ok(())) => {}
            Ok(Err(problem)) => failures.push(format!("{}: {problem}", file.display())),
            Err(_) => failures.push(format!("{}: panicked", file.display())),
        }
        checked += 1;
    }
    eprintln!("editor features checked on {checked} of {} files", files.len());
    assert!(checked > 0);
    assert!(failures.is_empty(), "{} of {checked} files:\n{}", failures.len(), failures.join("\n"));
}
