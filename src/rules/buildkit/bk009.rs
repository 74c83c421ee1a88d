use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::{Body, Keyword};
use crate::text::line_start;

pub struct InvalidDefinitionDescription;

static META: RuleMeta = RuleMeta {
    code: "BK009",
    name: "invalid-definition-description",
    summary: "A comment right above ARG or a named FROM should start with the name it describes",
    category: Category::Style,
    severity: Severity::Info,
    enabled_by_default: false,
    fix: FixAvailability::Never,
    aliases: &["InvalidDefinitionDescription"],
};

impl Rule for InvalidDefinitionDescription {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        if at.onbuild {
            return;
        }
        let names: Vec<&str> = match (&at.instruction.body, at.instruction.keyword) {
            (Body::Args(pairs), Keyword::Arg) => pairs.iter().map(|p| p.key.text.as_str()).collect(),
            (Body::From { alias: Some(alias), .. }, _) => vec![alias.text.as_str()],
            _ => return,
        };
        let source = cx.source;
        let line_start = line_start(source, at.instruction.span.start);
        // The comment on the line right above: a blank line in between means it is no description.
        let Some(comment) = cx.model.file.comments.iter().find(|c| {
            c.standalone
                && c.span.end < line_start
                && source[c.span.end..line_start].trim_matches(['\r', '\n']).is_empty()
                && source[c.span.end..line_start].matches('\n').count() == 1
        }) else {
            return;
        };
        if is_pragma(&comment.text) {
            return;
        }
        let first = comment.text.split_whitespace().next().unwrap_or("");
        if names.contains(&first) {
            return;
        }
        let example = if names.len() == 1 { names[0] } else { "<name>" };
        cx.report(comment.span, format!("description comment does not start with `{example}`")).with_help(format!(
            "write `# {example} <description>`, or separate the comment from the instruction with an empty line"
        ));
    }
}

/// Suppressions and parser directives are not descriptions.
fn is_pragma(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    ["dlint", "hadolint", "check=", "syntax=", "escape="].iter().any(|p| lower.starts_with(p))
}
