use crate::lint::{Applicability, At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::shell::tools::{package_command, Manager};
use crate::shell::{Script, ShellCommand};

pub struct ApkMissingNoCache;

static META: RuleMeta = RuleMeta {
    code: "DL3019",
    name: "apk-missing-no-cache",
    summary: "Use `--no-cache` with `apk add`",
    category: Category::Packages,
    severity: Severity::Info,
    enabled_by_default: true,
    fix: FixAvailability::Always,
    aliases: &[],
};

impl Rule for ApkMissingNoCache {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_command(&self, cx: &mut Context, at: At, _script: &Script, command: &ShellCommand) {
        let Some(add) = package_command(command) else { return };
        // `--no-network` installs from what is already there and fetches nothing to keep.
        if add.manager != Manager::Apk || !add.installs() || command.has_any_flag(&["--no-cache", "--no-network"]) {
            return;
        }
        // `/etc/apk/cache` is the link apk follows to its cache directory.
        if super::mounts_cache(&at, &["/var/cache/apk", "/etc/apk/cache"]) {
            return;
        }
        cx.report(super::head_span(command, add.verb), "`apk add` without `--no-cache` keeps the package index in the layer")
            .with_help("pass `--no-cache`; it fetches a fresh index and stores nothing, so `--update` and cleaning `/var/cache/apk` become unnecessary")
            .with_fix(super::add_flag_after(add.verb, "--no-cache", Applicability::Safe));
    }
}
