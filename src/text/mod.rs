//! Byte spans and the line index that converts them to human or LSP positions at the edges, and
//! "did you mean" suggestions.

pub mod suggest;

use std::fmt;

/// A half-open byte range `[start, end)` into the source text.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn empty(at: usize) -> Self {
        Span { start: at, end: at }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    pub fn covers(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn shift(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    pub fn slice(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A 1-based line and 1-based column counted in Unicode scalar values, as people and most tools expect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Start offsets of every line, for offset <-> position conversions.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
}

/// 1-based line of `offset` in `text`, for a message that names one other line (a [`LineIndex`] pays off
/// for many lookups in one text).
pub fn line_number(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Where the line holding `offset` starts.
pub fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// The whole lines `span` touches, with the newline that ends the last one.
pub fn whole_lines(text: &str, span: Span) -> Span {
    let end = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i + 1);
    Span::new(line_start(text, span.start), end)
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1));
        LineIndex { line_starts, len: text.len() }
    }

    /// 0-based line containing `offset` (offsets past the end clamp to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte offset where 0-based `line` starts, or the text's end past the last line.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line).copied().unwrap_or(self.len)
    }

    /// Byte span of 0-based `line`, without its line terminator.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.line_start(line);
        let mut end = self.line_starts.get(line + 1).map_or(self.len, |next| next - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        Span::new(start, end.max(start))
    }

    /// Human position (1-based line and character column) of a byte offset.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let column = text[self.line_start(line)..offset].chars().count() + 1;
        LineCol { line: line + 1, column }
    }

    /// 0-based line and UTF-16 code unit column, as the Language Server Protocol counts them.
    pub fn utf16_position(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let column: usize = text[self.line_start(line)..offset].chars().map(char::len_utf16).sum();
        (line as u32, column as u32)
    }

    /// Byte offset of a 0-based line and UTF-16 column; positions past a line's end clamp to it, and
    /// a column between the two halves of a surrogate pair rounds down to the character's start.
    pub fn offset_of_utf16(&self, text: &str, line: u32, column: u32) -> usize {
        self.utf16_to_offset(text, line, column, false)
    }

    /// Like [`LineIndex::offset_of_utf16`], but a column inside a character rounds up to its end: where
    /// a range ends, so that a range covering half a character covers all of it.
    pub fn end_offset_of_utf16(&self, text: &str, line: u32, column: u32) -> usize {
        self.utf16_to_offset(text, line, column, true)
    }

    fn utf16_to_offset(&self, text: &str, line: u32, column: u32, round_up: bool) -> usize {
        let line = line as usize;
        if line >= self.line_starts.len() {
            return self.len;
        }
        let span = self.line_span(text, line);
        let mut units = 0u32;
        for (i, ch) in span.slice(text).char_indices() {
            let after = units + ch.len_utf16() as u32;
            if after > column {
                let inside = units < column;
                return span.start + if round_up && inside { i + ch.len_utf8() } else { i };
            }
            units = after;
        }
        span.end
    }
}

/// The nearest character boundary at or before `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_utf16_units() {
        let text = "ab\nçd😀e\r\nlast";
        let index = LineIndex::new(text);
        let e = text.find('e').unwrap();
        assert_eq!(index.line_col(text, e), LineCol { line: 2, column: 4 });
        assert_eq!(index.utf16_position(text, e), (1, 4));
        assert_eq!(index.offset_of_utf16(text, 1, 4), e);
        assert_eq!(index.line_span(text, 1).slice(text), "çd😀e");
        assert_eq!(index.offset_of_utf16(text, 1, 99), index.line_span(text, 1).end);
        assert_eq!(index.offset_of_utf16(text, 9, 0), text.len());
        assert_eq!(index.line_col(text, text.len()), LineCol { line: 3, column: 5 });
    }

    #[test]
    fn offsets_inside_a_character_round_down() {
        let text = "é";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 1), LineCol { line: 1, column: 1 });
        let text = "\r😀x";
        let index = LineIndex::new(text);
        assert_eq!(index.offset_of_utf16(text, 0, 2), 1, "between the halves of a surrogate pair");
        assert_eq!(index.offset_of_utf16(text, 0, 3), 5);
        assert_eq!(index.end_offset_of_utf16(text, 0, 2), 5, "a range's end covers the whole character");
        assert_eq!(index.end_offset_of_utf16(text, 0, 1), 1);
    }
}
