//! The Dockerfile syntax layer: tree-sitter-containerfile parsed into an owned, typed tree.

mod ast;
pub mod lines;
mod parse;

pub use ast::*;
pub use parse::{directive_lines, parse, parse_cached, TreeCache};
