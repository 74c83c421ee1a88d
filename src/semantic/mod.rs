//! The semantic model of one Dockerfile: stages, their bases, ARG/ENV scopes, users and the shell
//! scripts of RUN instructions. Built once per file from the syntax tree; no IO.

mod expand;
mod image;

pub use expand::{expand, references, Expanded, Lookup, Reference};
pub use image::ImageRef;

use crate::shell::{self, Dialect, Script, ScriptCache};
use crate::syntax::{Body, Command, Dockerfile, Instruction, Keyword, Word};
use std::cell::OnceCell;
use std::collections::HashMap;

/// Build arguments every build defines (their values depend on the build platform).
pub const PREDEFINED_ARGS: [&str; 16] = [
    "TARGETPLATFORM",
    "TARGETOS",
    "TARGETARCH",
    "TARGETVARIANT",
    "BUILDPLATFORM",
    "BUILDOS",
    "BUILDARCH",
    "BUILDVARIANT",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "FTP_PROXY",
    "NO_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "no_proxy",
];

/// What a stage is built on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Base {
    Scratch,
    /// An earlier stage, by index.
    Stage(usize),
    /// An image; `resolved` is false when the reference still contains variables without values.
    Image {
        reference: ImageRef,
        resolved: bool,
    },
}

#[derive(Clone, Debug)]
pub struct Stage {
    pub index: usize,
    /// The `AS` name as written.
    pub name: Option<Word>,
    /// Index of the FROM instruction.
    pub from: usize,
    /// Indices of the stage's instructions, FROM first.
    pub instructions: std::ops::Range<usize>,
    /// The image reference after ARG expansion.
    pub image_text: String,
    pub base: Base,
}

impl Stage {
    pub fn is_named(&self, name: &str) -> bool {
        self.name.as_ref().is_some_and(|n| n.text.eq_ignore_ascii_case(name))
    }
}

/// A variable declaration in scope: ARG or ENV.
#[derive(Clone, Debug)]
struct Declaration {
    name: String,
    /// The expanded value, when it is known.
    value: Option<String>,
    /// Written with `=value` (an `ARG NAME` without one re-declares the global ARG).
    has_value: bool,
}

pub struct Model<'a> {
    pub source: &'a str,
    pub file: &'a Dockerfile,
    pub stages: Vec<Stage>,
    /// Indices of the ARG instructions before the first FROM.
    pub global_args: Vec<usize>,
    /// Stage of each instruction (None before the first FROM).
    stage_of: Vec<Option<usize>>,
    /// The shell script of each instruction's shell-form command (ONBUILD's inner RUN included).
    scripts: Vec<Option<Script>>,
    /// ARG/ENV declarations per instruction, expanded once on first use (expansion only looks at
    /// earlier instructions, so filling one never needs itself).
    declared: Vec<OnceCell<Vec<Declaration>>>,
    /// See [`Model::apt_config_runs`].
    apt_config_runs: OnceCell<Vec<(usize, String)>>,
    /// Per stage, each name its ARGs and ENVs declare with the (instruction, pair) of each declaration in
    /// order, so that finding the one in scope does not walk back over the stage.
    names: Vec<HashMap<&'a str, Vec<(usize, usize)>>>,
    /// Indices of the SHELL instructions, in order.
    shells: Vec<usize>,
    /// The image family of each stage's root image, which rules ask for at every RUN.
    families: Vec<ImageFamily>,
}

impl<'a> Model<'a> {
    pub fn build(source: &'a str, file: &'a Dockerfile) -> Model<'a> {
        Model::build_with(source, file, None)
    }

    /// [`Model::build`], taking the scripts of commands parsed before from `scripts`.
    pub fn build_with(source: &'a str, file: &'a Dockerfile, scripts: Option<&ScriptCache>) -> Model<'a> {
        let mut model = Model {
            source,
            file,
            stages: Vec::new(),
            global_args: Vec::new(),
            stage_of: vec![None; file.instructions.len()],
            scripts: Vec::new(),
            declared: (0..file.instructions.len()).map(|_| OnceCell::new()).collect(),
            apt_config_runs: OnceCell::new(),
            names: Vec::new(),
            shells: (0..file.instructions.len())
                .filter(|&i| matches!(file.instructions[i].body, Body::Shell(_)))
                .collect(),
            families: Vec::new(),
        };
        let froms: Vec<usize> =
            file.instructions.iter().enumerate().filter(|(_, i)| i.keyword == Keyword::From).map(|(i, _)| i).collect();
        model.global_args = (0..froms.first().copied().unwrap_or(file.instructions.len()))
            .filter(|&i| file.instructions[i].keyword == Keyword::Arg)
            .collect();
        for (index, &from) in froms.iter().enumerate() {
            let end = froms.get(index + 1).copied().unwrap_or(file.instructions.len());
            let stage = model.stage(index, from, end);
            for slot in &mut model.stage_of[from..end] {
                *slot = Some(index);
            }
            model.names.push(declared_names(file, stage.instructions.clone()));
            model.stages.push(stage);
        }
        model.families = model.stages.iter().map(|stage| model.root_image_family(stage)).collect();
        model.scripts = (0..file.instructions.len()).map(|i| model.parse_script(i, scripts)).collect();
        model
    }

    fn stage(&self, index: usize, from: usize, end: usize) -> Stage {
        let instruction = &self.file.instructions[from];
        let Body::From { image, alias } = &instruction.body else { unreachable!("stages start at FROM") };
        let expanded = expand(&image.text, self.escape(), &|name| self.global_lookup(name));
        let base = if expanded.text.eq_ignore_ascii_case("scratch") {
            Base::Scratch
        } else if let Some(stage) = self.stages.iter().find(|s| s.is_named(&expanded.text)) {
            Base::Stage(stage.index)
        } else {
            Base::Image { reference: ImageRef::parse(&expanded.text), resolved: expanded.is_resolved() }
        };
        Stage { index, name: alias.clone(), from, instructions: from..end, image_text: expanded.text, base }
    }

    pub fn escape(&self) -> char {
        self.file.directives.escape
    }

    pub fn instruction(&self, index: usize) -> &'a Instruction {
        &self.file.instructions[index]
    }

    pub fn stage_of(&self, instruction: usize) -> Option<&Stage> {
        self.stage_of.get(instruction).copied().flatten().map(|s| &self.stages[s])
    }

    pub fn final_stage(&self) -> Option<&Stage> {
        self.stages.last()
    }

    /// A stage by name (case-insensitive) or index, as `COPY --from` and `FROM` refer to them.
    pub fn find_stage(&self, name: &str) -> Option<&Stage> {
        self.stages
            .iter()
            .find(|s| s.is_named(name))
            .or_else(|| name.parse::<usize>().ok().and_then(|i| self.stages.get(i)))
    }

    /// The RUN instructions that write APT configuration (`/etc/apt/apt.conf*`), with their text in lower
    /// case; found once per file, so rules asking for each install stay linear in the file's size.
    pub fn apt_config_runs(&self) -> &[(usize, String)] {
        self.apt_config_runs.get_or_init(|| {
            let runs = self.file.instructions.iter().enumerate().filter(|(_, i)| i.keyword == Keyword::Run);
            runs.map(|(index, run)| (index, run.span.slice(self.source).to_ascii_lowercase()))
                .filter(|(_, text)| text.contains("/etc/apt/apt.conf"))
                .collect()
        })
    }

    pub fn script(&self, instruction: usize) -> Option<&Script> {
        self.scripts.get(instruction).and_then(Option::as_ref)
    }

    /// The stage's instructions with their indices, FROM included.
    pub fn instructions_of(&self, stage: &Stage) -> impl Iterator<Item = (usize, &'a Instruction)> + '_ {
        let file = self.file;
        stage.instructions.clone().map(move |i| (i, &file.instructions[i]))
    }

    /// The stage and the chain of stages it is built on, nearest first.
    pub fn ancestry<'m>(&'m self, stage: &'m Stage) -> impl Iterator<Item = &'m Stage> + 'm {
        let mut next = Some(stage);
        std::iter::from_fn(move || {
            let current = next?;
            next = match current.base {
                Base::Stage(parent) if parent < current.index => Some(&self.stages[parent]),
                _ => None,
            };
            Some(current)
        })
    }

    /// The last USER in effect at the end of the stage (inherited through stage bases), with the
    /// instruction index that set it.
    pub fn effective_user(&self, stage: &Stage) -> Option<(usize, &'a Word)> {
        self.user_before(stage, usize::MAX)
    }

    /// The last USER before instruction `upto` in the stage or the stages it is built on (whose
    /// instructions all come earlier), with the instruction index that set it.
    pub fn user_before(&self, stage: &Stage, upto: usize) -> Option<(usize, &'a Word)> {
        self.ancestry(stage).find_map(|s| {
            self.instructions_of(s)
                .take_while(|(i, _)| *i < upto)
                .filter_map(|(i, inst)| match &inst.body {
                    Body::User { user, .. } => Some((i, user)),
                    _ => None,
                })
                .last()
        })
    }

    /// The SHELL in effect for an instruction (its own stage, then the stages it is built on).
    pub fn shell_at(&self, instruction: usize) -> Option<&'a [Word]> {
        self.shell_before(self.stage_of(instruction)?, instruction)
    }

    /// The SHELL in effect at the end of a stage: what images built on it, and its ONBUILD triggers, run with.
    pub fn final_shell(&self, stage: &Stage) -> Option<&'a [Word]> {
        self.shell_before(stage, stage.instructions.end)
    }

    fn shell_before(&self, stage: &Stage, instruction: usize) -> Option<&'a [Word]> {
        self.ancestry(stage).find_map(|s| {
            let upto = if s.index == stage.index { instruction } else { s.instructions.end };
            let last = self.shells[..self.shells.partition_point(|&i| i < upto)].last()?;
            match &self.file.instructions[*last].body {
                Body::Shell(words) if *last >= s.instructions.start => Some(words.as_slice()),
                _ => None,
            }
        })
    }

    /// The SHELL a RUN at `instruction` runs with: the one in effect there, or for an ONBUILD trigger
    /// the one the finished stage hands on (triggers run in the images built on it).
    pub fn shell_for(&self, instruction: usize) -> Option<&'a [Word]> {
        let stage = self.stage_of(instruction)?;
        match self.file.instructions[instruction].keyword {
            Keyword::Onbuild => self.final_shell(stage),
            _ => self.shell_at(instruction),
        }
    }

    /// Whether RUN at `instruction` runs through a POSIX shell (not PowerShell or cmd). Without a
    /// SHELL, Windows images run cmd.
    pub fn runs_posix_shell(&self, instruction: usize) -> bool {
        match self.shell_for(instruction).and_then(|w| w.first()) {
            Some(program) => {
                let name = shell::program_name(&program.text).to_ascii_lowercase();
                !(name.starts_with("powershell") || name.starts_with("pwsh") || name.starts_with("cmd"))
            }
            None => !self.stage_of(instruction).is_some_and(|s| self.is_windows(s)),
        }
    }

    /// The dialect RUN's shell form runs in at `instruction`: SHELL's program, or `/bin/sh` of the
    /// stage's image. `None` for PowerShell, cmd and other programs.
    pub fn dialect_at(&self, instruction: usize) -> Option<Dialect> {
        let stage = self.stage_of(instruction)?;
        let dialect = match self.shell_at(instruction).and_then(|w| w.first()) {
            Some(program) => Dialect::from_program(&program.text)?,
            None if self.is_windows(stage) => return None,
            None => Dialect::Sh,
        };
        Some(self.resolve_dialect(stage, dialect))
    }

    /// Resolves `sh` to what `/bin/sh` is in the stage's image: BusyBox ash on Alpine and BusyBox,
    /// bash on the Red Hat family, and dash (Debian, Ubuntu and the official images built on them)
    /// otherwise.
    pub fn resolve_dialect(&self, stage: &Stage, dialect: Dialect) -> Dialect {
        if dialect != Dialect::Sh {
            return dialect;
        }
        match self.image_family(stage) {
            ImageFamily::Busybox => Dialect::Ash,
            ImageFamily::RedHat => Dialect::Bash,
            ImageFamily::Debian | ImageFamily::Windows | ImageFamily::Unknown => Dialect::Dash,
        }
    }

    /// Whether the stage is built on a Windows image: `mcr.microsoft.com/windows/...`, or a name or
    /// tag with `nanoserver` or `servercore` (`dotnet/runtime:8.0-nanoserver-ltsc2022`).
    pub fn is_windows(&self, stage: &Stage) -> bool {
        self.image_family(stage) == ImageFamily::Windows
    }

    /// Whether `/bin/bash` is known to exist in the stage's image.
    pub fn has_bash(&self, stage: &Stage) -> bool {
        matches!(self.image_family(stage), ImageFamily::Debian | ImageFamily::RedHat)
    }

    /// The family of the image at the root of the stage's ancestry, told from its name and tag.
    pub fn image_family(&self, stage: &Stage) -> ImageFamily {
        self.families.get(stage.index).copied().unwrap_or(ImageFamily::Unknown)
    }

    fn root_image_family(&self, stage: &Stage) -> ImageFamily {
        let root = self.ancestry(stage).last().unwrap_or(stage);
        let Base::Image { reference, .. } = &root.base else { return ImageFamily::Unknown };
        let image = root.image_text.to_ascii_lowercase();
        let name = reference.path.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
        let is_one_of = |names: &[&str]| {
            names.iter().any(|n| name.strip_prefix(n).is_some_and(|rest| rest.is_empty() || rest.starts_with('-')))
        };
        if image.starts_with("mcr.microsoft.com/windows")
            || image.contains("nanoserver")
            || image.contains("servercore")
        {
            ImageFamily::Windows
        } else if image.contains("alpine") || name == "busybox" {
            ImageFamily::Busybox
        } else if is_one_of(&RED_HAT_IMAGES) || name.starts_with("ubi") {
            ImageFamily::RedHat
        } else if !image.contains("distroless") && is_one_of(&DEBIAN_IMAGES) {
            ImageFamily::Debian
        } else {
            ImageFamily::Unknown
        }
    }

    fn parse_script(&self, index: usize, cache: Option<&ScriptCache>) -> Option<Script> {
        let instruction = &self.file.instructions[index];
        let command = match &instruction.body {
            Body::Command(c) if instruction.keyword == Keyword::Run => c,
            Body::Onbuild(inner) if inner.keyword == Keyword::Run => inner.command()?,
            _ => return None,
        };
        // Exec form bypasses SHELL; shell form under PowerShell or cmd is not ours to parse.
        if matches!(command, Command::Shell { .. }) && !self.runs_posix_shell(index) {
            return None;
        }
        match cache {
            Some(cache) => cache.parse_command(self.source, command, self.escape()),
            None => shell::parse_command(self.source, command, self.escape()),
        }
    }

    /// Global ARG lookup, as FROM lines see it.
    fn global_lookup(&self, name: &str) -> Lookup {
        self.global_lookup_before(usize::MAX, name)
    }

    /// What `name` means just before `instruction`: ARGs and ENVs declared earlier in its stage, ENVs
    /// of the stages it is built on, and global ARGs re-declared in the stage.
    pub fn lookup(&self, instruction: usize, name: &str) -> Lookup {
        match self.stage_of(instruction) {
            Some(stage) => self.lookup_in(stage, instruction, name),
            None => self.global_lookup(name),
        }
    }

    /// What `name` means in `stage` just before instruction `upto`, which may be the stage's end.
    pub fn lookup_in(&self, stage: &Stage, upto: usize, name: &str) -> Lookup {
        let Some((at, pair)) = self.stage_declaration(stage, upto, name) else {
            return match PREDEFINED_ARGS.contains(&name) {
                true => Lookup::Unknown,
                false => Lookup::Undeclared,
            };
        };
        let declared = &self.declarations(at)[pair];
        match &declared.value {
            Some(v) => Lookup::Value(v.clone()),
            None if self.file.instructions[at].keyword == Keyword::Arg && !declared.has_value => {
                match self.global_lookup(name) {
                    Lookup::Undeclared => Lookup::Unknown,
                    global => global,
                }
            }
            None => Lookup::Unknown,
        }
    }

    /// The ARG or ENV instruction whose declaration of `name` is in effect in `stage` just before
    /// instruction `upto`, or with no stage, among the global ARGs above `upto`.
    pub fn declared_by(&self, stage: Option<&Stage>, upto: usize, name: &str) -> Option<usize> {
        match stage {
            Some(stage) => self.stage_declaration(stage, upto, name).map(|(i, _)| i),
            None => self.global_declaration_before(upto, name).map(|(i, _)| i),
        }
    }

    /// The ARG or ENV that `name` refers to just before `instruction`, as (instruction, pair index): FROM
    /// lines and global ARGs see the global ARGs above them, other instructions the scope of their stage.
    pub fn declaration(&self, instruction: usize, name: &str) -> Option<(usize, usize)> {
        match self.stage_of(instruction) {
            Some(stage) if self.file.instructions[instruction].keyword != Keyword::From => {
                self.stage_declaration(stage, instruction, name)
            }
            _ => self.global_declaration_before(instruction, name),
        }
    }

    /// The global ARG that a stage's `ARG NAME` without a value (instruction, pair index) imports.
    pub fn imported_global(&self, instruction: usize, pair: usize) -> Option<(usize, usize)> {
        let inst = self.file.instructions.get(instruction)?;
        let declared = self.declarations(instruction).get(pair)?;
        let imports = inst.keyword == Keyword::Arg && !declared.has_value && self.stage_of(instruction).is_some();
        imports.then(|| self.global_declaration_before(usize::MAX, &declared.name)).flatten()
    }

    fn stage_declaration(&self, stage: &Stage, instruction: usize, name: &str) -> Option<(usize, usize)> {
        self.ancestry(stage).enumerate().find_map(|(position, s)| {
            let upto = if position == 0 { instruction } else { s.instructions.end };
            let declared = self.names[s.index].get(name)?;
            let before = &declared[..declared.partition_point(|&(i, _)| i < upto)];
            // ARGs are scoped to their own stage; ENV is inherited by stages built on it.
            before
                .iter()
                .rev()
                .find(|&&(i, _)| position == 0 || self.file.instructions[i].keyword != Keyword::Arg)
                .copied()
        })
    }

    /// The ARG and ENV names a RUN at `instruction` sees in its environment, sorted: the stage's own,
    /// and the ENVs of the stages it is built on.
    pub fn environment_names(&self, instruction: usize) -> Vec<&str> {
        match self.stage_of(instruction) {
            Some(stage) => self.names_in(stage, instruction),
            None => Vec::new(),
        }
    }

    /// The ARG and ENV names declared in `stage` before instruction `upto` (which may be the stage's
    /// end) and the ENVs of the stages it is built on, sorted.
    pub fn names_in(&self, stage: &Stage, upto: usize) -> Vec<&str> {
        let mut names = Vec::new();
        for (position, s) in self.ancestry(stage).enumerate() {
            let upto = if position == 0 { upto.min(s.instructions.end) } else { s.instructions.end };
            for i in s.instructions.start + 1..upto {
                if position == 0 || self.file.instructions[i].keyword == Keyword::Env {
                    names.extend(self.declarations(i).iter().map(|d| d.name.as_str()));
                }
            }
        }
        names.sort_unstable();
        names.dedup();
        names
    }

    /// Expands `text` as the instruction at `instruction` would.
    pub fn expand_at(&self, instruction: usize, text: &str) -> Expanded {
        expand(text, self.escape(), &|name| self.lookup(instruction, name))
    }

    /// Expands `text` as the FROM at `instruction` would: only global ARGs declared above it count.
    pub fn expand_in_from(&self, instruction: usize, text: &str) -> Expanded {
        expand(text, self.escape(), &|name| self.global_lookup_before(instruction, name))
    }

    /// The names a global or stage ARG instruction declares, in order.
    pub fn declared_names(&self, instruction: usize) -> impl Iterator<Item = &str> + '_ {
        self.declarations(instruction).iter().map(|d| d.name.as_str())
    }

    /// ARG or ENV declarations made by one instruction, values expanded where they are declared.
    fn declarations(&self, index: usize) -> &[Declaration] {
        self.declared[index].get_or_init(|| self.declare(index))
    }

    fn declare(&self, index: usize) -> Vec<Declaration> {
        let instruction = &self.file.instructions[index];
        let (Keyword::Arg | Keyword::Env, Body::Args(pairs) | Body::Pairs(pairs)) =
            (instruction.keyword, &instruction.body)
        else {
            return Vec::new();
        };
        let mut out: Vec<Declaration> = Vec::new();
        for pair in pairs {
            let value = pair.value.as_ref().and_then(|v| {
                let raw = if pair.legacy { v.text.clone() } else { v.unquoted() };
                // Docker expands every value of one ENV with the variables as they were before it;
                // the pairs of one ARG are declared in order.
                let same_instruction = out.iter().rev().filter(|_| instruction.keyword == Keyword::Arg);
                let local = |name: &str| match same_instruction.clone().find(|d| d.name == name) {
                    Some(Declaration { value: Some(v), .. }) => Lookup::Value(v.clone()),
                    Some(_) => Lookup::Unknown,
                    None if self.stage_of(index).is_some() => self.lookup(index, name),
                    None => self.global_lookup_before(index, name),
                };
                // A value built from names not known here (the base image's ENV, a build arg without
                // default) is itself unknown.
                let expanded = expand(&raw, self.escape(), &local);
                expanded.is_resolved().then_some(expanded.text)
            });
            out.push(Declaration { name: pair.key.text.clone(), value, has_value: pair.value.is_some() });
        }
        out
    }

    /// What `name` means to a FROM above instruction `index`: only global ARGs declared before it count.
    pub fn global_lookup_before(&self, index: usize, name: &str) -> Lookup {
        let declared = self.global_declaration_before(index, name).map(|(at, pair)| &self.declarations(at)[pair]);
        match declared {
            Some(Declaration { value: Some(v), .. }) => Lookup::Value(v.clone()),
            Some(_) => Lookup::Unknown,
            None if PREDEFINED_ARGS.contains(&name) => Lookup::Unknown,
            None => Lookup::Undeclared,
        }
    }

    fn global_declaration_before(&self, index: usize, name: &str) -> Option<(usize, usize)> {
        self.global_args
            .iter()
            .rev()
            .filter(|&&i| i < index)
            .find_map(|&i| self.declarations(i).iter().rposition(|d| d.name == name).map(|pair| (i, pair)))
    }
}

/// The names the ARGs and ENVs among `instructions` declare, each with its declarations in order.
fn declared_names(file: &Dockerfile, instructions: std::ops::Range<usize>) -> HashMap<&str, Vec<(usize, usize)>> {
    let mut names: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for index in instructions {
        let instruction = &file.instructions[index];
        if let (Keyword::Arg | Keyword::Env, Body::Args(pairs) | Body::Pairs(pairs)) =
            (instruction.keyword, &instruction.body)
        {
            for (pair, declared) in pairs.iter().enumerate() {
                names.entry(declared.key.text.as_str()).or_default().push((index, pair));
            }
        }
    }
    names
}

/// Targets of a RUN's cache and tmpfs mounts (`--mount=type=cache,target=/root/.cache`). Takes the
/// instruction itself so ONBUILD's inner RUN can be asked too.
pub fn cache_mount_targets(run: &Instruction) -> Vec<&str> {
    run.flags
        .iter()
        .filter(|f| f.name == "mount")
        .filter_map(|flag| {
            let value = flag.value.as_ref()?;
            let mut kind = "bind";
            let mut target = "";
            for part in value.text.split(',') {
                match part.split_once('=') {
                    Some(("type", v)) => kind = v,
                    Some(("target" | "dst" | "destination", v)) => target = v,
                    _ => {}
                }
            }
            (matches!(kind, "cache" | "tmpfs") && !target.is_empty()).then_some(target)
        })
        .collect()
}

/// Whether `path` is `dir` or inside it, comparing whole path components.
pub fn path_is_under(path: &str, dir: &str) -> bool {
    let dir = dir.trim_end_matches('/');
    path.strip_prefix(dir).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// What a base image is built from, as far as its name tells: it decides what `/bin/sh` is and
/// whether bash is there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFamily {
    /// Alpine and BusyBox: `/bin/sh` is BusyBox ash, and there is no bash.
    Busybox,
    /// Debian, Ubuntu and the official images built on them: `/bin/sh` is dash, bash is installed.
    Debian,
    /// Fedora, CentOS, RHEL/UBI and their rebuilds: `/bin/sh` is bash.
    RedHat,
    Windows,
    Unknown,
}

const RED_HAT_IMAGES: [&str; 8] =
    ["fedora", "centos", "rhel", "rockylinux", "almalinux", "amazonlinux", "oraclelinux", "photon"];

/// Debian and Ubuntu, and official images whose default variants are built on them.
const DEBIAN_IMAGES: [&str; 17] = [
    "debian",
    "ubuntu",
    "buildpack-deps",
    "python",
    "node",
    "golang",
    "ruby",
    "php",
    "perl",
    "rust",
    "gcc",
    "openjdk",
    "eclipse-temurin",
    "maven",
    "gradle",
    "nginx",
    "httpd",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    fn with_model(src: &str, check: impl FnOnce(&Model)) {
        let file = parse(src);
        check(&Model::build(src, &file));
    }

    #[test]
    fn stages_resolve_args_and_stage_names() {
        let src =
            "ARG V=3.12\nARG BASE=Builder\nFROM python:${V}-slim AS builder\nFROM ${BASE}\nFROM $UNSET\nFROM scratch\n";
        with_model(src, |m| {
            assert_eq!(m.stages.len(), 4);
            assert_eq!(m.stages[0].image_text, "python:3.12-slim");
            assert_eq!(m.stages[1].base, Base::Stage(0));
            assert!(matches!(&m.stages[2].base, Base::Image { resolved: false, .. }));
            assert_eq!(m.stages[3].base, Base::Scratch);
            assert_eq!(m.find_stage("BUILDER").map(|s| s.index), Some(0));
            assert_eq!(m.find_stage("1").map(|s| s.index), Some(1));
        });
    }

    #[test]
    fn dialects_follow_shell_and_base_image() {
        let src = "FROM debian\nRUN a\nSHELL [\"/bin/bash\", \"-c\"]\nRUN b\nFROM python:3-alpine AS al\nRUN c\n\
                   FROM al\nSHELL [\"sh\", \"-c\"]\nRUN d\nFROM redhat/ubi9\nRUN e\nFROM x\nSHELL [\"pwsh\", \"-c\"]\nRUN f\n";
        with_model(src, |m| {
            let runs: Vec<_> = (0..m.file.instructions.len())
                .filter(|&i| m.file.instructions[i].keyword == Keyword::Run)
                .map(|i| m.dialect_at(i))
                .collect();
            let (dash, bash, ash) = (Some(Dialect::Dash), Some(Dialect::Bash), Some(Dialect::Ash));
            assert_eq!(runs, vec![dash, bash, ash, ash, bash, None]);
        });
    }

    #[test]
    fn declared_names_follow_scopes() {
        let src = "ARG G\nFROM a AS one\nENV E=1\nARG L\nFROM one\nARG G\nRUN x\nENV LATE=1\n";
        with_model(src, |m| assert_eq!(m.environment_names(6), vec!["E", "G"]));
    }

    #[test]
    fn scopes_follow_docker() {
        let src = "ARG G=global\nFROM a AS one\nENV E=e1 F=${E}x\nARG G\nARG L=local\nUSER app\nFROM one\nENV ARCH=${TARGETARCH} DATA=${HOME}/d\nRUN x\n";
        with_model(src, |m| {
            let run = m.file.instructions.len() - 1;
            assert_eq!(m.lookup(run, "E"), Lookup::Value("e1".into()));
            assert_eq!(m.lookup(run, "F"), Lookup::Unknown, "E is not set yet when the same ENV expands F");
            assert_eq!(m.lookup(run, "L"), Lookup::Undeclared);
            assert_eq!(m.lookup(run, "G"), Lookup::Undeclared);
            assert_eq!(m.lookup(5, "G"), Lookup::Value("global".into()));
            assert_eq!(m.lookup(3, "G"), Lookup::Undeclared);
            assert_eq!(m.expand_at(run, "${E}/${TARGETARCH}").unresolved, vec!["TARGETARCH"]);
            assert_eq!(m.lookup(run, "ARCH"), Lookup::Unknown, "built from an unknown platform ARG");
            assert_eq!(m.lookup(run, "DATA"), Lookup::Unknown, "built from the base image's ENV");
            let (at, user) = m.effective_user(&m.stages[1]).unwrap();
            assert_eq!((at, user.text.as_str()), (5, "app"));
        });
    }

    #[test]
    fn from_lines_see_only_global_args_above_them() {
        let src = "ARG A=1\nFROM x:$A AS one\nENV B=2\nFROM one:$B$C\nARG C=3\n";
        with_model(src, |m| {
            assert_eq!(m.expand_in_from(1, "x:$A").text, "x:1");
            let e = m.expand_in_from(3, "one:$B$A");
            assert_eq!((e.text.as_str(), e.undeclared.clone()), ("one:$B1", vec!["B".to_string()]));
            assert_eq!(m.declared_names(4).collect::<Vec<_>>(), vec!["C"]);
        });
    }

    #[test]
    fn image_families_tell_where_bash_is() {
        let images = [
            ("debian:12-slim", true),
            ("python:3.12-slim", true),
            ("library/node:20", true),
            ("registry.access.redhat.com/ubi9/ubi-minimal", true),
            ("fedora:40", true),
            ("python:3.12-alpine", false),
            ("busybox", false),
            ("gcr.io/distroless/python3-debian12", false),
            ("python:3.12-windowsservercore", false),
            ("scratch", false),
            ("mycompany/app:1", false),
        ];
        for (image, bash) in images {
            with_model(&format!("FROM {image} AS base\nFROM base\n"), |m| {
                assert_eq!(m.has_bash(&m.stages[1]), bash, "{image}");
            });
        }
    }

    #[test]
    fn windows_images_run_cmd_without_a_shell_instruction() {
        let src = "ARG REPO=mcr.microsoft.com/dotnet/runtime\nFROM $REPO:8.0-nanoserver-ltsc2022 AS w\nRUN dir | findstr x\nFROM w\nRUN echo\nSHELL [\"bash\", \"-c\"]\nRUN ls\nFROM dockcross/windows-static-x64\nRUN ls\n";
        with_model(src, |m| {
            assert!(m.is_windows(&m.stages[1]) && !m.is_windows(&m.stages[2]));
            assert!(m.script(2).is_none() && m.script(4).is_none());
            assert!(m.script(6).is_some() && m.script(8).is_some());
        });
    }

    #[test]
    fn one_env_expands_with_the_variables_from_before_it() {
        with_model("FROM a\nENV abc=hello\nENV abc=bye def=$abc\nRUN x\nARG A=1 B=${A}2\nRUN y\n", |m| {
            assert_eq!(m.lookup(3, "def"), Lookup::Value("hello".into()));
            assert_eq!(m.lookup(3, "abc"), Lookup::Value("bye".into()));
            assert_eq!(m.lookup(5, "B"), Lookup::Value("12".into()));
        });
    }

    #[test]
    fn scripts_skip_non_posix_shells_and_find_cache_mounts() {
        let src = "FROM a\nRUN --mount=type=cache,target=/var/cache/apt echo a\nSHELL [\"pwsh\", \"-c\"]\nRUN echo b\n";
        with_model(src, |m| {
            assert!(m.script(1).is_some());
            assert!(m.script(3).is_none());
            assert_eq!(m.shell_at(2), None);
            assert_eq!(m.final_shell(&m.stages[0]).map(|w| w[0].text.as_str()), Some("pwsh"));
            let covered = |path: &str| cache_mount_targets(m.instruction(1)).iter().any(|t| path_is_under(path, t));
            assert!(covered("/var/cache/apt/archives"));
            let triggers = "FROM a\nONBUILD RUN a | b\nSHELL [\"pwsh\", \"-c\"]\n";
            let file = parse(triggers);
            assert!(Model::build(triggers, &file).script(1).is_none(), "a trigger runs under the final SHELL");
            assert!(!covered("/var/lib/apt/lists"));
            assert!(!covered("/var/cache/aptitude"));
            assert_eq!(cache_mount_targets(m.instruction(1)), vec!["/var/cache/apt"]);
        });
    }
}
