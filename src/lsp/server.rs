//! The protocol routing: open documents, re-lint on every change, publish diagnostics.

use super::convert::{apply_change, to_lsp_diagnostic};
use crate::config::Resolver;
use crate::lint::Settings;
use crate::text::LineIndex;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

pub async fn serve(resolver: Resolver) {
    let (service, socket) = LspService::new(|client| Backend::new(client, resolver));
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
    /// Config discovery as the CLI does it, or the one `--config` file.
    resolver: Mutex<Resolver>,
}

impl Backend {
    fn new(client: Client, resolver: Resolver) -> Self {
        Backend { client, documents: Mutex::default(), resolver: Mutex::new(resolver) }
    }

    /// Settings for a document: its file's config, or the defaults for other URIs and broken configs.
    fn settings_for(&self, uri: &Uri) -> (Arc<Settings>, Option<String>) {
        let defaults = || Arc::new(Settings::default());
        let Some(path) = uri.to_file_path() else { return (defaults(), None) };
        let mut resolver = self.resolver.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match resolver.settings_for(&path) {
            Ok(settings) => (settings, None),
            Err(error) => (defaults(), Some(error.to_string())),
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

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let removed = self.documents.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).remove(&uri);
        if removed.is_some() {
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }
}
