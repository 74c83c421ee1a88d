//! Config files: the schema of `dlint.toml` / `.dlint.toml`, hadolint's `.hadolint.yaml` read for projects
//! moving over, and discovery of the nearest one above each linted file.

pub mod hadolint;
pub mod migrate;
pub mod schema;

use crate::lint::{RuleOptions, Settings, Severity};
use crate::rules;
use crate::text::suggest;
use crate::text::LineIndex;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// Looked for in this order in each directory: dlint's own, then hadolint's.
pub const FILE_NAMES: [&str; 4] = ["dlint.toml", ".dlint.toml", ".hadolint.yaml", ".hadolint.yml"];

fn is_hadolint(path: &Path) -> bool {
    path.extension().is_some_and(|extension| extension == "yaml" || extension == "yml")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    extend_select: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    fail_level: Option<FailLevel>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Level>,
    #[serde(default)]
    options: RawOptions,
    #[serde(default)]
    shellcheck: bool,
    hadolint_pragmas: Option<bool>,
    #[serde(default)]
    external: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawOptions {
    #[serde(default)]
    trusted_registries: Vec<String>,
    #[serde(default)]
    strict_labels: bool,
    #[serde(default)]
    label_schema: BTreeMap<String, String>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Level {
    Style,
    Info,
    Warning,
    Error,
}

/// `fail-level`: a severity, or `never` (hadolint's `no-fail` and `failure-threshold: none`).
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum FailLevel {
    Style,
    Info,
    Warning,
    Error,
    Never,
}

impl FailLevel {
    pub const ALL: [FailLevel; 5] =
        [FailLevel::Style, FailLevel::Info, FailLevel::Warning, FailLevel::Error, FailLevel::Never];

    pub fn as_str(self) -> &'static str {
        match self.threshold() {
            Some(severity) => severity.as_str(),
            None => "never",
        }
    }

    pub fn parse(text: &str) -> Option<FailLevel> {
        FailLevel::ALL.into_iter().find(|level| level.as_str().eq_ignore_ascii_case(text))
    }

    pub fn from_threshold(threshold: Option<Severity>) -> FailLevel {
        match threshold {
            Some(Severity::Style) => FailLevel::Style,
            Some(Severity::Info) => FailLevel::Info,
            Some(Severity::Warning) => FailLevel::Warning,
            Some(Severity::Error) => FailLevel::Error,
            None => FailLevel::Never,
        }
    }

    /// The lowest failing severity; `None`: findings never fail.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailLevel::Style => Some(Severity::Style),
            FailLevel::Info => Some(Severity::Info),
            FailLevel::Warning => Some(Severity::Warning),
            FailLevel::Error => Some(Severity::Error),
            FailLevel::Never => None,
        }
    }
}

impl From<Level> for Severity {
    fn from(level: Level) -> Severity {
        match level {
            Level::Style => Severity::Style,
            Level::Info => Severity::Info,
            Level::Warning => Severity::Warning,
            Level::Error => Severity::Error,
        }
    }
}

/// A config file that cannot be read or does not fit the schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based line and column, when the problem has a place in the file.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ConfigError {}

/// The rule codes, names and aliases config may mention. With none known, every name is accepted.
#[derive(Clone, Debug, Default)]
pub struct KnownRules {
    /// Canonical spellings, matched without regard to ASCII case. Config names few rules, so a scan per
    /// name costs less than building an index at every start.
    names: Vec<Cow<'static, str>>,
}

impl KnownRules {
    pub fn new<S: Into<Cow<'static, str>>>(names: impl IntoIterator<Item = S>) -> Self {
        KnownRules { names: names.into_iter().map(Into::into).collect() }
    }

    /// These rules plus codes of other tools that config may name (`external`).
    fn with_external(&self, external: &[String]) -> Self {
        let mut names = self.names.clone();
        if !names.is_empty() {
            names.extend(external.iter().map(|code| Cow::Owned(code.clone())));
        }
        KnownRules { names }
    }

    fn canonical(&self, name: &str) -> Option<&str> {
        self.names.iter().map(|known| known.as_ref()).find(|known| known.eq_ignore_ascii_case(name))
    }

    /// Whether `name` is one of these rules' codes, names or aliases, or a ShellCheck code (with no rules
    /// known, any name).
    pub fn knows(&self, name: &str) -> bool {
        self.names.is_empty() || self.canonical(name).is_some() || is_shellcheck_code(name)
    }

    pub fn registry() -> Self {
        KnownRules::new(
            rules::all()
                .flat_map(|info| [info.meta.code, info.meta.name].into_iter().chain(info.meta.aliases.iter().copied())),
        )
    }

    /// The canonical spelling of a rule code or name (or `ALL`), or an error message with a suggestion.
    pub fn resolve(&self, name: &str) -> Result<String, String> {
        if name.eq_ignore_ascii_case("ALL") {
            return Ok("ALL".to_owned());
        }
        if self.names.is_empty() {
            return Ok(name.to_owned());
        }
        if let Some(canonical) = self.canonical(name) {
            return Ok(canonical.to_owned());
        }
        if is_shellcheck_code(name) {
            return Ok(name.to_uppercase());
        }
        let mut message = format!("unknown rule `{name}`");
        if let Some(near) = suggest::closest(name, self.names.iter().map(|known| known.as_ref())) {
            message.push_str(&format!("; did you mean `{near}`?"));
        }
        Err(message)
    }
}

/// `SC` and four digits: ShellCheck's codes, which `--shellcheck` reports and config may name.
pub fn is_shellcheck_code(name: &str) -> bool {
    let (prefix, digits) = name.split_at(name.len().min(2));
    prefix.eq_ignore_ascii_case("SC") && digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A TOML file being read, for errors that point at a line and column of it.
pub(crate) struct TomlFile<'a> {
    text: &'a str,
    path: &'a Path,
    index: LineIndex,
}

impl<'a> TomlFile<'a> {
    pub(crate) fn new(text: &'a str, path: &'a Path) -> Self {
        TomlFile { text, path, index: LineIndex::new(text) }
    }

    /// Deserialises the whole file; a syntax or schema error names its place.
    pub(crate) fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, ConfigError> {
        toml::from_str(self.text).map_err(|e| self.error(e.span(), with_key_suggestion(e.message().trim())))
    }

    /// An error at `span` of the file (or at the file, without one).
    pub(crate) fn error(&self, span: Option<std::ops::Range<usize>>, message: String) -> ConfigError {
        ConfigError {
            path: self.path.to_owned(),
            position: span.map(|span| {
                let at = self.index.line_col(self.text, span.start);
                (at.line, at.column)
            }),
            message,
        }
    }
}

/// serde's "unknown field `x`, expected one of `a`, `b`" with the likely intended key appended.
fn with_key_suggestion(message: &str) -> String {
    let suggestion = message.strip_prefix("unknown field `").and_then(|rest| {
        let (key, expected) = rest.split_once("`, expected one of ")?;
        let keys = expected.split(", ").map(|k| k.trim_matches('`'));
        suggest::closest(key, keys)
    });
    match suggestion {
        Some(key) => format!("{message}; did you mean `{key}`?"),
        None => message.to_owned(),
    }
}

/// Parse a config file's text into settings. `path` names the file in errors.
pub fn parse(text: &str, path: &Path, known: &KnownRules) -> Result<Settings, ConfigError> {
    let file = TomlFile::new(text, path);
    let error_at = |span, message| file.error(span, message);
    let raw: RawConfig = file.parse()?;
    let known = &known.with_external(&raw.external);
    let resolve_all = |names: Vec<Spanned<String>>| -> Result<BTreeSet<String>, ConfigError> {
        names
            .into_iter()
            .map(|name| known.resolve(name.get_ref()).map_err(|message| error_at(Some(name.span()), message)))
            .collect()
    };
    let mut severity = BTreeMap::new();
    for (name, level) in raw.severity {
        let code = known.resolve(name.get_ref()).map_err(|message| error_at(Some(name.span()), message))?;
        if code == "ALL" {
            return Err(error_at(Some(name.span()), "`ALL` cannot be given a severity".to_owned()));
        }
        severity.insert(code, level.into());
    }
    Ok(Settings {
        select: raw.select.map(resolve_all).transpose()?,
        extend_select: resolve_all(raw.extend_select)?,
        ignore: resolve_all(raw.ignore)?,
        severity,
        fail_level: raw.fail_level.map_or(Settings::default().fail_level, FailLevel::threshold),
        options: RuleOptions {
            trusted_registries: raw.options.trusted_registries,
            label_schema: raw.options.label_schema,
            strict_labels: raw.options.strict_labels,
            dockerignore: None,
        },
        shellcheck: raw.shellcheck,
        suppressions: true,
        hadolint_pragmas: raw.hadolint_pragmas.unwrap_or(true),
        external: raw.external.into_iter().collect(),
    })
}

/// Read and parse a config file; errors name it as `shown`.
pub fn load(path: &Path, shown: &Path, known: &KnownRules) -> Result<Settings, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: shown.to_owned(),
        position: None,
        message: e.to_string(),
    })?;
    match is_hadolint(path) {
        true => hadolint::parse(&text, shown, known),
        false => parse(&text, shown, known),
    }
}

/// Command-line settings that take precedence over config files.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// Replaces the config's `select`.
    pub select: Option<BTreeSet<String>>,
    /// Added to the config's lists.
    pub extend_select: BTreeSet<String>,
    pub ignore: BTreeSet<String>,
    /// `--fail-level`; `--no-fail` is `never`.
    pub fail_level: Option<FailLevel>,
    /// `--override-error` and the like: per-code severities, over the config's.
    pub severity: BTreeMap<String, Severity>,
    /// `--trusted-registry`: added to the config's list.
    pub trusted_registries: Vec<String>,
    /// `--strict-labels`, `--shellcheck`: turn these on whatever the config says.
    pub strict_labels: bool,
    pub shellcheck: bool,
    /// `--disable-ignore-pragma`: `# hadolint ignore=` comments are not honoured.
    pub disable_hadolint_pragmas: bool,
}

impl Overrides {
    pub fn apply(&self, mut settings: Settings) -> Settings {
        if let Some(select) = &self.select {
            settings.select = Some(select.clone());
        }
        settings.extend_select.extend(self.extend_select.iter().cloned());
        settings.ignore.extend(self.ignore.iter().cloned());
        if let Some(level) = self.fail_level {
            settings.fail_level = level.threshold();
        }
        settings.severity.extend(self.severity.iter().map(|(code, level)| (code.clone(), *level)));
        settings.options.trusted_registries.extend(self.trusted_registries.iter().cloned());
        settings.options.strict_labels |= self.strict_labels;
        settings.shellcheck |= self.shellcheck;
        settings.hadolint_pragmas &= !self.disable_hadolint_pragmas;
        settings
    }
}

/// Where settings come from.
#[derive(Clone, Debug)]
pub enum ConfigSource {
    /// The nearest config file above each linted file.
    Discover,
    /// One file for everything (`--config`).
    File(PathBuf),
    /// Defaults only (`--no-config`).
    Defaults,
}

/// Finds and caches the settings for each linted file.
pub struct Resolver {
    discover: bool,
    overrides: Overrides,
    known: KnownRules,
    cwd: PathBuf,
    /// Settings used where no config file applies (or for everything, with `--config`).
    fallback: Arc<Settings>,
    /// Directory -> the config file that applies to it.
    nearest: HashMap<PathBuf, Option<PathBuf>>,
    loaded: HashMap<PathBuf, Arc<Settings>>,
}

impl Resolver {
    pub fn new(source: ConfigSource, overrides: Overrides, known: KnownRules) -> Result<Self, ConfigError> {
        let cwd = std::env::current_dir().unwrap_or_default();
        let (discover, fallback) = match &source {
            ConfigSource::Discover => (true, Settings::default()),
            ConfigSource::Defaults => (false, Settings::default()),
            ConfigSource::File(path) => (false, load(path, path, &known)?),
        };
        let fallback = Arc::new(overrides.apply(fallback));
        Ok(Resolver { discover, overrides, known, cwd, fallback, nearest: HashMap::new(), loaded: HashMap::new() })
    }

    /// Settings for a file at `path` (which need not exist: stdin is linted as if it were there).
    pub fn settings_for(&mut self, path: &Path) -> Result<Arc<Settings>, ConfigError> {
        if !self.discover {
            return Ok(self.fallback.clone());
        }
        let absolute = self.cwd.join(path);
        let dir = absolute.parent().unwrap_or(&absolute).to_owned();
        let Some(config) = self.nearest_config(&dir) else { return Ok(self.fallback.clone()) };
        if let Some(settings) = self.loaded.get(&config) {
            return Ok(settings.clone());
        }
        let shown = config.strip_prefix(&self.cwd).unwrap_or(&config);
        let settings = Arc::new(self.overrides.apply(load(&config, shown, &self.known)?));
        self.loaded.insert(config, settings.clone());
        Ok(settings)
    }

    fn nearest_config(&mut self, dir: &Path) -> Option<PathBuf> {
        if let Some(found) = self.nearest.get(dir) {
            return found.clone();
        }
        let here = FILE_NAMES.iter().map(|name| dir.join(name)).find(|candidate| candidate.is_file());
        let found = here.or_else(|| dir.parent().and_then(|parent| self.nearest_config(parent)));
        self.nearest.insert(dir.to_owned(), found.clone());
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_every_key_to_settings() {
        let text = r#"
select = ["DL3008", "pin-versions"]
extend-select = ["DF005"]
ignore = ["dl3059"]
fail-level = "warning"
[severity]
DL3008 = "error"
[options]
trusted-registries = ["docker.io"]
strict-labels = true
[options.label-schema]
maintainer = "text"
"#;
        let known = KnownRules::new(["DL3008", "pin-versions", "DF005", "DL3059"]);
        let settings = parse(text, Path::new("dlint.toml"), &known).unwrap();
        assert_eq!(settings.select, Some(BTreeSet::from(["DL3008".to_owned(), "pin-versions".to_owned()])));
        assert_eq!(settings.extend_select, BTreeSet::from(["DF005".to_owned()]));
        assert_eq!(settings.ignore, BTreeSet::from(["DL3059".to_owned()]));
        assert_eq!(settings.fail_level, Some(Severity::Warning));
        assert_eq!(settings.severity.get("DL3008"), Some(&Severity::Error));
        assert_eq!(settings.options.trusted_registries, ["docker.io"]);
        assert!(settings.options.strict_labels);
        assert_eq!(settings.options.label_schema.get("maintainer").map(String::as_str), Some("text"));
    }

    #[test]
    fn overrides_replace_select_and_extend_lists() {
        let config = Settings {
            select: Some(BTreeSet::from(["DL3008".to_owned()])),
            ignore: BTreeSet::from(["DL3059".to_owned()]),
            ..Settings::default()
        };
        let overrides = Overrides {
            select: Some(BTreeSet::from(["DL3009".to_owned()])),
            ignore: BTreeSet::from(["DL3010".to_owned()]),
            fail_level: Some(FailLevel::Error),
            ..Overrides::default()
        };
        let settings = overrides.apply(config);
        assert_eq!(settings.select, Some(BTreeSet::from(["DL3009".to_owned()])));
        assert_eq!(settings.ignore.len(), 2);
        assert_eq!(settings.fail_level, Some(Severity::Error));
    }
}
