//! What Dockerfile instructions, their flags, `RUN --mount` options and parser directives mean: the one
//! table hover and completion both read. Pure data; the lookups at the end only search it.

use crate::syntax::Keyword;

/// A value a flag, mount option or directive accepts, with what choosing it means.
#[derive(Debug)]
pub struct Choice {
    pub name: &'static str,
    pub doc: &'static str,
}

#[derive(Debug)]
pub struct FlagDoc {
    /// Without the leading `--`.
    pub name: &'static str,
    pub doc: &'static str,
    /// What the value looks like (`<duration>`); empty for flags that take none.
    pub value: &'static str,
    /// The values it accepts, when they are a fixed set or have common picks.
    pub choices: &'static [Choice],
    /// Whether an instruction may carry the flag more than once.
    pub repeatable: bool,
}

#[derive(Debug)]
pub struct InstructionDoc {
    pub keyword: Keyword,
    pub doc: &'static str,
    pub usage: &'static str,
    /// Completion snippet after the keyword, in LSP snippet syntax.
    pub snippet: &'static str,
    pub flags: &'static [&'static FlagDoc],
    /// Kept for old files only; completion marks it deprecated.
    pub deprecated: bool,
}

#[derive(Debug)]
pub struct MountType {
    pub name: &'static str,
    pub doc: &'static str,
    /// The options the type accepts besides `type`, by their first name in [`MOUNT_OPTIONS`].
    pub options: &'static [&'static str],
}

#[derive(Debug)]
pub struct MountOption {
    /// The name completion offers; `aliases` mean the same.
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub doc: &'static str,
    /// Whether it is written `key=value` rather than alone (`ro`).
    pub takes_value: bool,
    pub choices: &'static [Choice],
}

#[derive(Debug)]
pub struct DirectiveDoc {
    pub name: &'static str,
    pub doc: &'static str,
    pub usage: &'static str,
    pub choices: &'static [Choice],
}

const BOOLEANS: &[Choice] =
    &[Choice { name: "true", doc: "Turn it on." }, Choice { name: "false", doc: "Turn it off." }];

const PLATFORM: FlagDoc = FlagDoc {
    name: "platform",
    doc: "Pulls the base image for another platform than the one being built for.",
    value: "<os>/<arch>[/<variant>]",
    choices: &[
        Choice { name: "$BUILDPLATFORM", doc: "The platform of the machine running the build (for cross-compiling)." },
        Choice { name: "$TARGETPLATFORM", doc: "The platform the build produces." },
        Choice { name: "linux/amd64", doc: "64-bit x86 Linux." },
        Choice { name: "linux/arm64", doc: "64-bit ARM Linux." },
        Choice { name: "linux/arm/v7", doc: "32-bit ARMv7 Linux." },
    ],
    repeatable: false,
};

const MOUNT: FlagDoc = FlagDoc {
    name: "mount",
    doc: "Mounts a cache, secret, SSH agent, tmpfs or files from the context or a stage while the command runs; \
          nothing mounted ends up in the layer.",
    value: "type=<type>[,<option>=<value>...]",
    choices: &[],
    repeatable: true,
};

const NETWORK: FlagDoc = FlagDoc {
    name: "network",
    doc: "Chooses the network the command runs in.",
    value: "<mode>",
    choices: &[
        Choice { name: "default", doc: "The build's default network." },
        Choice { name: "none", doc: "No network at all: only loopback." },
        Choice { name: "host", doc: "The host's network (needs the `network.host` entitlement)." },
    ],
    repeatable: false,
};

const SECURITY: FlagDoc = FlagDoc {
    name: "security",
    doc: "Runs the command with or without the usual sandbox.",
    value: "<mode>",
    choices: &[
        Choice { name: "sandbox", doc: "The default, confined sandbox." },
        Choice {
            name: "insecure",
            doc: "Full privileges, like `docker run --privileged` (needs the `security.insecure` entitlement).",
        },
    ],
    repeatable: false,
};

const FROM_STAGE: FlagDoc = FlagDoc {
    name: "from",
    doc: "Copies from an earlier stage, an image or a named build context instead of the build context.",
    value: "<stage|image|context>",
    choices: &[],
    repeatable: false,
};

const CHOWN: FlagDoc = FlagDoc {
    name: "chown",
    doc: "Sets the owner and group of the copied files (names or numeric ids); root otherwise.",
    value: "<user>[:<group>]",
    choices: &[],
    repeatable: false,
};

const CHMOD: FlagDoc = FlagDoc {
    name: "chmod",
    doc: "Sets the permissions of the copied files, in octal or symbolic form.",
    value: "<mode>",
    choices: &[],
    repeatable: false,
};

const LINK: FlagDoc = FlagDoc {
    name: "link",
    doc: "Copies into a layer of its own that does not depend on the layers before it, so it can be reused \
          after a base image changes.",
    value: "",
    choices: &[],
    repeatable: false,
};

const PARENTS: FlagDoc = FlagDoc {
    name: "parents",
    doc: "Keeps the sources' parent directories under the destination instead of flattening them.",
    value: "",
    choices: &[],
    repeatable: false,
};

const EXCLUDE: FlagDoc = FlagDoc {
    name: "exclude",
    doc: "Leaves out the sources that match a pattern (may be given more than once).",
    value: "<pattern>",
    choices: &[],
    repeatable: true,
};

const CHECKSUM: FlagDoc = FlagDoc {
    name: "checksum",
    doc: "Verifies a remote source against a digest before adding it.",
    value: "sha256:<hex>",
    choices: &[],
    repeatable: false,
};

const KEEP_GIT_DIR: FlagDoc = FlagDoc {
    name: "keep-git-dir",
    doc: "Keeps the `.git` directory when adding a Git repository.",
    value: "<bool>",
    choices: BOOLEANS,
    repeatable: false,
};

const UNPACK: FlagDoc = FlagDoc {
    name: "unpack",
    doc: "Says whether a local or remote archive is extracted (local archives are by default, remote ones not).",
    value: "<bool>",
    choices: BOOLEANS,
    repeatable: false,
};

const INTERVAL: FlagDoc = FlagDoc {
    name: "interval",
    doc: "Time between two checks (30s by default).",
    value: "<duration>",
    choices: &[],
    repeatable: false,
};

const TIMEOUT: FlagDoc = FlagDoc {
    name: "timeout",
    doc: "How long one check may take before it counts as failed (30s by default).",
    value: "<duration>",
    choices: &[],
    repeatable: false,
};

const START_PERIOD: FlagDoc = FlagDoc {
    name: "start-period",
    doc: "Start-up time during which failed checks do not count against the retries (0s by default).",
    value: "<duration>",
    choices: &[],
    repeatable: false,
};

const START_INTERVAL: FlagDoc = FlagDoc {
    name: "start-interval",
    doc: "Time between two checks during the start period (5s by default).",
    value: "<duration>",
    choices: &[],
    repeatable: false,
};

const RETRIES: FlagDoc = FlagDoc {
    name: "retries",
    doc: "Consecutive failures after which the container is reported unhealthy (3 by default).",
    value: "<count>",
    choices: &[],
    repeatable: false,
};

/// Every instruction, in the order [`Keyword::ALL`] lists them.
pub const INSTRUCTIONS: &[InstructionDoc] = &[
    InstructionDoc {
        keyword: Keyword::From,
        doc: "Starts a build stage on a base image, an earlier stage or `scratch`; `AS` names the stage.",
        usage: "FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]",
        snippet: "${1:image}:${2:tag}",
        flags: &[&PLATFORM],
        deprecated: false,
    },
    InstructionDoc {
        keyword: Keyword::Run,
        doc: "Runs a command while building and commits the result as a new layer.",
        usage: "RUN [--mount=...] [--network=...] [--security=...] <command> | [\"executable\", \"arg\"...]",
        snippet: "${1:command}",
        flags: &[&MOUNT, &NETWORK, &SECURITY],
        deprecated: false,
    },
    InstructionDoc {
        keyword: Keyword::Cmd,
        doc: "Sets the default command (or the default arguments of ENTRYPOINT) a container runs.",
        usage: "CMD [\"executable\", \"arg\"...] | <command>",
        snippet: "[\"${1:executable}\"]",
        flags: &[],
        deprecated: false,
    },
    InstructionDoc {
        keyword: Keyword::Label,
        doc: "Adds key-value metadata to the image.",
        usage: "LABEL <key>=<value> [<key>=<value>...]",
        snippet: "${1:key}=\"${2:value}\"",
        flags: &[],
        deprecated: false,
    },
    InstructionDoc {
        keyword: Keyword::Expose,
        doc: "Documents the ports the container listens on; it publishes nothing by itself.",
        usage: "EXPOSE <port>[/<protocol>] [...]",
        snippet: "${1:port}",
        flags: &[],
        deprecated: false,
    },
    InstructionDoc {
        keyword: Keyword::Env,
        doc: "Sets environment variables for the rest of the stage, the stages built on it and the running \
              container.",
        usage: "ENV <key>=<value> [<key>=<value>...]",
        snippet: "${1:NAME}=${2:value}",
        flags: &[],
        deprecated: false,
    },
    InstructionDoc {
        keyword: Keyword::Add,
        doc: "Adds files from the context, URLs or Git repositories to the image, extracting local archives.",
        usage: "ADD [--chown=...] [--chmod=...] [--checksum=...] <src>... <dest>",
        snippet: "${1:source} ${2:destination}",
        flags: &[&CHOWN, &CHMOD, &LINK, &EXCLUDE, &CHECKSUM, &KEEP_GIT_DIR, &UNPACK],
        deprecated: false,
    },
    InstructionDoc {
        keyword: Keyword::Copy,
        doc: "Copies files from the build context, an earlier stage or an image into the image.",
        usage: "COPY [--from=<stage>] [--chown=...] [--chmod=...] [--link] <src>... <dest>",
        snippet: "${1:source} ${2:destination}",
        flags: &[&FROM_STAGE, &CHOWN, &CHMOD, &LINK, &PARENTS, &EXCLUDE],
        deprecated: false,
    },
    InstructionDoc {
        keyword: Keyword::Entrypoint,
        doc: "Sets the executable a container runs; CMD supplies its default arguments.",
        usage: "ENTRYPOINT [\"executable\", \"arg\"...] | <command>",
        snippet: "[\"${1:executable}\"]",
        flags: &[],
        deprecated: false,
    },
    InstructionDoc {
        keyword: Keyword::Volume,
        doc: "Marks paths as mount points for volumes; later changes to them in the build are discarded.",
        usage: "VOLUME [\"<path>\"...] | <path>...",
        snippet: "${1:/data}",
        flags: &[],
        deprecated: false,
    },
    InstructionDoc {
        keyword: Keyword::User,
        doc: "Sets the user (and group) later instructions and the container run as.",
        usage: "USER <user>[:<group>]",
        snippet: "${1:user}",
        flags: &[],
        deprecated: false,
    },
    InstructionDoc {
        keyword: Keyword::Workdir,
        doc: "Sets the working directory of later instructions and the container, creating it if needed.",
        usage: "WORKDIR <path>",
        snippet: "${1:/app}",
        flags: &[],
        deprecated: false,
    },
    InstructionDoc {
        keyword: Keyword::Arg,
        doc: "Declares a build argument, with an optional default, that `--build-arg` can set; before the first \
              FROM it is global and only FROM lines see it.",
        usage: "ARG <name>[=<default>] [...]",
        snippet: "${1:NAME}",
        flags: &[],
        deprecated: false,
    },
    InstructionDoc {
        keyword: Keyword::Onbuild,
        doc: "Registers an instruction that runs when another build uses this image as its base.",
        usage: "ONBUILD <instruction>",
        snippet: "${1:instruction}",
        flags: &[],
        deprecated: false,
    },
    InstructionDoc {
        keyword: Keyword::Stopsignal,
        doc: "Sets the signal that asks the container to stop.",
        usage: "STOPSIGNAL <signal>",
        snippet: "${1:SIGTERM}",
        flags: &[],
        deprecated: false,
    },
    InstructionDoc {
        keyword: Keyword::Healthcheck,
        doc: "Sets the command that tells whether the container still works, or turns off an inherited one with \
              `NONE`.",
        usage: "HEALTHCHECK [--interval=...] [--timeout=...] [--retries=...] CMD <command> | NONE",
        snippet: "CMD ${1:command}",
        flags: &[&INTERVAL, &TIMEOUT, &START_PERIOD, &START_INTERVAL, &RETRIES],
        deprecated: false,
    },
    InstructionDoc {
        keyword: Keyword::Shell,
        doc: "Sets the shell that shell-form RUN, CMD and ENTRYPOINT run under.",
        usage: "SHELL [\"executable\", \"option\"...]",
        snippet: "[\"${1:/bin/bash}\", \"${2:-c}\"]",
        flags: &[],
        deprecated: false,
    },
    InstructionDoc {
        keyword: Keyword::Maintainer,
        doc: "Names the image's author; deprecated in favour of `LABEL org.opencontainers.image.authors`.",
        usage: "MAINTAINER <name>",
        snippet: "${1:name}",
        flags: &[],
        deprecated: true,
    },
    InstructionDoc {
        keyword: Keyword::CrossBuild,
        doc: "Balena's cross-build marker (`CROSS_BUILD_START`/`_END`), not a Docker instruction.",
        usage: "CROSS_BUILD_START | CROSS_BUILD_END",
        snippet: "",
        flags: &[],
        deprecated: true,
    },
];

const SHARING: &[Choice] = &[
    Choice { name: "shared", doc: "Concurrent builds use the cache at the same time (the default)." },
    Choice { name: "private", doc: "A concurrent build gets a fresh cache of its own." },
    Choice { name: "locked", doc: "A concurrent build waits until the cache is free." },
];

pub const MOUNT_TYPES: &[MountType] = &[
    MountType {
        name: "bind",
        doc: "Mounts a directory of the context or of another stage or image, read-only unless `rw` (the default \
              type).",
        options: &["target", "source", "from", "rw"],
    },
    MountType {
        name: "cache",
        doc: "Mounts a persistent directory that builds share, for package manager and compiler caches.",
        options: &["target", "id", "ro", "sharing", "from", "source", "mode", "uid", "gid"],
    },
    MountType { name: "tmpfs", doc: "Mounts an empty in-memory file system.", options: &["target", "size"] },
    MountType {
        name: "secret",
        doc: "Exposes a secret given with `--secret` as a file (or environment variable) that is not stored.",
        options: &["id", "target", "env", "required", "mode", "uid", "gid"],
    },
    MountType {
        name: "ssh",
        doc: "Exposes the SSH agent given with `--ssh` as a socket.",
        options: &["id", "target", "required", "mode", "uid", "gid"],
    },
];

pub const MOUNT_OPTIONS: &[MountOption] = &[
    MountOption {
        name: "type",
        aliases: &[],
        doc: "What is mounted: bind, cache, tmpfs, secret or ssh.",
        takes_value: true,
        choices: &[],
    },
    MountOption {
        name: "target",
        aliases: &["dst", "destination"],
        doc: "Where the mount appears in the container.",
        takes_value: true,
        choices: &[],
    },
    MountOption {
        name: "source",
        aliases: &["src"],
        doc: "The path mounted, inside `from` (the context by default).",
        takes_value: true,
        choices: &[],
    },
    MountOption {
        name: "from",
        aliases: &[],
        doc: "The stage, image or named context the source comes from.",
        takes_value: true,
        choices: &[],
    },
    MountOption {
        name: "ro",
        aliases: &["readonly"],
        doc: "Mounts the cache read-only.",
        takes_value: false,
        choices: &[],
    },
    MountOption {
        name: "rw",
        aliases: &["readwrite"],
        doc: "Lets the command write to the bind mount; the writes are thrown away afterwards.",
        takes_value: false,
        choices: &[],
    },
    MountOption {
        name: "id",
        aliases: &[],
        doc: "Identifies the cache, secret or SSH agent (the target path, or the secret's name, by default).",
        takes_value: true,
        choices: &[],
    },
    MountOption {
        name: "sharing",
        aliases: &[],
        doc: "How concurrent builds share the cache.",
        takes_value: true,
        choices: SHARING,
    },
    MountOption {
        name: "mode",
        aliases: &[],
        doc: "File mode of the mount, in octal.",
        takes_value: true,
        choices: &[],
    },
    MountOption { name: "uid", aliases: &[], doc: "User id owning the mount.", takes_value: true, choices: &[] },
    MountOption { name: "gid", aliases: &[], doc: "Group id owning the mount.", takes_value: true, choices: &[] },
    MountOption {
        name: "size",
        aliases: &[],
        doc: "Upper limit on the tmpfs's size, in bytes.",
        takes_value: true,
        choices: &[],
    },
    MountOption {
        name: "required",
        aliases: &[],
        doc: "Fails the build when the secret or SSH agent is not given.",
        takes_value: true,
        choices: BOOLEANS,
    },
    MountOption {
        name: "env",
        aliases: &[],
        doc: "Also exposes the secret as this environment variable.",
        takes_value: true,
        choices: &[],
    },
];

pub const DIRECTIVES: &[DirectiveDoc] = &[
    DirectiveDoc {
        name: "syntax",
        doc: "Chooses the Dockerfile frontend image BuildKit parses the file with.",
        usage: "# syntax=docker/dockerfile:1",
        choices: &[Choice { name: "docker/dockerfile:1", doc: "The latest stable 1.x frontend." }],
    },
    DirectiveDoc {
        name: "escape",
        doc: "Chooses the character that escapes and continues lines: backslash (the default) or backtick.",
        usage: "# escape=`",
        choices: &[
            Choice { name: "\\", doc: "Backslash, the default." },
            Choice { name: "`", doc: "Backtick, handy where paths use backslashes (Windows)." },
        ],
    },
    DirectiveDoc {
        name: "check",
        doc: "Configures BuildKit's build checks: which to skip, and whether a finding fails the build.",
        usage: "# check=skip=<check>[,<check>...];error=true",
        choices: &[
            Choice { name: "skip=", doc: "Build checks not to run (comma-separated names, or `all`)." },
            Choice { name: "error=true", doc: "Fail the build when a check reports something." },
        ],
    },
];

pub fn instruction(keyword: Keyword) -> &'static InstructionDoc {
    INSTRUCTIONS.iter().find(|doc| doc.keyword == keyword).expect("every keyword has a doc")
}

/// A flag of an instruction, by name without `--`.
pub fn flag(keyword: Keyword, name: &str) -> Option<&'static FlagDoc> {
    instruction(keyword).flags.iter().copied().find(|flag| flag.name == name)
}

pub fn mount_type(name: &str) -> Option<&'static MountType> {
    MOUNT_TYPES.iter().find(|t| t.name == name)
}

/// A mount option by its name or an alias.
pub fn mount_option(name: &str) -> Option<&'static MountOption> {
    MOUNT_OPTIONS.iter().find(|o| o.name == name || o.aliases.contains(&name))
}

pub fn directive(name: &str) -> Option<&'static DirectiveDoc> {
    DIRECTIVES.iter().find(|d| d.name.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_keyword_and_mount_option_is_documented() {
        let keywords: Vec<Keyword> = INSTRUCTIONS.iter().map(|doc| doc.keyword).collect();
        assert_eq!(keywords, Keyword::ALL);
        for kind in MOUNT_TYPES {
            for option in kind.options {
                assert!(mount_option(option).is_some_and(|o| o.name == *option), "{option}");
            }
        }
        assert_eq!(mount_option("dst").map(|o| o.name), Some("target"));
        assert_eq!(flag(Keyword::Add, "checksum").map(|f| f.value), Some("sha256:<hex>"));
        assert!(flag(Keyword::Copy, "checksum").is_none());
    }
}
