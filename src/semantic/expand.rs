//! `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:+alt}` and friends, as Dockerfile instructions expand them.

/// What a name means at a point of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// Declared, with a known value.
    Value(String),
    /// Declared without a value known here (an ARG with no default, a platform ARG).
    Unknown,
    /// Not declared.
    Undeclared,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expanded {
    pub text: String,
    /// Names referenced whose value is not known; the text keeps them as written.
    pub unresolved: Vec<String>,
    /// Names referenced that are not declared at all.
    pub undeclared: Vec<String>,
}

impl Expanded {
    pub fn is_resolved(&self) -> bool {
        self.unresolved.is_empty() && self.undeclared.is_empty()
    }
}

/// Expands variables in `text`. Nesting is followed to a fixed depth so hostile input cannot recurse
/// without bound; `\$` stays a literal `$`.
pub fn expand(text: &str, escape: char, lookup: &dyn Fn(&str) -> Lookup) -> Expanded {
    let mut out = Expanded { text: String::with_capacity(text.len()), unresolved: Vec::new(), undeclared: Vec::new() };
    expand_into(text, escape, lookup, &mut out, 0);
    out
}

/// A `$NAME` or `${NAME...}` in a text: the name and the byte range of the whole reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub name: String,
    pub range: std::ops::Range<usize>,
}

/// Every variable reference in `text`, outermost first, defaults (`${A:-$B}`) included; escaped
/// dollars (`\$A`) are skipped.
pub fn references(text: &str, escape: char) -> Vec<Reference> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = text[i..].chars().next().unwrap_or('\0');
        if c == escape && bytes.get(i + 1) == Some(&b'$') {
            i += 2;
            continue;
        }
        if c != '$' {
            i += c.len_utf8();
            continue;
        }
        let braced = bytes.get(i + 1) == Some(&b'{');
        let name_start = i + 1 + usize::from(braced);
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').count();
        if name_len == 0 {
            i += 1;
            continue;
        }
        let end = match braced {
            true => matching_brace(text, i + 1).map_or(name_start + name_len, |close| close + 1),
            false => name_start + name_len,
        };
        out.push(Reference { name: text[name_start..name_start + name_len].to_string(), range: i..end });
        // Continue inside the braces so defaults are seen too.
        i = name_start + name_len;
    }
    out
}

const MAX_DEPTH: usize = 16;

fn expand_into(text: &str, escape: char, lookup: &dyn Fn(&str) -> Lookup, out: &mut Expanded, depth: usize) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = text[i..].chars().next().unwrap_or('\0');
        if c == escape && bytes.get(i + 1) == Some(&b'$') {
            out.text.push('$');
            i += 2;
            continue;
        }
        if c != '$' {
            out.text.push(c);
            i += c.len_utf8();
            continue;
        }
        if bytes.get(i + 1) == Some(&b'{') {
            let Some(close) = matching_brace(text, i + 1) else {
                out.text.push_str(&text[i..]);
                return;
            };
            let inner = &text[i + 2..close];
            let name_len = inner.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
            let (name, modifier) = inner.split_at(name_len);
            substitute(name, modifier, &text[i..=close], escape, lookup, out, depth);
            i = close + 1;
        } else {
            let name_len = bytes[i + 1..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').count();
            if name_len == 0 {
                out.text.push('$');
                i += 1;
                continue;
            }
            let name = &text[i + 1..i + 1 + name_len];
            substitute(name, "", &text[i..i + 1 + name_len], escape, lookup, out, depth);
            i += 1 + name_len;
        }
    }
}

fn matching_brace(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (offset, b) in text.as_bytes()[open..].iter().enumerate() {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + offset);
                }
            }
            _ => {}
        }
    }
    None
}

fn substitute(
    name: &str,
    modifier: &str,
    written: &str,
    escape: char,
    lookup: &dyn Fn(&str) -> Lookup,
    out: &mut Expanded,
    depth: usize,
) {
    let value = lookup(name);
    let (operator, word) = split_modifier(modifier);
    let set = |v: &Lookup, allow_empty: bool| match v {
        Lookup::Value(s) => Some(allow_empty || !s.is_empty()),
        _ => None,
    };
    let nested = |word: &str, out: &mut Expanded| {
        if depth < MAX_DEPTH {
            expand_into(word, escape, lookup, out, depth + 1);
        } else {
            out.text.push_str(word);
        }
    };
    match (operator, &value) {
        ("-" | ":-", _) => match (set(&value, operator == "-"), &value) {
            (Some(true), Lookup::Value(v)) => out.text.push_str(v),
            // Unset, or unknown: the default is the best guess of what the build uses.
            _ => nested(word, out),
        },
        ("#" | "##" | "%" | "%%" | "/" | "//", Lookup::Value(v)) => match apply_pattern(operator, word, v) {
            Some(result) => out.text.push_str(&result),
            None => {
                out.unresolved.push(name.to_string());
                out.text.push_str(written);
            }
        },
        ("+" | ":+", _) => match set(&value, operator == "+") {
            Some(true) => nested(word, out),
            Some(false) => {}
            None if value == Lookup::Undeclared => {}
            None => {
                out.unresolved.push(name.to_string());
                out.text.push_str(written);
            }
        },
        ("", Lookup::Value(v)) => out.text.push_str(v),
        (_, Lookup::Value(_)) => {
            out.unresolved.push(name.to_string());
            out.text.push_str(written);
        }
        (_, Lookup::Unknown) => {
            out.unresolved.push(name.to_string());
            out.text.push_str(written);
        }
        (_, Lookup::Undeclared) => {
            out.undeclared.push(name.to_string());
            out.text.push_str(written);
        }
    }
}

/// `${v#prefix}`, `${v%suffix}`, `${v/from/to}` (`##`, `%%`, `//` for the longest match or every
/// occurrence) with a literal pattern; a glob pattern is not evaluated here (None).
fn apply_pattern(operator: &str, word: &str, value: &str) -> Option<String> {
    let (pattern, replacement) = match operator {
        "/" | "//" => word.split_once('/').unwrap_or((word, "")),
        _ => (word, ""),
    };
    if pattern.contains(['*', '?', '[', '$']) {
        return None;
    }
    Some(match operator {
        "#" | "##" => value.strip_prefix(pattern).unwrap_or(value).to_string(),
        "%" | "%%" => value.strip_suffix(pattern).unwrap_or(value).to_string(),
        "/" if !pattern.is_empty() => value.replacen(pattern, replacement, 1),
        "//" if !pattern.is_empty() => value.replace(pattern, replacement),
        _ => value.to_string(),
    })
}

fn split_modifier(modifier: &str) -> (&str, &str) {
    for op in [":-", ":+", ":?", "-", "+", "?", "##", "#", "%%", "%", "//", "/"] {
        if let Some(word) = modifier.strip_prefix(op) {
            return (op, word);
        }
    }
    (modifier, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(name: &str) -> Lookup {
        match name {
            "V" => Lookup::Value("3.12".into()),
            "EMPTY" => Lookup::Value(String::new()),
            "PLATFORM" => Lookup::Unknown,
            _ => Lookup::Undeclared,
        }
    }

    fn text(s: &str) -> String {
        expand(s, '\\', &env).text
    }

    #[test]
    fn expands_forms() {
        assert_eq!(text("python:${V}-slim"), "python:3.12-slim");
        assert_eq!(text("$V/$V"), "3.12/3.12");
        assert_eq!(text("${NOPE:-a${V}}"), "a3.12");
        assert_eq!(text("${EMPTY:-d} ${EMPTY-d}"), "d ");
        assert_eq!(text("${V:+set} ${NOPE:+set}"), "set ");
        assert_eq!(text("cost \\$5 and $"), "cost $5 and $");
        assert_eq!(text("${V#3.} ${V%.12} ${V/./-} ${V//1/x}"), "12 3 3-12 3.x2");
        assert_eq!(expand("${V#*.}", '\\', &env).unresolved, vec!["V"]);
        assert_eq!(expand("${V:x}", '\\', &env).unresolved, vec!["V"]);
        assert_eq!(text("${unclosed"), "${unclosed");
    }

    #[test]
    fn reports_unknown_and_undeclared_names() {
        let e = expand("$PLATFORM/${MISSING}", '\\', &env);
        assert_eq!(e.text, "$PLATFORM/${MISSING}");
        assert_eq!(e.unresolved, vec!["PLATFORM"]);
        assert_eq!(e.undeclared, vec!["MISSING"]);
    }

    #[test]
    fn finds_references() {
        let found: Vec<_> =
            references("a $A ${B:-$C} \\$D $ ${}", '\\').into_iter().map(|r| (r.name, r.range)).collect();
        assert_eq!(found, vec![("A".into(), 2..4), ("B".into(), 5..13), ("C".into(), 10..12)]);
    }

    #[test]
    fn deep_nesting_terminates() {
        let deep = "${a:-".repeat(5000) + &"}".repeat(5000);
        assert!(expand(&deep, '\\', &env).text.len() < deep.len());
    }
}
