//! What the text under the cursor means, as markdown: instructions, flags and mount options, variables
//! with their values where they are used, image references and stage names, rule codes in suppression
//! comments, and the rules behind the findings at that place.

use super::reference::{self, Choice, FlagDoc};
use super::{directive_keys, Analysis, Scope};
use crate::lint::suppress::{self, BUILDKIT_CHECKS};
use crate::lint::Diagnostic;
use crate::rules::{self, RuleInfo};
use crate::semantic::{references, Base, ImageRef, Lookup, Model, Stage};
use crate::syntax::{Body, Flag, Instruction, Keyword, Word};
use crate::text::{LineIndex, Span};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    /// The text the answer is about.
    pub span: Span,
    pub markdown: String,
}

/// The hover at `offset`: what the word there means, followed by the docs of the rules whose findings
/// (`diagnostics`, as last published) cover it.
pub fn hover(analysis: &Analysis, diagnostics: &[Diagnostic], offset: usize) -> Option<Hover> {
    let source = analysis.source;
    if offset > source.len() || !source.is_char_boundary(offset) {
        return None;
    }
    let model = analysis.model();
    let cx = Cx { model: &model, lines: LineIndex::new(source) };
    let word = suppression_code(&cx, offset).or_else(|| directive(source, offset)).or_else(|| cx.instruction(offset));
    let mut findings: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.span.contains(offset) || (d.span.is_empty() && d.span.start == offset))
        .collect();
    findings.sort_by_key(|d| (d.span.len(), d.code));
    let mut codes: Vec<&str> = findings.iter().map(|d| d.code).collect();
    codes.sort_unstable();
    codes.dedup();
    let rule_docs: Vec<String> = codes.iter().filter_map(|code| rules::find(code)).map(rule_doc).collect();
    let span = word.as_ref().map(|w| w.span).or_else(|| findings.first().map(|d| d.span))?;
    let parts: Vec<String> = word.map(|w| w.markdown).into_iter().chain(rule_docs).collect();
    (!parts.is_empty()).then(|| Hover { span, markdown: parts.join("\n\n---\n\n") })
}

/// A rule's title, summary and why, without the examples.
fn rule_doc(info: RuleInfo) -> String {
    let meta = info.meta;
    let mut out = format!(
        "**{}** `{}` ({}, {})\n\n{}",
        meta.code,
        meta.name,
        meta.severity,
        meta.category.as_str(),
        meta.summary
    );
    let why = section(info.doc, "Why is this bad?");
    if !why.is_empty() {
        out.push_str("\n\n");
        out.push_str(why);
    }
    out
}

/// The text of a `## heading` section of a rule doc, trimmed.
fn section<'d>(doc: &'d str, heading: &str) -> &'d str {
    let marker = format!("## {heading}\n");
    let Some(start) = doc.find(&marker).map(|i| i + marker.len()) else { return "" };
    let end = doc[start..].find("\n## ").map_or(doc.len(), |i| start + i);
    doc[start..end].trim()
}

/// A rule code or check name inside `# dlint ignore=`, `# hadolint ignore=` or `# check=skip=`.
fn suppression_code(cx: &Cx, offset: usize) -> Option<Hover> {
    let found = suppress::collect(cx.model.file, cx.model.source);
    let (name, span) = found.iter().flat_map(|s| &s.codes).find(|(_, span)| span.contains(offset))?;
    let markdown = match rules::find(name) {
        Some(info) => rule_doc(info),
        None if BUILDKIT_CHECKS.contains(&name.as_str()) => {
            format!("BuildKit check `{name}`: dlint has no rule that makes it")
        }
        None => format!("`{name}` is not a dlint rule code, rule name or BuildKit check"),
    };
    Some(Hover { span: *span, markdown })
}

/// The key of a parser directive at the top of the file.
fn directive(source: &str, offset: usize) -> Option<Hover> {
    let key = directive_keys(source).into_iter().find(|key| key.contains(offset))?;
    let doc = reference::directive(key.slice(source))?;
    let mut markdown =
        format!("**Parser directive `{}`**\n\n{}\n\n```dockerfile\n{}\n```", doc.name, doc.doc, doc.usage);
    push_choices(&mut markdown, doc.choices);
    Some(Hover { span: key, markdown })
}

fn push_choices(out: &mut String, choices: &[Choice]) {
    for (i, choice) in choices.iter().enumerate() {
        out.push_str(if i == 0 { "\n\n" } else { "\n" });
        out.push_str(&format!("- `{}`: {}", choice.name, choice.doc));
    }
}

struct Cx<'m> {
    model: &'m Model<'m>,
    lines: LineIndex,
}

impl Cx<'_> {
    fn line(&self, instruction: usize) -> usize {
        let start = self.model.instruction(instruction).span.start;
        self.lines.line_col(self.model.source, start).line
    }

    fn instruction(&self, offset: usize) -> Option<Hover> {
        let instructions = &self.model.file.instructions;
        let index = instructions.iter().position(|i| i.span.contains(offset))?;
        let mut instruction = &instructions[index];
        while let Body::Onbuild(inner) = &instruction.body {
            if !inner.span.contains(offset) {
                break;
            }
            instruction = inner;
        }
        if instruction.keyword_span.contains(offset) {
            return Some(Hover { span: instruction.keyword_span, markdown: keyword_doc(instruction.keyword) });
        }
        if let Some(hover) = self.variable(index, offset) {
            return Some(hover);
        }
        if let Some(flag) = instruction.flags.iter().find(|f| f.span.contains(offset)) {
            return Some(self.flag(index, instruction, flag, offset));
        }
        match &instruction.body {
            Body::From { image, .. } if image.span.contains(offset) => Some(self.image(index, image)),
            Body::From { alias: Some(alias), .. } if alias.span.contains(offset) => {
                let stage = self.model.stage_of(index)?;
                Some(Hover { span: alias.span, markdown: self.stage(stage) })
            }
            _ => None,
        }
    }

    /// `$NAME` or `${NAME...}` in the instruction's text; the innermost one where they nest.
    fn variable(&self, index: usize, offset: usize) -> Option<Hover> {
        let instruction = self.model.instruction(index);
        let text = instruction.span.slice(self.model.source);
        let inside = offset - instruction.span.start;
        let found = references(text, self.model.escape()).into_iter().rfind(|r| r.range.contains(&inside))?;
        let span = Span::from(found.range).shift(instruction.span.start);
        let scope = Scope::at(self.model, offset, None);
        let name = found.name.as_str();
        let mut markdown = match scope.lookup(self.model, name) {
            Lookup::Value(value) => format!("`{name}` = `{value}`"),
            Lookup::Unknown => format!("`{name}` has no value known here"),
            Lookup::Undeclared => format!("`{name}` is not declared by any ARG or ENV in scope"),
        };
        match scope.declared_by(self.model, name) {
            Some(at) => {
                let keyword = self.model.instruction(at).keyword.as_str();
                markdown.push_str(&format!("\n\nDeclared by `{keyword}` on line {}", self.line(at)));
            }
            None if crate::semantic::PREDEFINED_ARGS.contains(&name) => {
                markdown.push_str("\n\nA predefined build argument: the build sets it");
            }
            None if instruction.command().is_some() => {
                markdown.push_str("\n\nThe shell expands it when the command runs, from its own variables");
            }
            None => {}
        }
        let written = span.slice(self.model.source);
        if written.contains([':', '-', '+', '?', '#', '%', '/']) {
            let expanded = match scope {
                Scope::Global { before } => self.model.expand_in_from(before, written),
                Scope::Stage { upto, .. } => self.model.expand_at(upto, written),
            };
            markdown.push_str(&format!("\n\n`{written}` expands to `{}`", expanded.text));
        }
        Some(Hover { span, markdown })
    }

    fn flag(&self, index: usize, instruction: &Instruction, flag: &Flag, offset: usize) -> Hover {
        let value = flag.value.as_ref().filter(|v| v.span.contains(offset));
        match (flag.name.as_str(), value) {
            ("mount", Some(value)) => {
                if let Some(hover) = self.mount_option(index, value, offset) {
                    return hover;
                }
            }
            ("from", Some(value)) if instruction.keyword == Keyword::Copy => {
                return self.source_of(index, value);
            }
            _ => {}
        }
        let markdown = match reference::flag(instruction.keyword, &flag.name) {
            Some(doc) => flag_doc(doc),
            None => format!("`{}` does not take `--{}`", instruction.keyword.as_str(), flag.name),
        };
        Hover { span: flag.span, markdown }
    }

    /// One `key=value` of `--mount=`: a `from=` stage, a type, or the option's doc.
    fn mount_option(&self, index: usize, value: &Word, offset: usize) -> Option<Hover> {
        let text = value.span.slice(self.model.source);
        let mut start = value.span.start;
        for part in text.split(',') {
            let span = Span::new(start, start + part.len());
            start = span.end + 1;
            if !(span.contains(offset)) {
                continue;
            }
            let (key, written) = part.split_once('=').unwrap_or((part, ""));
            let value_span = Span::new((span.start + key.len() + 1).min(span.end), span.end);
            if key == "from" && value_span.contains(offset) {
                let word = Word { text: written.to_owned(), span: value_span };
                return Some(self.source_of(index, &word));
            }
            if key == "type" {
                if let Some(kind) = reference::mount_type(written) {
                    return Some(Hover { span, markdown: format!("**Mount type `{}`**\n\n{}", kind.name, kind.doc) });
                }
            }
            let option = reference::mount_option(key)?;
            let mut markdown = format!("**Mount option `{key}`**\n\n{}", option.doc);
            if !option.aliases.is_empty() || key != option.name {
                let names: Vec<String> = std::iter::once(option.name)
                    .chain(option.aliases.iter().copied())
                    .map(|n| format!("`{n}`"))
                    .collect();
                markdown.push_str(&format!("\n\nAlso written {}", names.join(", ")));
            }
            push_choices(&mut markdown, option.choices);
            return Some(Hover { span, markdown });
        }
        None
    }

    /// What `COPY --from=` or a mount's `from=` names: an earlier stage, or else an image.
    fn source_of(&self, index: usize, value: &Word) -> Hover {
        let markdown = match self.model.find_stage(&value.text) {
            Some(stage) if stage.from < index => self.stage(stage),
            _ => image_doc(&value.text, &self.model.expand_at(index, &value.text).text),
        };
        Hover { span: value.span, markdown }
    }

    fn stage(&self, stage: &Stage) -> String {
        let name = stage.name.as_ref().map_or_else(|| format!("{}", stage.index), |n| n.text.clone());
        let mut out = format!("**Stage `{name}`** (stage {} of {})", stage.index, self.model.stages.len());
        out.push_str(&format!("\n\nStarts at `FROM` on line {}", self.line(stage.from)));
        match stage.base {
            Base::Scratch => out.push_str(", from `scratch`"),
            Base::Stage(parent) => {
                out.push_str(&format!(", built on stage {parent} (line {})", self.line(self.model.stages[parent].from)))
            }
            Base::Image { .. } => out.push_str(&format!(", built on `{}`", stage.image_text)),
        }
        out
    }

    fn image(&self, index: usize, image: &Word) -> Hover {
        let expanded = self.model.expand_in_from(index, &image.text);
        let markdown = match self.model.stage_of(index).map(|s| &s.base) {
            Some(Base::Stage(parent)) => self.stage(&self.model.stages[*parent]),
            Some(Base::Scratch) => "`scratch`: the empty image, with no files at all".to_owned(),
            _ => {
                let mut out = image_doc(&image.text, &expanded.text);
                for name in expanded.unresolved.iter().chain(&expanded.undeclared) {
                    out.push_str(&format!("\n\n`{name}` has no value known here"));
                }
                out
            }
        };
        Hover { span: image.span, markdown }
    }
}

fn keyword_doc(keyword: Keyword) -> String {
    let doc = reference::instruction(keyword);
    let mut out = format!("**{}**\n\n{}\n\n```dockerfile\n{}\n```", keyword.as_str(), doc.doc, doc.usage);
    if !doc.flags.is_empty() {
        let flags: Vec<String> = doc.flags.iter().map(|f| format!("`--{}`", f.name)).collect();
        out.push_str(&format!("\n\nFlags: {}", flags.join(", ")));
    }
    out
}

fn flag_doc(doc: &FlagDoc) -> String {
    let value = if doc.value.is_empty() { String::new() } else { format!("={}", doc.value) };
    let mut out = format!("**`--{}{value}`**\n\n{}", doc.name, doc.doc);
    push_choices(&mut out, doc.choices);
    out
}

/// An image reference taken apart: registry, repository, tag and digest.
fn image_doc(written: &str, expanded: &str) -> String {
    let reference = ImageRef::parse(expanded);
    let mut out = format!("**Image** `{expanded}`");
    if written != expanded {
        out.push_str(&format!("\n\nWritten `{written}`"));
    }
    let registry = match &reference.registry {
        Some(registry) => format!("`{registry}`"),
        None => "`docker.io` (the default)".to_owned(),
    };
    out.push_str(&format!("\n\n- registry: {registry}\n- repository: `{}`", reference.path));
    out.push_str(&match &reference.tag {
        Some(tag) => format!("\n- tag: `{tag}`"),
        None if reference.digest.is_none() => "\n- tag: none (`latest`)".to_owned(),
        None => "\n- tag: none".to_owned(),
    });
    if let Some(digest) = &reference.digest {
        out.push_str(&format!("\n- digest: `{digest}`"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Settings;

    /// The hover at `|` in `marked`, with the findings the linter makes of the text.
    fn at(marked: &str) -> Option<(String, String)> {
        let offset = marked.find('|').expect("a cursor marker");
        let source = marked.replacen('|', "", 1);
        let diagnostics = crate::lint_source(&source, &Settings::default());
        let hover = hover(&Analysis::new(&source), &diagnostics, offset)?;
        Some((hover.span.slice(&source).to_owned(), hover.markdown))
    }

    fn hovered(marked: &str) -> (String, String) {
        at(marked).unwrap_or_else(|| panic!("a hover in {marked:?}"))
    }

    #[test]
    fn keywords_and_flags_show_their_docs() {
        let (span, doc) = hovered("FROM alpine:3\nR|UN --network=none echo\n");
        assert_eq!(span, "RUN");
        assert!(doc.starts_with("**RUN**\n\nRuns a command") && doc.contains("`--mount`"), "{doc}");
        let (span, doc) = hovered("FROM alpine:3\nRUN --net|work=none echo\n");
        assert_eq!(span, "--network=none");
        assert!(doc.contains("- `none`: No network"), "{doc}");
        let (span, doc) = hovered("FROM alpine:3\nONBUILD co|py a b\n");
        assert_eq!((span.as_str(), doc.starts_with("**COPY**")), ("copy", true));
    }

    #[test]
    fn mount_options_and_types_are_explained() {
        let src = "FROM alpine:3\nRUN --mount=type=cache,dst=/root/.cache,sharing=locked echo\n";
        let (span, doc) = hovered(&src.replace("type=cache", "type=ca|che"));
        assert_eq!(span, "type=cache");
        assert!(doc.starts_with("**Mount type `cache`**"), "{doc}");
        let (span, doc) = hovered(&src.replace("dst=", "d|st="));
        assert_eq!(span, "dst=/root/.cache");
        assert!(doc.contains("Also written `target`, `dst`, `destination`"), "{doc}");
    }

    #[test]
    fn variables_show_their_value_and_declaration() {
        let src = "ARG BASE=3.20\nFROM alpine:${BASE} AS build\nARG TARGETARCH\nENV DIR=/opt/$TARGETARCH\n\
                   WORKDIR ${DIR:-/srv}\nRUN echo $HOME $DIR\n";
        let (span, doc) = hovered(&src.replace("${BASE}", "${BA|SE}"));
        assert_eq!(span, "${BASE}");
        assert!(doc.starts_with("`BASE` = `3.20`\n\nDeclared by `ARG` on line 1\n\n---\n\n**DF001**"), "{doc}");
        let (span, doc) = hovered(&src.replace("/$TARGETARCH", "/$TARGET|ARCH"));
        assert_eq!(span, "$TARGETARCH");
        assert_eq!(doc, "`TARGETARCH` has no value known here\n\nDeclared by `ARG` on line 3");
        let (span, doc) = hovered(&src.replace("${DIR:-/srv}", "${D|IR:-/srv}"));
        assert_eq!(span, "${DIR:-/srv}");
        assert!(doc.starts_with("`DIR` has no value known here\n\nDeclared by `ENV` on line 4"), "{doc}");
        let (_, doc) = hovered(&src.replace("$HOME", "$HO|ME"));
        assert!(doc.contains("not declared") && doc.contains("The shell expands it"), "{doc}");
        let (_, doc) = hovered("FROM alpine:3\nARG V=1\nRUN echo ${V:|+set}\n");
        assert!(doc.ends_with("`${V:+set}` expands to `set`"), "{doc}");
    }

    #[test]
    fn images_and_stages_are_taken_apart() {
        let src =
            "ARG TAG=1.2\nFROM ghcr.io/team/app:${TAG}@sha256:abc AS build\nFROM build\nCOPY --from=build /a /b\n";
        let (span, doc) = hovered(&src.replace("ghcr.io", "gh|cr.io"));
        assert_eq!(span, "ghcr.io/team/app:${TAG}@sha256:abc");
        assert!(doc.starts_with("**Image** `ghcr.io/team/app:1.2@sha256:abc`"), "{doc}");
        assert!(doc.contains("- registry: `ghcr.io`\n- repository: `team/app`\n- tag: `1.2`\n- digest: `sha256:abc`"));
        let (span, doc) = hovered(&src.replace("--from=build", "--from=bu|ild"));
        assert_eq!(span, "build");
        assert!(doc.starts_with("**Stage `build`** (stage 0 of 2)\n\nStarts at `FROM` on line 2"), "{doc}");
        let (_, doc) = hovered(&src.replace("FROM build", "FROM bu|ild"));
        assert!(doc.starts_with("**Stage `build`**"), "{doc}");
        let (_, doc) = hovered("FROM python\nCOPY --from=nginx:1|.25 /a /b\n");
        assert!(doc.contains("- repository: `nginx`\n- tag: `1.25`"), "{doc}");
    }

    #[test]
    fn codes_in_suppressions_and_findings_show_rule_docs() {
        let src = "# check=skip=StageNameCasing,InvalidBaseImagePlatform\nFROM debian:12\n# dlint ignore=DL3008,DF001\nRUN apt-get install -y curl\n";
        let (span, doc) = hovered(&src.replace("DF001", "DF|001"));
        assert_eq!(span, "DF001");
        assert!(doc.starts_with("**DF001** `missing-user`"), "{doc}");
        assert!(!doc.contains("```"), "examples are left out: {doc}");
        let (span, doc) = hovered(&src.replace("StageNameCasing", "Stage|NameCasing"));
        assert_eq!((span.as_str(), doc.starts_with("**BK001**")), ("StageNameCasing", true));
        let (_, doc) = hovered(&src.replace("InvalidBaseImage", "InvalidBase|Image"));
        assert_eq!(doc, "BuildKit check `InvalidBaseImagePlatform`: dlint has no rule that makes it");
        let (span, doc) = hovered("FROM debian:12\nRUN apt-get update && apt-get install -y cu|rl\n");
        assert_eq!(span, "curl");
        assert!(doc.contains("**DL3008** `apt-unpinned-package`") && doc.contains("Two builds"), "{doc}");
        let (span, doc) = hovered("# sy|ntax=docker/dockerfile:1\nFROM a\n");
        assert_eq!((span.as_str(), doc.starts_with("**Parser directive `syntax`**")), ("syntax", true));
    }

    #[test]
    fn nothing_to_say_is_none_and_bad_positions_do_not_panic() {
        assert_eq!(at("FROM alpine:3\n|\n"), None);
        let text = "FROM é\nRUN echo ${\n";
        for offset in 0..text.len() + 3 {
            let _ = hover(&Analysis::new(text), &[], offset);
        }
        assert!(hover(&Analysis::new(""), &[], 0).is_none());
    }
}
