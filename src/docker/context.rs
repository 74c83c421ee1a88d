//! The build context as Docker sends it: a tar of the context directory without what `.dockerignore`
//! excludes, except the Dockerfile and `.dockerignore` themselves, which the engine always needs.
//! Entries are sorted, so the same tree gives the same archive.

use crate::lint::dockerignore::Dockerignore;
use std::io;
use std::path::{Path, PathBuf};

/// A packed context.
pub struct PackedContext {
    pub tar: Vec<u8>,
    /// The files, links and directories in the archive, as `/`-separated paths relative to the context.
    pub entries: Vec<String>,
}

/// How to pack beyond the tree itself.
pub struct Packing<'a> {
    /// The Dockerfile's name in the archive.
    pub dockerfile: &'a str,
    /// The Dockerfile's text, stored under `dockerfile` instead of the file there (or added, when the
    /// Dockerfile lives outside the context), so the engine builds exactly the text that was checked.
    pub dockerfile_text: Option<&'a str>,
    /// A file whose content gets one more newline: a source change, as an edit would make.
    pub changed: Option<&'a str>,
}

/// Packs `dir` with the Dockerfile named `packing.dockerfile` (a path relative to `dir`).
pub fn pack(dir: &Path, packing: &Packing) -> io::Result<PackedContext> {
    let ignore = match std::fs::read_to_string(dir.join(".dockerignore")) {
        Ok(text) => Dockerignore::parse(&text),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Dockerignore::default(),
        Err(error) => return Err(error),
    };
    let dockerfile = normalise(packing.dockerfile);
    let always = [dockerfile.clone(), ".dockerignore".to_owned()];
    let mut entries = Vec::new();
    collect(dir, "", &ignore, &always, &mut entries)?;
    let mut builder = tar::Builder::new(Vec::new());
    builder.follow_symlinks(false);
    for entry in &entries {
        let replaced = match (&packing.dockerfile_text, packing.changed) {
            (Some(text), _) if *entry == dockerfile => Some(text.as_bytes().to_vec()),
            (_, Some(changed)) if entry == changed => {
                let mut content = std::fs::read(dir.join(entry))?;
                content.push(b'\n');
                Some(content)
            }
            _ => None,
        };
        match replaced {
            Some(content) => append_file(&mut builder, &dir.join(entry), entry, &content)?,
            None => builder.append_path_with_name(dir.join(entry), entry)?,
        }
    }
    if let (Some(text), false) = (packing.dockerfile_text, entries.contains(&dockerfile)) {
        let mut header = tar::Header::new_gnu();
        header.set_size(text.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        builder.append_data(&mut header, &dockerfile, text.as_bytes())?;
        entries.push(dockerfile);
        entries.sort();
    }
    Ok(PackedContext { tar: builder.into_inner()?, entries })
}

/// Adds a file with the metadata of `path` on disk but other content.
fn append_file(builder: &mut tar::Builder<Vec<u8>>, path: &Path, name: &str, content: &[u8]) -> io::Result<()> {
    let mut header = tar::Header::new_gnu();
    header.set_metadata(&std::fs::metadata(path)?);
    header.set_size(content.len() as u64);
    header.set_cksum();
    builder.append_data(&mut header, name, content)
}

fn normalise(path: &str) -> String {
    path.trim_start_matches("./").replace('\\', "/")
}

/// Adds the entries under `relative` (sorted) that the context keeps. A directory the ignore file
/// excludes is still walked when an exception (`!pattern`) or an always-sent file may be inside it.
fn collect(
    root: &Path,
    relative: &str,
    ignore: &Dockerignore,
    always: &[String],
    out: &mut Vec<String>,
) -> io::Result<()> {
    let mut children: Vec<(String, PathBuf)> = std::fs::read_dir(root.join(relative))?
        .map(|entry| entry.map(|e| (e.file_name().to_string_lossy().into_owned(), e.path())))
        .collect::<io::Result<_>>()?;
    children.sort();
    for (name, path) in children {
        let entry = if relative.is_empty() { name } else { format!("{relative}/{name}") };
        let kept = !ignore.excludes(&entry) || always.contains(&entry);
        let metadata = std::fs::symlink_metadata(&path)?;
        if metadata.is_dir() {
            let may_hold_kept = ignore.has_exceptions() || always.iter().any(|a| a.starts_with(&format!("{entry}/")));
            if kept {
                out.push(entry.clone());
            }
            if kept || may_hold_kept {
                collect(root, &entry, ignore, always, out)?;
            }
        } else if kept {
            out.push(entry);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    fn plain(dockerfile: &str) -> Packing<'_> {
        Packing { dockerfile, dockerfile_text: None, changed: None }
    }

    fn names_in(tar: &[u8]) -> Vec<String> {
        let mut archive = tar::Archive::new(tar);
        archive.entries().unwrap().map(|e| e.unwrap().path().unwrap().display().to_string()).collect()
    }

    #[test]
    fn leaves_out_what_dockerignore_excludes_but_keeps_exceptions_and_the_dockerfile() {
        let dir = tree(&[
            ("Dockerfile", "FROM scratch\n"),
            (".dockerignore", ".git\nnode_modules\n*.log\nDockerfile\nbuild/**\n!build/keep.txt\n"),
            (".git/HEAD", "ref"),
            ("node_modules/a/index.js", "x"),
            ("src/app.py", "print()"),
            ("src/debug.log", "noise"),
            ("debug.log", "noise"),
            ("build/out.bin", "x"),
            ("build/keep.txt", "x"),
        ]);
        let packed = pack(dir.path(), &plain("./Dockerfile")).unwrap();
        // As in Docker, `*.log` is anchored at the context root: `src/debug.log` stays.
        let kept = [".dockerignore", "Dockerfile", "build/keep.txt", "src", "src/app.py", "src/debug.log"];
        assert_eq!(packed.entries, kept);
        assert_eq!(names_in(&packed.tar), packed.entries);
    }

    #[test]
    fn the_same_tree_packs_to_the_same_bytes_and_a_missing_dir_is_an_error() {
        let dir = tree(&[("b/2", "two"), ("a/1", "one"), ("Dockerfile", "FROM scratch\n")]);
        let first = pack(dir.path(), &plain("Dockerfile")).unwrap();
        assert_eq!(first.entries, ["Dockerfile", "a", "a/1", "b", "b/2"]);
        assert_eq!(first.tar, pack(dir.path(), &plain("Dockerfile")).unwrap().tar);
        assert!(pack(&dir.path().join("missing"), &plain("Dockerfile")).is_err());
    }

    #[test]
    fn the_checked_dockerfile_text_and_a_changed_file_replace_the_files_on_disk() {
        let dir = tree(&[("Dockerfile", "FROM old\n"), ("app.py", "print()")]);
        let packing =
            Packing { dockerfile: "Dockerfile", dockerfile_text: Some("FROM new\n"), changed: Some("app.py") };
        let packed = pack(dir.path(), &packing).unwrap();
        let mut archive = tar::Archive::new(packed.tar.as_slice());
        let mut contents = Vec::new();
        for entry in archive.entries().unwrap() {
            let mut entry = entry.unwrap();
            let mut text = String::new();
            std::io::Read::read_to_string(&mut entry, &mut text).unwrap();
            contents.push((entry.path().unwrap().display().to_string(), text));
        }
        assert_eq!(contents, [("Dockerfile".into(), "FROM new\n".into()), ("app.py".into(), "print()\n".into())]);
        // A Dockerfile from outside the context is added under its name.
        let outside = Packing { dockerfile: ".dlint.Dockerfile", dockerfile_text: Some("FROM x\n"), changed: None };
        assert_eq!(pack(dir.path(), &outside).unwrap().entries, [".dlint.Dockerfile", "Dockerfile", "app.py"]);
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_stay_links_and_modes_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tree(&[("Dockerfile", "FROM scratch\n"), ("run.sh", "#!/bin/sh\n")]);
        std::fs::set_permissions(dir.path().join("run.sh"), std::fs::Permissions::from_mode(0o755)).unwrap();
        std::os::unix::fs::symlink("/etc/passwd", dir.path().join("outside")).unwrap();
        let packed = pack(dir.path(), &plain("Dockerfile")).unwrap();
        let mut archive = tar::Archive::new(packed.tar.as_slice());
        for entry in archive.entries().unwrap() {
            let entry = entry.unwrap();
            let path = entry.path().unwrap().display().to_string();
            match path.as_str() {
                "outside" => {
                    assert!(entry.header().entry_type().is_symlink());
                    assert_eq!(entry.link_name().unwrap().unwrap().display().to_string(), "/etc/passwd");
                }
                "run.sh" => assert_eq!(entry.header().mode().unwrap() & 0o777, 0o755),
                _ => {}
            }
        }
    }
}
