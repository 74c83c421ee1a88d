use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};

pub struct CopyManyToFile;

static META: RuleMeta = RuleMeta {
    code: "DL3021",
    name: "copy-many-to-file",
    summary: "`COPY` with several sources needs a destination ending in `/`",
    category: Category::Correctness,
    severity: Severity::Error,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for CopyManyToFile {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Some((sources, destination)) = super::copy_paths(at.instruction) else { return };
        if sources.len() < 2 {
            return;
        }
        let expanded = cx.model.expand_at(at.index, &destination.unquoted());
        if !expanded.is_resolved() || expanded.text.ends_with(['/', '\\']) {
            return;
        }
        cx.report(
            destination.span,
            format!("`COPY` of {} sources to `{}`, which does not end with `/`", sources.len(), destination.text),
        )
        .with_help("end the destination with `/` so it is read as a directory");
    }
}
