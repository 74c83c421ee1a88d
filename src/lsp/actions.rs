//! Code actions: the findings' fixes and suppressions as quick fixes, and `source.fixAll.dlint`.

use super::convert::{to_lsp_diagnostic, to_range, to_span};
use super::server::Document;
use crate::fix::{fix_source, FixOptions};
use crate::ide::{actions, Analysis};
use crate::lint::{Edit, Settings};
use crate::text::LineIndex;
use std::collections::HashMap;
use tower_lsp_server::ls_types::*;

/// The kind of the action that applies every safe fix in the file.
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.dlint")
}

pub fn code_actions(
    document: &Document,
    uri: &Uri,
    params: &CodeActionParams,
    settings: &Settings,
) -> Vec<CodeActionOrCommand> {
    let text = document.text.as_str();
    let index = LineIndex::new(text);
    let wants = |kind: &CodeActionKind| {
        params.context.only.as_ref().is_none_or(|only| {
            only.iter().any(|asked| {
                kind.as_str() == asked.as_str() || kind.as_str().starts_with(&format!("{}.", asked.as_str()))
            })
        })
    };
    let edit = |edits: &[Edit]| {
        let changes = edits.iter().map(|e| TextEdit::new(to_range(&index, text, e.span), e.replacement.clone()));
        WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), changes.collect())])), ..WorkspaceEdit::default() }
    };
    let mut out = Vec::new();
    if wants(&CodeActionKind::QUICKFIX) {
        let analysis = Analysis::new(text);
        let range = to_span(&index, text, params.range);
        for action in actions::actions(&analysis, &document.diagnostics, range) {
            let diagnostic = to_lsp_diagnostic(&index, text, uri, &document.diagnostics[action.diagnostic]);
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: action.title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic]),
                edit: Some(edit(&action.edits)),
                is_preferred: action.preferred.then_some(true),
                ..CodeAction::default()
            }));
        }
    }
    // Editors ask for actions on every cursor move: run the fix loop only when a safe fix exists.
    let safe = FixOptions::default();
    if wants(&fix_all_kind()) && document.diagnostics.iter().any(|d| safe.accepts(d)) {
        let fixed = fix_source(text, settings, &safe).text;
        if let Some(change) = actions::fix_all(text, &fixed) {
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: "Fix all safely fixable dlint findings".to_owned(),
                kind: Some(fix_all_kind()),
                edit: Some(edit(&[change])),
                ..CodeAction::default()
            }));
        }
    }
    out
}
