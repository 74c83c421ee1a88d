use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::{Body, Keyword};

pub struct CopyIgnoredFile;

static META: RuleMeta = RuleMeta {
    code: "BK012",
    name: "copy-ignored-file",
    summary: "COPY and ADD should not name files .dockerignore leaves out of the context",
    category: Category::Correctness,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &["CopyIgnoredFile"],
};

impl Rule for CopyIgnoredFile {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Some(ignore) = &cx.options.dockerignore else { return };
        let (Keyword::Copy | Keyword::Add, Body::Files { paths, heredocs, .. }) =
            (at.instruction.keyword, &at.instruction.body)
        else {
            return;
        };
        // Copies from a stage, an image or a named context do not read the build context.
        if at.instruction.flag("from").is_some() || !heredocs.is_empty() {
            return;
        }
        let Some((_, sources)) = paths.split_last() else { return };
        for source in sources {
            let path = source.unquoted();
            let remote = path.contains("://") || path.starts_with("git@");
            // Wildcards and variables name files only the build can list.
            if remote || path.contains(['*', '?', '[', '$']) || !ignore.excludes(&path) {
                continue;
            }
            cx.report(source.span, format!("`{path}` is excluded by .dockerignore, so the build cannot copy it"))
                .with_help("remove the source, or re-include it in .dockerignore with a `!` line");
        }
    }
}
