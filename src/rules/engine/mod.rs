//! Findings the engine makes itself (syntax errors, suppressions), registered for docs and config.

use crate::lint::{builtin, Rule, RuleMeta};

pub struct SyntaxError;
impl Rule for SyntaxError {
    fn meta(&self) -> &'static RuleMeta {
        &builtin::SYNTAX_ERROR
    }
}

pub struct UnusedSuppression;
impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &builtin::UNUSED_SUPPRESSION
    }
}

pub struct UnknownSuppression;
impl Rule for UnknownSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &builtin::UNKNOWN_SUPPRESSION
    }
}
