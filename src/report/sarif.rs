//! SARIF 2.1.0 (Static Analysis Results Interchange Format), which code scanning services (GitHub code
//! scanning, Azure DevOps, SonarQube, IDE viewers) import: one run whose driver describes the rules that
//! have findings, with each rule's documentation, and one result per finding with its exact region,
//! related places and fixes. Columns count UTF-16 code units, as the run declares.

use super::stream::{nested, pretty};
use super::{severity_word, SortedFile, Totals};
use crate::lint::Diagnostic;
use crate::rules::{self, RuleInfo};
use crate::text::Span;
use serde::Serialize;

const SCHEMA: &str = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/// Relative paths are relative to the directory dlint ran in, which consumers know as the source root.
const SOURCE_ROOT: &str = "%SRCROOT%";
/// The project's page from Cargo.toml's `repository`; the driver and rules link to it when it is set.
const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<String>,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    short_description: Option<Message>,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Message>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Help>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    default_configuration: Option<Configuration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<RuleProperties>,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

/// A rule's documentation page, which is Markdown that also reads well as text.
#[derive(Serialize)]
struct Help {
    text: &'static str,
    markdown: &'static str,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
    enabled: bool,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: [&'static str; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    level: &'static str,
    message: Message,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

/// 1-based lines and columns in UTF-16 code units; the end column is the one after the region.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    description: Message,
    artifact_changes: [ArtifactChange<'a>; 1],
    properties: FixProperties,
}

#[derive(Serialize)]
struct FixProperties {
    /// dlint's applicability: `safe` fixes are what `--fix` applies, `unsafe` ones need review.
    applicability: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: Content<'a>,
}

#[derive(Serialize)]
struct Content<'a> {
    text: &'a str,
}

/// The log up to the run's results. The results come before the tool, whose rule table lists only the
/// rules with findings, so the log streams (JSON objects have no order).
pub fn head() -> String {
    format!(
        "{{\n  \"$schema\": {},\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"columnKind\": \"utf16CodeUnits\",\n      \"results\": [",
        pretty(&SCHEMA)
    )
}

/// One result per finding.
pub fn entries(file: &SortedFile) -> Vec<String> {
    file.diagnostics.iter().map(|d| pretty(&result(file, d))).collect()
}

/// The tool, with a rule for every code among the results, and the end of the log.
pub fn tail(totals: &Totals) -> String {
    let driver = Driver {
        name: "dlint",
        version: env!("CARGO_PKG_VERSION"),
        information_uri: (!REPOSITORY.is_empty()).then(|| REPOSITORY.to_owned()),
        rules: totals.rules.iter().map(|(code, name)| rule(code, name)).collect(),
    };
    format!(",\n      \"tool\": {}\n    }}\n  ]\n}}\n", nested(&Tool { driver }, 3))
}

fn rule(code: &'static str, name: &'static str) -> Rule {
    let Some(RuleInfo { meta, doc }) = rules::find(code) else {
        return Rule {
            id: code,
            name,
            short_description: None,
            full_description: None,
            help: None,
            help_uri: code.starts_with("SC").then(|| format!("https://www.shellcheck.net/wiki/{code}")),
            default_configuration: None,
            properties: None,
        };
    };
    Rule {
        id: meta.code,
        name: meta.name,
        short_description: Some(Message { text: meta.summary.to_owned() }),
        full_description: what_it_does(doc).map(|text| Message { text }),
        help: Some(Help { text: doc, markdown: doc }),
        help_uri: doc_uri(REPOSITORY, env!("CARGO_PKG_VERSION"), meta.code),
        default_configuration: Some(Configuration {
            level: severity_word(meta.severity, "note"),
            enabled: meta.enabled_by_default,
        }),
        properties: Some(RuleProperties { tags: [meta.category.as_str()] }),
    }
}

/// The "What it does" section of a rule's page as text: each paragraph on one line.
fn what_it_does(doc: &str) -> Option<String> {
    let section = doc.split("\n## ").find_map(|section| section.strip_prefix("What it does\n"))?;
    let paragraphs: Vec<String> = section
        .split("\n\n")
        .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|paragraph| !paragraph.is_empty())
        .collect();
    Some(paragraphs.join("\n\n"))
}

/// The rule's page in the repository at this version's tag, when Cargo.toml names the repository.
fn doc_uri(repository: &str, version: &str, code: &str) -> Option<String> {
    (!repository.is_empty()).then(|| format!("{}/blob/v{version}/rules/{code}.md", repository.trim_end_matches('/')))
}

fn result<'a>(file: &SortedFile<'a>, d: &'a Diagnostic) -> SarifResult<'a> {
    let artifact = artifact_location(file.path);
    let place = |span: Span| PhysicalLocation { artifact_location: artifact.clone(), region: region(file, span) };
    SarifResult {
        rule_id: d.code,
        level: severity_word(d.severity, "note"),
        message: Message { text: d.message.clone() },
        locations: [Location { id: None, physical_location: place(d.span), message: None }],
        related_locations: d
            .related
            .iter()
            .enumerate()
            .map(|(id, related)| Location {
                id: Some(id),
                physical_location: place(related.span),
                message: Some(Message { text: related.message.clone() }),
            })
            .collect(),
        fixes: d
            .fix
            .iter()
            .map(|fix| SarifFix {
                description: Message { text: fix.title.clone() },
                artifact_changes: [ArtifactChange {
                    artifact_location: artifact.clone(),
                    replacements: fix
                        .edits
                        .iter()
                        .map(|edit| Replacement {
                            deleted_region: region(file, edit.span),
                            inserted_content: Content { text: &edit.replacement },
                        })
                        .collect(),
                }],
                properties: FixProperties { applicability: fix.applicability.as_str() },
            })
            .collect(),
    }
}

fn region(file: &SortedFile, span: Span) -> Region {
    let (start_line, start_column) = file.index.utf16_position(file.source, span.start);
    let (end_line, end_column) = file.index.utf16_position(file.source, span.end);
    Region {
        start_line: start_line as usize + 1,
        start_column: start_column as usize + 1,
        end_line: end_line as usize + 1,
        end_column: end_column as usize + 1,
    }
}

/// A path as the user gave it, as a URI: relative paths stay relative to the source root, absolute ones
/// become `file:` URIs. Bytes other than unreserved characters and `/` are percent-encoded.
fn artifact_location(path: &str) -> ArtifactLocation {
    let mut encoded = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => encoded.push(byte as char),
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    if path.starts_with('/') {
        ArtifactLocation { uri: format!("file://{encoded}"), uri_base_id: None }
    } else {
        ArtifactLocation { uri: encoded, uri_base_id: Some(SOURCE_ROOT) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        let relative = artifact_location("my app/Dockerfile.café");
        assert_eq!(relative.uri, "my%20app/Dockerfile.caf%C3%A9");
        assert_eq!(relative.uri_base_id, Some(SOURCE_ROOT));
        let absolute = artifact_location("/srv/a#b/Dockerfile");
        assert_eq!((absolute.uri.as_str(), absolute.uri_base_id), ("file:///srv/a%23b/Dockerfile", None));
    }

    #[test]
    fn rule_pages_link_to_the_repository_when_it_is_known() {
        assert_eq!(doc_uri("", "0.1.0", "DL3008"), None);
        assert_eq!(
            doc_uri("https://example.com/dlint/", "0.1.0", "DL3008").as_deref(),
            Some("https://example.com/dlint/blob/v0.1.0/rules/DL3008.md")
        );
    }
}
