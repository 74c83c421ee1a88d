//! Hover and completion over stdio with the real binary: exact ranges, contents and items.

use crate::lsp::Session;
use serde_json::{json, Value};

const URI: &str = "untitled:Dockerfile";

/// A started session with one open document whose first findings have been published.
fn open(text: &str, snippets: bool) -> (Session, Value) {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::start(dir.path());
    let capabilities = json!({"textDocument": {"completion": {"completionItem": {"snippetSupport": snippets}}}});
    let init =
        session.request(1, "initialize", json!({"processId": null, "rootUri": null, "capabilities": capabilities}));
    session.notify("initialized", json!({}));
    session.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "dockerfile", "version": 1, "text": text}}),
    );
    session.diagnostics(URI, 1);
    (session, init["result"]["capabilities"].clone())
}

fn at(line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": character}})
}

fn range(line: u32, start: u32, end: u32) -> Value {
    json!({"start": {"line": line, "character": start}, "end": {"line": line, "character": end}})
}

fn labels(items: &Value) -> Vec<&str> {
    items.as_array().unwrap().iter().map(|item| item["label"].as_str().unwrap()).collect()
}

#[test]
fn hovers_explain_variables_keywords_and_findings() {
    let text = "ARG TAG=3.20\nFROM alpine:${TAG} AS build\nRUN --network=none apk add curl\n# dlint ignore=DL3018\nRUN apk add git\n";
    let (mut session, capabilities) = open(text, true);
    assert_eq!(capabilities["hoverProvider"], true);

    let variable = session.request(2, "textDocument/hover", at(1, 15));
    assert_eq!(variable["result"]["range"], range(1, 12, 18));
    assert_eq!(variable["result"]["contents"]["kind"], "markdown");
    let value = variable["result"]["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("`TAG` = `3.20`\n\nDeclared by `ARG` on line 1"), "{value}");

    let flag = session.request(3, "textDocument/hover", at(2, 6));
    assert_eq!(flag["result"]["range"], range(2, 4, 18));
    assert!(flag["result"]["contents"]["value"].as_str().unwrap().starts_with("**`--network=<mode>`**"), "{flag}");

    let finding = session.request(4, "textDocument/hover", at(2, 29));
    assert_eq!(finding["result"]["range"], range(2, 27, 31), "the finding's word: {finding}");
    assert!(finding["result"]["contents"]["value"].as_str().unwrap().starts_with("**DL3018** `apk-unpinned-package`"));

    let code = session.request(5, "textDocument/hover", at(3, 17));
    assert_eq!(code["result"]["range"], range(3, 15, 21));
    assert!(code["result"]["contents"]["value"].as_str().unwrap().starts_with("**DL3018**"), "{code}");

    let nothing = session.request(6, "textDocument/hover", at(9, 0));
    assert_eq!(nothing["result"], Value::Null);
}

#[test]
fn completions_replace_the_typed_word_and_follow_snippet_support() {
    let text =
        "FROM alpine:3.20 AS build\nENV DIR=/opt\nRUN --mount=type=cache,ta\nFROM build\nCOPY --from= /a ${D}\nwo\n";
    let (mut session, capabilities) = open(text, true);
    assert_eq!(capabilities["completionProvider"]["triggerCharacters"], json!(["$", "{", "-", "=", ","]));

    let keywords = session.request(2, "textDocument/completion", at(5, 2));
    let workdir = keywords["result"].as_array().unwrap().iter().find(|i| i["label"] == "workdir").expect("lowercase");
    assert_eq!(workdir["textEdit"], json!({"range": range(5, 0, 2), "newText": "workdir ${1:/app}"}));
    assert_eq!(workdir["insertTextFormat"], 2);
    assert_eq!(workdir["kind"], 14);

    let options = session.request(3, "textDocument/completion", at(2, 25));
    let options = &options["result"];
    assert_eq!(labels(options), ["target", "source", "from", "ro", "id", "sharing", "mode", "uid", "gid"]);
    assert_eq!(options[0]["textEdit"], json!({"range": range(2, 23, 25), "newText": "target="}));

    let stages = session.request(4, "textDocument/completion", at(4, 12));
    assert_eq!(labels(&stages["result"]), ["build"]);
    assert_eq!(stages["result"][0]["textEdit"]["range"], range(4, 12, 12));
    assert_eq!(stages["result"][0]["detail"], "stage 0 (FROM alpine:3.20)");

    let variables = session.request(5, "textDocument/completion", at(4, 19));
    let dir = &variables["result"][0];
    assert_eq!((dir["label"].as_str(), dir["detail"].as_str()), (Some("DIR"), Some("ENV DIR=/opt")));
    assert_eq!(dir["textEdit"], json!({"range": range(4, 18, 19), "newText": "DIR"}));

    let (mut plain, _) = open("FROM alpine:3.20\nRUN --m\n", false);
    let flags = plain.request(2, "textDocument/completion", at(1, 7));
    assert_eq!(flags["result"][0]["textEdit"], json!({"range": range(1, 4, 7), "newText": "--mount="}));
    assert_eq!(flags["result"][0]["insertTextFormat"], 1);
}
