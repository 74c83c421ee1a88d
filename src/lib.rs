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

/// What one document (an editor's, or a file being fixed) keeps between lints: its last syntax tree and
/// its parsed shell commands.
#[derive(Default)]
pub struct DocumentCache {
    tree: syntax::TreeCache,
    scripts: shell::ScriptCache,
}

/// Lints like [`lint_source`] the next version of a document, reusing what `cache` holds from its earlier
/// versions: the parts of the syntax tree a change did not touch, and the commands whose text is the same.
pub fn lint_source_cached(source: &str, settings: &Settings, cache: &DocumentCache) -> Vec<Diagnostic> {
    let file = syntax::parse_cached(source, &cache.tree);
    let model = semantic::Model::build_with(source, &file, Some(&cache.scripts));
    let found = lint_model(&model, settings, &|_| Vec::new());
    cache.scripts.prune();
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
