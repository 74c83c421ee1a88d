//! The document outline: global ARGs, then each stage with its instructions.

use super::Analysis;
use crate::syntax::{Body, Instruction, Keyword};
use crate::text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolKind {
    Stage,
    Instruction(Keyword),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentSymbol {
    pub name: String,
    /// A stage's base image as the build resolves it.
    pub detail: Option<String>,
    pub kind: SymbolKind,
    /// Everything the symbol covers.
    pub span: Span,
    /// The part that names it: a stage's `AS` name or image, an instruction's first line.
    pub selection: Span,
    pub children: Vec<DocumentSymbol>,
}

/// Longest argument text an instruction's name shows.
const NAME_CHARS: usize = 40;

/// The outline of the file, in source order.
pub fn document_symbols(analysis: &Analysis) -> Vec<DocumentSymbol> {
    let model = analysis.model();
    let source = analysis.source;
    let instructions = &analysis.file.instructions;
    let first_from = model.stages.first().map_or(instructions.len(), |s| s.from);
    let mut symbols: Vec<DocumentSymbol> =
        instructions[..first_from].iter().map(|i| instruction_symbol(source, model.escape(), i)).collect();
    for stage in &model.stages {
        let from = &instructions[stage.from];
        let Body::From { image, alias } = &from.body else { continue };
        let named = alias.as_ref().unwrap_or(image);
        let last = &instructions[stage.instructions.end - 1];
        symbols.push(DocumentSymbol {
            name: named.text.clone(),
            detail: Some(stage.image_text.clone()),
            kind: SymbolKind::Stage,
            span: from.span.join(last.span),
            selection: named.span,
            children: model
                .instructions_of(stage)
                .skip(1)
                .map(|(_, i)| instruction_symbol(source, model.escape(), i))
                .collect(),
        });
    }
    symbols
}

fn instruction_symbol(source: &str, escape: char, instruction: &Instruction) -> DocumentSymbol {
    let line_end = source[instruction.span.start..instruction.span.end]
        .find('\n')
        .map_or(instruction.span.end, |i| instruction.span.start + i);
    let first_line = Span::new(instruction.span.start, line_end);
    let text = first_line.slice(source).trim_end();
    let text = text.strip_suffix(escape).unwrap_or(text).trim_end();
    let mut words = text.split_whitespace();
    let keyword = words.next().unwrap_or_default().to_ascii_uppercase();
    let arguments = words.collect::<Vec<_>>().join(" ");
    let shown = match arguments.char_indices().nth(NAME_CHARS) {
        Some((cut, _)) => format!("{}…", &arguments[..cut]),
        None => arguments,
    };
    DocumentSymbol {
        name: format!("{keyword} {shown}").trim_end().to_owned(),
        detail: None,
        kind: SymbolKind::Instruction(instruction.keyword),
        span: instruction.span,
        selection: Span::new(first_line.start, first_line.start + text.len()),
        children: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(symbols: &[DocumentSymbol], source: &str) -> Vec<String> {
        symbols
            .iter()
            .flat_map(|s| {
                let own =
                    format!("{} [{:?}] {:?} {:?} <{}>", s.name, s.kind, s.detail, s.span, s.selection.slice(source));
                std::iter::once(own).chain(outline(&s.children, source).into_iter().map(|c| format!("  {c}")))
            })
            .collect()
    }

    #[test]
    fn stages_nest_their_instructions_after_the_global_args() {
        let source = "ARG V=3\nfrom python:${V} AS build\nRUN pip install \\\n    flask\n\nFROM build\nEXPOSE 80\n";
        let symbols = document_symbols(&Analysis::new(source));
        assert_eq!(
            outline(&symbols, source),
            vec![
                "ARG V=3 [Instruction(Arg)] None 0..7 <ARG V=3>",
                "build [Stage] Some(\"python:3\") 8..61 <build>",
                "  RUN pip install [Instruction(Run)] None 34..61 <RUN pip install>",
                "build [Stage] Some(\"build\") 63..83 <build>",
                "  EXPOSE 80 [Instruction(Expose)] None 74..83 <EXPOSE 80>",
            ]
        );
    }

    #[test]
    fn long_arguments_are_cut_at_a_character() {
        let source = format!("FROM a\nRUN {}\n", "é".repeat(60));
        let symbols = document_symbols(&Analysis::new(&source));
        let run = &symbols[0].children[0];
        assert_eq!(run.name, format!("RUN {}…", "é".repeat(NAME_CHARS)));
        assert!(document_symbols(&Analysis::new("")).is_empty());
        assert!(document_symbols(&Analysis::new("FROM\nRUN\n")).is_empty());
    }
}
