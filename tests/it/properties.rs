//! Property tests: positions convert between bytes, lines and columns, and UTF-16 (what editors send)
//! without loss, and ARG/ENV expansion follows its forms for any names, values and nesting.

use dlint::semantic::{expand, Lookup};
use dlint::text::LineIndex;
use proptest::prelude::*;
use std::collections::BTreeMap;

/// Text of the pieces that make positions hard: multi-byte characters, astral ones (two UTF-16 units),
/// CRLF and lone CR, tabs, empty lines.
fn awkward_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec!["a", "RUN ", "é", "😀", "\n", "\r\n", "\r", "\t", " ", "\\\n", "中"]);
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn offsets_survive_utf16_positions(text in awkward_text()) {
        let index = LineIndex::new(&text);
        for offset in (0..=text.len()).filter(|o| text.is_char_boundary(*o)) {
            // A CR that ends a line (before LF or at the end) belongs to the line break: no editor
            // position names the place after it, and positions there clamp to the line's end.
            let inside_crlf = text[..offset].ends_with('\r') && (text[offset..].starts_with('\n') || offset == text.len());
            let (line, column) = index.utf16_position(&text, offset);
            let newlines = text[..offset].matches('\n').count();
            prop_assert_eq!(line as usize, newlines);
            prop_assert_eq!(index.line_of(offset), newlines);
            let line_col = index.line_col(&text, offset);
            prop_assert_eq!(line_col.line, newlines + 1);
            let line_start = index.line_start(newlines);
            prop_assert_eq!(line_col.column, text[line_start..offset].chars().count() + 1);
            prop_assert_eq!(column as usize, text[line_start..offset].encode_utf16().count());
            if !inside_crlf {
                prop_assert_eq!(index.offset_of_utf16(&text, line, column), offset);
            }
        }
    }

    #[test]
    fn positions_past_a_line_or_the_text_clamp(text in awkward_text(), line in 0u32..80, column in 0u32..200) {
        let index = LineIndex::new(&text);
        let offset = index.offset_of_utf16(&text, line, column);
        prop_assert!(offset <= text.len() && text.is_char_boundary(offset));
        let (back_line, back_column) = index.utf16_position(&text, offset);
        prop_assert!(back_line <= line);
        prop_assert!(back_line < line || back_column <= column);
        // Where a range ends, a column inside a character takes the whole character, and only that.
        let end = index.end_offset_of_utf16(&text, line, column);
        prop_assert!(end >= offset && text.is_char_boundary(end));
        prop_assert!(text[offset..end].chars().count() <= 1);
        let (end_line, end_column) = index.utf16_position(&text, end);
        prop_assert!(end_line < line || end_column >= column || end == index.line_span(&text, line as usize).end);
    }
}

/// A variable's name and what it holds: a value, declared without one, or not declared.
fn variables() -> impl Strategy<Value = BTreeMap<String, Lookup>> {
    let lookup =
        prop_oneof!["[a-z0-9./:-]{0,8}".prop_map(Lookup::Value), Just(Lookup::Unknown), Just(Lookup::Undeclared),];
    prop::collection::btree_map("[A-Za-z_][A-Za-z0-9_]{0,6}", lookup, 1..6)
}

fn lookup_in(variables: &BTreeMap<String, Lookup>) -> impl Fn(&str) -> Lookup + '_ {
    |name| variables.get(name).cloned().unwrap_or(Lookup::Undeclared)
}

proptest! {
    #[test]
    fn text_without_references_is_kept(text in "[^$\\\\]{0,40}") {
        let expanded = expand(&text, '\\', &|_| Lookup::Undeclared);
        prop_assert_eq!(&expanded.text, &text);
        prop_assert!(expanded.is_resolved());
    }

    #[test]
    fn references_take_known_values(variables in variables(), prefix in "[a-z ]{0,5}", default in "[a-z]{0,5}") {
        let lookup = lookup_in(&variables);
        for (name, held) in &variables {
            let plain = expand(&format!("{prefix}${name}"), '\\', &lookup);
            let braced = expand(&format!("{prefix}${{{name}}}"), '\\', &lookup);
            let with_default = expand(&format!("${{{name}:-{default}}}"), '\\', &lookup).text;
            let with_alternative = expand(&format!("${{{name}:+{default}}}"), '\\', &lookup).text;
            match held {
                Lookup::Value(value) => {
                    prop_assert_eq!(&plain.text, &format!("{prefix}{value}"));
                    prop_assert_eq!(&braced.text, &format!("{prefix}{value}"));
                    prop_assert!(plain.is_resolved() && braced.is_resolved());
                    let set = !value.is_empty();
                    prop_assert_eq!(with_default, if set { value.clone() } else { default.clone() });
                    prop_assert_eq!(with_alternative, if set { default.clone() } else { String::new() });
                }
                Lookup::Unknown => {
                    prop_assert_eq!(&plain.text, &format!("{prefix}${name}"), "kept as written");
                    prop_assert_eq!(&plain.unresolved, &vec![name.clone()]);
                }
                Lookup::Undeclared => {
                    prop_assert_eq!(&braced.text, &format!("{prefix}${{{name}}}"), "kept as written");
                    prop_assert_eq!(&braced.undeclared, &vec![name.clone()]);
                    prop_assert_eq!(with_default, default.clone());
                }
            }
            let escaped = expand(&format!("\\${name}"), '\\', &lookup);
            prop_assert_eq!(escaped.text, format!("${name}"));
        }
    }

    #[test]
    fn nested_defaults_reach_the_innermost(depth in 1usize..12, value in "[a-z]{1,6}") {
        let text = format!("{}{value}{}", "${unset:-".repeat(depth), "}".repeat(depth));
        prop_assert_eq!(expand(&text, '\\', &|_| Lookup::Undeclared).text, value);
    }

    #[test]
    fn any_text_expands_without_panic(text in "[${}:+\\-?#%/a-z\\\\`]{0,80}", escape in prop::sample::select(vec!['\\', '`'])) {
        let expanded = expand(&text, escape, &|name| if name == "a" { Lookup::Value("x".into()) } else { Lookup::Undeclared });
        prop_assert!(expanded.text.len() <= text.len() * 2 + 16);
    }
}

proptest! {
    /// A document parsed version after version through its tree cache reads the same as parsed afresh,
    /// whatever the edits: inside words, across lines and heredocs, into and out of directives.
    #[test]
    fn reparsing_after_edits_matches_a_fresh_parse(
        edits in prop::collection::vec((0usize..400, 0usize..12, prop::sample::select(EDIT_TEXTS.to_vec())), 1..25)
    ) {
        let cache = dlint::syntax::TreeCache::default();
        let mut text = BASE_DOCKERFILE.to_owned();
        for (at, removed, inserted) in edits {
            let start = dlint::text::floor_char_boundary(&text, at.min(text.len()));
            let end = dlint::text::floor_char_boundary(&text, (start + removed).min(text.len()));
            text.replace_range(start..end, inserted);
            let cached = dlint::syntax::parse_cached(&text, &cache);
            prop_assert_eq!(format!("{cached:?}"), format!("{:?}", dlint::syntax::parse(&text)), "{}", text);
        }
    }
}

const BASE_DOCKERFILE: &str = "# syntax=docker/dockerfile:1\nARG V=1\nFROM debian:12 AS build\nRUN apt-get update \\\n    && apt-get install -y curl\nCOPY <<EOF /app/run.sh\necho $V\nEOF\nENV A=1 B=\"two words\"\nFROM build\nCMD [\"sh\", \"-c\", \"echo hi\"]\n";

const EDIT_TEXTS: [&str; 12] =
    ["", "x", "\n", " \\\n", "RUN echo é\n", "\"", "<<EOF\n", "EOF\n", "# escape=`\n", "`\n", "😀", "FROM a\n"];
