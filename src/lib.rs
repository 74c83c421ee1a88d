//! dlint: a Dockerfile linter. Layers, lowest first: text, syntax, shell, semantic, lint, rules, then the
//! front ends (fix, report, config, cli). A layer uses only the layers before it.

pub mod lint;
pub mod rules;
pub mod text;

pub mod suggest;

pub mod cli;
pub mod config;
pub mod fix;
pub mod report;

pub use lint::{lint_source, Diagnostic, Settings, Severity};
