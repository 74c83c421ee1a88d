//! The document outline: [`crate::ide::symbols`] with LSP symbol kinds.

use super::convert::to_range;
use crate::ide::symbols::{self, SymbolKind as Kind};
use crate::ide::Analysis;
use crate::syntax::Keyword;
use crate::text::LineIndex;
use tower_lsp_server::ls_types::{DocumentSymbol, DocumentSymbolResponse, SymbolKind};

pub fn document_symbols(text: &str) -> DocumentSymbolResponse {
    let index = LineIndex::new(text);
    DocumentSymbolResponse::Nested(convert(&index, text, symbols::document_symbols(&Analysis::new(text))))
}

fn convert(index: &LineIndex, text: &str, symbols: Vec<symbols::DocumentSymbol>) -> Vec<DocumentSymbol> {
    symbols
        .into_iter()
        .map(|symbol| {
            #[allow(deprecated)] // `deprecated` has no default of its own
            DocumentSymbol {
                name: symbol.name,
                detail: symbol.detail,
                kind: kind(symbol.kind),
                tags: None,
                deprecated: None,
                range: to_range(index, text, symbol.span),
                selection_range: to_range(index, text, symbol.selection),
                children: (!symbol.children.is_empty()).then(|| convert(index, text, symbol.children)),
            }
        })
        .collect()
}

fn kind(kind: Kind) -> SymbolKind {
    let Kind::Instruction(keyword) = kind else { return SymbolKind::MODULE };
    match keyword {
        Keyword::Arg | Keyword::Env => SymbolKind::VARIABLE,
        Keyword::Expose => SymbolKind::NUMBER,
        Keyword::Run | Keyword::Cmd | Keyword::Entrypoint | Keyword::Healthcheck | Keyword::Shell => {
            SymbolKind::FUNCTION
        }
        Keyword::Copy | Keyword::Add | Keyword::Volume | Keyword::Workdir => SymbolKind::FILE,
        Keyword::Onbuild => SymbolKind::EVENT,
        Keyword::From => SymbolKind::MODULE,
        Keyword::Label | Keyword::User | Keyword::Stopsignal | Keyword::Maintainer | Keyword::CrossBuild => {
            SymbolKind::PROPERTY
        }
    }
}
