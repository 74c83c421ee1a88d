//! Command-line front end: argument parsing and the subcommands. `dlint PATHS...` means `dlint check`.

mod check;
mod files;
mod progress;
mod rules;
mod run;
mod shellcheck;

use crate::lint::Severity;
use crate::report::{self, FileReport};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Exit code for findings at or above the fail level.
const FINDINGS: u8 = 1;
/// Exit code for usage, config and IO errors.
const FAILURE: u8 = 2;

#[derive(Parser, Debug)]
#[command(name = "dlint", version, about = "A Dockerfile linter", args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    check: CheckArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Lint Dockerfiles (the default command)
    Check(CheckArgs),
    /// List every rule
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Tty)]
        format: RulesFormat,
    },
    /// Show a rule's documentation
    #[command(alias = "explain")]
    Rule {
        /// Rule code or name, in any case
        code: String,
    },
    /// Build and run the image in a sandbox and report what the Dockerfile gets wrong at runtime
    Run(run::RunCommand),
    /// Print a shell completion script (e.g. `dlint completions bash > /etc/bash_completion.d/dlint`)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Run the language server over standard input and output
    Lsp {
        /// Talk over standard input and output (the only transport, and the default)
        #[arg(long)]
        stdio: bool,
        /// Use this config file for every document instead of discovering dlint.toml files
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
}

/// How `dlint check` and `dlint run` print their findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Code snippets and a summary, for people
    Tty,
    /// One JSON array of findings
    Json,
    /// SARIF 2.1.0, for code scanning (GitHub, Azure DevOps, SonarQube)
    Sarif,
    /// Checkstyle XML
    Checkstyle,
    /// GitLab Code Quality JSON
    Gitlab,
    /// GitHub Actions annotations (workflow commands)
    Github,
    /// JUnit XML, for CI test reports
    Junit,
    /// `file:line:column: severity: message [CODE]`
    Gnu,
    /// One line per finding
    Concise,
}

impl Format {
    /// The findings in this format; `color` is for the terminal format, the only one with colour.
    fn render(self, reports: &[FileReport], style: report::tty::Style) -> String {
        match self {
            Format::Tty => report::tty::render(reports, reports.len(), style),
            Format::Json => report::json::render(reports),
            Format::Sarif => report::sarif::render(reports),
            Format::Checkstyle => report::checkstyle::render(reports),
            Format::Gitlab => report::gitlab::render(reports),
            Format::Github => report::github::render(reports),
            Format::Junit => report::junit::render(reports),
            Format::Gnu => report::gnu::render(reports),
            Format::Concise => report::concise::render(reports),
        }
    }
}

/// How `dlint rules` prints the rule list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum RulesFormat {
    Tty,
    Json,
}

#[derive(Args, Debug)]
struct CheckArgs {
    /// Files and directories to lint (directories are searched for Dockerfiles); `-` reads standard input
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Tty)]
    format: Format,
    /// Write the report to FILE (replaced whole, never half written) instead of standard output
    #[arg(long, value_name = "FILE", conflicts_with = "diff")]
    output: Option<PathBuf>,
    /// Lowest severity that makes the exit code 1 (overrides config)
    #[arg(long, value_name = "LEVEL", value_parser = severity_parser())]
    fail_level: Option<Severity>,
    /// Only these rules, comma separated codes or names (replaces config's `select`)
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    select: Option<Vec<String>>,
    /// Also these rules, including ones off by default
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    extend_select: Vec<String>,
    /// Never report these rules
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    ignore: Vec<String>,
    /// Use this config file instead of discovering dlint.toml files
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore all config files
    #[arg(long)]
    no_config: bool,
    /// Apply safe fixes in place (standard input: print the fixed text)
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// With --fix or --diff, apply unsafe fixes too
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print the changes --fix would make as a unified diff and write nothing; exit code 1 if there are any
    #[arg(long)]
    diff: bool,
    /// Apply only the fixes of these rules, comma separated codes or names (implies --fix unless --diff)
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    fix_only: Option<Vec<String>>,
    /// Print how many findings each rule has instead of the findings
    #[arg(long)]
    statistics: bool,
    /// Show the source lines under each finding (the default)
    #[arg(long, overrides_with = "hide_source")]
    show_source: bool,
    /// Print each finding without its source lines
    #[arg(long, overrides_with = "show_source")]
    hide_source: bool,
    /// Name to report standard input under; config is discovered from its directory
    #[arg(long, value_name = "NAME", default_value = "-")]
    stdin_filename: PathBuf,
    /// Build context directory: its .dockerignore is checked against COPY and ADD sources
    #[arg(long, value_name = "DIR")]
    context: Option<PathBuf>,
    /// Also run ShellCheck (found on PATH) over every RUN script
    #[arg(long)]
    shellcheck: bool,
    /// Also build and run each Dockerfile (context: --context, or the Dockerfile's directory) and add
    /// the runtime findings, as `dlint run` does
    #[arg(long)]
    run: bool,
    #[command(flatten)]
    run_options: run::RunArgs,
}

fn severity_parser() -> impl TypedValueParser<Value = Severity> {
    PossibleValuesParser::new(Severity::ALL.map(Severity::as_str))
        .map(|level| Severity::parse(&level).expect("clap allows only known levels"))
}

/// Prints an error and gives the exit code for it.
fn fail(message: &str) -> u8 {
    eprintln!("error: {message}");
    FAILURE
}

/// Prints a report on standard output, or writes it to `output` whole; an unwritable file is an error.
fn emit(report: &str, output: Option<&std::path::Path>) -> Result<(), u8> {
    match output {
        None => {
            print!("{report}");
            Ok(())
        }
        Some(path) => files::write_atomically(path, report)
            .map_err(|e| fail(&format!("--output {}: cannot write the report: {e}", path.display()))),
    }
}

/// Where settings come from: `--no-config`, `--config FILE`, or the nearest config file.
fn config_source(config: &Option<PathBuf>, no_config: bool) -> crate::config::ConfigSource {
    use crate::config::ConfigSource;
    match (config, no_config) {
        (_, true) => ConfigSource::Defaults,
        (Some(path), false) => ConfigSource::File(path.clone()),
        (None, false) => ConfigSource::Discover,
    }
}

/// Whether a finding makes the exit code 1: at or above the fail level, except the build checker's
/// image-size report (DR008 at its default level), which is a measurement until a budget is exceeded.
fn fails(settings: &crate::lint::Settings, diagnostic: &crate::lint::Diagnostic) -> bool {
    let measurement =
        diagnostic.code == crate::rules::runtime::IMAGE_SIZE.code && diagnostic.severity < Severity::Error;
    !measurement && settings.fail_level.is_some_and(|level| diagnostic.severity >= level)
}

/// Run a parsed command line and return the process exit code.
pub fn run(cli: Cli) -> u8 {
    match cli.command {
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Rules { format }) => rules::list(format),
        Some(Command::Rule { code }) => rules::explain(&code),
        Some(Command::Run(command)) => run::run(command),
        Some(Command::Completions { shell }) => completions(shell),
        Some(Command::Lsp { stdio: _, config }) => lsp(config),
        None => check::run(cli.check),
    }
}

fn completions(shell: clap_complete::Shell) -> u8 {
    use clap::CommandFactory;
    clap_complete::generate(shell, &mut Cli::command(), "dlint", &mut std::io::stdout());
    0
}

/// Starts the language server; a `--config` that cannot be loaded is an error before it starts, as in `check`.
#[cfg(feature = "lsp")]
fn lsp(config: Option<PathBuf>) -> u8 {
    use crate::config::{ConfigSource, KnownRules, Overrides, Resolver};
    if let Some(path) = &config {
        if let Err(error) =
            Resolver::new(ConfigSource::File(path.clone()), Overrides::default(), KnownRules::registry())
        {
            eprintln!("dlint: {error}");
            return FAILURE;
        }
    }
    crate::lsp::run(config)
}

#[cfg(not(feature = "lsp"))]
fn lsp(_config: Option<PathBuf>) -> u8 {
    eprintln!("dlint: this build has no language server support (built without the `lsp` feature)");
    FAILURE
}
