use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::Body;

pub struct SystemWorkdir;

static META: RuleMeta = RuleMeta {
    code: "DF021",
    name: "system-workdir",
    summary: "`WORKDIR` is a system directory",
    category: Category::Correctness,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

/// Directories the operating system owns; `/root`, `/tmp`, `/home`, `/opt`, `/srv` and `/usr/local`
/// are meant for local files and stay allowed.
const SYSTEM_DIRS: [&str; 20] = [
    "/",
    "/bin",
    "/boot",
    "/dev",
    "/etc",
    "/lib",
    "/lib32",
    "/lib64",
    "/libx32",
    "/proc",
    "/run",
    "/sbin",
    "/sys",
    "/usr",
    "/usr/bin",
    "/usr/lib",
    "/usr/sbin",
    "/usr/share",
    "/var",
    "/var/lib",
];

impl Rule for SystemWorkdir {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Body::Path(path) = &at.instruction.body else { return };
        let expanded = cx.model.expand_at(at.index, &path.unquoted());
        if !expanded.is_resolved() {
            return;
        }
        let trimmed = expanded.text.trim_end_matches('/');
        let dir = if trimmed.is_empty() && expanded.text.starts_with('/') { "/" } else { trimmed };
        if SYSTEM_DIRS.contains(&dir) {
            cx.report(path.span, format!("`WORKDIR {dir}` is a system directory"))
                .with_help("work in a directory of your own, e.g. `/app`, so `COPY . .` cannot overwrite system files");
        }
    }
}
