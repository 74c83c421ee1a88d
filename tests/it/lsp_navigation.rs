//! Navigation requests end to end: outline, definition, references, rename, folding, links and semantic
//! tokens from the real server, with exact ranges.

use crate::lsp::Session;
use serde_json::{json, Value};

const URI: &str = "untitled:Dockerfile";

const DOCKERFILE: &str = "\
# Build the tool
# in two stages
ARG GO=1.22
FROM golang:${GO} AS build
ARG GO
RUN go build -o /out/tool \\
    ./cmd/tool
FROM ghcr.io/acme/base:1
COPY --from=build /out/tool /usr/bin/tool
EXPOSE 8080
";

fn open(text: &str) -> Session {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::start(dir.path());
    session.request(1, "initialize", json!({"processId": null, "rootUri": null, "capabilities": {}}));
    session.notify("initialized", json!({}));
    session.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "dockerfile", "version": 1, "text": text}}),
    );
    session.diagnostics(URI, 1);
    session
}

fn at(line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": character}})
}

fn range(line: u32, start: u32, end: u32) -> Value {
    json!({"start": {"line": line, "character": start}, "end": {"line": line, "character": end}})
}

fn result(session: &mut Session, id: u64, method: &str, params: Value) -> Value {
    let answer = session.request(id, method, params);
    assert!(answer.get("error").is_none(), "{method}: {answer}");
    answer["result"].clone()
}

#[test]
fn advertises_the_navigation_capabilities() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::start(dir.path());
    let init = session.request(1, "initialize", json!({"processId": null, "rootUri": null, "capabilities": {}}));
    let capabilities = &init["result"]["capabilities"];
    for capability in
        ["documentSymbolProvider", "definitionProvider", "referencesProvider", "documentHighlightProvider"]
    {
        assert_eq!(capabilities[capability], true, "{capability}: {capabilities}");
    }
    assert_eq!(capabilities["renameProvider"]["prepareProvider"], true);
    assert_eq!(capabilities["foldingRangeProvider"], true);
    assert_eq!(capabilities["documentLinkProvider"]["resolveProvider"], false);
    let tokens = &capabilities["semanticTokensProvider"];
    assert_eq!((tokens["full"].clone(), tokens["range"].clone()), (json!(true), json!(true)));
    assert_eq!(tokens["legend"]["tokenTypes"][0], "keyword");
}

#[test]
fn outline_nests_instructions_in_stages() {
    let mut session = open(DOCKERFILE);
    let symbols = result(&mut session, 2, "textDocument/documentSymbol", json!({"textDocument": {"uri": URI}}));
    let outline: Vec<(String, u64, usize)> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_owned(),
                s["kind"].as_u64().unwrap(),
                s["children"].as_array().map_or(0, Vec::len),
            )
        })
        .collect();
    let expected = [("ARG GO=1.22", 13, 0), ("build", 2, 2), ("ghcr.io/acme/base:1", 2, 2)];
    assert_eq!(outline, expected.map(|(name, kind, children)| (name.to_owned(), kind, children)));
    let build = &symbols[1];
    assert_eq!(build["detail"], "golang:1.22");
    assert_eq!(build["range"], json!({"start": {"line": 3, "character": 0}, "end": {"line": 6, "character": 14}}));
    assert_eq!(build["selectionRange"], range(3, 21, 26));
    let run = &build["children"][1];
    assert_eq!((run["name"].as_str(), run["kind"].as_u64()), (Some("RUN go build -o /out/tool"), Some(12)));
    assert_eq!(symbols[2]["children"][1]["kind"], 16, "EXPOSE is a number");
}

#[test]
fn definition_and_references_follow_stages_and_arguments() {
    let mut session = open(DOCKERFILE);
    let definition = result(&mut session, 2, "textDocument/definition", at(8, 14));
    assert_eq!(definition, json!({"uri": URI, "range": range(3, 21, 26)}));
    let definition = result(&mut session, 3, "textDocument/definition", at(3, 15));
    assert_eq!(definition, json!({"uri": URI, "range": range(2, 4, 6)}), "FROM sees the global ARG");
    assert_eq!(result(&mut session, 4, "textDocument/definition", at(9, 3)), Value::Null);

    let mut params = at(2, 5);
    params["context"] = json!({"includeDeclaration": true});
    let references = result(&mut session, 5, "textDocument/references", params.clone());
    let expected: Vec<Value> = [range(2, 4, 6), range(3, 14, 16), range(4, 4, 6)]
        .into_iter()
        .map(|r| json!({"uri": URI, "range": r}))
        .collect();
    assert_eq!(references, json!(expected));
    params["context"] = json!({"includeDeclaration": false});
    let references = result(&mut session, 6, "textDocument/references", params);
    assert_eq!(references.as_array().unwrap().len(), 2);

    let highlights = result(&mut session, 7, "textDocument/documentHighlight", at(3, 23));
    assert_eq!(highlights, json!([{"range": range(3, 21, 26), "kind": 3}, {"range": range(8, 12, 17), "kind": 2}]));
}

#[test]
fn rename_edits_every_occurrence_and_refuses_what_it_cannot_rename() {
    let mut session = open(DOCKERFILE);
    let prepared = result(&mut session, 2, "textDocument/prepareRename", at(8, 13));
    assert_eq!(prepared, range(8, 12, 17));
    let refused = session.request(3, "textDocument/prepareRename", at(7, 10));
    assert!(refused["error"]["message"].as_str().unwrap().contains("can be renamed"), "{refused}");

    let mut params = at(3, 22);
    params["newName"] = json!("compile");
    let edit = result(&mut session, 4, "textDocument/rename", params.clone());
    let edits =
        json!([{"range": range(3, 21, 26), "newText": "compile"}, {"range": range(8, 12, 17), "newText": "compile"}]);
    assert_eq!(edit, json!({"changes": {URI: edits}}));
    params["newName"] = json!("no spaces");
    let refused = session.request(5, "textDocument/rename", params);
    assert_eq!(refused["error"]["code"], -32602, "{refused}");
}

#[test]
fn folds_links_and_tokens() {
    let mut session = open(DOCKERFILE);
    let folds = result(&mut session, 2, "textDocument/foldingRange", json!({"textDocument": {"uri": URI}}));
    let lines: Vec<(u64, u64, &str)> = folds
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["startLine"].as_u64().unwrap(), f["endLine"].as_u64().unwrap(), f["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(lines, vec![(0, 1, "comment"), (3, 6, "region"), (5, 6, "region"), (7, 9, "region")]);

    let links = result(&mut session, 3, "textDocument/documentLink", json!({"textDocument": {"uri": URI}}));
    assert_eq!(
        links,
        json!([
            {"range": range(3, 5, 17), "target": "https://hub.docker.com/_/golang"},
            {"range": range(7, 5, 24), "target": "https://ghcr.io/acme/base"},
        ])
    );

    let tokens = result(&mut session, 4, "textDocument/semanticTokens/full", json!({"textDocument": {"uri": URI}}));
    let data: Vec<u64> = tokens["data"].as_array().unwrap().iter().map(|n| n.as_u64().unwrap()).collect();
    // Lines 3 and 4: FROM golang:${GO} AS build / ARG GO.
    let from_line: Vec<&[u64]> =
        data.chunks(5).skip_while(|t| !(t[0] == 1 && t[2] == 4 && t[3] == 0)).take(6).collect();
    assert_eq!(
        from_line,
        vec![
            &[1, 0, 4, 0, 0][..], // FROM
            &[0, 12, 4, 2, 0],    // ${GO
            &[0, 6, 2, 0, 0],     // AS
            &[0, 3, 5, 3, 1],     // build, declared
            &[1, 0, 3, 0, 0],     // ARG
            &[0, 4, 2, 2, 0],     // GO re-imports the global
        ]
    );
    let ranged = result(
        &mut session,
        5,
        "textDocument/semanticTokens/range",
        json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 9, "character": 0}, "end": {"line": 10, "character": 0}}}),
    );
    assert_eq!(ranged["data"], json!([9, 0, 6, 0, 0, 0, 7, 4, 7, 0]), "EXPOSE 8080");
}
