//! Helpers shared by the integration tests.

use dlint::lint::Settings;
use dlint::text::LineIndex;
use dlint::Diagnostic;
use std::collections::BTreeSet;
use std::path::PathBuf;

pub fn repo_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Settings that run exactly one rule.
pub fn only(code: &str) -> Settings {
    Settings { select: Some(BTreeSet::from([code.to_string()])), ..Settings::default() }
}

/// One line per diagnostic: `line:col-line:col CODE message`, plus the fix when there is one.
pub fn render(source: &str, diagnostics: &[Diagnostic]) -> String {
    let index = LineIndex::new(source);
    let mut out = String::new();
    for d in diagnostics {
        let start = index.line_col(source, d.span.start);
        let end = index.line_col(source, d.span.end);
        out += &format!("{}:{}-{}:{} {} {}\n", start.line, start.column, end.line, end.column, d.code, d.message);
        if let Some(fix) = &d.fix {
            out += &format!("  fix ({}): {}\n", fix.applicability.as_str(), fix.title);
            for edit in &fix.edits {
                let at = index.line_col(source, edit.span.start);
                out += &format!(
                    "    {}:{} replace {:?} with {:?}\n",
                    at.line,
                    at.column,
                    edit.span.slice(source),
                    edit.replacement
                );
            }
        }
    }
    out
}

/// Whether `program` runs with `version_flag`. Tests that need it skip with a note when it is missing,
/// except in CI (`CI` set), where a missing program is a failure (`.ci/run` installs them all).
pub fn has_program(program: &str, version_flag: &str) -> bool {
    let found = std::process::Command::new(program).arg(version_flag).output().is_ok_and(|out| out.status.success());
    if !found {
        assert!(std::env::var_os("CI").is_none(), "`{program}` is not on PATH, and CI needs it for this test");
        eprintln!("SKIPPED: no `{program}` on PATH");
    }
    found
}

/// Runs `command` with its output piped, killing it and failing the test after `limit`; gives the
/// exit status, standard output and standard error.
pub fn output_within(
    command: &mut std::process::Command,
    limit: std::time::Duration,
) -> (std::process::ExitStatus, String, String) {
    use std::process::Stdio;
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("the program starts");
    let read = |mut pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).unwrap();
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = read(Box::new(child.stdout.take().unwrap()));
    let stderr = read(Box::new(child.stderr.take().unwrap()));
    let status = wait_at_most(&mut child, limit);
    (status, stdout.join().unwrap(), stderr.join().unwrap())
}

/// Waits for `child` to exit, killing it and failing the test after `timeout`.
pub fn wait_at_most(child: &mut std::process::Child, timeout: std::time::Duration) -> std::process::ExitStatus {
    let deadline = std::time::Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("a child process did not finish within {timeout:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
