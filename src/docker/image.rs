//! What the built image holds, read from its saved form (`docker save`): each layer's files, mapped to
//! the instruction that made the layer through the image's history. Pure over the archive's bytes.

use bollard::models::ImageConfig;
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Read};

/// A file of interest in a layer: a secret, a build tool, a cache.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundFile {
    pub path: String,
    /// What it is, as a message says it ("an SSH private key").
    pub what: &'static str,
}

#[derive(Clone, Debug, Default)]
pub struct Layer {
    /// Bytes of the regular files it adds.
    pub size: u64,
    pub secrets: Vec<FoundFile>,
    pub leftovers: Vec<FoundFile>,
    /// Paths this layer deletes (whiteouts); a directory's contents go with it.
    pub deleted: Vec<String>,
    /// Directories whose earlier contents this layer hides (opaque whiteouts).
    pub emptied: Vec<String>,
}

/// One history entry of the image config, oldest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryEntry {
    pub created_by: String,
    /// Whether the entry made a filesystem layer (the rest only changed the config).
    pub layer: bool,
}

#[derive(Debug, Default)]
pub struct SavedImage {
    /// In order, base layers first.
    pub layers: Vec<Layer>,
    pub history: Vec<HistoryEntry>,
    /// The image config (env, user, exposed ports, health check, stop signal) as the image itself
    /// records it: engines' inspect answers may leave parts out (Podman 4 omits the health check).
    pub config: ImageConfig,
}

impl SavedImage {
    /// For each layer, the history entry that made it (matched in order; `None` when they disagree).
    pub fn layer_history(&self) -> Vec<Option<usize>> {
        let made: Vec<usize> = (0..self.history.len()).filter(|&i| self.history[i].layer).collect();
        (0..self.layers.len()).map(|l| if made.len() == self.layers.len() { Some(made[l]) } else { None }).collect()
    }

    /// Leftovers still visible in the final filesystem, each with the layer that added it.
    pub fn visible_leftovers(&self) -> Vec<(usize, &FoundFile)> {
        let mut present: BTreeMap<&str, (usize, &FoundFile)> = BTreeMap::new();
        for (index, layer) in self.layers.iter().enumerate() {
            for gone in layer.deleted.iter().chain(&layer.emptied) {
                let inside = format!("{gone}/");
                present.retain(|path, _| path != gone && !path.starts_with(&inside));
            }
            for leftover in &layer.leftovers {
                present.insert(&leftover.path, (index, leftover));
            }
        }
        present.into_values().collect()
    }
}

/// Largest file whose content is read to judge it (a key or a config with a token).
const READ_LIMIT: u64 = 64 * 1024;

/// Reads a `docker save` archive (legacy layout or OCI): the manifest names the config and the layer
/// archives in order.
pub fn read_saved(archive: impl Read) -> io::Result<SavedImage> {
    let mut small: HashMap<String, Vec<u8>> = HashMap::new();
    let mut scanned: HashMap<String, Layer> = HashMap::new();
    let mut outer = tar::Archive::new(archive);
    for entry in outer.entries()? {
        let mut entry = entry?;
        let name = entry.path()?.to_string_lossy().into_owned();
        let mut head = Vec::with_capacity(512);
        (&mut entry).take(512).read_to_end(&mut head)?;
        if is_tar_header(&head) {
            let layer = scan_layer(io::Cursor::new(head).chain(entry))?;
            scanned.insert(name, layer);
        } else if entry.header().size()? <= 16 * 1024 * 1024 {
            entry.read_to_end(&mut head)?;
            small.insert(name, head);
        }
    }
    let invalid = |what: &str| io::Error::new(io::ErrorKind::InvalidData, format!("saved image: {what}"));
    let manifest: serde_json::Value =
        serde_json::from_slice(small.get("manifest.json").ok_or_else(|| invalid("no manifest.json"))?)
            .map_err(|e| invalid(&e.to_string()))?;
    let first = manifest.get(0).ok_or_else(|| invalid("empty manifest"))?;
    let config_path = first["Config"].as_str().ok_or_else(|| invalid("no config"))?;
    let config: serde_json::Value =
        serde_json::from_slice(small.get(config_path).ok_or_else(|| invalid("config missing"))?)
            .map_err(|e| invalid(&e.to_string()))?;
    let mut image = SavedImage::default();
    for path in first["Layers"].as_array().into_iter().flatten().filter_map(|p| p.as_str()) {
        // The same layer may appear twice (identical content); it is scanned once.
        let layer = scanned.get(path).cloned().unwrap_or_default();
        image.layers.push(layer);
    }
    for entry in config["history"].as_array().into_iter().flatten() {
        image.history.push(HistoryEntry {
            created_by: entry["created_by"].as_str().unwrap_or("").to_owned(),
            layer: !entry["empty_layer"].as_bool().unwrap_or(false),
        });
    }
    image.config = serde_json::from_value(config["config"].clone()).map_err(|e| invalid(&e.to_string()))?;
    Ok(image)
}

fn is_tar_header(block: &[u8]) -> bool {
    block.len() == 512 && &block[257..262] == b"ustar"
}

fn scan_layer(reader: impl Read) -> io::Result<Layer> {
    let mut layer = Layer::default();
    let mut git_dirs: Vec<String> = Vec::new();
    let mut archive = tar::Archive::new(reader);
    for entry in archive.entries()? {
        let mut entry = entry?;
        let path = entry.path()?.to_string_lossy().trim_start_matches("./").trim_end_matches('/').to_owned();
        let (dir, name) = path.rsplit_once('/').unwrap_or(("", &path));
        if name == ".wh..wh..opq" {
            layer.emptied.push(dir.to_owned());
            continue;
        }
        if let Some(deleted) = name.strip_prefix(".wh.") {
            layer.deleted.push(if dir.is_empty() { deleted.to_owned() } else { format!("{dir}/{deleted}") });
            continue;
        }
        let kind = entry.header().entry_type();
        if let Some(git) = git_dir(&path) {
            if !git_dirs.iter().any(|g| g == git) {
                git_dirs.push(git.to_owned());
                layer
                    .secrets
                    .push(FoundFile { path: git.to_owned(), what: "a git repository (its history may hold secrets)" });
            }
            continue;
        }
        if let Some(what) = leftover(&path, kind) {
            layer.leftovers.push(FoundFile { path: path.clone(), what });
        }
        if !kind.is_file() {
            continue;
        }
        let size = entry.header().size()?;
        layer.size += size;
        if let Some(test) = secret_candidate(name) {
            let mut content = Vec::new();
            if size <= READ_LIMIT {
                entry.read_to_end(&mut content)?;
            }
            if let Some(what) = test(&String::from_utf8_lossy(&content)) {
                layer.secrets.push(FoundFile { path, what });
            }
        }
    }
    Ok(layer)
}

fn git_dir(path: &str) -> Option<&str> {
    if path == ".git" || path.starts_with(".git/") {
        return Some(".git");
    }
    path.find("/.git/").or_else(|| path.ends_with("/.git").then(|| path.len() - 5)).map(|at| &path[..at + 5])
}

type ContentTest = fn(&str) -> Option<&'static str>;

/// Which files are judged, by name; the test looks at the content (empty when too large to read).
fn secret_candidate(name: &str) -> Option<ContentTest> {
    let env_example = [".example", ".sample", ".template", ".dist"].iter().any(|s| name.ends_with(s));
    if name == ".env" || (name.starts_with(".env.") && !env_example) {
        return Some(|_| Some("an environment file"));
    }
    if ["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"].iter().any(|key| name.starts_with(key)) && !name.ends_with(".pub")
    {
        return Some(|_| Some("an SSH private key"));
    }
    if [".pem", ".key", ".p8"].iter().any(|s| name.ends_with(s)) {
        return Some(|text| text.contains("PRIVATE KEY-----").then_some("a private key"));
    }
    if name.starts_with("credentials") && name.ends_with(".json") {
        return Some(|_| Some("a credentials file"));
    }
    match name {
        "credentials" => Some(|text| text.contains("aws_secret_access_key").then_some("AWS credentials")),
        ".npmrc" => Some(|text| {
            ["_authToken", "_auth=", "_password"].iter().any(|k| text.contains(k)).then_some("an npm auth token")
        }),
        ".pypirc" => Some(|text| text.contains("password").then_some("a PyPI password")),
        ".git-credentials" => Some(|_| Some("git credentials")),
        ".netrc" => Some(|text| text.contains("password").then_some("a .netrc password")),
        "config.json" => Some(|text| text.contains("\"auth\"").then_some("registry credentials")),
        _ => None,
    }
}

/// Compilers and package caches, by path.
fn leftover(path: &str, kind: tar::EntryType) -> Option<&'static str> {
    let (dir, name) = path.rsplit_once('/')?;
    let file_or_link = kind.is_file() || kind.is_symlink() || kind.is_hard_link();
    if matches!(dir, "bin" | "usr/bin" | "usr/local/bin") && file_or_link {
        let versioned = |base: &str| name == base || name.strip_prefix(base).is_some_and(|v| v.starts_with('-'));
        if ["gcc", "g++", "clang", "c++"].iter().any(|b| versioned(b)) || name == "cc" {
            return Some("a C/C++ compiler");
        }
        if name == "make" {
            return Some("make");
        }
    }
    if !kind.is_file() {
        return None;
    }
    if path.starts_with("var/lib/apt/lists/") && name != "lock" && !path.contains("/partial/") {
        return Some("APT package lists");
    }
    if path.starts_with("var/cache/apt/archives/") && name.ends_with(".deb") {
        return Some("downloaded .deb packages");
    }
    if path.starts_with("root/.cache/pip/") || path.contains("/.cache/pip/") {
        return Some("the pip cache");
    }
    if path.starts_with("var/cache/apk/") {
        return Some("the apk cache");
    }
    if path.starts_with("root/.npm/_cacache/") {
        return Some("the npm cache");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer_tar(files: &[(&str, &str)]) -> Vec<u8> {
        let mut builder = tar::Builder::new(Vec::new());
        for (path, content) in files {
            let mut header = tar::Header::new_ustar();
            header.set_size(content.len() as u64);
            header.set_mode(0o644);
            header.set_cksum();
            builder.append_data(&mut header, path, content.as_bytes()).unwrap();
        }
        builder.into_inner().unwrap()
    }

    fn saved(layers: &[Vec<u8>], history: &str) -> Vec<u8> {
        let mut builder = tar::Builder::new(Vec::new());
        let mut add = |path: &str, data: &[u8]| {
            let mut header = tar::Header::new_ustar();
            header.set_size(data.len() as u64);
            header.set_mode(0o644);
            header.set_cksum();
            builder.append_data(&mut header, path, data).unwrap();
        };
        let names: Vec<String> = (0..layers.len()).map(|i| format!("l{i}/layer.tar")).collect();
        for (name, layer) in names.iter().zip(layers) {
            add(name, layer);
        }
        let config = format!(r#"{{"config": {{"Env": ["PATH=/bin", "API_TOKEN=x"]}}, "history": {history}}}"#);
        add("c.json", config.as_bytes());
        let manifest = serde_json::json!([{"Config": "c.json", "Layers": names}]).to_string();
        add("manifest.json", manifest.as_bytes());
        builder.into_inner().unwrap()
    }

    #[test]
    fn layers_secrets_leftovers_and_whiteouts() {
        let base = layer_tar(&[("bin/sh", "x"), ("usr/bin/gcc", "elf")]);
        let copy = layer_tar(&[
            ("app/.env", "TOKEN=1"),
            ("app/.env.example", "TOKEN="),
            ("app/key.pem", "-----BEGIN RSA PRIVATE KEY-----"),
            ("app/cert.pem", "-----BEGIN CERTIFICATE-----"),
            ("app/.git/HEAD", "ref"),
            ("app/.git/config", "x"),
        ]);
        let run =
            layer_tar(&[("usr/bin/.wh.gcc", ""), ("var/lib/apt/lists/deb_dists", "x"), ("var/lib/apt/lists/lock", "")]);
        let history = r#"[{"created_by": "base"}, {"created_by": "ENV", "empty_layer": true}, {"created_by": "COPY"}, {"created_by": "RUN"}]"#;
        let image = read_saved(io::Cursor::new(saved(&[base, copy, run], history))).unwrap();
        assert_eq!(image.layers.len(), 3);
        assert_eq!(image.layer_history(), vec![Some(0), Some(2), Some(3)]);
        let secrets: Vec<&str> = image.layers[1].secrets.iter().map(|s| s.path.as_str()).collect();
        assert_eq!(secrets, vec!["app/.env", "app/key.pem", "app/.git"]);
        assert_eq!(image.layers[0].size, 4);
        // gcc was removed by the last layer; the apt lists it added stay.
        let visible: Vec<(usize, &str)> = image.visible_leftovers().into_iter().map(|(l, x)| (l, x.what)).collect();
        assert_eq!(visible, vec![(2, "APT package lists")]);
        assert_eq!(image.config.env, Some(vec!["PATH=/bin".to_owned(), "API_TOKEN=x".to_owned()]));
    }
}
