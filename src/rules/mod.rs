//! The rule registry: one line per rule.

use crate::lint::RuleMeta;

/// A registered rule's metadata and its documentation (rules/CODE.md).
#[derive(Clone, Copy, Debug)]
pub struct RuleInfo {
    pub meta: &'static RuleMeta,
    pub doc: &'static str,
}

/// Every rule, sorted by code.
pub fn all() -> impl Iterator<Item = RuleInfo> {
    std::iter::empty()
}

/// The rule with this code, name or BuildKit alias (case-insensitive).
pub fn find(code_or_name: &str) -> Option<RuleInfo> {
    all().find(|info| {
        info.meta.code.eq_ignore_ascii_case(code_or_name)
            || info.meta.name.eq_ignore_ascii_case(code_or_name)
            || info.meta.aliases.iter().any(|a| a.eq_ignore_ascii_case(code_or_name))
    })
}
