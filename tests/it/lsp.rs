//! The language server end to end: the real binary, JSON-RPC over stdio with Content-Length framing.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(10);

pub(crate) struct Session {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
}

impl Session {
    pub(crate) fn start(cwd: &std::path::Path) -> Session {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dlint"))
            .arg("lsp")
            .current_dir(cwd)
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

    fn send(&mut self, message: Value) {
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
    fn wait_for(&self, wanted: impl Fn(&Value) -> bool) -> Value {
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

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics.iter().map(|d| d["code"].as_str().unwrap()).collect()
}

#[test]
fn publishes_diagnostics_as_the_document_changes_and_exits_cleanly() {
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
        json!({"textDocument": {"uri": uri, "languageId": "dockerfile", "version": 1, "text": "FROM debian\n"}}),
    );
    let found = session.diagnostics(&uri, 1);
    assert!(!codes(&found).contains(&"DF001"), "the dlint.toml next to the file applies: {found:?}");
    let untagged = found.iter().find(|d| d["code"] == "DL3006").expect("DL3006 reported");
    assert_eq!(untagged["range"], json!({"start": {"line": 0, "character": 5}, "end": {"line": 0, "character": 11}}));
    assert_eq!(untagged["severity"], 2);
    assert_eq!(untagged["source"], "dlint");
    assert!(untagged["message"].as_str().unwrap().ends_with("(untagged-image)"), "{untagged}");

    session.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 0, "character": 11}, "end": {"line": 0, "character": 11}}, "text": ":12"}],
        }),
    );
    let found = session.diagnostics(&uri, 2);
    assert!(!codes(&found).contains(&"DL3006"), "the tag fixes DL3006: {found:?}");
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
