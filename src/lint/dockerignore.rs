//! `.dockerignore` matching with Docker's rules: `*` and `?` stay within one path component, `**`
//! spans any number of them, `!` re-includes, a leading `/` is ignored, the last matching line wins,
//! and a path is excluded when it or one of its parent directories matches.

/// A parsed `.dockerignore`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dockerignore {
    patterns: Vec<Pattern>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Pattern {
    /// Path components, each a glob (`**` alone means any number of components).
    parts: Vec<String>,
    exclusion: bool,
}

impl Dockerignore {
    /// Reads the file's lines; blank lines and `#` comments are skipped.
    pub fn parse(text: &str) -> Self {
        let patterns = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|line| {
                let (exclusion, line) = match line.strip_prefix('!') {
                    Some(rest) => (true, rest.trim()),
                    None => (false, line),
                };
                let parts = clean(line);
                (!parts.is_empty()).then_some(Pattern { parts, exclusion })
            })
            .collect();
        Dockerignore { patterns }
    }

    /// Whether a `!pattern` may bring back something inside an excluded directory.
    pub fn has_exceptions(&self) -> bool {
        self.patterns.iter().any(|p| p.exclusion)
    }

    /// Whether `path` (relative to the context; `./` and `/` prefixes allowed) is left out of the context.
    pub fn excludes(&self, path: &str) -> bool {
        let path = clean(path);
        if path.is_empty() {
            return false;
        }
        let mut excluded = false;
        for pattern in &self.patterns {
            let matches = (1..=path.len()).any(|n| glob_parts(&pattern.parts, &path[..n]));
            if matches {
                excluded = !pattern.exclusion;
            }
        }
        excluded
    }
}

/// Path components with `.` dropped, `..` resolved and separators normalised.
fn clean(path: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for part in path.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(part.to_string()),
        }
    }
    parts
}

fn glob_parts(pattern: &[String], path: &[String]) -> bool {
    match pattern.split_first() {
        None => path.is_empty(),
        Some((first, rest)) if first == "**" => (0..=path.len()).any(|skip| glob_parts(rest, &path[skip..])),
        Some((first, rest)) => path
            .split_first()
            .is_some_and(|(head, tail)| glob(first.as_bytes(), head.as_bytes()) && glob_parts(rest, tail)),
    }
}

/// One component: `*`, `?`, `[...]` classes (with `^` or `!` negation) and `\` escapes.
fn glob(pattern: &[u8], text: &[u8]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some((b'*', rest)) => (0..=text.len()).any(|skip| glob(rest, &text[skip..])),
        Some((b'?', rest)) => !text.is_empty() && glob(rest, &text[1..]),
        Some((b'[', rest)) => {
            let Some(close) = rest.iter().skip(1).position(|&b| b == b']').map(|i| i + 1) else {
                return text.first() == Some(&b'[') && glob(rest, &text[1..]);
            };
            let Some(&c) = text.first() else { return false };
            let (negated, class) = match rest[0] {
                b'^' | b'!' => (true, &rest[1..close]),
                _ => (false, &rest[..close]),
            };
            let mut found = false;
            let mut i = 0;
            while i < class.len() {
                if i + 2 < class.len() && class[i + 1] == b'-' {
                    found |= class[i] <= c && c <= class[i + 2];
                    i += 3;
                } else {
                    found |= class[i] == c;
                    i += 1;
                }
            }
            found != negated && glob(&rest[close + 1..], &text[1..])
        }
        Some((b'\\', rest)) if !rest.is_empty() => text.first() == Some(&rest[0]) && glob(&rest[1..], &text[1..]),
        Some((&p, rest)) => text.first() == Some(&p) && glob(rest, &text[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_docker_semantics() {
        let ignore = Dockerignore::parse(
            "# comment\n/node_modules\n*.log\n!keep.log\n**/secret?.txt\ndocs/*\n!docs/README.md\n",
        );
        assert!(ignore.excludes("node_modules"));
        assert!(ignore.excludes("./node_modules/x/y.js"), "a parent directory matches");
        assert!(ignore.excludes("debug.log"));
        assert!(!ignore.excludes("logs/debug.log"), "`*` stays in one component");
        assert!(!ignore.excludes("keep.log"), "a later `!` re-includes");
        assert!(ignore.excludes("a/b/secret1.txt") && ignore.excludes("secret2.txt"));
        assert!(ignore.excludes("docs/guide.md") && !ignore.excludes("docs/README.md"));
        assert!(!ignore.excludes("src/main.rs") && !ignore.excludes("."));
        let classes = Dockerignore::parse("[a-c]x\n[!a]y\n");
        assert!(classes.excludes("bx") && !classes.excludes("dx"));
        assert!(classes.excludes("by") && !classes.excludes("ay"));
    }
}
