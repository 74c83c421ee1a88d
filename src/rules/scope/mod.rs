//! Where variables and stages are visible: ARGs declared but never read or read too early, stages
//! nothing builds on, secrets handed to RUN.

pub mod df030;
pub mod df031;
pub mod df032;
pub mod df033;
pub mod df034;

use crate::semantic::{references, Model};
use crate::syntax::Keyword;
use crate::text::Span;

/// Where `$name` / `${name...}` is written in an instruction's source text (heredoc bodies included).
fn references_in(model: &Model, instruction: usize, name: &str) -> Vec<Span> {
    let span = model.instruction(instruction).span;
    references(span.slice(model.source), model.escape())
        .into_iter()
        .filter(|r| r.name == name)
        .map(|r| Span::new(span.start + r.range.start, span.start + r.range.end))
        .collect()
}

/// The ARG instructions of a stage (FROM excluded) with each name they declare.
fn stage_args<'m>(model: &'m Model, range: std::ops::Range<usize>) -> impl Iterator<Item = (usize, &'m str)> + 'm {
    range
        .filter(move |&i| model.instruction(i).keyword == Keyword::Arg)
        .flat_map(move |i| model.declared_names(i).map(move |name| (i, name)))
}
