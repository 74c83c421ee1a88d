//! The protocol routing: open documents, re-lint on every change, diagnostics pushed or pulled as the
//! client prefers, configuration reloaded when it changes, and one method per feature.

use super::actions::{code_actions, fix_all_kind};
use super::convert::{apply_change, config_error_diagnostic, to_lsp_diagnostic};
use super::format::formatting;
use super::framing::{self, INVALID_REQUEST_METHOD, PARSE_ERROR_METHOD};
use super::{folding, links, navigation, symbols, tokens};
use crate::config::{ConfigError, ConfigSource, KnownRules, Overrides, Resolver, FILE_NAMES};
use crate::lint::Settings;
use crate::text::LineIndex;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

pub async fn serve(config: Option<PathBuf>) {
    let (service, socket) = LspService::build(|client| Backend::new(client, config))
        .custom_method(PARSE_ERROR_METHOD, Backend::parse_error)
        .custom_method(INVALID_REQUEST_METHOD, Backend::invalid_request)
        .finish();
    let (guarded, from_guard) = tokio::io::duplex(1 << 16);
    tokio::spawn(framing::guard(tokio::io::stdin(), from_guard));
    Server::new(guarded, tokio::io::stdout(), socket).serve(service).await;
}

pub(super) struct Document {
    version: i32,
    pub(super) text: String,
    /// The findings of `text`, as last linted.
    pub(super) diagnostics: Vec<crate::Diagnostic>,
    /// The last lint's tree and shell scripts, so the next one reparses only what changed.
    cache: crate::DocumentCache,
}

/// What the client told us it can do, read once at initialize.
#[derive(Default)]
struct ClientSupport {
    /// It asks for diagnostics (`textDocument/diagnostic`) instead of waiting for them to be pushed.
    pull_diagnostics: bool,
    /// It can be asked to pull again after the configuration changed.
    diagnostic_refresh: bool,
    /// It lets the server register file watchers for the config files.
    watch_registration: bool,
    /// It takes snippets in completion items.
    snippets: bool,
}

struct Backend {
    client: Client,
    documents: Mutex<HashMap<Uri, Document>>,
    /// Config discovery as the CLI does it, or the one file the client names.
    resolver: Mutex<Resolver>,
    /// The config file the client set (`initializationOptions` or settings: `{"config": PATH}`).
    config_file: Mutex<Option<PathBuf>>,
    /// Config files whose errors are published as their own diagnostics (cleared when mended).
    broken_configs: Mutex<BTreeSet<Uri>>,
    /// Bumped on every configuration change, so pulled results from before it are not reused.
    generation: AtomicU64,
    pull: AtomicBool,
    support: Mutex<ClientSupport>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn resolver(config_file: Option<PathBuf>) -> std::result::Result<Resolver, ConfigError> {
    let source = config_file.map_or(ConfigSource::Discover, ConfigSource::File);
    Resolver::new(source, Overrides::default(), KnownRules::registry())
}

fn defaults() -> Resolver {
    Resolver::new(ConfigSource::Defaults, Overrides::default(), KnownRules::registry())
        .expect("the defaults need no config file")
}

/// The `config` path in initialization options or settings (`{"config": ...}` or `{"dlint": {"config": ...}}`);
/// an empty string means none.
fn config_setting(value: &Value) -> Option<PathBuf> {
    let config = value.get("dlint").unwrap_or(value).get("config")?.as_str()?;
    (!config.is_empty()).then(|| PathBuf::from(config))
}

fn is_config_file(uri: &Uri) -> bool {
    let path = uri.path().as_str();
    FILE_NAMES.iter().any(|name| path.rsplit('/').next() == Some(name))
}

impl Backend {
    fn new(client: Client, config_file: Option<PathBuf>) -> Self {
        Backend {
            client,
            documents: Mutex::default(),
            resolver: Mutex::new(resolver(config_file.clone()).unwrap_or_else(|_| defaults())),
            config_file: Mutex::new(config_file),
            broken_configs: Mutex::default(),
            generation: AtomicU64::new(0),
            pull: AtomicBool::new(false),
            support: Mutex::default(),
        }
    }

    /// Settings for a document: its file's config, or the defaults for other URIs and broken configs.
    fn settings_for(&self, uri: &Uri) -> (Arc<Settings>, Option<ConfigError>) {
        let defaults = || Arc::new(Settings::default());
        let path = uri.to_file_path().map(|path| path.into_owned()).unwrap_or_default();
        if path.as_os_str().is_empty() && lock(&self.config_file).is_none() {
            return (defaults(), None);
        }
        match lock(&self.resolver).settings_for(&path) {
            Ok(settings) => (settings, None),
            Err(error) => (defaults(), Some(error)),
        }
    }

    /// The answer to a frame the guard could not read as JSON.
    async fn parse_error(&self) -> Result<()> {
        Err(Error::parse_error())
    }

    /// The answer to JSON that is not a JSON-RPC 2.0 message.
    async fn invalid_request(&self) -> Result<()> {
        Err(Error::invalid_request())
    }

    /// Runs `answer` on an open document; `None` for documents that are not open.
    fn read<R>(&self, uri: &Uri, answer: impl FnOnce(&Document) -> R) -> Option<R> {
        lock(&self.documents).get(uri).map(answer)
    }

    /// Lints the document's current text and, unless the client pulls, publishes what was found.
    async fn lint(&self, uri: Uri) {
        let (settings, config_error) = self.settings_for(&uri);
        let (published, crashed) = {
            let mut documents = lock(&self.documents);
            let Some(document) = documents.get_mut(&uri) else { return };
            // A bug in one rule must not end the session: the document then shows no findings until it changes.
            let linted = catch_unwind(AssertUnwindSafe(|| {
                crate::lint_source_cached(&document.text, &settings, &document.cache)
            }));
            let crashed = linted.is_err();
            document.diagnostics = linted.unwrap_or_default();
            let published =
                (!self.pull.load(Ordering::Relaxed)).then(|| (lsp_diagnostics(&uri, document), document.version));
            (published, crashed)
        };
        if crashed {
            let message =
                format!("dlint: internal error while linting {}; please report it with the file", uri.as_str());
            self.client.show_message(MessageType::ERROR, message).await;
        }
        self.show_config_error(config_error).await;
        if let Some((diagnostics, version)) = published {
            self.client.publish_diagnostics(uri, diagnostics, Some(version)).await;
        }
    }

    /// A broken config file gets its error as a diagnostic of its own, at the line it names.
    async fn show_config_error(&self, error: Option<ConfigError>) {
        let Some(error) = error else { return };
        let Some(uri) = Uri::from_file_path(&error.path) else { return };
        let first_time = lock(&self.broken_configs).insert(uri.clone());
        if first_time {
            let message = format!("dlint: {error}; linting with the default settings");
            self.client.show_message(MessageType::WARNING, message).await;
        }
        self.client.publish_diagnostics(uri, vec![config_error_diagnostic(&error)], None).await;
    }

    /// After a configuration change: forget cached settings, clear mended config errors, re-lint every
    /// open document, and have pulling clients ask again.
    async fn reload(&self) {
        let config_file = lock(&self.config_file).clone();
        let (fresh, error) = match resolver(config_file) {
            Ok(fresh) => (fresh, None),
            Err(error) => (defaults(), Some(error)),
        };
        *lock(&self.resolver) = fresh;
        self.generation.fetch_add(1, Ordering::Relaxed);
        let cleared = std::mem::take(&mut *lock(&self.broken_configs));
        for uri in cleared {
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
        self.show_config_error(error).await;
        let open: Vec<Uri> = lock(&self.documents).keys().cloned().collect();
        for uri in open {
            self.lint(uri).await;
        }
        let support = lock(&self.support).diagnostic_refresh;
        if self.pull.load(Ordering::Relaxed) && support {
            let _ = self.client.workspace_diagnostic_refresh().await;
        }
    }
}

fn lsp_diagnostics(uri: &Uri, document: &Document) -> Vec<Diagnostic> {
    let index = LineIndex::new(&document.text);
    document.diagnostics.iter().map(|d| to_lsp_diagnostic(&index, &document.text, uri, d)).collect()
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let capabilities = &params.capabilities;
        let text_document = capabilities.text_document.as_ref();
        let workspace = capabilities.workspace.as_ref();
        let support = ClientSupport {
            pull_diagnostics: text_document.is_some_and(|t| t.diagnostic.is_some()),
            diagnostic_refresh: workspace.and_then(|w| w.diagnostics.as_ref()?.refresh_support).unwrap_or(false),
            watch_registration: workspace
                .and_then(|w| w.did_change_watched_files?.dynamic_registration)
                .unwrap_or(false),
            snippets: text_document
                .and_then(|t| t.completion.as_ref()?.completion_item.as_ref()?.snippet_support)
                .unwrap_or(false),
        };
        self.pull.store(support.pull_diagnostics, Ordering::Relaxed);
        let diagnostic_provider = support.pull_diagnostics.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("dlint".to_owned()),
                inter_file_dependencies: false,
                workspace_diagnostics: false,
                ..DiagnosticOptions::default()
            })
        });
        *lock(&self.support) = support;
        if let Some(config) = params.initialization_options.as_ref().and_then(config_setting) {
            *lock(&self.config_file) = Some(config);
            self.reload().await;
        }
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "dlint".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
            capabilities: ServerCapabilities {
                text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::INCREMENTAL)),
                diagnostic_provider,
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, fix_all_kind()]),
                    ..CodeActionOptions::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(super::completion::TRIGGER_CHARACTERS.map(str::to_owned).to_vec()),
                    ..CompletionOptions::default()
                }),
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
                document_formatting_provider: Some(OneOf::Left(true)),
                document_range_formatting_provider: Some(OneOf::Left(true)),
                ..ServerCapabilities::default()
            },
            ..InitializeResult::default()
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        // Writes the rule docs now rather than on the first finding.
        super::docs::rule_doc_uri("");
        if !lock(&self.support).watch_registration {
            return;
        }
        let watchers = FILE_NAMES
            .iter()
            .map(|name| FileSystemWatcher { glob_pattern: GlobPattern::String(format!("**/{name}")), kind: None })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "dlint-config-files".to_owned(),
            method: "workspace/didChangeWatchedFiles".to_owned(),
            register_options: serde_json::to_value(options).ok(),
        };
        if let Err(error) = self.client.register_capability(vec![registration]).await {
            let message = format!("dlint: cannot watch config files ({error}); edits to them apply after a restart");
            self.client.log_message(MessageType::WARNING, message).await;
        }
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let at = params.text_document_position_params;
        Ok(self.read(&at.text_document.uri, |document| super::hover::answer(document, at.position)).flatten())
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let at = params.text_document_position;
        let snippets = lock(&self.support).snippets;
        let items = self
            .read(&at.text_document.uri, |document| super::completion::answer(&document.text, at.position, snippets));
        Ok(items.map(CompletionResponse::Array))
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        let opened = Document {
            version: document.version,
            text: document.text,
            diagnostics: Vec::new(),
            cache: crate::DocumentCache::default(),
        };
        lock(&self.documents).insert(document.uri.clone(), opened);
        self.lint(document.uri).await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        {
            let mut documents = lock(&self.documents);
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
        let removed = lock(&self.documents).remove(&uri);
        if removed.is_some() && !self.pull.load(Ordering::Relaxed) {
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        if params.changes.iter().any(|change| is_config_file(&change.uri)) {
            self.reload().await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let config = config_setting(&params.settings);
        let changed = {
            let mut current = lock(&self.config_file);
            std::mem::replace(&mut *current, config.clone()) != config
        };
        if changed {
            self.reload().await;
        }
    }

    async fn diagnostic(&self, params: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let generation = self.generation.load(Ordering::Relaxed);
        let report = self.read(&uri, |document| {
            let result_id = format!("{generation}.{}", document.version);
            if params.previous_result_id.as_deref() == Some(result_id.as_str()) {
                return DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id },
                });
            }
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: Some(result_id),
                    items: lsp_diagnostics(&uri, document),
                },
            })
        });
        // A document that is not open has nothing to report.
        Ok(DocumentDiagnosticReportResult::Report(
            report.unwrap_or_else(|| DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport::default())),
        ))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = &params.text_document.uri;
        let (settings, _) = self.settings_for(uri);
        Ok(self.read(uri, |document| code_actions(document, uri, &params, &settings)))
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        Ok(self.read(&params.text_document.uri, |document| formatting(&document.text, &params.options, None)))
    }

    async fn range_formatting(&self, params: DocumentRangeFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        let range = Some(params.range);
        Ok(self.read(&params.text_document.uri, |document| formatting(&document.text, &params.options, range)))
    }
}
