//! The request journal: what the fake received, for tests to assert on what their code sent.
//! Secrets never enter it: the `Authorization` header's token and secret-named body fields are
//! replaced by [`REDACTED`].

use std::collections::VecDeque;

use serde::Serialize;
use serde_json::Value;

/// What stands in for a secret in the journal.
pub const REDACTED: &str = "[redacted]";

/// Most entries kept; older ones fall off.
pub(crate) const MAX_JOURNAL_ENTRIES: usize = 10_000;

/// Largest body kept as JSON; a longer one is described by its length only, so the journal
/// stays small whatever clients send.
pub(crate) const MAX_JOURNAL_BODY_BYTES: usize = 16 * 1024;

// Body fields whose values are secrets, at any depth: the model's rule, by field name.
use wegnology_model::is_secret_property;

/// Headers whose values are secrets.
const SECRET_HEADERS: &[&str] = &["authorization", "cookie", "proxy-authorization"];

/// One request the fake received, in the order received.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JournalEntry {
    /// The action: one of Me's by its snake_case name (`change_password`), as when the fake
    /// served only Me; every other by its id, `resource.action` (`device.getState`), the name a
    /// fault rule's `action` takes. `None` when no action has this method and path.
    pub action: Option<String>,
    /// `GET`, `PATCH`, …
    pub method: String,
    /// The path as sent, e.g. `/me/invites/575ec8687ae143cd83dc4a97`.
    pub path: String,
    /// The decoded query pairs, in order.
    pub query: Vec<(String, String)>,
    /// Every header, lower-case names, in order; secret ones (the bearer token) redacted as
    /// `Bearer [redacted]` or `[redacted]`.
    pub headers: Vec<(String, String)>,
    /// The body as JSON with secret fields redacted; a body that is not JSON, or longer than
    /// 16 KiB, is a string saying how long it was.
    pub body: Option<Value>,
    /// The status answered; `None` when the connection was reset instead.
    pub status: Option<u16>,
    /// The injected fault, in its rule's text form (`status=503`, `reset`, …), if any.
    pub fault: Option<String>,
}

impl JournalEntry {
    /// The value of a header (by case-insensitive name), as journaled.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The value of a query parameter, as decoded.
    pub fn query_param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// The journal's name of an action (see [`JournalEntry::action`]).
pub(crate) fn action_name(resource: &str, snake: &str, camel: &str) -> String {
    if resource == "me" {
        snake.to_string()
    } else {
        format!("{resource}.{camel}")
    }
}

/// A header value as the journal keeps it.
pub(crate) fn journal_header(name: &str, value: &[u8]) -> String {
    if SECRET_HEADERS.contains(&name) {
        let text = String::from_utf8_lossy(value);
        return match text.trim().split_once(' ') {
            Some((scheme, _)) => format!("{scheme} {REDACTED}"),
            None => REDACTED.to_string(),
        };
    }
    String::from_utf8_lossy(value).into_owned()
}

/// A body as the journal keeps it.
pub(crate) fn journal_body(bytes: &[u8]) -> Option<Value> {
    if bytes.is_empty() {
        return None;
    }
    if bytes.len() > MAX_JOURNAL_BODY_BYTES {
        return Some(Value::String(format!(
            "[{} bytes, more than the journal keeps]",
            bytes.len()
        )));
    }
    Some(match serde_json::from_slice::<Value>(bytes) {
        Ok(mut value) => {
            redact(&mut value);
            value
        }
        Err(_) => Value::String(format!("[{} bytes, not JSON]", bytes.len())),
    })
}

fn redact(value: &mut Value) {
    match value {
        Value::Object(fields) => {
            for (name, field) in fields.iter_mut() {
                if is_secret_property(name, None) {
                    *field = Value::String(REDACTED.to_string());
                } else {
                    redact(field);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact),
        _ => {}
    }
}

/// The last [`MAX_JOURNAL_ENTRIES`] requests.
#[derive(Debug, Default)]
pub(crate) struct Journal {
    entries: VecDeque<JournalEntry>,
}

impl Journal {
    pub(crate) fn push(&mut self, entry: JournalEntry) {
        if self.entries.len() >= MAX_JOURNAL_ENTRIES {
            self.entries.pop_front();
        }
        self.entries.push_back(entry);
    }

    pub(crate) fn entries(&self) -> Vec<JournalEntry> {
        self.entries.iter().cloned().collect()
    }

    pub(crate) fn clear(&mut self) {
        self.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_redacted_at_any_depth() {
        let body = br#"{"password":"Hunter2-hunter2","newPassword":"N3w-password!!","nested":[{"twoFactorCode":"123456"}],"firstName":"Ada"}"#;
        let value = journal_body(body).expect("a body");
        let text = value.to_string();
        for secret in ["Hunter2-hunter2", "N3w-password!!", "123456"] {
            assert!(!text.contains(secret), "{text}");
        }
        assert_eq!(value["firstName"], "Ada");
        assert_eq!(value["nested"][0]["twoFactorCode"], REDACTED);
        assert_eq!(
            journal_header("authorization", b"Bearer fake.abc.1"),
            "Bearer [redacted]"
        );
        assert_eq!(
            journal_body(b"\xff"),
            Some(Value::from("[1 bytes, not JSON]"))
        );
        let long = format!(
            r#"{{"firstName": "{}"}}"#,
            "x".repeat(MAX_JOURNAL_BODY_BYTES)
        );
        assert_eq!(
            journal_body(long.as_bytes()),
            Some(Value::from(format!(
                "[{} bytes, more than the journal keeps]",
                long.len()
            )))
        );
    }
}
