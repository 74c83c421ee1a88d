//! Snippets of very long lines. codespan prints every line a label touches whole, so thousands of findings
//! on one 100 KB line (minified or generated files) would print gigabytes. An `Excerpt` shows the lines
//! from a finding's first label to its last with each long line cut to windows around the labels; line
//! and column numbers stay those of the file.

use crate::lint::Diagnostic;
use crate::report::SortedFile;
use codespan_reporting::files::{Error, Files};
use std::ops::Range;

/// Lines longer than this many bytes are cut.
const LONG_LINE: usize = 240;
/// Bytes kept on each side of a label's start or end.
const CONTEXT: usize = 60;
/// Marks where a cut line continues.
const CUT: &str = "…";

pub struct Excerpt<'a> {
    name: &'a str,
    file: &'a SortedFile<'a>,
    text: String,
    line_starts: Vec<usize>,
    /// The file's 0-based line number of the excerpt's first line.
    first_line: usize,
    /// The parts of the file the excerpt keeps, in order: where each starts in the excerpt, where it
    /// starts in the file, and its length.
    kept: Vec<(usize, usize, usize)>,
}

impl<'a> Excerpt<'a> {
    /// The excerpt for a finding that has a label on a long line, or `None` when every labelled line
    /// prints whole. Labels are moved to the excerpt's offsets.
    pub fn of_long_lines(file: &'a SortedFile<'a>, diagnostic: &Diagnostic) -> Option<(Excerpt<'a>, Diagnostic)> {
        let points: Vec<usize> = std::iter::once(diagnostic.span)
            .chain(diagnostic.related.iter().map(|r| r.span))
            .flat_map(|span| [span.start, span.end])
            .map(|point| point.min(file.source.len()))
            .collect();
        let long = |line: usize| file.index.line_span(file.source, line).len() > LONG_LINE;
        if !points.iter().any(|point| long(file.index.line_of(*point))) {
            return None;
        }
        let first_line = points.iter().map(|point| file.index.line_of(*point)).min()?;
        let last_line = points.iter().map(|point| file.index.line_of(*point)).max()?;
        let mut excerpt = Excerpt {
            name: file.path,
            file,
            text: String::new(),
            line_starts: Vec::new(),
            first_line,
            kept: Vec::new(),
        };
        for line in first_line..=last_line {
            excerpt.push_line(line, &points);
        }
        let mut moved = diagnostic.clone();
        moved.span = excerpt.span_in_excerpt(moved.span);
        for related in &mut moved.related {
            related.span = excerpt.span_in_excerpt(related.span);
        }
        Some((excerpt, moved))
    }

    fn push_line(&mut self, line: usize, points: &[usize]) {
        let (source, span) = (self.file.source, self.file.index.line_span(self.file.source, line));
        self.line_starts.push(self.text.len());
        let windows = if span.len() <= LONG_LINE {
            std::iter::once(span.start..span.end).collect()
        } else {
            windows(source, span.start..span.end, points)
        };
        if windows.first().is_some_and(|first| first.start > span.start) {
            self.text.push_str(CUT);
        }
        for (i, window) in windows.iter().enumerate() {
            if i > 0 {
                self.text.push_str(CUT);
            }
            self.kept.push((self.text.len(), window.start, window.len()));
            self.text.push_str(&source[window.clone()]);
        }
        if windows.last().is_some_and(|last| last.end < span.end) {
            self.text.push_str(CUT);
        }
        self.text.push('\n');
    }

    fn span_in_excerpt(&self, span: crate::text::Span) -> crate::text::Span {
        crate::text::Span::new(self.in_excerpt(span.start), self.in_excerpt(span.end))
    }

    /// An offset of the file as an offset of the excerpt; one in a cut part moves to the kept text before it.
    fn in_excerpt(&self, offset: usize) -> usize {
        let at = self.kept.partition_point(|(_, start, _)| *start <= offset);
        match at.checked_sub(1).map(|i| self.kept[i]) {
            Some((excerpt_start, start, len)) => excerpt_start + (offset - start).min(len),
            None => 0,
        }
    }

    /// An offset of the excerpt as an offset of the file.
    fn in_file(&self, offset: usize) -> usize {
        let at = self.kept.partition_point(|(excerpt_start, _, _)| *excerpt_start <= offset);
        match at.checked_sub(1).map(|i| self.kept[i]) {
            Some((excerpt_start, start, len)) => start + (offset - excerpt_start).min(len),
            None => 0,
        }
    }
}

/// The parts of a long line to keep: `CONTEXT` bytes around each label point on it (the line's start
/// when none is), merged where they meet, on character boundaries.
fn windows(source: &str, line: Range<usize>, points: &[usize]) -> Vec<Range<usize>> {
    let mut around: Vec<Range<usize>> = points
        .iter()
        .filter(|point| line.contains(point) || **point == line.end)
        .map(|point| point.saturating_sub(CONTEXT).max(line.start)..(point + CONTEXT).min(line.end))
        .collect();
    if around.is_empty() {
        around.push(line.start..(line.start + CONTEXT).min(line.end));
    }
    around.sort_by_key(|window| window.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for window in around {
        let window = crate::text::floor_char_boundary(source, window.start)..ceil_boundary(source, window.end);
        match merged.last_mut() {
            Some(last) if window.start <= last.end => last.end = last.end.max(window.end),
            _ => merged.push(window),
        }
    }
    merged
}

fn ceil_boundary(source: &str, mut offset: usize) -> usize {
    while !source.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

impl<'a> Files<'a> for Excerpt<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, Error> {
        Ok(self.line_starts.partition_point(|start| *start <= byte_index).saturating_sub(1))
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, Error> {
        Ok(self.first_line + line_index + 1)
    }

    fn column_number(&'a self, (): (), _line_index: usize, byte_index: usize) -> Result<usize, Error> {
        Ok(self.file.index.line_col(self.file.source, self.in_file(byte_index)).column)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        let start = *self
            .line_starts
            .get(line_index)
            .ok_or(Error::LineTooLarge { given: line_index, max: self.line_starts.len().saturating_sub(1) })?;
        let end = self.line_starts.get(line_index + 1).copied().unwrap_or(self.text.len());
        Ok(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Severity;
    use crate::report::{tty, FileReport};
    use crate::text::Span;

    fn finding(span: Span) -> Diagnostic {
        Diagnostic {
            code: "DL3000",
            name: "test",
            severity: Severity::Warning,
            span,
            message: "here".to_owned(),
            help: None,
            fix: None,
            related: Vec::new(),
        }
    }

    fn snippet(source: &str, span: Span) -> String {
        let report =
            FileReport { path: "Dockerfile".to_owned(), source: source.to_owned(), diagnostics: vec![finding(span)] };
        tty::entries(&SortedFile::new(&report), tty::Style::default()).concat()
    }

    #[test]
    fn a_finding_on_a_long_line_shows_a_window_with_the_file_position() {
        let source = format!("FROM a\nRUN {}écho target {}\n", "x".repeat(5_000), "y".repeat(5_000));
        let at = source.find("target").unwrap();
        let out = snippet(&source, Span::new(at, at + 6));
        assert!(out.contains(&format!("Dockerfile:2:{}", source[7..at].chars().count() + 1)), "{out}");
        assert!(out.contains("écho target"), "{out}");
        assert!(out.len() < 1_000, "{} bytes:\n{out}", out.len());
        assert!(out.contains(&format!("{CUT}{}", "x".repeat(10))), "{out}");
        assert!(out.contains("^^^^^^"), "{out}");
    }

    #[test]
    fn short_lines_print_whole() {
        let source = "FROM a\nRUN echo hi\n";
        let out = snippet(source, Span::new(7, 18));
        assert!(out.contains("RUN echo hi") && !out.contains(CUT), "{out}");
    }

    #[test]
    fn windows_split_on_characters_and_merge() {
        let source = "é".repeat(400);
        let windows = windows(&source, 0..source.len(), &[1, 3, 500]);
        assert_eq!(windows.len(), 2);
        assert!(windows.iter().all(|w| source.is_char_boundary(w.start) && source.is_char_boundary(w.end)));
    }
}
