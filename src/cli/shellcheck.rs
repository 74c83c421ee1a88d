//! ShellCheck over RUN scripts, one process per file and shell: every script of the file becomes a
//! function of one input, its findings are mapped back to the Dockerfile bytes they point at.

use crate::lint::{Diagnostic, Severity};
use crate::semantic::Model;
use crate::shell::{Dialect, ScriptSource};
use crate::text::Span;
use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};

/// Findings hadolint also leaves out (sourced files cannot be followed from a Dockerfile; ash read
/// as dash), and the portability findings DF040 makes knowing the image's real shell.
const EXCLUDED: &str = "SC1090,SC1091,SC2187,\
    SC2113,SC3003,SC3009,SC3010,SC3011,SC3014,SC3020,SC3030,SC3040,SC3046,SC3051,SC3054";

pub struct ShellCheck {
    program: PathBuf,
}

/// One script in the combined input: where it starts there and in the Dockerfile.
struct Piece<'a> {
    source: &'a ScriptSource,
    first_line: usize,
    lines: usize,
}

impl ShellCheck {
    /// The `shellcheck` program on PATH.
    pub fn find() -> Option<ShellCheck> {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path)
            .map(|dir| dir.join("shellcheck"))
            .find(|p| p.is_file())
            .map(|program| ShellCheck { program })
    }

    /// ShellCheck's findings for every shell-form RUN of the model.
    pub fn check(&self, model: &Model) -> Result<Vec<Diagnostic>, String> {
        let mut groups: BTreeMap<&str, Vec<(usize, &ScriptSource)>> = BTreeMap::new();
        for index in 0..model.file.instructions.len() {
            let (Some(script), Some(stage)) = (model.script(index), model.stage_of(index)) else { continue };
            for source in &script.sources {
                let Some(dialect) = source.shell.or_else(|| model.dialect_at(index)) else { continue };
                if let Some(shell) = shell_name(model.resolve_dialect(stage, dialect)) {
                    groups.entry(shell).or_default().push((index, source));
                }
            }
        }
        let mut out = Vec::new();
        for (shell, sources) in groups {
            let found = self.run_batch(model, shell, &sources)?;
            // One script the parser cannot read hides the findings of all: check each on its own then.
            if found.iter().any(|d| d.severity == Severity::Error && d.code.starts_with("SC1")) && sources.len() > 1 {
                for source in &sources {
                    out.extend(self.run_batch(model, shell, std::slice::from_ref(source))?);
                }
            } else {
                out.extend(found);
            }
        }
        Ok(out)
    }

    fn run_batch(
        &self,
        model: &Model,
        shell: &str,
        sources: &[(usize, &ScriptSource)],
    ) -> Result<Vec<Diagnostic>, String> {
        let mut input = String::new();
        let mut pieces = Vec::new();
        let mut line = 1;
        for (n, (index, source)) in sources.iter().enumerate() {
            let names = model.environment_names(*index);
            // ARG and ENV values are set in the environment the script runs in.
            let prelude = if names.is_empty() { String::new() } else { format!("export {}\n", names.join(" ")) };
            input.push_str(&format!("dlint_run_{n}() {{\n{prelude}"));
            line += 1 + usize::from(!prelude.is_empty());
            let text = blank_shebang(&source.text);
            let lines = text.split('\n').count();
            pieces.push(Piece { source, first_line: line, lines });
            input.push_str(&text);
            input.push_str("\n}\n");
            line += lines + 1;
        }
        let output = self.run(shell, &input)?;
        let parsed: serde_json::Value =
            serde_json::from_str(&output).map_err(|e| format!("cannot read ShellCheck's output: {e}"))?;
        let comments = parsed["comments"].as_array().cloned().unwrap_or_default();
        Ok(comments.iter().filter_map(|c| diagnostic(c, &pieces)).collect())
    }

    fn run(&self, shell: &str, input: &str) -> Result<String, String> {
        let mut child = Command::new(&self.program)
            .args(["--format=json1", &format!("--shell={shell}"), &format!("--exclude={EXCLUDED}"), "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run {}: {e}", display(&self.program)))?;
        let mut stdin = child.stdin.take().expect("stdin is piped");
        // Write from another thread so a large output cannot block the write.
        let input = input.to_owned();
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let output = child.wait_with_output().map_err(|e| format!("ShellCheck failed: {e}"))?;
        writer.join().ok();
        // Exit 1 means findings; anything else is a failure.
        if !matches!(output.status.code(), Some(0 | 1)) {
            let stderr = String::from_utf8_lossy(&output.stderr);
            return Err(format!("ShellCheck failed: {}", stderr.trim()));
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

/// The `--shell` ShellCheck reads a dialect as; zsh it does not read.
fn shell_name(dialect: Dialect) -> Option<&'static str> {
    match dialect {
        // ShellCheck 0.9 has no BusyBox mode; ash-only constructs are DF040's business, not reported here.
        Dialect::Sh | Dialect::Dash | Dialect::Ash => Some("sh"),
        Dialect::Bash => Some("bash"),
        Dialect::Ksh => Some("ksh"),
        Dialect::Zsh => None,
    }
}

/// A heredoc's `#!` line is a comment inside a function; blank it, keeping offsets.
fn blank_shebang(text: &str) -> String {
    match text.strip_prefix("#!") {
        Some(_) => {
            let end = text.find('\n').unwrap_or(text.len());
            format!("{}{}", " ".repeat(end), &text[end..])
        }
        None => text.to_owned(),
    }
}

fn diagnostic(comment: &serde_json::Value, pieces: &[Piece]) -> Option<Diagnostic> {
    let number = |key: &str| comment[key].as_u64().map(|n| n as usize);
    let (line, column) = (number("line")?, number("column")?);
    let piece = pieces.iter().find(|p| p.first_line <= line && line < p.first_line + p.lines)?;
    let start = offset(piece, line, column)?;
    let end = match (number("endLine"), number("endColumn")) {
        (Some(l), Some(c)) => offset(piece, l.min(piece.first_line + piece.lines - 1), c).unwrap_or(start).max(start),
        _ => start,
    };
    let severity = match comment["level"].as_str()? {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        "info" => Severity::Info,
        _ => Severity::Style,
    };
    let code = intern(format!("SC{}", comment["code"].as_u64()?));
    let message = comment["message"].as_str()?.trim_end_matches('.').to_owned();
    Some(Diagnostic {
        code,
        name: "shellcheck",
        severity,
        span: Span::new(start, end),
        message,
        help: Some(format!("see https://www.shellcheck.net/wiki/{code}")),
        fix: None,
        related: Vec::new(),
    })
}

/// The Dockerfile offset of a 1-based ShellCheck line and column (columns count characters).
fn offset(piece: &Piece, line: usize, column: usize) -> Option<usize> {
    let text = &piece.source.text;
    let line_start: usize = text.split('\n').take(line - piece.first_line).map(|l| l.len() + 1).sum();
    let rest = text.get(line_start..)?;
    let rest = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let byte = rest.char_indices().nth(column.saturating_sub(1)).map_or(rest.len(), |(i, _)| i);
    Some(piece.source.start + line_start + byte)
}

/// Codes are `&'static str` throughout dlint; ShellCheck's few hundred codes are leaked once each.
fn intern(code: String) -> &'static str {
    static CODES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut codes = CODES.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    if let Some(known) = codes.get(code.as_str()) {
        return known;
    }
    let leaked: &'static str = Box::leak(code.into_boxed_str());
    codes.insert(leaked);
    leaked
}
