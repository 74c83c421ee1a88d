//! The language server (`dlint lsp`), over standard input and output. The only module that uses LSP types
//! and UTF-16 positions: `convert` turns core spans and diagnostics into LSP ones and applies edits,
//! `server` is the one routing point, and each feature has a file of its own that converts the answer of
//! its pure counterpart in [`crate::ide`].

mod actions;
mod completion;
mod convert;
mod docs;
mod folding;
mod format;
mod framing;
mod hover;
mod links;
mod navigation;
mod server;
mod symbols;
mod tokens;

pub use convert::{apply_change, to_lsp_diagnostic, to_offset, to_range, to_span};

/// Serve the Language Server Protocol on standard input and output until the client says exit; returns
/// the process exit code. `config`, when given, is the one config file for every document (the client
/// can change it through its settings); otherwise each document gets its nearest dlint.toml.
pub fn run(config: Option<std::path::PathBuf>) -> u8 {
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("dlint: cannot start the language server: {error}");
            return 2;
        }
    };
    runtime.block_on(server::serve(config));
    // The guard may still be waiting on standard input, which the client can keep open after `exit`.
    runtime.shutdown_background();
    0
}
