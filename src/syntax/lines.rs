//! Line-level facts Docker applies before parsing: line continuations, and splitting text into
//! logical instructions (used to recover from syntax errors one instruction at a time).

use crate::text::Span;

/// Spans Docker removes when it joins continued lines: the escape character, blanks after it, the
/// newline, and any empty or comment lines that follow.
pub fn continuations(text: &str, escape: char) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut regions = Vec::new();
    let mut line_start = 0;
    while line_start < bytes.len() {
        let line_end = memchr_newline(bytes, line_start);
        if let Some(escape_at) = continuation_escape(&text[line_start..line_end], escape) {
            let start = line_start + escape_at;
            let mut end = (line_end + 1).min(bytes.len());
            while end < bytes.len() {
                let next_end = memchr_newline(bytes, end);
                let trimmed = text[end..next_end].trim_start();
                if trimmed.is_empty() || trimmed.starts_with('#') {
                    end = (next_end + 1).min(bytes.len());
                } else {
                    break;
                }
            }
            regions.push(Span::new(start, end));
            line_start = end;
        } else {
            line_start = line_end + 1;
        }
    }
    regions
}

/// Offset of the escape character that continues `line` (blanks may follow it), if any.
fn continuation_escape(line: &str, escape: char) -> Option<usize> {
    let trimmed = line.trim_end_matches([' ', '\t', '\r']);
    trimmed.ends_with(escape).then(|| trimmed.len() - escape.len_utf8())
}

/// Empty (blank) lines inside continued instructions, each span from its start to its newline:
/// Docker skips them today but warns that they will become errors. Comment lines are not counted,
/// nor blank lines after a final escape with nothing left to continue.
pub fn empty_continuation_lines(text: &str, escape: char) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for region in continuations(text, escape) {
        if region.end >= bytes.len() {
            continue;
        }
        let mut line_start = memchr_newline(bytes, region.start) + 1;
        while line_start < region.end {
            let line_end = memchr_newline(bytes, line_start);
            if text[line_start..line_end].trim().is_empty() {
                out.push(Span::new(line_start, line_end));
            }
            line_start = line_end + 1;
        }
    }
    out
}

fn memchr_newline(bytes: &[u8], from: usize) -> usize {
    bytes[from..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| from + i)
}

/// The text as Docker sees it after joining continued lines.
pub fn join_lines(text: &str, escape: char) -> String {
    if !text.contains('\n') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for region in continuations(text, escape) {
        out.push_str(&text[at..region.start]);
        at = region.end;
    }
    out.push_str(&text[at..]);
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChunkKind {
    Instruction,
    Comment,
}

/// Splits text into logical lines: instructions (with their continuation lines and heredoc bodies)
/// and standalone comments. Blank lines are skipped.
pub fn split_logical(text: &str, escape: char) -> Vec<(ChunkKind, Span)> {
    let bytes = text.as_bytes();
    let mut chunks = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        let line_end = memchr_newline(bytes, pos);
        let line = &text[pos..line_end];
        let trimmed = line.trim_start();
        if trimmed.trim_end().is_empty() {
            pos = line_end + 1;
            continue;
        }
        let content_start = pos + (line.len() - trimmed.len());
        if trimmed.starts_with('#') {
            chunks.push((ChunkKind::Comment, Span::new(content_start, line_end)));
            pos = line_end + 1;
            continue;
        }
        let end = instruction_end(text, content_start, escape);
        chunks.push((ChunkKind::Instruction, Span::new(content_start, end)));
        pos = end + 1;
    }
    chunks
}

/// Where the instruction starting at `start` ends by Docker's line rules: its continued lines and,
/// for RUN, COPY, ADD and ONBUILD, the heredoc bodies that follow.
pub fn instruction_end(text: &str, start: usize, escape: char) -> usize {
    let end = logical_line_end(text, start, escape);
    let keyword = text[start..].split_whitespace().next().unwrap_or("");
    let takes_heredocs = ["RUN", "COPY", "ADD", "ONBUILD"].iter().any(|k| k.eq_ignore_ascii_case(keyword));
    let end = match takes_heredocs {
        true => heredoc_bodies(text, end, &heredoc_markers(&text[start..end])).last().map_or(end, |b| b.1.end),
        false => end,
    };
    end.min(text.len())
}

/// Where the logical line starting at `from` ends: continued lines (and the blank and comment lines
/// they carry over) are followed; the offset is that of the final newline, or the text's end.
pub fn logical_line_end(text: &str, from: usize, escape: char) -> usize {
    let bytes = text.as_bytes();
    let mut line_from = from;
    let mut end = memchr_newline(bytes, from);
    while continuation_escape(&text[line_from..end], escape).is_some() && end < bytes.len() {
        let mut next = end + 1;
        while next < bytes.len() {
            let next_end = memchr_newline(bytes, next);
            let t = text[next..next_end].trim_start();
            if t.is_empty() || t.starts_with('#') {
                next = next_end + 1;
            } else {
                break;
            }
        }
        if next >= bytes.len() {
            break;
        }
        line_from = next;
        end = memchr_newline(bytes, next);
    }
    end
}

/// The bodies of `markers`' heredocs, read line by line from the newline at `line_end`: for each,
/// the body span (its lines, newlines included) and the span through its closing delimiter.
pub fn heredoc_bodies(text: &str, line_end: usize, markers: &[HeredocMarker]) -> Vec<(Span, Span)> {
    let bytes = text.as_bytes();
    let mut bodies = Vec::new();
    let mut end = line_end;
    for marker in markers {
        let start = end;
        let body_start = (end + 1).min(bytes.len());
        let mut body_end = body_start;
        while end < bytes.len() {
            let line_start = end + 1;
            let line_stop = memchr_newline(bytes, line_start);
            end = line_stop;
            let line = text[line_start..line_stop].trim_end_matches('\r');
            let line = if marker.strip_tabs { line.trim_start_matches('\t') } else { line };
            if line == marker.delimiter {
                body_end = line_start;
                break;
            }
            body_end = (line_stop + 1).min(bytes.len());
        }
        bodies.push((Span::new(body_start, body_end.max(body_start)), Span::new(start, end.min(bytes.len()))));
    }
    bodies
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeredocMarker {
    pub span: Span,
    pub delimiter: String,
    pub strip_tabs: bool,
    pub quoted: bool,
}

/// Heredoc markers (`<<EOF`, `<<-"EOF"`) in one line of an instruction, offsets relative to `line`.
pub fn heredoc_markers(line: &str) -> Vec<HeredocMarker> {
    let bytes = line.as_bytes();
    let mut markers = Vec::new();
    let mut i = 0;
    while i + 2 < bytes.len() {
        if &bytes[i..i + 2] != b"<<" || (i > 0 && bytes[i - 1] == b'<') {
            i += 1;
            continue;
        }
        let mut j = i + 2;
        let strip_tabs = bytes.get(j) == Some(&b'-');
        if strip_tabs {
            j += 1;
        }
        let quote = bytes.get(j).copied().filter(|b| *b == b'"' || *b == b'\'');
        if quote.is_some() {
            j += 1;
        }
        let name_start = j;
        while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
            j += 1;
        }
        if j == name_start || (quote.is_some() && bytes.get(j).copied() != quote) {
            i = j.max(i + 2);
            continue;
        }
        let delimiter = line[name_start..j].to_string();
        if quote.is_some() {
            j += 1;
        }
        markers.push(HeredocMarker { span: Span::new(i, j), delimiter, strip_tabs, quoted: quote.is_some() });
        i = j;
    }
    markers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_continuations_and_drops_comment_lines() {
        let text = "a \\\n  # note\n\n  b \\  \n c";
        assert_eq!(join_lines(text, '\\'), "a   b  c");
        assert_eq!(join_lines("x `\ny", '`'), "x y");
        assert_eq!(join_lines("x \\\ny", '`'), "x \\\ny");
    }

    #[test]
    fn finds_empty_continuation_lines() {
        let text = "RUN a \\\n\n  # note\n  \n  b\nRUN c \\\n\n";
        let lines: Vec<_> = empty_continuation_lines(text, '\\').into_iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(lines, vec![(8, 8), (18, 20)]);
    }

    #[test]
    fn splits_instructions_with_heredocs() {
        let text = "# c\nRUN a \\\n  b\n\nRUN <<EOF\nx\nEOF\nCOPY <<-A /d\n\tA\nFOO";
        let chunks: Vec<_> = split_logical(text, '\\').into_iter().map(|(k, s)| (k, s.slice(text))).collect();
        assert_eq!(
            chunks,
            vec![
                (ChunkKind::Comment, "# c"),
                (ChunkKind::Instruction, "RUN a \\\n  b"),
                (ChunkKind::Instruction, "RUN <<EOF\nx\nEOF"),
                (ChunkKind::Instruction, "COPY <<-A /d\n\tA"),
                (ChunkKind::Instruction, "FOO"),
            ]
        );
    }

    #[test]
    fn finds_heredoc_markers() {
        let m = heredoc_markers("cat <<-'EOT' <<B x<<<y");
        assert_eq!(m.len(), 2);
        assert_eq!((m[0].delimiter.as_str(), m[0].strip_tabs, m[0].quoted), ("EOT", true, true));
        assert_eq!((m[1].delimiter.as_str(), m[1].span), ("B", Span::new(13, 16)));
    }
}
