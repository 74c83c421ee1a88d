//! What may be typed at the cursor: instruction keywords, parser directives, flags and their values
//! (`RUN --mount=` types and options), stage names, variables in scope, and rule codes in suppression
//! comments. Works from the raw text before the cursor, since the line being typed rarely parses.

use super::reference::{self, Choice, FlagDoc, INSTRUCTIONS, MOUNT_OPTIONS};
use super::{directive_keys, Analysis, Scope};
use crate::lint::suppress::BUILDKIT_CHECKS;
use crate::rules;
use crate::semantic::{Lookup, Model};
use crate::syntax::{lines, Body, Command, Dockerfile, Heredoc, Keyword};
use crate::text::{line_start, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    Keyword,
    Directive,
    Flag,
    /// A value of a flag, mount option or directive.
    Value,
    Stage,
    Variable,
    Rule,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    pub kind: CompletionKind,
    pub detail: Option<String>,
    /// Markdown.
    pub documentation: Option<String>,
    /// The plain text that replaces `replace`.
    pub insert: String,
    /// The same with LSP snippet placeholders, where they help.
    pub snippet: Option<String>,
    /// The part of the word being typed that the item replaces (empty at the start of a word).
    pub replace: Span,
    pub deprecated: bool,
}

impl Completion {
    fn new(kind: CompletionKind, label: impl Into<String>, replace: Span) -> Self {
        let label = label.into();
        Completion {
            insert: label.clone(),
            label,
            kind,
            detail: None,
            documentation: None,
            snippet: None,
            replace,
            deprecated: false,
        }
    }

    fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    fn doc(mut self, doc: impl Into<String>) -> Self {
        self.documentation = Some(doc.into());
        self
    }

    fn insert(mut self, insert: impl Into<String>) -> Self {
        self.insert = insert.into();
        self
    }
}

/// The completions at `offset`, in the order they should be shown.
pub fn complete(analysis: &Analysis, offset: usize) -> Vec<Completion> {
    let source = analysis.source;
    if offset > source.len() || !source.is_char_boundary(offset) {
        return Vec::new();
    }
    let model = analysis.model();
    let line_start = line_start(source, offset);
    let before = &source[line_start..offset];
    if let Some(comment) = before.trim_start().strip_prefix('#') {
        let comment_start = offset - comment.len();
        return match in_header(source, line_start) {
            true => directive(source, comment_start, offset),
            false => suppression(source, comment_start, offset),
        };
    }
    if in_heredoc(&analysis.file, offset) {
        let token_start = before.rfind(|c: char| c.is_ascii_whitespace()).map_or(line_start, |i| line_start + i + 1);
        return variables(&model, source, token_start, offset, None).unwrap_or_default();
    }
    instruction(&model, logical_start(source, line_start, model.escape()), offset)
}

/// Whether a line belongs to the parser directives at the top (all lines before it are directives).
fn in_header(source: &str, line_start: usize) -> bool {
    let keys = directive_keys(source);
    let header_end =
        keys.last().map_or(0, |key| source[key.end..].find('\n').map_or(source.len(), |i| key.end + i + 1));
    line_start <= header_end
}

/// Extends `offset` over the rest of the word the cursor is in.
fn word_end(source: &str, offset: usize, in_word: impl Fn(char) -> bool) -> usize {
    source[offset..].find(|c: char| !in_word(c)).map_or(source.len(), |i| offset + i)
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn is_value_char(c: char) -> bool {
    !c.is_whitespace() && c != ','
}

/// `# syntax=`, `# escape=`, `# check=` and the values they take. `text_start` follows the `#`.
fn directive(source: &str, text_start: usize, offset: usize) -> Vec<Completion> {
    let text = &source[text_start..offset];
    let lead = text.len() - text.trim_start().len();
    let Some((key, value)) = text.trim_start().split_once('=') else {
        let start = text_start + lead;
        if !source[start..offset].chars().all(|c| c.is_ascii_alphabetic()) {
            return Vec::new();
        }
        let replace = Span::new(start, word_end(source, offset, |c| c.is_ascii_alphabetic() || c == '='));
        return reference::DIRECTIVES
            .iter()
            .map(|d| {
                Completion::new(CompletionKind::Directive, d.name, replace)
                    .insert(format!("{}=", d.name))
                    .detail(d.usage)
                    .doc(d.doc)
            })
            .collect();
    };
    let Some(doc) = reference::directive(key.trim()) else { return Vec::new() };
    let value_start = offset - value.len();
    if doc.name == "check" {
        let segment_start = value.rfind(';').map_or(value_start, |i| value_start + i + 1);
        if let Some(list) = source[segment_start..offset].trim_start().strip_prefix("skip=") {
            let item_start = list.rfind(',').map_or(offset - list.len(), |i| offset - list.len() + i + 1);
            return build_checks(source, item_start, offset, list);
        }
        let start =
            segment_start + (source[segment_start..offset].len() - source[segment_start..offset].trim_start().len());
        return choices(doc.choices, Span::new(start, word_end(source, offset, |c| !c.is_whitespace() && c != ';')));
    }
    choices(doc.choices, Span::new(value_start, word_end(source, offset, |c| !c.is_whitespace())))
}

fn choices(choices: &[Choice], replace: Span) -> Vec<Completion> {
    choices.iter().map(|choice| Completion::new(CompletionKind::Value, choice.name, replace).doc(choice.doc)).collect()
}

/// BuildKit check names for `# check=skip=`, with the dlint rule that makes each.
fn build_checks(source: &str, start: usize, offset: usize, listed: &str) -> Vec<Completion> {
    let replace = Span::new(start, word_end(source, offset, is_name_char));
    let listed: Vec<&str> = listed.split(',').map(str::trim).collect();
    BUILDKIT_CHECKS
        .iter()
        .filter(|name| !listed.contains(name))
        .map(|name| {
            let item = Completion::new(CompletionKind::Rule, *name, replace);
            match rules::find(name) {
                Some(info) => item.detail(format!("{} {}", info.meta.code, info.meta.name)).doc(info.meta.summary),
                None => item.detail("BuildKit check"),
            }
        })
        .collect()
}

/// Rule codes in `# dlint [global] ignore=` and `# hadolint [global] ignore=` (after the `#`).
fn suppression(source: &str, text_start: usize, offset: usize) -> Vec<Completion> {
    let text = &source[text_start..offset];
    let body = text.trim_start();
    let Some(rest) = body.strip_prefix("dlint").or_else(|| body.strip_prefix("hadolint")) else { return Vec::new() };
    let Some(rest) = rest.strip_prefix([' ', '\t']).map(str::trim_start) else { return Vec::new() };
    let rest = rest.strip_prefix("global").map_or(rest, str::trim_start);
    let Some(list) = rest.strip_prefix("ignore=") else {
        // Still typing the command word: offer it.
        if !rest.chars().all(|c| c.is_ascii_alphabetic()) {
            return Vec::new();
        }
        let replace = Span::new(offset - rest.len(), word_end(source, offset, |c| c.is_ascii_alphabetic() || c == '='));
        return ["ignore=", "global ignore="]
            .iter()
            .map(|command| Completion::new(CompletionKind::Keyword, *command, replace))
            .filter(|item| item.label.starts_with(rest))
            .collect();
    };
    if list.contains(char::is_whitespace) {
        return Vec::new();
    }
    let start = list.rfind(',').map_or(offset - list.len(), |i| offset - list.len() + i + 1);
    let replace = Span::new(start, word_end(source, offset, is_name_char));
    let listed: Vec<&str> = list.split(',').collect();
    rules::all()
        .filter(|info| !listed.iter().any(|code| code.eq_ignore_ascii_case(info.meta.code)))
        .map(|info| {
            Completion::new(CompletionKind::Rule, info.meta.code, replace).detail(info.meta.name).doc(info.meta.summary)
        })
        .collect()
}

fn in_heredoc(file: &Dockerfile, offset: usize) -> bool {
    fn heredocs(body: &Body) -> &[Heredoc] {
        match body {
            Body::Command(Command::Shell { heredocs, .. }) | Body::Files { heredocs, .. } => heredocs,
            Body::Onbuild(inner) => heredocs(&inner.body),
            _ => &[],
        }
    }
    file.instructions.iter().flat_map(|i| heredocs(&i.body)).any(|h| h.body.start <= offset && offset <= h.body.end)
}

/// Where the logical line holding `line` starts: lines continued onto it (and the blank and
/// comment lines a continuation carries over) belong to it.
fn logical_start(source: &str, line: usize, escape: char) -> usize {
    let mut start = line;
    let mut candidate = line;
    while candidate > 0 {
        let previous_start = line_start(source, candidate - 1);
        let previous = source[previous_start..candidate - 1].trim_end();
        candidate = previous_start;
        if previous.is_empty() || previous.trim_start().starts_with('#') {
            continue;
        }
        if !previous.ends_with(escape) {
            break;
        }
        start = previous_start;
    }
    start
}

/// A whitespace-separated word of the logical line, by its offset in the file.
struct Token<'t> {
    start: usize,
    text: &'t str,
}

fn instruction(model: &Model, start: usize, offset: usize) -> Vec<Completion> {
    let source = model.source;
    // Blank the continuations out so words split as Docker joins them, offsets unchanged.
    let mut joined = source.as_bytes()[start..offset].to_vec();
    for region in lines::continuations(&source[start..offset], model.escape()) {
        joined[region.start..region.end].fill(b' ');
    }
    let joined = String::from_utf8(joined).unwrap_or_default();
    let mut words: Vec<Token> = Vec::new();
    let mut at = 0;
    for word in joined.split(|c: char| c.is_ascii_whitespace()) {
        if !word.is_empty() {
            words.push(Token { start: start + at, text: word });
        }
        at += word.len() + 1;
    }
    let current = match words.last() {
        Some(last) if last.start + last.text.len() == offset => words.pop().expect("a last word"),
        _ => Token { start: offset, text: "" },
    };
    let keyword = words.first().and_then(|w| Keyword::parse(w.text));
    if let Some(found) = variables(model, source, current.start, offset, keyword) {
        return found;
    }
    let casing = Casing::of(model, words.first().map_or(current.text, |w| w.text));
    let (keyword, arguments) = match (words.first(), keyword) {
        (None, _) => return keywords(source, &current, offset, casing, false),
        (Some(_), Some(Keyword::Onbuild)) if words.len() == 1 => {
            return keywords(source, &current, offset, casing, true);
        }
        (Some(_), Some(Keyword::Onbuild)) => match Keyword::parse(words[1].text) {
            Some(inner) => (inner, &words[2..]),
            None => return Vec::new(),
        },
        (Some(_), Some(keyword)) => (keyword, &words[1..]),
        (Some(_), None) => return Vec::new(),
    };
    let flags_done = arguments.iter().any(|w| !w.text.starts_with("--"));
    if current.text.starts_with('-') && !flags_done {
        return flags(model, keyword, arguments, &current, offset);
    }
    let operands = arguments.iter().filter(|w| !w.text.starts_with("--")).count();
    match (keyword, operands) {
        (Keyword::From, 0) => {
            let replace = Span::new(current.start, word_end(source, offset, |c| !c.is_whitespace()));
            let mut items = stages(model, start, replace, false);
            items.push(Completion::new(CompletionKind::Value, "scratch", replace).doc("The empty image."));
            items
        }
        (Keyword::From, 1) => {
            let replace = Span::new(current.start, word_end(source, offset, |c| c.is_ascii_alphabetic()));
            vec![Completion::new(CompletionKind::Keyword, casing.apply("AS"), replace)
                .insert(format!("{} ", casing.apply("AS")))
                .doc("Names the stage, for `COPY --from` and later `FROM` lines.")]
        }
        (Keyword::Healthcheck, 0) => {
            let replace = Span::new(current.start, word_end(source, offset, |c| c.is_ascii_alphabetic()));
            [
                ("CMD", "The command that checks the container."),
                ("NONE", "Turns off a health check the base image set."),
            ]
            .into_iter()
            .map(|(word, doc)| Completion::new(CompletionKind::Keyword, casing.apply(word), replace).doc(doc))
            .collect()
        }
        _ => Vec::new(),
    }
}

#[derive(Clone, Copy)]
enum Casing {
    Upper,
    Lower,
}

impl Casing {
    /// The casing of what is being typed, or when nothing is yet, the casing most of the file's keywords use.
    fn of(model: &Model, typed: &str) -> Casing {
        if typed.chars().any(|c| c.is_ascii_alphabetic()) {
            return if typed.chars().any(|c| c.is_ascii_uppercase()) { Casing::Upper } else { Casing::Lower };
        }
        let written = model.file.instructions.iter().map(|i| i.keyword_span.slice(model.source));
        let lower = written.clone().filter(|k| k.chars().all(|c| !c.is_ascii_uppercase())).count();
        if lower * 2 > written.count() {
            Casing::Lower
        } else {
            Casing::Upper
        }
    }

    fn apply(self, keyword: &str) -> String {
        match self {
            Casing::Upper => keyword.to_owned(),
            Casing::Lower => keyword.to_ascii_lowercase(),
        }
    }
}

/// Instruction keywords; `triggers` leaves out what ONBUILD may not run.
fn keywords(source: &str, current: &Token, offset: usize, casing: Casing, triggers: bool) -> Vec<Completion> {
    if !current.text.chars().all(|c| c.is_ascii_alphabetic() || c == '_') {
        return Vec::new();
    }
    let replace = Span::new(current.start, word_end(source, offset, |c| c.is_ascii_alphabetic() || c == '_'));
    INSTRUCTIONS
        .iter()
        .filter(|doc| !doc.snippet.is_empty())
        .filter(|doc| !triggers || !matches!(doc.keyword, Keyword::Onbuild | Keyword::From | Keyword::Maintainer))
        .map(|doc| {
            let keyword = casing.apply(doc.keyword.as_str());
            let mut item = Completion::new(CompletionKind::Keyword, keyword.clone(), replace)
                .insert(format!("{keyword} "))
                .detail(doc.usage)
                .doc(doc.doc);
            item.snippet = Some(format!("{keyword} {}", doc.snippet));
            item.deprecated = doc.deprecated;
            item
        })
        .collect()
}

/// The flags an instruction takes (those it does not have yet), or after `--name=` the flag's values.
fn flags(model: &Model, keyword: Keyword, written: &[Token], current: &Token, offset: usize) -> Vec<Completion> {
    let source = model.source;
    if let Some((name, value)) = current.text.strip_prefix("--").and_then(|flag| flag.split_once('=')) {
        let value_start = offset - value.len();
        return match (keyword, name) {
            (Keyword::Run, "mount") => mount(model, value, value_start, offset),
            (Keyword::Copy, "from") => {
                let replace = Span::new(value_start, word_end(source, offset, |c| !c.is_whitespace()));
                stages(model, current.start, replace, true)
            }
            _ => match reference::flag(keyword, name) {
                Some(flag) => choices(flag.choices, Span::new(value_start, word_end(source, offset, is_value_char))),
                None => Vec::new(),
            },
        };
    }
    let replace = Span::new(current.start, word_end(source, offset, |c| c.is_ascii_alphanumeric() || c == '-'));
    let used = |flag: &FlagDoc| {
        written.iter().any(|w| w.text.strip_prefix("--").and_then(|t| t.split('=').next()) == Some(flag.name))
    };
    reference::instruction(keyword)
        .flags
        .iter()
        .filter(|flag| flag.repeatable || !used(flag))
        .map(|flag| {
            let label = format!("--{}", flag.name);
            let mut item = Completion::new(CompletionKind::Flag, label.clone(), replace).doc(flag.doc);
            if flag.value.is_empty() {
                return item;
            }
            item = item.insert(format!("{label}=")).detail(format!("{label}={}", flag.value));
            item.snippet = Some(match flag.name {
                "mount" => {
                    let kinds: Vec<&str> = reference::MOUNT_TYPES.iter().map(|t| t.name).collect();
                    format!("{label}=type=${{1|{}|}}", kinds.join(","))
                }
                _ if !flag.choices.is_empty() => {
                    let values: Vec<String> = flag.choices.iter().map(|c| escape_choice(c.name)).collect();
                    format!("{label}=${{1|{}|}}", values.join(","))
                }
                _ => format!("{label}=$1"),
            });
            item
        })
        .collect()
}

/// A snippet choice's text, with the characters the snippet syntax gives meaning escaped.
fn escape_choice(text: &str) -> String {
    text.chars().fold(String::new(), |mut out, c| {
        if matches!(c, '$' | '}' | '\\' | ',' | '|') {
            out.push('\\');
        }
        out.push(c);
        out
    })
}

/// `--mount=` options: the type's options not given yet, or after `key=` the option's values.
fn mount(model: &Model, value: &str, value_start: usize, offset: usize) -> Vec<Completion> {
    let source = model.source;
    let (given, current) = value.rsplit_once(',').unwrap_or(("", value));
    let given: Vec<(&str, &str)> =
        given.split(',').filter(|p| !p.is_empty()).map(|p| p.split_once('=').unwrap_or((p, ""))).collect();
    let current_start = offset - current.len();
    if let Some((key, _)) = current.split_once('=') {
        let replace = Span::new(current_start + key.len() + 1, word_end(source, offset, is_value_char));
        return match key {
            "type" => reference::MOUNT_TYPES
                .iter()
                .map(|kind| Completion::new(CompletionKind::Value, kind.name, replace).doc(kind.doc))
                .collect(),
            "from" => stages(model, value_start, replace, true),
            _ => reference::mount_option(key).map_or_else(Vec::new, |option| choices(option.choices, replace)),
        };
    }
    let kind = given.iter().find(|(key, _)| *key == "type").map_or("bind", |(_, kind)| kind);
    let Some(kind) = reference::mount_type(kind) else { return Vec::new() };
    let used = |name: &str| given.iter().any(|(key, _)| reference::mount_option(key).is_some_and(|o| o.name == name));
    let replace = Span::new(current_start, word_end(source, offset, |c| is_value_char(c) && c != '='));
    MOUNT_OPTIONS
        .iter()
        .filter(|option| (option.name == "type" || kind.options.contains(&option.name)) && !used(option.name))
        .map(|option| {
            let item =
                Completion::new(CompletionKind::Value, option.name, replace).detail("mount option").doc(option.doc);
            if option.takes_value {
                item.insert(format!("{}=", option.name))
            } else {
                item
            }
        })
        .collect()
}

/// The stages that start before `before`. Inside a stage (`COPY --from=`, a mount's `from=`) the
/// stage itself is left out and unnamed stages are offered by number; a `FROM` line takes only names.
fn stages(model: &Model, before: usize, replace: Span, inside_stage: bool) -> Vec<Completion> {
    let mut earlier: Vec<_> =
        model.stages.iter().filter(|stage| model.instruction(stage.from).span.start < before).collect();
    if inside_stage {
        earlier.pop();
    }
    earlier
        .into_iter()
        .filter_map(|stage| {
            let label = match &stage.name {
                Some(name) => name.text.clone(),
                None if inside_stage => stage.index.to_string(),
                None => return None,
            };
            let detail = format!("stage {} (FROM {})", stage.index, stage.image_text);
            Some(Completion::new(CompletionKind::Stage, label, replace).detail(detail))
        })
        .collect()
}

/// After `$` or `${` in the word at `token_start`: the ARG and ENV names in scope, then the predefined
/// build arguments. `None` when the cursor is not after one.
fn variables(
    model: &Model,
    source: &str,
    token_start: usize,
    offset: usize,
    keyword: Option<Keyword>,
) -> Option<Vec<Completion>> {
    let token = &source[token_start..offset];
    let dollar = token.rfind('$')?;
    let after = &token[dollar + 1..];
    let braced = after.starts_with('{');
    let typed = after.strip_prefix('{').unwrap_or(after);
    let escaped = token[..dollar].ends_with(model.escape());
    if escaped || !typed.chars().all(is_name_char) {
        return None;
    }
    let name_start = offset - typed.len();
    let end = word_end(source, offset, is_name_char);
    let close = braced && !source[end..].starts_with('}');
    let replace = Span::new(name_start, end);
    let scope = Scope::at(model, offset, keyword);
    let items = scope
        .names(model)
        .into_iter()
        .map(|name| {
            let detail = match (scope.declared_by(model, name), scope.lookup(model, name)) {
                (Some(at), Lookup::Value(value)) => {
                    format!("{} {name}={value}", model.instruction(at).keyword.as_str())
                }
                (Some(at), _) => format!("{} {name}", model.instruction(at).keyword.as_str()),
                (None, _) => "predefined build argument".to_owned(),
            };
            let insert = if close { format!("{name}}}") } else { name.to_owned() };
            Completion::new(CompletionKind::Variable, name, replace).insert(insert).detail(detail)
        })
        .collect();
    Some(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The completions at `|` in `marked`, with the text each replaces.
    fn at(marked: &str) -> Vec<Completion> {
        let offset = marked.find('|').expect("a cursor marker");
        let source = marked.replacen('|', "", 1);
        complete(&Analysis::new(&source), offset)
    }

    fn labels(marked: &str) -> Vec<String> {
        at(marked).into_iter().map(|c| c.label).collect()
    }

    fn replaced(marked: &str) -> String {
        let source = marked.replacen('|', "", 1);
        let items = at(marked);
        let first = items.first().unwrap_or_else(|| panic!("completions in {marked:?}"));
        first.replace.slice(&source).to_owned()
    }

    #[test]
    fn keywords_start_instructions_in_the_file_casing() {
        let items = at("FROM alpine:3\nCO|\n");
        let copy = items.iter().find(|c| c.label == "COPY").expect("COPY offered");
        assert_eq!(
            (copy.insert.as_str(), copy.snippet.as_deref()),
            ("COPY ", Some("COPY ${1:source} ${2:destination}"))
        );
        assert_eq!(copy.replace, Span::new(14, 16));
        assert!(labels("|").starts_with(&["FROM".to_owned(), "RUN".to_owned()]));
        assert!(labels("from alpine\nrun x\n|").contains(&"workdir".to_owned()));
        assert!(items.iter().find(|c| c.label == "MAINTAINER").is_some_and(|c| c.deprecated));
        let triggers = labels("FROM a\nONBUILD |");
        assert!(triggers.contains(&"RUN".to_owned()) && !triggers.contains(&"FROM".to_owned()));
        assert!(labels("FROM a\nRUN echo |").is_empty());
    }

    #[test]
    fn directives_and_their_values_in_the_header() {
        assert_eq!(labels("# |\nFROM a\n"), ["syntax", "escape", "check"]);
        assert_eq!(replaced("# sy|\nFROM a\n"), "sy");
        assert_eq!(labels("# syntax=docker/dockerfile:1\n# escape=|\n"), ["\\", "`"]);
        assert_eq!(labels("# check=|\n"), ["skip=", "error=true"]);
        let checks = labels("# check=skip=StageNameCasing,|\n");
        assert!(checks.contains(&"FromAsCasing".to_owned()) && !checks.contains(&"StageNameCasing".to_owned()));
        let detail = at("# check=skip=Stage|\n").into_iter().find(|c| c.label == "StageNameCasing").unwrap().detail;
        assert_eq!(detail.as_deref(), Some("BK001 stage-name-casing"));
        assert!(labels("FROM a\n# |\n").is_empty(), "directives only count at the top");
    }

    #[test]
    fn flags_and_their_values() {
        assert_eq!(labels("FROM a\nRUN --|"), ["--mount", "--network", "--security"]);
        assert_eq!(labels("FROM a\nRUN --network=none --|"), ["--mount", "--security"]);
        assert_eq!(labels("FROM a\nRUN --network=|"), ["default", "none", "host"]);
        assert_eq!(labels("FROM a\nRUN --security=ins|"), ["sandbox", "insecure"]);
        assert_eq!(replaced("FROM a\nRUN --security=ins|"), "ins");
        let copy = labels("FROM a\nCOPY --chown=app --|");
        assert_eq!(copy, ["--from", "--chmod", "--link", "--parents", "--exclude"]);
        assert!(labels("FROM a\nADD --|").contains(&"--checksum".to_owned()));
        assert!(labels("FROM a\nHEALTHCHECK --|").contains(&"--start-interval".to_owned()));
        let mount = at("FROM a\nRUN --m|");
        assert_eq!(mount[0].snippet.as_deref(), Some("--mount=type=${1|bind,cache,tmpfs,secret,ssh|}"));
        assert_eq!(mount[0].insert, "--mount=");
        assert_eq!(replaced("FROM a\nRUN --m|ount=x"), "--mount");
        let platform = at("FROM --|");
        assert_eq!(
            platform[0].snippet.as_deref().map(|s| s.starts_with("--platform=${1|\\$BUILDPLATFORM,")),
            Some(true)
        );
        assert!(labels("FROM a\nRUN echo --|").is_empty(), "flags come before the command");
    }

    #[test]
    fn mount_types_then_their_options() {
        assert_eq!(labels("FROM a\nRUN --mount=type=|"), ["bind", "cache", "tmpfs", "secret", "ssh"]);
        assert_eq!(labels("FROM a\nRUN --mount=|"), ["type", "target", "source", "from", "rw"]);
        assert_eq!(
            labels("FROM a\nRUN --mount=type=cache,target=/x,|"),
            ["source", "from", "ro", "id", "sharing", "mode", "uid", "gid"]
        );
        assert_eq!(
            labels("FROM a\nRUN --mount=type=secret,id=x,t|"),
            ["target", "mode", "uid", "gid", "required", "env"]
        );
        assert_eq!(labels("FROM a\nRUN --mount=type=cache,sharing=|"), ["shared", "private", "locked"]);
        let target = at("FROM a\nRUN --mount=type=tmpfs,|");
        assert_eq!((target[0].label.as_str(), target[0].insert.as_str()), ("target", "target="));
        assert_eq!(labels("FROM a AS deps\nFROM b\nRUN --mount=type=bind,from=|"), ["deps"]);
    }

    #[test]
    fn stages_before_the_cursor() {
        let src = "FROM a AS build\nFROM b\nFROM c\nCOPY --from=| /x /y\nFROM d AS later\n";
        assert_eq!(labels(src), ["build", "1"], "neither its own stage nor later ones");
        assert_eq!(labels("FROM a AS build\nFROM |"), ["build", "scratch"]);
        assert_eq!(labels("FROM a AS build\nFROM build |"), ["AS"]);
        assert_eq!(labels("from a as build\nfrom build |"), ["as"]);
    }

    #[test]
    fn variables_in_scope_with_their_values() {
        let src = "ARG V=1\nFROM a:$|\nARG TAG=2\nENV HOME=/h\nRUN echo ${|}\n";
        let from = at(&src.replacen("${|}", "", 1));
        assert_eq!(from[0].label, "V");
        assert_eq!(from[0].detail.as_deref(), Some("ARG V=1"));
        assert_eq!(from[1].detail.as_deref(), Some("predefined build argument"));
        let run = at(&src.replacen('|', "", 1));
        let names: Vec<&str> = run.iter().map(|c| c.label.as_str()).take(2).collect();
        assert_eq!(names, ["HOME", "TAG"]);
        assert_eq!(run[0].insert, "HOME", "the brace is already closed");
        assert_eq!(run[0].detail.as_deref(), Some("ENV HOME=/h"));
        let open = at("FROM a\nENV DIR=/d\nWORKDIR ${DI|");
        assert_eq!((open[0].insert.as_str(), open[0].replace), ("DIR}", Span::new(28, 30)));
        let broken = at("FROM a\nENV DIR=/d\nCOPY --chown=$|");
        assert_eq!(broken[0].label, "DIR", "a line that does not parse yet still sees its scope");
        let heredoc = labels("FROM a\nENV DIR=/d\nRUN <<EOF\necho $|\nEOF\n");
        assert_eq!(heredoc[0], "DIR");
        assert!(labels("FROM a\nRUN echo \\$|").is_empty());
    }

    #[test]
    fn rule_codes_in_suppressions() {
        let items = at("FROM a\n# dlint ignore=DL3008,DL30|\nRUN x\n");
        assert!(items.iter().all(|c| c.label != "DL3008"));
        let dl3009 = items.iter().find(|c| c.label == "DL3009").expect("DL3009 offered");
        assert_eq!(dl3009.detail.as_deref(), Some("apt-lists-kept"));
        assert_eq!(replaced("FROM a\n# hadolint global ignore=DL|3008\n"), "DL3008");
        assert_eq!(labels("FROM a\n# dlint ig|"), ["ignore="]);
        assert!(labels("FROM a\n# dlint ignore=DL3008 because|").is_empty());
    }

    #[test]
    fn continued_lines_and_bad_positions() {
        assert_eq!(labels("FROM a\nRUN --network=none \\\n    --sec|"), ["--mount", "--security"]);
        let text = "FROM é\nRUN --mount=type=cache,\\\nCOPY\u{3000}--from=$\u{3000}x <<E\n\u{3000}$\nE\n# dlint ignore=\u{3000}\n";
        for offset in 0..text.len() + 2 {
            let _ = complete(&Analysis::new(text), offset);
        }
        assert!(complete(&Analysis::new(""), 3).is_empty());
    }
}
