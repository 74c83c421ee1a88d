//! The `dlint` binary: argument handling, file discovery, exit codes and output streams.

use crate::{dlint, write};
use serde_json::Value;
use std::path::{Path, PathBuf};

const INVALID_UTF8: &[u8] = b"FROM alpine\n\xff\n";

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/cli")
}

/// Lint files from testdata/cli as JSON; the findings there depend on the rules that exist.
fn lint_testdata(files: &[&str], extra: &[&str]) -> (i32, Vec<Value>) {
    let mut args = vec!["check", "--no-config", "--format", "json"];
    args.extend(extra);
    args.extend(files);
    let out = dlint(&testdata(), &args, None);
    assert_ne!(out.code, 2, "{}", out.stderr);
    let Value::Array(findings) = serde_json::from_str(&out.stdout).expect("JSON output") else {
        panic!("not an array: {}", out.stdout)
    };
    (out.code, findings)
}

#[test]
fn check_is_the_default_command() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "Dockerfile", "FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\n");
    for args in [&["Dockerfile"][..], &["check", "Dockerfile"], &[], &["--format", "tty"]] {
        let out = dlint(dir.path(), args, None);
        assert_eq!((out.code, out.stdout.as_str()), (0, "No problems found in 1 file\n"), "{args:?}: {}", out.stderr);
    }
}

#[test]
fn directories_are_walked_for_dockerfile_names_honouring_gitignore() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["Dockerfile", "Dockerfile.dev", "a/api.Dockerfile", "a/b/web.dockerfile", "Containerfile"] {
        write(dir.path(), name, "FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\n");
    }
    for name in ["c/Containerfile.prod", "c/x.containerfile"] {
        write(dir.path(), name, "FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\n");
    }
    // Read any of these and the run fails on invalid UTF-8.
    for name in ["README.md", "Dockerfiles", "ignored/Dockerfile", "skip.Dockerfile", ".hidden/Dockerfile"] {
        write(dir.path(), name, INVALID_UTF8);
    }
    write(dir.path(), ".gitignore", "ignored/\nskip.*\n");
    let out = dlint(dir.path(), &[], None);
    assert_eq!((out.code, out.stdout.as_str()), (0, "No problems found in 7 files\n"), "{}", out.stderr);
    let out = dlint(dir.path(), &["a", "c"], None);
    assert_eq!(out.stdout, "No problems found in 4 files\n", "{}", out.stderr);
}

#[test]
fn named_files_are_linted_whatever_their_name_or_ignore_status() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.txt", "FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\n");
    write(dir.path(), "ignored/Dockerfile", INVALID_UTF8);
    write(dir.path(), ".gitignore", "ignored/\n");
    assert_eq!(dlint(dir.path(), &["notes.txt"], None).stdout, "No problems found in 1 file\n");
    let out = dlint(dir.path(), &["ignored/Dockerfile"], None);
    assert_eq!(out.code, 2);
    assert_eq!(out.stderr, "error: ignored/Dockerfile:2:1: not valid UTF-8 (dlint reads UTF-8 text)\n");
}

#[test]
fn unreadable_files_are_reported_and_the_others_still_linted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "Dockerfile", "FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\n");
    write(dir.path(), "bad.Dockerfile", INVALID_UTF8);
    let out = dlint(dir.path(), &["missing.Dockerfile", "bad.Dockerfile", "Dockerfile"], None);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("error: bad.Dockerfile:2:1: not valid UTF-8 (dlint reads UTF-8 text)\n"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("error: missing.Dockerfile: "), "{}", out.stderr);
    assert_eq!(out.stdout, "No problems found in 1 file\n");
    let out = dlint(dir.path(), &["--format", "json", "missing.Dockerfile", "Dockerfile"], None);
    assert_eq!((out.code, out.stdout.as_str()), (2, "[]\n"));
}

#[test]
fn stdin_is_linted_and_fixed_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let text = "FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\nRUN echo hi\n";
    let out = dlint(dir.path(), &["-"], Some(text));
    assert_eq!((out.code, out.stdout.as_str()), (0, "No problems found in 1 file\n"), "{}", out.stderr);
    let out = dlint(dir.path(), &["--fix", "--stdin-filename", "sub/Dockerfile", "-"], Some(text));
    assert_eq!((out.code, out.stdout.as_str()), (0, text), "{}", out.stderr);
    assert!(out.stderr.contains("No problems found in 1 file"), "{}", out.stderr);
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["--fail-level", "fatal"][..], &["--format", "xml"], &["--fix", "--diff"], &["--frobnicate"]] {
        assert_eq!(dlint(dir.path(), args, None).code, 2, "{args:?}");
    }
    assert_eq!(dlint(dir.path(), &["--config", "a.toml", "--no-config"], None).code, 2);
}

#[test]
fn fix_and_diff_leave_a_clean_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let text = "FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\n";
    write(dir.path(), "Dockerfile", text);
    let out = dlint(dir.path(), &["--diff", "Dockerfile"], None);
    assert_eq!((out.code, out.stdout.as_str()), (0, ""), "{}", out.stderr);
    let out = dlint(dir.path(), &["--fix", "Dockerfile"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(dir.path().join("Dockerfile")).unwrap(), text);
}

/// Whatever the rules find, `--diff` shows exactly what `--fix` then writes, and the exit code agrees with
/// the findings left.
#[test]
fn diff_previews_fix() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["clean.Dockerfile", "broken.Dockerfile"] {
        std::fs::copy(testdata().join(name), dir.path().join(name)).unwrap();
    }
    let before = std::fs::read_to_string(dir.path().join("broken.Dockerfile")).unwrap();
    let diff = dlint(dir.path(), &["--no-config", "--diff", "."], None);
    assert_ne!(diff.code, 2, "{}", diff.stderr);
    assert_eq!(diff.code == 1, !diff.stdout.is_empty());
    let fix = dlint(dir.path(), &["--no-config", "--fix", "--format", "json", "."], None);
    let after = std::fs::read_to_string(dir.path().join("broken.Dockerfile")).unwrap();
    assert_eq!(diff.stdout.contains("broken.Dockerfile"), before != after);
    let remaining: Vec<Value> = serde_json::from_str(&fix.stdout).unwrap();
    assert_eq!(fix.code == 1, !remaining.is_empty(), "{}", fix.stderr);
    let again = dlint(dir.path(), &["--no-config", "--diff", "."], None);
    assert_eq!((again.code, again.stdout.as_str()), (0, ""), "fixes converge");
}

#[test]
fn json_findings_have_the_documented_shape_and_order() {
    let (code, findings) = lint_testdata(&["clean.Dockerfile", "broken.Dockerfile"], &["--fail-level", "style"]);
    assert_eq!(code == 1, !findings.is_empty());
    let keys =
        ["code", "column", "end_column", "end_line", "fix", "help", "line", "message", "name", "path", "severity"];
    let order: Vec<_> = findings
        .iter()
        .map(|f| {
            let mut found: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
            found.sort();
            assert_eq!(found, keys);
            (f["path"].as_str().unwrap().to_owned(), f["line"].as_u64(), f["column"].as_u64())
        })
        .collect();
    assert!(order.is_sorted());
}

#[test]
fn syntax_errors_are_findings() {
    let (code, findings) = lint_testdata(&["broken.Dockerfile"], &["--select", "DL1000"]);
    assert_eq!(code, 1);
    assert_eq!(findings[0]["code"], "DL1000");
    assert_eq!(findings[0]["severity"], "error");
    assert_eq!(findings[0]["line"], 3);
    let (code, _) = lint_testdata(&["broken.Dockerfile"], &["--select", "DL1000", "--ignore", "DL1000"]);
    assert_eq!(code, 0);
}

#[test]
fn rules_lists_every_rule_as_a_table_or_json() {
    let dir = tempfile::tempdir().unwrap();
    let table = dlint(dir.path(), &["rules"], None);
    assert_eq!(table.code, 0);
    let mut lines = table.stdout.lines();
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["CODE", "NAME", "SEVERITY", "DEFAULT", "FIX", "SUMMARY"]);
    let json = dlint(dir.path(), &["rules", "--format", "json"], None);
    let rules: Vec<Value> = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(rules.len(), lines.count());
    for rule in rules {
        let code = rule["code"].as_str().unwrap();
        let out = dlint(dir.path(), &["rule", &code.to_lowercase()], None);
        assert!(out.code == 0 && !out.stdout.is_empty(), "{code}");
    }
}

#[test]
fn unknown_rule_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for command in ["rule", "explain"] {
        let out = dlint(dir.path(), &[command, "NOPE999"], None);
        assert_eq!(out.code, 2);
        assert!(out.stderr.starts_with("error: unknown rule `NOPE999`"), "{}", out.stderr);
    }
}

#[test]
fn exit_code_follows_the_fail_level() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "Dockerfile", "FROM alpine\nUSER nobody\nHEALTHCHECK NONE\n");
    let out = dlint(dir.path(), &["check", "--format", "json"], None);
    assert_eq!(out.code, 1, "a warning fails at the default level");
    let findings: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        (findings[0]["code"].as_str(), findings[0]["line"].as_u64(), findings[0]["column"].as_u64()),
        (Some("DL3006"), Some(1), Some(6))
    );
    assert_eq!(dlint(dir.path(), &["check", "--fail-level", "error"], None).code, 0);
    assert_eq!(dlint(dir.path(), &["Dockerfile", "--ignore", "DL3006"], None).code, 0);
}

#[test]
fn context_dockerignore_drives_copy_ignored_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ctx/.dockerignore", "secrets/\n*.log\n!keep.log\n");
    write(
        dir.path(),
        "ctx/Dockerfile",
        "FROM alpine:3.20\nCOPY secrets/key /k\nCOPY keep.log app.log /logs/\nCOPY src /src\n",
    );
    let out = dlint(
        dir.path(),
        &["check", "--select", "BK012", "--context", "ctx", "--format", "json", "ctx/Dockerfile"],
        None,
    );
    let findings: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    let lines: Vec<(u64, u64)> =
        findings.iter().map(|f| (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap())).collect();
    assert_eq!(lines, [(2, 6), (3, 15)], "{}", out.stdout);
    let without = dlint(dir.path(), &["check", "--select", "BK012", "ctx/Dockerfile"], None);
    assert_eq!(without.code, 0, "no context, nothing to check against");
}

#[cfg(feature = "lsp")]
#[test]
fn lsp_with_a_broken_config_fails_before_serving() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "dlint.toml", "ignore = [\"NOPE999\"]\n");
    let out = dlint(dir.path(), &["lsp", "--config", "dlint.toml"], Some(""));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("dlint.toml") && out.stderr.contains("NOPE999"), "{}", out.stderr);
    let missing = dlint(dir.path(), &["lsp", "--config", "missing.toml"], Some(""));
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("missing.toml"), "{}", missing.stderr);
}

/// `--parse-only` (for benchmarks) reads and parses and says nothing, except about unreadable files.
#[test]
fn parse_only_reports_nothing_but_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app/Dockerfile", "FROM alpine\nRUN apt-get install curl | tee log\n");
    let out = dlint(dir.path(), &["check", "--parse-only", "app"], None);
    assert_eq!((out.code, out.stdout.as_str(), out.stderr.as_str()), (0, "", ""));
    write(dir.path(), "app/bad.Dockerfile", INVALID_UTF8);
    let out = dlint(dir.path(), &["check", "--parse-only", "app"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("bad.Dockerfile:2:"), "{}", out.stderr);
}

/// On Linux with glibc the executable is linked at a fixed address (build.rs), so starting it patches no
/// pointers: ELF type `EXEC`, not the position-independent `DYN`.
#[test]
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn the_executable_is_linked_at_a_fixed_address() {
    let binary = std::fs::read(env!("CARGO_BIN_EXE_dlint")).unwrap();
    assert_eq!(&binary[..4], b"\x7fELF");
    let elf_type = u16::from_le_bytes([binary[16], binary[17]]);
    assert_eq!(elf_type, 2, "ET_EXEC expected, found ELF type {elf_type}");
}
