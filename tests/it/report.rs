//! Report formats over hand-made diagnostics (independent of which rules exist).

use dlint::lint::{Diagnostic, Edit, Fix, Related, Severity};
use dlint::report::{tty, FileReport, Format};
use dlint::text::Span;
use serde_json::json;

fn diagnostic(code: &'static str, severity: Severity, source: &str, needle: &str) -> Diagnostic {
    let start = source.find(needle).unwrap();
    Diagnostic {
        code,
        name: "test-rule",
        severity,
        span: Span::new(start, start + needle.len()),
        message: format!("Found `{needle}`"),
        help: None,
        fix: None,
        related: Vec::new(),
    }
}

fn render(format: Format, reports: &[FileReport]) -> String {
    report(format, reports, tty::Style::default())
}

fn report(format: Format, reports: &[FileReport], style: tty::Style) -> String {
    dlint::report::render(format, style, reports)
}

fn reports() -> Vec<FileReport> {
    let first = "FROM alpine\nLABEL é=x\nRUN apt-get install curl\n";
    let mut pinned = diagnostic("DL3008", Severity::Warning, first, "curl");
    let at = pinned.span.end;
    pinned.help = Some("Pin the version".to_owned());
    pinned.fix = Some(Fix::safe("Pin `curl`", vec![Edit::insert(at, "=8.5.0")]));
    let mut label = diagnostic("DF001", Severity::Error, first, "x");
    let alpine = first.find("alpine").unwrap();
    label.related.push(Related { span: Span::new(alpine, alpine + 6), message: "the base image".to_owned() });
    let second = "FROM ubuntu\n";
    vec![
        FileReport {
            path: "b/Dockerfile".to_owned(),
            source: second.to_owned(),
            diagnostics: vec![diagnostic("DL3007", Severity::Warning, second, "ubuntu")],
        },
        FileReport { path: "a/Dockerfile".to_owned(), source: first.to_owned(), diagnostics: vec![pinned, label] },
        FileReport { path: "c/Dockerfile".to_owned(), source: "FROM scratch\n".to_owned(), diagnostics: vec![] },
    ]
}

#[test]
fn json_elements_are_sorted_with_character_columns_and_fixes() {
    let value: serde_json::Value = serde_json::from_str(&render(Format::Json, &reports())).unwrap();
    assert_eq!(
        value,
        json!([
            {
                "path": "a/Dockerfile", "code": "DF001", "name": "test-rule", "severity": "error",
                "message": "Found `x`", "help": null,
                "line": 2, "column": 9, "end_line": 2, "end_column": 10, "fix": null,
                "related": [{ "line": 1, "column": 6, "end_line": 1, "end_column": 12, "message": "the base image" }]
            },
            {
                "path": "a/Dockerfile", "code": "DL3008", "name": "test-rule", "severity": "warning",
                "message": "Found `curl`", "help": "Pin the version",
                "line": 3, "column": 21, "end_line": 3, "end_column": 25,
                "fix": {
                    "applicability": "safe", "title": "Pin `curl`",
                    "edits": [{ "line": 3, "column": 25, "end_line": 3, "end_column": 25, "replacement": "=8.5.0" }]
                }
            },
            {
                "path": "b/Dockerfile", "code": "DL3007", "name": "test-rule", "severity": "warning",
                "message": "Found `ubuntu`", "help": null,
                "line": 1, "column": 6, "end_line": 1, "end_column": 12, "fix": null
            }
        ])
    );
    assert_eq!(render(Format::Json, &[]), "[]\n");
}

#[test]
fn tty_shows_code_snippet_notes_and_summary() {
    let out = report(Format::Tty, &reports(), tty::Style::default());
    assert!(out.contains("warning[DL3008]: Found `curl`\n"), "{out}");
    assert!(out.contains("a/Dockerfile:3:21"), "{out}");
    assert!(out.contains("RUN apt-get install curl"), "{out}");
    assert!(out.contains("= rule: test-rule (warning)"), "{out}");
    assert!(out.contains("= help: Pin the version"), "{out}");
    assert!(out.contains("= fix available: Pin `curl`"), "{out}");
    assert!(out.contains("------ the base image"), "related places are labelled: {out}");
    assert!(!out.contains('\u{1b}'), "no colour asked for");
    let order: Vec<usize> = ["[DF001]", "[DL3008]", "[DL3007]"].iter().map(|code| out.find(code).unwrap()).collect();
    assert!(order.is_sorted(), "sorted by path, then position: {out}");
    assert!(out.ends_with("Found 3 problems (1 error, 2 warnings) in 2 files; 1 fixable with --fix\n"), "{out}");
    assert!(report(Format::Tty, &reports(), tty::Style { color: true, ..Default::default() }).contains('\u{1b}'));
}

#[test]
fn tty_summary_without_problems() {
    assert_eq!(report(Format::Tty, &[], tty::Style::default()), "No problems found in 0 files\n");
}

/// A finding whose path and message hold what each format must escape: markup, quotes, `%`, `:`, `,` and
/// a line break.
fn awkward() -> Vec<FileReport> {
    let source = "FROM alpine\n";
    let mut finding = diagnostic("DL3007", Severity::Error, source, "alpine");
    finding.message = "a <b> & \"c\" 'd'\nline two: 100%, done".to_owned();
    vec![FileReport { path: "a,b:c/Dockerfile".to_owned(), source: source.to_owned(), diagnostics: vec![finding] }]
}

#[test]
fn xml_formats_escape_markup_and_line_breaks() {
    let escaped = "a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;&#10;line two: 100%, done";
    let checkstyle = render(Format::Checkstyle, &awkward());
    assert!(checkstyle.contains(&format!("message=\"{escaped}\" source=\"dlint.DL3007\"")), "{checkstyle}");
    let junit = render(Format::Junit, &awkward());
    assert!(junit.contains(&format!("<failure type=\"DL3007\" message=\"{escaped}\">")), "{junit}");
    assert!(junit.contains("a,b:c/Dockerfile:1:6: error: a &lt;b&gt;"), "{junit}");
}

#[test]
fn github_commands_escape_properties_and_message() {
    assert_eq!(
        render(Format::Github, &awkward()),
        "::error file=a%2Cb%3Ac/Dockerfile,line=1,endLine=1,col=6,endColumn=12,title=DL3007 test-rule::\
         a <b> & \"c\" 'd'%0Aline two: 100%25, done\n"
    );
}

#[test]
fn line_formats_keep_each_finding_on_one_line() {
    let one_line = "a <b> & \"c\" 'd' line two: 100%, done";
    assert_eq!(render(Format::Gnu, &awkward()), format!("a,b:c/Dockerfile:1:6: error: {one_line} [DL3007]\n"));
    assert_eq!(render(Format::Concise, &awkward()), format!("a,b:c/Dockerfile:1:6: DL3007 error: {one_line}\n"));
}

#[test]
fn multi_line_findings_give_github_no_columns() {
    let source = "RUN a \\\n  b\n";
    let mut finding = diagnostic("DL3007", Severity::Info, source, "a \\\n  b");
    finding.help = Some("split it".to_owned());
    let report = [FileReport { path: "Dockerfile".to_owned(), source: source.to_owned(), diagnostics: vec![finding] }];
    assert_eq!(
        render(Format::Github, &report),
        "::notice file=Dockerfile,line=1,endLine=2,title=DL3007 test-rule::Found `a \\%0A  b`%0Ahelp: split it\n"
    );
}

#[test]
fn sarif_describes_codes_outside_the_registry_and_absolute_paths() {
    let source = "RUN echo $x\n";
    let mut finding = diagnostic("SC2086", Severity::Info, source, "$x");
    finding.name = "shellcheck";
    let report =
        [FileReport { path: "/srv/app/Dockerfile".to_owned(), source: source.to_owned(), diagnostics: vec![finding] }];
    let log: serde_json::Value = serde_json::from_str(&render(Format::Sarif, &report)).unwrap();
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["rules"],
        json!([{ "id": "SC2086", "name": "shellcheck", "helpUri": "https://www.shellcheck.net/wiki/SC2086" }])
    );
    let location = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location, &json!({ "uri": "file:///srv/app/Dockerfile" }));
    assert_eq!(crate::report_formats::schema_errors(&log), Vec::<String>::new());
}
