//! `dlint check`: lint (and optionally fix) files in parallel, then report in path order.

use super::files::{self, Input, Target};
use super::progress::Progress;
use super::shellcheck::ShellCheck;
use super::{fail, CheckArgs, Format, FAILURE, FINDINGS};
use crate::config::{FailLevel, KnownRules, Overrides, Resolver};
use crate::fix::{fix_with, FixOptions};
use crate::lint::dockerignore::Dockerignore;
use crate::lint::{Diagnostic, Settings, Severity};
use crate::lint_source_with;
use crate::report::{plural, statistics, tty, FileReport};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::io::IsTerminal;
use std::sync::Arc;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Check,
    Fix,
    Diff,
}

/// What became of one file.
struct Outcome {
    report: FileReport,
    /// Findings at or above the file's fail level.
    failing: usize,
    /// The text as read.
    before: String,
    /// The fixed text, when fixing changed it.
    fixed: Option<String>,
    applied: usize,
    from_stdin: bool,
}

pub fn run(args: CheckArgs) -> u8 {
    let known = KnownRules::registry();
    if args.statistics && !matches!(args.format, Format::Tty | Format::Json) {
        return fail("--statistics prints a table (--format tty) or JSON (--format json)");
    }
    let overrides = match overrides(&args, &known) {
        Ok(overrides) => overrides,
        Err(message) => return fail(&message),
    };
    let only = match args.fix_only.as_deref().map(|names| resolve_rules(&known, "fix-only", names)).transpose() {
        Ok(only) => only,
        Err(message) => return fail(&message),
    };
    let source = super::config_source(&args.config, args.no_config);
    let mut resolver = match Resolver::new(source, overrides, known) {
        Ok(resolver) => resolver,
        Err(e) => return fail(&e.to_string()),
    };
    let dockerignore = match &args.context {
        Some(dir) => match read_dockerignore(dir) {
            Ok(ignore) => Some(ignore),
            Err(message) => return fail(&message),
        },
        None => None,
    };
    let (targets, mut errors) = files::collect(&args.paths, &args.stdin_filename);
    if args.parse_only {
        return parse_only(&targets, &errors);
    }
    let mut jobs = Vec::with_capacity(targets.len());
    for target in targets {
        match resolver.settings_for(&target.config_path) {
            Ok(settings) => jobs.push((target, with_context(settings, &dockerignore))),
            Err(e) => return fail(&e.to_string()),
        }
    }

    let shellcheck = if jobs.iter().any(|(_, settings)| settings.shellcheck) {
        match ShellCheck::find() {
            Some(found) => Some(found),
            None => {
                return fail("ShellCheck was asked for (--shellcheck or `shellcheck = true`) but no `shellcheck` program is on PATH; install it (e.g. `apt-get install shellcheck`)")
            }
        }
    } else {
        None
    };
    let runtime = if args.run {
        let mut dockerfiles = Vec::new();
        for (target, _) in &jobs {
            match &target.input {
                Input::File(path) => dockerfiles.push(path.as_path()),
                Input::Stdin(_) => return fail("--run builds files from their context, not standard input"),
            }
        }
        match super::run::for_check(&dockerfiles, args.context.as_deref(), &args.run_options) {
            Ok(found) => found,
            Err(code) => return code,
        }
    } else {
        vec![Vec::new(); jobs.len()]
    };
    let mode = match (args.fix, args.diff) {
        (true, _) => Mode::Fix,
        (_, true) => Mode::Diff,
        _ if args.fix_only.is_some() => Mode::Fix,
        _ => Mode::Check,
    };
    let options = FixOptions { include_unsafe: args.unsafe_fixes, only };
    let progress = Progress::start(jobs.len(), args.run_options.quiet);
    let results: Vec<Result<Outcome, String>> = jobs
        .par_iter()
        .zip(&runtime)
        .map(|((target, settings), runtime)| {
            let outcome = process(target, settings, mode, &options, shellcheck.as_ref(), runtime);
            if let Some(progress) = &progress {
                progress.tick();
            }
            outcome
        })
        .collect();
    if let Some(progress) = progress {
        progress.finish();
    }
    let mut outcomes = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(outcome) => outcomes.push(outcome),
            Err(message) => errors.push(message),
        }
    }
    for error in &errors {
        eprintln!("error: {error}");
    }

    let from_stdin = outcomes.iter().any(|o| o.from_stdin);
    let code = match mode {
        Mode::Diff => print_diffs(&outcomes, args.run_options.quiet),
        Mode::Fix | Mode::Check => {
            let fixed_to_stdout = mode == Mode::Fix && from_stdin;
            if fixed_to_stdout {
                let fixed = outcomes.iter().filter(|o| o.from_stdin);
                let code =
                    super::write_stdout(&fixed.map(|o| o.fixed.as_deref().unwrap_or(&o.before)).collect::<String>());
                if code != 0 {
                    return code;
                }
            }
            let to_stdout = args.output.is_none() && !fixed_to_stdout;
            let mut style = tty_style(args.run_options.quiet, args.hide_source);
            style.color &= to_stdout;
            let report = render(&outcomes, &args, mode, style);
            if fixed_to_stdout && args.output.is_none() {
                // Standard output carries the fixed text, so the report moves to standard error.
                eprint!("{report}");
            } else if let Err(code) = super::emit(&report, args.output.as_deref()) {
                return code;
            }
            if outcomes.iter().any(|o| o.failing > 0) {
                FINDINGS
            } else {
                0
            }
        }
    };
    if errors.is_empty() {
        code
    } else {
        FAILURE
    }
}

/// The context's `.dockerignore`; a context without one ignores nothing.
fn read_dockerignore(dir: &std::path::Path) -> Result<Dockerignore, String> {
    if !dir.is_dir() {
        return Err(format!("--context: {} is not a directory", dir.display()));
    }
    match std::fs::read_to_string(dir.join(".dockerignore")) {
        Ok(text) => Ok(Dockerignore::parse(&text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Dockerignore::default()),
        Err(e) => Err(format!("--context: cannot read {}: {e}", dir.join(".dockerignore").display())),
    }
}

fn with_context(settings: Arc<Settings>, dockerignore: &Option<Dockerignore>) -> Arc<Settings> {
    match dockerignore {
        Some(ignore) => {
            let mut settings = (*settings).clone();
            settings.options.dockerignore = Some(ignore.clone());
            Arc::new(settings)
        }
        None => settings,
    }
}

/// The canonical codes of a flag's rule codes and names; an unknown one is an error with a suggestion.
fn resolve_rules(known: &KnownRules, flag: &str, names: &[String]) -> Result<BTreeSet<String>, String> {
    names
        .iter()
        .filter(|name| !name.trim().is_empty())
        .map(|name| known.resolve(name.trim()).map_err(|e| format!("--{flag}: {e}")))
        .collect()
}

fn overrides(args: &CheckArgs, known: &KnownRules) -> Result<Overrides, String> {
    let resolve = |flag: &str, names: &[String]| resolve_rules(known, flag, names);
    let mut severity = BTreeMap::new();
    let levels = [
        ("override-style", &args.override_style, Severity::Style),
        ("override-info", &args.override_info, Severity::Info),
        ("override-warning", &args.override_warning, Severity::Warning),
        ("override-error", &args.override_error, Severity::Error),
    ];
    for (flag, codes, level) in levels {
        severity.extend(resolve(flag, codes)?.into_iter().map(|code| (code, level)));
    }
    Ok(Overrides {
        select: args.select.as_deref().map(|names| resolve("select", names)).transpose()?,
        extend_select: resolve("extend-select", &args.extend_select)?,
        ignore: resolve("ignore", &args.ignore)?,
        fail_level: if args.no_fail { Some(FailLevel::Never) } else { args.fail_level },
        severity,
        trusted_registries: args.trusted_registry.clone(),
        strict_labels: args.strict_labels,
        shellcheck: args.shellcheck,
        disable_hadolint_pragmas: args.disable_ignore_pragma,
    })
}

/// Reads a file as UTF-8; the error says where the first invalid byte is (`:LINE:COLUMN: ...`).
/// `--parse-only`: reads and parses every file, Dockerfile and shell, as a lint would, and reports
/// nothing but the files that cannot be read.
fn parse_only(targets: &[Target], errors: &[String]) -> u8 {
    let unreadable: Vec<String> = targets
        .par_iter()
        .filter_map(|target| {
            let text = match source_of(target) {
                Ok(text) => text,
                Err(message) => return Some(message),
            };
            let file = crate::syntax::parse(&text);
            std::hint::black_box(crate::semantic::Model::build(&text, &file));
            None
        })
        .collect();
    for message in errors.iter().chain(&unreadable) {
        eprintln!("error: {message}");
    }
    if errors.is_empty() && unreadable.is_empty() {
        0
    } else {
        FAILURE
    }
}

/// The text of a file to lint; an unreadable file's error names it.
fn source_of(target: &Target) -> Result<String, String> {
    match &target.input {
        Input::Stdin(text) => Ok(text.clone()),
        Input::File(path) => read_text(path).map_err(|e| format!("{}{e}", target.shown)),
    }
}

pub(super) fn read_text(path: &std::path::Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!(": {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..]).chars().count() + 1;
        format!(":{line}:{column}: not valid UTF-8 (dlint reads UTF-8 text)")
    })
}

fn process(
    target: &Target,
    settings: &Arc<Settings>,
    mode: Mode,
    options: &FixOptions,
    shellcheck: Option<&ShellCheck>,
    runtime: &[Diagnostic],
) -> Result<Outcome, String> {
    let source = source_of(target)?;
    let shellcheck = shellcheck.filter(|_| settings.shellcheck);
    let failure = std::sync::Mutex::new(None);
    let lint = |text: &str| {
        lint_source_with(text, settings, &|model| {
            let mut found = match shellcheck.map(|s| s.check(model)) {
                Some(Ok(found)) => found,
                Some(Err(e)) => {
                    *failure.lock().unwrap_or_else(|e| e.into_inner()) = Some(e);
                    Vec::new()
                }
                None => Vec::new(),
            };
            // Runtime findings are of the text as read; once fixes move lines, they no longer apply.
            if text == source {
                found.extend(runtime.iter().cloned());
            }
            found
        })
    };
    let (diagnostics, fixed, applied) = if mode == Mode::Check {
        (lint(&source), None, 0)
    } else {
        let outcome = fix_with(&source, options, lint);
        let fixed = (outcome.text != source).then_some(outcome.text);
        (outcome.remaining, fixed, outcome.applied)
    };
    if let Some(e) = failure.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(format!("{}: {e}", target.shown));
    }
    if let (Mode::Fix, Some(text), Input::File(path)) = (mode, &fixed, &target.input) {
        files::write_atomically(path, text).map_err(|e| format!("{}: cannot write fixes: {e}", target.shown))?;
    }
    let failing = diagnostics.iter().filter(|d| super::fails(settings, d)).count();
    let shown_text = fixed.clone().unwrap_or_else(|| source.clone());
    let report = FileReport { path: target.shown.clone(), source: shown_text, diagnostics };
    let from_stdin = matches!(target.input, Input::Stdin(_));
    Ok(Outcome { report, failing, before: source, fixed, applied, from_stdin })
}

fn render(outcomes: &[Outcome], args: &CheckArgs, mode: Mode, style: tty::Style) -> String {
    let reports: Vec<FileReport> = outcomes.iter().map(|o| o.report.clone()).collect();
    if args.statistics {
        return match args.format {
            Format::Json => statistics::render_json(&reports),
            _ => statistics::render_table(&reports),
        };
    }
    let mut out = args.format.render(&reports, style);
    if args.format == Format::Tty && mode == Mode::Fix && style.summary {
        let applied: usize = outcomes.iter().map(|o| o.applied).sum();
        let changed = outcomes.iter().filter(|o| o.fixed.is_some()).count();
        let (problems, files) = (plural(applied, "problem", "problems"), plural(changed, "file", "files"));
        out.push_str(&format!(
            "Fixed {problems} in {files}
"
        ));
    }
    out
}

/// Print what fixing would change; exit code 1 when anything would.
fn print_diffs(outcomes: &[Outcome], quiet: bool) -> u8 {
    let mut changed = 0;
    for outcome in outcomes {
        let Some(fixed) = &outcome.fixed else { continue };
        let path = &outcome.report.path;
        let diff = similar::TextDiff::from_lines(&outcome.before, fixed)
            .unified_diff()
            .header(path, path)
            .missing_newline_hint(true)
            .to_string();
        if super::write_stdout(&diff) != 0 {
            return FAILURE;
        }
        changed += 1;
    }
    let applied: usize = outcomes.iter().map(|o| o.applied).sum();
    if !quiet {
        eprintln!("Would fix {} in {}", plural(applied, "problem", "problems"), plural(changed, "file", "files"));
    }
    if changed > 0 {
        FINDINGS
    } else {
        0
    }
}

/// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org).
fn color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The terminal style for standard output: `--quiet` drops the summary, `--hide-source` the snippets.
pub(super) fn tty_style(quiet: bool, hide_source: bool) -> tty::Style {
    tty::Style { color: color(), source: !hide_source, summary: !quiet }
}
