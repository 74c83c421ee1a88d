use super::CacheCleanup;
use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct ZypperCacheKept;

static META: RuleMeta = RuleMeta {
    code: "DL3036",
    name: "zypper-cache-kept",
    summary: "Run `zypper clean` after `zypper install`",
    category: Category::Packages,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Sometimes,
    aliases: &[],
};

const CACHE: &str = "/var/cache/zypp";

const CLEANUP: CacheCleanup = CacheCleanup {
    installs: |c| super::package_verb(c, &["zypper"], &["install", "in"]),
    cleans: |c| super::package_verb(c, &["zypper"], &["clean", "cc"]).is_some() || super::removes_dir(c, &[CACHE]),
    cache_dirs: &[CACHE],
    clean: "zypper clean -a",
};

impl Rule for ZypperCacheKept {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        super::report_uncleaned(cx, &at, &CLEANUP);
    }
}
