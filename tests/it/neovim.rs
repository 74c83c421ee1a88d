//! Neovim as a real client of `dlint lsp`: editors/neovim on the runtimepath, a Dockerfile opened, the
//! diagnostics Neovim shows read back at its own (byte) positions.

use crate::support::{has_program, repo_path, wait_at_most};
use serde_json::Value;
use std::process::{Command, Stdio};
use std::time::Duration;

/// How tests/it/neovim.lua starts the server.
enum Start<'a> {
    /// `require('dlint').setup()`, with a `--config` file when given.
    Setup(Option<&'a str>),
    /// lsp/dlint.lua through `vim.lsp.enable` (Neovim 0.11+).
    Enable,
}

/// What Neovim reported for testdata/lsp/app.containerfile: its filetype and one line per diagnostic,
/// `line:col-line:col CODE severity message` (0-based, byte columns), or `None` when the run was skipped.
fn open_in_neovim(start: Start) -> Option<(String, Vec<String>)> {
    if !has_program("nvim", "--version") {
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("diagnostics.json");
    let (mode, config) = match start {
        Start::Setup(config) => ("setup", config.map(repo_path)),
        Start::Enable => ("enable", None),
    };
    let mut command = Command::new("nvim");
    command
        .args(["--headless", "--clean", "-n", "-i", "NONE"])
        .args(["--cmd", "lua vim.opt.runtimepath:prepend(vim.env.DLINT_EDITOR_DIR)"])
        .arg("-S")
        .arg(repo_path("tests/it/neovim.lua"))
        .env("DLINT_EDITOR_DIR", repo_path("editors/neovim"))
        .env("DLINT_BIN", env!("CARGO_BIN_EXE_dlint"))
        .env("DLINT_DOCKERFILE", repo_path("testdata/lsp/app.containerfile"))
        .env("DLINT_TEST_MODE", mode)
        .env("DLINT_TEST_OUTPUT", &output)
        // Neovim's LSP log and state go to the scratch directory, not the user's.
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_CACHE_HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    if let Some(config) = config {
        command.env("DLINT_CONFIG", config);
    }
    wait_at_most(&mut command.spawn().expect("nvim starts"), Duration::from_secs(60));
    let text = std::fs::read_to_string(&output).expect("tests/it/neovim.lua wrote its result");
    let result: Value = serde_json::from_str(&text).unwrap();
    assert!(result.get("error").is_none(), "tests/it/neovim.lua failed: {}", result["error"]);
    if let Some(reason) = result["skipped"].as_str() {
        eprintln!("SKIPPED: {reason}");
        return None;
    }
    let mut diagnostics: Vec<String> = result["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{}:{}-{}:{} {} {} {}",
                d["lnum"],
                d["col"],
                d["end_lnum"],
                d["end_col"],
                d["code"].as_str().unwrap(),
                d["severity"],
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    diagnostics.sort();
    Some((result["filetype"].as_str().unwrap().to_owned(), diagnostics))
}

/// Neovim's severities: 1 error, 2 warning, 3 information. The file's own dlint.toml leaves out DL3057, and
/// the whale on line 3 (4 bytes, 2 UTF-16 units) comes before the apt-get findings.
#[test]
fn setup_shows_the_findings_of_the_nearest_config_at_byte_columns() {
    let Some((filetype, diagnostics)) = open_in_neovim(Start::Setup(None)) else { return };
    assert_eq!(filetype, "dockerfile", "*.containerfile is a Dockerfile");
    assert_eq!(
        diagnostics,
        [
            "1:5-1:18 DF001 2 the final stage never sets `USER`, so the container runs as root (missing-user)",
            "1:5-1:18 DL3007 2 base image `ubuntu` uses the `latest` tag (latest-tag)",
            "2:19-2:34 DL3015 3 `apt-get install` also installs recommended packages (apt-install-recommends)",
            "2:38-2:42 DL3008 2 `curl` is installed without a version (apt-unpinned-package)",
            "3:8-3:11 DL3000 1 WORKDIR `app` is a relative path (relative-workdir)",
        ]
    );
}

#[test]
fn setup_passes_a_config_file_to_the_server() {
    let Some((_, diagnostics)) = open_in_neovim(Start::Setup(Some("testdata/lsp/base-image.toml"))) else { return };
    assert_eq!(
        diagnostics,
        [
            "1:5-1:18 DF005 3 base image `ubuntu` is not pinned by digest (unpinned-digest)",
            "1:5-1:18 DL3007 2 base image `ubuntu` uses the `latest` tag (latest-tag)",
        ]
    );
}

#[test]
fn lsp_enable_uses_the_runtimepath_config() {
    let Some((filetype, diagnostics)) = open_in_neovim(Start::Enable) else { return };
    assert_eq!(filetype, "dockerfile");
    let codes: Vec<&str> = diagnostics.iter().map(|line| line.split(' ').nth(1).unwrap()).collect();
    assert_eq!(codes, ["DF001", "DL3007", "DL3015", "DL3008", "DL3000"]);
}
