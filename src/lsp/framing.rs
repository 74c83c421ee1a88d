//! A guard in front of the protocol library: it reads the client's frames itself and passes on only
//! well-formed JSON-RPC, replacing a malformed frame with a request for an error answer. The library ends
//! the session at the first frame it cannot decode; with this guard, one bad message costs one error.

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};

/// Answered with JSON-RPC's parse error: the frame had no usable length or its body was not JSON.
pub const PARSE_ERROR_METHOD: &str = "$/dlint/parseError";
/// Answered with JSON-RPC's invalid request error: JSON, but not a JSON-RPC 2.0 message.
pub const INVALID_REQUEST_METHOD: &str = "$/dlint/invalidRequest";

/// Larger bodies are skipped unread rather than held in memory.
const MAX_BODY: usize = 256 << 20;

/// Copies frames from `input` to `output` until `input` ends, replacing malformed ones.
pub async fn guard(input: impl AsyncRead + Unpin, mut output: impl AsyncWrite + Unpin) -> std::io::Result<()> {
    let mut input = BufReader::new(input);
    loop {
        let Some(length) = read_headers(&mut input).await? else { return Ok(()) };
        let body = match length {
            Some(length) if length <= MAX_BODY => {
                let mut body = vec![0; length];
                match input.read_exact(&mut body).await {
                    Err(error) if error.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(()),
                    read => read?,
                };
                checked(body)
            }
            Some(length) => {
                tokio::io::copy(&mut (&mut input).take(length as u64), &mut tokio::io::sink()).await?;
                error_request(PARSE_ERROR_METHOD, Value::Null)
            }
            None => error_request(PARSE_ERROR_METHOD, Value::Null),
        };
        output.write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes()).await?;
        output.write_all(&body).await?;
        output.flush().await?;
    }
}

/// Reads one header block: `None` at the end of input, `Some(None)` when it has no valid Content-Length.
async fn read_headers(input: &mut (impl AsyncBufReadExt + Unpin)) -> std::io::Result<Option<Option<usize>>> {
    let mut length = None;
    let mut seen_any = false;
    loop {
        let mut line = Vec::new();
        if input.read_until(b'\n', &mut line).await? == 0 {
            return Ok(None);
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if seen_any {
                return Ok(Some(length));
            }
            continue;
        }
        seen_any = true;
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().ok();
            }
        }
    }
}

/// The body itself when it is a JSON-RPC 2.0 message, else a request for the matching error.
fn checked(body: Vec<u8>) -> Vec<u8> {
    let Ok(message) = serde_json::from_slice::<Value>(&body) else {
        return error_request(PARSE_ERROR_METHOD, Value::Null);
    };
    let id = message.get("id").filter(|id| is_id(id)).cloned();
    if is_message(&message) {
        body
    } else {
        error_request(INVALID_REQUEST_METHOD, id.unwrap_or(Value::Null))
    }
}

fn is_message(message: &Value) -> bool {
    let Some(object) = message.as_object() else { return false };
    let id_ok = object.get("id").is_none_or(|id| id.is_null() || is_id(id));
    let is_request = object.get("method").is_some_and(Value::is_string);
    let is_response = object.contains_key("id") && (object.contains_key("result") || object.contains_key("error"));
    object.get("jsonrpc").and_then(Value::as_str) == Some("2.0") && id_ok && (is_request || is_response)
}

/// A JSON-RPC request id: a string or an integer.
fn is_id(id: &Value) -> bool {
    id.is_string() || id.is_u64() || id.is_i64()
}

fn error_request(method: &str, id: Value) -> Vec<u8> {
    json!({"jsonrpc": "2.0", "id": id, "method": method}).to_string().into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn guarded(input: &str) -> String {
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let mut out = Vec::new();
        runtime.block_on(guard(input.as_bytes(), &mut out)).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn passes_messages_and_replaces_malformed_frames() {
        let good = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let response = r#"{"jsonrpc":"2.0","id":"a","result":null}"#;
        let input = [
            frame(good),
            frame("{not json"),
            "X-Nothing: 1\r\n\r\n".to_owned(),
            frame(r#"{"jsonrpc":"1.0","id":7,"method":"x"}"#),
            frame("[1,2]"),
            frame(response),
        ]
        .concat();
        let parse_error = r#"{"id":null,"jsonrpc":"2.0","method":"$/dlint/parseError"}"#;
        let expected = [
            frame(good),
            frame(parse_error),
            frame(parse_error),
            frame(r#"{"id":7,"jsonrpc":"2.0","method":"$/dlint/invalidRequest"}"#),
            frame(r#"{"id":null,"jsonrpc":"2.0","method":"$/dlint/invalidRequest"}"#),
            frame(response),
        ]
        .concat();
        assert_eq!(guarded(&input), expected);
    }

    #[test]
    fn stops_at_the_end_of_input_even_inside_a_frame() {
        assert_eq!(guarded(""), "");
        assert_eq!(guarded("Content-Length: 10\r\n\r\n{}"), "");
        assert_eq!(guarded("\r\n\r\n"), "");
    }
}
