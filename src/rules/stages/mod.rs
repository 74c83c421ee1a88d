//! Multi-stage builds, instruction order within a stage, and health checks.

pub mod df002;
pub mod dl3012;
pub mod dl3022;
pub mod dl3023;
pub mod dl3024;
pub mod dl3057;
pub mod dl4003;
pub mod dl4004;

use crate::lint::{At, Context, Edit, Fix};
use crate::syntax::{Body, Keyword, Word};
use crate::text::{line_number, whole_lines};

/// Reports a `keyword` instruction that is not the first of its stage: Docker keeps only the last
/// one, so the earlier ones are dead. ONBUILD triggers belong to child builds and are not counted.
/// The fix deletes the earlier one, which changes nothing in the image.
fn report_repeated(cx: &mut Context, at: At, keyword: Keyword) {
    if at.onbuild || at.instruction.keyword != keyword {
        return;
    }
    let Some(stage) = at.stage else { return };
    let previous = (stage.instructions.start..at.index).rev().find(|&i| cx.model.instruction(i).keyword == keyword);
    let Some(previous) = previous.map(|i| cx.model.instruction(i)) else { return };
    let line = line_number(cx.source, previous.keyword_span.start);
    let name = keyword.as_str();
    let fix = Fix::safe(
        format!("Remove the earlier `{name}` (line {line})"),
        vec![Edit::delete(whole_lines(cx.source, previous.span))],
    );
    cx.report(at.instruction.keyword_span, format!("`{name}` repeated in one stage (previous on line {line})"))
        .with_help(format!("only the last `{name}` of a stage takes effect; keep one"))
        .with_related(previous.keyword_span, format!("the earlier `{name}`, which has no effect"))
        .with_fix(fix);
}

/// The `--from` value of a COPY, unquoted, with the word as written. ONBUILD triggers are skipped:
/// their stage names are resolved in the child build.
fn copy_from<'a>(at: &At<'a>) -> Option<(String, &'a Word)> {
    if at.onbuild || at.instruction.keyword != Keyword::Copy {
        return None;
    }
    let word = at.instruction.flag("from")?.value.as_ref()?;
    Some((word.unquoted(), word))
}

/// A `--from` value that names an image rather than a stage: stage names cannot hold `:`, `/` or `@`.
fn is_image_reference(value: &str) -> bool {
    value.contains([':', '/', '@'])
}

/// The image word of a stage's FROM line.
fn from_image<'a>(cx: &Context<'a>, from: usize) -> Option<&'a Word> {
    match &cx.model.instruction(from).body {
        Body::From { image, .. } => Some(image),
        _ => None,
    }
}
