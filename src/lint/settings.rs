//! Resolved lint settings for one file: which rules run, at what severity, with which options.

use super::diagnostic::Severity;
use super::meta::RuleMeta;
use std::collections::{BTreeMap, BTreeSet};

/// Options that individual rules read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RuleOptions {
    /// Registries base images may come from (DL3026); empty means any.
    pub trusted_registries: Vec<String>,
    /// Label keys and the kind of value each must have (label-schema rules).
    pub label_schema: BTreeMap<String, String>,
    /// Labels not in `label_schema` are reported.
    pub strict_labels: bool,
    /// The build context's `.dockerignore`, when a context is known (CopyIgnoredFile).
    pub dockerignore: Option<super::dockerignore::Dockerignore>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// When set, only these codes (or rule names) run, plus everything in `extend_select`.
    pub select: Option<BTreeSet<String>>,
    /// Codes turned on in addition to the defaults (for rules off by default).
    pub extend_select: BTreeSet<String>,
    /// Codes never reported.
    pub ignore: BTreeSet<String>,
    /// Per-code severity overrides.
    pub severity: BTreeMap<String, Severity>,
    /// The lowest severity that makes `dlint check` exit 1; `None`: findings never do.
    pub fail_level: Option<Severity>,
    pub options: RuleOptions,
    /// Run ShellCheck over RUN scripts (the front end does it; the core only carries the choice).
    pub shellcheck: bool,
    /// Honour suppression comments at all (grading turns them off: a student's `ignore=` must not
    /// hide a lost point).
    pub suppressions: bool,
    /// Honour `# hadolint ignore=` comments (hadolint's `disable-ignore-pragma` turns them off).
    pub hadolint_pragmas: bool,
    /// Other tools' codes: config and suppression comments may name them without being reported.
    pub external: BTreeSet<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            select: None,
            extend_select: BTreeSet::new(),
            ignore: BTreeSet::new(),
            severity: BTreeMap::new(),
            fail_level: Some(Severity::Info),
            options: RuleOptions::default(),
            shellcheck: false,
            suppressions: true,
            hadolint_pragmas: true,
            external: BTreeSet::new(),
        }
    }
}

impl Settings {
    /// Precedence: an exact code or name in `ignore` wins, then one in `extend_select`, then `select`
    /// (or the rule's default); `ALL` in any list applies only where nothing names the rule exactly.
    pub fn is_enabled(&self, meta: &RuleMeta) -> bool {
        if names(&self.ignore, meta) {
            return false;
        }
        if names(&self.extend_select, meta) {
            return true;
        }
        let selected = match &self.select {
            Some(select) => names(select, meta) || select.contains("ALL"),
            None => meta.enabled_by_default || self.extend_select.contains("ALL"),
        };
        let explicitly_selected = self.select.as_ref().is_some_and(|select| names(select, meta));
        selected && (explicitly_selected || !self.ignore.contains("ALL"))
    }

    pub fn severity_of(&self, meta: &RuleMeta) -> Severity {
        self.severity.get(meta.code).or_else(|| self.severity.get(meta.name)).copied().unwrap_or(meta.severity)
    }
}

fn names(set: &BTreeSet<String>, meta: &RuleMeta) -> bool {
    set.contains(meta.code) || set.contains(meta.name) || meta.aliases.iter().any(|a| set.contains(*a))
}
