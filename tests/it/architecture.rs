//! The layering the README's Architecture section promises, checked on the source.

use crate::support::repo_path;
use std::path::Path;

/// Layers in order; a layer may use only those before it.
const LAYERS: [&str; 6] = ["text", "syntax", "shell", "semantic", "lint", "rules"];

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn layer_files(layer: &str) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let dir = repo_path(&format!("src/{layer}"));
    if dir.is_dir() {
        sources(&dir, &mut files);
    } else {
        files.push(repo_path(&format!("src/{layer}.rs")));
    }
    files
}

#[test]
fn lower_layers_never_use_higher_ones() {
    let front_ends = ["fix", "ide", "report", "config", "grade", "cli", "lsp", "lint_source"];
    let mut violations = Vec::new();
    for (position, layer) in LAYERS.iter().enumerate() {
        let higher: Vec<&str> = LAYERS[position + 1..].iter().copied().chain(front_ends).collect();
        for file in layer_files(layer) {
            let text = std::fs::read_to_string(&file).unwrap();
            for (number, line) in text.lines().enumerate() {
                for name in &higher {
                    if line.contains(&format!("crate::{name}")) {
                        violations.push(format!("{}:{}: {layer} uses {name}", file.display(), number + 1));
                    }
                }
            }
        }
    }
    assert!(violations.is_empty(), "{}", violations.join("\n"));
}

#[test]
fn only_the_parsing_modules_touch_tree_sitter() {
    let mut files = Vec::new();
    sources(&repo_path("src"), &mut files);
    let allowed = [repo_path("src/syntax/parse.rs"), repo_path("src/shell/mod.rs")];
    let offenders: Vec<String> = files
        .iter()
        .filter(|f| !allowed.contains(f))
        .filter(|f| std::fs::read_to_string(f).unwrap().contains("tree_sitter"))
        .map(|f| f.display().to_string())
        .collect();
    assert!(offenders.is_empty(), "tree-sitter used outside the parsing modules: {offenders:?}");
}
