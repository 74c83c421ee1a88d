use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::semantic::{expand, Lookup};
use crate::syntax::{Body, KeyValue, Keyword};
use std::cell::RefCell;

pub struct EnvSelfReference;

static META: RuleMeta = RuleMeta {
    code: "DL3044",
    name: "env-self-reference",
    summary: "`ENV` refers to a variable defined in the same instruction",
    category: Category::Correctness,
    severity: Severity::Error,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for EnvSelfReference {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let (Keyword::Env, Body::Pairs(pairs)) = (at.instruction.keyword, &at.instruction.body) else { return };
        for (position, pair) in pairs.iter().enumerate() {
            let Some(value) = &pair.value else { continue };
            let referenced = RefCell::new(Vec::new());
            expand(&value.text, cx.model.escape(), &|name| {
                referenced.borrow_mut().push(name.to_string());
                Lookup::Unknown
            });
            let earlier = &pairs[..position];
            let mut names = referenced.into_inner();
            names.dedup();
            // `ENV A=$A B=$A` copies A unchanged, so B gets the same value either way.
            let changes = |p: &KeyValue, n: &str| {
                p.key.text == n
                    && p.value.as_ref().is_none_or(|v| v.text != format!("${n}") && v.text != format!("${{{n}}}"))
            };
            for name in names.iter().filter(|n| earlier.iter().any(|p| changes(p, n))) {
                cx.report(
                    value.span,
                    format!("`${name}` is set in this same `ENV`, so here it still has its previous value"),
                )
                .with_help(format!("set `{name}` in an earlier `ENV` instruction"));
            }
        }
    }
}
