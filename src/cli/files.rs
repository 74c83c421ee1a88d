//! Finding the files to lint, reading them, and writing fixed text back.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};

#[derive(Debug)]
pub enum Input {
    File(PathBuf),
    Stdin(String),
}

/// A file to lint: where its text comes from, how it is shown, and where config is discovered from.
#[derive(Debug)]
pub struct Target {
    pub input: Input,
    pub shown: String,
    pub config_path: PathBuf,
}

/// Whether a file found in a directory walk is a Dockerfile by its name.
pub fn is_dockerfile_name(name: &str) -> bool {
    ["Dockerfile", "Containerfile"].iter().any(|base| {
        name == *base || name.strip_prefix(base).is_some_and(|rest| rest.starts_with('.') && rest.len() > 1)
    }) || [".Dockerfile", ".dockerfile", ".containerfile"]
        .iter()
        .any(|ext| name.strip_suffix(ext).is_some_and(|stem| !stem.is_empty()))
}

/// The path as the user gave it, relative, with `/` separators and no leading `./`.
pub fn shown(path: &Path) -> String {
    let mut parts = path.components().skip_while(|c| matches!(c, Component::CurDir)).peekable();
    let mut out = String::new();
    while let Some(part) = parts.next() {
        out.push_str(&part.as_os_str().to_string_lossy());
        if parts.peek().is_some() && !matches!(part, Component::RootDir | Component::Prefix(_)) {
            out.push('/');
        }
    }
    out
}

/// Expand the command-line paths into targets, sorted and without duplicates. Paths that cannot be
/// used are returned as error messages.
pub fn collect(paths: &[PathBuf], stdin_filename: &Path) -> (Vec<Target>, Vec<String>) {
    let mut targets = BTreeMap::new();
    let mut errors = Vec::new();
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() { &default[..] } else { paths };
    for path in paths {
        if path.as_os_str() == "-" {
            let mut text = String::new();
            match io::stdin().read_to_string(&mut text) {
                Ok(_) => {
                    let shown = shown(stdin_filename);
                    let config_path = stdin_filename.to_owned();
                    targets.insert(shown.clone(), Target { input: Input::Stdin(text), shown, config_path });
                }
                Err(e) => errors.push(format!("-: {e}")),
            }
            continue;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut targets, &mut errors),
            Ok(_) => {
                let target = Target { input: Input::File(path.clone()), shown: shown(path), config_path: path.clone() };
                targets.insert(target.shown.clone(), target);
            }
            Err(e) => errors.push(format!("{}: {e}", shown(path))),
        }
    }
    (targets.into_values().collect(), errors)
}

/// Walk a directory honouring .gitignore and .ignore files (in or out of a git repository), skipping hidden
/// directories.
fn walk(dir: &Path, targets: &mut BTreeMap<String, Target>, errors: &mut Vec<String>) {
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(false)
        .require_git(false)
        .filter_entry(|entry| {
            let hidden_dir =
                entry.file_type().is_some_and(|t| t.is_dir()) && entry.file_name().to_string_lossy().starts_with('.');
            entry.depth() == 0 || !hidden_dir
        })
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && is_dockerfile_name(&entry.file_name().to_string_lossy()) {
                    let path = entry.into_path();
                    let shown = shown(&path);
                    targets
                        .insert(shown.clone(), Target { input: Input::File(path.clone()), shown, config_path: path });
                }
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
}

/// Replace a file's contents without ever leaving it half written: write a temporary file next to it,
/// give it the original's permissions, then rename it over the original (through any symlink). A file
/// that does not exist yet is created with the default permissions (0666 less the umask).
pub fn write_atomically(path: &Path, text: &str) -> io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(text.as_bytes())?;
    file.commit()
}

/// A file written through a temporary file beside it that replaces it on `commit`; dropped without a
/// commit, it leaves the file as it was.
pub struct AtomicFile {
    target: PathBuf,
    permissions: Option<fs::Permissions>,
    temp: io::BufWriter<tempfile::NamedTempFile>,
}

impl AtomicFile {
    pub fn create(path: &Path) -> io::Result<AtomicFile> {
        let (target, permissions) = match fs::canonicalize(path) {
            Ok(target) => {
                let permissions = fs::metadata(&target)?.permissions();
                (target, Some(permissions))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => (path.to_owned(), None),
            Err(e) => return Err(e),
        };
        let dir = target.parent().filter(|dir| !dir.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let mut builder = tempfile::Builder::new();
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let temp = io::BufWriter::new(builder.tempfile_in(dir)?);
        Ok(AtomicFile { target, permissions, temp })
    }

    /// Where the text goes until the commit.
    pub fn temp_path(&self) -> &Path {
        self.temp.get_ref().path()
    }

    pub fn commit(self) -> io::Result<()> {
        let temp = self.temp.into_inner().map_err(|e| e.into_error())?;
        temp.as_file().sync_all()?;
        if let Some(permissions) = self.permissions {
            temp.as_file().set_permissions(permissions)?;
        }
        temp.persist(&self.target).map_err(|e| e.error)?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.temp.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.temp.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dockerfile_names() {
        for name in ["Dockerfile", "Dockerfile.dev", "api.Dockerfile", "api.dockerfile", "Containerfile"] {
            assert!(is_dockerfile_name(name), "{name}");
        }
        for name in ["Containerfile.prod", "x.containerfile", ".dev.Dockerfile"] {
            assert!(is_dockerfile_name(name), "{name}");
        }
        for name in ["Dockerfile.", "Dockerfiles", ".Dockerfile", "dockerfile", "README.md", "MyDockerfile"] {
            assert!(!is_dockerfile_name(name), "{name}");
        }
    }

    #[test]
    fn shown_paths_are_relative_with_slashes() {
        assert_eq!(shown(Path::new("./a/b/Dockerfile")), "a/b/Dockerfile");
        assert_eq!(shown(Path::new("Dockerfile")), "Dockerfile");
        assert_eq!(shown(Path::new("../x/Dockerfile")), "../x/Dockerfile");
        assert_eq!(shown(Path::new("/abs/Dockerfile")), "/abs/Dockerfile");
    }

    #[cfg(unix)]
    #[test]
    fn atomic_write_keeps_permissions_and_symlinks() {
        use std::os::unix::fs::{symlink, PermissionsExt};
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("Dockerfile");
        fs::write(&real, "old\n").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.Dockerfile");
        symlink(&real, &link).unwrap();
        write_atomically(&link, "new\n").unwrap();
        assert_eq!(fs::read_to_string(&real).unwrap(), "new\n");
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o640);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2, "no temporary file left behind");
    }
}
