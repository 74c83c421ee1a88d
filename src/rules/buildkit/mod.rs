//! BuildKit's build checks (`docker build --check`) that need no registry access.

pub mod bk001;
pub mod bk002;
pub mod bk003;
pub mod bk004;
pub mod bk005;
pub mod bk006;
pub mod bk007;
pub mod bk008;
pub mod bk009;
pub mod bk010;
pub mod bk011;
pub mod bk012;
pub mod dl3029;
pub mod dl3063;
pub mod dl3065;

use crate::lint::At;
use crate::semantic::{Model, PREDEFINED_ARGS};
use crate::syntax::{Body, Keyword, Word};
use crate::text::{suggest, Span};

/// The FROM line of a stage (not an ONBUILD trigger) with its image word and `AS` name.
fn stage_from<'a>(at: &At<'a>) -> Option<(&'a Word, Option<&'a Word>)> {
    match &at.instruction.body {
        Body::From { image, alias } if !at.onbuild => Some((image, alias.as_ref())),
        _ => None,
    }
}

/// Whether a keyword is written all in one case (`RUN`, `run`), as BuildKit requires.
fn is_lowercase(text: &str) -> bool {
    !text.chars().any(|c| c.is_ascii_uppercase())
}

fn is_uppercase(text: &str) -> bool {
    !text.chars().any(|c| c.is_ascii_lowercase())
}

/// Where `$name` / `${name...}` occurs in a word as written, or the whole word when it cannot be
/// pinned down (a continuation line inside the word).
fn reference_span(source: &str, word: &Word, name: &str, escape: char) -> Span {
    crate::semantic::references(word.span.slice(source), escape)
        .into_iter()
        .find(|r| r.name == name)
        .map_or(word.span, |r| Span::new(word.span.start + r.range.start, word.span.start + r.range.end))
}

/// "did you mean" help among the names visible to a FROM line (global ARGs above it and the predefined ones).
fn global_suggestion(model: &Model, from: usize, name: &str) -> Option<String> {
    let declared: Vec<&str> =
        model.global_args.iter().filter(|&&i| i < from).flat_map(|&i| model.declared_names(i)).collect();
    suggest::closest(name, declared.iter().copied().chain(PREDEFINED_ARGS))
        .map(|close| format!("did you mean `{close}`?"))
}

/// The instruction's keyword as written.
fn keyword_text<'a>(source: &'a str, at: &At) -> &'a str {
    at.instruction.keyword_span.slice(source)
}

/// Names the instructions that expand variables (not RUN, CMD, ENTRYPOINT: their shell does).
fn expands_variables(keyword: Keyword) -> bool {
    matches!(
        keyword,
        Keyword::Add
            | Keyword::Copy
            | Keyword::Env
            | Keyword::Expose
            | Keyword::Label
            | Keyword::Stopsignal
            | Keyword::User
            | Keyword::Volume
            | Keyword::Workdir
            | Keyword::Arg
    )
}
