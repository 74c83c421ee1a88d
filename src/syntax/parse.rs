//! tree-sitter-containerfile to the typed tree. The only module that spells the grammar's node kinds.

use super::ast::*;
use super::lines::{
    heredoc_bodies, heredoc_markers, instruction_end, join_lines, logical_line_end, split_logical, ChunkKind,
};
use crate::text::{line_start, Span};
use std::cell::RefCell;
use tree_sitter::{InputEdit, Node, Parser, Point, Tree};

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

/// A document's last text and syntax tree. Parsing its next version reuses the parts of the tree the
/// change did not touch, so an editor's keystroke reparses a few nodes rather than the file.
#[derive(Default)]
pub struct TreeCache {
    last: RefCell<Option<(String, Tree)>>,
}

impl TreeCache {
    /// Only trees without syntax errors are reused, and only for a version that parses without them:
    /// tree-sitter's error recovery can end differently when it starts from an old tree (a blank at
    /// the end of a broken file became an error node afresh and nothing incrementally), and the
    /// document must read the same however it was reached.
    fn reparse(&self, source: &str) -> Option<Tree> {
        let mut last = self.last.borrow_mut();
        let old = last.take().filter(|(_, tree)| !tree.root_node().has_error()).map(|(text, mut tree)| {
            tree.edit(&edit_between(&text, source));
            tree
        });
        let mut tree = PARSER.with(|p| p.borrow_mut().parse(source, old.as_ref()))?;
        if old.is_some() && tree.root_node().has_error() {
            tree = parse_tree(source)?;
        }
        *last = Some((source.to_owned(), tree.clone()));
        Some(tree)
    }
}

/// The one edit that turns `old` into `new`: everything between their common start and common end,
/// on character boundaries.
fn edit_between(old: &str, new: &str) -> InputEdit {
    let start = crate::text::floor_char_boundary(old, old.bytes().zip(new.bytes()).take_while(|(a, b)| a == b).count());
    let most = old.len().min(new.len()) - start;
    let mut common_end = old.bytes().rev().zip(new.bytes().rev()).take(most).take_while(|(a, b)| a == b).count();
    while !old.is_char_boundary(old.len() - common_end) || !new.is_char_boundary(new.len() - common_end) {
        common_end -= 1;
    }
    let (old_end, new_end) = (old.len() - common_end, new.len() - common_end);
    InputEdit {
        start_byte: start,
        old_end_byte: old_end,
        new_end_byte: new_end,
        start_position: point(old, start),
        old_end_position: point(old, old_end),
        new_end_position: point(new, new_end),
    }
}

/// tree-sitter's row and byte column of an offset.
fn point(text: &str, offset: usize) -> Point {
    let before = &text.as_bytes()[..offset];
    let row = before.iter().filter(|b| **b == b'\n').count();
    let column = offset - before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    Point::new(row, column)
}

/// Parses a Dockerfile. Never fails: what cannot be parsed becomes a `SyntaxError` and the
/// instructions around it are still returned.
pub fn parse(source: &str) -> Dockerfile {
    parse_with(source, None)
}

/// Parses like [`parse`] the next version of a document whose last tree `cache` holds.
pub fn parse_cached(source: &str, cache: &TreeCache) -> Dockerfile {
    parse_with(source, Some(cache))
}

fn parse_with(source: &str, cache: Option<&TreeCache>) -> Dockerfile {
    let file = parse_text(source, cache);
    match column_zero_continuations(source, &file) {
        Some(moved) => parse_text(&moved, None),
        None => file,
    }
}

/// The text with the blank before each `\` continuation moved to the start of the next line, where
/// that line starts at column 0 (`COPY ./a \` + `./b /dst/`), or `None` when there is no such line.
/// The grammar reads `./a ./b` there as one word; Docker joins the lines and splits at the blank.
/// Moving the blank keeps every other byte in place and the joined text the same, so spans stay
/// true. Heredoc bodies, comment lines and flags are left alone.
fn column_zero_continuations(source: &str, file: &Dockerfile) -> Option<String> {
    let escape = file.directives.escape;
    let bodies: Vec<Span> = file.instructions.iter().flat_map(|i| i.heredocs().iter().map(|h| h.body)).collect();
    let mut moved: Option<Vec<u8>> = None;
    let mut start = 0;
    for line in source.split_inclusive('\n') {
        let line_start = start;
        start += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let next_starts_at_column_zero =
            source[start..].starts_with(|c: char| !c.is_whitespace() && c != '#' && c != escape);
        let Some(before_escape) = content.strip_suffix(escape) else { continue };
        let continued = line.ends_with('\n') && next_starts_at_column_zero;
        if !continued || !before_escape.ends_with([' ', '\t']) || content.trim_start().starts_with('#') {
            continue;
        }
        // Instructions and bodies are sorted by position: the last one starting at or before the line.
        let instructions = &file.instructions;
        let instruction = instructions.partition_point(|i| i.span.start <= line_start).checked_sub(1);
        let Some(instruction) = instruction.map(|i| &instructions[i]) else { continue };
        let body = bodies.partition_point(|b| b.start <= line_start).checked_sub(1);
        // Only word lists and pairs: the grammar ends a flag (`--retries=3\`) at a continuation
        // written right after it, so flags keep their blank.
        let listed = matches!(
            instruction.keyword,
            Keyword::Copy
                | Keyword::Add
                | Keyword::Env
                | Keyword::Label
                | Keyword::Arg
                | Keyword::Expose
                | Keyword::Volume
        );
        let after_flag = before_escape.split_whitespace().next_back().is_some_and(|word| word.starts_with("--"));
        let in_body = body.is_some_and(|b| bodies[b].contains(line_start));
        if !instruction.span.contains(line_start) || !listed || after_flag || in_body {
            continue;
        }
        let blank = line_start + before_escape.len() - 1;
        let bytes = moved.get_or_insert_with(|| source.as_bytes().to_vec());
        bytes[blank..start].rotate_left(1);
    }
    // Only ASCII bytes moved, so the text is still UTF-8.
    moved.map(|bytes| String::from_utf8(bytes).expect("only ASCII bytes were moved"))
}

fn parse_text(source: &str, cache: Option<&TreeCache>) -> Dockerfile {
    let directives = parse_directives(source);
    let mut file = Dockerfile { directives, ..Dockerfile::default() };
    let tree = match cache {
        Some(cache) => cache.reparse(source),
        None => parse_tree(source),
    };
    let Some(tree) = tree else {
        recover(source, Span::new(0, source.len()), &mut file);
        return file;
    };
    let escape = file.directives.escape;
    let conv = Converter { src: source, base: 0, escape };
    let root = tree.root_node();
    let mut cursor = root.walk();
    let nodes: Vec<Node> = root.children(&mut cursor).collect();
    // Regions the grammar could not read, each widened to its whole logical instruction.
    let mut regions: Vec<Span> = Vec::new();
    let mut absorbed = vec![false; nodes.len()];
    for (i, node) in nodes.iter().enumerate() {
        let shell_text_only = || {
            // The grammar's own recovery can run a broken shell command on into the next line.
            errors_only_in_shell_text(*node) && node.end_byte() <= instruction_end(source, node.start_byte(), escape)
        };
        let readable = node.kind() == "comment"
            || node.kind() == "line_continuation"
            || (node.kind().ends_with("_instruction") && (!node.has_error() || shell_text_only()));
        if readable {
            continue;
        }
        let mut region = expand_to_lines(source, conv.span(*node));
        region.start = logical_line_start(source, region.start, escape);
        // Nodes follow each other, so the walk back stops at the first that ends before the region.
        for j in (0..=i).rev() {
            if conv.span(nodes[j]).end <= region.start {
                break;
            }
            absorbed[j] = true;
            region.start = region.start.min(expand_to_lines(source, conv.span(nodes[j])).start);
        }
        regions.push(region);
    }
    // A region takes in the nodes after it on its lines too: the grammar can start an instruction in
    // the middle of a line it could not read (`EXPOSE 2/udpRUN <` gave `RUN <`), which Docker reads as
    // part of the line.
    let regions = merge(regions);
    let mut next_region = 0;
    for (node, absorbed) in nodes.iter().zip(&mut absorbed) {
        let span = conv.span(*node);
        while regions.get(next_region).is_some_and(|r| r.end <= span.start) {
            next_region += 1;
        }
        *absorbed |= regions.get(next_region).is_some_and(|r| r.start < span.end);
    }
    for (node, _) in nodes.iter().zip(&absorbed).filter(|(_, absorbed)| !**absorbed) {
        match node.kind() {
            "comment" => file.comments.push(conv.comment(*node, true)),
            "line_continuation" => {}
            _ => conv.push_instruction(*node, &mut file),
        }
    }
    for region in regions {
        recover(source, region, &mut file);
    }
    file.instructions.sort_by_key(|i| i.span.start);
    file.comments.sort_by_key(|c| c.span.start);
    file.comments.dedup_by_key(|c| c.span.start);
    file
}

/// Walks back over lines that continue onto `offset`'s line (skipping the blank and comment lines a
/// continuation carries over) to where that logical line starts.
fn logical_line_start(source: &str, mut offset: usize, escape: char) -> usize {
    let mut candidate = offset;
    while candidate > 0 {
        let prev_end = candidate - 1;
        let prev_start = line_start(source, prev_end);
        let line = source[prev_start..prev_end].trim_end_matches([' ', '\t', '\r']);
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            candidate = prev_start;
            continue;
        }
        if !line.ends_with(escape) {
            break;
        }
        offset = prev_start;
        candidate = prev_start;
    }
    offset
}

fn merge(mut regions: Vec<Span>) -> Vec<Span> {
    regions.sort();
    let mut merged: Vec<Span> = Vec::new();
    for region in regions {
        match merged.last_mut() {
            Some(last) if region.start <= last.end + 1 => *last = last.join(region),
            _ => merged.push(region),
        }
    }
    merged
}

fn expand_to_lines(source: &str, span: Span) -> Span {
    let start = line_start(source, span.start);
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
        let reparsed = parse_tree(&text).filter(|t| {
            let root = t.root_node();
            let mut cursor = root.walk();
            let clean =
                root.children(&mut cursor).all(|n| !n.is_error() && (!n.has_error() || errors_only_in_shell_text(n)));
            clean
        });
        let mut parsed_any = false;
        // Offsets in `text` count the prefix, which the file has before the chunk (its own directive).
        if let (Some(tree), Some(base)) = (reparsed, chunk.start.checked_sub(prefix.len())) {
            let conv = Converter { src: &text, base, escape };
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
            match lenient_instruction(source, chunk, escape) {
                Some(instruction) => file.instructions.push(instruction),
                None => file.errors.push(SyntaxError {
                    span: first_line(source, chunk),
                    message: describe_error(chunk.slice(source)),
                }),
            }
        }
    }
    file.errors.sort_by_key(|e| e.span.start);
}

/// Docker hands shell-form command text to the shell as it is, so what the grammar cannot tokenise
/// there (it rejects a fragment that starts with `[` after a continuation, for one) is no syntax error.
fn errors_only_in_shell_text(node: Node) -> bool {
    if node.is_error() || node.is_missing() {
        return false;
    }
    if node.kind() == "shell_command" {
        return true;
    }
    let mut cursor = node.walk();
    let clean = node.children(&mut cursor).all(|child| !child.has_error() || errors_only_in_shell_text(child));
    clean
}

fn first_line(source: &str, span: Span) -> Span {
    let text = span.slice(source);
    Span::new(span.start, span.start + text.find('\n').unwrap_or(text.len()))
}

/// Reads an instruction the grammar rejects the way Docker's line-based parser does, for the forms
/// Docker accepts: shell text it does not look into (PowerShell in RUN) and legacy `ENV key value`.
fn lenient_instruction(source: &str, chunk: Span, escape: char) -> Option<Instruction> {
    let text = chunk.slice(source);
    let keyword_len = text.find(char::is_whitespace)?;
    let keyword = Keyword::parse(&text[..keyword_len])?;
    // Docker expands variables in most instructions, but hands RUN, CMD and ENTRYPOINT text to the shell.
    let expands = !matches!(keyword, Keyword::Run | Keyword::Cmd | Keyword::Entrypoint);
    if expands && unsupported_expansion(text).is_some() {
        return None;
    }
    let line_end = logical_line_end(text, 0, escape);
    let takes_heredocs = matches!(keyword, Keyword::Run | Keyword::Copy | Keyword::Add);
    let markers = if takes_heredocs { heredoc_markers(&text[..line_end]) } else { Vec::new() };
    let heredocs: Vec<Heredoc> = heredoc_bodies(text, line_end, &markers)
        .into_iter()
        .zip(markers)
        .map(|((body, whole), marker)| Heredoc {
            marker: marker.span.shift(chunk.start),
            delimiter: marker.delimiter,
            strip_tabs: marker.strip_tabs,
            quoted: marker.quoted,
            body: body.shift(chunk.start),
            span: whole.shift(chunk.start),
        })
        .collect();
    let continuations = super::lines::continuations(&text[..line_end], escape);
    let mut at = skip_blanks(text, keyword_len, escape);
    let mut flags = Vec::new();
    // Skipping the blanks after a flag that ends the line can pass the line's end.
    while takes_heredocs && text.get(at..line_end).is_some_and(|rest| rest.starts_with("--")) {
        // A flag ends at a blank or where a continuation starts (`--mount=...\` + newline).
        let end = (at..line_end)
            .filter(|&i| text.is_char_boundary(i))
            .find(|&i| text[i..].starts_with(char::is_whitespace) || continuations.iter().any(|r| r.start == i))
            .unwrap_or(line_end);
        let body = &text[at + 2..end];
        let (name, value) = match body.split_once('=') {
            Some((name, value)) => {
                let start = chunk.start + at + 2 + name.len() + 1;
                (name, Some(Word { text: value.to_string(), span: Span::new(start, start + value.len()) }))
            }
            None => (body, None),
        };
        flags.push(Flag { name: name.to_string(), value, span: Span::new(chunk.start + at, chunk.start + end) });
        at = skip_blanks(text, end, escape);
    }
    let rest = Span::new(chunk.start + at, chunk.start + line_end.max(at));
    if rest.is_empty() {
        return None;
    }
    let words = || split_words(source, rest, escape);
    let body = match keyword {
        Keyword::Run | Keyword::Cmd | Keyword::Entrypoint => match json_array(source, rest, escape) {
            Some(args) => Body::Command(Command::Exec { args, span: rest }),
            None => Body::Command(Command::Shell { span: rest, heredocs }),
        },
        Keyword::Copy | Keyword::Add => {
            let (paths, json) = match json_array(source, rest, escape) {
                Some(paths) => (paths, true),
                None => (words(), false),
            };
            if paths.len() < 2 {
                return None;
            }
            Body::Files { paths, json, heredocs }
        }
        Keyword::Onbuild => {
            Body::Onbuild(Box::new(lenient_instruction(source, Span::new(chunk.start + at, chunk.end), escape)?))
        }
        Keyword::Maintainer | Keyword::Stopsignal | Keyword::CrossBuild => {
            Body::Text(Word { text: join_lines(rest.slice(source), escape).trim_end().to_string(), span: rest })
        }
        Keyword::Env | Keyword::Label | Keyword::Arg => {
            let words = words();
            // Blanks Docker does not split on (a vertical tab) can leave no words at all.
            let legacy = keyword != Keyword::Arg && !words.first()?.text.contains('=');
            if legacy {
                let value_start = words.get(1)?.span.start;
                let value = Word {
                    text: join_lines(&source[value_start..chunk.end], escape).trim_end().to_string(),
                    span: Span::new(value_start, chunk.end),
                };
                Body::Pairs(vec![KeyValue { key: words[0].clone(), value: Some(value), legacy: true, span: rest }])
            } else {
                let pairs: Vec<KeyValue> =
                    words.iter().map(|word| key_value(source, word, escape)).collect::<Option<_>>()?;
                if keyword == Keyword::Arg {
                    Body::Args(pairs)
                } else {
                    Body::Pairs(pairs)
                }
            }
        }
        Keyword::Expose => Body::Ports(words()),
        Keyword::Volume => match json_array(source, rest, escape) {
            Some(paths) => Body::Paths { paths, json: true },
            None => Body::Paths { paths: words(), json: false },
        },
        Keyword::Workdir => {
            Body::Path(Word { text: join_lines(rest.slice(source), escape).trim_end().to_string(), span: rest })
        }
        Keyword::User => {
            let word = Word { text: join_lines(rest.slice(source), escape).trim_end().to_string(), span: rest };
            match word.text.split_once(':') {
                Some((user, group)) => Body::User {
                    user: Word { text: user.to_string(), span: Span::new(rest.start, rest.start + user.len()) },
                    group: Some(Word {
                        text: group.to_string(),
                        span: Span::new(rest.start + user.len() + 1, rest.end),
                    }),
                },
                None => Body::User { user: word, group: None },
            }
        }
        _ => return None,
    };
    let keyword_span = Span::new(chunk.start, chunk.start + keyword_len);
    Some(Instruction { keyword, keyword_span, span: chunk, flags, body })
}

fn json_array(source: &str, span: Span, escape: char) -> Option<Vec<Word>> {
    let args: Vec<String> = serde_json::from_str(&join_lines(span.slice(source), escape)).ok()?;
    Some(args.into_iter().map(|text| Word { text, span }).collect())
}

/// `key=value` (either side may be quoted) as a pair; a word without `=` is a name without value.
fn key_value(source: &str, word: &Word, escape: char) -> Option<KeyValue> {
    let (key, value) = match split_unquoted(&word.text, '=') {
        Some(at) => (&word.text[..at], Some(&word.text[at + 1..])),
        None => (word.text.as_str(), None),
    };
    let written_key_len = key.len();
    let key = unquote(key);
    if key.is_empty() {
        return None;
    }
    // The key span keeps its quotes, as the grammar's does.
    let equals = source_offset(source, word, written_key_len, escape);
    let key_span = Span::new(word.span.start, equals);
    let value =
        value.map(|v| Word { text: v.to_string(), span: Span::new((equals + 1).min(word.span.end), word.span.end) });
    Some(KeyValue { key: Word { text: key, span: key_span }, value, legacy: false, span: word.span })
}

/// Where byte `offset` of a word's text lies in the file: the text leaves out the line continuations
/// (and the comment lines within them) that the word spans.
fn source_offset(source: &str, word: &Word, offset: usize, escape: char) -> usize {
    let mut at = offset;
    for region in super::lines::continuations(word.span.slice(source), escape) {
        if region.start > at {
            break;
        }
        at += region.len();
    }
    word.span.start + at.min(word.span.len())
}

fn split_unquoted(text: &str, separator: char) -> Option<usize> {
    let mut quote = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, c) if c == separator => return Some(i),
            _ => {}
        }
    }
    None
}

/// Splits instruction arguments into words at unquoted blanks, as Docker does, keeping quotes.
fn split_words(source: &str, span: Span, escape: char) -> Vec<Word> {
    let text = span.slice(source);
    let continuations = super::lines::continuations(text, escape);
    let mut words = Vec::new();
    let mut current: Option<(usize, String)> = None;
    let mut quote = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(region) = continuations.iter().find(|r| r.start == i) {
            while chars.peek().is_some_and(|(j, _)| *j < region.end) {
                chars.next();
            }
            continue;
        }
        if quote.is_none() && c.is_whitespace() {
            if let Some((start, word)) = current.take() {
                words.push(Word { text: word, span: Span::new(span.start + start, span.start + i) });
            }
            continue;
        }
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
        current.get_or_insert_with(|| (i, String::new())).1.push(c);
        if c == escape {
            if let (Some((_, next)), Some((_, word))) = (chars.next(), current.as_mut()) {
                word.push(next);
            }
        }
    }
    if let Some((start, word)) = current {
        words.push(Word { text: word, span: Span::new(span.start + start, span.end) });
    }
    words
}

/// The offset of the next character that is neither a blank nor part of a line continuation.
fn skip_blanks(text: &str, mut at: usize, escape: char) -> usize {
    let continuations = super::lines::continuations(text, escape);
    loop {
        if let Some(region) = continuations.iter().find(|r| r.start == at) {
            at = region.end;
        } else if text[at..].starts_with([' ', '\t', '\r', '\n']) {
            at += 1;
        } else {
            return at;
        }
    }
}

fn describe_error(text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or("");
    let expands =
        Keyword::parse(first).is_some_and(|k| !matches!(k, Keyword::Run | Keyword::Cmd | Keyword::Entrypoint));
    if let Some(expansion) = unsupported_expansion(text).filter(|_| expands) {
        return format!(
            "unsupported modifier in `{expansion}`: see the Dockerfile reference for the modifiers BuildKit supports"
        );
    }
    match Keyword::parse(first) {
        Some(keyword) if text.trim() == first => format!("{} requires arguments", keyword.as_str()),
        Some(keyword) => format!("malformed {} instruction", keyword.as_str()),
        None if matches!(first, "&&" | "||" | "|" | ";") || first.starts_with('-') => {
            format!("unknown instruction `{first}`: is a line continuation missing on the line before?")
        }
        None => format!("unknown instruction `{first}`"),
    }
}

/// The first `${name<modifier>...}` whose modifier Docker rejects, e.g. `${option:value}`.
fn unsupported_expansion(text: &str) -> Option<&str> {
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let name_len = after.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
        let modifier = &after[name_len..];
        let allowed = [":-", ":+", ":?", "-", "+", "?", "#", "%", "/", "}"].iter().any(|m| modifier.starts_with(m));
        if !allowed && name_len > 0 {
            let end = after.find('}').map_or(rest.len(), |i| start + 2 + i + 1);
            return Some(&rest[start..end]);
        }
        rest = after;
    }
    None
}

fn parse_directives(source: &str) -> Directives {
    let mut directives = Directives { escape: '\\', ..Directives::default() };
    let lines = directive_lines(source);
    for (key, word) in &lines {
        match key.text.to_ascii_lowercase().as_str() {
            "syntax" => directives.syntax = Some(word.clone()),
            "escape" if word.text == "`" => directives.escape = '`',
            "escape" => {}
            "check" => directives.check = Some(word.clone()),
            _ => {}
        }
    }
    if let Some((_, last)) = lines.last() {
        directives.end = source[last.span.end..].find('\n').map_or(source.len(), |i| last.span.end + i + 1);
    }
    directives
}

/// The parser directive lines at the top of the file (`# key=value`), each key and value with its span,
/// up to the first line that is not one, as Docker reads them.
pub fn directive_lines(source: &str) -> Vec<(Word, Word)> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let Some(rest) = content.trim_start().strip_prefix('#') else { break };
        let Some((key, value)) = rest.split_once('=') else { break };
        let name = key.trim();
        if name.is_empty() || name.contains(char::is_whitespace) {
            break;
        }
        let key_start = start + (content.len() - rest.len()) + (key.len() - key.trim_start().len());
        let value_text = value.trim();
        let value_start = start + content.rfind(value_text).unwrap_or(content.len());
        lines.push((
            Word { text: name.to_string(), span: Span::new(key_start, key_start + name.len()) },
            Word { text: value_text.to_string(), span: Span::new(value_start, value_start + value_text.len()) },
        ));
    }
    lines
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
        match self.instruction(node) {
            Ok(instruction) => file.instructions.push(instruction),
            Err(message) => file.errors.push(SyntaxError { span: self.span(node), message }),
        }
    }

    fn instruction(&self, node: Node) -> Result<Instruction, String> {
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
                    // The grammar reads blanks at the line's end as one more, empty, path.
                    None => (
                        named
                            .iter()
                            .filter(|n| n.kind() == "path" && n.end_byte() > n.start_byte())
                            .map(|n| self.word(*n))
                            .collect(),
                        false,
                    ),
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
                // Docker reads NONE in any case; the grammar only knows it upper-cased.
                let none =
                    node.children(&mut inner).any(|c| !c.is_named() && self.local(c).eq_ignore_ascii_case("NONE"))
                        || named
                            .iter()
                            .any(|n| n.kind() == "shell_command" && self.local(*n).trim().eq_ignore_ascii_case("NONE"));
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
                Body::Onbuild(Box::new(self.instruction(*inner)?))
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
                "FROM requires an image",
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
    fn an_unreadable_line_keeps_the_instruction_the_grammar_started_inside_it() {
        // The grammar reads an error up to `udp`, then `RUN <` as an instruction of its own.
        let file = parse("EXPOSE 2/udpRUN <");
        let read: Vec<_> = file.instructions.iter().map(|i| (i.keyword, i.span)).collect();
        assert_eq!(read, vec![(Keyword::Expose, Span::new(0, 17))]);
    }

    #[test]
    fn lenient_key_spans_count_the_continuations_they_cross() {
        // The grammar rejects these LABELs; the lenient reader's key text leaves the continuation and
        // its comment line out, and its span must still end at the `=` in the file.
        for src in ["FROM e\nLABEL \"\\\n#\n\u{fffd}=$0\n", "FROM e\nLABEL \"k\\\n# note\né\"=1 \"x\"=2\n"] {
            let file = parse(src);
            let Some(Body::Pairs(pairs)) = file.instructions.get(1).map(|i| &i.body) else {
                panic!("{src:?}: {file:?}")
            };
            for pair in pairs {
                let key = pair.key.span;
                assert!(src.is_char_boundary(key.start) && src.is_char_boundary(key.end), "{src:?}: {key:?}");
                if let Some(value) = &pair.value {
                    assert_eq!(&src[key.end..value.span.start], "=", "{src:?}");
                }
            }
        }
    }

    #[test]
    fn reads_what_docker_accepts_but_the_grammar_does_not() {
        let src = "FROM a\nENV PATH \"${HOME}\"/bin:$PATH\nENV LIST \"a;b\" \\\n    \"c\"\nRUN --network=none Write-Host ('{0}' -f $x); \\\n  [Net.X]::Y = 1\nARG A=\"${opt:value}\"\n";
        let file = parse(src);
        assert_eq!(file.instructions.len(), 4, "{:?}", file.errors);
        let Body::Pairs(pairs) = &file.instructions[1].body else { panic!() };
        assert_eq!(
            (pairs[0].key.text.as_str(), pairs[0].value.as_ref().unwrap().unquoted()),
            ("PATH", "${HOME}/bin:$PATH".to_string())
        );
        let Body::Pairs(pairs) = &file.instructions[2].body else { panic!() };
        assert_eq!(pairs[0].value.as_ref().unwrap().unquoted(), "a;b     c");
        let run = &file.instructions[3];
        assert_eq!(run.flag_value("network"), Some("none"));
        assert!(run.command().unwrap().span().slice(src).starts_with("Write-Host"));
        assert_eq!(file.errors.len(), 1);
        assert!(
            file.errors[0].message.starts_with("unsupported modifier in `${opt:value}`"),
            "{}",
            file.errors[0].message
        );
    }

    #[test]
    fn reads_other_forms_docker_accepts() {
        let src = "FROM a\nUSER \"${U}\":\"${G}\"\nWORKDIR /src \nMAINTAINER x \\\n  y\nLABEL che:server:80:ref=x a/b=\"\"\nENV \"K\"=\"v\" ARCH=${TARGETARCH/arm64/aarch64}\nEXPOSE 80:8080\nVOLUME ['/app']\n";
        let file = parse(src);
        assert!(file.errors.is_empty(), "{:?}", file.errors);
        let bodies: Vec<_> = file.instructions.iter().map(|i| &i.body).collect();
        let Body::User { user, group } = bodies[1] else { panic!() };
        assert_eq!((user.unquoted(), group.as_ref().unwrap().unquoted()), ("${U}".to_string(), "${G}".to_string()));
        let Body::Path(path) = bodies[2] else { panic!() };
        assert_eq!(path.text, "/src");
        let Body::Text(maintainer) = bodies[3] else { panic!() };
        assert_eq!(maintainer.text, "x   y");
        let Body::Pairs(labels) = bodies[4] else { panic!() };
        assert_eq!(labels[0].key.text, "che:server:80:ref");
        let Body::Pairs(env) = bodies[5] else { panic!() };
        assert_eq!(
            (env[0].key.text.as_str(), env[1].value.as_ref().unwrap().text.as_str()),
            ("K", "${TARGETARCH/arm64/aarch64}")
        );
        let Body::Paths { paths, json } = bodies[7] else { panic!() };
        assert_eq!((paths[0].text.as_str(), *json), ("['/app']", false));
    }

    #[test]
    fn reads_continued_flags_and_sources() {
        let src = "FROM a\nRUN --mount=type=cache,target=/c\\\n  --network=none <<EOT\n  set -ex\nEOT\nCOPY a \\\n./b \\\n/dst/\nADD ${REPO}#${REF} /\n";
        let file = parse(src);
        assert!(file.errors.is_empty(), "{:?}", file.errors);
        let run = &file.instructions[1];
        assert_eq!(run.flag_value("mount"), Some("type=cache,target=/c"));
        assert_eq!(run.flag_value("network"), Some("none"));
        let Some(Command::Shell { heredocs, .. }) = run.command() else { panic!() };
        assert_eq!(heredocs[0].body.slice(src), "  set -ex\n");
        let Body::Files { paths, .. } = &file.instructions[2].body else { panic!() };
        assert_eq!(paths.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(), ["a", "./b", "/dst/"]);
        assert_eq!(file.instructions.len(), 4);
    }

    #[test]
    fn long_unknown_words_with_multibyte_characters_are_errors_not_panics() {
        let file = parse("FROM alpine:3\nABCDEFGHIJé x\n");
        assert_eq!(file.errors.len(), 1);
        let file = parse("FROM a\nCOPY --fro😀eé\\\nd\\\nNV A\\\n");
        assert!(file.instructions.iter().any(|i| i.keyword == Keyword::Copy), "{file:?}");
    }

    #[test]
    fn continuation_lines_at_column_zero_split_words_as_docker_does() {
        let source = "FROM a:1\nCOPY ./a \\\n./b /dst/\nENV A=1 \\\r\nB=\"x \\\ny\"\nRUN <<EOF\nkeep \\\nthis\nEOF\n";
        let file = parse(source);
        assert!(file.errors.is_empty(), "{:?}", file.errors);
        let Body::Files { paths, .. } = &file.instructions[1].body else { panic!("{:?}", file.instructions[1]) };
        let texts: Vec<&str> = paths.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["./a", "./b", "/dst/"]);
        assert_eq!(paths[1].span.slice(source), "./b");
        let Body::Pairs(pairs) = &file.instructions[2].body else { panic!("{:?}", file.instructions[2]) };
        let values: Vec<&str> = pairs.iter().map(|p| p.value.as_ref().unwrap().text.as_str()).collect();
        assert_eq!(values, ["1", "\"x y\""], "a quoted value keeps its joined text");
        let body = file.instructions[3].heredocs()[0].body.slice(source);
        assert_eq!(body, "keep \\\nthis\n", "heredoc bodies are data");
    }

    #[test]
    fn shell_text_may_use_any_parameter_expansion() {
        let file = parse("FROM a:1\nRUN Write-Host ('{0}' -f $x); \\\n  echo ${list[0]} ${opt:value}\n");
        assert!(file.errors.is_empty(), "{:?}", file.errors);
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
