//! `textDocument/hover`: the position to a byte offset, [`ide::hover`]'s markdown and span back.

use super::convert::{to_offset, to_range};
use super::server::Document;
use crate::ide::{self, Analysis};
use crate::text::LineIndex;
use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

pub fn answer(document: &Document, position: Position) -> Option<Hover> {
    let text = &document.text;
    let index = LineIndex::new(text);
    let offset = to_offset(&index, text, position);
    let found = ide::hover::hover(&Analysis::new(text), &document.diagnostics, offset)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: found.markdown }),
        range: Some(to_range(&index, text, found.span)),
    })
}
