//! `--shellcheck`: ShellCheck's findings at exact Dockerfile positions, suppressible by SC code.

use crate::dlint;
use std::path::Path;
use std::process::Command;

fn has_shellcheck() -> bool {
    Command::new("shellcheck").arg("--version").output().is_ok_and(|o| o.status.success())
}

#[test]
fn findings_map_to_dockerfile_positions_and_honour_suppressions() {
    if !has_shellcheck() {
        eprintln!("SKIPPED: no `shellcheck` on PATH (apt-get install shellcheck)");
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/cli/shellcheck");
    let args = ["check", "--no-config", "--shellcheck", "--select", "DF040", "--format", "json", "Dockerfile"];
    let out = dlint(&dir, &args, None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let parsed: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let findings: Vec<String> = parsed
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{} {}:{}", f["code"].as_str().unwrap(), f["line"], f["column"]))
        .collect();
    assert_eq!(
        findings,
        [
            // `$VERSION` and `$APP_HOME` are declared, so only `$undefined` is unset.
            "SC2086 4:10",
            "SC2086 4:19",
            "SC2086 4:29",
            "SC2154 4:29",
            // Across a continuation line with a comment inside.
            "SC2086 6:11",
            "DF040 6:24",
            // `# hadolint ignore=SC2086` and `# dlint ignore=SC2154` hold; the heredoc maps line for line.
            "SC2045 13:10",
            "SC2086 13:25",
            // A tab and a multi-byte character before the finding.
            "SC2086 16:10",
            "SC2086 16:23",
            "SC2154 16:23",
        ]
    );
}

#[test]
fn asking_for_shellcheck_without_the_program_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    crate::write(dir.path(), "Dockerfile", "FROM alpine:3.20\nRUN echo $x\n");
    let out = Command::new(env!("CARGO_BIN_EXE_dlint"))
        .args(["check", "--no-config", "--shellcheck", "Dockerfile"])
        .current_dir(dir.path())
        .env("PATH", dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no `shellcheck` program is on PATH"));
}
