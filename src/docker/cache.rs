//! The layer-ordering check proven by a rebuild: change one copied source file that is not a
//! dependency manifest, build again, and see whether a dependency install ran again.

use super::places::Places;
use super::steps::Step;
use crate::lint::dockerignore::Dockerignore;
use crate::lint::Diagnostic;
use crate::rules::runtime::CACHE_BUSTING;
use crate::rules::stages::df002::installs;
use crate::syntax::{Body, Keyword};
use crate::text::line_number;
use std::path::Path;

/// What the rebuild changes, and the installs it watches.
#[derive(Debug, PartialEq, Eq)]
pub struct Plan {
    /// The context file that gets a changed content.
    pub file: String,
    /// Dependency-install RUNs (instruction index, how to name it).
    pub installs: Vec<(usize, String)>,
}

/// Picks the file: among the COPY/ADD instructions from the context that come before an install in
/// the stages the build runs, the first one copying a file that is not a manifest; `None` when no
/// install could be invalidated by a source change (nothing to prove).
pub fn plan(places: &Places, context: &Path, entries: &[String], dockerfile: &str) -> Option<Plan> {
    let model = places.model;
    let built = places.stage.instructions.end;
    let installs: Vec<(usize, String)> = (0..built)
        .flat_map(|index| {
            let found = installs(model, index, &model.file.instructions[index]);
            found.into_iter().next().map(|(_, install)| (index, install.label))
        })
        .collect();
    let last_install = installs.iter().map(|(index, _)| *index).max()?;
    let files: Vec<&String> = entries
        .iter()
        .filter(|e| context.join(e).is_file() && e.as_str() != dockerfile && e.as_str() != ".dockerignore")
        .filter(|e| !is_manifest(e.rsplit('/').next().unwrap_or(e)))
        .collect();
    (0..last_install).find_map(|index| {
        let instruction = &model.file.instructions[index];
        if !matches!(instruction.keyword, Keyword::Copy | Keyword::Add) || instruction.flag("from").is_some() {
            return None;
        }
        let Body::Files { paths, .. } = &instruction.body else { return None };
        let sources = &paths[..paths.len().saturating_sub(1)];
        let file = files
            .iter()
            .find(|file| sources.iter().any(|source| copies(&model.expand_at(index, &source.unquoted()).text, file)))?;
        Some(Plan { file: file.to_string(), installs: installs.clone() })
    })
}

/// Whether a COPY source (relative to the context) takes `file`: the whole context, the file, a
/// directory holding it, or a glob matching it.
fn copies(source: &str, file: &str) -> bool {
    let source = source.trim_start_matches("./").trim_start_matches('/');
    matches!(source, "" | ".") || Dockerignore::parse(source).excludes(file)
}

/// Files that declare dependencies: changing them is meant to re-run the install.
fn is_manifest(name: &str) -> bool {
    const NAMES: [&str; 17] = [
        "package.json",
        "package-lock.json",
        "npm-shrinkwrap.json",
        "yarn.lock",
        "pnpm-lock.yaml",
        "go.mod",
        "go.sum",
        "pom.xml",
        "build.gradle",
        "pyproject.toml",
        "poetry.lock",
        "uv.lock",
        "Pipfile",
        "Pipfile.lock",
        "setup.py",
        "setup.cfg",
        "mix.lock",
    ];
    NAMES.contains(&name)
        || (name.starts_with("requirements") && (name.ends_with(".txt") || name.ends_with(".in")))
        || name.starts_with("Gemfile")
        || name.starts_with("Cargo.")
        || name.starts_with("composer.")
}

/// Reads the rebuild's log: an install that did not come from the cache is reported on the first
/// COPY or ADD that missed the cache before it.
pub fn judge(places: &Places, plan: &Plan, rebuilt: &[Step]) -> Option<Diagnostic> {
    let model = places.model;
    let reran = plan
        .installs
        .iter()
        .find(|(index, _)| rebuilt.iter().any(|step| step.instruction == Some(*index) && !step.cached))?;
    let busted = rebuilt.iter().filter(|step| !step.cached).find_map(|step| {
        let index = step.instruction?;
        (index < reran.0 && matches!(model.file.instructions[index].keyword, Keyword::Copy | Keyword::Add))
            .then_some(index)
    })?;
    let line = line_number(model.source, model.file.instructions[reran.0].span.start);
    let mut diagnostic = Diagnostic::new(
        &CACHE_BUSTING,
        CACHE_BUSTING.severity,
        places.span(busted),
        format!(
            "changing `{}` (not a dependency manifest) re-ran `{}` (line {line}): this copy invalidates the install's cache",
            plan.file, reran.1
        ),
    );
    diagnostic
        .with_help("copy the dependency manifests first, install, then copy the rest of the source")
        .with_related(places.span(reran.0), "the install that ran again");
    Some(diagnostic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantic::Model;

    #[test]
    fn the_file_comes_from_the_first_copy_before_an_install() {
        let source = "FROM python\nCOPY requirements.txt /app/\nCOPY src/ /app/src/\nRUN pip install -r /app/requirements.txt\nCOPY . /app\n";
        let file = crate::syntax::parse(source);
        let model = Model::build(source, &file);
        let places = Places::new(&model, None).unwrap();
        let dir = tempfile::tempdir().unwrap();
        for name in ["requirements.txt", "src/app.py", "README.md"] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let entries: Vec<String> = ["README.md", "requirements.txt", "src", "src/app.py"].map(String::from).to_vec();
        let plan = plan(&places, dir.path(), &entries, "Dockerfile").unwrap();
        assert_eq!(plan, Plan { file: "src/app.py".into(), installs: vec![(3, "pip install".into())] });

        let step = |number: usize, instruction: usize, cached: bool| Step {
            number,
            instruction: Some(instruction),
            cached,
            ..Step::default()
        };
        let busted =
            judge(&places, &plan, &[step(1, 0, false), step(2, 1, true), step(3, 2, false), step(4, 3, false)]);
        let busted = busted.unwrap();
        assert_eq!(busted.span, file.instructions[2].span);
        assert!(busted.message.contains("`src/app.py`") && busted.message.contains("line 4"), "{}", busted.message);
        assert!(judge(&places, &plan, &[step(3, 2, false), step(4, 3, true)]).is_none());
    }

    #[test]
    fn manifests_and_copy_sources() {
        assert!(is_manifest("requirements-dev.txt") && is_manifest("Cargo.lock") && !is_manifest("app.py"));
        assert!(copies(".", "a/b") && copies("./src", "src/x.py") && copies("*.py", "app.py"));
        assert!(!copies("src", "lib/x.py"));
    }
}
