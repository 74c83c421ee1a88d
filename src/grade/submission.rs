//! Finding the submissions: each folder of the submissions directory is one student's build
//! context, or each `*.Dockerfile` file of a flat folder is one student's Dockerfile; plus the
//! students of the roster who handed in nothing, and when each submitted.

use super::rubric::{format_time, parse_time, Rubric};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// One student's hand-in, read from disk.
#[derive(Clone, Debug)]
pub struct Submission {
    /// The folder name, or the file stem in a flat folder.
    pub id: String,
    /// The build context: the student's folder; `None` for a flat file (it has none of its own).
    pub context: Option<PathBuf>,
    /// The Dockerfile, relative to the submissions directory, as feedback names it.
    pub shown: String,
    pub content: Content,
    /// The `.dockerignore` beside the Dockerfile.
    pub dockerignore: Option<String>,
}

/// What was handed in, or why there is nothing to grade.
#[derive(Clone, Debug)]
pub enum Content {
    Dockerfile {
        path: PathBuf,
        source: String,
    },
    /// Scored 0, for this reason.
    Zero(String),
}

/// Reads the submissions under `dir` (sorted by id) as the rubric names them; the roster's students
/// without a submission are included with 0. Late submissions are scored 0.
pub fn discover(dir: &Path, rubric: &Rubric) -> Result<Vec<Submission>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let times = match &rubric.submitted {
        Some(file) => read_times(file)?,
        None => BTreeMap::new(),
    };
    let mut found: BTreeMap<String, Submission> = BTreeMap::new();
    for path in paths {
        let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_owned) else { continue };
        if name.starts_with('.') {
            continue;
        }
        let submission = if path.is_dir() {
            from_folder(&path, &name, rubric)
        } else if let Some(stem) = name.strip_suffix(".Dockerfile").or_else(|| name.strip_suffix(".dockerfile")) {
            let content = read_dockerfile(&path, dir);
            Submission { id: stem.to_owned(), context: None, shown: name.clone(), content, dockerignore: None }
        } else {
            continue;
        };
        found.insert(submission.id.clone(), submission);
    }
    for id in &rubric.roster {
        found.entry(id.clone()).or_insert_with(|| Submission {
            id: id.clone(),
            context: None,
            shown: String::new(),
            content: Content::Zero("no submission".to_owned()),
            dockerignore: None,
        });
    }
    let mut submissions: Vec<Submission> = found.into_values().collect();
    if let Some(deadline) = rubric.deadline {
        for submission in &mut submissions {
            let Content::Dockerfile { path, .. } = &submission.content else { continue };
            let time =
                times.get(&submission.id).copied().or_else(|| newest_change(path, submission.context.as_deref()));
            if let Some(time) = time.filter(|&t| t > deadline) {
                submission.content = Content::Zero(format!(
                    "submitted {}, after the deadline {}",
                    format_time(time),
                    format_time(deadline)
                ));
            }
        }
    }
    Ok(submissions)
}

fn from_folder(path: &Path, id: &str, rubric: &Rubric) -> Submission {
    let names: Vec<&str> = match &rubric.dockerfile {
        Some(name) => vec![name.as_str()],
        None => vec!["Dockerfile", "Containerfile"],
    };
    let dockerfile = names.iter().map(|n| path.join(n)).find(|p| p.is_file());
    let Some(dockerfile) = dockerfile else {
        // Hidden files (`.gitkeep`, `.DS_Store`) do not make a folder a hand-in.
        let empty = std::fs::read_dir(path)
            .map(|mut entries| !entries.any(|e| e.is_ok_and(|e| !e.file_name().to_string_lossy().starts_with('.'))))
            .unwrap_or(false);
        let reason = if empty {
            "the submission folder is empty".to_owned()
        } else {
            format!("no {} in the submission", names.join(" or "))
        };
        return Submission {
            id: id.to_owned(),
            context: Some(path.to_owned()),
            shown: format!("{id}/"),
            content: Content::Zero(reason),
            dockerignore: None,
        };
    };
    let file_name = dockerfile.file_name().and_then(|n| n.to_str()).unwrap_or("Dockerfile").to_owned();
    // BuildKit reads `Dockerfile.dockerignore` before `.dockerignore`.
    let dockerignore = [path.join(format!("{file_name}.dockerignore")), path.join(".dockerignore")]
        .iter()
        .filter(|p| inside(p, path))
        .find_map(|p| std::fs::read(p).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned());
    Submission {
        id: id.to_owned(),
        context: Some(path.to_owned()),
        shown: format!("{id}/{file_name}"),
        content: read_dockerfile(&dockerfile, path),
        dockerignore,
    }
}

/// Reads a Dockerfile that must lie inside `folder`: a link out of it (to `/etc/passwd`) would put
/// another file's lines into the feedback.
fn read_dockerfile(path: &Path, folder: &Path) -> Content {
    if !inside(path, folder) {
        return Content::Zero("the Dockerfile is a link to a file outside the submission".to_owned());
    }
    match std::fs::read(path) {
        Ok(bytes) if bytes.contains(&0) => Content::Zero("the Dockerfile is not a text file".to_owned()),
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(source) if source.trim().is_empty() => Content::Zero("the Dockerfile is empty".to_owned()),
            Ok(source) if !has_from(&source) => {
                Content::Zero("the Dockerfile has no FROM instruction, so no image can be built from it".to_owned())
            }
            Ok(source) => Content::Dockerfile { path: path.to_owned(), source },
            Err(_) => Content::Zero("the Dockerfile is not UTF-8 text".to_owned()),
        },
        Err(e) => Content::Zero(format!("the Dockerfile cannot be read: {e}")),
    }
}

fn has_from(source: &str) -> bool {
    crate::syntax::parse(source).instructions.iter().any(|i| i.keyword == crate::syntax::Keyword::From)
}

/// Whether `path` (links followed) is inside `folder`; a path that does not exist is.
fn inside(path: &Path, folder: &Path) -> bool {
    match (std::fs::canonicalize(path), std::fs::canonicalize(folder)) {
        (Ok(path), Ok(folder)) => path.starts_with(folder),
        (Err(_), _) => true,
        (Ok(_), Err(_)) => false,
    }
}

/// The newest modification time of the Dockerfile and the files of its folder.
fn newest_change(dockerfile: &Path, context: Option<&Path>) -> Option<i64> {
    let mut files = vec![dockerfile.to_owned()];
    if let Some(context) = context {
        let walk = ignore::WalkBuilder::new(context).standard_filters(false).build();
        files.extend(walk.filter_map(Result::ok).map(ignore::DirEntry::into_path));
    }
    files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok()?.modified().ok()?.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_secs() as i64)
        .max()
}

/// `id,time` lines (a header line is allowed): when each student submitted.
fn read_times(file: &Path) -> Result<BTreeMap<String, i64>, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut times = BTreeMap::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((id, time)) = line.split_once(',') else {
            return Err(format!("{}:{}: expected `id,time`", file.display(), number + 1));
        };
        match parse_time(time.trim().trim_matches('"')) {
            Some(seconds) => {
                times.insert(id.trim().trim_matches('"').to_owned(), seconds);
            }
            None if number == 0 => {} // a header
            None => {
                return Err(format!(
                    "{}:{}: `{}` is not a time such as 2026-11-30T23:59:00Z",
                    file.display(),
                    number + 1,
                    time.trim()
                ))
            }
        }
    }
    Ok(times)
}
