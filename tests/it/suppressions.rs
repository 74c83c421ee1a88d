//! Suppression comments, as a user writes them.

use crate::support::render;
use dlint::lint::Settings;
use std::collections::BTreeSet;

/// The pinning rules and the suppression checks, nothing else.
fn settings() -> Settings {
    let codes = ["DL3006", "DL3007", "DF005", "DF004", "DF006"];
    Settings { select: Some(codes.iter().map(|c| c.to_string()).collect()), ..Settings::default() }
}

fn lint(source: &str) -> String {
    let settings = settings();
    render(source, &dlint::lint_source(source, &settings))
}

#[test]
fn an_ignore_comment_covers_every_line_of_the_next_instruction_only() {
    let src = "# dlint ignore=DL3006,DF005\nFROM \\\n  debian\nFROM alpine\n";
    assert_eq!(
        lint(src),
        "4:6-4:12 DF005 base image `alpine` is not pinned by digest\n4:6-4:12 DL3006 base image `alpine` has no tag\n"
    );
}

#[test]
fn global_and_hadolint_comments_apply() {
    let src = "# hadolint global ignore=DL3006\nFROM debian\n# hadolint ignore=DL3007\nFROM alpine:latest\n# dlint global ignore=DF005\n";
    assert_eq!(lint(src), "");
}

#[test]
fn buildkit_check_skip_names_checks_by_code_or_name() {
    let src = "# check=skip=untagged-image;error=true\nFROM debian@sha256:0000000000000000000000000000000000000000000000000000000000000000\nFROM alpine\n";
    assert_eq!(lint(src), "3:6-3:12 DF005 base image `alpine` is not pinned by digest\n");
}

#[test]
fn unused_and_unknown_codes_are_reported_with_a_removal_fix() {
    let src = "FROM debian:12@sha256:0000000000000000000000000000000000000000000000000000000000000000\n# dlint ignore=DL3007,DL3OO7\nRUN echo hi\n# hadolint ignore=DL3007,SC2086\nRUN echo hi\n";
    assert_eq!(
        lint(src),
        "2:16-2:22 DF004 suppression of `DL3007` is unused\n  fix (safe): Remove the unused suppression of `DL3007`\n    2:16 replace \"DL3007,\" with \"\"\n2:23-2:29 DF006 unknown rule code `DL3OO7` in suppression\n  fix (unsafe): Replace with `DL3007`\n    2:23 replace \"DL3OO7\" with \"DL3007\"\n"
    );
    let fixed =
        dlint::fix::fix_source("# dlint ignore=DL3007\nFROM debian:12\n", &Settings::default(), &Default::default());
    assert_eq!(fixed.text, "FROM debian:12\n");
}

#[test]
fn a_disabled_rule_does_not_make_its_suppression_unused() {
    let settings = Settings { ignore: BTreeSet::from(["DL3007".to_string()]), ..settings() };
    let src = "# dlint ignore=DL3007\nFROM debian:12@sha256:0000000000000000000000000000000000000000000000000000000000000000\n";
    assert!(dlint::lint_source(src, &settings).is_empty());
}

#[test]
fn check_error_true_makes_buildkit_checks_errors() {
    let settings =
        Settings { select: Some(BTreeSet::from(["DL3025".to_string(), "DL3006".to_string()])), ..Settings::default() };
    let src = "# check=skip=StageNameCasing;error=true\nFROM debian\nCMD run me\n";
    let found = dlint::lint_source(src, &settings);
    let severity = |code: &str| found.iter().find(|d| d.code == code).map(|d| d.severity);
    assert_eq!(severity("DL3025"), Some(dlint::Severity::Error), "JSONArgsRecommended is a BuildKit check");
    assert_eq!(severity("DL3006"), Some(dlint::Severity::Warning), "DL3006 is not");
    let without = dlint::lint_source("FROM debian\nCMD run me\n", &settings);
    assert_eq!(without.iter().find(|d| d.code == "DL3025").map(|d| d.severity), Some(dlint::Severity::Warning));
}

#[test]
fn codes_of_other_tools_listed_in_external_are_not_unknown() {
    let src = "# dlint ignore=XY100\nFROM debian:12@sha256:0000000000000000000000000000000000000000000000000000000000000000\n";
    assert_eq!(lint(src), "1:16-1:21 DF006 unknown rule code `XY100` in suppression\n");
    let settings = Settings { external: BTreeSet::from(["XY100".to_owned()]), ..settings() };
    assert_eq!(render(src, &dlint::lint_source(src, &settings)), "");
}
