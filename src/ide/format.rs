//! Formatting as small whitespace and keyword-case edits, so editors keep cursors and folds.
//!
//! Keywords (with FROM's `AS`, HEALTHCHECK's `CMD`/`NONE` and ONBUILD's trigger) are upper-cased, one
//! space follows the keyword, instructions start at column 0, continuation lines get one indentation
//! level (nested levels are kept relative to it), trailing blanks go, and the file ends with one newline.
//!
//! Only whitespace Docker and the shell ignore is changed: blanks after a line's escape character, at
//! the end of an instruction, and at the start of a continuation line where a word already ends there
//! outside any quote. Heredoc bodies, instructions with syntax errors, and continuation lines inside
//! quoted strings or in values Docker takes verbatim (legacy `ENV key value`, WORKDIR, USER...) are left
//! as written.

use super::Analysis;
use crate::lint::Edit;
use crate::syntax::lines::{continuations, instruction_end, join_lines, logical_line_end};
use crate::syntax::{Body, Command, Instruction};
use crate::text::{line_start, Span};

/// How to format, as the editor asks for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatOptions {
    /// Columns of one indentation level and of a tab.
    pub tab_size: u32,
    pub insert_spaces: bool,
    pub trim_trailing_whitespace: bool,
    pub insert_final_newline: bool,
    pub trim_final_newlines: bool,
}

impl Default for FormatOptions {
    fn default() -> Self {
        FormatOptions {
            tab_size: 4,
            insert_spaces: true,
            trim_trailing_whitespace: true,
            insert_final_newline: true,
            trim_final_newlines: true,
        }
    }
}

/// The edits that format the whole text, sorted and non-overlapping.
pub fn format(source: &str, options: &FormatOptions) -> Vec<Edit> {
    format_range(source, Span::new(0, source.len()), options)
}

/// The edits that format the instructions (and comment and blank lines) `range` touches.
pub fn format_range(source: &str, range: Span, options: &FormatOptions) -> Vec<Edit> {
    let analysis = Analysis::new(source);
    let model = analysis.model();
    let escape = model.escape();
    let mut formatter = Formatter { source, options, escape, edits: Vec::new() };
    let mut covered = Vec::new();
    // Where the previous instruction's lines end by Docker's rules.
    let mut reach = 0;
    for (index, instruction) in analysis.file.instructions.iter().enumerate() {
        let start = instruction.span.start;
        let first_line = line_start(source, start);
        let end = logical_line_end(source, start, escape);
        // Where the parser and Docker's line rules disagree (the parser ends an instruction on a line
        // Docker continues), neither instruction is touched.
        let continued = index > 0 && start <= reach;
        let overruns = analysis.file.instructions.get(index + 1).is_some_and(|next| next.span.start <= end);
        reach = reach.max(end);
        if !source[first_line..start].chars().all(is_blank) || continued || overruns {
            continue;
        }
        let owner = Span::new(first_line, end);
        covered.push(owner);
        let quoting = quoting(source, instruction, escape, model.runs_posix_shell(index));
        formatter.instruction(owner, instruction, quoting);
    }
    formatter.other_lines(&covered);
    formatter.file_end();
    let protected = protected_regions(&analysis, escape);
    let mut edits: Vec<Edit> = formatter
        .edits
        .into_iter()
        .filter(|(owner, edit)| {
            owner.start <= range.end && range.start <= owner.end && !touches_protected(&protected, edit.span)
        })
        .map(|(_, edit)| edit)
        .collect();
    edits.sort();
    edits
}

/// Text no edit may change: heredoc bodies (with their closing lines) and instructions with syntax errors.
struct Protected {
    span: Span,
    /// It runs to the end of the text unclosed, so appending there would change it too.
    open_ended: bool,
}

impl Protected {
    fn touched_by(&self, edit: Span) -> bool {
        if edit.is_empty() {
            (self.span.start < edit.start && edit.start < self.span.end)
                || (self.open_ended && edit.start == self.span.end)
        } else {
            edit.start < self.span.end && self.span.start < edit.end
        }
    }
}

fn protected_regions(analysis: &Analysis, escape: char) -> Vec<Protected> {
    let source = analysis.source;
    let mut regions = Vec::new();
    let mut heredocs = |instruction: &Instruction| {
        for heredoc in instruction.heredocs() {
            let open_ended = heredoc.body.end == heredoc.span.end;
            regions.push(Protected { span: heredoc.span, open_ended });
        }
    };
    for instruction in &analysis.file.instructions {
        heredocs(instruction);
        if let Body::Onbuild(inner) = &instruction.body {
            heredocs(inner);
        }
    }
    for error in &analysis.file.errors {
        let start = line_start(source, error.span.start.min(source.len()));
        let end = instruction_end(source, start, escape).max(error.span.end).min(source.len());
        let end = line_content_end(source, line_start(source, end));
        regions.push(Protected { span: Span::new(start, end), open_ended: end == source.len() });
    }
    // Disjoint and sorted, so an edit's neighbours are found by binary search.
    regions.sort_by_key(|region| region.span.start);
    let mut merged: Vec<Protected> = Vec::with_capacity(regions.len());
    for region in regions {
        match merged.last_mut() {
            Some(last) if region.span.start < last.span.end => {
                last.open_ended = if region.span.end > last.span.end { region.open_ended } else { last.open_ended };
                last.span = last.span.join(region.span);
            }
            _ => merged.push(region),
        }
    }
    merged
}

fn touches_protected(protected: &[Protected], edit: Span) -> bool {
    let first = protected.partition_point(|region| region.span.end < edit.start);
    protected[first..].iter().take_while(|region| region.span.start <= edit.end).any(|region| region.touched_by(edit))
}

/// How Docker, or the shell it hands the text to, reads quotes in an instruction's arguments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quoting {
    /// A POSIX shell: `'...'`, `"..."`, `$'...'`, backslash escapes, `$(...)`, `${...}` and backticks.
    Shell,
    /// Docker's own word splitting: `'...'`, `"..."`, `${...}` and the escape character.
    Docker,
    /// A JSON array: `"..."` strings with backslash escapes.
    Json,
}

/// `None` where blanks inside the arguments are part of a value (legacy `ENV key value`, WORKDIR, USER,
/// STOPSIGNAL, MAINTAINER) or the shell is not one whose quoting we know (PowerShell, cmd).
fn quoting(source: &str, instruction: &Instruction, escape: char, posix_shell: bool) -> Option<Quoting> {
    let arguments_start = instruction.flags.last().map_or(instruction.keyword_span.end, |flag| flag.span.end);
    let is_json =
        |span: Span| serde_json::from_str::<Vec<String>>(join_lines(span.slice(source), escape).trim()).is_ok();
    let arguments = Span::new(arguments_start, instruction.span.end.max(arguments_start));
    match &instruction.body {
        Body::Command(Command::Exec { span, .. }) | Body::Healthcheck(Some(Command::Exec { span, .. }))
            if is_json(*span) =>
        {
            Some(Quoting::Json)
        }
        Body::Command(_) | Body::Healthcheck(Some(_)) => posix_shell.then_some(Quoting::Shell),
        Body::Files { json: true, .. } | Body::Paths { json: true, .. } | Body::Shell(_) if is_json(arguments) => {
            Some(Quoting::Json)
        }
        Body::Pairs(pairs) if pairs.iter().any(|pair| pair.legacy) => None,
        Body::Text(_) | Body::Path(_) | Body::User { .. } => None,
        Body::Onbuild(inner) => quoting(source, inner, escape, posix_shell),
        _ => Some(Quoting::Docker),
    }
}

struct Formatter<'a> {
    source: &'a str,
    options: &'a FormatOptions,
    escape: char,
    /// Each edit with the span of what it formats (instruction, line, file end), for range formatting.
    edits: Vec<(Span, Edit)>,
}

/// A line after a continuation, with its indentation.
struct Continued {
    indentation: Span,
    /// Whether its indentation may change: a word ends there outside quotes, so only the blanks' count
    /// changes, which Docker and the shell ignore.
    movable: bool,
    /// Comment lines Docker drops just before it: they follow its indentation.
    comments: Vec<Span>,
}

impl Formatter<'_> {
    fn edit(&mut self, owner: Span, span: Span, replacement: &str) {
        if span.slice(self.source) != replacement {
            self.edits.push((owner, Edit::replace(span, replacement)));
        }
    }

    fn instruction(&mut self, owner: Span, instruction: &Instruction, quoting: Option<Quoting>) {
        let source = self.source;
        self.edit(owner, Span::new(owner.start, instruction.span.start), "");
        self.keywords(owner, instruction);
        let mut continued = Vec::new();
        let regions = continuations(&source[instruction.span.start..owner.end], self.escape);
        let joins = join_states(source, instruction.span.start, owner.end, &regions, quoting, self.escape);
        for (region, join) in regions.iter().zip(joins) {
            let region = region.shift(instruction.span.start);
            let mut comments = Vec::new();
            let mut line = next_line(source, region.start);
            while line < region.end {
                if source[line..].trim_start_matches(is_blank).starts_with('#') {
                    comments.push(leading_blanks(source, line));
                }
                line = next_line(source, line);
            }
            if region.end >= owner.end {
                continue;
            }
            let indentation = leading_blanks(source, region.end);
            let movable = join.plain && (!indentation.is_empty() || join.after_blank);
            continued.push(Continued { indentation, movable, comments });
        }
        self.indent(owner, &continued);
        if self.options.trim_trailing_whitespace {
            let mut line = owner.start;
            while line <= owner.end && line < source.len() {
                self.edit(owner, trailing_blanks(source, line), "");
                line = next_line(source, line);
            }
        }
    }

    /// Upper-cases the keywords and leaves one space after the instruction's keyword.
    fn keywords(&mut self, owner: Span, instruction: &Instruction) {
        let source = self.source;
        let upper = |span: Span| span.slice(source).to_ascii_uppercase();
        self.edit(owner, instruction.keyword_span, &upper(instruction.keyword_span));
        let gap = leading_blanks(source, instruction.keyword_span.end);
        if !gap.is_empty() && !source[gap.end..].starts_with(['\r', '\n']) && gap.end < source.len() {
            self.edit(owner, gap, " ");
        }
        let after_flags = instruction.flags.last().map_or(instruction.keyword_span.end, |flag| flag.span.end);
        let inner_keyword = match &instruction.body {
            Body::From { image, alias: Some(alias) } => {
                sole_word(source, Span::new(image.span.end, alias.span.start), "AS", self.escape)
            }
            Body::Healthcheck(Some(command)) => {
                sole_word(source, Span::new(after_flags, command.span().start), "CMD", self.escape)
            }
            Body::Healthcheck(None) => sole_word(source, Span::new(after_flags, owner.end), "NONE", self.escape),
            Body::Onbuild(inner) => {
                self.keywords(owner, inner);
                None
            }
            _ => None,
        };
        if let Some(word) = inner_keyword {
            self.edit(owner, word, &upper(word));
        }
    }

    /// Gives the least indented movable continuation line one level and shifts the others with it.
    fn indent(&mut self, owner: Span, continued: &[Continued]) {
        let tab_size = self.options.tab_size.clamp(1, 16) as usize;
        let width = |span: Span| {
            span.slice(self.source).chars().fold(0, |column, c| match c {
                '\t' => (column / tab_size + 1) * tab_size,
                _ => column + 1,
            })
        };
        let least = continued.iter().filter(|line| line.movable).map(|line| width(line.indentation)).min();
        for line in continued {
            let indentation = match least {
                Some(least) if line.movable => self.render(width(line.indentation) - least + tab_size, tab_size),
                _ => line.indentation.slice(self.source).to_owned(),
            };
            self.edit(owner, line.indentation, &indentation);
            for comment in &line.comments {
                self.edit(owner, *comment, &indentation);
            }
        }
    }

    fn render(&self, width: usize, tab_size: usize) -> String {
        if self.options.insert_spaces {
            " ".repeat(width)
        } else {
            format!("{}{}", "\t".repeat(width / tab_size), " ".repeat(width % tab_size))
        }
    }

    /// Comment and blank lines outside instructions: comments start at column 0, trailing blanks go.
    /// Lines after the last content are left to [`Formatter::file_end`] when it trims them.
    fn other_lines(&mut self, covered: &[Span]) {
        let source = self.source;
        let tail = self.options.trim_final_newlines.then(|| tail_start(source)).flatten();
        let mut covered = covered.iter().peekable();
        let mut line = 0;
        while line < source.len() && tail.is_none_or(|tail| line < tail) {
            let span = Span::new(line, line_content_end(source, line));
            while covered.next_if(|owner| owner.end < span.start).is_some() {}
            let inside = covered.peek().is_some_and(|owner| owner.start <= span.end);
            let content = span.slice(source).trim_matches(is_blank);
            if !inside && (content.is_empty() || content.starts_with('#')) {
                if content.starts_with('#') {
                    self.edit(span, leading_blanks(source, line), "");
                }
                if self.options.trim_trailing_whitespace {
                    self.edit(span, trailing_blanks(source, line), "");
                }
            }
            line = next_line(source, line);
        }
    }

    /// Exactly one newline after the last content: blank lines after it go, a missing one is added.
    fn file_end(&mut self) {
        let source = self.source;
        let content_end = source.trim_end_matches(|c| is_blank(c) || c == '\r' || c == '\n').len();
        if content_end == 0 {
            return;
        }
        let owner = Span::new(content_end, source.len());
        match tail_start(source) {
            Some(tail) if self.options.trim_final_newlines => self.edit(owner, Span::new(tail, source.len()), ""),
            Some(_) => {}
            None if self.options.insert_final_newline => {
                let newline = if source.contains("\r\n") { "\r\n" } else { "\n" };
                self.edit(owner, Span::empty(source.len()), newline);
            }
            None => {}
        }
    }
}

/// Where the lines after the last line with content start; `None` when that line has no newline.
fn tail_start(source: &str) -> Option<usize> {
    let content_end = source.trim_end_matches(|c| is_blank(c) || c == '\r' || c == '\n').len();
    source[content_end..].find('\n').map(|at| content_end + at + 1)
}

/// What the text looks like where a continuation joins two lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct JoinState {
    /// Outside quotes, substitutions and expansions, and not after an escape character.
    plain: bool,
    /// The character before the join is a blank that separates words.
    after_blank: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Frame {
    Single,
    Double,
    AnsiC,
    Backtick,
    /// `$(...)` with its open parentheses.
    Substitution(u32),
    /// `${...}` with its open braces.
    Expansion(u32),
    JsonString,
}

/// The state at each continuation region of `[start, end)` (regions relative to `start`), reading the
/// text as Docker joins it. Without a known quoting no join is plain.
fn join_states(
    source: &str,
    start: usize,
    end: usize,
    regions: &[Span],
    quoting: Option<Quoting>,
    docker_escape: char,
) -> Vec<JoinState> {
    let Some(quoting) = quoting else { return vec![JoinState::default(); regions.len()] };
    let escape = if quoting == Quoting::Docker { docker_escape } else { '\\' };
    let text = &source[start..end];
    let mut joined: Vec<char> = Vec::with_capacity(text.len());
    let mut joins = Vec::with_capacity(regions.len());
    let mut at = 0;
    for region in regions {
        joined.extend(text[at..region.start].chars());
        joins.push(joined.len());
        at = region.end;
    }
    let mut states = Vec::with_capacity(joins.len());
    let mut stack: Vec<Frame> = Vec::new();
    // The next character is taken as it is: escaped, or the second of a two-character opener.
    let mut literal_next = false;
    let mut after_blank = false;
    let mut joins = joins.into_iter().peekable();
    for (i, &c) in joined.iter().enumerate() {
        while joins.next_if(|&join| join == i).is_some() {
            states.push(JoinState { plain: stack.is_empty() && !literal_next, after_blank });
        }
        let next = joined.get(i + 1).copied();
        after_blank = false;
        if std::mem::take(&mut literal_next) {
            continue;
        }
        let top = stack.last().copied();
        match (quoting, top, c) {
            (Quoting::Json, None, '"') => stack.push(Frame::JsonString),
            (Quoting::Json, Some(_), '"') => {
                stack.pop();
            }
            (Quoting::Json, Some(_), '\\') => literal_next = true,
            (Quoting::Json, ..) => after_blank = top.is_none() && is_blank(c),
            (_, Some(Frame::Single), '\'') | (_, Some(Frame::AnsiC), '\'') | (_, Some(Frame::Double), '"') => {
                stack.pop();
            }
            (_, Some(Frame::Single), _) => {}
            (_, Some(Frame::AnsiC | Frame::Double), c) if c == escape => literal_next = true,
            (_, Some(Frame::Double), '$') if next == Some('{') || (quoting == Quoting::Shell && next == Some('(')) => {
                stack.push(if next == Some('(') { Frame::Substitution(1) } else { Frame::Expansion(1) });
                literal_next = true;
            }
            (Quoting::Shell, Some(Frame::Double), '`') => stack.push(Frame::Backtick),
            (_, Some(Frame::AnsiC | Frame::Double | Frame::JsonString), _) => {}
            // Code: outside quotes, or inside a substitution, an expansion or backticks.
            (_, _, c) if c == escape => literal_next = true,
            (_, _, '\'') => stack.push(Frame::Single),
            (_, _, '"') => stack.push(Frame::Double),
            (_, _, '$') if matches!(next, Some('{')) => {
                stack.push(Frame::Expansion(1));
                literal_next = true;
            }
            (Quoting::Shell, _, '$') if matches!(next, Some('(' | '\'' | '"')) => {
                stack.push(match next {
                    Some('(') => Frame::Substitution(1),
                    Some('\'') => Frame::AnsiC,
                    _ => Frame::Double,
                });
                literal_next = true;
            }
            (Quoting::Shell, Some(Frame::Backtick), '`') => {
                stack.pop();
            }
            (Quoting::Shell, _, '`') => stack.push(Frame::Backtick),
            (_, Some(Frame::Substitution(depth)), '(' | ')') | (_, Some(Frame::Expansion(depth)), '{' | '}') => {
                let depth = if matches!(c, '(' | '{') { depth + 1 } else { depth - 1 };
                stack.pop();
                match top {
                    _ if depth == 0 => {}
                    Some(Frame::Substitution(_)) => stack.push(Frame::Substitution(depth)),
                    _ => stack.push(Frame::Expansion(depth)),
                }
            }
            _ => after_blank = top.is_none() && is_blank(c),
        }
    }
    for _ in joins {
        states.push(JoinState { plain: stack.is_empty() && !literal_next, after_blank });
    }
    states
}

/// The span of `word` (any case) when it is the only word in `gap`, skipping continuations and the
/// comment lines they carry.
fn sole_word(source: &str, gap: Span, word: &str, escape: char) -> Option<Span> {
    let text = source.get(gap.start..gap.end)?;
    let mut at = 0;
    let mut words = Vec::new();
    for region in continuations(text, escape).into_iter().chain([Span::empty(text.len())]) {
        let piece = &text[at..region.start];
        let start = piece.len() - piece.trim_start().len();
        if !piece.trim().is_empty() {
            words.push(Span::new(at + start, at + piece.trim_end().len()).shift(gap.start));
        }
        at = region.end;
    }
    match words.as_slice() {
        [only] if only.slice(source).eq_ignore_ascii_case(word) => Some(*only),
        _ => None,
    }
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

fn next_line(source: &str, line: usize) -> usize {
    source[line..].find('\n').map_or(source.len(), |at| line + at + 1)
}

/// Where the line's content ends: before its `\n` or `\r\n`.
fn line_content_end(source: &str, line: usize) -> usize {
    let end = source[line..].find('\n').map_or(source.len(), |at| line + at);
    if end > line && source.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

fn leading_blanks(source: &str, at: usize) -> Span {
    let blanks = source[at..].len() - source[at..].trim_start_matches(is_blank).len();
    Span::new(at, at + blanks)
}

fn trailing_blanks(source: &str, line: usize) -> Span {
    let end = line_content_end(source, line);
    Span::new(source[line..end].trim_end_matches(is_blank).len() + line, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Fix;

    /// The formatted text; also checks that the edits apply together and that formatting again
    /// changes nothing.
    fn formatted_with(source: &str, options: &FormatOptions) -> String {
        let edits = format(source, options);
        let (out, applied) = crate::fix::apply_fixes(source, [&Fix::safe("Format", edits.clone())]);
        assert!(edits.is_empty() || applied == 1, "edits overlap: {edits:?}");
        assert_eq!(format(&out, options), vec![], "formatting is idempotent: {out:?}");
        out
    }

    fn formatted(source: &str) -> String {
        formatted_with(source, &FormatOptions::default())
    }

    #[test]
    fn upper_cases_keywords_and_leaves_one_space_after_them() {
        let source = "from alpine as build\nrun    echo  a\nonbuild\trun  make\nhealthcheck --interval=5s cmd curl x\n\
                      Healthcheck none\ncopy\ta b\n";
        assert_eq!(
            formatted(source),
            "FROM alpine AS build\nRUN echo  a\nONBUILD RUN make\nHEALTHCHECK --interval=5s CMD curl x\n\
             HEALTHCHECK NONE\nCOPY a b\n"
        );
    }

    #[test]
    fn edits_are_small() {
        let source = "run a \\\n  b\n";
        let edits = format(source, &FormatOptions::default());
        assert_eq!(edits, vec![Edit::replace(Span::new(0, 3), "RUN"), Edit::replace(Span::new(8, 10), "    ")]);
    }

    #[test]
    fn instructions_and_comments_start_at_column_zero() {
        assert_eq!(formatted("  FROM a\n   # note\n\tRUN b\n"), "FROM a\n# note\nRUN b\n");
    }

    #[test]
    fn continuation_lines_get_one_level_and_keep_nesting() {
        assert_eq!(formatted("RUN a \\\n  && b \\\n  && c\n"), "RUN a \\\n    && b \\\n    && c\n");
        let nested = "RUN set -eux; \\\n\tif true; then \\\n\t\techo; \\\n\tfi\n";
        assert_eq!(formatted(nested), "RUN set -eux; \\\n    if true; then \\\n        echo; \\\n    fi\n");
        assert_eq!(formatted("FROM a \\\n  as b\n"), "FROM a \\\n    AS b\n");
    }

    #[test]
    fn honours_tab_size_and_tabs() {
        let source = "RUN a \\\n        b \\\n            c\n";
        let two = FormatOptions { tab_size: 2, ..FormatOptions::default() };
        assert_eq!(formatted_with(source, &two), "RUN a \\\n  b \\\n      c\n");
        let tabs = FormatOptions { insert_spaces: false, ..FormatOptions::default() };
        assert_eq!(formatted_with(source, &tabs), "RUN a \\\n\tb \\\n\t\tc\n");
    }

    #[test]
    fn removes_trailing_blanks_outside_heredocs() {
        let source = "FROM a   \nRUN b \\   \n    c  \n# x  \n  \nRUN <<EOF  \n  echo hi   \n\n   \nEOF\n";
        assert_eq!(formatted(source), "FROM a\nRUN b \\\n    c\n# x\n\nRUN <<EOF\n  echo hi   \n\n   \nEOF\n");
        let keep = FormatOptions { trim_trailing_whitespace: false, ..FormatOptions::default() };
        assert_eq!(formatted_with("run a  \n", &keep), "RUN a  \n");
    }

    #[test]
    fn heredoc_bodies_stay_as_written() {
        let source = "copy <<-EOT /x\n\tfoo  \n  bar\n\tEOT\nrun <<A cat <<B\n run  \nA\n\n  \nB\n";
        assert_eq!(formatted(source), "COPY <<-EOT /x\n\tfoo  \n  bar\n\tEOT\nRUN <<A cat <<B\n run  \nA\n\n  \nB\n");
        assert_eq!(formatted("RUN <<EOF\necho   \n\n\n"), "RUN <<EOF\necho   \n\n\n");
        assert_eq!(formatted("RUN <<EOF\necho   "), "RUN <<EOF\necho   ");
    }

    #[test]
    fn broken_instructions_stay_as_written() {
        let source = "FROM a\ncopy   onlyone   \nrun   x  \nFOO  bar \\\n  baz  \n";
        assert_eq!(formatted(source), "FROM a\ncopy   onlyone   \nRUN x\nFOO  bar \\\n  baz  \n");
    }

    #[test]
    fn lines_inside_quotes_keep_their_indentation() {
        let source = "RUN echo \"a \\\n   b\" \\\n  && echo 'c \\\n  d' \\\n  && echo $'e\\'f \\\n g' \"$(h \\\n i)\" \\\n  && j\n";
        let expected = "RUN echo \"a \\\n   b\" \\\n    && echo 'c \\\n  d' \\\n    && echo $'e\\'f \\\n g' \"$(h \\\n i)\" \\\n    && j\n";
        assert_eq!(formatted(source), expected);
        let env = "ENV A=\"x \\\n  y\" \\\n  B=${C:-\"d \\\n e\"}\n";
        assert_eq!(formatted(env), "ENV A=\"x \\\n  y\" \\\n    B=${C:-\"d \\\n e\"}\n");
    }

    #[test]
    fn words_are_never_split_or_joined() {
        // `a\` + `b` is the word `ab`; after an escaped backslash the first blank is escaped.
        assert_eq!(formatted("RUN echo a\\\nb \\\nc\n"), "RUN echo a\\\nb \\\n    c\n");
        assert_eq!(formatted("RUN echo a\\\\\n\tb\n"), "RUN echo a\\\\\n\tb\n");
    }

    #[test]
    fn instructions_the_parser_splits_where_docker_continues_stay_as_written() {
        let source = "HEALTHCHECK --timeout=10s\\\n    cmd curl x\n";
        assert_eq!(formatted(source), source);
    }

    #[test]
    fn json_arguments_keep_their_strings() {
        let source = "CMD [\"a\", \\\n\"b \\\n c\"]\n";
        assert_eq!(formatted(source), "CMD [\"a\", \\\n    \"b \\\n c\"]\n");
    }

    #[test]
    fn verbatim_values_and_unknown_shells_keep_their_indentation() {
        assert_eq!(formatted("ENV LIST a \\\n  b\n"), "ENV LIST a \\\n  b\n");
        assert_eq!(formatted("ENV A=1 \\\n  B=2\n"), "ENV A=1 \\\n    B=2\n");
        let powershell = "FROM a\nSHELL [\"pwsh\", \"-c\"]\nRUN Write-Host \\\n  x\n";
        assert_eq!(formatted(powershell), powershell);
    }

    #[test]
    fn backtick_escape_continues_lines() {
        let source = "# escape=`\nfrom a\nrun echo c:\\ `\n  d:\\\n";
        assert_eq!(formatted(source), "# escape=`\nFROM a\nRUN echo c:\\ `\n    d:\\\n");
    }

    #[test]
    fn comments_in_continuations_stay_and_follow_the_next_line() {
        let source = "RUN a \\\n# note  \n  && b \\\n\n      # other\n  && c\n";
        assert_eq!(formatted(source), "RUN a \\\n    # note\n    && b \\\n\n    # other\n    && c\n");
    }

    #[test]
    fn ends_with_one_newline_as_asked() {
        assert_eq!(formatted("FROM a"), "FROM a\n");
        assert_eq!(formatted("FROM a\n\n  \n"), "FROM a\n");
        assert_eq!(formatted("FROM a\r\nRUN b  \r\n\r\n"), "FROM a\r\nRUN b\r\n");
        let no_insert = FormatOptions { insert_final_newline: false, ..FormatOptions::default() };
        assert_eq!(formatted_with("FROM a", &no_insert), "FROM a");
        let no_trim = FormatOptions { trim_final_newlines: false, ..FormatOptions::default() };
        assert_eq!(formatted_with("FROM a\n\n \n", &no_trim), "FROM a\n\n\n");
    }

    #[test]
    fn range_formatting_touches_only_the_instructions_in_range() {
        let source = "run a\nrun   b \\\n c\nrun d  \n";
        let start = source.find("run   b").unwrap();
        let edits = format_range(source, Span::new(start + 2, start + 4), &FormatOptions::default());
        let (out, _) = crate::fix::apply_fixes(source, [&Fix::safe("Format", edits)]);
        assert_eq!(out, "run a\nRUN b \\\n    c\nrun d  \n");
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for source in ["", "\n", "  \n\n", "RUN \\", "RUN a \\\n", "é", "\r", "FROM \\\n\\\n", "ONBUILD", "RUN <<", "#"]
        {
            formatted(source);
        }
        assert_eq!(formatted("LABEL x=\"é\" \\\n  y=ü"), "LABEL x=\"é\" \\\n    y=ü\n");
    }
}
