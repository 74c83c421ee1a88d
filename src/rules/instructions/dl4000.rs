use crate::lint::{At, Category, Context, Edit, Fix, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::{Body, Keyword};
use crate::text::Span;

pub struct MaintainerDeprecated;

static META: RuleMeta = RuleMeta {
    code: "DL4000",
    name: "maintainer-deprecated",
    summary: "MAINTAINER is deprecated; use a `maintainer` label",
    category: Category::Style,
    severity: Severity::Error,
    enabled_by_default: true,
    fix: FixAvailability::Sometimes,
    aliases: &["MaintainerDeprecated"],
};

impl Rule for MaintainerDeprecated {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let (Keyword::Maintainer, Body::Text(value)) = (at.instruction.keyword, &at.instruction.body) else { return };
        let escape = cx.model.escape();
        // A value continued over several lines is left for a person to rewrite.
        let single_line = !value.span.slice(cx.source).contains('\n') && !value.text.ends_with(escape);
        let fix = single_line.then(|| {
            let keyword = super::keyword_like(at.instruction.keyword_span.slice(cx.source), "LABEL");
            let label = format!("{keyword} maintainer=\"{}\"", quote(&value.text, escape));
            let span = Span::new(at.instruction.keyword_span.start, value.span.end);
            Fix::safe("Replace with a `maintainer` label", vec![Edit::replace(span, label)])
        });
        let diagnostic = cx
            .report(at.instruction.keyword_span, "MAINTAINER is deprecated")
            .with_help("record the maintainer as a label: `LABEL maintainer=\"name <email>\"`");
        if let Some(fix) = fix {
            diagnostic.with_fix(fix);
        }
    }
}

/// The text of a double-quoted LABEL value that reads back as `text`: MAINTAINER expands nothing,
/// so `$` is escaped along with quotes and the escape character.
fn quote(text: &str, escape: char) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '"' || c == '$' || c == escape {
            out.push(escape);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_for_label_values() {
        assert_eq!(quote(r#"Jo "J" <a@b> $5 \n"#, '\\'), r#"Jo \"J\" <a@b> \$5 \\n"#);
        assert_eq!(quote(r#"a"b\c"#, '`'), r#"a`"b\c"#);
    }
}
