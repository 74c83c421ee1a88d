//! Editor features over one Dockerfile: pure functions of its text and model that answer in byte offsets
//! and spans. The language server only converts their answers to the protocol; nothing here does IO or
//! knows about UTF-16.

pub mod folding;
pub mod links;
pub mod navigation;
pub mod symbols;
pub mod tokens;

use crate::semantic::Model;
use crate::syntax::{self, Dockerfile};
use crate::text::Span;

/// One document's text and syntax tree, parsed once per query; [`Analysis::model`] gives the semantic view.
pub struct Analysis<'a> {
    pub source: &'a str,
    pub file: Dockerfile,
}

impl<'a> Analysis<'a> {
    pub fn new(source: &'a str) -> Self {
        Analysis { source, file: syntax::parse(source) }
    }

    pub fn model(&self) -> Model<'_> {
        Model::build(self.source, &self.file)
    }
}

/// The parts of `span` that no hole covers, in order; `holes` must be sorted and must not overlap.
fn outside(span: Span, holes: &[Span]) -> Vec<Span> {
    let first = holes.partition_point(|h| h.end <= span.start);
    let mut parts = Vec::new();
    let mut start = span.start;
    for hole in holes[first..].iter().take_while(|h| h.start < span.end) {
        if hole.start > start {
            parts.push(Span::new(start, hole.start));
        }
        start = start.max(hole.end);
    }
    if start < span.end {
        parts.push(Span::new(start, span.end));
    }
    parts
}

/// Test input with a cursor: `‸` marks the offset and is removed from the text.
#[cfg(test)]
fn with_cursor(marked: &str) -> (String, usize) {
    let offset = marked.find('‸').expect("the text marks a cursor");
    (marked.replacen('‸', "", 1), offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_cuts_holes_out_of_a_span() {
        let holes = [Span::new(0, 2), Span::new(4, 6), Span::new(8, 20)];
        assert_eq!(outside(Span::new(1, 10), &holes), vec![Span::new(2, 4), Span::new(6, 8)]);
        assert_eq!(outside(Span::new(3, 4), &holes), vec![Span::new(3, 4)]);
        assert_eq!(outside(Span::new(4, 6), &holes), vec![]);
    }
}
