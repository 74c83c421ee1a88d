//! The report formats of the real binary: a snapshot of each over `testdata/cli/formats` (a file with a
//! related place and fixes, one with non-ASCII text before its findings, a clean one), the SARIF checked
//! against the official schema, GitLab fingerprints, standard input's name, and `--output`.

use crate::{dlint, write, Output};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// The rules the fixtures are about, so that rules added later do not change the snapshots.
const RULES: &str = "DF001,DL3008,DL3009,DL3013,DL3015,DL3018,DL3019,DL3024,DL3042,DL3057";

fn check_fixtures(format: &str) -> Output {
    let cli = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/cli");
    let out = dlint(&cli, &["check", "--no-config", "--select", RULES, "--format", format, "formats"], None);
    assert_eq!(out.code, 1, "findings make the exit code 1: {}", out.stderr);
    assert_eq!(out.stderr, "", "nothing but the report");
    out
}

fn assert_format_snapshot(format: &str, report: &str) {
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(format!("report_formats__{format}"), report);
    });
}

#[test]
fn report_text_formats_match_snapshots() {
    for format in ["checkstyle", "concise", "github", "gitlab", "gnu", "junit"] {
        assert_format_snapshot(format, &check_fixtures(format).stdout);
    }
}

#[test]
fn report_sarif_is_valid_and_matches_snapshot() {
    let sarif = check_fixtures("sarif").stdout;
    let log: Value = serde_json::from_str(&sarif).expect("SARIF is JSON");
    let errors = schema_errors(&log);
    assert!(errors.is_empty(), "SARIF does not follow the schema: {errors:#?}");

    // Each rule's help is its documentation page; the snapshot names the page instead of repeating it.
    let mut shown = sarif.clone();
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), RULES.split(',').count(), "one descriptor per rule with findings");
    for rule in rules {
        let code = rule["id"].as_str().unwrap();
        let page = std::fs::read_to_string(crate::support::repo_path(&format!("rules/{code}.md"))).unwrap();
        assert_eq!((&rule["help"]["text"], &rule["help"]["markdown"]), (&Value::from(&*page), &Value::from(&*page)));
        shown = shown.replace(&serde_json::to_string(&page).unwrap(), &format!("\"[rules/{code}.md]\""));
    }
    assert_eq!(log["runs"][0]["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    let version = format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION"));
    assert_format_snapshot("sarif", &shown.replace(&version, "\"version\": \"[VERSION]\""));
}

/// The schema's complaints about a SARIF log, empty when it is valid.
pub fn schema_errors(log: &Value) -> Vec<String> {
    let path = crate::support::repo_path("testdata/schemas/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(path).unwrap();
    // The published schema's pattern for `run.language` has a stray `]` (oasis-tcs/sarif-spec#490), which
    // JSON Schema's regular expressions (ECMA-262 without Annex B) reject and so does the validator. dlint
    // writes no `language`; the pattern is read as its authors meant it.
    let stray = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert!(text.contains(stray), "the schema's `language` pattern changed; this repair can go");
    let schema: Value = serde_json::from_str(&text.replace(stray, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#)).unwrap();
    let validator = jsonschema::options().should_validate_formats(true).build(&schema).expect("the schema compiles");
    validator.iter_errors(log).map(|error| format!("{} at {}", error, error.instance_path())).collect()
}

#[test]
fn report_sarif_without_findings_or_from_standard_input_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "Dockerfile", "FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\n");
    let clean = dlint(dir.path(), &["check", "--no-config", "--format", "sarif", "Dockerfile"], None);
    let stdin = dlint(dir.path(), &["check", "--no-config", "--format", "sarif", "-"], Some("FROM alpine\n"));
    for (out, code, uri) in [(clean, 0, None), (stdin, 1, Some("-"))] {
        assert_eq!(out.code, code, "{}", out.stderr);
        let log: Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(schema_errors(&log), Vec::<String>::new());
        let first = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
        assert_eq!(first.as_str(), uri);
    }
}

/// What a mutation breaks, and how.
type Mutation = (&'static str, fn(&mut Value));

#[test]
fn report_sarif_schema_rejects_invalid_logs() {
    let valid: Value = serde_json::from_str(&check_fixtures("sarif").stdout).unwrap();
    let mutations: [Mutation; 5] = [
        ("unknown level", |log| log["runs"][0]["results"][0]["level"] = "fatal".into()),
        ("line 0", |log| {
            log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into()
        }),
        ("no message", |log| {
            log["runs"][0]["results"][0].as_object_mut().unwrap().remove("message");
        }),
        ("wrong version", |log| log["version"] = "2.0.0".into()),
        ("bad uri", |log| log["runs"][0]["tool"]["driver"]["informationUri"] = "not a uri".into()),
    ];
    for (what, mutate) in mutations {
        let mut log = valid.clone();
        mutate(&mut log);
        assert!(!schema_errors(&log).is_empty(), "the validator accepts a log with {what}");
    }
}

#[test]
fn report_columns_count_characters_and_sarif_utf16_units() {
    // `RUN echo "🐳 naïve" && apk add curl`: the whale is one character and two UTF-16 units.
    let gnu = check_fixtures("gnu").stdout;
    assert!(gnu.contains("formats/unicode.Dockerfile:3:31: warning: `curl` is installed without a version [DL3018]\n"));
    let sarif: Value = serde_json::from_str(&check_fixtures("sarif").stdout).unwrap();
    let curl =
        sarif["runs"][0]["results"].as_array().unwrap().iter().find(|result| result["ruleId"] == "DL3018").unwrap();
    let region = &curl["locations"][0]["physicalLocation"]["region"];
    assert_eq!((&region["startColumn"], &region["endColumn"]), (&Value::from(32), &Value::from(36)));
}

#[test]
fn report_gitlab_fingerprints_are_unique_and_survive_moved_lines() {
    let dir = tempfile::tempdir().unwrap();
    let text = "FROM alpine:3.20\nRUN apk add curl\nRUN apk add curl\nRUN apk add --no-cache git curl\n";
    write(dir.path(), "Dockerfile", text);
    let before = gitlab_issues(dir.path());
    let fingerprints: BTreeSet<&str> = before.iter().map(|(_, _, fingerprint)| fingerprint.as_str()).collect();
    assert_eq!(fingerprints.len(), before.len(), "unique: {before:#?}");
    assert!(before.iter().filter(|(code, ..)| code == "DL3018").count() >= 3, "identical findings: {before:#?}");

    write(
        dir.path(),
        "Dockerfile",
        format!("# an unrelated comment and a blank line move every finding down\n\n{text}"),
    );
    let after = gitlab_issues(dir.path());
    assert_eq!(after.len(), before.len());
    for ((code, line, fingerprint), (moved_code, moved_line, moved_fingerprint)) in before.iter().zip(&after) {
        assert_eq!((code, line + 2, fingerprint), (moved_code, *moved_line, moved_fingerprint));
    }
}

/// `(check_name, begin line, fingerprint)` of each GitLab issue for the Dockerfile in `dir`.
fn gitlab_issues(dir: &Path) -> Vec<(String, u64, String)> {
    let out = dlint(dir, &["check", "--no-config", "--format", "gitlab", "Dockerfile"], None);
    let issues: Vec<Value> = serde_json::from_str(&out.stdout).expect("GitLab JSON");
    issues
        .iter()
        .map(|issue| {
            let line = issue["location"]["lines"]["begin"].as_u64().unwrap();
            (issue["check_name"].as_str().unwrap().to_owned(), line, issue["fingerprint"].as_str().unwrap().to_owned())
        })
        .collect()
}

#[test]
fn report_standard_input_is_named_dash_or_its_stdin_filename() {
    let dir = tempfile::tempdir().unwrap();
    let text = "FROM alpine:3.20\nRUN apk add curl\n";
    let args = ["check", "--no-config", "--select", "DL3018", "--format", "concise"];
    let out = dlint(dir.path(), &[&args[..], &["-"]].concat(), Some(text));
    assert_eq!(out.stdout, "-:2:13: DL3018 warning: `curl` is installed without a version\n");
    let named = dlint(dir.path(), &[&args[..], &["--stdin-filename", "./app/Dockerfile", "-"]].concat(), Some(text));
    assert_eq!(named.stdout, "app/Dockerfile:2:13: DL3018 warning: `curl` is installed without a version\n");
}

#[test]
fn report_output_file_is_written_whole_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "Dockerfile", "FROM alpine:3.20\nRUN apk add curl\n");
    let args = ["check", "--no-config", "--select", "DL3018,DL3019", "--format", "checkstyle"];
    let expected = dlint(dir.path(), &[&args[..], &["Dockerfile"]].concat(), None).stdout;
    // An existing file is replaced whole, however long it was.
    write(dir.path(), "reports/lint.xml", "x".repeat(100_000));
    let out = dlint(dir.path(), &[&args[..], &["--output", "reports/lint.xml", "Dockerfile"]].concat(), None);
    assert_eq!((out.code, out.stdout.as_str(), out.stderr.as_str()), (1, "", ""));
    assert_eq!(std::fs::read_to_string(dir.path().join("reports/lint.xml")).unwrap(), expected);
    let left: Vec<_> = std::fs::read_dir(dir.path().join("reports")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, ["lint.xml"], "no temporary file left behind");

    // Fixing standard input: the fixed text alone on stdout, the report in the file.
    let fix = ["--fix", "--output", "fixed.json", "--format", "json", "-"];
    let out = dlint(dir.path(), &[&args[..4], &fix[..]].concat(), Some("FROM alpine:3.20\nRUN apk add curl\n"));
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (1, "FROM alpine:3.20\nRUN apk add --no-cache curl\n"),
        "{}",
        out.stderr
    );
    let report: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("fixed.json")).unwrap()).unwrap();
    assert_eq!(report.iter().map(|f| f["code"].as_str().unwrap()).collect::<Vec<_>>(), ["DL3018"]);
}

#[test]
fn report_unwritable_output_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "Dockerfile", "FROM alpine:3.20\n");
    let out = dlint(dir.path(), &["check", "--no-config", "--output", "missing/report.txt", "Dockerfile"], None);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(out.stderr.starts_with("error: --output missing/report.txt: cannot write the report: "), "{}", out.stderr);
}
