use super::CacheCleanup;
use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::tools::{is_yarn_cache_clean, yarn_install};

pub struct YarnCacheKept;

static META: RuleMeta = RuleMeta {
    code: "DL3060",
    name: "yarn-cache-kept",
    summary: "Run `yarn cache clean` after `yarn install`",
    category: Category::Packages,
    severity: Severity::Info,
    enabled_by_default: true,
    fix: FixAvailability::Sometimes,
    aliases: &[],
};

const CLEANUP: CacheCleanup = CacheCleanup {
    installs: yarn_install,
    cleans: is_yarn_cache_clean,
    // Yarn 1 keeps its cache under `~/.cache/yarn` (or `/usr/local/share/.cache/yarn`).
    cache_dirs: &[".cache/yarn"],
    clean: "yarn cache clean",
};

impl Rule for YarnCacheKept {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        super::report_uncleaned(cx, &at, &CLEANUP);
    }
}
