//! Inputs on which a fuzz target (fuzz/, run by scripts/fuzz.sh) once failed, kept in
//! testdata/fuzz/TARGET/ and checked here with the same checks as the target that found them.

#[path = "../../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod checks;

use crate::support::repo_path;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = repo_path(&format!("testdata/fuzz/{target}"));
    let mut inputs: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            (path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&path).unwrap())
        })
        .collect();
    inputs.sort();
    inputs
}

fn text(name: &str, bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap_or_else(|_| panic!("{name}: the text targets only get UTF-8"))
}

#[test]
fn parse_and_lint_findings_stay_fixed() {
    let inputs = inputs("parse_lint");
    assert!(!inputs.is_empty());
    for (name, bytes) in inputs {
        eprintln!("{name}");
        checks::lint(&text(&name, &bytes));
    }
}

#[test]
fn fix_findings_stay_fixed() {
    for (name, bytes) in inputs("fix") {
        eprintln!("{name}");
        checks::fix(&text(&name, &bytes));
    }
}

#[cfg(feature = "lsp")]
#[test]
fn language_server_edit_findings_stay_fixed() {
    for (name, bytes) in inputs("lsp_edits") {
        eprintln!("{name}");
        checks::lsp_edits(&bytes);
    }
}
