//! tree-sitter-containerfile to the typed tree. The only module that spells the grammar's node kinds.

use super::ast::*;
use super::lines::{heredoc_markers, join_lines, split_logical, ChunkKind};
use crate::text::Span;
use std::cell::RefCell;
use tree_sitter::{Node, Parser, Tree};

thread_local! {
    static PARSER: RefCell<Parser> = RefCell::new({
        let mut parser = Parser::new();
        parser.set_language(&tree_sitter_containerfile::LANGUAGE.into()).expect("containerfile grammar loads");
        parser
    });
}

fn parse_tree(text: &str) -> Option<Tree> {
    PARSER.with(|p| p.borrow_mut().parse(text, None))
}

/// Parses a Dockerfile. Never fails: what cannot be parsed becomes a `SyntaxError` and the
/// instructions around it are still returned.
pub fn parse(source: &str) -> Dockerfile {
    let directives = parse_directives(source);
    let mut file = Dockerfile { directives, ..Dockerfile::default() };
    let Some(tree) = parse_tree(source) else {
        recover(source, Span::new(0, source.len()), &mut file);
        return file;
    };
    let conv = Converter { src: source, base: 0, escape: file.directives.escape };
    let root = tree.root_node();
    let mut cursor = root.walk();
    for node in root.children(&mut cursor) {
        if node.kind() == "comment" {
            file.comments.push(conv.comment(node, true));
        } else if node.is_error() || node.has_error() || node.is_missing() {
            recover(source, expand_to_lines(source, conv.span(node)), &mut file);
        } else if node.is_named() {
            conv.push_instruction(node, &mut file);
        }
    }
    file.instructions.sort_by_key(|i| i.span.start);
    file.comments.sort_by_key(|c| c.span.start);
    file.comments.dedup_by_key(|c| c.span.start);
    file
}

fn expand_to_lines(source: &str, span: Span) -> Span {
    let start = source[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = source[span.end..].find('\n').map_or(source.len(), |i| span.end + i);
    Span::new(start, end.max(start))
}

/// Re-parses each logical instruction of a region that failed to parse on its own, so one broken
/// instruction costs only itself.
fn recover(source: &str, region: Span, file: &mut Dockerfile) {
    let escape = file.directives.escape;
    let prefix = if escape == '`' { "# escape=`\n" } else { "" };
    for (kind, chunk) in split_logical(region.slice(source), escape) {
        let chunk = chunk.shift(region.start);
        if kind == ChunkKind::Comment {
            file.comments.push(Comment {
                span: chunk,
                text: chunk.slice(source)[1..].trim().to_string(),
                standalone: true,
            });
            continue;
        }
        if file.instructions.iter().any(|i| i.span.covers(chunk)) {
            continue;
        }
        let text = format!("{prefix}{}", chunk.slice(source));
        let reparsed = parse_tree(&text).filter(|t| !t.root_node().has_error());
        let mut parsed_any = false;
        if let Some(tree) = reparsed {
            let conv = Converter { src: &text, base: chunk.start, escape };
            let mut shifted = Dockerfile::default();
            let root = tree.root_node();
            let mut cursor = root.walk();
            for node in root.children(&mut cursor) {
                if node.kind() == "comment" {
                    if node.start_byte() >= prefix.len() {
                        shifted.comments.push(conv.comment(node, false));
                    }
                } else if node.is_named() {
                    conv.push_instruction(node, &mut shifted);
                    parsed_any = true;
                }
            }
            file.instructions.extend(shifted.instructions);
            file.comments.extend(shifted.comments);
            file.errors.extend(shifted.errors);
        }
        if !parsed_any {
            file.errors
                .push(SyntaxError { span: first_line(source, chunk), message: describe_error(chunk.slice(source)) });
        }
    }
    file.errors.sort_by_key(|e| e.span.start);
}

fn first_line(source: &str, span: Span) -> Span {
    let text = span.slice(source);
    Span::new(span.start, span.start + text.find('\n').unwrap_or(text.len()))
}

fn describe_error(text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or("");
    match Keyword::parse(first) {
        Some(keyword) if text.trim() == first => format!("{} requires arguments", keyword.as_str()),
        Some(keyword) => format!("malformed {} instruction", keyword.as_str()),
        None if matches!(first, "&&" | "||" | "|" | ";") || first.starts_with('-') => {
            format!("unknown instruction `{first}`: is a line continuation missing on the line before?")
        }
        None => format!("unknown instruction `{first}`"),
    }
}

fn parse_directives(source: &str) -> Directives {
    let mut directives = Directives { escape: '\\', ..Directives::default() };
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let Some(rest) = content.trim_start().strip_prefix('#') else { break };
        let Some((key, value)) = rest.split_once('=') else { break };
        let key = key.trim();
        if key.is_empty() || key.contains(char::is_whitespace) {
            break;
        }
        let value_text = value.trim();
        let value_start = start + content.rfind(value_text).unwrap_or(content.len());
        let word = Word { text: value_text.to_string(), span: Span::new(value_start, value_start + value_text.len()) };
        match key.to_ascii_lowercase().as_str() {
            "syntax" => directives.syntax = Some(word),
            "escape" if value_text == "`" => directives.escape = '`',
            "escape" => {}
            "check" => directives.check = Some(word),
            _ => {}
        }
    }
    directives
}

struct Converter<'a> {
    /// The text that was parsed; `base` maps its offsets to the file's.
    src: &'a str,
    base: usize,
    escape: char,
}

impl Converter<'_> {
    fn span(&self, node: Node) -> Span {
        Span::new(node.start_byte() + self.base, node.end_byte() + self.base)
    }

    fn local(&self, node: Node) -> &str {
        &self.src[node.start_byte()..node.end_byte()]
    }

    fn word(&self, node: Node) -> Word {
        Word { text: join_lines(self.local(node), self.escape), span: self.span(node) }
    }

    fn word_between(&self, start: usize, end: usize) -> Word {
        Word {
            text: join_lines(&self.src[start..end], self.escape),
            span: Span::new(start + self.base, end + self.base),
        }
    }

    fn comment(&self, node: Node, standalone: bool) -> Comment {
        let text = self.local(node).trim_end_matches(['\n', '\r']);
        let start = node.start_byte() + self.base;
        Comment {
            span: Span::new(start, start + text.len()),
            text: text.trim_start().trim_start_matches('#').trim().to_string(),
            standalone,
        }
    }

    fn push_instruction(&self, node: Node, file: &mut Dockerfile) {
        let mut cursor = node.walk();
        for child in node.children(&mut cursor) {
            if child.kind() == "comment" {
                file.comments.push(self.comment(child, false));
            }
        }
        match self.instruction(node, file) {
            Ok(instruction) => file.instructions.push(instruction),
            Err(message) => file.errors.push(SyntaxError { span: self.span(node), message }),
        }
    }

    fn instruction(&self, node: Node, file: &mut Dockerfile) -> Result<Instruction, String> {
        let keyword_node = node.child(0).ok_or("empty instruction")?;
        let keyword = Keyword::parse(self.local(keyword_node)).ok_or("unknown instruction")?;
        let mut flags = Vec::new();
        let mut named = Vec::new();
        let mut cursor = node.walk();
        for child in node.children(&mut cursor) {
            match child.kind() {
                "param" | "mount_param" => flags.push(self.flag(child)),
                "comment" | "line_continuation" => {}
                _ if child.is_named() => named.push(child),
                _ => {}
            }
        }
        let body = match keyword {
            Keyword::From => {
                let image = node
                    .child_by_field_name("image")
                    .or_else(|| named.iter().copied().find(|n| n.kind() == "image_spec"))
                    .filter(|n| n.end_byte() > n.start_byte())
                    .ok_or("FROM requires an image")?;
                let alias = node.child_by_field_name("as").map(|n| self.word(n));
                Body::From { image: self.word(image), alias }
            }
            Keyword::Run | Keyword::Cmd | Keyword::Entrypoint => {
                Body::Command(self.command(&named).ok_or_else(|| format!("{} requires a command", keyword.as_str()))?)
            }
            Keyword::Copy | Keyword::Add => {
                let json = named.iter().find(|n| n.kind() == "json_string_array");
                let (paths, is_json) = match json {
                    Some(array) => (self.json_words(*array), true),
                    None => (named.iter().filter(|n| n.kind() == "path").map(|n| self.word(*n)).collect(), false),
                };
                if paths.len() < 2 {
                    return Err(format!("{} requires at least a source and a destination", keyword.as_str()));
                }
                let markers: Vec<Node> = named.iter().copied().filter(|n| n.kind() == "path").collect();
                Body::Files { paths, json: is_json, heredocs: self.heredocs(&markers, &named) }
            }
            Keyword::Env | Keyword::Label => Body::Pairs(
                named.iter().filter(|n| matches!(n.kind(), "env_pair" | "label_pair")).map(|n| self.pair(*n)).collect(),
            ),
            Keyword::Arg => {
                Body::Args(named.iter().filter(|n| n.kind() == "arg_pair").map(|n| self.pair(*n)).collect())
            }
            Keyword::Expose => Body::Ports(named.iter().map(|n| self.word(*n)).collect()),
            Keyword::User => {
                let user = node.child_by_field_name("user").ok_or("USER requires a user")?;
                Body::User { user: self.word(user), group: node.child_by_field_name("group").map(|n| self.word(n)) }
            }
            Keyword::Workdir => Body::Path(self.word(*named.first().ok_or("WORKDIR requires a path")?)),
            Keyword::Volume => match named.iter().find(|n| n.kind() == "json_string_array") {
                Some(array) => Body::Paths { paths: self.json_words(*array), json: true },
                None => Body::Paths { paths: named.iter().map(|n| self.word(*n)).collect(), json: false },
            },
            Keyword::Shell => {
                let array = named.first().ok_or("SHELL requires a JSON array")?;
                Body::Shell(self.json_words(*array))
            }
            Keyword::Stopsignal | Keyword::Maintainer | Keyword::CrossBuild => {
                let text = self.word_between(keyword_node.end_byte(), node.end_byte());
                let trimmed = text.text.trim();
                if trimmed.is_empty() {
                    return Err(format!("{} requires an argument", keyword.as_str()));
                }
                let lead = text.text.len() - text.text.trim_start().len();
                let start = text.span.start + lead;
                Body::Text(Word { text: trimmed.to_string(), span: Span::new(start, start + trimmed.len()) })
            }
            Keyword::Healthcheck => {
                let mut inner = node.walk();
                let none =
                    node.children(&mut inner).any(|c| !c.is_named() && self.local(c).eq_ignore_ascii_case("NONE"));
                if none {
                    Body::Healthcheck(None)
                } else if let Some(cmd) = named.iter().find(|n| n.kind() == "cmd_instruction") {
                    let mut parts = Vec::new();
                    let mut c = cmd.walk();
                    parts.extend(
                        cmd.named_children(&mut c).filter(|n| !matches!(n.kind(), "comment" | "line_continuation")),
                    );
                    Body::Healthcheck(Some(self.command(&parts).ok_or("HEALTHCHECK CMD requires a command")?))
                } else {
                    let raw = named.iter().copied().filter(|n| n.kind() == "shell_command").collect::<Vec<_>>();
                    Body::Healthcheck(Some(self.command(&raw).ok_or("HEALTHCHECK requires CMD or NONE")?))
                }
            }
            Keyword::Onbuild => {
                let inner = named.first().ok_or("ONBUILD requires an instruction")?;
                Body::Onbuild(Box::new(self.instruction(*inner, file)?))
            }
        };
        Ok(Instruction { keyword, keyword_span: self.span(keyword_node), span: self.span(node), flags, body })
    }

    fn flag(&self, node: Node) -> Flag {
        let text = self.local(node);
        let body = text.strip_prefix("--").unwrap_or(text);
        let (name, value) = match body.split_once('=') {
            Some((name, _)) => {
                let value_start = node.start_byte() + 2 + name.len() + 1;
                (name, Some(self.word_between(value_start, node.end_byte())))
            }
            None => (body, None),
        };
        Flag { name: name.to_string(), value, span: self.span(node) }
    }

    fn json_words(&self, array: Node) -> Vec<Word> {
        let mut cursor = array.walk();
        array
            .named_children(&mut cursor)
            .filter(|n| n.kind() == "json_string")
            .map(|n| {
                let raw = self.local(n);
                let text = serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.trim_matches('"').to_string());
                Word { text, span: self.span(n) }
            })
            .collect()
    }

    fn command(&self, named: &[Node]) -> Option<Command> {
        if let Some(array) = named.iter().find(|n| n.kind() == "json_string_array") {
            return Some(Command::Exec { args: self.json_words(*array), span: self.span(*array) });
        }
        let shell = named.iter().find(|n| n.kind() == "shell_command")?;
        let mut cursor = shell.walk();
        let markers: Vec<Node> = shell.children(&mut cursor).filter(|n| n.kind() == "heredoc_marker").collect();
        Some(Command::Shell { span: self.span(*shell), heredocs: self.heredocs(&markers, named) })
    }

    /// Pairs heredoc markers (in the command line or COPY paths) with the bodies that follow.
    fn heredocs(&self, marker_nodes: &[Node], named: &[Node]) -> Vec<Heredoc> {
        let blocks: Vec<Node> = named.iter().copied().filter(|n| n.kind() == "heredoc_block").collect();
        if blocks.is_empty() {
            return Vec::new();
        }
        let markers = marker_nodes.iter().flat_map(|n| {
            let start = n.start_byte();
            heredoc_markers(self.local(*n)).into_iter().map(move |m| (m, start))
        });
        markers
            .zip(blocks)
            .map(|((marker, start), block)| {
                let mut cursor = block.walk();
                let content = block.named_children(&mut cursor).find(|n| n.kind() == "heredoc_content");
                let body_start = block.start_byte() + 1;
                let body =
                    content.map_or(Span::new(body_start, body_start), |c| Span::new(c.start_byte(), c.end_byte()));
                Heredoc {
                    marker: marker.span.shift(start + self.base),
                    delimiter: marker.delimiter,
                    strip_tabs: marker.strip_tabs,
                    quoted: marker.quoted,
                    body: body.shift(self.base),
                    span: self.span(block),
                }
            })
            .collect()
    }

    fn pair(&self, node: Node) -> KeyValue {
        let key = node.child_by_field_name("name").or_else(|| node.child_by_field_name("key")).unwrap_or(node);
        let mut cursor = node.walk();
        let equals = node
            .children(&mut cursor)
            .find(|c| !c.is_named() && self.local(*c) == "=" && c.start_byte() == key.end_byte());
        let value_start = match equals {
            Some(eq) => Some(eq.end_byte()),
            None => key.next_sibling().map(|n| n.start_byte()),
        };
        let value =
            value_start.filter(|start| *start < node.end_byte()).map(|start| self.word_between(start, node.end_byte()));
        KeyValue { key: self.word(key), value, legacy: equals.is_none(), span: self.span(node) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_lines_cost_only_themselves() {
        let src = "FROM\nRUN\nCOPY onlyone\nFOO bar baz\n  continued \\\n  line\nEXPOSE 80\nENV\nRUN echo ok\nUSER\n";
        let file = parse(src);
        let kinds: Vec<_> = file.instructions.iter().map(|i| i.keyword).collect();
        assert_eq!(kinds, vec![Keyword::Expose, Keyword::Run]);
        let messages: Vec<_> = file.errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "FROM requires arguments",
                "RUN requires arguments",
                "malformed COPY instruction",
                "unknown instruction `FOO`",
                "unknown instruction `continued`",
                "ENV requires arguments",
                "USER requires arguments",
            ]
        );
    }

    #[test]
    fn reads_directives() {
        let file = parse("# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=JSONArgsRecommended\nFROM a\n");
        assert_eq!(file.directives.escape, '`');
        assert_eq!(file.directives.syntax.unwrap().text, "docker/dockerfile:1");
        assert_eq!(file.directives.check.unwrap().text, "skip=JSONArgsRecommended");
        assert_eq!(parse("FROM a\n# escape=`\n").directives.escape, '\\');
    }
}
