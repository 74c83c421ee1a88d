//! The VS Code extension builds from its lock file (`npm ci && npm run compile`, in a copy of
//! editors/vscode), and the commands and settings its manifest declares are the ones its code uses.

use crate::support::{has_program, repo_path, wait_at_most};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Runs `npm args` in `dir`, failing the test with npm's output if it fails.
fn npm(dir: &Path, args: &[&str]) {
    let log_path = dir.join(format!("npm-{}.log", args[0]));
    let log = std::fs::File::create(&log_path).unwrap();
    let mut child = Command::new("npm")
        .args(args)
        .args(["--no-audit", "--no-fund"])
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .expect("npm starts");
    let status = wait_at_most(&mut child, Duration::from_secs(300));
    let output = std::fs::read_to_string(&log_path).unwrap_or_default();
    assert!(status.success(), "npm {} failed:\n{output}", args.join(" "));
}

#[test]
fn extension_compiles_and_uses_what_its_manifest_declares() {
    if !has_program("npm", "--version") {
        return;
    }
    let source = repo_path("editors/vscode");
    let dir = tempfile::tempdir().unwrap();
    for file in ["package.json", "package-lock.json", "tsconfig.json", "src/extension.ts"] {
        crate::write(dir.path(), file, std::fs::read(source.join(file)).unwrap());
    }
    npm(dir.path(), &["ci"]);
    npm(dir.path(), &["run", "compile"]);

    let manifest: Value = serde_json::from_slice(&std::fs::read(source.join("package.json")).unwrap()).unwrap();
    let main = manifest["main"].as_str().unwrap();
    let compiled = std::fs::read_to_string(dir.path().join(main)).expect("`main` names the compiled extension");
    let contributes = &manifest["contributes"];
    for command in contributes["commands"].as_array().unwrap() {
        let id = command["command"].as_str().unwrap();
        assert!(compiled.contains(&format!("'{id}'")), "{id} is declared but never registered");
    }
    let mut settings: Vec<&str> =
        contributes["configuration"]["properties"].as_object().unwrap().keys().map(String::as_str).collect();
    settings.sort();
    assert_eq!(settings, ["dlint.config", "dlint.path", "dlint.trace.server"]);
    for setting in ["path", "config"] {
        assert!(compiled.contains(&format!("get('{setting}')")), "the extension reads dlint.{setting}");
    }
    assert_eq!(contributes["languages"][0]["id"], "dockerfile");
}
