//! LABEL keys and values, checked against the configured label schema.

pub mod dl3048;
pub mod dl3049;
pub mod dl3050;
pub mod dl3051;
pub mod dl3052;
pub mod dl3053;
pub mod dl3054;
pub mod dl3055;
pub mod dl3056;
pub mod dl3058;

use crate::lint::{At, Context};
use crate::syntax::{Body, KeyValue, Keyword};

/// The pairs of a LABEL instruction.
pub fn labels<'a>(at: &At<'a>) -> &'a [KeyValue] {
    match (&at.instruction.keyword, &at.instruction.body) {
        (Keyword::Label, Body::Pairs(pairs)) => pairs,
        _ => &[],
    }
}

/// Reports each label the schema gives type `kind` whose value fails `valid`. Values built from
/// variables are expanded; unknown ones are not judged.
pub fn check_values(cx: &mut Context, at: At, kind: &str, valid: fn(&str) -> bool, what: &str) {
    for pair in labels(&at) {
        let key = pair.key.unquoted();
        if cx.options.label_schema.get(&key).map(String::as_str) != Some(kind) {
            continue;
        }
        let Some(value) = &pair.value else { continue };
        let expanded = cx.model.expand_at(at.index, &value.unquoted());
        if !expanded.is_resolved() || expanded.text.is_empty() || valid(&expanded.text) {
            continue;
        }
        cx.report(value.span, format!("label `{key}` is not {what}: `{}`", expanded.text))
            .with_help(format!("the label schema requires {what} for `{key}`"));
    }
}
