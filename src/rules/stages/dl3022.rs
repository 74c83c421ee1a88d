use crate::lint::{At, Category, Context, FixAvailability, Rule, RuleMeta, Severity};
use crate::text::suggest;

pub struct CopyFromUnknownStage;

static META: RuleMeta = RuleMeta {
    code: "DL3022",
    name: "copy-from-unknown-stage",
    summary: "`COPY --from` should name an earlier stage",
    category: Category::Correctness,
    severity: Severity::Warning,
    enabled_by_default: true,
    fix: FixAvailability::Never,
    aliases: &[],
};

impl Rule for CopyFromUnknownStage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_instruction(&self, cx: &mut Context, at: At) {
        let Some((value, word)) = super::copy_from(&at) else { return };
        let Some(stage) = at.stage else { return };
        let model = cx.model;
        if value.contains('$') {
            cx.report(
                word.span,
                format!("`--from={value}` is taken literally: Docker does not expand variables in `--from`"),
            )
            .with_help("after a global `ARG`, add a stage `FROM ${...} AS <name>` and copy `--from=<name>`");
            return;
        }
        if super::is_image_reference(&value) {
            return;
        }
        // A stage defined later is DF033's finding.
        if let Ok(index) = value.parse::<usize>() {
            if index >= model.stages.len() {
                let last = model.stages.len() - 1;
                cx.report(word.span, format!("there is no stage {index}: stages are numbered 0 to {last}"))
                    .with_help("stage numbers follow the order of the `FROM` lines, from 0");
            }
            return;
        }
        let named: Vec<usize> = model.stages.iter().filter(|s| s.is_named(&value)).map(|s| s.index).collect();
        // The stage itself is DL3023's finding, a later one DF033's.
        if !named.is_empty() {
            return;
        }
        let earlier: Vec<&str> =
            model.stages[..stage.index].iter().filter_map(|s| s.name.as_ref()).map(|n| n.text.as_str()).collect();
        // A typo, or a short form of a longer name (`set` for `license-set`).
        let close = suggest::closest(&value, earlier.iter().copied()).or_else(|| {
            earlier
                .iter()
                .copied()
                .find(|name| name.split(['-', '_', '.']).any(|part| part.eq_ignore_ascii_case(&value)))
        });
        let help = match close {
            Some(name) => format!("did you mean the stage `{name}`?"),
            None => format!("name an earlier stage, or tag the image (`{value}:<version>`) if one is meant"),
        };
        cx.report(word.span, format!("no stage is named `{value}`; Docker would pull it as an image")).with_help(help);
    }
}
