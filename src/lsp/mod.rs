//! The language server (`dlint lsp`), over standard input and output. The only module that uses LSP types
//! and UTF-16 positions: `convert` turns core spans and diagnostics into LSP ones and applies edits,
//! `server` is the one routing point, and each feature has a file of its own that converts the answer of
//! its pure counterpart in [`crate::ide`].

mod convert;
mod server;

pub use convert::{apply_change, to_lsp_diagnostic, to_offset, to_range, to_span};

/// Serve the Language Server Protocol on standard input and output until the client says exit, finding each
/// document's settings with `resolver`; returns the process exit code.
pub fn run(resolver: crate::config::Resolver) -> u8 {
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("dlint: cannot start the language server: {error}");
            return 2;
        }
    };
    runtime.block_on(server::serve(resolver));
    0
}
