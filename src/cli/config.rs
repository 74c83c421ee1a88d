//! `dlint migrate` (a hadolint config rewritten as dlint.toml) and `dlint config --schema`.

use super::files::write_atomically;
use super::{fail, write_stdout};
use crate::config::{migrate as convert, schema, KnownRules, Overrides, Resolver, FILE_NAMES};
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct MigrateArgs {
    /// The hadolint config, or a directory holding .hadolint.yaml or .hadolint.yml
    #[arg(default_value = ".")]
    path: PathBuf,
    /// Where to write (default: dlint.toml beside the hadolint config); `-` prints it
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace an existing dlint config
    #[arg(long)]
    force: bool,
}

#[derive(Args, Debug)]
pub struct ConfigArgs {
    /// The Dockerfile (which need not exist) whose settings to show, as dlint.toml keys
    #[arg(default_value = "Dockerfile", conflicts_with = "schema")]
    path: PathBuf,
    /// Print the JSON Schema of dlint.toml instead
    #[arg(long)]
    schema: bool,
    /// Use this config file instead of discovering config files
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Show the defaults
    #[arg(long)]
    no_config: bool,
}

pub fn migrate(args: MigrateArgs) -> u8 {
    let source = match hadolint_config(&args.path) {
        Ok(source) => source,
        Err(message) => return fail(&message),
    };
    let text = match std::fs::read_to_string(&source) {
        Ok(text) => text,
        Err(e) => return fail(&format!("{}: {e}", source.display())),
    };
    let migrated = match convert::from_hadolint(&text, &source, &KnownRules::registry()) {
        Ok(migrated) => migrated,
        Err(e) => return fail(&e.to_string()),
    };
    let dir = source.parent().unwrap_or(Path::new("."));
    let output = args.output.unwrap_or_else(|| dir.join(FILE_NAMES[0]));
    if output == Path::new("-") {
        return write_stdout(&migrated);
    }
    if output.exists() && !args.force {
        return fail(&format!("{} already exists; pass --force to replace it", output.display()));
    }
    if let Err(e) = write_atomically(&output, &migrated) {
        return fail(&format!("{}: cannot write: {e}", output.display()));
    }
    eprintln!("Wrote {} from {}", output.display(), source.display());
    0
}

/// `path` itself when it is a file, else the hadolint config in that directory.
fn hadolint_config(path: &Path) -> Result<PathBuf, String> {
    if !path.is_dir() {
        return match path.exists() {
            true => Ok(path.to_owned()),
            false => Err(format!("{}: no such file or directory", path.display())),
        };
    }
    let names = &FILE_NAMES[2..];
    names
        .iter()
        .map(|name| path.join(name))
        .find(|candidate| candidate.is_file())
        .ok_or_else(|| format!("{}: no hadolint config here (looked for {})", path.display(), names.join(" and ")))
}

/// The JSON Schema, or the settings that apply to a file (config files only: flags and `DLINT_*`
/// variables are `check`'s).
pub fn config(args: ConfigArgs) -> u8 {
    if args.schema {
        return match serde_json::to_string_pretty(&schema::json_schema()) {
            Ok(text) => write_stdout(&format!("{text}\n")),
            Err(e) => fail(&e.to_string()),
        };
    }
    let source = super::config_source(&args.config, args.no_config);
    let settings = Resolver::new(source, Overrides::default(), KnownRules::registry())
        .and_then(|mut resolver| resolver.settings_for(&args.path));
    match settings {
        Ok(settings) => {
            let header =
                format!("# The settings dlint uses for {} (keys at their default are left out).", args.path.display());
            write_stdout(&format!("{header}\n{}", convert::settings_toml(&settings)))
        }
        Err(e) => fail(&e.to_string()),
    }
}
