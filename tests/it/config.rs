//! Config schema errors (through the library) and discovery (through the binary).

use crate::{dlint, write};
use dlint::config::{parse, KnownRules};
use std::path::Path;

fn error_of(text: &str) -> String {
    let known = KnownRules::new(["DL3008", "DL3059", "pin-versions"]);
    parse(text, Path::new("dlint.toml"), &known).unwrap_err().to_string()
}

#[test]
fn unknown_field_names_file_line_and_column() {
    let error = error_of("ignore = []\n\nselcet = [\"DL3008\"]\n");
    assert!(error.starts_with("dlint.toml:3:1: unknown field `selcet`, expected one of"), "{error}");
    assert!(error.ends_with("; did you mean `select`?"), "{error}");
}

#[test]
fn unknown_nested_field() {
    let error = error_of("[options]\ntrusted-registry = []\n");
    assert!(error.starts_with("dlint.toml:2:1: unknown field `trusted-registry`"), "{error}");
    assert!(error.ends_with("did you mean `trusted-registries`?"), "{error}");
    let far = error_of("[options]\ncompletely-different = []\n");
    assert!(!far.contains("did you mean"), "{far}");
}

#[test]
fn wrong_type() {
    let error = error_of("ignore = \"DL3008\"\n");
    assert!(error.starts_with("dlint.toml:1:10: invalid type: string \"DL3008\", expected a sequence"), "{error}");
    let error = error_of("[options]\nstrict-labels = \"yes\"\n");
    assert!(error.starts_with("dlint.toml:2:17: invalid type: string"), "{error}");
}

#[test]
fn unknown_codes_in_every_list_with_suggestion() {
    assert_eq!(
        error_of("select = [\"DL3008\", \"DL3009\"]\n"),
        "dlint.toml:1:21: unknown rule `DL3009`; did you mean `DL3008`?"
    );
    assert_eq!(error_of("ignore = [\"nope\"]\n"), "dlint.toml:1:11: unknown rule `nope`");
    assert_eq!(error_of("extend-select = [\"DF999\"]\n"), "dlint.toml:1:18: unknown rule `DF999`");
    assert_eq!(
        error_of("[severity]\nDL3O08 = \"error\"\n"),
        "dlint.toml:2:1: unknown rule `DL3O08`; did you mean `DL3008`?"
    );
}

#[test]
fn codes_are_case_insensitive_and_all_is_accepted() {
    let known = KnownRules::new(["DL3008"]);
    let settings = parse("select = [\"all\"]\nignore = [\"dl3008\"]\n", Path::new("dlint.toml"), &known).unwrap();
    assert!(settings.select.unwrap().contains("ALL"));
    assert!(settings.ignore.contains("DL3008"));
}

#[test]
fn unknown_severity() {
    let error = error_of("[severity]\nDL3008 = \"fatal\"\n");
    assert!(error.starts_with("dlint.toml:2:10: unknown variant `fatal`, expected one of"), "{error}");
    let error = error_of("fail-level = \"high\"\n");
    assert!(error.starts_with("dlint.toml:1:14: unknown variant `high`"), "{error}");
}

#[test]
fn invalid_toml() {
    let error = error_of("select = [\n");
    assert!(error.starts_with("dlint.toml:"), "{error}");
}

const BROKEN: &str = "selcet = []\n";

/// A tree with a broken config at the top and a valid one nearer to `sub/Dockerfile`.
fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "dlint.toml", BROKEN);
    write(dir.path(), "Dockerfile", "FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\n");
    write(dir.path(), "sub/.dlint.toml", "ignore = []\n");
    write(dir.path(), "sub/Dockerfile", "FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\n");
    write(dir.path(), "valid.toml", "fail-level = \"error\"\n");
    dir
}

#[test]
fn nearest_config_wins() {
    let dir = tree();
    let out = dlint(dir.path(), &["check", "sub/Dockerfile"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = dlint(&dir.path().join("sub"), &["check", "Dockerfile"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn broken_config_found_by_discovery_is_an_error() {
    let dir = tree();
    let out = dlint(dir.path(), &["check", "Dockerfile"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("error: dlint.toml:1:1: unknown field `selcet`"), "{}", out.stderr);
    // Discovery walks up from the file, not from the working directory.
    let out = dlint(&dir.path().join("sub"), &["check", "../Dockerfile"], None);
    assert_eq!(out.code, 2, "{}", out.stderr);
}

#[test]
fn config_flag_overrides_discovery_and_no_config_disables_it() {
    let dir = tree();
    let out = dlint(dir.path(), &["check", "--config", "valid.toml", "Dockerfile"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = dlint(dir.path(), &["check", "--no-config", "Dockerfile"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = dlint(&dir.path().join("sub"), &["--config", "../dlint.toml", "Dockerfile"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("error: ../dlint.toml:1:1: unknown field"), "{}", out.stderr);
    let out = dlint(dir.path(), &["--config", "missing.toml", "Dockerfile"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("error: missing.toml: "), "{}", out.stderr);
}

#[test]
fn stdin_discovers_config_from_stdin_filename() {
    let dir = tree();
    let out = dlint(
        dir.path(),
        &["check", "--stdin-filename", "sub/Dockerfile", "-"],
        Some("FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\n"),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = dlint(
        dir.path(),
        &["check", "--stdin-filename", "Dockerfile", "-"],
        Some("FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\n"),
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
}

#[test]
fn hadolint_configs_apply_where_no_dlint_config_is_nearer() {
    let dir = tempfile::tempdir().unwrap();
    let dockerfile = "FROM debian\nUSER nobody\nHEALTHCHECK NONE\n";
    write(dir.path(), "a/Dockerfile", dockerfile);
    write(dir.path(), "a/.hadolint.yaml", "ignored:\n  - DL3006\n");
    let out = dlint(dir.path(), &["check", "--format", "json", "a/Dockerfile"], None);
    assert_eq!(out.code, 0, "DL3006 is ignored by hadolint's config: {}", out.stdout);

    write(dir.path(), "b/Dockerfile", dockerfile);
    write(dir.path(), "b/.hadolint.yml", "override:\n  error: [DL3006]\nfailure-threshold: error\n");
    let out = dlint(dir.path(), &["check", "--format", "json", "b/Dockerfile"], None);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("\"severity\": \"error\""), "{}", out.stdout);
    write(dir.path(), "b/.hadolint.yml", "no-fail: true\n");
    assert_eq!(dlint(dir.path(), &["check", "b/Dockerfile"], None).code, 0, "no-fail never fails");

    write(dir.path(), "c/Dockerfile", dockerfile);
    write(dir.path(), "c/.hadolint.yaml", "ignored: [DL3006]\n");
    write(dir.path(), "c/dlint.toml", "ignore = []\n");
    assert_eq!(dlint(dir.path(), &["check", "c/Dockerfile"], None).code, 1, "dlint.toml wins in one directory");

    let commented = "# hadolint ignore=DL3006\nFROM debian\n# dlint ignore=DL3007\nFROM debian:latest\nUSER nobody\nHEALTHCHECK NONE\n";
    write(dir.path(), "e/Dockerfile", commented);
    write(dir.path(), "e/.hadolint.yaml", "ignored: [DL3059]\n");
    let out = dlint(dir.path(), &["check", "--format", "json", "e/Dockerfile"], None);
    assert!(!out.stdout.contains("DL3006") && !out.stdout.contains("DL3007"), "{}", out.stdout);
    write(dir.path(), "e/.hadolint.yaml", "disable-ignore-pragma: true\n");
    let out = dlint(dir.path(), &["check", "--format", "json", "e/Dockerfile"], None);
    assert!(out.stdout.contains("DL3006"), "hadolint comments are off: {}", out.stdout);
    assert!(!out.stdout.contains("DL3007"), "dlint's own comments still apply: {}", out.stdout);

    write(dir.path(), "d/Dockerfile", dockerfile);
    write(dir.path(), "d/.hadolint.yaml", "ignored: [DL3006]\nfailure-threshold: maybe\n");
    let out = dlint(dir.path(), &["check", "d/Dockerfile"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("d/.hadolint.yaml:2:20: failure-threshold: unknown variant `maybe`"), "{}", out.stderr);
}
