use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::semantic::{references, Base};
use crate::syntax::{Body, Keyword, Word};
use crate::text::suggest;

pub struct UndefinedVar;

static META: RuleMeta = RuleMeta {
    code: "BK006",
    name: "undefined-var",
    summary: "Variables used in instructions should be declared with ARG or ENV",
    category: Category::Correctness,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &["UndefinedVar"],
};

/// Variables official base images commonly set; BuildKit reads the base image's ENV, dlint does not
/// pull images, so these are assumed to come from there.
const IMAGE_ENV: [&str; 34] = [
    "PATH",
    "HOME",
    "HOSTNAME",
    "LANG",
    "LC_ALL",
    "TERM",
    "JAVA_HOME",
    "JAVA_VERSION",
    "GOPATH",
    "GOROOT",
    "GOLANG_VERSION",
    "GOTOOLCHAIN",
    "PYTHON_VERSION",
    "PYTHONPATH",
    "VIRTUAL_ENV",
    "NODE_VERSION",
    "YARN_VERSION",
    "RUBY_VERSION",
    "GEM_HOME",
    "BUNDLE_PATH",
    "BUNDLE_APP_CONFIG",
    "PHP_VERSION",
    "PHP_INI_DIR",
    "CATALINA_HOME",
    "NGINX_VERSION",
    "MAVEN_HOME",
    "CARGO_HOME",
    "RUSTUP_HOME",
    "RUST_VERSION",
    "CONDA_DIR",
    "DOTNET_VERSION",
    "ASPNET_VERSION",
    "APP_UID",
    "APP_ROOT",
];

impl Rule for UndefinedVar {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        // ONBUILD triggers expand in the child build, where other variables exist.
        if at.onbuild || !super::expands_variables(at.instruction.keyword) {
            return;
        }
        let Some(stage) = at.stage else { return };
        let model = cx.model;
        let on_image = matches!(model.ancestry(stage).last().map(|s| &s.base), Some(Base::Image { .. }));
        let mut seen: Vec<String> = Vec::new();
        for (word, declares) in words(at.instruction) {
            let undeclared = model.expand_at(at.index, &word.text).undeclared;
            for name in undeclared {
                // Earlier pairs of the same ENV or ARG are visible to later ones.
                if seen.contains(&name)
                    || !in_unquoted_text(&word.text, &name, model.escape())
                    || (on_image && IMAGE_ENV.contains(&name.as_str()))
                    // BuildKit gives every stage a default PATH, scratch included.
                    || name == "PATH"
                    || declared_later_in_stage(cx, at, &name)
                {
                    continue;
                }
                let span = super::reference_span(cx.source, word, &name, model.escape());
                let help = match suggestion(cx, at, &name) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("declare it first with `ARG {name}` or `ENV {name}=...`"),
                };
                cx.report(span, format!("variable `{name}` is not declared")).with_help(help);
                seen.push(name);
            }
            if let Some(name) = declares {
                seen.push(name.to_string());
            }
        }
    }
}

/// The words an instruction expands, each with the name it declares (ENV, ARG) once expanded.
fn words(instruction: &crate::syntax::Instruction) -> Vec<(&Word, Option<&str>)> {
    let mut out: Vec<(&Word, Option<&str>)> = Vec::new();
    for flag in &instruction.flags {
        if matches!(flag.name.as_str(), "chown" | "chmod") {
            out.extend(flag.value.as_ref().map(|w| (w, None)));
        }
    }
    match &instruction.body {
        Body::Files { paths, .. } | Body::Paths { paths, .. } | Body::Ports(paths) => {
            out.extend(paths.iter().map(|w| (w, None)))
        }
        Body::Pairs(pairs) | Body::Args(pairs) => {
            for pair in pairs {
                if instruction.keyword == Keyword::Label {
                    out.push((&pair.key, None));
                }
                match &pair.value {
                    Some(value) => out.push((value, Some(pair.key.text.as_str()))),
                    None => out.push((&pair.key, Some(pair.key.text.as_str()))),
                }
            }
            // An ARG without a value only declares.
            out.retain(|(w, declares)| declares.is_none_or(|d| d != w.text));
        }
        Body::User { user, group } => out.extend(std::iter::once(user).chain(group.as_ref()).map(|w| (w, None))),
        Body::Path(word) | Body::Text(word) => out.push((word, None)),
        _ => {}
    }
    out
}

/// Whether some reference to `name` lies outside single quotes, where Docker expands it.
fn in_unquoted_text(text: &str, name: &str, escape: char) -> bool {
    references(text, escape).into_iter().any(|r| r.name == name && text[..r.range.start].matches('\'').count() % 2 == 0)
}

/// An `ARG` for the name later in the same stage: used too early, which DF031 reports.
fn declared_later_in_stage(cx: &Context, at: At, name: &str) -> bool {
    let Some(stage) = at.stage else { return false };
    (at.index + 1..stage.instructions.end)
        .any(|i| cx.model.instruction(i).keyword == Keyword::Arg && cx.model.declared_names(i).any(|n| n == name))
}

/// A declared variable whose name is close to `name`.
fn suggestion<'a>(cx: &Context<'a>, at: At, name: &str) -> Option<String> {
    let model = cx.model;
    let stage = at.stage?;
    let mut candidates: Vec<&str> = Vec::new();
    for s in model.ancestry(stage) {
        let upto = if s.index == stage.index { at.index } else { s.instructions.end };
        for i in s.instructions.start + 1..upto {
            if matches!(model.instruction(i).keyword, Keyword::Arg | Keyword::Env) {
                candidates.extend(model.declared_names(i));
            }
        }
    }
    suggest::closest(name, candidates).map(str::to_string)
}
