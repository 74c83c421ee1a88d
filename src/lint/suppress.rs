//! Suppression comments: `# dlint ignore=CODE,...` (the whole next instruction), `# dlint global
//! ignore=` (the file), hadolint's `# hadolint [global] ignore=` and BuildKit's `# check=skip=`.

use crate::syntax::Dockerfile;
use crate::text::Span;

/// BuildKit's build checks, which `# check=skip=` may name whether or not a dlint rule answers to them.
pub const BUILDKIT_CHECKS: [&str; 22] = [
    "ConsistentInstructionCasing",
    "CopyIgnoredFile",
    "DuplicateStageName",
    "ExposeInvalidFormat",
    "ExposeProtoCasing",
    "FromAsCasing",
    "FromPlatformFlagConstDisallowed",
    "InvalidBaseImagePlatform",
    "InvalidDefaultArgInFrom",
    "InvalidDefinitionDescription",
    "JSONArgsRecommended",
    "LegacyKeyValueFormat",
    "MaintainerDeprecated",
    "MultipleInstructionsDisallowed",
    "NoEmptyContinuation",
    "RedundantTargetPlatform",
    "ReservedStageName",
    "SecretsUsedInArgOrEnv",
    "StageNameCasing",
    "UndefinedArgInFrom",
    "UndefinedVar",
    "WorkdirRelativePath",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Dlint,
    Hadolint,
    BuildKit,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    pub origin: Origin,
    /// The comment (or directive) that says it.
    pub comment: Span,
    /// Each code or check name as written, with its span.
    pub codes: Vec<(String, Span)>,
    /// The instruction covered, or `None` for the whole file.
    pub scope: Option<Span>,
}

impl Suppression {
    pub fn covers(&self, span: Span) -> bool {
        self.scope.is_none_or(|scope| scope.start <= span.start && span.start <= scope.end)
    }
}

/// Finds the suppressions of a file.
pub fn collect(file: &Dockerfile, source: &str) -> Vec<Suppression> {
    let mut out = Vec::new();
    if let Some(check) = &file.directives.check {
        for part in split_keeping_spans(&check.text, check.span.start, ';') {
            if let Some(list) = part.0.strip_prefix("skip=") {
                let start = part.1.start + "skip=".len();
                let codes = split_keeping_spans(list, start, ',').into_iter().filter(|(c, _)| !c.is_empty()).collect();
                out.push(Suppression { origin: Origin::BuildKit, comment: check.span, codes, scope: None });
            }
        }
    }
    for comment in file.comments.iter().filter(|c| c.standalone) {
        let text = comment.span.slice(source);
        let body = text.trim_start_matches('#').trim_start();
        let (origin, rest) = if let Some(rest) = body.strip_prefix("dlint") {
            (Origin::Dlint, rest)
        } else if let Some(rest) = body.strip_prefix("hadolint") {
            (Origin::Hadolint, rest)
        } else {
            continue;
        };
        let rest = rest.trim_start();
        let (global, rest) = match rest.strip_prefix("global") {
            Some(r) => (true, r.trim_start()),
            None => (false, rest),
        };
        let Some(list) = rest.strip_prefix("ignore=") else { continue };
        let list = list.split_whitespace().next().unwrap_or("");
        let list_start = comment.span.start + (text.len() - rest.len()) + "ignore=".len();
        let codes: Vec<_> =
            split_keeping_spans(list, list_start, ',').into_iter().filter(|(c, _)| !c.is_empty()).collect();
        let scope = if global {
            None
        } else {
            match file.instructions.iter().find(|i| i.span.start >= comment.span.end) {
                Some(next) => Some(next.span),
                None => Some(Span::empty(comment.span.end)),
            }
        };
        out.push(Suppression { origin, comment: comment.span, codes, scope });
    }
    out
}

fn split_keeping_spans(text: &str, base: usize, separator: char) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    let mut at = 0;
    for part in text.split(separator) {
        let lead = part.len() - part.trim_start().len();
        let trimmed = part.trim();
        let start = base + at + lead;
        out.push((trimmed.to_string(), Span::new(start, start + trimmed.len())));
        at += part.len() + separator.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    #[test]
    fn finds_each_kind_with_its_scope() {
        let src = "# check=skip=JSONArgsRecommended,StageNameCasing\nFROM a\n# dlint ignore=DL3008, DL3015\nRUN a \\\n  b\n# hadolint global ignore=DL3006\n";
        let file = parse(src);
        let found = collect(&file, src);
        assert_eq!(found.len(), 3);
        assert_eq!(
            found[0].codes.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
            ["JSONArgsRecommended", "StageNameCasing"]
        );
        assert_eq!(found[0].codes[1].1.slice(src), "StageNameCasing");
        assert_eq!(found[1].origin, Origin::Dlint);
        assert_eq!(found[1].codes.len(), 1, "a space ends the code list");
        assert_eq!(found[1].scope.unwrap().slice(src), "RUN a \\\n  b");
        assert_eq!((found[2].origin, found[2].scope), (Origin::Hadolint, None));
    }
}
