//! Command-line options that shape what `dlint check` prints or fixes: --statistics, --hide-source,
//! --quiet, --fix-only, --unsafe-fixes, shell completions, the progress bar, and writing to standard output.

use crate::{dlint, write};
use std::process::Command;

/// Findings of DL3008 (no fix), DL3015 (an unsafe fix) and DL3014 (a safe fix).
const APT: &str = "FROM debian:12\nUSER nobody\nHEALTHCHECK NONE\nRUN apt-get install curl wget\n";

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "Dockerfile", APT);
    write(dir.path(), "b/Dockerfile", "FROM debian:12\nUSER nobody\nHEALTHCHECK NONE\nRUN apt-get install -y vim\n");
    dir
}

#[test]
fn statistics_count_findings_per_rule() {
    let dir = project();
    let out = dlint(dir.path(), &["check", "--no-config", "--statistics", "."], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        " COUNT  CODE    NAME                    SEVERITY FIXABLE\n\
         \x20    3  DL3008  apt-unpinned-package    warning\n\
         \x20    2  DL3015  apt-install-recommends  info\n\
         \x20    1  DL3014  apt-missing-yes         warning  1\n\
         \x20    6  total\n"
    );
    let out = dlint(dir.path(), &["check", "--no-config", "--statistics", "--format", "json", "."], None);
    let counts: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        counts[1],
        serde_json::json!({"code": "DL3015", "name": "apt-install-recommends", "severity": "info", "count": 2, "fixable": 0})
    );
    let out = dlint(dir.path(), &["check", "--no-config", "--statistics", "--output", "counts.txt", "."], None);
    assert_eq!((out.code, out.stdout.as_str()), (1, ""), "{}", out.stderr);
    assert!(std::fs::read_to_string(dir.path().join("counts.txt")).unwrap().ends_with("     6  total\n"));
}

#[test]
fn statistics_refuse_formats_without_a_table() {
    let dir = project();
    let out = dlint(dir.path(), &["check", "--no-config", "--statistics", "--format", "sarif", "."], None);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("--statistics prints a table (--format tty) or JSON (--format json)"),
        "{}",
        out.stderr
    );
}

#[test]
fn hide_source_prints_one_header_per_finding() {
    let dir = project();
    let args = ["check", "--no-config", "--select", "DL3014", "--hide-source", "Dockerfile"];
    let out = dlint(dir.path(), &args, None);
    assert_eq!(
        out.stdout,
        "Dockerfile:4:5: warning[DL3014]: `apt-get install` without `-y` waits for confirmation\n\
         \x20= rule: apt-missing-yes (warning)\n\
         \x20= help: a build cannot answer prompts; pass `-y`\n\
         \x20= fix available: Add `-y`\n\
         Found 1 problem (1 warning) in 1 file; 1 fixable with --fix\n"
    );
    // The later of the two flags wins.
    let shown = dlint(dir.path(), &[&args[..], &["--show-source"]].concat(), None);
    assert!(shown.stdout.contains("4 │ RUN apt-get install curl wget"), "{}", shown.stdout);
}

#[test]
fn quiet_prints_findings_only() {
    let dir = project();
    let out =
        dlint(dir.path(), &["check", "--no-config", "-q", "--hide-source", "--select", "DL3014", "Dockerfile"], None);
    assert_eq!(out.code, 1);
    assert!(out.stdout.starts_with("Dockerfile:4:5: warning[DL3014]"), "{}", out.stdout);
    assert!(!out.stdout.contains("Found"), "{}", out.stdout);
    let clean = dlint(dir.path(), &["check", "--no-config", "--quiet", "--select", "DL3014", "b/Dockerfile"], None);
    assert_eq!((clean.code, clean.stdout.as_str(), clean.stderr.as_str()), (0, "", ""));
    let diff = dlint(dir.path(), &["check", "--no-config", "-q", "--diff", "--select", "DL3014", "Dockerfile"], None);
    assert_eq!((diff.code, diff.stderr.as_str()), (1, ""));
    assert!(diff.stdout.contains("+RUN apt-get install -y curl wget"), "{}", diff.stdout);
}

#[test]
fn fix_only_applies_the_named_rules_fixes() {
    let dir = project();
    // --diff with --fix-only previews; alone it fixes in place.
    let args =
        ["check", "--no-config", "--diff", "--unsafe-fixes", "--fix-only", "apt-install-recommends", "Dockerfile"];
    let diff = dlint(dir.path(), &args, None);
    assert_eq!(diff.code, 1);
    assert!(diff.stdout.contains("+RUN apt-get install --no-install-recommends curl wget\n"), "{}", diff.stdout);
    assert_eq!(std::fs::read_to_string(dir.path().join("Dockerfile")).unwrap(), APT);
    let out = dlint(dir.path(), &["check", "--no-config", "--fix-only", "DL3014", "Dockerfile"], None);
    assert_eq!(out.code, 1, "DL3008 and DL3015 remain: {}", out.stdout);
    assert_eq!(std::fs::read_to_string(dir.path().join("Dockerfile")).unwrap(), APT.replace("install", "install -y"));
    let unknown = dlint(dir.path(), &["check", "--fix-only", "DL3O15", "Dockerfile"], None);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("--fix-only: unknown rule `DL3O15`; did you mean `DL3015`?"), "{}", unknown.stderr);
}

#[test]
fn unsafe_fixes_apply_only_when_asked_for() {
    let dir = project();
    let out = dlint(dir.path(), &["check", "--no-config", "--fix", "Dockerfile"], None);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("1 more with --fix --unsafe-fixes"), "{}", out.stdout);
    let safe = APT.replace("install", "install -y");
    assert_eq!(std::fs::read_to_string(dir.path().join("Dockerfile")).unwrap(), safe);
    let diff = dlint(dir.path(), &["check", "--no-config", "--diff", "--unsafe-fixes", "Dockerfile"], None);
    assert!(diff.stdout.contains("+RUN apt-get install --no-install-recommends -y curl wget\n"), "{}", diff.stdout);
    assert_eq!(std::fs::read_to_string(dir.path().join("Dockerfile")).unwrap(), safe, "--diff writes nothing");
    let out = dlint(dir.path(), &["check", "--no-config", "--fix", "--unsafe-fixes", "Dockerfile"], None);
    assert_eq!(out.code, 1, "DL3008 has no fix");
    assert!(!out.stdout.contains("fixable"), "{}", out.stdout);
    let written = std::fs::read_to_string(dir.path().join("Dockerfile")).unwrap();
    assert_eq!(written, safe.replace("-y", "--no-install-recommends -y"));
}

#[test]
fn bash_completion_completes_subcommands_and_flags() {
    let dir = tempfile::tempdir().unwrap();
    let out = dlint(dir.path(), &["completions", "bash"], None);
    assert_eq!(out.code, 0);
    write(dir.path(), "dlint.bash", &out.stdout);
    // Ask the generated completion function what it offers, as bash does when the user presses Tab.
    let complete = |words: &str| {
        let script = format!(
            "source ./dlint.bash; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
             COMP_LINE=\"${{COMP_WORDS[*]}}\"; COMP_POINT=${{#COMP_LINE}}; _dlint dlint \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; echo \"${{COMPREPLY[*]}}\""
        );
        let out = Command::new("bash").arg("-c").arg(script).current_dir(dir.path()).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let subcommands = complete("dlint comp");
    assert_eq!(subcommands.trim(), "completions");
    let flags = complete("dlint check --fix-o");
    assert_eq!(flags.trim(), "--fix-only");
    let formats = complete("dlint check --format ''");
    assert!(formats.split_whitespace().any(|f| f == "json"), "{formats}");
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let out = dlint(dir.path(), &["completions", shell], None);
        assert_eq!(out.code, 0, "{shell}");
        assert!(out.stdout.contains("fix-only") && out.stdout.contains("statistics"), "{shell}");
    }
}

/// The bar appears only on a terminal: `script` gives dlint one.
#[test]
fn progress_bar_shows_on_a_terminal_for_many_files() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..300 {
        write(dir.path(), &format!("d{i}/Dockerfile"), "FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\n");
    }
    let run = |extra: &str| {
        let command = format!("{} check --no-config {extra} . 2>&1", env!("CARGO_BIN_EXE_dlint"));
        let out = Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .env("NO_COLOR", "1")
            .current_dir(dir.path())
            .output()
            .expect("`script` (util-linux) runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let shown = run("");
    assert!(shown.contains("Linting [") && shown.contains("/300 files"), "{shown:?}");
    assert!(shown.contains("No problems found in 300 files"), "{shown:?}");
    assert!(!run("--quiet").contains("Linting ["));
    // Not a terminal: no bar.
    let piped = dlint(dir.path(), &["check", "--no-config", "."], None);
    assert!(!piped.stderr.contains("Linting"), "{}", piped.stderr);
}

/// Colour on a terminal only, and never with NO_COLOR set (`script` gives dlint a terminal).
#[test]
fn colour_needs_a_terminal_and_no_no_color() {
    let dir = project();
    let on_terminal = |no_color: Option<&str>| {
        let command = format!("{} check --no-config --select DL3014 Dockerfile", env!("CARGO_BIN_EXE_dlint"));
        let mut script = Command::new("script");
        script.args(["-qec", &command, "/dev/null"]).current_dir(dir.path()).env_remove("NO_COLOR");
        if let Some(value) = no_color {
            script.env("NO_COLOR", value);
        }
        String::from_utf8_lossy(&script.output().expect("`script` (util-linux) runs").stdout).into_owned()
    };
    assert!(on_terminal(None).contains("\u{1b}["), "a terminal gets colour");
    assert!(!on_terminal(Some("1")).contains("\u{1b}["), "NO_COLOR turns it off");
    assert!(on_terminal(Some("")).contains("\u{1b}["), "an empty NO_COLOR does not count");
    let piped = Command::new(env!("CARGO_BIN_EXE_dlint"))
        .args(["check", "--no-config", "--select", "DL3014", "Dockerfile"])
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&piped.stdout).contains('\u{1b}'), "a pipe gets none");
}

/// A reader that stops early (`dlint check | head`) ends the output quietly; a full disk is an error.
#[test]
fn output_to_a_closed_pipe_or_a_full_disk() {
    use std::process::Stdio;
    let testdata = crate::support::repo_path("testdata");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dlint"))
        .args(["check", "--no-config", "."])
        .current_dir(&testdata)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Hundreds of kilobytes of findings cannot fit the pipe, so writing meets the closed end.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    let full = std::fs::File::options().write(true).open("/dev/full").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dlint")).arg("rules").stdout(full).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("error: cannot write to standard output: No space left on device"), "{stderr}");
}
