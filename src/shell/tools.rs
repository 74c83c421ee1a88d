//! What dlint knows about the tools people run in RUN: package managers and their install commands.

use super::{ShellCommand, ShellWord};

/// The package manager families dlint understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Manager {
    /// `apt-get` and `apt` (Debian, Ubuntu).
    Apt,
    /// `apk` (Alpine).
    Apk,
    /// `yum`, `dnf` and `microdnf` (Fedora, RHEL and friends).
    Yum,
    /// `zypper` (openSUSE, SLES).
    Zypper,
}

/// Options that take the next word as their value, per manager. Values written as `--opt=value`
/// stay one word and need no entry.
const APT_VALUE_OPTIONS: &[&str] = &[
    "-o",
    "--option",
    "-t",
    "--target-release",
    "--default-release",
    "-c",
    "--config-file",
    "-a",
    "--host-architecture",
];
const APK_VALUE_OPTIONS: &[&str] = &[
    "-t",
    "--virtual",
    "-X",
    "--repository",
    "-p",
    "--root",
    "--keys-dir",
    "--cache-dir",
    "--arch",
    "--repositories-file",
    "--timeout",
    "--cache-max-age",
    "--from",
];
const YUM_VALUE_OPTIONS: &[&str] = &[
    "-c",
    "--config",
    "-x",
    "--exclude",
    "--installroot",
    "--releasever",
    "--enablerepo",
    "--disablerepo",
    "--repo",
    "--repoid",
    "--setopt",
    "-d",
    "--debuglevel",
    "-e",
    "--errorlevel",
    "--downloaddir",
    "--destdir",
];
const ZYPPER_VALUE_OPTIONS: &[&str] = &[
    "-r",
    "--repo",
    "--from",
    "-t",
    "--type",
    "-R",
    "--root",
    "-c",
    "--config",
    "-D",
    "--reposd-dir",
    "-C",
    "--cache-dir",
    "--installroot",
];
const NPM_VALUE_OPTIONS: &[&str] =
    &["--loglevel", "--registry", "--prefix", "--cache", "--tag", "-w", "--workspace", "--userconfig", "--omit"];
const YARN_VALUE_OPTIONS: &[&str] = &["--cwd", "--cache-folder", "--modules-folder", "--network-timeout", "--mutex"];
const GEM_VALUE_OPTIONS: &[&str] = &[
    "-i",
    "--install-dir",
    "-n",
    "--bindir",
    "-s",
    "--source",
    "-p",
    "--http-proxy",
    "-P",
    "--trust-policy",
    "--platform",
    "-g",
    "--file",
    "--build-root",
];
const GO_VALUE_OPTIONS: &[&str] = &["-C", "-o", "-p", "-tags", "-ldflags", "-gcflags", "-mod", "-modfile", "-pkgdir"];
const PIP_VALUE_OPTIONS: &[&str] = &[
    "-r",
    "--requirement",
    "-c",
    "--constraint",
    "-e",
    "--editable",
    "-i",
    "--index-url",
    "--extra-index-url",
    "-f",
    "--find-links",
    "-t",
    "--target",
    "--prefix",
    "--root",
    "--src",
    "--platform",
    "--python-version",
    "--implementation",
    "--abi",
    "--upgrade-strategy",
    "--no-binary",
    "--only-binary",
    "--progress-bar",
    "--root-user-action",
    "--report",
    "-C",
    "--config-settings",
    "--global-option",
    "--install-option",
    "--trusted-host",
    "--proxy",
    "--timeout",
    "--retries",
    "--exists-action",
    "--cert",
    "--client-cert",
    "--cache-dir",
    "--log",
    "--log-file",
    "--python",
    "--use-feature",
    "--use-deprecated",
    "--keyring-provider",
    "--group",
    // uv pip
    "-p",
    "--index",
    "--default-index",
    "--index-strategy",
    "--override",
    "--extra",
    "--python-platform",
    "--resolution",
    "--prerelease",
    "--link-mode",
];

/// Non-flag words of an argument list, skipping the values of options that take one.
pub fn operands<'a>(args: &'a [ShellWord], value_options: &[&str]) -> Vec<&'a ShellWord> {
    let mut out = Vec::new();
    let mut words = args.iter();
    while let Some(word) = words.next() {
        if word.text == "--" {
            out.extend(words.by_ref());
            break;
        }
        if word.text.starts_with('-') && word.text != "-" {
            if value_options.contains(&word.text.as_str()) {
                words.next();
            }
            continue;
        }
        out.push(word);
    }
    out
}

/// Values given to an option: `-o V`, `-oV`, `--option V` and `--option=V`.
pub fn option_values<'a>(args: &'a [ShellWord], short: &str, long: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut words = args.iter().take_while(|w| w.text != "--");
    while let Some(word) = words.next() {
        let text = word.text.as_str();
        if text == short || text == long {
            if let Some(value) = words.next() {
                out.push(value.text.as_str());
            }
        } else if let Some(value) = text.strip_prefix(long).and_then(|r| r.strip_prefix('=')) {
            out.push(value);
        } else if let Some(value) = text.strip_prefix(short).filter(|v| !short.is_empty() && !v.is_empty()) {
            out.push(value);
        }
    }
    out
}

/// A package manager command that installs, removes or refreshes: `apt-get install -y curl`.
#[derive(Clone, Debug)]
pub struct PackageCommand<'a> {
    pub manager: Manager,
    pub command: &'a ShellCommand,
    /// The subcommand word (`install`, `add`, `del`, `update` ...).
    pub verb: &'a ShellWord,
    /// The operands after the verb: package names, possibly with versions.
    pub packages: Vec<&'a ShellWord>,
}

impl PackageCommand<'_> {
    pub fn verb(&self) -> &str {
        &self.verb.text
    }

    /// Whether this command installs packages (`install`, `add`, `groupinstall`).
    pub fn installs(&self) -> bool {
        match self.manager {
            Manager::Apt => self.verb() == "install",
            Manager::Apk => self.verb() == "add",
            Manager::Yum => matches!(self.verb(), "install" | "groupinstall" | "localinstall"),
            Manager::Zypper => matches!(self.verb(), "install" | "in"),
        }
    }

    /// Whether this command removes the packages it names.
    pub fn removes(&self) -> bool {
        match self.manager {
            Manager::Apt => matches!(self.verb(), "remove" | "purge" | "autoremove"),
            Manager::Apk => self.verb() == "del",
            Manager::Yum => matches!(self.verb(), "remove" | "erase" | "autoremove"),
            Manager::Zypper => matches!(self.verb(), "remove" | "rm"),
        }
    }

    /// The value of an APT configuration option given with `-o`, e.g. `APT::Install-Recommends`.
    pub fn apt_option(&self, key: &str) -> Option<&str> {
        option_values(&self.command.args, "-o", "--option")
            .into_iter()
            .filter_map(|o| o.split_once('='))
            .rfind(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    }

    /// `apk add --virtual NAME`: the group name.
    pub fn apk_virtual(&self) -> Option<&str> {
        option_values(&self.command.args, "-t", "--virtual").pop()
    }
}

/// Recognises `apt-get`/`apt`, `apk`, `yum`/`dnf`/`microdnf` and `zypper` commands with a subcommand.
pub fn package_command(command: &ShellCommand) -> Option<PackageCommand<'_>> {
    let (manager, value_options) = match command.program() {
        "apt-get" | "apt" => (Manager::Apt, APT_VALUE_OPTIONS),
        "apk" => (Manager::Apk, APK_VALUE_OPTIONS),
        "yum" | "dnf" | "microdnf" => (Manager::Yum, YUM_VALUE_OPTIONS),
        "zypper" => (Manager::Zypper, ZYPPER_VALUE_OPTIONS),
        _ => return None,
    };
    let mut words = operands(&command.args, value_options).into_iter();
    let verb = words.next()?;
    Some(PackageCommand { manager, command, verb, packages: words.collect() })
}

/// `apt-get`, `apt` or `aptitude`.
pub fn is_apt(command: &ShellCommand) -> bool {
    matches!(command.program(), "apt-get" | "apt" | "aptitude")
}

/// `apt-get update`, `apt update` or `aptitude update`.
pub fn is_apt_update(command: &ShellCommand) -> bool {
    is_apt(command) && operands(&command.args, APT_VALUE_OPTIONS).first().is_some_and(|w| w.text == "update")
}

/// The package name of an operand without its version, release or architecture:
/// `curl=7.88*` -> `curl`, `gcc~12` -> `gcc`, `libc6:amd64` -> `libc6`.
pub fn package_name(manager: Manager, operand: &str) -> &str {
    let stops: &[char] = match manager {
        Manager::Apt => &['=', '/', ':'],
        Manager::Apk => &['=', '~', '>', '<', '@'],
        Manager::Yum | Manager::Zypper => &['=', '>', '<'],
    };
    operand.split(stops).next().unwrap_or(operand).trim()
}

/// Whether an install operand fixes the version (or names a file, which fixes it too), as hadolint
/// decides: apt `pkg=ver`, `pkg/release`, `x.deb`; apk `pkg=ver`, `pkg~ver`, `pkg>ver`, `x.apk`;
/// yum/dnf `pkg-1.2.3`, `x.rpm`; zypper `pkg=ver`, `pkg>=ver`, `x.rpm`.
pub fn is_pinned(manager: Manager, operand: &str) -> bool {
    match manager {
        Manager::Apt => operand.contains(['=', '/']) || operand.ends_with(".deb"),
        Manager::Apk => operand.contains(['=', '~', '>', '<']) || operand.ends_with(".apk"),
        Manager::Yum => operand.ends_with(".rpm") || rpm_versioned(operand),
        Manager::Zypper => operand.contains(['=', '>', '<']) || operand.ends_with(".rpm"),
    }
}

/// `name-version[-release]`: every dash-separated part after the name is made of version
/// characters and one of them starts with a digit (`nodejs-18.19.0-1.el9`, `gcc-c++` is not).
fn rpm_versioned(operand: &str) -> bool {
    let mut parts = operand.split('-');
    parts.next();
    let rest: Vec<&str> = parts.collect();
    !rest.is_empty()
        && rest.iter().all(|p| p.chars().all(|c| c.is_ascii_alphanumeric() || ".~^_:+".contains(c)))
        && rest.iter().any(|p| p.starts_with(|c: char| c.is_ascii_digit()))
}

/// A tool's subcommand with its operands: `npm install a b`, `gem install x`, `go install p@v`.
#[derive(Clone, Debug)]
pub struct ToolCommand<'a> {
    /// The subcommand word.
    pub verb: &'a ShellWord,
    /// The operands after the verb, option values excluded.
    pub operands: Vec<&'a ShellWord>,
}

/// `program VERB operands...` when the first operand (skipping options and their values) is one
/// of `verbs`.
fn tool_command<'a>(
    command: &'a ShellCommand,
    programs: &[&str],
    verbs: &[&str],
    value_options: &[&str],
) -> Option<ToolCommand<'a>> {
    if !programs.contains(&command.program()) {
        return None;
    }
    let mut words = operands(&command.args, value_options).into_iter();
    let verb = words.next().filter(|w| verbs.contains(&w.text.as_str()))?;
    Some(ToolCommand { verb, operands: words.collect() })
}

/// `npm install` (also spelt `npm i` or `npm add`) with its package specs.
pub fn npm_install(command: &ShellCommand) -> Option<ToolCommand<'_>> {
    tool_command(command, &["npm"], &["install", "i", "add"], NPM_VALUE_OPTIONS)
}

/// Whether an npm package spec fixes what gets installed, as hadolint decides: `name@version`
/// (a dist tag like `@latest` does not), a git URL with `#ref`, a local path, a tarball or URL.
pub fn npm_spec_is_fixed(spec: &str) -> bool {
    const GIT: &[&str] = &["git://", "git+ssh://", "git+http://", "git+https://", "github:", "gitlab:", "bitbucket:"];
    if GIT.iter().any(|p| spec.starts_with(p)) {
        return spec.contains('#');
    }
    if ["/", "./", "../", "~/", "file:", "http://", "https://"].iter().any(|p| spec.starts_with(p))
        || [".tar", ".tar.gz", ".tgz"].iter().any(|s| spec.ends_with(s))
        || spec == "."
    {
        return true;
    }
    // A scope (`@types/node`) is not a version.
    let unscoped = if spec.starts_with('@') { spec.split_once('/').map_or("", |(_, r)| r) } else { spec };
    unscoped.split_once('@').is_some_and(|(_, version)| !version.is_empty() && !matches!(version, "latest" | "next"))
}

/// `yarn install`, or `yarn` on its own (which installs too).
pub fn yarn_install(command: &ShellCommand) -> Option<&ShellWord> {
    if !command.is("yarn") {
        return None;
    }
    match operands(&command.args, YARN_VALUE_OPTIONS).first() {
        Some(verb) if verb.text == "install" => Some(verb),
        None => Some(&command.name),
        Some(_) => None,
    }
}

/// `yarn cache clean`.
pub fn is_yarn_cache_clean(command: &ShellCommand) -> bool {
    let words = tool_command(command, &["yarn"], &["cache"], YARN_VALUE_OPTIONS);
    words.is_some_and(|c| c.operands.first().is_some_and(|w| w.text == "clean"))
}

/// `gem install` (or `gem i`) with its gem names.
pub fn gem_install(command: &ShellCommand) -> Option<ToolCommand<'_>> {
    tool_command(command, &["gem"], &["install", "i"], GEM_VALUE_OPTIONS)
}

/// `go install`, `go get` and `go run` with their package paths; for `go run` only the package,
/// the words after it are the program's arguments.
pub fn go_package_command(command: &ShellCommand) -> Option<ToolCommand<'_>> {
    let mut go = tool_command(command, &["go"], &["install", "get", "run"], GO_VALUE_OPTIONS)?;
    if go.verb.text == "run" {
        go.operands.truncate(1);
    }
    Some(go)
}

/// Whether a go package path names a version (`@v1.2.3`, not `@latest`) or is local (`./cmd/x`).
pub fn go_package_is_fixed(path: &str) -> bool {
    path.starts_with(['.', '/'])
        || path.ends_with(".go")
        || path
            .rsplit_once('@')
            .is_some_and(|(_, v)| !v.is_empty() && !matches!(v, "latest" | "none" | "upgrade" | "patch"))
}

/// Compilers and toolchains that are only needed to build, never to run.
pub fn is_build_toolchain(name: &str) -> bool {
    const EXACT: &[&str] = &[
        "build-essential",
        "build-base",
        "alpine-sdk",
        "gcc",
        "g++",
        "gcc-c++",
        "clang",
        "make",
        "cmake",
        "golang",
        "golang-go",
        "go",
        "rustc",
        "cargo",
        "rust",
        "default-jdk",
        "default-jdk-headless",
        "maven",
        "gradle",
        "autoconf",
        "automake",
        "libtool",
        "pkg-config",
        "pkgconf",
        "pkgconfig",
    ];
    let versioned = |prefix: &str| {
        name.strip_prefix(prefix)
            .and_then(|r| r.strip_prefix('-'))
            .is_some_and(|v| !v.is_empty() && v.chars().all(|c| c.is_ascii_digit() || c == '.'))
    };
    EXACT.contains(&name)
        || name.ends_with("-dev")
        || name.ends_with("-devel")
        || ["gcc", "g++", "clang"].into_iter().any(versioned)
        || (name.starts_with("openjdk") && (name.ends_with("-jdk") || name.ends_with("-jdk-headless")))
}

/// Which installer runs a `pip install`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PipTool {
    /// `pip`, `pip3`, `python3 -m pip`.
    Pip,
    /// `uv pip`.
    Uv,
}

/// A `pip install` however it is spelled.
#[derive(Clone, Debug)]
pub struct PipInstall<'a> {
    pub tool: PipTool,
    /// The `install` word.
    pub verb: &'a ShellWord,
    /// The arguments of the pip command line, from after `pip` (global options included).
    pub args: &'a [ShellWord],
    /// Requirement operands: package specs, paths, URLs, archives (option values excluded).
    pub requirements: Vec<&'a ShellWord>,
}

impl PipInstall<'_> {
    pub fn has_flag(&self, flag: &str) -> bool {
        self.args.iter().take_while(|a| a.text != "--").any(|a| super::flag_matches(&a.text, flag))
    }

    /// Requirements come from files (`-r`) or are bounded by constraint files (`-c`).
    pub fn uses_requirement_files(&self) -> bool {
        self.has_flag("-r") || self.has_flag("--requirement")
    }

    pub fn has_constraints(&self) -> bool {
        self.has_flag("-c") || self.has_flag("--constraint")
    }

    pub fn has_editable(&self) -> bool {
        self.has_flag("-e") || self.has_flag("--editable")
    }
}

pub fn is_versioned_program(program: &str, base: &str) -> bool {
    program.strip_prefix(base).is_some_and(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

/// Recognises `pip install`, `pip3.12 install`, `python3 -m pip install` and `uv pip install`.
pub fn pip_install(command: &ShellCommand) -> Option<PipInstall<'_>> {
    let program = command.program();
    let (tool, args) = if is_versioned_program(program, "pip") {
        (PipTool::Pip, &command.args[..])
    } else if is_versioned_program(program, "python") {
        let module = command.args.iter().position(|a| a.text == "-m")?;
        (command.args.get(module + 1)?.text == "pip").then_some((PipTool::Pip, &command.args[module + 2..]))?
    } else if program == "uv" {
        (command.args.first()?.text == "pip").then_some((PipTool::Uv, &command.args[1..]))?
    } else {
        return None;
    };
    let mut words = operands(args, PIP_VALUE_OPTIONS).into_iter();
    let verb = words.next().filter(|w| w.text == "install")?;
    Some(PipInstall { tool, verb, args, requirements: words.collect() })
}

/// VCS URL schemes pip accepts (`git+https://...`).
const VCS_PREFIXES: &[&str] = &["git+", "git:", "hg+", "svn+", "svn:", "bzr+"];

/// Whether a pip requirement fixes what gets installed, as hadolint decides: a version operator
/// (`==`, `>=`, `~=` ...), a VCS URL with `@ref`, a local archive, or a path or URL that is not VCS.
pub fn pip_requirement_is_fixed(spec: &str) -> bool {
    const OPERATORS: &[&str] = &["==", ">=", "<=", "!=", "~=", ">", "<"];
    let vcs = VCS_PREFIXES.iter().any(|p| spec.starts_with(p));
    OPERATORS.iter().any(|op| spec.contains(op))
        || (vcs && spec.contains('@'))
        || [".whl", ".tar.gz", ".zip", ".tar.bz2"].iter().any(|ext| spec.ends_with(ext))
        || (!vcs && spec.contains('/'))
        || spec == "."
        || spec == ".."
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shell::{parse_command, Script};
    use crate::syntax::{parse, Body};

    fn script(run: &str) -> Script {
        let src = format!("FROM a\nRUN {run}\n");
        let file = parse(&src);
        let Body::Command(command) = &file.instructions[1].body else { panic!("not a RUN") };
        parse_command(&src, command, '\\').unwrap()
    }

    fn texts(words: &[&ShellWord]) -> Vec<String> {
        words.iter().map(|w| w.text.clone()).collect()
    }

    #[test]
    fn apt_operands_skip_option_values() {
        let s =
            script("apt-get -o Dpkg::Options::=--force-confold -t bookworm-backports install -y curl 'git=1:2.39*'");
        let install = package_command(&s.commands[0]).unwrap();
        assert_eq!((install.manager, install.verb(), install.installs()), (Manager::Apt, "install", true));
        assert_eq!(texts(&install.packages), vec!["curl", "git=1:2.39*"]);
        assert_eq!(install.apt_option("dpkg::options::"), Some("--force-confold"));
        assert!(!is_pinned(Manager::Apt, "curl") && is_pinned(Manager::Apt, "git=1:2.39*"));
        assert!(is_pinned(Manager::Apt, "./local.deb") && is_pinned(Manager::Apt, "curl/bookworm"));
        assert!(is_apt_update(&script("apt -q update").commands[0]));
        assert!(!is_apt_update(&script("apt-get install update").commands[0]));
    }

    #[test]
    fn apk_operands_skip_virtual_and_repository() {
        let s = script("apk add --no-cache --virtual .build-deps -X http://r gcc~12 musl-dev && apk del .build-deps");
        let add = package_command(&s.commands[0]).unwrap();
        assert_eq!(texts(&add.packages), vec!["gcc~12", "musl-dev"]);
        assert_eq!(add.apk_virtual(), Some(".build-deps"));
        assert_eq!(package_name(Manager::Apk, "gcc~12"), "gcc");
        let del = package_command(&s.commands[1]).unwrap();
        assert!(del.removes() && texts(&del.packages) == vec![".build-deps"]);
    }

    #[test]
    fn pip_install_is_found_in_all_spellings() {
        for run in ["pip install x", "pip3.12 install x", "python3 -u -m pip install x", "uv pip install x"] {
            let s = script(run);
            let pip = pip_install(&s.commands[0]).unwrap_or_else(|| panic!("{run}"));
            assert_eq!(texts(&pip.requirements), vec!["x"], "{run}");
        }
        assert_eq!(pip_install(&script("uv pip install x").commands[0]).unwrap().tool, PipTool::Uv);
        for run in ["pipenv install x", "python -m venv install", "pip download x", "pipx install x"] {
            assert!(pip_install(&script(run).commands[0]).is_none(), "{run}");
        }
    }

    #[test]
    fn pip_requirements_skip_files_and_option_values() {
        let s = script("pip --proxy p install -r req.txt -i https://i --no-cache-dir -e ./lib 'a[x]==1' b .");
        let pip = pip_install(&s.commands[0]).unwrap();
        assert_eq!(texts(&pip.requirements), vec!["a[x]==1", "b", "."]);
        assert!(pip.uses_requirement_files() && pip.has_editable() && !pip.has_constraints());
        assert!(pip.has_flag("--no-cache-dir"));
        let fixed = ["a==1", "a>=1,<2", "a~=1.2", "./dist/a.whl", "a.tar.gz", "https://x/a", "git+https://x/a@v1", "."];
        assert!(fixed.iter().all(|s| pip_requirement_is_fixed(s)));
        assert!(["a", "a[x]", "git+https://x/a"].iter().all(|s| !pip_requirement_is_fixed(s)));
    }

    #[test]
    fn toolchains_are_recognised_by_name() {
        for name in ["gcc", "g++-12", "build-essential", "libpq-dev", "openssl-devel", "openjdk-17-jdk", "golang-go"] {
            assert!(is_build_toolchain(name), "{name}");
        }
        for name in ["curl", "libpq5", "openjdk-17-jre", "gcc-libs", "ca-certificates", "udev"] {
            assert!(!is_build_toolchain(name), "{name}");
        }
        assert_eq!(package_name(Manager::Apt, "gcc:amd64"), "gcc");
        let yum = script("dnf --setopt x install -y gcc-c++");
        assert_eq!(texts(&package_command(&yum.commands[0]).unwrap().packages), vec!["gcc-c++"]);
    }

    #[test]
    fn language_installers_read_their_operands() {
        let npm = script("npm --loglevel warn i -g a b@1 @s/c @s/d@2 ./x git+https://h/r#v1 e@latest");
        let specs = npm_install(&npm.commands[0]).unwrap().operands;
        let loose: Vec<&str> = specs.iter().map(|w| w.text.as_str()).filter(|s| !npm_spec_is_fixed(s)).collect();
        assert_eq!(loose, vec!["a", "@s/c", "e@latest"]);
        let gem = script("gem install -N --install-dir /g rails rake:13");
        assert_eq!(texts(&gem_install(&gem.commands[0]).unwrap().operands), vec!["rails", "rake:13"]);
        let go = script("go run -tags x example.com/gen arg");
        assert_eq!(texts(&go_package_command(&go.commands[0]).unwrap().operands), vec!["example.com/gen"]);
        assert!(
            go_package_is_fixed("x.com/a@v1")
                && go_package_is_fixed("./cmd/...")
                && !go_package_is_fixed("x.com/a@latest")
        );
        assert!(yarn_install(&script("yarn").commands[0]).is_some());
        assert!(yarn_install(&script("yarn build").commands[0]).is_none());
        assert!(is_yarn_cache_clean(&script("yarn cache clean").commands[0]));
    }

    #[test]
    fn rpm_and_zypper_versions() {
        assert!(is_pinned(Manager::Yum, "nodejs-18.19.0-1.el9") && is_pinned(Manager::Yum, "/tmp/x.rpm"));
        assert!(!is_pinned(Manager::Yum, "gcc-c++") && !is_pinned(Manager::Yum, "python3-devel"));
        let zypper = script("zypper -n --from r install -y nginx=1.2");
        let install = package_command(&zypper.commands[0]).unwrap();
        assert_eq!((install.manager, install.installs()), (Manager::Zypper, true));
        assert!(is_pinned(Manager::Zypper, &install.packages[0].text));
    }

    #[test]
    fn option_values_read_all_spellings() {
        let s = script("apt-get -oA=1 --option B=2 --option=C=3 -o D=4 install x");
        assert_eq!(option_values(&s.commands[0].args, "-o", "--option"), vec!["A=1", "B=2", "C=3", "D=4"]);
    }
}
