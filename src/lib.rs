//! dlint: a Dockerfile linter. Layers, lowest first: text, syntax, shell, semantic, lint, rules, then the
//! front ends (fix, ide, report, config, docker, grade, cli, lsp). A layer uses only the layers before it.

pub mod cli;
pub mod config;
#[cfg(feature = "docker")]
pub mod docker;
pub mod fix;
pub mod grade;
pub mod ide;
pub mod lint;
#[cfg(feature = "lsp")]
pub mod lsp;
pub mod report;
pub mod rules;
pub mod semantic;
pub mod shell;
pub mod syntax;
pub mod text;

pub use lint::{Diagnostic, Settings, Severity};

/// Lints one Dockerfile's text with every registered rule. Never fails: syntax errors are diagnostics.
pub fn lint_source(source: &str, settings: &Settings) -> Vec<Diagnostic> {
    lint_source_with(source, settings, &|_| Vec::new())
}

/// Lints like [`lint_source`], adding the findings `external` makes of the model (an outside tool's,
/// such as ShellCheck's); suppression comments apply to them too.
pub fn lint_source_with(
    source: &str,
    settings: &Settings,
    external: &dyn Fn(&semantic::Model) -> Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let file = syntax::parse(source);
    lint_model(&semantic::Model::build(source, &file), settings, external)
}

/// Lints like [`lint_source`], reusing the shell scripts `scripts` holds from earlier versions of the
/// same document (an editor's): only commands whose text changed are parsed again.
pub fn lint_source_cached(source: &str, settings: &Settings, scripts: &shell::ScriptCache) -> Vec<Diagnostic> {
    let file = syntax::parse(source);
    let found = lint_model(&semantic::Model::build_with(source, &file, Some(scripts)), settings, &|_| Vec::new());
    scripts.prune();
    found
}

/// Lints like [`lint_source_with`] a model the caller has built and uses for more (grading reads the
/// stages of the same model).
pub fn lint_model(
    model: &semantic::Model,
    settings: &Settings,
    external: &dyn Fn(&semantic::Model) -> Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let found = external(model);
    lint::run(model, rules::REGISTRY, settings, &|code| rules::find(code).map(|info| info.meta), found)
}
