//! `dlint run`: build and run the image, report what the build-and-run checks find; and the runtime
//! half of `dlint check --run`.

use super::{Format, FAILURE};
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExpectArg {
    /// A service if it EXPOSEs a port or has a HEALTHCHECK; otherwise it must not crash
    Auto,
    /// Must keep running
    Service,
    /// Must finish with exit code 0 within the time limit
    Job,
}

/// How to build and run, shared by `dlint run` and `dlint check --run`.
#[derive(Args, Debug, Clone)]
#[command(next_help_heading = "Build and run")]
pub struct RunArgs {
    /// Build this stage (and what it needs) instead of the last one
    #[arg(long, value_name = "STAGE")]
    target: Option<String>,
    /// Build argument, repeatable
    #[arg(long = "build-arg", value_name = "KEY=VALUE")]
    build_args: Vec<String>,
    /// Network for the build and the container (default: none, no network at all)
    #[arg(long, value_name = "NETWORK", default_value = "none")]
    network: String,
    /// What the container is meant to do
    #[arg(long, value_enum, default_value_t = ExpectArg::Auto)]
    expect: ExpectArg,
    /// Seconds a service must stay up after it starts
    #[arg(long, value_name = "SECONDS", default_value_t = 5.0)]
    startup: f64,
    /// Time limit in seconds for running and probing the container
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0)]
    timeout: f64,
    /// Time limit in seconds for each build
    #[arg(long, value_name = "SECONDS", default_value_t = 600.0)]
    build_timeout: f64,
    /// Seconds the container gets to exit after its stop signal
    #[arg(long, value_name = "SECONDS", default_value_t = 5.0)]
    stop_timeout: f64,
    /// Memory limit of the build and the container (e.g. 512m, 1g)
    #[arg(long, value_name = "SIZE", default_value = "512m")]
    memory: String,
    /// Process limit of the container
    #[arg(long, value_name = "N", default_value_t = 256)]
    pids: i64,
    /// CPU limit of the container
    #[arg(long, value_name = "N", default_value_t = 1.0)]
    cpus: f64,
    /// Give the container this capability back (all are dropped), repeatable
    #[arg(long = "cap-add", value_name = "CAP")]
    cap_add: Vec<String>,
    /// Keep the built image under this tag
    #[arg(long, value_name = "TAG")]
    keep: Option<String>,
    /// Image size budget in MB: a bigger image is an error (DR008)
    #[arg(long, value_name = "MB")]
    max_size: Option<f64>,
    /// Skip the rebuild that tests the layer cache (DR006)
    #[arg(long)]
    no_cache_check: bool,
    /// Print findings only: no progress on standard error and no summary line
    #[arg(short, long, help_heading = "Options")]
    pub(super) quiet: bool,
}

/// `dlint run`'s own arguments.
#[derive(Args, Debug)]
pub struct RunCommand {
    /// Build context directory
    #[arg(default_value = ".")]
    context: PathBuf,
    /// The Dockerfile (default: CONTEXT/Dockerfile, or CONTEXT/Containerfile)
    #[arg(short = 'f', long = "file", value_name = "DOCKERFILE")]
    file: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Tty)]
    format: Format,
    /// Write the report to FILE (replaced whole, never half written) instead of standard output
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Use this config file instead of discovering dlint.toml files
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore all config files
    #[arg(long)]
    no_config: bool,
    #[command(flatten)]
    options: RunArgs,
}

#[cfg(feature = "docker")]
mod enabled {
    use super::super::{fail, FINDINGS};
    use super::*;
    use crate::config::{KnownRules, Overrides, Resolver};
    use crate::docker::{self, Expect, RunError, RunOptions};
    use crate::lint::{Category, Diagnostic};
    use crate::report::FileReport;
    use std::path::Path;
    use std::time::Duration;

    /// Exit code when interrupted (128 + SIGINT), after cleaning up.
    const INTERRUPTED: u8 = 130;

    impl RunArgs {
        /// The checker's options for a Dockerfile and its context.
        pub fn options(&self, context: &Path, dockerfile: &Path) -> Result<RunOptions, String> {
            let mut options = RunOptions::new(context.to_path_buf(), dockerfile.to_path_buf());
            options.target = self.target.clone();
            for pair in &self.build_args {
                let (key, value) = match pair.split_once('=') {
                    Some((key, value)) => (key.to_owned(), value.to_owned()),
                    // As with docker: `--build-arg NAME` takes the value from the environment.
                    None => (pair.clone(), std::env::var(pair).unwrap_or_default()),
                };
                options.build_args.push((key, value));
            }
            options.sandbox.network = self.network.clone();
            options.expect = match self.expect {
                ExpectArg::Auto => Expect::Auto,
                ExpectArg::Service => Expect::Service,
                ExpectArg::Job => Expect::Job,
            };
            options.startup = seconds("--startup", self.startup)?;
            options.timeout = seconds("--timeout", self.timeout)?;
            options.build_timeout = seconds("--build-timeout", self.build_timeout)?;
            options.stop_timeout = seconds("--stop-timeout", self.stop_timeout)?;
            options.sandbox.memory = parse_size(&self.memory)
                .ok_or_else(|| format!("--memory {}: expected a size such as 512m or 1g (at least 6m)", self.memory))?;
            if self.pids < 1 {
                return Err(format!("--pids {}: expected at least 1", self.pids));
            }
            options.sandbox.pids = self.pids;
            if self.cpus.is_nan() || self.cpus <= 0.0 {
                return Err(format!("--cpus {}: expected a positive number", self.cpus));
            }
            options.sandbox.cpus = self.cpus;
            options.sandbox.cap_add = self.cap_add.clone();
            options.keep = self.keep.clone();
            options.max_size = match self.max_size {
                Some(mb) if mb > 0.0 => Some((mb * 1024.0 * 1024.0) as u64),
                Some(mb) => return Err(format!("--max-size {mb}: expected a positive number of MB")),
                None => None,
            };
            options.cache_check = !self.no_cache_check;
            Ok(options)
        }
    }

    fn seconds(flag: &str, value: f64) -> Result<Duration, String> {
        if value.is_finite() && value > 0.0 {
            Ok(Duration::from_secs_f64(value))
        } else {
            Err(format!("{flag} {value}: expected a positive number of seconds"))
        }
    }

    /// `512m`, `1g`, `300MB`, or bytes; at least 6 MB, the engine's minimum.
    fn parse_size(text: &str) -> Option<i64> {
        let lower = text.trim().to_ascii_lowercase();
        let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let unit = &lower[digits.len()..];
        let number: f64 = digits.parse().ok()?;
        let factor: f64 = match unit {
            "" | "b" => 1.0,
            "k" | "kb" => 1024.0,
            "m" | "mb" => 1024.0 * 1024.0,
            "g" | "gb" => 1024.0 * 1024.0 * 1024.0,
            _ => return None,
        };
        let bytes = number * factor;
        (bytes >= 6.0 * 1024.0 * 1024.0 && bytes < i64::MAX as f64).then_some(bytes as i64)
    }

    /// `dlint check --run`: the runtime findings of each Dockerfile, built one after the other, with
    /// `context` or else the Dockerfile's directory as the context. An error ends it (exit code).
    pub fn for_check(
        dockerfiles: &[&Path],
        context: Option<&Path>,
        args: &RunArgs,
    ) -> Result<Vec<Vec<Diagnostic>>, u8> {
        let mut all = Vec::with_capacity(dockerfiles.len());
        for dockerfile in dockerfiles {
            let shown = super::super::files::shown(dockerfile);
            let source = super::super::check::read_text(dockerfile).map_err(|e| fail(&format!("{shown}{e}")))?;
            let directory = dockerfile.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let options = args.options(context.unwrap_or(directory), dockerfile).map_err(|m| fail(&m))?;
            if !args.quiet {
                eprintln!("dlint run: {shown}");
            }
            all.push(runtime_findings(&source, &options, args.quiet).map_err(|e| error_code(&e))?);
        }
        Ok(all)
    }

    /// Runs the checker on one Dockerfile, printing progress unless quiet.
    fn runtime_findings(source: &str, options: &RunOptions, quiet: bool) -> Result<Vec<Diagnostic>, RunError> {
        let progress = |line: &str| {
            if !quiet {
                eprintln!("dlint run: {line}");
            }
        };
        docker::check(source, options, &progress)
    }

    /// The exit code for a checker error.
    fn error_code(error: &RunError) -> u8 {
        eprintln!("error: {error}");
        match error {
            RunError::Interrupted => INTERRUPTED,
            RunError::Failed(_) => FAILURE,
        }
    }

    pub fn run(command: RunCommand) -> u8 {
        let context = &command.context;
        let dockerfile = match &command.file {
            Some(file) => file.clone(),
            None => {
                let containerfile = context.join("Containerfile");
                if !context.join("Dockerfile").exists() && containerfile.exists() {
                    containerfile
                } else {
                    context.join("Dockerfile")
                }
            }
        };
        let shown = super::super::files::shown(&dockerfile);
        let source = match super::super::check::read_text(&dockerfile) {
            Ok(source) => source,
            Err(e) => return fail(&format!("{shown}{e}")),
        };
        let config = super::super::config_source(&command.config, command.no_config);
        let settings = match Resolver::new(config, Overrides::default(), KnownRules::registry())
            .and_then(|mut resolver| resolver.settings_for(&dockerfile))
        {
            Ok(settings) => settings,
            Err(e) => return fail(&e.to_string()),
        };
        let options = match command.options.options(context, &dockerfile) {
            Ok(options) => options,
            Err(message) => return fail(&message),
        };
        let found = match runtime_findings(&source, &options, command.options.quiet) {
            Ok(found) => found,
            Err(error) => return error_code(&error),
        };
        // Settings and suppression comments apply as for static rules; only runtime findings are shown.
        let mut diagnostics = crate::lint_source_with(&source, &settings, &|_| found.clone());
        diagnostics.retain(|d| crate::rules::find(d.code).is_some_and(|info| info.meta.category == Category::Runtime));
        let failing = diagnostics.iter().any(|d| super::super::fails(&settings, d));
        let report = [FileReport { path: shown, source, diagnostics }];
        let mut style = super::super::check::tty_style(command.options.quiet, false);
        style.color &= command.output.is_none();
        if let Err(code) =
            super::super::emit(&crate::report::render(command.format, style, &report), command.output.as_deref())
        {
            return code;
        }
        if failing {
            FINDINGS
        } else {
            0
        }
    }

    /// `dlint grade --run`: checks every submission on the engines (the rubric's when none are given),
    /// `jobs` at a time on each. The rubric's `max-size` items set the size budget.
    pub fn grade_checks(
        submissions: &[crate::grade::submission::Submission],
        rubric: &crate::grade::rubric::Rubric,
        engines: &[String],
        jobs: usize,
        args: &RunArgs,
    ) -> Result<Vec<Option<crate::grade::Runtime>>, u8> {
        use crate::grade::rubric::{Check, Requirement};
        if args.keep.is_some() {
            return Err(fail("--keep: not with `dlint grade`, which removes every image it builds"));
        }
        if jobs == 0 {
            return Err(fail("--jobs 0: expected at least 1"));
        }
        // A bad option value is one error before any build, not a lost item for every student.
        args.options(Path::new("."), Path::new("Dockerfile")).map_err(|message| fail(&message))?;
        if rubric.codes().any(|code| code == crate::rules::runtime::CACHE_BUSTING.code) {
            return Err(fail(
                "the rubric names DR006, which needs a cache rebuild; grading builds without a shared cache, \
                 so that no student's build uses another's layers",
            ));
        }
        let budget = rubric
            .items
            .iter()
            .filter_map(|item| match item.check {
                Check::Require(Requirement::MaxSize { mb }) => Some((mb * 1024.0 * 1024.0) as u64),
                _ => None,
            })
            .min();
        let options_for = |context: &Path, dockerfile: &Path| -> Result<RunOptions, String> {
            let mut options = args.options(context, dockerfile)?;
            options.max_size = match (options.max_size, budget) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            Ok(options)
        };
        let engines: Vec<Option<String>> = match (engines, rubric.engines.as_slice()) {
            ([], []) => vec![None],
            ([], from_rubric) => from_rubric.iter().cloned().map(Some).collect(),
            (given, _) => given.iter().cloned().map(Some).collect(),
        };
        let progress = |line: &str| {
            if !args.quiet {
                eprintln!("dlint grade: {line}");
            }
        };
        crate::grade::runtime::check_class(submissions, &engines, jobs, &options_for, &progress).map_err(|_| {
            eprintln!("error: interrupted");
            INTERRUPTED
        })
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn sizes() {
            assert_eq!(parse_size("512m"), Some(512 * 1024 * 1024));
            assert_eq!(parse_size("1G"), Some(1024 * 1024 * 1024));
            assert_eq!(parse_size("1k"), None);
            assert_eq!(parse_size("lots"), None);
        }
    }
}

#[cfg(feature = "docker")]
pub use enabled::{for_check, grade_checks, run};

#[cfg(not(feature = "docker"))]
const NO_DOCKER: &str = "this build has no build-and-run checker (built without the `docker` feature)";

#[cfg(not(feature = "docker"))]
pub fn run(_command: RunCommand) -> u8 {
    eprintln!("error: {NO_DOCKER}");
    FAILURE
}

#[cfg(not(feature = "docker"))]
pub fn grade_checks(
    _submissions: &[crate::grade::submission::Submission],
    _rubric: &crate::grade::rubric::Rubric,
    _engines: &[String],
    _jobs: usize,
    _args: &RunArgs,
) -> Result<Vec<Option<crate::grade::Runtime>>, u8> {
    eprintln!("error: --run: {NO_DOCKER}");
    Err(FAILURE)
}

#[cfg(not(feature = "docker"))]
pub fn for_check(
    _dockerfiles: &[&std::path::Path],
    _context: Option<&std::path::Path>,
    _args: &RunArgs,
) -> Result<Vec<Vec<crate::lint::Diagnostic>>, u8> {
    eprintln!("error: --run: {NO_DOCKER}");
    Err(FAILURE)
}
