use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::semantic::Base;

pub struct CopyWholeFilesystem;

static META: RuleMeta = RuleMeta {
    code: "DL3067",
    name: "copy-whole-filesystem",
    summary: "`COPY --from` copies another stage's entire filesystem",
    category: Category::Performance,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for CopyWholeFilesystem {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Some((sources, destination)) = super::copy_paths(at.instruction) else { return };
        // Copied into a directory, a whole filesystem is usually an image made only of binaries.
        if !is_root(&destination.unquoted()) {
            return;
        }
        let Some(from) = at.instruction.flag_value("from") else { return };
        // Copying everything into an empty scratch stage is how images are flattened on purpose.
        if !at.onbuild && at.stage.is_some_and(|s| s.base == Base::Scratch) {
            return;
        }
        for source in sources.iter().filter(|s| is_root(&s.unquoted())) {
            cx.report(source.span, format!("`COPY --from={from}` copies its entire filesystem"))
                .with_help("copy only the files this stage needs, e.g. the built binary or `/app`");
        }
    }
}

fn is_root(path: &str) -> bool {
    matches!(path, "/" | "/." | "//")
}
