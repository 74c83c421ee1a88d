//! Folding ranges: stages, instructions continued over several lines, heredocs and comment blocks.

use super::Analysis;
use crate::syntax::{Body, Command, Instruction};
use crate::text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FoldKind {
    Region,
    Comment,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fold {
    /// From the first folded line to the last; the editor folds whole lines.
    pub span: Span,
    pub kind: FoldKind,
}

/// Every region that spans more than one line, sorted by start, outer regions first.
pub fn folding_ranges(analysis: &Analysis) -> Vec<Fold> {
    let source = analysis.source;
    let model = analysis.model();
    let instructions = &analysis.file.instructions;
    let mut folds = Vec::new();
    let mut region = |span: Span, kind| folds.push(Fold { span, kind });
    for stage in &model.stages {
        region(instructions[stage.from].span.join(instructions[stage.instructions.end - 1].span), FoldKind::Region);
    }
    for instruction in instructions {
        let heredocs = heredocs(instruction);
        // The instruction's own lines; each heredoc body folds on its own.
        let end = heredocs.first().map_or(instruction.span.end, |h| h.start);
        region(Span::new(instruction.span.start, end), FoldKind::Region);
        for heredoc in heredocs {
            region(heredoc, FoldKind::Region);
        }
    }
    let comments = &analysis.file.comments;
    let mut block_start = 0;
    for (index, comment) in comments.iter().enumerate() {
        let continues = comments.get(index + 1).is_some_and(|next| {
            let between = &source[comment.span.end..next.span.start];
            matches!(between.trim_matches([' ', '\t']), "\n" | "\r\n")
        });
        if !continues {
            region(comments[block_start].span.join(comment.span), FoldKind::Comment);
            block_start = index + 1;
        }
    }
    folds.retain(|fold| fold.span.slice(source).trim_end().contains('\n'));
    folds.sort_by_key(|fold| (fold.span.start, std::cmp::Reverse(fold.span.end), fold.kind));
    folds.dedup();
    folds
}

/// Each heredoc from its marker line's end to its closing delimiter.
fn heredocs(instruction: &Instruction) -> Vec<Span> {
    let heredocs = match &instruction.body {
        Body::Command(Command::Shell { heredocs, .. }) | Body::Files { heredocs, .. } => heredocs.as_slice(),
        _ => &[],
    };
    heredocs.iter().map(|h| h.span).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::LineIndex;

    fn lines(source: &str) -> Vec<(usize, usize, FoldKind)> {
        let index = LineIndex::new(source);
        folding_ranges(&Analysis::new(source))
            .iter()
            .map(|f| (index.line_of(f.span.start), index.line_of(f.span.end), f.kind))
            .collect()
    }

    #[test]
    fn folds_stages_continuations_heredocs_and_comment_blocks() {
        let source = "# one\n# two\nFROM a\nRUN a \\\n  b\n# alone\nCOPY <<EOF /x\nhello\nEOF\n\nFROM b\nRUN x\n";
        use FoldKind::{Comment, Region};
        assert_eq!(
            lines(source),
            vec![(0, 1, Comment), (2, 8, Region), (3, 4, Region), (6, 8, Region), (10, 11, Region)]
        );
    }

    #[test]
    fn odd_input_folds_nothing_or_what_is_there() {
        assert!(lines("").is_empty());
        assert!(lines("FROM").is_empty());
        assert_eq!(lines("FROM a\nRUN <<EOF\nnever closed"), vec![(0, 2, FoldKind::Region), (1, 2, FoldKind::Region)]);
    }
}
