//! Semantic highlighting: what each piece of a Dockerfile is, beyond what a grammar colours by shape.

use super::navigation::{occurrences, variable_uses, Role, Symbol};
use super::{outside, Analysis};
use crate::syntax::{Body, Command, Comment, Instruction, Keyword};
use crate::text::{line_start, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TokenKind {
    Keyword,
    /// An instruction's `--flag`.
    Flag,
    Variable,
    Stage,
    Comment,
    /// A parser directive (`# syntax=`, `# escape=`, `# check=`).
    Directive,
    String,
    Number,
    Operator,
    /// A LABEL key.
    Property,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// The name is declared here (a stage's `AS` name, an ARG or ENV key).
    pub declaration: bool,
}

/// The file's tokens, sorted and never overlapping; a token may run over several lines.
pub fn semantic_tokens(analysis: &Analysis) -> Vec<Token> {
    let model = analysis.model();
    let source = analysis.source;
    // Names are cut out of the coarser tokens they sit in (a variable inside a value, a stage in a flag).
    let mut names: Vec<Token> = variable_uses(&model)
        .into_iter()
        .map(|u| Token { span: u.span, kind: TokenKind::Variable, declaration: false })
        .collect();
    for occurrence in occurrences(&model) {
        let kind = match occurrence.symbol {
            Symbol::Stage(_) => TokenKind::Stage,
            Symbol::Variable { .. } => TokenKind::Variable,
        };
        let declaration = occurrence.role == Role::Declaration;
        // Variable uses are already there, with their `$`; what is left are ARG and ENV keys.
        let after_dollar = source[..occurrence.span.start].ends_with(['$', '{']);
        if kind == TokenKind::Stage || !after_dollar {
            names.push(Token { span: occurrence.span, kind, declaration });
        }
    }
    names.sort_by_key(|t| (t.span.start, t.span.end));
    names.dedup_by_key(|t| t.span);

    let mut coarse = Vec::new();
    for instruction in &analysis.file.instructions {
        instruction_tokens(source, instruction, &mut coarse);
    }
    comment_tokens(source, &analysis.file.comments, &mut coarse);

    let holes: Vec<Span> = names.iter().map(|t| t.span).collect();
    let mut tokens = names;
    for token in coarse {
        tokens.extend(outside(token.span, &holes).into_iter().map(|span| Token { span, ..token }));
    }
    tokens.sort_by_key(|t| (t.span.start, t.span.end));
    let mut end = 0;
    tokens.retain(|t| {
        let keep = !t.span.is_empty() && t.span.start >= end;
        if keep {
            end = t.span.end;
        }
        keep
    });
    tokens
}

fn instruction_tokens(source: &str, instruction: &Instruction, out: &mut Vec<Token>) {
    let mut push = |span: Span, kind| out.push(Token { span, kind, declaration: false });
    push(instruction.keyword_span, TokenKind::Keyword);
    for flag in &instruction.flags {
        let name_end = (flag.span.start + 2 + flag.name.len()).min(flag.span.end);
        push(Span::new(flag.span.start, name_end), TokenKind::Flag);
        if let Some(value) = &flag.value {
            push(Span::new(name_end, value.span.start), TokenKind::Operator);
            push(value.span, TokenKind::String);
        }
    }
    match &instruction.body {
        Body::From { image, alias: Some(alias) } => {
            let between = Span::new(image.span.end, alias.span.start);
            if let Some(at) = between.slice(source).to_ascii_lowercase().find("as") {
                push(Span::new(between.start + at, between.start + at + 2), TokenKind::Keyword);
            }
        }
        Body::Pairs(pairs) | Body::Args(pairs) => {
            for pair in pairs {
                if instruction.keyword == Keyword::Label {
                    push(pair.key.span, TokenKind::Property);
                }
                if let Some(value) = &pair.value {
                    if !pair.legacy {
                        push(Span::new(pair.key.span.end, value.span.start), TokenKind::Operator);
                    }
                    push(value.span, TokenKind::String);
                }
            }
        }
        Body::Ports(ports) => ports.iter().for_each(|port| push(port.span, TokenKind::Number)),
        Body::Command(Command::Shell { heredocs, .. }) | Body::Files { heredocs, .. } => {
            for heredoc in heredocs {
                push(heredoc.marker, TokenKind::Operator);
                if instruction.keyword != Keyword::Run {
                    push(heredoc.body, TokenKind::String);
                }
            }
        }
        Body::Onbuild(inner) => instruction_tokens(source, inner, out),
        _ => {}
    }
}

/// Comments, with the parser directives at the top of the file told apart.
fn comment_tokens(source: &str, comments: &[Comment], out: &mut Vec<Token>) {
    // Directives are the `# key=value` lines the file starts with.
    let mut directives_end = Some(0);
    for comment in comments {
        let line_start = line_start(source, comment.span.start);
        let key = comment.text.split_once('=').map(|(key, _)| key.trim().to_ascii_lowercase());
        let in_header = directives_end == Some(line_start) && source[line_start..comment.span.start].trim().is_empty();
        directives_end = match (in_header, &key) {
            (true, Some(key)) if !key.is_empty() && !key.contains(char::is_whitespace) => {
                Some(source[comment.span.end..].find('\n').map_or(source.len(), |i| comment.span.end + i + 1))
            }
            _ => None,
        };
        let directive = directives_end.is_some() && matches!(key.as_deref(), Some("syntax" | "escape" | "check"));
        let kind = if directive { TokenKind::Directive } else { TokenKind::Comment };
        out.push(Token { span: comment.span, kind, declaration: false });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(source: &str) -> Vec<String> {
        semantic_tokens(&Analysis::new(source))
            .iter()
            .map(|t| {
                let marker = if t.declaration { "!" } else { "" };
                format!("{:?}{marker} {}", t.kind, t.span.slice(source))
            })
            .collect()
    }

    #[test]
    fn classifies_each_piece() {
        let source = "# syntax=docker/dockerfile:1\n# note\nARG V=1\nFROM img:$V AS build\n\
                      COPY --from=build --chmod=644 /a /b\nENV P=\"${V}/bin\"\nLABEL k=v\nEXPOSE 80/tcp\nRUN echo $HOME\n";
        assert_eq!(
            tokens(source),
            vec![
                "Directive # syntax=docker/dockerfile:1",
                "Comment # note",
                "Keyword ARG",
                "Variable! V",
                "Operator =",
                "String 1",
                "Keyword FROM",
                "Variable $V",
                "Keyword AS",
                "Stage! build",
                "Keyword COPY",
                "Flag --from",
                "Operator =",
                "Stage build",
                "Flag --chmod",
                "Operator =",
                "String 644",
                "Keyword ENV",
                "Variable! P",
                "Operator =",
                "String \"",
                "Variable ${V",
                "String }/bin\"",
                "Keyword LABEL",
                "Property k",
                "Operator =",
                "String v",
                "Keyword EXPOSE",
                "Number 80/tcp",
                "Keyword RUN",
                "Variable $HOME",
            ]
        );
    }

    #[test]
    fn heredocs_and_triggers() {
        let source = "FROM a\nONBUILD RUN x\nCOPY <<EOF /x\n$A\nEOF\n";
        assert_eq!(
            tokens(source),
            vec![
                "Keyword FROM",
                "Keyword ONBUILD",
                "Keyword RUN",
                "Keyword COPY",
                "Operator <<EOF",
                "Variable $A",
                "String \n"
            ]
        );
        assert!(tokens("").is_empty());
        assert_eq!(tokens("FROM\n# escape=`\n"), vec!["Comment # escape=`"]);
    }
}
