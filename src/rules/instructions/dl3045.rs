use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::Keyword;

pub struct CopyRelativeWithoutWorkdir;

static META: RuleMeta = RuleMeta {
    code: "DL3045",
    name: "copy-relative-without-workdir",
    summary: "`COPY` to a relative destination before any `WORKDIR`",
    category: Category::Correctness,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for CopyRelativeWithoutWorkdir {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        // A trigger runs in the child image, whose WORKDIR is not known here.
        if at.onbuild {
            return;
        }
        let (Some((_, destination)), Some(stage)) = (super::copy_paths(at.instruction), at.stage) else { return };
        let model = cx.model;
        let expanded = model.expand_at(at.index, &destination.unquoted());
        if !expanded.is_resolved() || super::is_absolute(&expanded.text) {
            return;
        }
        let workdir_set = model.ancestry(stage).any(|s| {
            let upto = if s.index == stage.index { at.index } else { s.instructions.end };
            (s.instructions.start..upto).any(|i| model.instruction(i).keyword == Keyword::Workdir)
        });
        if !workdir_set {
            cx.report(destination.span, format!("`COPY` to relative `{}` before any `WORKDIR`", destination.text))
                .with_help("set `WORKDIR` first, or copy to an absolute path");
        }
    }
}
