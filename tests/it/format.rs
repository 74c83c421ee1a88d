//! Formatting over real Dockerfiles (a sample of ../shared/corpus when it is beside the checkout, and
//! the project's own testdata): the edits apply together, change only whitespace and keyword case, and
//! formatting again changes nothing; the result has no new syntax errors, the same heredoc bodies, and
//! the same instructions, shell commands and words. `DLINT_FORMAT_CORPUS=all` checks every corpus file.

use crate::corpus::dockerfiles;
use crate::support::repo_path;
use dlint::fix::apply_fixes;
use dlint::ide::format::{format, FormatOptions};
use dlint::ide::Analysis;
use dlint::lint::{Edit, Fix};
use dlint::syntax::lines::{join_lines, logical_line_end};
use dlint::syntax::Body;
use std::time::{Duration, Instant};

/// Corpus files checked by default: every n-th so the test stays within seconds.
const CORPUS_SAMPLE: usize = 700;
const BUDGET: Duration = Duration::from_secs(8);

#[test]
fn formatting_real_dockerfiles_is_idempotent_and_keeps_their_meaning() {
    let mut files = Vec::new();
    dockerfiles(&repo_path("testdata"), &mut files);
    let mut corpus = Vec::new();
    dockerfiles(&repo_path("../shared/corpus"), &mut corpus);
    corpus.sort();
    let every_file = std::env::var("DLINT_FORMAT_CORPUS").is_ok_and(|value| value == "all");
    let step = if every_file { 1 } else { corpus.len().div_ceil(CORPUS_SAMPLE).max(1) };
    files.extend(corpus.into_iter().step_by(step));
    let started = Instant::now();
    let (mut checked, mut changed) = (0, 0);
    let mut failures = Vec::new();
    for file in &files {
        if !every_file && started.elapsed() > BUDGET {
            break;
        }
        let source = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
        match std::panic::catch_unwind(|| check(&source)) {
            Ok(Ok(was_changed)) => changed += usize::from(was_changed),
            Ok(Err(problem)) => failures.push(format!("{}: {problem}", file.display())),
            Err(_) => failures.push(format!("{}: panicked", file.display())),
        }
        checked += 1;
    }
    eprintln!("format: {checked} of {} files checked in {:?}, {changed} changed", files.len(), started.elapsed());
    assert!(checked > 0);
    assert!(failures.is_empty(), "{} files:\n{}", failures.len(), failures.join("\n"));
}

/// Formats `source` and checks the result; `Ok(true)` when it changed.
fn check(source: &str) -> Result<bool, String> {
    let options = FormatOptions::default();
    let edits = format(source, &options);
    if let Some(edit) = edits.iter().find(|edit| !only_layout(source, edit)) {
        return Err(format!("edit {edit:?} of {:?} changes more than layout", edit.span.slice(source)));
    }
    let (formatted, applied) = apply_fixes(source, [&Fix::safe("Format", edits.clone())]);
    if !edits.is_empty() && applied != 1 {
        return Err(format!("edits overlap or do not fit: {edits:?}"));
    }
    let again = format(&formatted, &options);
    if !again.is_empty() {
        return Err(format!("not idempotent, again: {again:?}"));
    }
    let (before, after) = (Meaning::of(source), Meaning::of(&formatted));
    if after.errors > before.errors {
        return Err(format!("syntax errors grew from {} to {}", before.errors, after.errors));
    }
    if before.heredocs != after.heredocs {
        return Err("heredoc bodies changed".to_string());
    }
    if before.instructions.len() != after.instructions.len() {
        return Err("the instruction count changed".to_string());
    }
    if let Some((old, new)) = before.instructions.iter().zip(&after.instructions).find(|(old, new)| old != new) {
        let (was, is) = old.lines().zip(new.lines()).find(|(was, is)| was != is).unwrap_or((old, new));
        return Err(format!("an instruction changed:\n  {was}\n  {is}"));
    }
    Ok(formatted != source)
}

/// Blanks replaced by blanks, or a word by itself in another case.
fn only_layout(source: &str, edit: &Edit) -> bool {
    let old = edit.span.slice(source);
    let blank = |text: &str| text.chars().all(|c| matches!(c, ' ' | '\t' | '\r' | '\n'));
    (blank(old) && blank(&edit.replacement)) || old.eq_ignore_ascii_case(&edit.replacement)
}

/// What formatting must keep: each instruction's keyword and arguments as Docker reads them (the
/// joined line split at unquoted blanks, or taken whole where Docker keeps it verbatim), the words of
/// the shell commands RUN runs, and heredoc bodies.
struct Meaning {
    errors: usize,
    heredocs: Vec<String>,
    instructions: Vec<String>,
}

impl Meaning {
    fn of(source: &str) -> Meaning {
        let analysis = Analysis::new(source);
        let model = analysis.model();
        let escape = model.escape();
        let mut heredocs = Vec::new();
        let mut instructions = Vec::new();
        for (index, instruction) in analysis.file.instructions.iter().enumerate() {
            let inner = match &instruction.body {
                Body::Onbuild(inner) => inner.as_ref(),
                _ => instruction,
            };
            heredocs.extend(inner.heredocs().iter().map(|heredoc| heredoc.body.slice(source).to_string()));
            let end = logical_line_end(source, instruction.span.start, escape);
            let arguments = join_lines(&source[inner.keyword_span.end..end], escape);
            let verbatim = match &inner.body {
                Body::Pairs(pairs) => pairs.iter().any(|pair| pair.legacy),
                Body::Text(_) | Body::Path(_) | Body::User { .. } => true,
                _ => false,
            };
            let keywords = format!("{:?} {:?}", instruction.keyword, inner.keyword);
            let mut text = match verbatim {
                true => format!("{keywords} {:?}", arguments.trim()),
                false => format!("{keywords} {:?}", docker_words(&arguments, escape)),
            };
            for command in model.script(index).map_or(&[][..], |script| &script.commands) {
                // Each word as written, with the continuations (and the comment lines they carry) that
                // Docker drops, even from quoted words. tree-sitter-bash reads a comment inside backticks
                // to the line's end, where the shell stops at the closing backtick: such words are skipped.
                let words: Vec<String> = command
                    .args
                    .iter()
                    .map(|arg| join_lines(arg.span.slice(source), escape))
                    .filter(|word| !word.contains("`#"))
                    .collect();
                text += &format!("\n  {} {:?}", command.name.text, words);
            }
            instructions.push(text);
        }
        Meaning { errors: analysis.file.errors.len(), heredocs, instructions }
    }
}

/// Splits at blanks outside quotes, keeping the quotes, as Docker splits arguments into words. The
/// keywords inside arguments (FROM's `AS`, HEALTHCHECK's `CMD` and `NONE`) are read in any case.
fn docker_words(text: &str, escape: char) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (None, c) if c.is_whitespace() => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                continue;
            }
            (None, '\'' | '"') => quote = Some(c),
            (Some(open), c) if c == open => quote = None,
            (Some('\''), _) => {}
            (_, c) if c == escape => {
                word.push(c);
                word.extend(chars.next());
                continue;
            }
            _ => {}
        }
        word.push(c);
    }
    words.extend((!word.is_empty()).then_some(word));
    for word in &mut words {
        if ["AS", "CMD", "NONE"].iter().any(|keyword| word.eq_ignore_ascii_case(keyword)) {
            word.make_ascii_uppercase();
        }
    }
    words
}
