//! Semantic tokens: [`crate::ide::tokens`] split at line ends and delta-encoded in UTF-16 units.

use super::convert::to_span;
use crate::ide::tokens::{self, Token, TokenKind};
use crate::ide::Analysis;
use crate::text::{LineIndex, Span};
use tower_lsp_server::ls_types::{
    Range, SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokens, SemanticTokensLegend,
};

/// Token types in the order [`type_index`] numbers them.
const TYPES: [SemanticTokenType; 10] = [
    SemanticTokenType::KEYWORD,
    SemanticTokenType::PARAMETER,
    SemanticTokenType::VARIABLE,
    SemanticTokenType::NAMESPACE,
    SemanticTokenType::COMMENT,
    SemanticTokenType::MACRO,
    SemanticTokenType::STRING,
    SemanticTokenType::NUMBER,
    SemanticTokenType::OPERATOR,
    SemanticTokenType::PROPERTY,
];

fn type_index(kind: TokenKind) -> u32 {
    match kind {
        TokenKind::Keyword => 0,
        TokenKind::Flag => 1,
        TokenKind::Variable => 2,
        TokenKind::Stage => 3,
        TokenKind::Comment => 4,
        TokenKind::Directive => 5,
        TokenKind::String => 6,
        TokenKind::Number => 7,
        TokenKind::Operator => 8,
        TokenKind::Property => 9,
    }
}

/// The one modifier, bit 0.
const DECLARATION: u32 = 1;

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend { token_types: TYPES.to_vec(), token_modifiers: vec![SemanticTokenModifier::DECLARATION] }
}

/// The whole document's tokens, or those that overlap `range`.
pub fn semantic_tokens(text: &str, range: Option<Range>) -> SemanticTokens {
    let index = LineIndex::new(text);
    let within = range.map(|range| to_span(&index, text, range));
    let found = tokens::semantic_tokens(&Analysis::new(text));
    let wanted = found.into_iter().filter(|t| within.is_none_or(|w| t.span.start < w.end && w.start < t.span.end));
    SemanticTokens { result_id: None, data: encode(&index, text, wanted) }
}

/// One token per line piece, each relative to the one before.
fn encode(index: &LineIndex, text: &str, tokens: impl Iterator<Item = Token>) -> Vec<SemanticToken> {
    let mut data = Vec::new();
    let (mut previous_line, mut previous_start) = (0, 0);
    for token in tokens {
        for line in index.line_of(token.span.start)..=index.line_of(token.span.end) {
            let line_span = index.line_span(text, line);
            let piece = Span::new(token.span.start.max(line_span.start), token.span.end.min(line_span.end));
            if piece.start >= piece.end {
                continue;
            }
            let (line, start) = index.utf16_position(text, piece.start);
            let length: usize = piece.slice(text).chars().map(char::len_utf16).sum();
            data.push(SemanticToken {
                delta_line: line - previous_line,
                delta_start: if line == previous_line { start - previous_start } else { start },
                length: length as u32,
                token_type: type_index(token.kind),
                token_modifiers_bitset: if token.declaration { DECLARATION } else { 0 },
            });
            (previous_line, previous_start) = (line, start);
        }
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::Position;

    fn flat(tokens: &SemanticTokens) -> Vec<[u32; 5]> {
        tokens
            .data
            .iter()
            .map(|t| [t.delta_line, t.delta_start, t.length, t.token_type, t.token_modifiers_bitset])
            .collect()
    }

    #[test]
    fn tokens_are_split_per_line_and_counted_in_utf16() {
        let text = "FROM a\nENV 😀=1 X=\"a \\\n b\"\n";
        let tokens = semantic_tokens(text, None);
        assert_eq!(
            flat(&tokens),
            vec![
                [0, 0, 4, 0, 0], // FROM
                [1, 0, 3, 0, 0], // ENV
                [0, 4, 2, 2, 1], // 😀, two UTF-16 units
                [0, 2, 1, 8, 0], // =
                [0, 1, 1, 6, 0], // 1
                [0, 2, 1, 2, 1], // X
                [0, 1, 1, 8, 0], // =
                [0, 1, 4, 6, 0], // "a \ on the first line
                [1, 0, 3, 6, 0], //  b" on the next
            ]
        );
        let start_of_env = Range::new(Position::new(1, 0), Position::new(1, 5));
        assert_eq!(flat(&semantic_tokens(text, Some(start_of_env))), vec![[1, 0, 3, 0, 0], [0, 4, 2, 2, 1]]);
    }
}
