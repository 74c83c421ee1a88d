//! Folding ranges: [`crate::ide::folding`] in lines.

use crate::ide::folding::{self, FoldKind};
use crate::ide::Analysis;
use crate::text::LineIndex;
use tower_lsp_server::ls_types::{FoldingRange, FoldingRangeKind};

pub fn folding_ranges(text: &str) -> Vec<FoldingRange> {
    let index = LineIndex::new(text);
    folding::folding_ranges(&Analysis::new(text))
        .into_iter()
        .map(|fold| FoldingRange {
            start_line: index.line_of(fold.span.start) as u32,
            // The last folded character: a span may end just after its newline.
            end_line: index.line_of(fold.span.end.saturating_sub(1).max(fold.span.start)) as u32,
            kind: Some(match fold.kind {
                FoldKind::Region => FoldingRangeKind::Region,
                FoldKind::Comment => FoldingRangeKind::Comment,
            }),
            ..FoldingRange::default()
        })
        .collect()
}
