//! The argument list a shell command line stands for, when the shell would do nothing but split it
//! into words: what lets a shell-form command become an exec-form array without a change.

use super::mask_continuations;
use crate::syntax::Command;

/// Shell builtins and keywords: as the first word they mean something only a shell can run.
const SHELL_ONLY: [&str; 27] = [
    "exec", "cd", "export", "set", "unset", "source", ".", "eval", "if", "then", "for", "while", "until", "case",
    "trap", "ulimit", "umask", "alias", "read", "shift", "wait", "exit", "return", "local", "readonly", ":", "!",
];

/// The words of a shell-form command that is one simple command of plain words: unquoted words of
/// ordinary characters, and quoted strings without expansions or escapes. `None` for anything the
/// shell would interpret: variables, substitutions, globs, `~`, braces, redirections, operators,
/// comments, assignments, builtins, heredocs, backslashes.
pub fn literal_argv(source: &str, command: &Command, escape: char) -> Option<Vec<String>> {
    let Command::Shell { span, heredocs } = command else { return None };
    if !heredocs.is_empty() {
        return None;
    }
    let mut text = mask_continuations(span.slice(source), escape);
    if escape == '\\' {
        // The shell joins a backslash-newline away, even inside a word.
        text = text.replace("\\\r\n", "").replace("\\\n", "");
    }
    let words = split_plain_words(&text)?;
    let first = words.first()?;
    (!first.contains('=') && !SHELL_ONLY.contains(&first.as_str())).then_some(words)
}

fn split_plain_words(text: &str) -> Option<Vec<String>> {
    let mut words = Vec::new();
    let mut current: Option<String> = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\r' | '\n' => words.extend(current.take()),
            '\'' => current.get_or_insert_default().push_str(&until_quote(&mut chars, '\'')?),
            '"' => {
                let quoted = until_quote(&mut chars, '"')?;
                if quoted.contains(['$', '`', '\\', '!']) {
                    return None;
                }
                current.get_or_insert_default().push_str(&quoted);
            }
            c if c.is_alphanumeric() || "-_./:=,+@%^".contains(c) => current.get_or_insert_default().push(c),
            _ => return None,
        }
    }
    words.extend(current);
    Some(words)
}

/// The text up to the closing `quote`, which is consumed; `None` when the quote is not closed.
fn until_quote(chars: &mut std::str::Chars, quote: char) -> Option<String> {
    let mut quoted = String::new();
    for c in chars.by_ref() {
        if c == quote {
            return Some(quoted);
        }
        quoted.push(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{parse, Body};

    fn argv(src: &str) -> Option<Vec<String>> {
        let file = parse(src);
        let Body::Command(command) = &file.instructions.last().unwrap().body else { panic!("no command") };
        literal_argv(src, command, file.directives.escape)
    }

    #[test]
    fn plain_words_and_quoted_strings_become_arguments() {
        let words = |list: &[&str]| Some(list.iter().map(|w| w.to_string()).collect::<Vec<_>>());
        assert_eq!(argv("CMD nginx -g \"daemon off;\""), words(&["nginx", "-g", "daemon off;"]));
        assert_eq!(argv("CMD a 'it''s' \"\" x=1 --port=8080"), words(&["a", "its", "", "x=1", "--port=8080"]));
        assert_eq!(argv("CMD gun\\\nicorn \\\n  # note\n  app:main"), words(&["gunicorn", "app:main"]));
        assert_eq!(argv("# escape=`\nCMD node `\n  server.js"), words(&["node", "server.js"]));
    }

    #[test]
    fn anything_the_shell_interprets_is_refused() {
        for cmd in [
            "echo $HOME",
            "echo \"$HOME\"",
            "run *.txt",
            "ls ~",
            "a && b",
            "a; b",
            "a | b",
            "a > log",
            "a & ",
            "X=1 app",
            "exec app",
            "cd /app",
            "app # comment",
            "echo `date`",
            "echo {a,b}",
            "echo 'open",
            "echo a\\ b",
            "(app)",
        ] {
            assert_eq!(argv(&format!("CMD {cmd}")), None, "{cmd}");
        }
        assert_eq!(argv("CMD [\"app\"]"), None, "exec form");
    }
}
