//! hadolint's config file (`.hadolint.yaml` / `.hadolint.yml`), read into dlint's settings so a project
//! moving from hadolint keeps its choices: ignored codes, severity overrides, the failure threshold,
//! trusted registries and the label schema.

use super::{ConfigError, KnownRules};
use crate::lint::{RuleOptions, Settings, Severity};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawHadolint {
    #[serde(default)]
    ignored: Vec<String>,
    #[serde(default)]
    r#override: RawOverride,
    failure_threshold: Option<Threshold>,
    #[serde(default)]
    no_fail: bool,
    #[serde(default, rename = "trustedRegistries")]
    trusted_registries: Vec<String>,
    #[serde(default)]
    label_schema: BTreeMap<String, String>,
    #[serde(default)]
    strict_labels: bool,
    #[serde(default)]
    disable_ignore_pragma: bool,
    // Output choices, which dlint takes from its command line instead.
    format: Option<String>,
    no_color: Option<bool>,
    verbose: Option<bool>,
}

/// hadolint's output choices, which dlint takes from its command line instead.
#[derive(Default, Debug, PartialEq, Eq)]
pub struct OutputChoices {
    pub format: Option<String>,
    pub no_color: Option<bool>,
    pub verbose: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    #[serde(default)]
    error: Vec<String>,
    #[serde(default)]
    warning: Vec<String>,
    #[serde(default)]
    info: Vec<String>,
    #[serde(default)]
    style: Vec<String>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Threshold {
    Error,
    Warning,
    Info,
    Style,
    Ignore,
    None,
}

/// Reads a hadolint config's text. Codes dlint does not know are kept as written, since hadolint accepts
/// them too.
pub fn parse(text: &str, path: &Path, known: &KnownRules) -> Result<Settings, ConfigError> {
    read(text, path, known).map(|(settings, _)| settings)
}

/// The settings a hadolint config means, and the output choices it makes.
pub fn read(text: &str, path: &Path, known: &KnownRules) -> Result<(Settings, OutputChoices), ConfigError> {
    let error =
        |position: Option<(usize, usize)>, message: String| ConfigError { path: path.to_owned(), position, message };
    // An empty file is a valid config that changes nothing.
    let raw: RawHadolint = match serde_yaml_ng::from_str::<Option<RawHadolint>>(text) {
        Ok(raw) => raw.unwrap_or_default(),
        Err(e) => {
            let position = e.location().map(|at| (at.line(), at.column()));
            let message = e.to_string();
            // The message repeats the position; the error shows it once.
            let message = super::with_key_suggestion(message.split(" at line ").next().unwrap_or(&message));
            return Err(error(position, message));
        }
    };
    let canonical = |code: &String| known.resolve(code).unwrap_or_else(|_| code.clone());
    let mut severity = BTreeMap::new();
    let levels = [
        (&raw.r#override.style, Severity::Style),
        (&raw.r#override.info, Severity::Info),
        (&raw.r#override.warning, Severity::Warning),
        (&raw.r#override.error, Severity::Error),
    ];
    for (codes, level) in levels {
        severity.extend(codes.iter().map(|code| (canonical(code), level)));
    }
    let fail_level = match (raw.no_fail, raw.failure_threshold) {
        (true, _) | (false, Some(Threshold::Ignore | Threshold::None)) => None,
        (false, Some(Threshold::Error)) => Some(Severity::Error),
        (false, Some(Threshold::Warning)) => Some(Severity::Warning),
        (false, Some(Threshold::Info)) => Some(Severity::Info),
        (false, Some(Threshold::Style)) => Some(Severity::Style),
        (false, None) => Settings::default().fail_level,
    };
    let external = codes_of_other_tools(&raw, known);
    let settings = Settings {
        ignore: raw.ignored.iter().map(canonical).collect::<BTreeSet<_>>(),
        severity,
        fail_level,
        options: RuleOptions {
            trusted_registries: raw.trusted_registries,
            label_schema: raw.label_schema,
            strict_labels: raw.strict_labels,
            dockerignore: None,
        },
        hadolint_pragmas: !raw.disable_ignore_pragma,
        external,
        ..Settings::default()
    };
    let output = OutputChoices { format: raw.format, no_color: raw.no_color, verbose: raw.verbose };
    Ok((settings, output))
}

/// The codes the config names that dlint has no rule for: hadolint accepts them, and so does dlint.
fn codes_of_other_tools(raw: &RawHadolint, known: &KnownRules) -> BTreeSet<String> {
    let levels = &raw.r#override;
    let named = raw.ignored.iter().chain(&levels.error).chain(&levels.warning).chain(&levels.info).chain(&levels.style);
    named.filter(|code| !known.knows(code)).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Settings, ConfigError> {
        parse(text, Path::new(".hadolint.yaml"), &KnownRules::registry())
    }

    #[test]
    fn maps_every_key_to_settings() {
        let settings = read(
            "ignored:\n  - DL3008\n  - SC2086\noverride:\n  error: [DL3003]\n  style: [dl3059]\n\
             failure-threshold: warning\ntrustedRegistries:\n  - docker.io\n  - my.registry:5000\n\
             label-schema:\n  author: text\nstrict-labels: true\nformat: json\nno-color: true\n",
        )
        .unwrap();
        assert_eq!(settings.ignore, BTreeSet::from(["DL3008".to_owned(), "SC2086".to_owned()]));
        assert_eq!(settings.severity.get("DL3003"), Some(&Severity::Error));
        assert_eq!(settings.severity.get("DL3059"), Some(&Severity::Style), "codes are matched case-insensitively");
        assert_eq!(settings.fail_level, Some(Severity::Warning));
        assert_eq!(settings.options.trusted_registries, ["docker.io", "my.registry:5000"]);
        assert_eq!(settings.options.label_schema.get("author").map(String::as_str), Some("text"));
        assert!(settings.options.strict_labels);
    }

    #[test]
    fn no_fail_and_empty_files() {
        assert_eq!(read("no-fail: true\nfailure-threshold: error\n").unwrap().fail_level, None);
        assert_eq!(read("failure-threshold: none\n").unwrap().fail_level, None);
        assert_eq!(read("").unwrap(), Settings::default());
        assert_eq!(read("# only a comment\n").unwrap(), Settings::default());
    }

    #[test]
    fn errors_name_the_line_and_column() {
        let error = read("ignored: [DL3008]\nfailure-threshold: sometimes\n").unwrap_err();
        assert_eq!(error.position, Some((2, 20)), "{error}");
        assert!(error.message.contains("sometimes"), "{error}");
        let error = read("ignored: [DL3008]\nignore: [DL3009]\n").unwrap_err();
        assert_eq!(error.position.map(|p| p.0), Some(2), "{error}");
        assert!(error.message.ends_with("did you mean `ignored`?"), "{error}");
        assert!(!read("disable-ignore-pragma: true\n").unwrap().hadolint_pragmas);
    }
}
