//! Definition, references, highlights and rename: positions to offsets for [`crate::ide::navigation`],
//! its spans back to locations and edits.

use super::convert::{to_offset, to_range};
use crate::ide::navigation::{self, Access};
use crate::ide::Analysis;
use crate::text::{LineIndex, Span};
use std::collections::HashMap;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;

/// The byte offset of a position inside the text; `None` for positions past a line's or the text's end.
fn offset_of(index: &LineIndex, text: &str, position: Position) -> Option<usize> {
    let offset = to_offset(index, text, position);
    (to_range(index, text, Span::empty(offset)).start == position).then_some(offset)
}

pub fn definition(text: &str, uri: Uri, position: Position) -> Option<GotoDefinitionResponse> {
    let index = LineIndex::new(text);
    let target = navigation::definition(&Analysis::new(text), offset_of(&index, text, position)?)?;
    Some(GotoDefinitionResponse::Scalar(Location { uri, range: to_range(&index, text, target) }))
}

pub fn references(text: &str, uri: Uri, position: Position, include_declaration: bool) -> Option<Vec<Location>> {
    let index = LineIndex::new(text);
    let offset = offset_of(&index, text, position)?;
    let found = navigation::references(&Analysis::new(text), offset, include_declaration);
    Some(found.into_iter().map(|span| Location { uri: uri.clone(), range: to_range(&index, text, span) }).collect())
}

pub fn highlights(text: &str, position: Position) -> Option<Vec<DocumentHighlight>> {
    let index = LineIndex::new(text);
    let offset = offset_of(&index, text, position)?;
    let kind = |access| match access {
        Access::Read => DocumentHighlightKind::READ,
        Access::Write => DocumentHighlightKind::WRITE,
    };
    let found = navigation::highlights(&Analysis::new(text), offset);
    let highlights = found
        .into_iter()
        .map(|(span, access)| DocumentHighlight { range: to_range(&index, text, span), kind: Some(kind(access)) });
    Some(highlights.collect())
}

pub fn prepare_rename(text: &str, position: Position) -> Result<Option<PrepareRenameResponse>> {
    let index = LineIndex::new(text);
    let Some(offset) = offset_of(&index, text, position) else { return Ok(None) };
    let span = navigation::prepare_rename(&Analysis::new(text), offset).map_err(Error::invalid_params)?;
    Ok(Some(PrepareRenameResponse::Range(to_range(&index, text, span))))
}

pub fn rename(text: &str, uri: Uri, position: Position, new_name: &str) -> Result<Option<WorkspaceEdit>> {
    let index = LineIndex::new(text);
    let Some(offset) = offset_of(&index, text, position) else { return Ok(None) };
    let edits = navigation::rename(&Analysis::new(text), offset, new_name).map_err(Error::invalid_params)?;
    let edits =
        edits.into_iter().map(|(span, new_text)| TextEdit { range: to_range(&index, text, span), new_text }).collect();
    Ok(Some(WorkspaceEdit { changes: Some(HashMap::from([(uri, edits)])), ..WorkspaceEdit::default() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_past_the_text_find_nothing() {
        let text = "FROM a AS b\nCOPY --from=b / /";
        let index = LineIndex::new(text);
        assert_eq!(offset_of(&index, text, Position::new(1, 13)), Some(25));
        assert_eq!(offset_of(&index, text, Position::new(1, 99)), None);
        assert_eq!(offset_of(&index, text, Position::new(5, 0)), None);
        assert!(highlights(text, Position::new(9, 0)).is_none());
        assert_eq!(highlights(text, Position::new(1, 13)).map(|h| h.len()), Some(2));
    }
}
