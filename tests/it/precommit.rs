//! The repository's `.pre-commit-hooks.yaml`, run by pre-commit itself (`pre-commit try-repo`) against a
//! temporary git repository holding Dockerfiles under every name dlint lints, and files it must not.

use crate::support::{has_program, repo_path};
use crate::{write, Output};
use std::path::{Path, PathBuf};
use std::process::Command;

const BAD: &str = "FROM debian:bookworm\nMAINTAINER someone@example.com\nRUN apt-get install curl\n";

/// Every name the hooks' `files` pattern matches, and names it must leave alone.
const LINTED: [&str; 4] = ["Dockerfile", "api.dockerfile", "deploy/Containerfile.prod", "web.Dockerfile"];
const NOT_LINTED: [&str; 2] = ["MyDockerfile", "docs/Dockerfile-notes.md"];

/// A scratch git repository with the files staged, or `None` (the test skips) without pre-commit.
fn project() -> Option<tempfile::TempDir> {
    if !has_program("pre-commit", "--version") {
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "--quiet"]);
    for name in LINTED.iter().chain(&NOT_LINTED) {
        write(dir.path(), name, BAD);
    }
    git(dir.path(), &["add", "."]);
    Some(dir)
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git").args(args).current_dir(dir).status().unwrap();
    assert!(status.success(), "git {args:?} failed");
}

/// `pre-commit try-repo <dlint's checkout> HOOK --all-files` in `project`, with the `dlint` under test
/// first on PATH and pre-commit's cache in the project (so runs do not share hook environments).
fn run_hook(project: &Path, hook: &str, vars: &[(&str, &str)]) -> Output {
    let built = Path::new(env!("CARGO_BIN_EXE_dlint")).parent().unwrap();
    let path = std::env::join_paths(
        std::iter::once(built.to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    let out = Command::new("pre-commit")
        .args(["try-repo", repo_path(".").to_str().unwrap(), hook, "--all-files", "--color", "never"])
        .current_dir(project)
        .env("PATH", path)
        .env("PRE_COMMIT_HOME", project.join(".pre-commit-cache"))
        .env("NO_COLOR", "1")
        .envs(vars.iter().copied())
        .output()
        .unwrap();
    Output {
        code: out.status.code().expect("pre-commit exits normally"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The hook failed, and its output names exactly the files dlint lints.
fn assert_lints_dockerfiles_only(out: &Output) {
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    for name in LINTED {
        assert!(out.stdout.contains(&format!("{name}:2:1")), "{name} not linted:\n{}", out.stdout);
    }
    for name in NOT_LINTED {
        assert!(!out.stdout.contains(name), "{name} linted:\n{}", out.stdout);
    }
}

#[test]
fn system_hook_lints_every_dockerfile_name_and_nothing_else() {
    let Some(project) = project() else { return };
    let out = run_hook(project.path(), "dlint-system", &[]);
    assert_lints_dockerfiles_only(&out);
    assert!(out.stdout.contains("DL4000"), "{}", out.stdout);
}

#[test]
fn fix_hook_rewrites_the_files_and_reports_what_is_left() {
    let Some(project) = project() else { return };
    let out = run_hook(project.path(), "dlint-fix", &[]);
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    for name in LINTED {
        let fixed = std::fs::read_to_string(project.path().join(name)).unwrap();
        assert!(fixed.contains("LABEL maintainer=") && fixed.contains("apt-get install -y"), "{name}:\n{fixed}");
    }
    for name in NOT_LINTED {
        assert_eq!(std::fs::read_to_string(project.path().join(name)).unwrap(), BAD, "{name} changed");
    }
    // pre-commit fails a hook that changes files; the findings without a fix are still reported.
    assert!(out.stdout.contains("files were modified by this hook"), "{}", out.stdout);
}

/// The `language: rust` hook builds dlint from the checkout with cargo. The release profile's
/// optimisation is turned down for the test, and the build directory is kept in `target/` so that a
/// second run only relinks.
#[test]
fn rust_hook_builds_dlint_from_the_repository() {
    let Some(project) = project() else { return };
    let target: PathBuf = repo_path("target/pre-commit");
    let out = run_hook(
        project.path(),
        "dlint",
        &[
            ("CARGO_TARGET_DIR", target.to_str().unwrap()),
            ("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0"),
            ("CARGO_PROFILE_RELEASE_LTO", "false"),
            ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"),
            ("CARGO_PROFILE_RELEASE_INCREMENTAL", "true"),
        ],
    );
    assert!(out.stdout.contains("Installing environment"), "{}\n{}", out.stdout, out.stderr);
    assert_lints_dockerfiles_only(&out);
}
