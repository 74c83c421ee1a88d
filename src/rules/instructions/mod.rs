//! Single instructions as written, and the shell that RUN starts.

pub mod df020;
pub mod df021;
pub mod df022;
pub mod df023;
pub mod dl1001;
pub mod dl3000;
pub mod dl3003;
pub mod dl3010;
pub mod dl3011;
pub mod dl3020;
pub mod dl3021;
pub mod dl3025;
pub mod dl3043;
pub mod dl3044;
pub mod dl3045;
pub mod dl3061;
pub mod dl3064;
pub mod dl3066;
pub mod dl3067;
pub mod dl4000;
pub mod dl4006;

use crate::lint::{Context, Edit};
use crate::syntax::{Body, Instruction, Keyword, Word};
use crate::text::line_start;

/// `/x`, `\x`, `C:\x`, `c:/x`.
pub fn is_absolute(path: &str) -> bool {
    let bytes = path.as_bytes();
    path.starts_with(['/', '\\']) || (bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':')
}

/// A COPY's sources (heredoc markers included) and its destination.
pub fn copy_paths(instruction: &Instruction) -> Option<(&[Word], &Word)> {
    match &instruction.body {
        Body::Files { paths, .. } if instruction.keyword == Keyword::Copy => {
            let (destination, sources) = paths.split_last()?;
            Some((sources, destination))
        }
        _ => None,
    }
}

/// `keyword` in the case the replaced keyword was written in (`add` becomes `copy`).
pub fn keyword_like(written: &str, keyword: &str) -> String {
    if written.chars().any(|c| c.is_ascii_uppercase()) {
        keyword.to_ascii_uppercase()
    } else {
        keyword.to_ascii_lowercase()
    }
}

/// Inserts `line` (with its keyword, without newline) on a line of its own before the instruction at
/// `index`, with the instruction's indentation, and above the comment lines directly over it: they
/// describe that instruction, and an ignore pragma there must stay next to it.
pub fn insert_line_before(cx: &Context, index: usize, line: &str) -> Edit {
    let file = &cx.model.file;
    let instruction = &file.instructions[index];
    let mut start = line_start(cx.source, instruction.span.start);
    let indent = &cx.source[start..instruction.span.start];
    let floor = index.checked_sub(1).map_or(file.directives.end, |previous| file.instructions[previous].span.end);
    for comment in file.comments.iter().rev().filter(|c| c.standalone && c.span.start >= floor) {
        if comment.span.end > start {
            continue;
        }
        let gap = &cx.source[comment.span.end..start];
        let comment_line = line_start(cx.source, comment.span.start);
        if !(gap == "\n" || gap == "\r\n") || !cx.source[comment_line..comment.span.start].trim().is_empty() {
            break;
        }
        start = comment_line;
    }
    Edit::insert(start, format!("{indent}{line}\n"))
}

/// The SHELL words as text.
pub fn shell_words(words: &[Word]) -> impl Iterator<Item = &str> {
    words.iter().map(|w| w.text.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_keep_their_case() {
        assert_eq!(keyword_like("ADD", "copy"), "COPY");
        assert_eq!(keyword_like("add", "COPY"), "copy");
        assert_eq!(keyword_like("Add", "copy"), "COPY");
    }
}
