//! Robustness over real Dockerfiles: ../shared/corpus when it is beside the checkout, the project's
//! own testdata otherwise. Every file is linted with every rule without a panic, every span is a valid
//! range of the file, and the syntax-error count stays within what the corpus's invalid files explain.

use crate::support::repo_path;
use dlint::lint::Settings;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Every Dockerfile under `root` (`Dockerfile` or `*.Dockerfile`), in directory order.
pub(crate) fn dockerfiles(root: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(root) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            dockerfiles(&path, out);
        } else if path.extension().is_some_and(|e| e == "Dockerfile")
            || path.file_name().is_some_and(|n| n == "Dockerfile")
        {
            out.push(path);
        }
    }
}

#[test]
fn every_corpus_file_lints_without_panic() {
    let shared = repo_path("../shared/corpus");
    let (root, full_corpus) = if shared.is_dir() { (shared, true) } else { (repo_path("testdata"), false) };
    let mut files = Vec::new();
    dockerfiles(&root, &mut files);
    files.sort();
    assert!(!files.is_empty(), "no Dockerfiles under {}", root.display());
    let settings = Settings { extend_select: BTreeSet::from(["ALL".to_string()]), ..Settings::default() };
    let mut with_syntax_errors = 0;
    let mut panics = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        let source = String::from_utf8_lossy(&bytes);
        let result = std::panic::catch_unwind(|| dlint::lint_source(&source, &settings));
        match result {
            Ok(diagnostics) => {
                for d in &diagnostics {
                    assert!(d.span.start <= d.span.end && d.span.end <= source.len(), "{}: {d:?}", file.display());
                    assert!(
                        source.is_char_boundary(d.span.start) && source.is_char_boundary(d.span.end),
                        "{}: {d:?}",
                        file.display()
                    );
                }
                if diagnostics.iter().any(|d| d.code == "DL1000") {
                    with_syntax_errors += 1;
                }
            }
            Err(_) => panics.push(file.display().to_string()),
        }
    }
    eprintln!("corpus: {} files from {}, {} with syntax errors", files.len(), root.display(), with_syntax_errors);
    assert!(panics.is_empty(), "panicked on:\n{}", panics.join("\n"));
    if full_corpus {
        // The corpus has a few dozen templates and deliberately invalid parser test inputs; valid
        // Dockerfiles must not get syntax errors, so the count is bounded well below 1%.
        assert!(
            with_syntax_errors * 100 < files.len(),
            "{with_syntax_errors} of {} files have syntax errors",
            files.len()
        );
    }
}

/// Rules that answer to the same BuildKit name are one check: no file may get that finding twice,
/// once under each code.
#[test]
fn no_check_is_reported_twice_under_two_codes() {
    let rules: Vec<_> = dlint::rules::all().map(|r| r.meta).collect();
    let mut pairs = Vec::new();
    for (i, a) in rules.iter().enumerate() {
        for b in &rules[i + 1..] {
            if a.aliases.iter().any(|x| b.aliases.iter().any(|y| x.eq_ignore_ascii_case(y))) {
                pairs.push((a.code, b.code));
            }
        }
    }
    let shared = repo_path("../shared/corpus");
    let root = if shared.is_dir() { shared } else { repo_path("testdata") };
    let mut files = Vec::new();
    dockerfiles(&root, &mut files);
    files.sort();
    let settings = Settings { extend_select: BTreeSet::from(["ALL".to_string()]), ..Settings::default() };
    let mut twice = Vec::new();
    for file in &files {
        let source = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
        let diagnostics = dlint::lint_source(&source, &settings);
        for (a, b) in &pairs {
            let spans_of =
                |code: &str| diagnostics.iter().filter(|d| d.code == code).map(|d| d.span).collect::<Vec<_>>();
            let spans_of_b = spans_of(b);
            for span in spans_of(a).iter().filter(|s| spans_of_b.contains(s)) {
                twice.push(format!("{}: {a} and {b} at {span:?}", file.display()));
            }
        }
    }
    eprintln!("{} rule pairs share a BuildKit name; {} files checked", pairs.len(), files.len());
    assert!(twice.is_empty(), "one check reported under two codes:\n{}", twice.join("\n"));
}
