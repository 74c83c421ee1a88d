//! dlint: a Dockerfile linter. Layers, lowest first: text, syntax, shell, semantic, lint, rules, then the
//! front ends (fix, report, config, cli). A layer uses only the layers before it.

pub mod cli;
pub mod config;
pub mod fix;
pub mod lint;
pub mod report;
pub mod rules;
pub mod semantic;
pub mod shell;
pub mod syntax;
pub mod text;

pub use lint::{Diagnostic, Settings, Severity};

/// Lints one Dockerfile's text with every registered rule. Never fails: syntax errors are diagnostics.
pub fn lint_source(source: &str, settings: &Settings) -> Vec<Diagnostic> {
    let file = syntax::parse(source);
    let model = semantic::Model::build(source, &file);
    lint::run(&model, rules::REGISTRY, settings, &|code| rules::find(code).map(|info| info.meta))
}
