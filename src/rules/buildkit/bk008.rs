use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::semantic::{expand, Lookup, PREDEFINED_ARGS};

pub struct InvalidDefaultArgInFrom;

static META: RuleMeta = RuleMeta {
    code: "BK008",
    name: "invalid-default-arg-in-from",
    summary: "ARG defaults should make FROM a valid image reference",
    category: Category::Correctness,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &["InvalidDefaultArgInFrom"],
};

impl Rule for InvalidDefaultArgInFrom {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Some((image, _)) = super::stage_from(&at) else { return };
        if !image.text.contains('$') {
            return;
        }
        let model = cx.model;
        let undeclared = std::cell::Cell::new(false);
        // What the build pulls when no `--build-arg` is given: ARGs without a default are empty;
        // platform ARGs always have a value.
        let lookup = |name: &str| {
            if PREDEFINED_ARGS.contains(&name) {
                return Lookup::Value("amd64".into());
            }
            let e = model.expand_in_from(at.index, &format!("${{{name}}}"));
            if !e.undeclared.is_empty() {
                undeclared.set(true);
                Lookup::Undeclared
            } else if e.is_resolved() {
                Lookup::Value(e.text)
            } else {
                Lookup::Value(String::new())
            }
        };
        let text = expand(&image.text, model.escape(), &lookup).text;
        // An undeclared name is UndefinedArgInFrom's finding.
        if undeclared.get() || is_valid_reference(&text) {
            return;
        }
        let message = match text.is_empty() {
            true => "with the ARG defaults the base image name is empty".to_string(),
            false => format!("with the ARG defaults the base image is `{text}`, which is not a valid reference"),
        };
        cx.report(image.span, message).with_help("give the ARG a default that names a real image or tag");
    }
}

/// `[registry/]path[:tag][@algorithm:hex]` as the distribution reference grammar has it.
fn is_valid_reference(text: &str) -> bool {
    let (rest, digest) = match text.split_once('@') {
        Some((rest, digest)) => (rest, Some(digest)),
        None => (text, None),
    };
    if let Some(digest) = digest {
        let Some((algorithm, hex)) = digest.split_once(':') else { return false };
        if algorithm.is_empty() || hex.len() < 32 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return false;
        }
    }
    let last_slash = rest.rfind('/').map_or(0, |i| i + 1);
    let (path, tag) = match rest[last_slash..].split_once(':') {
        Some((_, tag)) => (&rest[..rest.len() - tag.len() - 1], Some(tag)),
        None => (rest, None),
    };
    if let Some(tag) = tag {
        let valid_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-');
        if tag.is_empty() || tag.len() > 128 || tag.starts_with(['.', '-']) || !tag.chars().all(valid_char) {
            return false;
        }
    }
    let mut components: Vec<&str> = path.split('/').collect();
    let host = components.len() > 1
        && (components[0].contains(['.', ':'])
            || components[0] == "localhost"
            || components[0].chars().any(|c| c.is_ascii_uppercase()));
    if host {
        components.remove(0);
    }
    components.iter().all(|c| {
        !c.is_empty()
            && c.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || matches!(ch, '.' | '_' | '-'))
            && c.starts_with(|ch: char| ch.is_ascii_alphanumeric())
            && c.ends_with(|ch: char| ch.is_ascii_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_grammar() {
        for ok in [
            "alpine",
            "alpine:3.20",
            "ghcr.io/a/b:v1",
            "localhost:5000/x",
            "a/b@sha256:0123456789abcdef0123456789abcdef",
        ] {
            assert!(is_valid_reference(ok), "{ok}");
        }
        for bad in ["", "alpine:", "Alpine", "a//b", ":tag", "a:-x", "x@sha256:zz"] {
            assert!(!is_valid_reference(bad), "{bad}");
        }
    }
}
