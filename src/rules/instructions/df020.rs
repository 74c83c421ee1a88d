use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::{Body, Keyword};

pub struct AddUrlWithoutChecksum;

static META: RuleMeta = RuleMeta {
    code: "DF020",
    name: "add-url-without-checksum",
    summary: "`ADD` of a remote URL without `--checksum`",
    category: Category::Security,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for AddUrlWithoutChecksum {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let (Keyword::Add, Body::Files { paths, .. }) = (at.instruction.keyword, &at.instruction.body) else { return };
        if at.instruction.flag("checksum").is_some() {
            return;
        }
        let Some((_, sources)) = paths.split_last() else { return };
        for source in sources {
            let url = source.unquoted();
            if is_http_url(&url) && !is_git_url(&url) {
                cx.report(source.span, format!("`ADD` downloads `{url}` without verifying it"))
                    .with_help("add `--checksum=sha256:<digest>` so a changed or tampered file fails the build");
            }
        }
    }
}

fn is_http_url(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Git sources are pinned by their ref (`#v1.2.3`), not by a file checksum.
fn is_git_url(url: &str) -> bool {
    let path = url.split('#').next().unwrap_or(url);
    path.ends_with(".git") || path.ends_with(".git/")
}
