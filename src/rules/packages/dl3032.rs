use super::CacheCleanup;
use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::ShellCommand;

pub struct YumCacheKept;

static META: RuleMeta = RuleMeta {
    code: "DL3032",
    name: "yum-cache-kept",
    summary: "Run `yum clean all` after `yum install`",
    category: Category::Packages,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Sometimes,
    aliases: &[],
};

const CACHE: &str = "/var/cache/yum";

const CLEANUP: CacheCleanup = CacheCleanup {
    installs: |c| super::package_verb(c, &["yum"], &["install", "groupinstall", "localinstall"]),
    cleans: |c| is_clean_all(c, "yum") || super::removes_dir(c, &[CACHE]),
    cache_dirs: &[CACHE],
    clean: "yum clean all",
};

/// `yum clean` with any target (`dnf clean` for dnf), as hadolint accepts.
pub(super) fn is_clean_all(command: &ShellCommand, program: &str) -> bool {
    super::package_verb(command, &[program], &["clean"]).is_some()
}

impl Rule for YumCacheKept {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        super::report_uncleaned(cx, &at, &CLEANUP);
    }
}
