//! Excerpts of answers for error messages, with secrets kept out.

/// How many characters of a body an excerpt shows.
const EXCERPT_CHARS: usize = 120;

/// The start of `body` for an error message. With `secrets` (the documented type holds a
/// token, password, code or key), every JSON string value becomes `"***"`, including one cut
/// off by the end of the body: object keys, numbers and punctuation stay, so the shape that
/// failed to decode is still visible.
pub(crate) fn excerpt(body: &[u8], secrets: bool) -> String {
    // Only the start matters; a string running past this window is redacted whole.
    let window = &body[..body.len().min(EXCERPT_CHARS * 8)];
    let text = String::from_utf8_lossy(window);
    let text = if secrets {
        redact_string_values(&text)
    } else {
        text.into_owned()
    };
    let mut cut: String = text.chars().take(EXCERPT_CHARS).collect();
    if text.chars().count() > EXCERPT_CHARS || window.len() < body.len() {
        cut.push('…');
    }
    cut
}

/// `text` with the content of every JSON string that is not an object key replaced by `***`.
/// Lexical, so it also works on bodies that are not valid JSON.
fn redact_string_values(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('"') {
        out.push_str(&rest[..open]);
        let after_open = &rest[open + 1..];
        let close = closing_quote(after_open);
        let (content, after) = match close {
            Some(close) => (&after_open[..close], &after_open[close + 1..]),
            None => (after_open, ""),
        };
        // A key is a string followed by `:`.
        if close.is_some() && after.trim_start().starts_with(':') {
            out.push('"');
            out.push_str(content);
            out.push('"');
        } else {
            out.push_str("\"***\"");
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The byte offset of the quote ending a JSON string whose content starts `text`.
fn closing_quote(text: &str) -> Option<usize> {
    let mut escaped = false;
    for (index, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some(index),
            _ => {}
        }
    }
    None
}

/// A decoding error of a type holding secrets, without the values serde_json may quote
/// (`invalid type: string "…"`): only its category and position.
pub(crate) fn redact_decode_error(error: serde_json::Error) -> serde_json::Error {
    use serde::de::Error as _;
    let category = match error.classify() {
        serde_json::error::Category::Io => "read error",
        serde_json::error::Category::Syntax => "not valid JSON",
        serde_json::error::Category::Data => "not the documented type",
        serde_json::error::Category::Eof => "the body ends too early",
    };
    serde_json::Error::custom(format_args!(
        "{category} at line {} column {} (details withheld: the type holds secrets)",
        error.line(),
        error.column()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_values_are_redacted_keys_and_numbers_kept() {
        let body = br#"{"userId": 12, "token": "abc\"def", "list": ["x", 3]}"#;
        assert_eq!(
            excerpt(body, true),
            r#"{"userId": 12, "token": "***", "list": ["***", 3]}"#
        );
        assert_eq!(excerpt(body, false), String::from_utf8_lossy(body));
    }

    #[test]
    fn a_string_cut_off_is_redacted() {
        assert_eq!(excerpt(br#"{"token":"eyJhbGci"#, true), r#"{"token":"***""#);
        // A key without its colon yet is treated as a value: redacted too.
        assert_eq!(excerpt(br#"{"a":1,"tok"#, true), r#"{"a":1,"***""#);
    }

    #[test]
    fn long_bodies_are_cut() {
        let body = format!(r#"{{"token":"{}"}}"#, "s".repeat(5000));
        let shown = excerpt(body.as_bytes(), true);
        assert_eq!(shown, "{\"token\":\"***\"…");
        let shown = excerpt("x".repeat(500).as_bytes(), false);
        assert_eq!(shown.chars().count(), EXCERPT_CHARS + 1);
    }
}
