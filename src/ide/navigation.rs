//! Go to definition, references, highlights and rename for the two kinds of names a Dockerfile declares:
//! stages (`FROM image AS name`) and build variables (ARG, ENV).
//!
//! A variable is identified by the pair that declares it; a stage's `ARG NAME` without a value re-imports
//! the global ARG, so it and the uses it brings into scope belong to the global declaration. Declaring a
//! name again (`ENV PATH=/x:$PATH`) starts a new variable, the way a shadowing `let` does.

use super::{outside, Analysis};
use crate::semantic::{self, Base, Model, PREDEFINED_ARGS};
use crate::syntax::{Body, Command, Instruction, KeyValue, Keyword, Word};
use crate::text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Symbol {
    /// A stage by index.
    Stage(usize),
    /// An ARG or ENV by the instruction and pair that declare it.
    Variable { instruction: usize, pair: usize },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Declaration,
    Use,
}

/// One place a symbol's name is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// The name alone (`X` of `${X:-d}`).
    pub span: Span,
    pub symbol: Symbol,
    pub role: Role,
    /// The declaration this name refers to directly (itself for a declaration): a use after a stage's
    /// `ARG X` points there, while its symbol is the global ARG.
    pub target: Span,
}

/// A `$NAME` or `${NAME...}` that Docker or the shell expands, declared or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VariableUse {
    /// `$NAME` or `${NAME`: the dollar sign through the name.
    pub span: Span,
    pub name: Span,
    /// The (instruction, pair) of the ARG or ENV in scope.
    pub declaration: Option<(usize, usize)>,
}

/// How a highlighted name is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// Every variable reference in the text Docker expands (most instructions' arguments and flags) and in the
/// shell text of RUN, CMD, ENTRYPOINT and HEALTHCHECK, heredocs included, sorted by position.
pub fn variable_uses(model: &Model) -> Vec<VariableUse> {
    let comments: Vec<Span> = model.file.comments.iter().map(|c| c.span).collect();
    let mut uses = Vec::new();
    for (index, instruction) in model.file.instructions.iter().enumerate() {
        for (region, escape) in expanded_regions(instruction, model.escape()) {
            for part in outside(region, &comments) {
                for reference in semantic::references(part.slice(model.source), escape) {
                    let start = part.start + reference.range.start;
                    let braced = model.source[start..].starts_with("${");
                    let name_start = start + 1 + usize::from(braced);
                    let name = Span::new(name_start, name_start + reference.name.len());
                    let declaration = resolve(model, index, &reference.name, start);
                    uses.push(VariableUse { span: Span::new(start, name.end), name, declaration });
                }
            }
        }
    }
    uses.sort_by_key(|u| (u.span.start, u.span.end));
    uses
}

/// The spans of an instruction whose variables are expanded, each with the escape character it uses:
/// Docker's (`# escape=`) for what Docker expands, the backslash for shell text.
fn expanded_regions(instruction: &Instruction, escape: char) -> Vec<(Span, char)> {
    let mut regions: Vec<(Span, char)> =
        instruction.flags.iter().filter_map(|f| f.value.as_ref()).map(|v| (v.span, escape)).collect();
    match (&instruction.keyword, &instruction.body) {
        (_, Body::Command(command) | Body::Healthcheck(Some(command))) => {
            if let Command::Shell { span, heredocs } = command {
                regions.push((*span, '\\'));
                regions.extend(heredocs.iter().map(|h| (h.body, '\\')));
            }
        }
        (Keyword::Onbuild | Keyword::Shell | Keyword::Maintainer, _) | (_, Body::Healthcheck(None)) => {}
        (_, body) => {
            let arguments = Span::new(instruction.keyword_span.end, instruction.span.end);
            let mut skipped: Vec<Span> = instruction.flags.iter().map(|f| f.span).collect();
            if let Body::Files { heredocs, .. } = body {
                skipped.extend(heredocs.iter().filter(|h| h.quoted).map(|h| h.body));
            }
            skipped.sort();
            regions.extend(outside(arguments, &skipped).into_iter().map(|part| (part, escape)));
        }
    }
    regions
}

/// The declaration `name` at `offset` of instruction `index` refers to.
fn resolve(model: &Model, index: usize, name: &str, offset: usize) -> Option<(usize, usize)> {
    let instruction = model.instruction(index);
    // One ARG declares its pairs in order, so a value sees the names before it.
    if let Body::Args(pairs) = &instruction.body {
        if let Some(pair) = pairs.iter().rposition(|p| p.key.text == name && p.span.end <= offset) {
            return Some((index, pair));
        }
    }
    let found = model.declaration(index, name)?;
    // The container's commands see ENV, not the build arguments.
    let runtime = matches!(instruction.keyword, Keyword::Cmd | Keyword::Entrypoint | Keyword::Healthcheck);
    (!runtime || model.instruction(found.0).keyword == Keyword::Env).then_some(found)
}

/// The ARG or ENV pair at (instruction, pair index).
fn declared_pair<'m>(model: &Model<'m>, (instruction, pair): (usize, usize)) -> Option<&'m KeyValue> {
    match &model.file.instructions.get(instruction)?.body {
        Body::Args(pairs) | Body::Pairs(pairs) => pairs.get(pair),
        _ => None,
    }
}

/// Every occurrence of every stage and variable name, sorted by position.
pub fn occurrences(model: &Model) -> Vec<Occurrence> {
    let mut out = Vec::new();
    let variable = |(instruction, pair)| Symbol::Variable { instruction, pair };
    let key_span = |declaration| declared_pair(model, declaration).map(|p| p.key.span);
    for (index, instruction) in model.file.instructions.iter().enumerate() {
        let (Keyword::Arg | Keyword::Env, Body::Args(pairs) | Body::Pairs(pairs)) =
            (instruction.keyword, &instruction.body)
        else {
            continue;
        };
        for (pair, declared) in pairs.iter().enumerate() {
            let span = declared.key.span;
            out.push(match model.imported_global(index, pair) {
                Some(global) => Occurrence {
                    span,
                    symbol: variable(global),
                    role: Role::Use,
                    target: key_span(global).unwrap_or(span),
                },
                None => Occurrence { span, symbol: variable((index, pair)), role: Role::Declaration, target: span },
            });
        }
    }
    for found in variable_uses(model) {
        let Some(declaration) = found.declaration else { continue };
        let Some(target) = key_span(declaration) else { continue };
        let root = model.imported_global(declaration.0, declaration.1).unwrap_or(declaration);
        out.push(Occurrence { span: found.name, symbol: variable(root), role: Role::Use, target });
    }
    stage_occurrences(model, &mut out);
    out.sort_by_key(|o| (o.span.start, o.span.end));
    out
}

fn stage_occurrences(model: &Model, out: &mut Vec<Occurrence>) {
    let mut use_of = |span: Span, stage: &semantic::Stage| {
        if let Some(alias) = &stage.name {
            out.push(Occurrence { span, symbol: Symbol::Stage(stage.index), role: Role::Use, target: alias.span });
        }
    };
    let mut declarations = Vec::new();
    for stage in &model.stages {
        if let Some(alias) = &stage.name {
            declarations.push(Occurrence {
                span: alias.span,
                symbol: Symbol::Stage(stage.index),
                role: Role::Declaration,
                target: alias.span,
            });
        }
        let Body::From { image, .. } = &model.instruction(stage.from).body else { continue };
        if let Base::Stage(parent) = stage.base {
            let parent = &model.stages[parent];
            if is_literal(model.source, image) && parent.is_named(&image.text) {
                use_of(image.span, parent);
            }
        }
    }
    for instruction in &model.file.instructions {
        for (span, name) in stage_names_in_flags(model.source, instruction) {
            if let Some(stage) = model.stages.iter().find(|s| s.is_named(name)) {
                use_of(span, stage);
            }
        }
    }
    out.extend(declarations);
}

/// Whether a word is written exactly as Docker reads it (no quotes, continuations or variables), so
/// that its span can be edited as its text.
fn is_literal(source: &str, word: &Word) -> bool {
    word.span.slice(source) == word.text && !word.text.contains(['$', '"', '\''])
}

/// `COPY --from=NAME` and `RUN --mount=...,from=NAME,...`: the names with their spans.
fn stage_names_in_flags<'i>(source: &str, instruction: &'i Instruction) -> Vec<(Span, &'i str)> {
    let mut names = Vec::new();
    for flag in &instruction.flags {
        let Some(value) = flag.value.as_ref().filter(|v| is_literal(source, v)) else { continue };
        match (instruction.keyword, flag.name.as_str()) {
            (Keyword::Copy, "from") => names.push((value.span, value.text.as_str())),
            (Keyword::Run, "mount") => {
                let mut offset = value.span.start;
                for option in value.text.split(',') {
                    if let Some(name) = option.strip_prefix("from=").filter(|n| !n.is_empty()) {
                        let start = offset + "from=".len();
                        names.push((Span::new(start, start + name.len()), name));
                    }
                    offset += option.len() + 1;
                }
            }
            _ => {}
        }
    }
    names
}

/// The occurrence under the cursor; a cursor just after a name still counts.
fn occurrence_at(occurrences: &[Occurrence], offset: usize) -> Option<&Occurrence> {
    occurrences.iter().find(|o| o.span.start <= offset && offset <= o.span.end)
}

/// Where the name under the cursor is declared.
pub fn definition(analysis: &Analysis, offset: usize) -> Option<Span> {
    let found = occurrences(&analysis.model());
    occurrence_at(&found, offset).map(|o| o.target)
}

/// Every place the symbol under the cursor is written, its declaration only when asked for.
pub fn references(analysis: &Analysis, offset: usize, include_declaration: bool) -> Vec<Span> {
    let found = occurrences(&analysis.model());
    let Some(symbol) = occurrence_at(&found, offset).map(|o| o.symbol) else { return Vec::new() };
    found
        .iter()
        .filter(|o| o.symbol == symbol && (include_declaration || o.role == Role::Use))
        .map(|o| o.span)
        .collect()
}

/// The symbol under the cursor everywhere in the file: its declaration written, its uses read.
pub fn highlights(analysis: &Analysis, offset: usize) -> Vec<(Span, Access)> {
    let found = occurrences(&analysis.model());
    let Some(symbol) = occurrence_at(&found, offset).map(|o| o.symbol) else { return Vec::new() };
    let access = |role| if role == Role::Declaration { Access::Write } else { Access::Read };
    found.iter().filter(|o| o.symbol == symbol).map(|o| (o.span, access(o.role))).collect()
}

/// The name a rename at the cursor would change, or why there is nothing to rename there.
pub fn prepare_rename(analysis: &Analysis, offset: usize) -> Result<Span, String> {
    let found = occurrences(&analysis.model());
    renamable(analysis.source, &found, offset).map(|o| o.span)
}

fn renamable<'o>(source: &str, occurrences: &'o [Occurrence], offset: usize) -> Result<&'o Occurrence, String> {
    let occurrence = occurrence_at(occurrences, offset)
        .ok_or_else(|| "only stage names and ARG or ENV variables can be renamed".to_owned())?;
    let name = occurrence.span.slice(source);
    if matches!(occurrence.symbol, Symbol::Variable { .. }) && PREDEFINED_ARGS.contains(&name) {
        return Err(format!("`{name}` is set by the builder and cannot be renamed"));
    }
    Ok(occurrence)
}

/// Edits that rename the symbol under the cursor at its declaration and every use, sorted.
pub fn rename(analysis: &Analysis, offset: usize, new_name: &str) -> Result<Vec<(Span, String)>, String> {
    let found = occurrences(&analysis.model());
    let symbol = renamable(analysis.source, &found, offset)?.symbol;
    match symbol {
        Symbol::Stage(_) if !is_stage_name(new_name) => Err(format!(
            "`{new_name}` is not a valid stage name: start with a letter, then letters, digits, `-`, `_` or `.`"
        )),
        Symbol::Variable { .. } if !is_variable_name(new_name) => {
            Err(format!("`{new_name}` is not a valid variable name: use letters, digits and `_`, not first a digit"))
        }
        Symbol::Variable { .. } if PREDEFINED_ARGS.contains(&new_name) => {
            Err(format!("`{new_name}` is set by the builder; choose another name"))
        }
        _ => Ok(found.iter().filter(|o| o.symbol == symbol).map(|o| (o.span, new_name.to_owned())).collect()),
    }
}

/// Docker's stage name rule (`[a-z][a-z0-9-_.]*`, compared case-insensitively); `scratch` is taken.
fn is_stage_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !name.eq_ignore_ascii_case("scratch")
}

fn is_variable_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::with_cursor;

    /// The text of each span, to compare answers by what they cover.
    fn texts(source: &str, spans: &[Span]) -> Vec<String> {
        spans.iter().map(|s| format!("{}@{}", s.slice(source), s.start)).collect()
    }

    fn definition_of(marked: &str) -> Option<String> {
        let (source, offset) = with_cursor(marked);
        let analysis = Analysis::new(&source);
        definition(&analysis, offset).map(|s| format!("{}@{}", s.slice(&source), s.start))
    }

    fn references_of(marked: &str, include_declaration: bool) -> Vec<String> {
        let (source, offset) = with_cursor(marked);
        texts(&source, &references(&Analysis::new(&source), offset, include_declaration))
    }

    #[test]
    fn stages_are_found_from_every_kind_of_use() {
        let src = "FROM golang AS Build\nRUN go build\nFROM build AS test\nFROM alpine\n\
                   COPY --from=BUILD /app /app\nRUN --mount=type=bind,from=build,target=/src ls\nCOPY --from=nginx /x /y\n";
        let text = src;
        let build = text.find("Build").unwrap();
        let expected = |name: &str, at: usize| format!("{name}@{at}");
        for marked in [
            src.replacen("AS Build", "AS Bu‸ild", 1),
            src.replacen("FROM build", "FROM build‸", 1),
            src.replacen("--from=BUILD", "--from=‸BUILD", 1),
            src.replacen("from=build,", "from=bu‸ild,", 1),
        ] {
            assert_eq!(definition_of(&marked), Some(expected("Build", build)), "{marked}");
        }
        let marked = src.replacen("AS Build", "AS ‸Build", 1);
        let uses = vec![
            expected("build", text.find("FROM build").unwrap() + 5),
            expected("BUILD", text.find("BUILD").unwrap()),
            expected("build", text.find("from=build").unwrap() + 5),
        ];
        assert_eq!(references_of(&marked, false), uses);
        let mut all = vec![expected("Build", build)];
        all.extend(uses);
        assert_eq!(references_of(&marked, true), all);
        assert_eq!(definition_of(&src.replacen("--from=nginx", "--from=ng‸inx", 1)), None);
        assert_eq!(definition_of(&src.replacen("FROM golang", "FROM go‸lang", 1)), None);
    }

    #[test]
    fn variables_resolve_to_the_declaration_in_scope() {
        let src = "ARG VERSION=1\nFROM img:$VERSION AS base\nARG VERSION\nENV HOME=/root DIR=${HOME:-/}/x\n\
                   RUN echo $VERSION ${DIR} <<EOF\ncd $HOME\nEOF\nENV HOME=/home\nWORKDIR $HOME\nCMD echo $VERSION $HOME\n";
        let at = |needle: &str| src.find(needle).unwrap();
        let cursor = |needle: &str, delta: usize| {
            let offset = at(needle) + delta;
            format!("{}‸{}", &src[..offset], &src[offset..])
        };
        assert_eq!(definition_of(&cursor("$VERSION AS", 1)), Some(format!("VERSION@{}", at("VERSION"))));
        let stage_arg = at("ARG VERSION\n") + 4;
        assert_eq!(definition_of(&cursor("$VERSION ${", 3)), Some(format!("VERSION@{stage_arg}")));
        assert_eq!(definition_of(&cursor("ARG VERSION\n", 5)), Some(format!("VERSION@{}", at("VERSION"))));
        let first_home = at("HOME=/root");
        assert_eq!(definition_of(&cursor("HOME:-", 0)), None, "one ENV expands with the names from before it");
        assert_eq!(definition_of(&cursor("cd $HOME", 4)), Some(format!("HOME@{first_home}")));
        assert_eq!(definition_of(&cursor("${DIR}", 2)), Some(format!("DIR@{}", at("DIR="))));
        let second_home = at("HOME=/home");
        assert_eq!(definition_of(&cursor("WORKDIR $HOME", 9)), Some(format!("HOME@{second_home}")));
        let cmd = src.rfind("$HOME").unwrap();
        let marked = format!("{}‸{}", &src[..cmd + 1], &src[cmd + 1..]);
        assert_eq!(definition_of(&marked), Some(format!("HOME@{second_home}")));
        let cmd_version = src.rfind("$VERSION").unwrap() + 1;
        let marked = format!("{}‸{}", &src[..cmd_version], &src[cmd_version..]);
        assert_eq!(definition_of(&marked), None, "commands in the container do not see build arguments");

        // The global ARG, its re-import and every use after either.
        let references = references_of(&cursor("VERSION=1", 0), true);
        let run_version = at("$VERSION ${") + 1;
        assert_eq!(
            references,
            vec![
                format!("VERSION@{}", at("VERSION")),
                format!("VERSION@{}", at("$VERSION AS") + 1),
                format!("VERSION@{stage_arg}"),
                format!("VERSION@{run_version}"),
            ]
        );
        assert_eq!(references_of(&cursor("HOME=/root", 0), false), vec![format!("HOME@{}", at("cd $HOME") + 4)]);
    }

    #[test]
    fn arg_values_see_earlier_pairs_and_env_values_do_not() {
        let src = "FROM a\nARG A=1 B=${A}\nENV C=1 D=$C\n";
        let b = src.find("${A}").unwrap() + 2;
        let marked = format!("{}‸{}", &src[..b], &src[b..]);
        assert_eq!(definition_of(&marked), Some(format!("A@{}", src.find("A=1").unwrap())));
        let d = src.find("$C").unwrap() + 1;
        assert_eq!(definition_of(&format!("{}‸{}", &src[..d], &src[d..])), None);
    }

    #[test]
    fn highlights_mark_declarations_written() {
        let (source, offset) = with_cursor("FROM a\nENV X‸=1\nRUN echo $X\n");
        let found = highlights(&Analysis::new(&source), offset);
        let x = source.find("X=").unwrap();
        let use_at = source.find("$X").unwrap() + 1;
        assert_eq!(found, vec![(Span::new(x, x + 1), Access::Write), (Span::new(use_at, use_at + 1), Access::Read)]);
    }

    #[test]
    fn renames_stages_and_variables_everywhere() {
        let (source, offset) =
            with_cursor("ARG V=1\nFROM a:$V AS b‸uild\nARG V\nRUN echo ${V}\nFROM build\nCOPY --from=build / /\n");
        let analysis = Analysis::new(&source);
        let edits = rename(&analysis, offset, "compile").unwrap();
        let mut renamed = source.clone();
        for (span, text) in edits.iter().rev() {
            renamed.replace_range(span.start..span.end, text);
        }
        assert_eq!(
            renamed,
            "ARG V=1\nFROM a:$V AS compile\nARG V\nRUN echo ${V}\nFROM compile\nCOPY --from=compile / /\n"
        );
        let v = source.find("${V}").unwrap() + 2;
        let edits = rename(&analysis, v, "VERSION").unwrap();
        let mut renamed = source.clone();
        for (span, text) in edits.iter().rev() {
            renamed.replace_range(span.start..span.end, text);
        }
        assert!(
            renamed.starts_with("ARG VERSION=1\nFROM a:$VERSION AS build\nARG VERSION\nRUN echo ${VERSION}\n"),
            "{renamed}"
        );
        assert!(rename(&analysis, offset, "9lives").unwrap_err().contains("not a valid stage name"));
        assert!(rename(&analysis, v, "A-B").unwrap_err().contains("not a valid variable name"));
        assert!(rename(&analysis, v, "TARGETARCH").is_err());
        assert_eq!(prepare_rename(&analysis, v), Ok(Span::new(v, v + 1)));
    }

    #[test]
    fn rename_refuses_images_and_builder_arguments() {
        let (source, offset) = with_cursor("FROM alp‸ine\nARG TARGETARCH\nRUN echo $TARGETARCH\n");
        let analysis = Analysis::new(&source);
        assert!(prepare_rename(&analysis, offset).is_err());
        let arch = source.find("$TARGETARCH").unwrap() + 2;
        assert!(prepare_rename(&analysis, arch).unwrap_err().contains("set by the builder"));
        let declared = source.find("TARGETARCH").unwrap();
        assert_eq!(definition(&analysis, arch), Some(Span::new(declared, declared + "TARGETARCH".len())));
    }

    #[test]
    fn quoted_heredocs_of_copy_and_exec_forms_are_not_expanded() {
        let src = "FROM a\nENV X=1\nCOPY <<'EOF' /a\n$X\nEOF\nCMD [\"echo\", \"$X\"]\nCOPY <<EOF /b\n$X\nEOF\n";
        let model_file = crate::syntax::parse(src);
        let model = Model::build(src, &model_file);
        let uses: Vec<usize> = variable_uses(&model).iter().map(|u| u.span.start).collect();
        assert_eq!(uses, vec![src.rfind("$X").unwrap()]);
    }

    #[test]
    fn the_escape_directive_applies_to_what_docker_expands_not_to_shell_text() {
        let src = "# escape=`\nFROM a\nENV X=1\nWORKDIR `$X/\\$X\nRUN echo \\$X `$X\n";
        let file = crate::syntax::parse(src);
        let model = Model::build(src, &file);
        let uses: Vec<&str> = variable_uses(&model).iter().map(|u| &src[u.span.start - 1..u.span.end]).collect();
        assert_eq!(uses, vec!["\\$X", "`$X"]);
    }

    #[test]
    fn broken_and_empty_input_answer_nothing() {
        for text in ["", "FROM", "RUN $", "FROM a AS\nCOPY --from= / /\n", "ARG é=${é}\nFROM ${"] {
            let analysis = Analysis::new(text);
            for offset in 0..=text.len() + 2 {
                let _ = (definition(&analysis, offset), references(&analysis, offset, true));
                let _ = (highlights(&analysis, offset), rename(&analysis, offset, "x"));
            }
        }
    }

    #[test]
    fn large_files_answer_every_feature() {
        // Every use of `$X` resolves without walking back over the stage, so this stays fast.
        let text =
            format!("ARG V=1\nFROM a:$V AS b\nENV X=1\n{}", "# note\nRUN echo $HOME $X \\\n  && true\n".repeat(20_000));
        let analysis = Analysis::new(&text);
        let x = text.find("X=").unwrap();
        assert_eq!(references(&analysis, x, true).len(), 20_001);
        assert_eq!(crate::ide::tokens::semantic_tokens(&analysis).len(), 4 * 20_000 + 12);
        assert_eq!(crate::ide::folding::folding_ranges(&analysis).len(), 20_000 + 1);
        assert_eq!(crate::ide::symbols::document_symbols(&analysis)[1].children.len(), 20_001);
    }
}
