//! The protocol routing: open documents, re-lint on every change, publish diagnostics.

use super::convert::{apply_change, to_lsp_diagnostic};
use super::{folding, links, navigation, symbols, tokens};
use crate::config::{ConfigSource, KnownRules, Overrides, Resolver};
use crate::lint::Settings;
use crate::text::LineIndex;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

pub async fn serve() {
    let (service, socket) = LspService::new(Backend::new);
    Server::new(tokio::io::stdin(), tokio::io::stdout(), socket).serve(service).await;
}

pub(super) struct Document {
    version: i32,
    pub(super) text: String,
    /// The findings last published for `text`.
    pub(super) diagnostics: Vec<crate::Diagnostic>,
}

struct Backend {
    client: Client,
    documents: Mutex<HashMap<Uri, Document>>,
    /// Config discovery as the CLI does it; `None` if even the defaults could not be set up.
    resolver: Mutex<Option<Resolver>>,
}

impl Backend {
    fn new(client: Client) -> Self {
        let resolver = Resolver::new(ConfigSource::Discover, Overrides::default(), KnownRules::registry()).ok();
        Backend { client, documents: Mutex::default(), resolver: Mutex::new(resolver) }
    }

    /// Settings for a document: its file's config, or the defaults for other URIs and broken configs.
    fn settings_for(&self, uri: &Uri) -> (Arc<Settings>, Option<String>) {
        let defaults = || Arc::new(Settings::default());
        let Some(path) = uri.to_file_path() else { return (defaults(), None) };
        let mut resolver = self.resolver.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match resolver.as_mut().map(|resolver| resolver.settings_for(&path)) {
            Some(Ok(settings)) => (settings, None),
            Some(Err(error)) => (defaults(), Some(error.to_string())),
            None => (defaults(), None),
        }
    }

    /// Runs `answer` on an open document; `None` for documents that are not open.
    fn read<R>(&self, uri: &Uri, answer: impl FnOnce(&Document) -> R) -> Option<R> {
        let documents = self.documents.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        documents.get(uri).map(answer)
    }

    /// Lint the document's current text and publish what was found.
    async fn lint(&self, uri: Uri) {
        let (settings, config_error) = self.settings_for(&uri);
        let found = {
            let mut documents = self.documents.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            let Some(document) = documents.get_mut(&uri) else { return };
            document.diagnostics = crate::lint_source(&document.text, &settings);
            let index = LineIndex::new(&document.text);
            let diagnostics = document
                .diagnostics
                .iter()
                .map(|diagnostic| to_lsp_diagnostic(&index, &document.text, diagnostic))
                .collect();
            (diagnostics, document.version)
        };
        if let Some(error) = config_error {
            self.client.log_message(MessageType::WARNING, format!("dlint: {error}; using the defaults")).await;
        }
        self.client.publish_diagnostics(uri, found.0, Some(found.1)).await;
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, _: InitializeParams) -> Result<InitializeResult> {
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "dlint".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
            capabilities: ServerCapabilities {
                text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::INCREMENTAL)),
                document_symbol_provider: Some(OneOf::Left(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: WorkDoneProgressOptions::default(),
                })),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                document_link_provider: Some(DocumentLinkOptions {
                    resolve_provider: Some(false),
                    work_done_progress_options: WorkDoneProgressOptions::default(),
                }),
                semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
                    SemanticTokensOptions {
                        legend: tokens::legend(),
                        range: Some(true),
                        full: Some(SemanticTokensFullOptions::Bool(true)),
                        work_done_progress_options: WorkDoneProgressOptions::default(),
                    },
                )),
                ..ServerCapabilities::default()
            },
            ..InitializeResult::default()
        })
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        let opened = Document { version: document.version, text: document.text, diagnostics: Vec::new() };
        self.documents.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).insert(document.uri.clone(), opened);
        self.lint(document.uri).await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        {
            let mut documents = self.documents.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            let Some(document) = documents.get_mut(&uri) else { return };
            for change in params.content_changes {
                apply_change(&mut document.text, change);
            }
            document.version = params.text_document.version;
        }
        self.lint(uri).await;
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        Ok(self.read(&params.text_document.uri, |document| symbols::document_symbols(&document.text)))
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        let TextDocumentPositionParams { text_document, position } = params.text_document_position_params;
        let uri = text_document.uri;
        Ok(self.read(&uri, |document| navigation::definition(&document.text, uri.clone(), position)).flatten())
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let TextDocumentPositionParams { text_document, position } = params.text_document_position;
        let (uri, declaration) = (text_document.uri, params.context.include_declaration);
        let answer = |document: &Document| navigation::references(&document.text, uri.clone(), position, declaration);
        Ok(self.read(&uri, answer).flatten())
    }

    async fn document_highlight(&self, params: DocumentHighlightParams) -> Result<Option<Vec<DocumentHighlight>>> {
        let TextDocumentPositionParams { text_document, position } = params.text_document_position_params;
        Ok(self.read(&text_document.uri, |document| navigation::highlights(&document.text, position)).flatten())
    }

    async fn prepare_rename(&self, params: TextDocumentPositionParams) -> Result<Option<PrepareRenameResponse>> {
        let answer = |document: &Document| navigation::prepare_rename(&document.text, params.position);
        self.read(&params.text_document.uri, answer).unwrap_or(Ok(None))
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let TextDocumentPositionParams { text_document, position } = params.text_document_position;
        let uri = text_document.uri;
        let answer = |document: &Document| navigation::rename(&document.text, uri.clone(), position, &params.new_name);
        self.read(&uri, answer).unwrap_or(Ok(None))
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        Ok(self.read(&params.text_document.uri, |document| folding::folding_ranges(&document.text)))
    }

    async fn document_link(&self, params: DocumentLinkParams) -> Result<Option<Vec<DocumentLink>>> {
        Ok(self.read(&params.text_document.uri, |document| links::document_links(&document.text)))
    }

    async fn semantic_tokens_full(&self, params: SemanticTokensParams) -> Result<Option<SemanticTokensResult>> {
        let answer = |document: &Document| SemanticTokensResult::Tokens(tokens::semantic_tokens(&document.text, None));
        Ok(self.read(&params.text_document.uri, answer))
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> Result<Option<SemanticTokensRangeResult>> {
        let answer = |document: &Document| {
            SemanticTokensRangeResult::Tokens(tokens::semantic_tokens(&document.text, Some(params.range)))
        };
        Ok(self.read(&params.text_document.uri, answer))
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let removed = self.documents.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).remove(&uri);
        if removed.is_some() {
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }
}
