use super::is_absolute;
use crate::lint::{At, Category, Context, Edit, Fix, FixAvailability, Rule, RuleMeta, Severity};
use crate::semantic::{Base, Model, Stage};
use crate::syntax::Body;

pub struct RelativeWorkdir;

static META: RuleMeta = RuleMeta {
    code: "DL3000",
    name: "relative-workdir",
    summary: "Use an absolute path in WORKDIR",
    category: Category::Correctness,
    severity: Severity::Error,
    enabled_by_default: true,
    fix: FixAvailability::Sometimes,
    aliases: &["WorkdirRelativePath"],
};

impl Rule for RelativeWorkdir {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Body::Path(path) = &at.instruction.body else { return };
        let expanded = cx.model.expand_at(at.index, &path.text);
        let value = strip_quotes(&expanded.text);
        // `$HOME/app` with HOME unknown (a build arg, the base image's ENV) may well be absolute.
        if strip_quotes(&path.text).starts_with('$') && !expanded.is_resolved() {
            return;
        }
        if is_absolute(value) {
            return;
        }
        let message = if value == strip_quotes(&path.text) {
            format!("WORKDIR `{}` is a relative path", path.text)
        } else {
            format!("WORKDIR `{}` is a relative path (`{value}`)", path.text)
        };
        let fix = at
            .stage
            .filter(|_| !at.onbuild && !path.text.contains('$'))
            .and_then(|stage| workdir_before(cx.model, stage, at.index))
            .map(|base| {
                let joined = join(&base, value);
                Fix::safe(format!("Replace with `{joined}`"), vec![Edit::replace(path.span, joined)])
            });
        let diagnostic = cx.report(path.span, message).with_help(
            "a relative WORKDIR depends on the directory the base image or an earlier WORKDIR left; write the full path",
        );
        if let Some(fix) = fix {
            diagnostic.with_fix(fix);
        }
    }
}

/// The path without the quotes around it. Escapes are kept: with `# escape=\``, `\` is a Windows separator.
fn strip_quotes(text: &str) -> &str {
    text.trim_matches(['"', '\''])
}

/// The working directory just before `index`, when every WORKDIR that decides it is a literal POSIX
/// path written in this file (or the stage starts from `scratch`, whose directory is `/`).
fn workdir_before(model: &Model, stage: &Stage, index: usize) -> Option<String> {
    let mut relative: Vec<String> = Vec::new();
    for (position, s) in model.ancestry(stage).enumerate() {
        let upto = if position == 0 { index } else { s.instructions.end };
        for i in (s.instructions.start..upto).rev() {
            let Body::Path(path) = &model.instruction(i).body else { continue };
            let value = strip_quotes(&path.text);
            if value.contains(['$', '\\']) || value.as_bytes().get(1) == Some(&b':') {
                return None;
            }
            relative.push(value.to_string());
            if value.starts_with('/') {
                return Some(relative.iter().rev().fold(String::new(), |base, part| join(&base, part)));
            }
        }
        match s.base {
            Base::Scratch => return Some(relative.iter().rev().fold("/".to_string(), |base, part| join(&base, part))),
            Base::Image { .. } => return None,
            Base::Stage(_) => {}
        }
    }
    None
}

/// Joins and cleans POSIX paths as Docker does: `/app` + `./src/../lib` is `/app/lib`.
fn join(base: &str, path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let start = if path.starts_with('/') { path } else { base };
    let rest = if path.starts_with('/') { "" } else { path };
    for part in start.split('/').chain(rest.split('/')) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    format!("/{}", parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_like_docker() {
        assert_eq!(join("/app", "src"), "/app/src");
        assert_eq!(join("/app/", "./src/../lib/"), "/app/lib");
        assert_eq!(join("/", "a"), "/a");
        assert_eq!(join("/app", "/opt//x"), "/opt/x");
        assert_eq!(join("/a", "../../.."), "/");
    }

    #[test]
    fn windows_paths_are_absolute() {
        assert!(is_absolute("C:\\app") && is_absolute("c:/app") && is_absolute("/app"));
        assert!(!is_absolute("app") && !is_absolute("~/app") && !is_absolute("./app"));
    }
}
