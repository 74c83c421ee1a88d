//! The keys of `dlint.toml` with their kinds and descriptions, and the JSON Schema built from them
//! (`dlint config --schema`). Tests check this table against the keys the parser accepts.

use crate::lint::Severity;
use crate::rules;
use serde_json::{json, Map, Value};

/// What a key holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Rule codes, names or aliases (or `ALL`).
    Rules,
    /// Rule code or name -> severity.
    Severities,
    /// `style` | `info` | `warning` | `error` | `never`.
    FailLevel,
    Bool,
    Strings,
    /// String -> string.
    StringMap,
    /// A table of further keys.
    Table(&'static [Key]),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub name: &'static str,
    pub kind: Kind,
    pub description: &'static str,
}

const fn key(name: &'static str, kind: Kind, description: &'static str) -> Key {
    Key { name, kind, description }
}

pub const OPTIONS: &[Key] = &[
    key("trusted-registries", Kind::Strings, "Registries base images may come from (DL3026); empty: any."),
    key("strict-labels", Kind::Bool, "Report labels that `label-schema` does not list."),
    key(
        "label-schema",
        Kind::StringMap,
        "Label keys and the kind of value each must have (text, url, semver, hash, rfc3339, spdx, email).",
    ),
];

pub const KEYS: &[Key] = &[
    key("select", Kind::Rules, "Only these rules run (codes or names; \"ALL\" for every rule), plus `extend-select`."),
    key("extend-select", Kind::Rules, "Rules turned on in addition, including ones off by default."),
    key("ignore", Kind::Rules, "Rules never reported."),
    key(
        "fail-level",
        Kind::FailLevel,
        "The lowest severity that makes `dlint check` exit 1 (default: info); \"never\": findings never fail.",
    ),
    key("severity", Kind::Severities, "Per-rule severity, keyed by code or name."),
    key("options", Kind::Table(OPTIONS), "Options rules read."),
    key(
        "shellcheck",
        Kind::Bool,
        "Also run ShellCheck over every RUN script (the `shellcheck` program must be on PATH).",
    ),
    key(
        "hadolint-pragmas",
        Kind::Bool,
        "Honour `# hadolint ignore=` comments (default true; hadolint's `disable-ignore-pragma` is false).",
    ),
    key(
        "external",
        Kind::Strings,
        "Codes of other tools, which the rule lists, `severity` and suppression comments may name without \
         being reported as unknown. A JSON Schema validator cannot know them and reports them as unknown rules.",
    ),
];

/// The JSON Schema (draft 2020-12) of `dlint.toml`.
pub fn json_schema() -> Value {
    // The parser ignores case; the schema lists the usual spellings: as written, lower and upper case.
    let mut rule_names: Vec<String> = Vec::new();
    let spellings = rules::all()
        .flat_map(|info| [info.meta.code, info.meta.name].into_iter().chain(info.meta.aliases.iter().copied()));
    for name in spellings.chain(["ALL"]) {
        rule_names.extend([name.to_owned(), name.to_lowercase(), name.to_uppercase()]);
    }
    rule_names.sort_unstable();
    rule_names.dedup();
    let mut schema = table_schema(KEYS);
    let schema_object = schema.as_object_mut().expect("a table schema is an object");
    let header = [
        ("$schema", json!("https://json-schema.org/draft/2020-12/schema")),
        ("title", json!("dlint.toml")),
        ("description", json!("Configuration of dlint, the Dockerfile linter")),
        (
            "$defs",
            json!({
                "rule": {
                    "description": "A rule code, name or alias, \"ALL\", or a ShellCheck code",
                    "anyOf": [
                        { "enum": rule_names },
                        { "type": "string", "pattern": "^[Ss][Cc][0-9]{4}$" }
                    ]
                },
                "severity": { "enum": Severity::ALL.map(Severity::as_str) },
            }),
        ),
    ];
    for (name, value) in header {
        schema_object.insert(name.to_owned(), value);
    }
    schema
}

fn table_schema(keys: &[Key]) -> Value {
    let properties: Map<String, Value> = keys.iter().map(|key| (key.name.to_owned(), key_schema(key))).collect();
    json!({ "type": "object", "properties": properties, "additionalProperties": false })
}

fn key_schema(key: &Key) -> Value {
    let mut schema = match key.kind {
        Kind::Rules => json!({ "type": "array", "items": { "$ref": "#/$defs/rule" } }),
        Kind::Severities => json!({
            "type": "object",
            "propertyNames": { "$ref": "#/$defs/rule" },
            "additionalProperties": { "$ref": "#/$defs/severity" },
        }),
        Kind::FailLevel => json!({ "enum": super::FailLevel::ALL.map(super::FailLevel::as_str) }),
        Kind::Bool => json!({ "type": "boolean" }),
        Kind::Strings => json!({ "type": "array", "items": { "type": "string" } }),
        Kind::StringMap => json!({ "type": "object", "additionalProperties": { "type": "string" } }),
        Kind::Table(keys) => table_schema(keys),
    };
    schema["description"] = json!(key.description);
    schema
}
