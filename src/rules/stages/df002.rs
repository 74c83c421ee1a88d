use crate::lint::{Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::semantic::Model;
use crate::shell::program_name;
use crate::shell::tools::is_versioned_program;
use crate::syntax::{Body, Instruction, Keyword, Word};
use crate::text::{line_number, Span};

pub struct CopyBeforeDeps;

static META: RuleMeta = RuleMeta {
    code: "DF002",
    name: "copy-before-deps",
    summary: "The whole build context is copied before dependencies are installed",
    category: Category::Performance,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for CopyBeforeDeps {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &mut Context) {
        let model = cx.model;
        for stage in &model.stages {
            // Installs done by the stages this one builds on are already cached.
            let inherited = model
                .ancestry(stage)
                .skip(1)
                .flat_map(|s| model.instructions_of(s))
                .flat_map(|(i, inst)| installs(model, i, inst))
                .map(|(_, install)| install.ecosystem)
                .collect();
            let plain: Vec<_> = model.instructions_of(stage).collect();
            check_sequence(cx, &plain, inherited);
            // ONBUILD triggers run in order in the child build: the same mistake, one level down.
            let triggers: Vec<_> = model
                .instructions_of(stage)
                .filter_map(|(i, inst)| match &inst.body {
                    Body::Onbuild(inner) => Some((i, inner.as_ref())),
                    _ => None,
                })
                .collect();
            check_sequence(cx, &triggers, Vec::new());
        }
    }
}

/// Reports each whole-context COPY that a later install of a not yet installed ecosystem follows.
/// An install that ran before the copy could only have read manifests copied (or mounted) on their
/// own, so its ecosystem counts as prepared.
fn check_sequence(cx: &mut Context, items: &[(usize, &Instruction)], mut prepared: Vec<Ecosystem>) {
    let model = cx.model;
    let found: Vec<Vec<(Span, Install)>> = items.iter().map(|&(i, inst)| installs(model, i, inst)).collect();
    // Every install with its item's position, found once: a copy looks only at the installs after it.
    let all: Vec<(usize, &(Span, Install))> = found
        .iter()
        .enumerate()
        .flat_map(|(position, here)| here.iter().map(move |install| (position, install)))
        .collect();
    for (position, &(_, instruction)) in items.iter().enumerate() {
        if !found[position].is_empty() {
            prepared.extend(found[position].iter().map(|(_, install)| install.ecosystem));
            continue;
        }
        let Some(dot) = whole_context_source(instruction) else { continue };
        let after = all.partition_point(|(at, _)| *at <= position);
        let later =
            all[after..].iter().map(|(_, found)| *found).find(|(_, install)| !prepared.contains(&install.ecosystem));
        let Some((at, install)) = later else { continue };
        let at = *at;
        let line = line_number(cx.source, at.start);
        cx.report(
            dot.span,
            format!(
                "the whole build context is copied before `{}` (line {line}), so any source change re-runs the install",
                install.label
            ),
        )
        .with_help(format!(
            "copy only {} first and install from them, then copy the rest of the source",
            install.ecosystem.manifests()
        ))
        .with_related(at, "the install that re-runs on every source change");
    }
}

/// The `.` source of a COPY or ADD of the whole build context (not `--from` another stage or image).
fn whole_context_source(instruction: &Instruction) -> Option<&Word> {
    if !matches!(instruction.keyword, Keyword::Copy | Keyword::Add) || instruction.flag("from").is_some() {
        return None;
    }
    let Body::Files { paths, .. } = &instruction.body else { return None };
    let sources = &paths[..paths.len().saturating_sub(1)];
    sources.iter().find(|w| matches!(w.unquoted().as_str(), "." | "./"))
}

/// The dependency installs a RUN performs (shell form, heredocs and exec form), each with the
/// span of its command.
pub(crate) fn installs(model: &Model, index: usize, instruction: &Instruction) -> Vec<(Span, Install)> {
    if instruction.keyword != Keyword::Run {
        return Vec::new();
    }
    let Some(script) = model.script(index) else { return Vec::new() };
    script
        .commands
        .iter()
        .filter_map(|c| {
            let words: Vec<&str> =
                std::iter::once(c.name.text.as_str()).chain(c.args.iter().map(|a| a.text.as_str())).collect();
            install(&words).map(|found| (c.span, found))
        })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ecosystem {
    Python,
    Node,
    Go,
    Ruby,
    Php,
    Java,
    Rust,
}

impl Ecosystem {
    fn manifests(self) -> &'static str {
        match self {
            Ecosystem::Python => "the requirements files or `pyproject.toml` with its lock file",
            Ecosystem::Node => "`package.json` and the lock file",
            Ecosystem::Go => "`go.mod` and `go.sum`",
            Ecosystem::Ruby => "`Gemfile` and `Gemfile.lock`",
            Ecosystem::Php => "`composer.json` and `composer.lock`",
            Ecosystem::Java => "`pom.xml`",
            Ecosystem::Rust => "`Cargo.toml` and `Cargo.lock` (or a cargo-chef recipe)",
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Install {
    ecosystem: Ecosystem,
    /// How the message names it, e.g. `npm ci`.
    pub(crate) label: String,
}

/// Recognises a dependency install from a simple command's words (program first).
fn install(words: &[&str]) -> Option<Install> {
    let (&first, args) = words.split_first()?;
    let program = program_name(first);
    let operands: Vec<&str> = args.iter().copied().filter(|a| !a.starts_with('-')).collect();
    let global = args.iter().any(|a| matches!(*a, "-g" | "--global"));
    let found = |ecosystem, label: String| Some(Install { ecosystem, label });
    match (program, operands.as_slice()) {
        (pip_program, _) if is_versioned_program(pip_program, "pip") => pip(program, args),
        (python, _) if python.starts_with("python") && args.starts_with(&["-m", "pip"]) => {
            pip(&format!("{python} -m pip"), &args[2..])
        }
        ("uv", ["pip", ..]) => pip("uv pip", &args[args.iter().position(|a| *a == "pip")? + 1..]),
        ("uv", ["sync", ..]) => found(Ecosystem::Python, "uv sync".into()),
        ("poetry", ["install", ..]) => found(Ecosystem::Python, "poetry install".into()),
        ("pipenv", [sub @ ("install" | "sync"), ..]) => found(Ecosystem::Python, format!("pipenv {sub}")),
        ("npm", ["ci", ..]) => found(Ecosystem::Node, "npm ci".into()),
        // `npm install <package>` and global installs add tools rather than the project's dependencies.
        ("npm" | "pnpm", [sub @ ("install" | "i")]) if !global => found(Ecosystem::Node, format!("{program} {sub}")),
        ("yarn", []) => found(Ecosystem::Node, "yarn".into()),
        ("yarn", ["install", ..]) => found(Ecosystem::Node, "yarn install".into()),
        ("go", ["mod", "download", ..]) => found(Ecosystem::Go, "go mod download".into()),
        ("bundle" | "bundler", [] | ["install", ..]) => found(Ecosystem::Ruby, "bundle install".into()),
        ("composer", ["install", ..]) => found(Ecosystem::Php, "composer install".into()),
        ("mvn" | "mvnw", _) => {
            let goal = operands.iter().find(|o| o.starts_with("dependency:"))?;
            found(Ecosystem::Java, format!("{program} {goal}"))
        }
        // Building compiles every dependency, which is the slow step a manifest-first layer caches.
        ("cargo", [sub @ ("fetch" | "build"), ..]) => found(Ecosystem::Rust, format!("cargo {sub}")),
        ("cargo", ["chef", "cook", ..]) => found(Ecosystem::Rust, "cargo chef cook".into()),
        _ => None,
    }
}

/// `pip install -r file` and `pip install .` or `/src` (a local project and its dependencies); named
/// packages, URLs and wheel files are not the project's.
fn pip(program: &str, args: &[&str]) -> Option<Install> {
    let mut operands = args.iter().filter(|a| !a.starts_with('-'));
    if operands.next() != Some(&"install") {
        return None;
    }
    let requirements = args.iter().any(|a| *a == "-r" || a.starts_with("--requirement"));
    let archive = |o: &str| o.ends_with(".whl") || o.ends_with(".tar.gz") || o.ends_with(".zip");
    let local = operands.any(|o| (o.starts_with('.') || o.starts_with('/')) && !archive(o));
    (requirements || local).then(|| Install { ecosystem: Ecosystem::Python, label: format!("{program} install") })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(command: &str) -> Option<String> {
        let words: Vec<&str> = command.split_whitespace().collect();
        install(&words).map(|i| i.label)
    }

    #[test]
    fn recognises_dependency_installs() {
        assert_eq!(label("pip install --no-cache-dir -r requirements.txt").as_deref(), Some("pip install"));
        assert_eq!(label("python3 -m pip install -e .[dev]").as_deref(), Some("python3 -m pip install"));
        assert_eq!(label("uv pip install --system -r req.txt").as_deref(), Some("uv pip install"));
        assert_eq!(label("pip install /src").as_deref(), Some("pip install"));
        assert_eq!(label("pip3.12 install -r /app/requirements.txt").as_deref(), Some("pip3.12 install"));
        assert_eq!(label("pip install flask /wheels/app-1.0.whl"), None);
        assert_eq!(label("npm ci --omit=dev").as_deref(), Some("npm ci"));
        assert_eq!(label("npm install -g pnpm"), None);
        assert_eq!(label("npm install express"), None);
        assert_eq!(label("yarn --frozen-lockfile").as_deref(), Some("yarn"));
        assert_eq!(label("yarn build"), None);
        assert_eq!(label("/usr/local/go/bin/go mod download").as_deref(), Some("go mod download"));
        assert_eq!(label("./mvnw -B dependency:go-offline").as_deref(), Some("mvnw dependency:go-offline"));
        assert_eq!(label("mvn package"), None);
        assert_eq!(label("cargo build --release").as_deref(), Some("cargo build"));
        assert_eq!(label("cargo chef cook --release").as_deref(), Some("cargo chef cook"));
        assert_eq!(label("cargo chef prepare"), None);
    }
}
