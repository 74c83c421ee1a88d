//! `textDocument/completion`: [`ide::completion`]'s items as protocol items, each with a text edit over
//! the word it replaces; snippets only for clients that take them.

use super::convert::{to_offset, to_range};
use crate::ide::completion::{self, CompletionKind};
use crate::ide::Analysis;
use crate::text::LineIndex;
use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionItemTag, CompletionTextEdit, Documentation, InsertTextFormat,
    MarkupContent, MarkupKind, Position, TextEdit,
};

/// The characters after which an editor should ask for completions without being told to.
pub const TRIGGER_CHARACTERS: [&str; 5] = ["$", "{", "-", "=", ","];

pub fn answer(text: &str, position: Position, snippets: bool) -> Vec<CompletionItem> {
    let index = LineIndex::new(text);
    let offset = to_offset(&index, text, position);
    let items = completion::complete(&Analysis::new(text), offset);
    items
        .into_iter()
        .enumerate()
        .map(|(order, item)| {
            let (new_text, format) = match item.snippet {
                Some(snippet) if snippets => (snippet, InsertTextFormat::SNIPPET),
                _ => (item.insert, InsertTextFormat::PLAIN_TEXT),
            };
            CompletionItem {
                kind: Some(kind(item.kind)),
                detail: item.detail,
                documentation: item
                    .documentation
                    .map(|value| Documentation::MarkupContent(MarkupContent { kind: MarkupKind::Markdown, value })),
                // Keep the order the items were found in: scope before predefined names, and so on.
                sort_text: Some(format!("{order:04}")),
                insert_text_format: Some(format),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                    range: to_range(&index, text, item.replace),
                    new_text,
                })),
                tags: item.deprecated.then(|| vec![CompletionItemTag::DEPRECATED]),
                label: item.label,
                ..CompletionItem::default()
            }
        })
        .collect()
}

fn kind(kind: CompletionKind) -> CompletionItemKind {
    match kind {
        CompletionKind::Keyword => CompletionItemKind::KEYWORD,
        CompletionKind::Directive => CompletionItemKind::PROPERTY,
        CompletionKind::Flag => CompletionItemKind::FIELD,
        CompletionKind::Value => CompletionItemKind::VALUE,
        CompletionKind::Stage => CompletionItemKind::MODULE,
        CompletionKind::Variable => CompletionItemKind::VARIABLE,
        CompletionKind::Rule => CompletionItemKind::CONSTANT,
    }
}
