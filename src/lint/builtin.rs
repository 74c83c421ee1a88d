//! Findings the engine itself makes, registered in the rule table like any rule.

use super::{Category, FixAvailability, RuleMeta, Severity};

pub static SYNTAX_ERROR: RuleMeta = RuleMeta {
    code: "DL1000",
    name: "syntax-error",
    summary: "The instruction cannot be parsed",
    category: Category::Syntax,
    severity: Severity::Error,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

pub static UNUSED_SUPPRESSION: RuleMeta = RuleMeta {
    code: "DF004",
    name: "unused-suppression",
    summary: "A `# dlint ignore=` code suppresses nothing",
    category: Category::Suppression,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Always,
    aliases: &[],
};

pub static UNKNOWN_SUPPRESSION: RuleMeta = RuleMeta {
    code: "DF006",
    name: "unknown-suppression-code",
    summary: "A suppression comment names a code no rule has",
    category: Category::Suppression,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Sometimes,
    aliases: &[],
};
