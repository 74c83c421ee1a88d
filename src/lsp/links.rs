//! Document links: [`crate::ide::links`] as LSP links.

use super::convert::to_range;
use crate::ide::{links, Analysis};
use crate::text::LineIndex;
use tower_lsp_server::ls_types::DocumentLink;

pub fn document_links(text: &str) -> Vec<DocumentLink> {
    let index = LineIndex::new(text);
    links::document_links(&Analysis::new(text))
        .into_iter()
        .filter_map(|link| {
            Some(DocumentLink {
                range: to_range(&index, text, link.span),
                target: Some(link.target.parse().ok()?),
                tooltip: None,
                data: None,
            })
        })
        .collect()
}
