//! The typed Dockerfile syntax tree the rest of dlint reads. Owned data, byte spans into the source.

use crate::text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Keyword {
    From,
    Run,
    Cmd,
    Label,
    Expose,
    Env,
    Add,
    Copy,
    Entrypoint,
    Volume,
    User,
    Workdir,
    Arg,
    Onbuild,
    Stopsignal,
    Healthcheck,
    Shell,
    Maintainer,
    CrossBuild,
}

impl Keyword {
    pub const ALL: [Keyword; 19] = [
        Keyword::From,
        Keyword::Run,
        Keyword::Cmd,
        Keyword::Label,
        Keyword::Expose,
        Keyword::Env,
        Keyword::Add,
        Keyword::Copy,
        Keyword::Entrypoint,
        Keyword::Volume,
        Keyword::User,
        Keyword::Workdir,
        Keyword::Arg,
        Keyword::Onbuild,
        Keyword::Stopsignal,
        Keyword::Healthcheck,
        Keyword::Shell,
        Keyword::Maintainer,
        Keyword::CrossBuild,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Keyword::From => "FROM",
            Keyword::Run => "RUN",
            Keyword::Cmd => "CMD",
            Keyword::Label => "LABEL",
            Keyword::Expose => "EXPOSE",
            Keyword::Env => "ENV",
            Keyword::Add => "ADD",
            Keyword::Copy => "COPY",
            Keyword::Entrypoint => "ENTRYPOINT",
            Keyword::Volume => "VOLUME",
            Keyword::User => "USER",
            Keyword::Workdir => "WORKDIR",
            Keyword::Arg => "ARG",
            Keyword::Onbuild => "ONBUILD",
            Keyword::Stopsignal => "STOPSIGNAL",
            Keyword::Healthcheck => "HEALTHCHECK",
            Keyword::Shell => "SHELL",
            Keyword::Maintainer => "MAINTAINER",
            Keyword::CrossBuild => "CROSS_BUILD",
        }
    }

    pub fn parse(word: &str) -> Option<Keyword> {
        if word.len() > 11 && word.get(..11).is_some_and(|prefix| prefix.eq_ignore_ascii_case("CROSS_BUILD")) {
            return Some(Keyword::CrossBuild);
        }
        Keyword::ALL.into_iter().find(|k| k.as_str().eq_ignore_ascii_case(word))
    }
}

/// A piece of source text: `text` is what Docker sees after joining continuation lines, quotes kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub span: Span,
}

impl Word {
    /// The value with quotes removed and escapes resolved, as Docker assigns it.
    pub fn unquoted(&self) -> String {
        unquote(&self.text)
    }
}

/// Removes shell-style quotes from a Dockerfile word: `a"b c"'d'` -> `ab cd`.
pub fn unquote(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (Some('"') | None, '\\') => {
                if let Some(&next) = chars.peek() {
                    if quote.is_none() || matches!(next, '"' | '\\' | '$' | '`') {
                        out.push(next);
                        chars.next();
                        continue;
                    }
                }
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// `--name` or `--name=value` before an instruction's arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    pub name: String,
    pub value: Option<Word>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heredoc {
    /// `<<EOF`, `<<-EOF`, `<<"EOF"`.
    pub marker: Span,
    pub delimiter: String,
    /// `<<-`: leading tabs are stripped from the body.
    pub strip_tabs: bool,
    /// A quoted delimiter: the body is not expanded.
    pub quoted: bool,
    /// The body lines, each with its newline; empty when the body is.
    pub body: Span,
    /// Marker line's end through the closing delimiter.
    pub span: Span,
}

/// The command of RUN, CMD, ENTRYPOINT and HEALTHCHECK CMD.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// `["executable", "arg"]`: no shell is involved.
    Exec { args: Vec<Word>, span: Span },
    /// Shell form: `span` is the command text on the instruction's lines (with continuations);
    /// heredoc bodies follow it.
    Shell { span: Span, heredocs: Vec<Heredoc> },
}

impl Command {
    pub fn span(&self) -> Span {
        match self {
            Command::Exec { span, .. } | Command::Shell { span, .. } => *span,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyValue {
    pub key: Word,
    pub value: Option<Word>,
    /// `ENV key value` / `LABEL key value` without `=`.
    pub legacy: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    From {
        image: Word,
        alias: Option<Word>,
    },
    Command(Command),
    /// COPY and ADD: sources then destination. `json` for the `["src", "dst"]` form.
    Files {
        paths: Vec<Word>,
        json: bool,
        heredocs: Vec<Heredoc>,
    },
    /// ENV, LABEL.
    Pairs(Vec<KeyValue>),
    /// ARG: each name with its optional default.
    Args(Vec<KeyValue>),
    /// EXPOSE.
    Ports(Vec<Word>),
    User {
        user: Word,
        group: Option<Word>,
    },
    /// WORKDIR.
    Path(Word),
    /// VOLUME.
    Paths {
        paths: Vec<Word>,
        json: bool,
    },
    /// SHELL's JSON array.
    Shell(Vec<Word>),
    /// STOPSIGNAL, MAINTAINER, CROSS_BUILD.
    Text(Word),
    /// HEALTHCHECK: `None` for `HEALTHCHECK NONE`.
    Healthcheck(Option<Command>),
    Onbuild(Box<Instruction>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instruction {
    pub keyword: Keyword,
    /// The keyword as written (for casing checks).
    pub keyword_span: Span,
    /// The whole instruction, heredoc bodies included.
    pub span: Span,
    pub flags: Vec<Flag>,
    pub body: Body,
}

impl Instruction {
    pub fn flag(&self, name: &str) -> Option<&Flag> {
        self.flags.iter().find(|f| f.name == name)
    }

    pub fn flag_value(&self, name: &str) -> Option<&str> {
        self.flag(name).and_then(|f| f.value.as_ref()).map(|w| w.text.as_str())
    }

    /// The command of RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD.
    pub fn command(&self) -> Option<&Command> {
        match &self.body {
            Body::Command(c) | Body::Healthcheck(Some(c)) => Some(c),
            _ => None,
        }
    }

    /// The heredocs of a shell-form command or of COPY and ADD (ONBUILD's trigger has its own).
    pub fn heredocs(&self) -> &[Heredoc] {
        match &self.body {
            Body::Command(Command::Shell { heredocs, .. }) | Body::Files { heredocs, .. } => heredocs,
            Body::Healthcheck(Some(Command::Shell { heredocs, .. })) => heredocs,
            _ => &[],
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// From `#` to the end of the line, newline excluded.
    pub span: Span,
    /// The text after `#`, trimmed.
    pub text: String,
    /// Whether the comment is the only thing on its line outside any instruction.
    pub standalone: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Directives {
    /// `# syntax=`.
    pub syntax: Option<Word>,
    /// `# escape=`: `\` unless set to a backtick.
    pub escape: char,
    /// `# check=`: its raw value.
    pub check: Option<Word>,
    /// Where the directive lines end: where a comment can go without ending them.
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dockerfile {
    pub instructions: Vec<Instruction>,
    pub comments: Vec<Comment>,
    pub directives: Directives,
    pub errors: Vec<SyntaxError>,
}
