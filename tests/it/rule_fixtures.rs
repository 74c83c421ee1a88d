//! Snapshot fixtures per rule: `testdata/rules/CODE/*.Dockerfile`, linted with only that rule, the
//! findings (exact positions, messages, fixes) compared with `snapshots/`. A `<case>.toml` next to a
//! fixture supplies rule options (`[options]` as in dlint.toml).

use crate::support::{only, render, repo_path};

#[test]
fn fixtures_match_snapshots() {
    let root = repo_path("testdata/rules");
    let mut dirs: Vec<_> =
        std::fs::read_dir(&root).expect("testdata/rules exists").map(|e| e.unwrap().path()).collect();
    dirs.sort();
    let mut checked = 0;
    for dir in dirs {
        let code = dir.file_name().unwrap().to_string_lossy().to_string();
        assert!(dlint::rules::find(&code).is_some(), "testdata/rules/{code} names no rule");
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "Dockerfile")) {
            let source = std::fs::read_to_string(file).unwrap();
            let findings = dlint::lint_source(&source, &settings_for(&code, file));
            let name = format!("{code}__{}", file.file_stem().unwrap().to_string_lossy());
            insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, input_file => file }, {
                insta::assert_snapshot!(name, render(&source, &findings));
            });
            checked += 1;
        }
    }
    assert!(checked > 0);
}

fn settings_for(code: &str, fixture: &std::path::Path) -> dlint::lint::Settings {
    let mut settings = only(code);
    let config = fixture.with_extension("toml");
    if let Ok(text) = std::fs::read_to_string(&config) {
        let known = dlint::config::KnownRules::registry();
        settings.options = dlint::config::parse(&text, &config, &known).expect("fixture options parse").options;
    }
    settings
}
