//! Shell dialects and the constructs that only some of them accept.

/// The language a RUN script is read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// `/bin/sh`, whatever the image makes of it (the model resolves it per stage).
    Sh,
    /// POSIX sh as Debian and Ubuntu ship it (dash).
    Dash,
    /// BusyBox ash, `/bin/sh` on Alpine.
    Ash,
    Bash,
    Zsh,
    Ksh,
}

impl Dialect {
    /// The dialect of a shell program (`/bin/bash`, `dash`, `busybox`); `None` for other programs.
    pub fn from_program(program: &str) -> Option<Dialect> {
        let name = super::program_name(program);
        Some(match name {
            "sh" => Dialect::Sh,
            "dash" | "posh" => Dialect::Dash,
            "ash" | "busybox" => Dialect::Ash,
            "bash" => Dialect::Bash,
            "zsh" => Dialect::Zsh,
            "ksh" | "ksh93" | "mksh" => Dialect::Ksh,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Dialect::Sh => "sh",
            Dialect::Dash => "dash",
            Dialect::Ash => "busybox ash",
            Dialect::Bash => "bash",
            Dialect::Zsh => "zsh",
            Dialect::Ksh => "ksh",
        }
    }

    /// Whether the dialect runs the construct as bash does. Unresolved `sh` is read as dash, the
    /// strictest. Checked against dash 0.5.12 and BusyBox 1.35; ksh is given the benefit of the doubt.
    pub fn supports(self, construct: Bashism) -> bool {
        use Bashism::*;
        match self {
            Dialect::Bash | Dialect::Ksh => true,
            Dialect::Zsh => construct != DoubleEqualsInTest,
            Dialect::Ash => matches!(
                construct,
                DoubleBracket
                    | Source
                    | Pipefail
                    | FunctionKeyword
                    | DoubleEqualsInTest
                    | AnsiCString
                    | AmpersandRedirect
            ),
            Dialect::Sh | Dialect::Dash => false,
        }
    }
}

/// A construct outside POSIX sh.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bashism {
    /// `[[ ... ]]`
    DoubleBracket,
    /// `source file`
    Source,
    /// `set -o pipefail`
    Pipefail,
    /// `a=(1 2)`, `${a[0]}`
    Array,
    /// `function f { ... }`
    FunctionKeyword,
    /// `[ "$a" == b ]`
    DoubleEqualsInTest,
    /// `$'...'`
    AnsiCString,
    /// `<<< word`
    HereString,
    /// `{a,b}`, `{1..3}`
    BraceExpansion,
    /// `&> file`
    AmpersandRedirect,
}

impl Bashism {
    /// What the construct is, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Bashism::DoubleBracket => "`[[ ]]` test",
            Bashism::Source => "`source`",
            Bashism::Pipefail => "`set -o pipefail`",
            Bashism::Array => "array",
            Bashism::FunctionKeyword => "`function` keyword",
            Bashism::DoubleEqualsInTest => "`==` in `[ ]`",
            Bashism::AnsiCString => "`$'...'` string",
            Bashism::HereString => "`<<<` here-string",
            Bashism::BraceExpansion => "brace expansion",
            Bashism::AmpersandRedirect => "`&>` redirection",
        }
    }

    /// The portable way to write it.
    pub fn portable(self) -> &'static str {
        match self {
            Bashism::DoubleBracket => "use `[ ]` (and `&&`, `||` between tests)",
            Bashism::Source => "use `.`",
            Bashism::Pipefail => "set it with `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` instead",
            Bashism::Array => "use positional parameters (`set -- a b`) or a space-separated string",
            Bashism::FunctionKeyword => "write `f() { ...; }`",
            Bashism::DoubleEqualsInTest => "use `=`",
            Bashism::AnsiCString => "use `printf` to produce special characters",
            Bashism::HereString => "use `printf '%s\\n' word |` or a heredoc",
            Bashism::BraceExpansion => "spell out each word",
            Bashism::AmpersandRedirect => "use `> file 2>&1`",
        }
    }
}
