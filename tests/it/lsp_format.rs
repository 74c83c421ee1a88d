//! Formatting over the protocol: the real binary answers textDocument/formatting and rangeFormatting
//! with small edits, honours the client's options, and formats only what a range touches.

use crate::lsp::{apply_text_edits, Session};
use serde_json::{json, Value};

const TEXT: &str = "from debian:12 as build\nrun   apt-get update \\\n  && apt-get install -y curl   \n\
                    RUN <<EOF\n  keep   \nEOF\n\n\n";

fn edits(answer: &Value) -> &[Value] {
    answer["result"].as_array().unwrap_or_else(|| panic!("a list of edits: {answer}"))
}

#[test]
fn formats_documents_and_ranges_with_small_edits() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::start(dir.path());
    let capabilities = session.initialize(json!({}));
    assert_eq!(capabilities["documentFormattingProvider"], true, "{capabilities}");
    assert_eq!(capabilities["documentRangeFormattingProvider"], true, "{capabilities}");
    let uri = "untitled:Dockerfile";
    session.open(uri, TEXT);

    let options = json!({"tabSize": 4, "insertSpaces": true});
    let answer =
        session.request(1, "textDocument/formatting", json!({"textDocument": {"uri": uri}, "options": options}));
    assert!(edits(&answer).len() > 3, "small edits, not one replacement of the text: {answer}");
    let formatted = apply_text_edits(TEXT, edits(&answer));
    assert_eq!(
        formatted,
        "FROM debian:12 AS build\nRUN apt-get update \\\n    && apt-get install -y curl\nRUN <<EOF\n  keep   \nEOF\n"
    );

    let second_line = json!({"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 2}});
    let options = json!({"tabSize": 2, "insertSpaces": true, "trimTrailingWhitespace": false});
    let answer = session.request(
        2,
        "textDocument/rangeFormatting",
        json!({"textDocument": {"uri": uri}, "range": second_line, "options": options}),
    );
    assert_eq!(
        apply_text_edits(TEXT, edits(&answer)),
        TEXT.replace("run   apt-get update \\\n  &&", "RUN apt-get update \\\n  &&"),
        "only the RUN the range touches, with two-space indentation and trailing blanks kept: {answer}"
    );

    session.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": "untitled:formatted", "languageId": "dockerfile", "version": 1, "text": formatted}}),
    );
    let options = json!({"tabSize": 4, "insertSpaces": true});
    let again = session.request(
        3,
        "textDocument/formatting",
        json!({"textDocument": {"uri": "untitled:formatted"}, "options": options}),
    );
    assert_eq!(again["result"], json!([]), "formatting twice changes nothing");

    let closed = session.request(
        4,
        "textDocument/formatting",
        json!({"textDocument": {"uri": "untitled:none"}, "options": options}),
    );
    assert_eq!(closed["result"], Value::Null, "documents that are not open have nothing to format");
    session.request(5, "shutdown", Value::Null);
}
