use super::CacheCleanup;
use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct DnfCacheKept;

static META: RuleMeta = RuleMeta {
    code: "DL3040",
    name: "dnf-cache-kept",
    summary: "Run `dnf clean all` after `dnf install`",
    category: Category::Packages,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Sometimes,
    aliases: &[],
};

const CACHES: &[&str] = &["/var/cache/dnf", "/var/cache/libdnf5", ".cache/libdnf5"];

const CLEANUP: CacheCleanup = CacheCleanup {
    installs: |c| super::package_verb(c, DNF, &["install", "in", "groupinstall", "localinstall", "reinstall"]),
    cleans: |c| DNF.iter().any(|p| super::dl3032::is_clean_all(c, p)) || super::removes_dir(c, CACHES),
    cache_dirs: CACHES,
    clean: "dnf clean all",
};

const DNF: &[&str] = &["dnf", "microdnf"];

impl Rule for DnfCacheKept {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        super::report_uncleaned(cx, &at, &CLEANUP);
    }
}
