use crate::lint::{At, Category, Context, Edit, Fix, FixAvailability, Rule, RuleMeta, Severity};
use crate::syntax::lines;
use crate::text::Span;

pub struct NoEmptyContinuation;

static META: RuleMeta = RuleMeta {
    code: "BK003",
    name: "no-empty-continuation",
    summary: "Continued instructions should not contain empty lines",
    category: Category::Correctness,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Always,
    aliases: &["NoEmptyContinuation"],
};

impl Rule for NoEmptyContinuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        if at.onbuild {
            return;
        }
        let escape = cx.model.escape();
        let start = at.instruction.span.start;
        // The instruction's own lines, not its heredoc bodies.
        let end = lines::logical_line_end(cx.source, start, escape).min(at.instruction.span.end.max(start));
        let text = &cx.source[start..end];
        for line in lines::empty_continuation_lines(text, escape) {
            let line = line.shift(start);
            // Docker drops the line already, so removing it changes nothing.
            let whole = Span::new(line.start, (line.end + 1).min(cx.source.len()));
            cx.report(line, "empty line inside a continued instruction")
                .with_help("remove the empty line; a future Docker release will reject it")
                .with_fix(Fix::safe("Remove the empty line", vec![Edit::delete(whole)]));
        }
    }
}
