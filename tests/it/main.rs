//! The one integration-test binary: the real `dlint` executable, the library's front ends, and the
//! rules' documentation examples and fixtures.

mod support;

mod architecture;
mod cli;
mod cli_options;
mod config;
mod corpus;
#[cfg(feature = "docker")]
mod docker;
mod fix_convergence;
mod fixes;
mod format;
mod fuzz;
mod grade;
mod ide;
#[cfg(feature = "lsp")]
mod lsp;
#[cfg(feature = "lsp")]
mod lsp_complete;
#[cfg(feature = "lsp")]
mod lsp_format;
#[cfg(feature = "lsp")]
mod lsp_navigation;
#[cfg(feature = "lsp")]
mod neovim;
mod precommit;
mod properties;
mod report;
mod report_formats;
mod robustness;
mod rule_docs;
mod rule_fixtures;
mod shellcheck;
mod suppressions;
#[cfg(feature = "lsp")]
mod vscode;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Run the built binary in `cwd`, with `stdin` piped in when given, and no colour.
pub fn dlint(cwd: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    dlint_with_env(cwd, args, stdin, &[])
}

/// `dlint`, with these environment variables set (and no `DLINT_*` ones inherited).
pub fn dlint_with_env(cwd: &Path, args: &[&str], stdin: Option<&str>, vars: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dlint"));
    for (name, _) in std::env::vars_os().filter(|(name, _)| name.to_string_lossy().starts_with("DLINT_")) {
        command.env_remove(name);
    }
    let mut child = command
        .args(args)
        .current_dir(cwd)
        .envs(vars.iter().copied())
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dlint runs");
    if let Some(text) = stdin {
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    Output {
        code: out.status.code().expect("dlint exits normally"),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// Write `text` to `dir/relative`, creating parent directories.
pub fn write(dir: &Path, relative: &str, text: impl AsRef<[u8]>) {
    let path = dir.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}
