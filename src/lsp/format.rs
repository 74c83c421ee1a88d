//! Document and range formatting: the protocol's options and range in, [`crate::ide::format`]'s edits out.

use super::convert::{to_range, to_span};
use crate::ide::format::{format_range, FormatOptions};
use crate::text::{LineIndex, Span};
use tower_lsp_server::ls_types::{FormattingOptions, Range, TextEdit};

/// The edits that format `text`, or only the instructions `range` touches.
pub fn formatting(text: &str, options: &FormattingOptions, range: Option<Range>) -> Vec<TextEdit> {
    let index = LineIndex::new(text);
    let span = range.map_or(Span::new(0, text.len()), |range| to_span(&index, text, range));
    format_range(text, span, &format_options(options))
        .into_iter()
        .map(|edit| TextEdit::new(to_range(&index, text, edit.span), edit.replacement))
        .collect()
}

fn format_options(options: &FormattingOptions) -> FormatOptions {
    // Clients send the last three only when the user set them; without them the formatter's rules hold.
    let rule = FormatOptions::default();
    FormatOptions {
        tab_size: options.tab_size,
        insert_spaces: options.insert_spaces,
        trim_trailing_whitespace: options.trim_trailing_whitespace.unwrap_or(rule.trim_trailing_whitespace),
        insert_final_newline: options.insert_final_newline.unwrap_or(rule.insert_final_newline),
        trim_final_newlines: options.trim_final_newlines.unwrap_or(rule.trim_final_newlines),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::Position;

    fn options(tab_size: u32, insert_final_newline: Option<bool>) -> FormattingOptions {
        FormattingOptions { tab_size, insert_spaces: true, insert_final_newline, ..FormattingOptions::default() }
    }

    #[test]
    fn edits_come_in_utf16_ranges_with_the_clients_options() {
        let text = "LABEL a=\"😀\" \\\n b=c";
        let edits = formatting(text, &options(2, Some(false)), None);
        let indentation = Range { start: Position::new(1, 0), end: Position::new(1, 1) };
        assert_eq!(edits, vec![TextEdit::new(indentation, "  ".to_owned())]);
        let edits = formatting(text, &options(2, None), None);
        assert_eq!(
            edits[1],
            TextEdit::new(Range { start: Position::new(1, 4), end: Position::new(1, 4) }, "\n".into())
        );
    }

    #[test]
    fn range_formatting_leaves_other_instructions() {
        let text = "run a\nrun b\n";
        let second_line = Range { start: Position::new(1, 0), end: Position::new(1, 1) };
        let edits = formatting(text, &options(4, None), Some(second_line));
        assert_eq!(
            edits,
            vec![TextEdit::new(Range { start: Position::new(1, 0), end: Position::new(1, 3) }, "RUN".into())]
        );
    }
}
