//! The language server end to end: the real binary, JSON-RPC over stdio with Content-Length framing.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

/// Generous: a debug build under a parallel test run is slow, and the wait only ends early on success.
const TIMEOUT: Duration = Duration::from_secs(60);

pub(crate) struct Session {
    pub(crate) child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
}

impl Session {
    /// Starts `dlint lsp` in `cwd`, with its cache (where rule docs are written) inside `cwd`.
    pub(crate) fn start(cwd: &std::path::Path) -> Session {
        Session::start_with(cwd, &[])
    }

    pub(crate) fn start_with(cwd: &std::path::Path, args: &[&str]) -> Session {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dlint"))
            .arg("lsp")
            .args(args)
            .current_dir(cwd)
            .env("XDG_CACHE_HOME", cwd.join(".cache"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dlint lsp starts");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (sender, messages) = channel();
        std::thread::spawn(move || loop {
            let mut length = None;
            loop {
                let mut header = String::new();
                if stdout.read_line(&mut header).unwrap_or(0) == 0 {
                    return;
                }
                let header = header.trim_end();
                if header.is_empty() {
                    break;
                }
                if let Some(value) = header.strip_prefix("Content-Length:") {
                    length = value.trim().parse::<usize>().ok();
                }
            }
            let mut body = vec![0; length.expect("every message has a Content-Length")];
            if stdout.read_exact(&mut body).is_err() {
                return;
            }
            if sender.send(serde_json::from_slice(&body).expect("messages are JSON")).is_err() {
                return;
            }
        });
        Session { child, stdin, messages }
    }

    /// Initializes with these client capabilities; returns the server's capabilities.
    pub(crate) fn initialize(&mut self, capabilities: Value) -> Value {
        let init =
            self.request(0, "initialize", json!({"processId": null, "rootUri": null, "capabilities": capabilities}));
        self.notify("initialized", json!({}));
        init["result"]["capabilities"].clone()
    }

    /// Opens a document and returns the diagnostics published for it.
    pub(crate) fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "dockerfile", "version": 1, "text": text}}),
        );
        self.diagnostics(uri, 1)
    }

    pub(crate) fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    pub(crate) fn request(&mut self, id: u64, method: &str, params: Value) -> Value {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(|m| m["id"] == id && m.get("method").is_none())
    }

    pub(crate) fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next message from the server that `wanted` accepts; panics after the timeout.
    pub(crate) fn wait_for(&self, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self.messages.recv_timeout(left).expect("the server answers in time");
            if wanted(&message) {
                return message;
            }
        }
    }

    pub(crate) fn diagnostics(&self, uri: &str, version: i64) -> Vec<Value> {
        let message = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics.iter().map(|d| d["code"].as_str().unwrap()).collect()
}

#[test]
fn a_whole_editing_session_from_initialize_to_exit() {
    const TEXT: &str = "from debian AS build\nENV APP=/srv\nRUN echo $APP\nFROM build\n";
    let dir = tempfile::tempdir().unwrap();
    crate::write(dir.path(), "dlint.toml", "ignore = [\"DF001\"]\n");
    let path = dir.path().join("Dockerfile");
    let uri = format!("file://{}", path.display());
    let mut session = Session::start(dir.path());

    let init = session.request(1, "initialize", json!({"processId": null, "rootUri": null, "capabilities": {}}));
    assert_eq!(init["result"]["capabilities"]["textDocumentSync"], 2, "incremental sync: {init}");
    session.notify("initialized", json!({}));

    session.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "dockerfile", "version": 1, "text": TEXT}}),
    );
    let found = session.diagnostics(&uri, 1);
    assert!(!codes(&found).contains(&"DF001"), "the dlint.toml next to the file applies: {found:?}");
    let untagged = found.iter().find(|d| d["code"] == "DL3006").expect("DL3006 reported");
    assert_eq!(untagged["range"], json!({"start": {"line": 0, "character": 5}, "end": {"line": 0, "character": 11}}));
    assert_eq!(untagged["severity"], 2);
    assert_eq!(untagged["source"], "dlint");
    assert!(untagged["message"].as_str().unwrap().ends_with("(untagged-image)"), "{untagged}");

    let at = |line: u32, character: u32| json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}});
    let hover = session.request(10, "textDocument/hover", at(2, 11));
    assert!(hover["result"]["contents"]["value"].as_str().unwrap().contains("/srv"), "the value of $APP: {hover}");
    let completion = session.request(11, "textDocument/completion", at(3, 5));
    let labels: Vec<&str> =
        completion["result"].as_array().unwrap().iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert!(labels.contains(&"build"), "earlier stages after FROM: {labels:?}");
    let definition = session.request(12, "textDocument/definition", at(3, 7));
    assert_eq!(
        definition["result"]["range"],
        json!({"start": {"line": 0, "character": 15}, "end": {"line": 0, "character": 20}})
    );
    let context = json!({"diagnostics": [untagged]});
    let params = json!({"textDocument": {"uri": uri}, "range": untagged["range"], "context": context});
    let actions = session.request(13, "textDocument/codeAction", params);
    let titles: Vec<&str> =
        actions["result"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&"Ignore DL3006 for this instruction"), "{titles:?}");
    let options = json!({"tabSize": 4, "insertSpaces": true});
    let formatting =
        session.request(14, "textDocument/formatting", json!({"textDocument": {"uri": uri}, "options": options}));
    assert_eq!(
        formatting["result"],
        json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 4}}, "newText": "FROM"}])
    );

    session.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 0, "character": 11}, "end": {"line": 0, "character": 11}}, "text": ":12"}],
        }),
    );
    let found = session.diagnostics(&uri, 2);
    assert!(!codes(&found).contains(&"DL3006"), "the tag fixes DL3006: {found:?}");
    assert!(codes(&found).contains(&"BK004"), "the lower-case keyword is still there: {found:?}");
    assert!(codes(&found).contains(&"DL3057"), "{found:?}");

    session.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    let cleared = session.wait_for(|m| m["method"] == "textDocument/publishDiagnostics");
    assert_eq!(cleared["params"]["diagnostics"], json!([]));

    let shutdown = session.request(2, "shutdown", Value::Null);
    assert!(shutdown.get("error").is_none(), "{shutdown}");
    session.notify("exit", Value::Null);
    let deadline = Instant::now() + Duration::from_secs(5);
    let status = loop {
        if let Some(status) = session.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the server exits after `exit`");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status}");
}

#[test]
fn non_file_documents_use_the_defaults_and_unknown_ones_are_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::start(dir.path());
    session.request(1, "initialize", json!({"processId": null, "rootUri": null, "capabilities": {}}));
    session.notify("initialized", json!({}));
    session.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "untitled:nobody", "version": 3}, "contentChanges": [{"text": "x"}]}),
    );
    session.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": "untitled:Dockerfile", "languageId": "dockerfile", "version": 1, "text": "FROM debian\n"}}),
    );
    let found = session.diagnostics("untitled:Dockerfile", 1);
    assert!(codes(&found).contains(&"DF001") && codes(&found).contains(&"DL3006"), "{found:?}");
    session.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": "untitled:Dockerfile", "version": 2},
            "contentChanges": [{"range": {"start": {"line": 40, "character": 3}, "end": {"line": 99, "character": 0}}, "text": "USER x\n"}],
        }),
    );
    let found = session.diagnostics("untitled:Dockerfile", 2);
    assert!(!codes(&found).contains(&"DF001"), "positions past the end clamp to it: {found:?}");
    session.request(2, "shutdown", Value::Null);
}

fn file_uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

/// The text after applying a WorkspaceEdit's changes for `uri`.
fn apply_workspace_edit(text: &str, edit: &Value, uri: &str) -> String {
    apply_text_edits(text, edit["changes"][uri].as_array().expect("edits for the document"))
}

/// The text after applying TextEdits (sorted from the end; ASCII text).
pub(crate) fn apply_text_edits(text: &str, edits: &[Value]) -> String {
    let mut edits = edits.to_vec();
    let offset = |position: &Value| {
        let line = position["line"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        start + position["character"].as_u64().unwrap() as usize
    };
    edits.sort_by_key(|e| std::cmp::Reverse(offset(&e["range"]["start"])));
    let mut out = text.to_owned();
    for e in edits {
        out.replace_range(offset(&e["range"]["start"])..offset(&e["range"]["end"]), e["newText"].as_str().unwrap());
    }
    out
}

#[test]
fn findings_link_to_their_rule_doc_and_name_related_places() {
    let dir = tempfile::tempdir().unwrap();
    let uri = file_uri(&dir.path().join("Dockerfile"));
    let mut session = Session::start(dir.path());
    session.initialize(json!({}));
    let found = session.open(&uri, "FROM debian:12 AS build\nRUN true\nFROM debian:12 AS build\n");
    let duplicate = found.iter().find(|d| d["code"] == "DL3024").expect("DL3024 reported");
    let href = duplicate["codeDescription"]["href"].as_str().unwrap();
    let path = href.strip_prefix("file://").expect("a file link");
    let doc = std::fs::read_to_string(path).expect("the linked doc exists");
    assert!(doc.starts_with("# DL3024: duplicate-stage-name"), "{doc}");
    assert!(path.starts_with(&dir.path().join(".cache").display().to_string()), "under XDG_CACHE_HOME: {path}");
    assert_eq!(
        duplicate["relatedInformation"],
        json!([{
            "location": {"uri": uri, "range": {"start": {"line": 0, "character": 18}, "end": {"line": 0, "character": 23}}},
            "message": "the first stage with this name",
        }])
    );
}

#[test]
fn pulling_clients_get_diagnostics_on_request_and_none_pushed() {
    let dir = tempfile::tempdir().unwrap();
    let uri = file_uri(&dir.path().join("Dockerfile"));
    let mut session = Session::start(dir.path());
    let capabilities = session.initialize(json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}}));
    assert_eq!(capabilities["diagnosticProvider"]["identifier"], "dlint", "{capabilities}");
    session.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "dockerfile", "version": 1, "text": "FROM debian\n"}}),
    );
    let pull_from = |session: &mut Session, uri: &str, id: u64, previous: Value| {
        let params = json!({"textDocument": {"uri": uri}, "previousResultId": previous});
        session.request(id, "textDocument/diagnostic", params)["result"].clone()
    };
    let pull = |session: &mut Session, id: u64, previous: Value| pull_from(session, &uri, id, previous);
    let full = pull(&mut session, 1, Value::Null);
    assert_eq!(full["kind"], "full");
    assert!(codes(full["items"].as_array().unwrap()).contains(&"DL3006"), "{full}");
    let unchanged = pull(&mut session, 2, full["resultId"].clone());
    assert_eq!(unchanged["kind"], "unchanged", "{unchanged}");
    session.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "FROM debian:12\n"}]}),
    );
    let changed = pull(&mut session, 3, full["resultId"].clone());
    assert_eq!(changed["kind"], "full");
    assert!(!codes(changed["items"].as_array().unwrap()).contains(&"DL3006"), "{changed}");
    let unopened = pull_from(&mut session, "file:///nowhere/Dockerfile", 4, Value::Null);
    assert_eq!(unopened, json!({"kind": "full", "items": []}));
    let pushed = session.messages.try_iter().find(|m| m["method"] == "textDocument/publishDiagnostics");
    assert!(pushed.is_none(), "nothing is pushed to a pulling client: {pushed:?}");
}

#[test]
fn code_actions_offer_fixes_suppressions_and_fix_all() {
    let dir = tempfile::tempdir().unwrap();
    let uri = file_uri(&dir.path().join("Dockerfile"));
    let mut session = Session::start(dir.path());
    let capabilities = session.initialize(json!({}));
    assert_eq!(capabilities["codeActionProvider"]["codeActionKinds"], json!(["quickfix", "source.fixAll.dlint"]));
    let text = "FROM debian:12\nRUN apt-get install curl\nmaintainer me\n";
    let found = session.open(&uri, text);
    let missing_yes = found.iter().find(|d| d["code"] == "DL3014").unwrap().clone();
    let params = json!({
        "textDocument": {"uri": uri},
        "range": missing_yes["range"],
        "context": {"diagnostics": [missing_yes], "only": ["quickfix"]},
    });
    let actions = session.request(1, "textDocument/codeAction", params)["result"].as_array().unwrap().clone();
    let titles: Vec<&str> = actions.iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&"Ignore DL3014 for this instruction") && titles.contains(&"Ignore DL3014 for this file"));
    assert!(!titles.iter().any(|t| t.starts_with("Fix all")), "only quick fixes were asked for: {titles:?}");
    let fix = actions.iter().find(|a| a["diagnostics"][0]["code"] == "DL3014" && a["isPreferred"] == true).unwrap();
    assert_eq!(fix["kind"], "quickfix");
    let fixed = apply_workspace_edit(text, &fix["edit"], &uri);
    assert!(fixed.contains("RUN apt-get install -y curl"), "{fixed}");

    let params = json!({
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": [], "only": ["source.fixAll"]},
    });
    let actions = session.request(2, "textDocument/codeAction", params)["result"].as_array().unwrap().clone();
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "source.fixAll.dlint");
    let fixed = apply_workspace_edit(text, &actions[0]["edit"], &uri);
    assert_eq!(fixed, dlint::fix::fix_source(text, &dlint::Settings::default(), &Default::default()).text);
    assert!(fixed.contains("LABEL maintainer=") && fixed.contains("-y"), "{fixed}");

    let unopened = json!({
        "textDocument": {"uri": "file:///nowhere/Dockerfile"},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": []},
    });
    assert_eq!(session.request(3, "textDocument/codeAction", unopened)["result"], Value::Null);
}

#[test]
fn config_changes_reload_and_broken_configs_are_shown_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let uri = file_uri(&dir.path().join("Dockerfile"));
    let config_uri = file_uri(&dir.path().join("dlint.toml"));
    let mut session = Session::start(dir.path());
    let watched = json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    session.initialize(watched);
    let registration = session.wait_for(|m| m["method"] == "client/registerCapability");
    let watchers = &registration["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert_eq!(watchers[0]["globPattern"], "**/dlint.toml", "{registration}");
    assert!(watchers.as_array().unwrap().iter().any(|w| w["globPattern"] == "**/.hadolint.yaml"), "{registration}");
    session.send(json!({"jsonrpc": "2.0", "id": registration["id"], "result": null}));
    assert!(codes(&session.open(&uri, "FROM debian\n")).contains(&"DL3006"));

    let changed = |session: &mut Session| {
        let change = json!({"changes": [{"uri": config_uri, "type": 2}]});
        session.notify("workspace/didChangeWatchedFiles", change);
    };
    crate::write(dir.path(), "dlint.toml", "ignore = [\"DL3006\"]\n");
    changed(&mut session);
    let found = session.diagnostics(&uri, 1);
    assert!(!codes(&found).contains(&"DL3006"), "the new config applies: {found:?}");

    crate::write(dir.path(), "dlint.toml", "\n\nignore = [\"DL3006\", \"NOPE1\"]\n");
    changed(&mut session);
    let broken =
        session.wait_for(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == config_uri);
    let error = &broken["params"]["diagnostics"][0];
    assert_eq!(error["range"]["start"]["line"], 2, "{error}");
    assert!(error["message"].as_str().unwrap().contains("NOPE1"), "{error}");
    let found = session.diagnostics(&uri, 1);
    assert!(codes(&found).contains(&"DL3006"), "the defaults apply while the config is broken: {found:?}");

    crate::write(dir.path(), "dlint.toml", "ignore = [\"DL3006\"]\n");
    changed(&mut session);
    let mended =
        session.wait_for(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == config_uri);
    assert_eq!(mended["params"]["diagnostics"], json!([]));
    assert!(!codes(&session.diagnostics(&uri, 1)).contains(&"DL3006"));

    let settings = json!({"settings": {"dlint": {"config": dir.path().join("other.toml")}}});
    crate::write(dir.path(), "other.toml", "ignore = [\"DF001\"]\n");
    session.notify("workspace/didChangeConfiguration", settings);
    let found = session.diagnostics(&uri, 1);
    assert!(codes(&found).contains(&"DL3006") && !codes(&found).contains(&"DF001"), "{found:?}");
}

#[test]
fn a_config_given_on_the_command_line_applies_to_every_document() {
    let dir = tempfile::tempdir().unwrap();
    crate::write(dir.path(), "team.toml", "ignore = [\"DL3006\"]\n");
    crate::write(dir.path(), "dlint.toml", "ignore = [\"DF001\"]\n");
    let mut session = Session::start_with(dir.path(), &["--config", "team.toml"]);
    session.initialize(json!({}));
    let found = session.open(&file_uri(&dir.path().join("Dockerfile")), "FROM debian\n");
    assert!(!codes(&found).contains(&"DL3006") && codes(&found).contains(&"DF001"), "{found:?}");
    let found = session.open("untitled:Dockerfile", "FROM debian\n");
    assert!(!codes(&found).contains(&"DL3006"), "{found:?}");
}

#[test]
fn malformed_messages_unknown_methods_and_huge_files_never_stop_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::start(dir.path());
    session.initialize(json!({}));

    let garbage = "{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": ";
    write!(session.stdin, "Content-Length: {}\r\n\r\n{garbage}", garbage.len()).unwrap();
    session.stdin.flush().unwrap();
    let parse_error = session.wait_for(|m| m.get("error").is_some());
    assert_eq!(parse_error["error"]["code"], -32700, "{parse_error}");

    let unknown = session.request(6, "textDocument/frobnicate", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    session.notify("$/somethingElse", json!({"x": 1}));
    let bad_params = session.request(7, "textDocument/codeAction", json!({"textDocument": 3}));
    assert_eq!(bad_params["error"]["code"], -32602, "{bad_params}");

    let mut huge = String::from("FROM debian:12\n");
    while huge.len() < 1 << 20 {
        huge.push_str("RUN apt-get install -y curl && echo \"é ü\" \\\n    && true\n");
    }
    let started = Instant::now();
    let found = session.open("untitled:huge", &huge);
    assert!(codes(&found).contains(&"DL3008"), "a 1 MB file is linted");
    eprintln!("1 MB file: diagnostics after {:?}", started.elapsed());

    let far = json!({"start": {"line": 999_999, "character": 7}, "end": {"line": 5, "character": 999}});
    let params = json!({"textDocument": {"uri": "untitled:huge"}, "range": far, "context": {"diagnostics": []}});
    let answer = session.request(8, "textDocument/codeAction", params);
    assert!(answer.get("error").is_none(), "{answer}");
    let alive = session.request(9, "shutdown", Value::Null);
    assert!(alive.get("error").is_none(), "the server still answers: {alive}");
}

/// A small deterministic generator, so a failing run can be replayed.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % bound as u64) as usize
    }
}

/// The 0-based line and UTF-16 column of a byte offset.
fn position_of(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    json!({"line": before.matches('\n').count(), "character": before[line_start..].encode_utf16().count()})
}

#[test]
fn thousands_of_random_edits_end_with_the_diagnostics_the_cli_gives() {
    const PIECES: [&str; 14] = [
        "FROM debian\n",
        "FROM alpine:3.20 AS build\n",
        "RUN apt-get install curl\n",
        "RUN apk add git \\\n    && make\n",
        "COPY --from=build /a /b\n",
        "ENV A=1 B=\"x y\"\n",
        "USER app\n",
        "RUN <<EOF\nset -e\ncd /tmp\nEOF\n",
        "ARG VERSION=1\n",
        "é😀",
        "\\\n",
        "\"",
        " ",
        "\n",
    ];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Dockerfile");
    let uri = file_uri(&path);
    let mut session = Session::start(dir.path());
    session.initialize(json!({}));
    let mut text = String::from("FROM debian:12\nRUN echo hi\n");
    session.open(&uri, &text);
    let mut random = XorShift(0x9e37_79b9_7f4a_7c15);
    let boundaries = |text: &str| (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect::<Vec<_>>();
    let edits = 3000;
    for version in 2..edits + 2 {
        let cuts = boundaries(&text);
        let first = random.below(cuts.len());
        // Deletions keep the text near a typical file's size (a few KB).
        let deleting = text.len() > 3000 || random.below(10) < 3;
        let length = if deleting { random.below(60) } else { random.below(3) };
        let (start, end) = (cuts[first], cuts[(first + length).min(cuts.len() - 1)]);
        let inserted = if deleting { "" } else { PIECES[random.below(PIECES.len())] };
        let range = json!({"start": position_of(&text, start), "end": position_of(&text, end)});
        text.replace_range(start..end, inserted);
        session.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"range": range, "text": inserted}]}),
        );
    }
    let published = session.diagnostics(&uri, edits as i64 + 1);

    std::fs::write(&path, &text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dlint"))
        .args(["check", "--no-config", "--format", "json", "Dockerfile"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let cli: Vec<Value> = serde_json::from_slice(&out.stdout).expect("the CLI prints JSON");
    let key = |code: &str, line: u64, column: u64| format!("{code}@{line}:{column}");
    let mut from_cli: Vec<String> = cli
        .iter()
        .map(|d| {
            let (line, column) = (d["line"].as_u64().unwrap() - 1, d["column"].as_u64().unwrap() - 1);
            // The CLI counts characters, the protocol UTF-16 units: convert through the line's text.
            let line_text = text.split('\n').nth(line as usize).unwrap_or("");
            let utf16: usize = line_text.chars().take(column as usize).map(char::len_utf16).sum();
            key(d["code"].as_str().unwrap(), line, utf16 as u64)
        })
        .collect();
    let mut from_server: Vec<String> = published
        .iter()
        .map(|d| {
            let start = &d["range"]["start"];
            key(d["code"].as_str().unwrap(), start["line"].as_u64().unwrap(), start["character"].as_u64().unwrap())
        })
        .collect();
    from_cli.sort();
    from_server.sort();
    assert!(!from_cli.is_empty());
    assert_eq!(from_server, from_cli, "final text:\n{text}");
}

/// What the server holds for a document is its current version's text, findings and caches, so memory
/// stays flat however long a document is edited.
#[test]
fn memory_stays_flat_over_thousands_of_edits() {
    let dir = tempfile::tempdir().unwrap();
    let uri = file_uri(&dir.path().join("Dockerfile"));
    let mut session = Session::start(dir.path());
    session.initialize(json!({}));
    let step = "RUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n";
    session.open(&uri, &format!("FROM debian:12\n{}CMD [\"sh\"]\n", step.repeat(15)));
    let mut version = 1;
    let mut edit = |session: &mut Session, edits: usize| {
        for _ in 0..edits {
            version += 1;
            // Each typed text is new (the version number), so a cache that kept old versions would grow.
            let at = json!({"line": 7, "character": 10});
            let typed = (version + 1).to_string();
            let (end, text) = match version % 2 {
                0 => (at.clone(), typed),
                _ => (json!({"line": 7, "character": 10 + version.to_string().len()}), String::new()),
            };
            session.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"range": {"start": at, "end": end}, "text": text}]}),
            );
        }
        session.diagnostics(&uri, version);
    };
    let resident_kib = |session: &Session| {
        let status = std::fs::read_to_string(format!("/proc/{}/status", session.child.id())).unwrap();
        let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap().to_owned();
        line.split_whitespace().nth(1).unwrap().parse::<u64>().unwrap()
    };
    edit(&mut session, 500);
    let before = resident_kib(&session);
    edit(&mut session, 3_000);
    let after = resident_kib(&session);
    assert!(after <= before + 1024, "resident memory grew from {before} KiB to {after} KiB over 3,000 edits");
}
