//! `dlint check`: lint (and optionally fix) files in parallel, then report in path order.

use super::files::{self, Input, Target};
use super::progress::Progress;
use super::shellcheck::ShellCheck;
use super::watchdog::Watchdog;
use super::{fail, CheckArgs, Format, FAILURE, FINDINGS};
use crate::config::{FailLevel, KnownRules, Overrides, Resolver};
use crate::fix::{fix_with, FixOptions};
use crate::lint::dockerignore::Dockerignore;
use crate::lint::{Diagnostic, Settings, Severity};
use crate::lint_source_with;
use crate::report::statistics::Statistics;
use crate::report::{plural, tty, FileReport, Part, Writer};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Check,
    Fix,
    Diff,
}

/// What became of one file.
struct Outcome {
    /// The file's part of the report.
    part: Option<Part>,
    /// The findings, kept only for `--statistics`.
    diagnostics: Vec<Diagnostic>,
    /// Findings at or above the file's fail level.
    failing: usize,
    applied: usize,
    /// Whether fixing changed the text.
    changed: bool,
    /// What goes to standard output for this file: its diff, or its fixed text when read from standard input.
    text: Option<String>,
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
    let fixed_to_stdout = mode == Mode::Fix && jobs.iter().any(|(target, _)| matches!(target.input, Input::Stdin(_)));
    let mut style = tty_style(args.run_options.quiet, args.hide_source);
    style.color &= args.output.is_none() && !fixed_to_stdout && mode != Mode::Diff;
    let shown = Shown { format: args.format, style, mode, statistics: args.statistics };
    let mut sink = match Sink::open(args.output.as_deref(), fixed_to_stdout) {
        Ok(sink) => sink,
        Err(message) => return fail(&message),
    };
    let watchdog = Watchdog::start(Duration::from_secs_f64(args.file_timeout), FAILURE);
    if let Sink::File(file, _) = &sink {
        watchdog.partial_output(Some(file.temp_path().to_owned()));
    }
    let mut report = match (mode, args.statistics) {
        (Mode::Diff, _) | (_, true) => None,
        _ => match Writer::new(args.format, style, &mut sink) {
            Ok(writer) => Some(writer),
            Err(e) => return sink.failed(e),
        },
    };
    let mut statistics = Statistics::default();
    let (mut failing, mut applied, mut changed) = (0, 0, 0);
    let progress = Progress::start(jobs.len(), args.run_options.quiet);
    for error in &errors {
        eprintln!("error: {error}");
    }
    // Files go in batches: each batch is linted and rendered in parallel, then written in path order, so
    // memory holds one batch's reports however many files there are.
    let mut write_error = None;
    'files: for (batch, runtime) in jobs.chunks(IN_FLIGHT).zip(runtime.chunks(IN_FLIGHT)) {
        let lint_one = |((target, settings), runtime): (&(Target, Arc<Settings>), &Vec<Diagnostic>)| {
            let _watch = watchdog.watch(&target.shown);
            let outcome = process(target, settings, &options, shellcheck.as_ref(), runtime, &shown);
            if let Some(progress) = &progress {
                progress.tick();
            }
            outcome
        };
        // One file (what pre-commit and editors pass) is linted on this thread: starting the thread
        // pool would cost more than the lint.
        let results: Vec<Result<Outcome, String>> = if batch.len() == 1 {
            batch.iter().zip(runtime).map(lint_one).collect()
        } else {
            batch.par_iter().zip(runtime).map(lint_one).collect()
        };
        for result in results {
            let outcome = match result {
                Ok(outcome) => outcome,
                Err(message) => {
                    eprintln!("error: {message}");
                    errors.push(message);
                    continue;
                }
            };
            failing += outcome.failing;
            applied += outcome.applied;
            changed += usize::from(outcome.changed);
            statistics.add(&outcome.diagnostics);
            let mut written = Ok(());
            if let Some(text) = &outcome.text {
                written = write_stdout(text);
            }
            if let (Some(part), Some(report), Ok(())) = (outcome.part, report.as_mut(), &written) {
                written = report.write(part);
            }
            if let Err(e) = written {
                write_error = Some(e);
                break 'files;
            }
        }
    }
    if let Some(progress) = progress {
        progress.finish();
    }
    if let Some(e) = write_error {
        drop(report);
        // A reader that went away (`dlint check | head`) ends the run quietly, with the exit code so far.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return sink.failed(e);
        }
        return exit_code(&errors, failing > 0);
    }

    let finished = match report {
        Some(writer) => writer.finish().map(|_| ()),
        None if mode == Mode::Diff => Ok(()),
        None => match args.format {
            Format::Json => sink.write_all(statistics.render_json().as_bytes()),
            _ => sink.write_all(statistics.render_table().as_bytes()),
        },
    };
    let closing = match mode {
        Mode::Fix if args.format == Format::Tty && style.summary => {
            let (problems, files) = (plural(applied, "problem", "problems"), plural(changed, "file", "files"));
            format!("Fixed {problems} in {files}\n")
        }
        _ => String::new(),
    };
    if let Err(e) = finished.and_then(|()| sink.write_all(closing.as_bytes())).and_then(|()| sink.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return sink.failed(e);
        }
    }
    if let Err(message) = sink.close() {
        return fail(&message);
    }
    if mode == Mode::Diff && !args.run_options.quiet {
        eprintln!("Would fix {} in {}", plural(applied, "problem", "problems"), plural(changed, "file", "files"));
    }
    exit_code(&errors, if mode == Mode::Diff { changed > 0 } else { failing > 0 })
}

fn exit_code(errors: &[String], found: bool) -> u8 {
    match (errors.is_empty(), found) {
        (false, _) => FAILURE,
        (true, true) => FINDINGS,
        (true, false) => 0,
    }
}

/// Files linted and rendered at once before their parts are written.
const IN_FLIGHT: usize = 256;

/// How results are shown.
struct Shown {
    format: Format,
    style: tty::Style,
    mode: Mode,
    statistics: bool,
}

/// Where the report goes: standard output, standard error (when standard output carries fixed text),
/// or a file that replaces `--output` only once the report is complete.
enum Sink {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    Stderr(std::io::Stderr),
    File(files::AtomicFile, std::path::PathBuf),
}

impl Sink {
    fn open(output: Option<&std::path::Path>, fixed_to_stdout: bool) -> Result<Sink, String> {
        match output {
            Some(path) => files::AtomicFile::create(path)
                .map(|file| Sink::File(file, path.to_owned()))
                .map_err(|e| format!("--output {}: cannot write the report: {e}", path.display())),
            None if fixed_to_stdout => Ok(Sink::Stderr(std::io::stderr())),
            None => Ok(Sink::Stdout(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()))),
        }
    }

    fn close(self) -> Result<(), String> {
        match self {
            Sink::File(file, path) => {
                file.commit().map_err(|e| format!("--output {}: cannot write the report: {e}", path.display()))
            }
            Sink::Stdout(_) | Sink::Stderr(_) => Ok(()),
        }
    }

    fn failed(self, e: std::io::Error) -> u8 {
        match self {
            Sink::File(_, path) => fail(&format!("--output {}: cannot write the report: {e}", path.display())),
            Sink::Stdout(_) | Sink::Stderr(_) => fail(&format!("cannot write the report: {e}")),
        }
    }
}

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::Stderr(out) => out.write(buf),
            Sink::File(out, _) => out.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::Stderr(out) => out.flush(),
            Sink::File(out, _) => out.flush(),
        }
    }
}

/// Fixed text or a diff, on standard output as soon as its file is done.
fn write_stdout(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush())
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
    options: &FixOptions,
    shellcheck: Option<&ShellCheck>,
    runtime: &[Diagnostic],
    shown: &Shown,
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
    let (diagnostics, fixed, applied) = if shown.mode == Mode::Check {
        (lint(&source), None, 0)
    } else {
        let outcome = fix_with(&source, options, lint);
        let fixed = (outcome.text != source).then_some(outcome.text);
        (outcome.remaining, fixed, outcome.applied)
    };
    if let Some(e) = failure.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(format!("{}: {e}", target.shown));
    }
    let from_stdin = matches!(target.input, Input::Stdin(_));
    if let (Mode::Fix, Some(text), Input::File(path)) = (shown.mode, &fixed, &target.input) {
        files::write_atomically(path, text).map_err(|e| format!("{}: cannot write fixes: {e}", target.shown))?;
    }
    let failing = diagnostics.iter().filter(|d| super::fails(settings, d)).count();
    let changed = fixed.is_some();
    let text = match (shown.mode, &fixed) {
        (Mode::Diff, Some(fixed)) => Some(
            similar::TextDiff::from_lines(&source, fixed)
                .unified_diff()
                .header(&target.shown, &target.shown)
                .missing_newline_hint(true)
                .to_string(),
        ),
        (Mode::Fix, _) if from_stdin => Some(fixed.clone().unwrap_or_else(|| source.clone())),
        _ => None,
    };
    let report = FileReport { path: target.shown.clone(), source: fixed.unwrap_or(source), diagnostics };
    let part = (shown.mode != Mode::Diff && !shown.statistics).then(|| shown.format.part(&report, shown.style));
    let diagnostics = if shown.statistics { report.diagnostics } else { Vec::new() };
    Ok(Outcome { part, diagnostics, failing, applied, changed, text })
}

/// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org).
fn color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The terminal style for standard output: `--quiet` drops the summary, `--hide-source` the snippets.
pub(super) fn tty_style(quiet: bool, hide_source: bool) -> tty::Style {
    tty::Style { color: color(), source: !hide_source, summary: !quiet }
}
