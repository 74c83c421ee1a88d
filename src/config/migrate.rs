//! Settings written as `dlint.toml` text: `dlint migrate` (a hadolint config rewritten as the
//! `dlint.toml` that means the same settings; the text is written from the settings the hadolint reader
//! builds, so both files cannot disagree) and `dlint config` (the settings that apply to a file).

use super::hadolint::{self, OutputChoices};
use super::{ConfigError, FailLevel, KnownRules};
use crate::lint::Settings;
use std::fmt::Write;
use std::path::Path;

/// The `dlint.toml` text equivalent to the hadolint config `text`; `path` names it in errors and the header.
pub fn from_hadolint(text: &str, path: &Path, known: &KnownRules) -> Result<String, ConfigError> {
    let (settings, output) = hadolint::read(text, path, known)?;
    let name = path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into());
    Ok(render(&settings, &output, &name))
}

fn render(settings: &Settings, output: &OutputChoices, source: &str) -> String {
    let mut out = format!(
        "# dlint configuration, written by `dlint migrate` from {source}.\n\
         # dlint reads this file instead of {source} in this directory; see \"Migrating from hadolint\"\n\
         # in dlint's README.\n"
    );
    out += &settings_toml(settings);
    let mut notes = String::new();
    if let Some(format) = &output.format {
        writeln!(
            notes,
            "# format: {format} -> `dlint check --format FORMAT` or DLINT_FORMAT (an output choice, not config)"
        )
        .unwrap();
    }
    if output.no_color.is_some() {
        notes += "# no-color -> dlint colours only a terminal and never with NO_COLOR set\n";
    }
    if output.verbose.is_some() {
        notes += "# verbose -> no counterpart: dlint names the config it reads in its errors\n";
    }
    section(&mut out, None, &notes);
    out
}

/// `settings` as `dlint.toml` keys, each block after a blank line; keys at their default are left out.
pub fn settings_toml(settings: &Settings) -> String {
    let mut out = String::new();
    let mut top = String::new();
    if !settings.external.is_empty() {
        top += "# Codes of other tools, which dlint has no rule for.\n";
        writeln!(top, "external = {}", string_list(&settings.external)).unwrap();
    }
    if let Some(select) = &settings.select {
        writeln!(top, "select = {}", string_list(select)).unwrap();
    }
    if !settings.extend_select.is_empty() {
        writeln!(top, "extend-select = {}", string_list(&settings.extend_select)).unwrap();
    }
    if !settings.ignore.is_empty() {
        writeln!(top, "ignore = {}", string_list(&settings.ignore)).unwrap();
    }
    if settings.fail_level != Settings::default().fail_level {
        writeln!(top, "fail-level = {}", quoted(FailLevel::from_threshold(settings.fail_level).as_str())).unwrap();
    }
    if settings.shellcheck {
        top += "shellcheck = true\n";
    }
    if !settings.hadolint_pragmas {
        top += "# `# hadolint ignore=` comments are not honoured (`# dlint ignore=` still is).\n";
        top += "hadolint-pragmas = false\n";
    }
    section(&mut out, None, &top);

    let mut severity = String::new();
    for (code, level) in &settings.severity {
        writeln!(severity, "{} = {}", key(code), quoted(level.as_str())).unwrap();
    }
    section(&mut out, Some("severity"), &severity);

    let options = &settings.options;
    let mut rule_options = String::new();
    if !options.trusted_registries.is_empty() {
        writeln!(rule_options, "trusted-registries = {}", string_list(&options.trusted_registries)).unwrap();
    }
    if options.strict_labels {
        rule_options += "strict-labels = true\n";
    }
    section(&mut out, Some("options"), &rule_options);

    let mut labels = String::new();
    for (label, kind) in &options.label_schema {
        writeln!(labels, "{} = {}", key(label), quoted(kind)).unwrap();
    }
    section(&mut out, Some("options.label-schema"), &labels);
    out
}

/// Appends a block (under a table header when named), separated by a blank line; empty blocks are left out.
fn section(out: &mut String, table: Option<&str>, body: &str) {
    if body.is_empty() {
        return;
    }
    out.push('\n');
    if let Some(table) = table {
        writeln!(out, "[{table}]").unwrap();
    }
    out.push_str(body);
}

fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// A bare key when TOML allows one, else a quoted one.
fn key(text: &str) -> String {
    let bare = !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if bare {
        text.to_owned()
    } else {
        quoted(text)
    }
}

fn string_list<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    let items: Vec<String> = items.into_iter().map(|item| quoted(item)).collect();
    format!("[{}]", items.join(", "))
}
