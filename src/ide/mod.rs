//! Editor features over one Dockerfile: pure functions of its text and model that answer in byte offsets
//! and spans. The language server only converts their answers to the protocol; nothing here does IO or
//! knows about UTF-16.

pub mod actions;
pub mod completion;
pub mod folding;
pub mod format;
pub mod hover;
pub mod links;
pub mod navigation;
pub mod reference;
pub mod symbols;
pub mod tokens;

use crate::semantic::{Lookup, Model, Stage, PREDEFINED_ARGS};
use crate::syntax::{self, Dockerfile, Keyword};
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

/// Where a variable written at some offset is looked up.
#[derive(Clone, Copy)]
enum Scope<'m> {
    /// A FROM line, or before the first FROM: the global ARGs above instruction `before`.
    Global { before: usize },
    /// Inside a stage, just before instruction `upto`.
    Stage { stage: &'m Stage, upto: usize },
}

impl<'m> Scope<'m> {
    /// The scope at `offset`. Text no instruction was parsed from (a line being typed) belongs to the
    /// stage of the instruction before it, unless `keyword` (its first word) says it is a FROM.
    fn at(model: &'m Model, offset: usize, keyword: Option<Keyword>) -> Scope<'m> {
        let instructions = &model.file.instructions;
        let next = instructions.partition_point(|i| i.span.start <= offset);
        let containing = next.checked_sub(1).filter(|&i| instructions[i].span.end >= offset);
        let (keyword, upto, stage_from) = match containing {
            Some(i) => (Some(instructions[i].keyword), i, Some(i)),
            None => (keyword, next, next.checked_sub(1)),
        };
        match stage_from.and_then(|i| model.stage_of(i)) {
            Some(stage) if keyword != Some(Keyword::From) => Scope::Stage { stage, upto },
            _ => Scope::Global { before: upto },
        }
    }

    fn lookup(self, model: &Model, name: &str) -> Lookup {
        match self {
            Scope::Global { before } => model.global_lookup_before(before, name),
            Scope::Stage { stage, upto } => model.lookup_in(stage, upto, name),
        }
    }

    /// The ARG or ENV instruction that declares `name` here.
    fn declared_by(self, model: &Model, name: &str) -> Option<usize> {
        match self {
            Scope::Global { before } => model.declared_by(None, before, name),
            Scope::Stage { stage, upto } => model.declared_by(Some(stage), upto, name),
        }
    }

    /// The names declared here, sorted, then the predefined build arguments not among them.
    fn names(self, model: &'m Model) -> Vec<&'m str> {
        let mut names: Vec<&str> = match self {
            Scope::Global { before } => {
                model.global_args.iter().filter(|&&i| i < before).flat_map(|&i| model.declared_names(i)).collect()
            }
            Scope::Stage { stage, upto } => model.names_in(stage, upto),
        };
        names.sort_unstable();
        names.dedup();
        let predefined = PREDEFINED_ARGS.iter().filter(|name| !names.contains(name)).copied().collect::<Vec<_>>();
        names.extend(predefined);
        names
    }
}

/// The keys of the parser directive lines at the top of the file (`syntax` in `# syntax=...`).
fn directive_keys(source: &str) -> Vec<Span> {
    syntax::directive_lines(source).into_iter().map(|(key, _)| key.span).collect()
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
