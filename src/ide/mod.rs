//! Editor features over one Dockerfile: pure functions of its text and model that answer in byte offsets
//! and spans. The language server only converts their answers to the protocol; nothing here does IO or
//! knows about UTF-16.

pub mod actions;

use crate::semantic::Model;
use crate::syntax::{self, Dockerfile};

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
