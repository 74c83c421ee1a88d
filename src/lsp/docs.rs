//! Rule documentation an editor can open from a finding: the docs built into the binary, written once
//! per version under the user's cache directory, so the link works offline and matches this build.

use crate::rules;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tower_lsp_server::ls_types::Uri;

/// The `file:` URI of a rule's doc, or `None` if the docs could not be written. The first call writes
/// them; later ones only look the link up.
pub fn rule_doc_uri(code: &str) -> Option<Uri> {
    static LINKS: OnceLock<HashMap<&'static str, Uri>> = OnceLock::new();
    let links = LINKS.get_or_init(|| {
        let Ok(dir) = write_docs() else { return HashMap::new() };
        let link = |code: &'static str| Some((code, Uri::from_file_path(dir.join(format!("{code}.md")))?));
        rules::all().filter_map(|rule| link(rule.meta.code)).collect()
    });
    links.get(code).cloned()
}

fn cache_home() -> Option<PathBuf> {
    let absolute = |value: std::ffi::OsString| Some(PathBuf::from(value)).filter(|path| path.is_absolute());
    std::env::var_os("XDG_CACHE_HOME")
        .and_then(absolute)
        .or_else(|| std::env::var_os("HOME").and_then(absolute).map(|home| home.join(".cache")))
}

fn write_docs() -> std::io::Result<PathBuf> {
    let home = cache_home().ok_or_else(|| std::io::Error::other("no cache directory (set XDG_CACHE_HOME or HOME)"))?;
    let dir = home.join("dlint").join(env!("CARGO_PKG_VERSION")).join("rules");
    std::fs::create_dir_all(&dir)?;
    for rule in rules::all() {
        write_if_changed(&dir.join(format!("{}.md", rule.meta.code)), rule.doc)?;
    }
    Ok(dir)
}

/// Writes through a temporary file, so a reader never sees half a doc.
fn write_if_changed(path: &Path, text: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|existing| existing == text) {
        return Ok(());
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut file, text.as_bytes())?;
    file.persist(path).map_err(|error| error.error)?;
    Ok(())
}
