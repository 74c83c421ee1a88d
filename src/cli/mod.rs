//! Command-line front end: argument parsing and the subcommands. `dlint PATHS...` means `dlint check`.

mod check;
mod config;
mod files;
mod grade;
mod progress;
mod rules;
mod run;
mod shellcheck;
mod watchdog;

use crate::config::FailLevel;
use crate::lint::Severity;
use crate::report::Format;
use clap::builder::{BoolishValueParser, PossibleValuesParser, TypedValueParser};
use clap::error::ErrorKind;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

fn positive_seconds(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(seconds) if seconds > 0.0 && seconds.is_finite() => Ok(seconds),
        _ => Err(format!("`{text}` is not a positive number of seconds")),
    }
}

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
    Check(Box<CheckArgs>),
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
    Run(Box<run::RunCommand>),
    /// Grade a class: score each submission against a rubric, write feedback and a class report
    Grade(Box<grade::GradeArgs>),
    /// Print a shell completion script (e.g. `dlint completions bash > /etc/bash_completion.d/dlint`)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write the dlint.toml equivalent to a hadolint config (.hadolint.yaml / .hadolint.yml)
    Migrate(config::MigrateArgs),
    /// Show the settings that apply to a Dockerfile as dlint.toml keys, or dlint.toml's JSON Schema
    Config(config::ConfigArgs),
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
    #[arg(long, value_enum, default_value_t = Format::Tty, env = "DLINT_FORMAT")]
    format: Format,
    /// Write the report to FILE (replaced whole, never half written) instead of standard output
    #[arg(long, value_name = "FILE", conflicts_with = "diff", env = "DLINT_OUTPUT")]
    output: Option<PathBuf>,
    /// Lowest severity that makes the exit code 1, or `never` (overrides config)
    #[arg(long, value_name = "LEVEL", value_parser = fail_level_parser(), env = "DLINT_FAIL_LEVEL")]
    fail_level: Option<FailLevel>,
    /// Findings never make the exit code 1 (hadolint's --no-fail; same as --fail-level never)
    #[arg(long, env = "DLINT_NO_FAIL", value_parser = BoolishValueParser::new())]
    no_fail: bool,
    /// Only these rules, comma separated codes or names (replaces config's `select`)
    #[arg(long, value_delimiter = ',', value_name = "RULES", env = "DLINT_SELECT")]
    select: Option<Vec<String>>,
    /// Also these rules, including ones off by default
    #[arg(long, value_delimiter = ',', value_name = "RULES", env = "DLINT_EXTEND_SELECT")]
    extend_select: Vec<String>,
    /// Never report these rules
    #[arg(long, value_delimiter = ',', value_name = "RULES", env = "DLINT_IGNORE")]
    ignore: Vec<String>,
    /// Report these rules as errors (over config's `severity`)
    #[arg(long, value_delimiter = ',', value_name = "RULES", env = "DLINT_OVERRIDE_ERROR")]
    override_error: Vec<String>,
    /// Report these rules as warnings
    #[arg(long, value_delimiter = ',', value_name = "RULES", env = "DLINT_OVERRIDE_WARNING")]
    override_warning: Vec<String>,
    /// Report these rules as info
    #[arg(long, value_delimiter = ',', value_name = "RULES", env = "DLINT_OVERRIDE_INFO")]
    override_info: Vec<String>,
    /// Report these rules as style
    #[arg(long, value_delimiter = ',', value_name = "RULES", env = "DLINT_OVERRIDE_STYLE")]
    override_style: Vec<String>,
    /// Also trust these registries for base images (DL3026), comma separated
    #[arg(long, value_delimiter = ',', value_name = "REGISTRIES", env = "DLINT_TRUSTED_REGISTRIES")]
    trusted_registry: Vec<String>,
    /// Report labels the label schema does not list
    #[arg(long, env = "DLINT_STRICT_LABELS", value_parser = BoolishValueParser::new())]
    strict_labels: bool,
    /// Do not honour `# hadolint ignore=` comments (`# dlint ignore=` still applies)
    #[arg(long, env = "DLINT_DISABLE_IGNORE_PRAGMA", value_parser = BoolishValueParser::new())]
    disable_ignore_pragma: bool,
    /// Use this config file (dlint.toml or .hadolint.yaml) instead of discovering config files
    #[arg(long, value_name = "FILE", env = "DLINT_CONFIG")]
    config: Option<PathBuf>,
    /// Ignore all config files
    #[arg(long, env = "DLINT_NO_CONFIG", value_parser = BoolishValueParser::new())]
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
    #[arg(long, env = "DLINT_SHELLCHECK", value_parser = BoolishValueParser::new())]
    shellcheck: bool,
    /// Also build and run each Dockerfile (context: --context, or the Dockerfile's directory) and add
    /// the runtime findings, as `dlint run` does
    #[arg(long)]
    run: bool,
    #[command(flatten)]
    run_options: run::RunArgs,
    /// Stop with an error naming the file when one file takes longer than this to lint (a guard against
    /// a hang; no real Dockerfile comes near it)
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0, value_parser = positive_seconds, env = "DLINT_FILE_TIMEOUT")]
    file_timeout: f64,
    /// Read and parse the files (Dockerfile and shell) and report nothing: the floor a lint is
    /// measured against (scripts/bench-peers.sh)
    #[arg(long, hide = true)]
    parse_only: bool,
}

fn fail_level_parser() -> impl TypedValueParser<Value = FailLevel> {
    PossibleValuesParser::new(FailLevel::ALL.map(FailLevel::as_str))
        .map(|level| FailLevel::parse(&level).expect("clap allows only known levels"))
}

/// Parses the command line (and the `DLINT_*` environment variables of its flags).
pub fn parse_args() -> Cli {
    use clap::parser::ValueSource;
    use clap::{CommandFactory, FromArgMatches};
    let parsed = Cli::command().try_get_matches().and_then(|matches| {
        let mut cli = Cli::from_arg_matches(&matches)?;
        let check = matches.subcommand_matches("check").unwrap_or(&matches);
        let args = match &mut cli.command {
            Some(Command::Check(args)) => args.as_mut(),
            _ => &mut cli.check,
        };
        args.prefer_command_line(|id| check.value_source(id) == Some(ValueSource::EnvVariable))?;
        Ok(cli)
    });
    parsed.unwrap_or_else(|error| exit_with(error))
}

/// Prints a command-line error and exits; a bad value taken from an environment variable names it.
fn exit_with(error: clap::Error) -> ! {
    use clap::error::{ContextKind, ContextValue};
    use clap::CommandFactory;
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => text.clone(),
        _ => String::new(),
    };
    let (flag, value) = (context(ContextKind::InvalidArg), context(ContextKind::InvalidValue));
    let command = Cli::command();
    let from_env =
        command.get_arguments().filter_map(|arg| Some((arg.get_long()?, arg.get_env()?))).find(|(long, variable)| {
            (flag == format!("--{long}") || flag.starts_with(&format!("--{long} ")))
                && std::env::var_os(variable).is_some_and(|set| set.to_string_lossy() == value)
        });
    if let Some((_, variable)) = from_env {
        let details: String = error.render().to_string().lines().skip(1).map(|line| format!("{line}\n")).collect();
        eprint!(
            "error: environment variable {}: invalid value '{value}' for {flag}\n{details}",
            variable.to_string_lossy()
        );
        std::process::exit(FAILURE.into());
    }
    error.exit()
}

impl CheckArgs {
    /// Where a setting comes from the command line and its opposite from the environment, the command
    /// line wins; both on the command line is a conflict.
    fn prefer_command_line(&mut self, from_env: impl Fn(&str) -> bool) -> Result<(), clap::Error> {
        if self.no_fail && self.fail_level.is_some() && from_env("no_fail") && !from_env("fail_level") {
            self.no_fail = false;
        }
        if self.no_config && self.config.is_some() {
            match (from_env("config"), from_env("no_config")) {
                (false, true) => self.no_config = false,
                (false, false) => {
                    let message = "the argument '--config <FILE>' cannot be used with '--no-config'";
                    return Err(<Cli as clap::CommandFactory>::command().error(ErrorKind::ArgumentConflict, message));
                }
                (true, _) => self.config = None,
            }
        }
        Ok(())
    }
}

/// Prints an error and gives the exit code for it.
fn fail(message: &str) -> u8 {
    eprintln!("error: {message}");
    FAILURE
}

/// Writes `text` to standard output and gives 0, or prints an error and gives the failure code. A reader
/// that stops reading (`dlint rules | head`) is not an error: the rest of the text is dropped.
fn write_stdout(text: &str) -> u8 {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => fail(&format!("cannot write to standard output: {e}")),
        _ => 0,
    }
}

/// Prints a report on standard output, or writes it to `output` whole; an unwritable file is an error.
fn emit(report: &str, output: Option<&std::path::Path>) -> Result<(), u8> {
    match output {
        None => match write_stdout(report) {
            0 => Ok(()),
            code => Err(code),
        },
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
        Some(Command::Check(args)) => check::run(*args),
        Some(Command::Rules { format }) => rules::list(format),
        Some(Command::Rule { code }) => rules::explain(&code),
        Some(Command::Run(command)) => run::run(*command),
        Some(Command::Grade(args)) => grade::run(*args),
        Some(Command::Completions { shell }) => completions(shell),
        Some(Command::Migrate(args)) => config::migrate(args),
        Some(Command::Config(args)) => config::config(args),
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
