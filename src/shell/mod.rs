//! The shell inside RUN: tree-sitter-bash over shell-form commands and heredoc scripts, with every
//! span mapped back to Dockerfile bytes. The only module that spells tree-sitter-bash node kinds.

mod argv;
mod dialect;
pub mod tools;

pub use argv::literal_argv;
pub use dialect::{Bashism, Dialect};

use crate::syntax::{lines::continuations, Command};
use crate::text::Span;
use std::cell::RefCell;
use std::collections::HashMap;
use tree_sitter::{Node, Parser};

thread_local! {
    static PARSER: RefCell<Parser> = RefCell::new({
        let mut parser = Parser::new();
        parser.set_language(&tree_sitter_bash::LANGUAGE.into()).expect("bash grammar loads");
        parser
    });
}

/// A word of a shell command: `text` has quotes removed (expansions are kept as written).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShellWord {
    pub text: String,
    pub span: Span,
    /// The word is, or contains, a `$` expansion or command substitution.
    pub dynamic: bool,
    /// The word is a string of an exec-form JSON array (`RUN ["apt-get", "install"]`).
    pub json: bool,
}

impl ShellWord {
    /// Where and what to insert to add `argument` right after this word, as a separate argument in
    /// the word's own form: ` -y` in shell form, `, "-y"` in an exec-form array.
    pub fn argument_after(&self, argument: &str) -> (usize, String) {
        let text = match self.json {
            true => format!(", {}", serde_json::to_string(argument).unwrap_or_default()),
            false => format!(" {argument}"),
        };
        (self.span.end, text)
    }
}

/// One simple command, e.g. `apt-get install -y curl`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShellCommand {
    pub name: ShellWord,
    pub args: Vec<ShellWord>,
    /// `NAME=value` prefixes.
    pub assignments: Vec<(String, String)>,
    /// From the first assignment or the name to the last argument.
    pub span: Span,
    /// Part of a `a | b` pipeline.
    pub in_pipeline: bool,
    /// Run through a wrapper (`sudo`, `env`, `sh -c`, ...) that is itself listed as a command.
    pub wrapped: bool,
}

impl ShellCommand {
    /// The command's base name: `/usr/bin/apt-get` -> `apt-get`.
    pub fn program(&self) -> &str {
        program_name(&self.name.text)
    }

    pub fn is(&self, program: &str) -> bool {
        self.program() == program
    }

    /// Whether a flag is given: `-y` also matches inside `-qy`; `--yes` also matches `--yes=...`.
    pub fn has_flag(&self, flag: &str) -> bool {
        self.find_flag(flag).is_some()
    }

    pub fn has_any_flag(&self, flags: &[&str]) -> bool {
        flags.iter().any(|f| self.has_flag(f))
    }

    pub fn find_flag(&self, flag: &str) -> Option<&ShellWord> {
        self.args.iter().take_while(|a| a.text != "--").find(|arg| flag_matches(&arg.text, flag))
    }

    /// Arguments that are not flags (`--` ends flags).
    pub fn operands(&self) -> impl Iterator<Item = &ShellWord> {
        let mut flags_done = false;
        self.args.iter().filter(move |a| {
            if flags_done {
                return true;
            }
            if a.text == "--" {
                flags_done = true;
                return false;
            }
            !a.text.starts_with('-') || a.text == "-"
        })
    }

    /// The first operand, e.g. `install` in `apt-get -q install x`.
    pub fn subcommand(&self) -> Option<&str> {
        self.operands().next().map(|w| w.text.as_str())
    }
}

fn flag_matches(arg: &str, flag: &str) -> bool {
    if let Some(long) = flag.strip_prefix("--") {
        return arg
            .strip_prefix("--")
            .is_some_and(|a| a == long || a.strip_prefix(long).is_some_and(|r| r.starts_with('=')));
    }
    match (flag.strip_prefix('-'), arg.strip_prefix('-')) {
        (Some(short), Some(a)) if !a.starts_with('-') && short.len() == 1 => a.contains(short),
        (Some(short), Some(a)) => a == short,
        _ => false,
    }
}

/// The commands of one RUN (or HEALTHCHECK/CMD shell form), in source order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Script {
    pub commands: Vec<ShellCommand>,
    /// Spans of `a | b` pipelines.
    pub pipelines: Vec<Span>,
    /// Spans of `( ... )` subshells and `$( ... )`/`<( ... )` substitutions: what runs there cannot
    /// change the state (directory, options) of the commands after them.
    pub subshells: Vec<Span>,
    /// Constructs outside POSIX sh, in source order.
    pub bashisms: Vec<BashismAt>,
    /// The texts the shell runs, as parsed (for tools that read whole scripts).
    pub sources: Vec<ScriptSource>,
    /// Part of a text does not parse (an unterminated quote, say): what follows it may belong to
    /// the broken part, so text appended at the end may not run as a command.
    pub broken: bool,
}

/// A shell text whose byte `i` is Dockerfile byte `start + i` (continuations are blanked, heredoc
/// bodies are taken as they are).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptSource {
    pub text: String,
    pub start: usize,
    /// The shell that runs it when it is not the RUN's own.
    pub shell: Option<Dialect>,
}

/// A non-POSIX construct and where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BashismAt {
    pub kind: Bashism,
    pub span: Span,
    /// The shell that runs this part when it is not the RUN's own: `bash -c '...'`, a heredoc with a
    /// `#!/bin/bash` shebang or fed to `bash <<EOF`.
    pub shell: Option<Dialect>,
}

impl Script {
    /// The same script for its command written `by` bytes later (or earlier) in the file.
    fn shifted(mut self, by: isize) -> Script {
        let move_span = |span: &mut Span| {
            *span = Span::new(span.start.saturating_add_signed(by), span.end.saturating_add_signed(by))
        };
        for command in &mut self.commands {
            move_span(&mut command.span);
            move_span(&mut command.name.span);
            command.args.iter_mut().for_each(|arg| move_span(&mut arg.span));
        }
        self.pipelines.iter_mut().chain(&mut self.subshells).for_each(move_span);
        self.bashisms.iter_mut().for_each(|b| move_span(&mut b.span));
        self.sources.iter_mut().for_each(|s| s.start = s.start.saturating_add_signed(by));
        self
    }

    fn finish(&mut self) {
        self.commands.sort_by_key(|c| (c.span.start, c.wrapped));
        self.pipelines.sort();
        self.subshells.sort();
        self.bashisms.sort_by_key(|b| (b.span.start, b.span.end));
        self.bashisms.dedup();
    }

    /// Whether `span` lies inside a subshell or command substitution.
    pub fn in_subshell(&self, span: Span) -> bool {
        self.subshells.iter().any(|s| s.start <= span.start && span.end <= s.end)
    }

    /// Whether the script turns on `pipefail` (`set -o pipefail`, `set -eo pipefail`) before `offset`.
    pub fn sets_pipefail_before(&self, offset: usize) -> bool {
        // A `set` in a subshell or a nested `sh -c` ends with it.
        let top_level = |c: &&ShellCommand| !c.wrapped && !self.in_subshell(c.span);
        self.commands
            .iter()
            .filter(|c| c.span.start < offset && c.is("set"))
            .filter(top_level)
            .any(|c| options_set_pipefail(c.args.iter().map(|a| a.text.as_str())))
    }
}

/// Shells whose `-c` script and heredoc bodies are parsed.
pub const SHELLS: [&str; 7] = ["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh"];

/// A program's name without its directory (`/usr/bin/bash` -> `bash`, `C:\\x\\cmd.exe` -> `cmd.exe`).
pub fn program_name(path: &str) -> &str {
    // A byte scan: rules ask for every command's program, many times per command.
    match path.bytes().rposition(|b| b == b'/' || b == b'\\') {
        Some(separator) => &path[separator + 1..],
        None => path,
    }
}

/// Whether a shell invocation (`bash -eo pipefail -c`, `/usr/bin/env bash -o pipefail -c`, a SHELL
/// instruction's words) turns `pipefail` on.
pub fn invocation_sets_pipefail<'w>(words: impl IntoIterator<Item = &'w str>) -> bool {
    let mut words = words.into_iter().peekable();
    let mut program = program_name(words.next().unwrap_or(""));
    if program == "env" {
        while words.peek().is_some_and(|w| w.starts_with('-') || w.contains('=')) {
            words.next();
        }
        program = program_name(words.next().unwrap_or(""));
    }
    SHELLS.contains(&program) && options_set_pipefail(words.take_while(|w| *w != "-c" && *w != "--"))
}

/// `-o pipefail` among options, also in a group (`-eo pipefail`, `-euxo pipefail`).
fn options_set_pipefail<'w>(options: impl IntoIterator<Item = &'w str>) -> bool {
    let options: Vec<&str> = options.into_iter().collect();
    let short_group =
        |w: &str| w.strip_prefix('-').is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_alphabetic()));
    options.windows(2).any(|w| short_group(w[0]) && w[0].ends_with('o') && w[1] == "pipefail")
}

/// Parses the shell of a shell-form command. Exec form (`["a", "b"]`) has no shell and gives `None`.
/// Scripts parsed earlier, by the text they were parsed from, so a document linted again after a small
/// edit parses only the commands that changed. Entries not asked for since the last [`ScriptCache::prune`]
/// are dropped then, which keeps the cache the size of one document.
#[derive(Default)]
pub struct ScriptCache {
    /// By the command's text (through its heredocs) and the escape character.
    entries: RefCell<HashMap<(String, char), CachedScript>>,
}

struct CachedScript {
    script: Option<Script>,
    /// Where the command started when it was parsed.
    start: usize,
    used: bool,
}

impl ScriptCache {
    /// [`parse_command`] through the cache.
    pub fn parse_command(&self, source: &str, command: &Command, escape: char) -> Option<Script> {
        let span = command.span();
        let end = match command {
            Command::Shell { heredocs, .. } => heredocs.iter().map(|h| h.span.end).fold(span.end, usize::max),
            Command::Exec { .. } => span.end,
        };
        let key = (source[span.start..end.min(source.len())].to_owned(), escape);
        let mut entries = self.entries.borrow_mut();
        if let Some(cached) = entries.get_mut(&key) {
            cached.used = true;
            let by = span.start as isize - cached.start as isize;
            return cached.script.clone().map(|script| script.shifted(by));
        }
        let script = parse_command(source, command, escape);
        entries.insert(key, CachedScript { script: script.clone(), start: span.start, used: true });
        script
    }

    /// Drops the entries not used since the last prune.
    pub fn prune(&self) {
        let mut entries = self.entries.borrow_mut();
        entries.retain(|_, cached| std::mem::take(&mut cached.used));
    }
}

pub fn parse_command(source: &str, command: &Command, escape: char) -> Option<Script> {
    let (span, heredocs) = match command {
        Command::Shell { span, heredocs } => (span, heredocs),
        Command::Exec { args, span } => return exec_script(source, args, *span),
    };
    let masked = mask_continuations(span.slice(source), escape);
    let mut script = Script::default();
    if heredocs.is_empty() {
        parse_into(&masked, span.start, None, &mut script);
    } else {
        let bare = masked.split_whitespace().all(|w| w.starts_with("<<"));
        if !bare {
            // The command line with its heredocs, which bash reads as data: `cat <<EOF > f`.
            let last_end = heredocs.iter().map(|h| h.span.end).max().unwrap_or(span.end);
            let line = format!("{masked}{}", &source[span.end..last_end]);
            parse_into(&line, span.start, None, &mut script);
        }
        let runner = heredoc_runner(&masked);
        if bare || runner.is_some() {
            for heredoc in heredocs {
                let body = heredoc.body.slice(source);
                let Some(shebang) = shebang_shell(body) else { continue };
                parse_into(body, heredoc.body.start, shebang.or(runner.flatten()), &mut script);
            }
        }
    }
    script.finish();
    Some(script)
}

/// Exec form runs its first word with the rest as arguments; `["sh", "-c", "script"]` also yields
/// the script's commands when its JSON text maps to the file byte for byte (no escapes).
fn exec_script(source: &str, args: &[crate::syntax::Word], span: Span) -> Option<Script> {
    let (first, rest) = args.split_first()?;
    let word = |w: &crate::syntax::Word| ShellWord { text: w.text.clone(), span: w.span, dynamic: false, json: true };
    let command = ShellCommand {
        name: word(first),
        args: rest.iter().map(word).collect(),
        assignments: Vec::new(),
        span,
        in_pipeline: false,
        wrapped: false,
    };
    let mut script = Script::default();
    let script_arg = rest.iter().position(|a| is_dash_c(&a.text)).and_then(|i| rest.get(i + 1));
    if let (true, Some(body)) = (SHELLS.contains(&command.program()), script_arg) {
        let inner = Span::new(body.span.start + 1, body.span.end.saturating_sub(1).max(body.span.start + 1));
        if inner.end <= source.len() && inner.slice(source) == body.text {
            parse_into(&body.text, inner.start, Dialect::from_program(&first.text), &mut script);
            script.commands.iter_mut().for_each(|c| c.wrapped = true);
        }
    }
    script.commands.push(command);
    script.finish();
    Some(script)
}

/// `-c`, or combined short flags ending in it (`-ec`, `-euxc`).
fn is_dash_c(arg: &str) -> bool {
    arg.starts_with('-') && !arg.starts_with("--") && arg.ends_with('c')
}

/// `RUN bash -e <<EOF`: the heredoc is the script the shell runs. `Some(dialect)` for a shell
/// command line, with the dialect when the program names one.
fn heredoc_runner(command_line: &str) -> Option<Option<Dialect>> {
    let mut words = command_line.split_whitespace().filter(|w| !w.starts_with("<<"));
    let first = words.next().unwrap_or("");
    let program = program_name(first);
    (SHELLS.contains(&program) && words.all(|w| w.starts_with('-'))).then(|| Dialect::from_program(program))
}

/// The shell a heredoc body names in its shebang: `Some(None)` without a shebang, `None` for
/// another interpreter (`#!/usr/bin/env python3`), whose body is not shell.
fn shebang_shell(body: &str) -> Option<Option<Dialect>> {
    let Some(shebang) = body.lines().next().and_then(|l| l.strip_prefix("#!")) else { return Some(None) };
    let mut parts = shebang.split_whitespace();
    let interpreter = parts.next().unwrap_or("");
    let interpreter =
        if interpreter.ends_with("/env") { parts.find(|p| !p.starts_with('-')).unwrap_or("") } else { interpreter };
    let program = program_name(interpreter);
    SHELLS.contains(&program).then(|| Dialect::from_program(program))
}

/// Replaces what Docker removes when joining lines with blanks, so bash offsets equal Dockerfile
/// offsets. A plain `\` + newline is kept: bash joins it the same way, even inside a word.
fn mask_continuations(text: &str, escape: char) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for region in continuations(text, escape) {
        let slice = region.slice(text);
        if escape == '\\' && (slice == "\\\n" || slice == "\\\r\n") {
            continue;
        }
        for b in &mut bytes[region.start..region.end] {
            *b = b' ';
        }
    }
    // Only ASCII bytes were replaced by ASCII blanks, but a region may cut a multi-byte comment
    // character; fall back to a lossy copy in that case.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Parses `text`, found at Dockerfile offset `base`; `shell` is the dialect that runs it when it is
/// not the RUN's own.
fn parse_into(text: &str, base: usize, shell: Option<Dialect>, script: &mut Script) {
    script.sources.push(ScriptSource { text: text.to_string(), start: base, shell });
    script.broken |= !parse_nested(text, base, shell, script);
}

/// Parses without recording the text: it is part of a text already recorded (`sh -c '...'`). Whether
/// the text parsed without errors.
fn parse_nested(text: &str, base: usize, shell: Option<Dialect>, script: &mut Script) -> bool {
    let Some(tree) = PARSER.with(|p| p.borrow_mut().parse(text, None)) else { return false };
    let collector = Collector { text, base, shell };
    // Each node with whether its parent is a pipeline: `Node::parent` walks down from the root, which
    // a chain of thousands of `&&` makes quadratic.
    let mut stack = vec![(tree.root_node(), false)];
    while let Some((node, in_pipeline)) = stack.pop() {
        let kind = node.kind();
        match kind {
            "command" => collector.command(node, in_pipeline, script),
            "pipeline" => script.pipelines.push(collector.span(node)),
            "subshell" | "command_substitution" | "process_substitution" => script.subshells.push(collector.span(node)),
            "heredoc_body" => continue,
            // Like bash, `(( a | b ))` that is no arithmetic is read as subshells in a subshell.
            "compound_statement" if node.has_error() => {
                let raw = &text[node.byte_range()];
                if let Some(inner) = raw.strip_prefix("((").and_then(|r| r.strip_suffix("))")) {
                    parse_nested(&format!("( {inner} )"), base + node.start_byte(), shell, script);
                    continue;
                }
            }
            _ => {}
        }
        collector.bashisms(node, kind, script);
        let pipeline = kind == "pipeline";
        let mut cursor = node.walk();
        stack.extend(node.named_children(&mut cursor).map(|child| (child, pipeline)));
    }
    !tree.root_node().has_error()
}

struct Collector<'a> {
    text: &'a str,
    base: usize,
    shell: Option<Dialect>,
}

impl Collector<'_> {
    fn span(&self, node: Node) -> Span {
        Span::new(node.start_byte() + self.base, node.end_byte() + self.base)
    }

    fn bashism(&self, kind: Bashism, span: Span, script: &mut Script) {
        script.bashisms.push(BashismAt { kind, span, shell: self.shell });
    }

    /// Records the non-POSIX constructs a node is (commands are looked at in `command`).
    fn bashisms(&self, node: Node, kind: &str, script: &mut Script) {
        let raw = &self.text[node.start_byte()..node.end_byte()];
        let span = self.span(node);
        let at = |offset: usize, len: usize| Span::new(span.start + offset, span.start + offset + len);
        let kind = match kind {
            "test_command" if raw.starts_with("[[") => Bashism::DoubleBracket,
            // The grammar keeps `==` as an operator token, in `[ ]` and in `test`'s arguments alike.
            "test_command" => return self.double_equals(node, script),
            "command" if node.child_by_field_name("name").is_some_and(|n| self.text[n.byte_range()] == *"test") => {
                return self.double_equals(node, script)
            }
            "array" | "subscript" => Bashism::Array,
            "function_definition" if raw.starts_with("function") => {
                return self.bashism(Bashism::FunctionKeyword, at(0, "function".len()), script)
            }
            "ansi_c_string" => Bashism::AnsiCString,
            "herestring_redirect" => Bashism::HereString,
            "brace_expression" => Bashism::BraceExpansion,
            "concatenation" => match brace_list(raw) {
                Some((start, end)) => return self.bashism(Bashism::BraceExpansion, at(start, end - start), script),
                None => return,
            },
            "file_redirect" if raw.starts_with("&>") => {
                return self.bashism(Bashism::AmpersandRedirect, at(0, 2), script)
            }
            _ => return,
        };
        self.bashism(kind, span, script);
    }

    fn double_equals(&self, node: Node, script: &mut Script) {
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            if n.kind() == "==" && !n.is_named() {
                self.bashism(Bashism::DoubleEqualsInTest, self.span(n), script);
            }
            // A nested command or substitution is looked at on its own.
            if n == node || !matches!(n.kind(), "command" | "command_substitution" | "subshell") {
                let mut cursor = n.walk();
                stack.extend(n.children(&mut cursor));
            }
        }
    }

    fn word(&self, node: Node) -> ShellWord {
        let mut dynamic = false;
        let text = self.unquote(node, &mut dynamic);
        ShellWord { text, span: self.span(node), dynamic, json: false }
    }

    fn unquote(&self, node: Node, dynamic: &mut bool) -> String {
        let raw = &self.text[node.start_byte()..node.end_byte()];
        let kind = node.kind();
        match kind {
            "raw_string" => raw.trim_start_matches('$').trim_matches('\'').to_string(),
            "string" | "concatenation" => {
                let mut out = String::new();
                // Text between a string's named parts is literal; its opening quote is not.
                let mut at = node.start_byte() + usize::from(kind == "string");
                let mut cursor = node.walk();
                for child in node.children(&mut cursor) {
                    if kind == "concatenation" || child.is_named() {
                        if kind == "string" && child.start_byte() > at {
                            out.push_str(&self.text[at..child.start_byte()]);
                        }
                        out.push_str(&self.unquote(child, dynamic));
                        at = child.end_byte();
                    }
                }
                out
            }
            "string_content" => raw.to_string(),
            "word" | "number" => unescape(raw),
            "\"" => String::new(),
            _ => {
                *dynamic = true;
                raw.to_string()
            }
        }
    }

    fn command(&self, node: Node, in_pipeline: bool, script: &mut Script) {
        let mut name = None;
        let mut args = Vec::new();
        let mut assignments = Vec::new();
        let mut end = node.start_byte();
        let mut cursor = node.walk();
        for child in node.named_children(&mut cursor) {
            match child.kind() {
                "command_name" => {
                    name = child.named_child(0).map(|n| self.word(n));
                    end = child.end_byte();
                }
                "variable_assignment" => {
                    let raw = &self.text[child.start_byte()..child.end_byte()];
                    let (key, value) = raw.split_once('=').unwrap_or((raw, ""));
                    assignments.push((key.to_string(), crate::syntax::unquote(value)));
                }
                "file_redirect" | "heredoc_redirect" | "herestring_redirect" | "comment" => {}
                _ if name.is_some() => {
                    args.push(self.word(child));
                    end = child.end_byte();
                }
                _ => {}
            }
        }
        let Some(name) = name else { return };
        let span = Span::new(node.start_byte() + self.base, end + self.base);
        let command = ShellCommand { name, args, assignments, span, in_pipeline, wrapped: false };
        self.command_bashisms(&command, script);
        self.unwrap_wrappers(&command, script);
        script.commands.push(command);
    }

    /// `source f`, `test a == b`, `set -o pipefail`.
    fn command_bashisms(&self, command: &ShellCommand, script: &mut Script) {
        match command.program() {
            "source" => self.bashism(Bashism::Source, command.name.span, script),
            "set" => {
                for pair in command.args.windows(2) {
                    let option = &pair[0].text;
                    let sets_option = option.starts_with('-') && !option.starts_with("--") && option.ends_with('o');
                    if sets_option && pair[1].text == "pipefail" {
                        self.bashism(Bashism::Pipefail, pair[1].span, script);
                    }
                }
            }
            _ => {}
        }
    }

    /// `sudo apt-get install`, `env X=1 pip install`, `sh -c '...'`: the wrapped command is listed too.
    fn unwrap_wrappers(&self, command: &ShellCommand, script: &mut Script) {
        let program = command.program();
        let skip_flags_with_values: &[&str] = match program {
            "sudo" => &["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U"],
            "env" => &["-u", "--unset", "-C", "--chdir"],
            "nice" => &["-n", "--adjustment"],
            "time" => &["-f", "--format", "-o", "--output"],
            "timeout" => &["-k", "--kill-after", "-s", "--signal"],
            "xargs" => &["-a", "-d", "-E", "-I", "-L", "-n", "-P", "-s"],
            "exec" | "command" | "nohup" | "su-exec" | "gosu" | "chroot" => &[],
            _ if SHELLS.contains(&program) => return self.unwrap_shell_c(command, script),
            _ => return,
        };
        let mut rest = command.args.iter().peekable();
        let mut assignments = Vec::new();
        while let Some(arg) = rest.peek() {
            if arg.text.starts_with('-') {
                let takes_value = skip_flags_with_values.contains(&arg.text.as_str());
                rest.next();
                if takes_value {
                    rest.next();
                }
            } else if program == "env" && arg.text.contains('=') {
                let (k, v) = arg.text.split_once('=').unwrap_or_default();
                assignments.push((k.to_string(), v.to_string()));
                rest.next();
            } else {
                break;
            }
        }
        // su-exec/gosu/chroot take a user or directory, timeout a duration, before the command.
        if matches!(program, "su-exec" | "gosu" | "chroot" | "timeout") {
            rest.next();
        }
        let Some(name) = rest.next() else { return };
        let args: Vec<ShellWord> = rest.cloned().collect();
        let end = args.last().map_or(name.span.end, |a| a.span.end);
        let inner = ShellCommand {
            name: name.clone(),
            span: Span::new(name.span.start, end),
            args,
            assignments,
            in_pipeline: command.in_pipeline,
            wrapped: true,
        };
        self.unwrap_wrappers(&inner, script);
        script.commands.push(inner);
    }

    /// `sh -c 'script'`: parse the script when its text maps to the file byte for byte.
    fn unwrap_shell_c(&self, command: &ShellCommand, script: &mut Script) {
        let Some(position) = command
            .args
            .iter()
            .position(|a| a.text.starts_with('-') && a.text.ends_with('c') && !a.text.starts_with("--"))
        else {
            return;
        };
        let Some(body) = command.args.get(position + 1) else { return };
        let raw = body.span.shift(0);
        let local = Span::new(raw.start - self.base, raw.end - self.base);
        let quoted = local.slice(self.text);
        let inner = if (quoted.starts_with('\'') && quoted.ends_with('\''))
            || (quoted.starts_with('"') && quoted.ends_with('"'))
        {
            Span::new(local.start + 1, local.end.saturating_sub(1).max(local.start + 1))
        } else {
            local
        };
        // Expansions are kept as written, so a body with `$VAR` still maps byte for byte.
        if inner.slice(self.text) != body.text {
            return;
        }
        let mut nested = Script::default();
        let shell = Dialect::from_program(command.program());
        parse_nested(inner.slice(self.text), inner.start + self.base, shell, &mut nested);
        for mut c in nested.commands {
            c.wrapped = true;
            script.commands.push(c);
        }
        script.pipelines.extend(nested.pipelines);
        script.subshells.extend(nested.subshells);
        script.bashisms.extend(nested.bashisms);
    }
}

/// Where an unquoted `{a,b}` list is in a word (`{}` alone, as `find -exec` takes it, is not one).
fn brace_list(raw: &str) -> Option<(usize, usize)> {
    let bytes = raw.as_bytes();
    let mut open = None;
    let mut comma = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\'' | b'"' | b' ' | b'\t' | b'\n' => return None,
            b'{' if i == 0 || bytes[i - 1] != b'$' => (open, comma) = (Some(i), false),
            b',' if open.is_some() => comma = true,
            b'}' if comma => return open.map(|start| (start, i + 1)),
            b'}' => open = None,
            _ => {}
        }
    }
    None
}

/// The words a word's source text `raw` expands to through its unquoted `{a,b}` lists (`/x/{a,b}` is
/// `/x/a` and `/x/b`); `raw` alone when it has none.
pub fn brace_expand(raw: &str) -> Vec<String> {
    let Some((start, end)) = brace_list(raw) else { return vec![raw.to_string()] };
    raw[start + 1..end - 1]
        .split(',')
        .flat_map(|item| brace_expand(&format!("{}{item}{}", &raw[..start], &raw[end..])))
        .collect()
}

fn unescape(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                if next != '\n' {
                    out.push(next);
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{parse, Body};

    fn script(src: &str) -> Script {
        let file = parse(src);
        let Body::Command(command) = &file.instructions.last().unwrap().body else { panic!("not a RUN") };
        parse_command(src, command, file.directives.escape).unwrap()
    }

    #[test]
    fn cached_scripts_move_with_their_command_and_unused_ones_are_pruned() {
        let run = "RUN set -o pipefail; (cd /x && make) | tee log && [[ -f a ]] && bash -c 'echo $0' \\\n  && cat <<EOF\nbody\nEOF\n";
        let cache = ScriptCache::default();
        let through_cache = |src: &str| {
            let file = parse(src);
            let Body::Command(command) = &file.instructions.last().unwrap().body else { panic!("not a RUN") };
            (cache.parse_command(src, command, '\\').unwrap(), parse_command(src, command, '\\').unwrap())
        };
        let first = format!("FROM a\n{run}");
        let (cached, fresh) = through_cache(&first);
        assert_eq!(cached, fresh);
        let moved = format!("FROM a\nENV X=1 Y=2\n{run}");
        let (cached, fresh) = through_cache(&moved);
        assert_eq!(cached, fresh, "a hit is shifted to where the command now is");
        assert_eq!(cache.entries.borrow().len(), 1);
        cache.prune();
        assert_eq!(cache.entries.borrow().len(), 1, "used since the last prune");
        cache.prune();
        assert!(cache.entries.borrow().is_empty());
    }

    fn names(s: &Script) -> Vec<&str> {
        s.commands.iter().map(|c| c.name.text.as_str()).collect()
    }

    #[test]
    fn maps_commands_across_continuations_and_comments() {
        let src = "FROM a\nRUN apt-get update && \\\n    # note\n    apt-get install -y \"curl\" \\\n && rm -rf /x";
        let s = script(src);
        assert_eq!(names(&s), vec!["apt-get", "apt-get", "rm"]);
        let install = &s.commands[1];
        assert_eq!(install.span.slice(src), "apt-get install -y \"curl\"");
        assert_eq!(install.args[2].text, "curl");
        assert!(install.has_flag("-y") && install.subcommand() == Some("install"));
    }

    #[test]
    fn double_parentheses_that_are_no_arithmetic_are_subshells() {
        let src = "FROM a\nRUN (( find / ! -name c|xargs rm || true )) && (( x = 1 + 2 ))";
        let s = script(src);
        assert_eq!(names(&s), vec!["find", "xargs", "rm", "true"]);
        assert_eq!(s.pipelines.iter().map(|p| p.slice(src)).collect::<Vec<_>>(), vec!["find / ! -name c|xargs rm"]);
    }

    #[test]
    fn brace_lists_expand_to_every_item() {
        assert_eq!(brace_expand("/var/lib/{apt,dpkg}/"), vec!["/var/lib/apt/", "/var/lib/dpkg/"]);
        assert_eq!(brace_expand("{a,b}{1,2}"), vec!["a1", "a2", "b1", "b2"]);
        assert_eq!(brace_expand("'{a,b}'"), vec!["'{a,b}'"]);
        assert_eq!(brace_expand("${x}"), vec!["${x}"]);
    }

    #[test]
    fn heredoc_scripts_are_parsed_at_their_lines() {
        let src = "FROM a\nRUN <<EOF\nset -e\napt-get install x\nEOF\n";
        let s = script(src);
        assert_eq!(names(&s), vec!["set", "apt-get"]);
        assert_eq!(s.commands[1].span.slice(src), "apt-get install x");
        let data = "FROM a\nRUN cat <<EOF > /f\napt-get install x\nEOF\n";
        assert_eq!(names(&script(data)), vec!["cat"]);
        let python = "FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n";
        assert!(script(python).commands.is_empty());
    }

    #[test]
    fn wrappers_expose_the_wrapped_command() {
        let src = "FROM a\nRUN sudo -u root apt-get install x | tee l && sh -c 'pip install y'";
        let s = script(src);
        assert_eq!(names(&s), vec!["sudo", "apt-get", "tee", "sh", "pip"]);
        assert!(s.commands[1].wrapped && s.commands[1].in_pipeline);
        assert_eq!(s.commands[4].span.slice(src), "pip install y");
        assert_eq!(s.pipelines.len(), 1);
    }

    #[test]
    fn subshells_and_substitutions_are_recorded() {
        let src = "FROM a\nRUN (cd x && make) && D=$(cd y; pwd) && cd z";
        let s = script(src);
        let cds: Vec<bool> = s.commands.iter().filter(|c| c.is("cd")).map(|c| s.in_subshell(c.span)).collect();
        assert_eq!(cds, vec![true, true, false]);
    }

    #[test]
    fn exec_form_yields_its_command_and_sh_c_scripts() {
        let src = "FROM a\nRUN [\"sh\", \"-ec\", \"cd /x && apt-get install y | tee z\"]";
        let s = script(src);
        assert_eq!(names(&s), vec!["sh", "cd", "apt-get", "tee"]);
        assert_eq!(s.commands[2].span.slice(src), "apt-get install y");
        assert_eq!(s.pipelines.len(), 1);
        let plain = script("FROM a\nRUN [\"apt-get\", \"install\", \"curl\"]");
        assert_eq!(plain.commands[0].args[1].text, "curl");
    }

    fn bashisms(src: &str) -> Vec<(Bashism, &str, Option<Dialect>)> {
        script(src).bashisms.iter().map(|b| (b.kind, b.span.slice(src), b.shell)).collect()
    }

    #[test]
    fn bashisms_are_found_at_their_text() {
        use Bashism::*;
        let src = "FROM a\nRUN [[ -f x ]] && source y && set -eo pipefail && a=(1 2) \\\n  && [ \"$b\" == c ] && test d == e && printf $'\\t' && cat <<< w && echo a/{x,y} z{1..3} && make &> log";
        let found = bashisms(src);
        let kinds: Vec<_> = found.iter().map(|(k, text, _)| (*k, *text)).collect();
        assert_eq!(
            kinds,
            vec![
                (DoubleBracket, "[[ -f x ]]"),
                (Source, "source"),
                (Pipefail, "pipefail"),
                (Array, "(1 2)"),
                (DoubleEqualsInTest, "=="),
                (DoubleEqualsInTest, "=="),
                (AnsiCString, "$'\\t'"),
                (HereString, "<<< w"),
                (BraceExpansion, "{x,y}"),
                (BraceExpansion, "{1..3}"),
                (AmpersandRedirect, "&>"),
            ]
        );
        assert!(found.iter().all(|(_, _, shell)| shell.is_none()));
        let s = script(src);
        assert_eq!(s.sources.len(), 1);
        assert_eq!(&src[s.sources[0].start..][..s.sources[0].text.len()], s.sources[0].text);
        // Docker does not expand heredoc bodies, so `${a[0]}` is only seen there.
        let subscript = "FROM a\nRUN <<EOF\necho ${a[0]}\nEOF\n";
        assert_eq!(bashisms(subscript), vec![(Array, "a[0]", None)]);
        let portable =
            "FROM a\nRUN find . -exec rm {} \\; && echo \"{a,b}\" '[[' && . ./env && f() { :; } && x=\"${y}\" 2>&1";
        assert_eq!(bashisms(portable), vec![]);
    }

    #[test]
    fn bashisms_know_the_shell_that_runs_them() {
        let src = "FROM a\nRUN bash -c 'source x' && function f { :; }";
        assert_eq!(
            bashisms(src),
            vec![(Bashism::Source, "source", Some(Dialect::Bash)), (Bashism::FunctionKeyword, "function", None)]
        );
        let heredoc = "FROM a\nRUN <<EOF\n#!/bin/bash\n[[ -d x ]]\nEOF\n";
        assert_eq!(bashisms(heredoc), vec![(Bashism::DoubleBracket, "[[ -d x ]]", Some(Dialect::Bash))]);
        let fed = "FROM a\nRUN zsh -e <<EOF\necho {a,b}\nEOF\n";
        assert_eq!(bashisms(fed), vec![(Bashism::BraceExpansion, "{a,b}", Some(Dialect::Zsh))]);
        let exec = "FROM a\nRUN [\"sh\", \"-c\", \"source x\"]";
        assert_eq!(bashisms(exec), vec![(Bashism::Source, "source", Some(Dialect::Sh))]);
    }

    #[test]
    fn dialects_support_what_their_shells_run() {
        assert_eq!(Dialect::from_program("/usr/bin/busybox"), Some(Dialect::Ash));
        assert_eq!(Dialect::from_program("python3"), None);
        assert!(Dialect::Ash.supports(Bashism::Pipefail) && !Dialect::Dash.supports(Bashism::Pipefail));
        assert!(!Dialect::Ash.supports(Bashism::HereString) && Dialect::Bash.supports(Bashism::HereString));
        assert!(!Dialect::Zsh.supports(Bashism::DoubleEqualsInTest));
    }

    #[test]
    fn wrapper_options_with_values_are_skipped() {
        let s = script("FROM a\nRUN nice -n 10 apt-get install x && timeout -s KILL 5 pip install y && xargs -n 1 rm");
        let wrapped: Vec<&str> = s.commands.iter().filter(|c| c.wrapped).map(|c| c.name.text.as_str()).collect();
        assert_eq!(wrapped, vec!["apt-get", "pip", "rm"]);
        let dynamic = script("FROM a\nRUN sh -c \"apt-get install -y curl $EXTRA\"");
        assert_eq!(names(&dynamic), vec!["sh", "apt-get"]);
    }

    #[test]
    fn pipefail_in_a_subshell_does_not_count() {
        let s = script("FROM a\nRUN (set -o pipefail) && sh -c 'set -o pipefail' && a | b");
        assert!(!s.sets_pipefail_before(s.pipelines[0].start));
        let s = script("FROM a\nRUN set -eo pipefail; a | b");
        assert!(s.sets_pipefail_before(s.pipelines[0].start));
    }

    #[test]
    fn pipefail_is_read_from_shell_invocations() {
        let sets = |words: &[&str]| invocation_sets_pipefail(words.iter().copied());
        assert!(sets(&["/bin/bash", "-o", "pipefail", "-c"]));
        assert!(sets(&["bash", "-euxo", "pipefail", "-c"]));
        assert!(sets(&["/usr/bin/env", "bash", "-o", "pipefail", "-c"]));
        assert!(sets(&["/bin/ash", "-eo", "pipefail", "-c"]));
        assert!(!sets(&["/bin/bash", "-c"]));
        assert!(!sets(&["/bin/bash", "-c", "-o", "pipefail"]));
        assert!(!sets(&["python3", "-o", "pipefail"]));
        assert!(!sets(&["bash", "--login", "pipefail", "-c"]));
    }

    #[test]
    fn flags_match_combined_and_long_forms() {
        let s = script("FROM a\nRUN curl -fsSL --retry=3 -o out u");
        let c = &s.commands[0];
        assert!(c.has_flag("-L") && c.has_flag("--retry") && !c.has_flag("--retry-all"));
        assert_eq!(c.operands().map(|w| w.text.as_str()).collect::<Vec<_>>(), vec!["out", "u"]);
    }
}
