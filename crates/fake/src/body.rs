//! Request bodies: read bounded in size and time, then parsed as the action documents them: a
//! JSON body valid against its parameter's schema, or a `multipart/form-data` body whose parts
//! are the action's multipart parameters (files, text, JSON text valid against its schema).

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, StatusCode};
use serde_json::{Map, Value};
use wegnology_model::{Action, Location, Param, ParamType};

use crate::call::ApiError;
use crate::schemas::Schemas;

/// Largest request body read; bigger ones get 413.
pub(crate) const MAX_BODY_BYTES: usize = 256 * 1024;

/// Most parts of one multipart body.
const MAX_PARTS: usize = 64;

/// The request body, bounded in size and in time.
pub(crate) async fn read_body(body: Body, timeout: std::time::Duration) -> Result<Bytes, ApiError> {
    match tokio::time::timeout(timeout, axum::body::to_bytes(body, MAX_BODY_BYTES)).await {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(_)) => Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "PayloadTooLarge",
            format!("the request body is larger than {MAX_BODY_BYTES} bytes or unreadable"),
        )),
        Err(_) => Err(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "RequestTimeout",
            format!(
                "the request body did not arrive within {} ms",
                timeout.as_millis()
            ),
        )),
    }
}

fn mime(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(str::trim)
}

fn is_json(headers: &HeaderMap) -> bool {
    mime(headers).is_some_and(|mime| {
        mime.eq_ignore_ascii_case("application/json")
            || (mime.len() > 5
                && mime.is_char_boundary(mime.len() - 5)
                && mime[mime.len() - 5..].eq_ignore_ascii_case("+json"))
    })
}

/// Checks the body. An action with a body parameter needs a JSON body valid against that
/// parameter's schema; one with multipart parameters a `multipart/form-data` body (see
/// [`multipart_body`]); an action without either accepts no body or any JSON (the JS client
/// sends `{}`).
pub(crate) fn request_body(
    schemas: &Schemas,
    action: &Action,
    headers: &HeaderMap,
    bytes: Bytes,
) -> Result<Option<Value>, ApiError> {
    if action.params_in(Location::Multipart).next().is_some() {
        return multipart_body(schemas, action, headers, &bytes).map(Some);
    }
    let Some(param) = action.body() else {
        if !bytes.is_empty() && serde_json::from_slice::<Value>(&bytes).is_err() {
            return Err(ApiError::validation(
                "this action takes no body; what was sent is not even JSON",
            ));
        }
        return Ok(None);
    };
    if bytes.is_empty() {
        if param.required {
            return Err(ApiError::validation(format!(
                "a JSON body (`{}`) is required",
                param.name
            )));
        }
        return Ok(None);
    }
    if !is_json(headers) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UnsupportedMediaType",
            "the body must be sent with `Content-Type: application/json`",
        ));
    }
    let value: Value = serde_json::from_slice(&bytes)
        .map_err(|error| ApiError::validation(format!("the body is not valid JSON: {error}")))?;
    if let ParamType::Schema { schema } = &param.ty {
        schemas.check(schema, &value).map_err(|problem| {
            ApiError::validation(format!(
                "`{}` does not match the `{schema}` schema: {problem}",
                param.name
            ))
        })?;
    }
    Ok(Some(value))
}

/// One part of a multipart body.
struct Part<'a> {
    name: String,
    filename: Option<String>,
    content_type: Option<String>,
    data: &'a [u8],
}

/// A `multipart/form-data` body as an object of its parts by name: a file part is
/// `{"filename", "contentType", "size"}`, a boolean `true`/`false`, a schema value its JSON text
/// parsed and checked, anything else its text. Unknown or repeated parts and missing required
/// ones are 400.
fn multipart_body(
    schemas: &Schemas,
    action: &Action,
    headers: &HeaderMap,
    bytes: &[u8],
) -> Result<Value, ApiError> {
    let is_multipart = mime(headers).is_some_and(|m| m.eq_ignore_ascii_case("multipart/form-data"));
    let boundary = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(boundary_of)
        .filter(|_| is_multipart)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "UnsupportedMediaType",
                "the body must be sent as `multipart/form-data; boundary=…`",
            )
        })?;
    let parts = parse_parts(bytes, &boundary)
        .ok_or_else(|| ApiError::validation("the multipart body is malformed"))?;
    let mut fields = Map::new();
    for part in parts {
        let Some(param) = action
            .params_in(Location::Multipart)
            .find(|param| param.name == part.name)
        else {
            return Err(ApiError::validation(format!(
                "unknown multipart field `{}`",
                part.name
            )));
        };
        let value = part_value(schemas, param, &part)?;
        if fields.insert(part.name.clone(), value).is_some() {
            return Err(ApiError::validation(format!(
                "multipart field `{}` is given more than once",
                part.name
            )));
        }
    }
    for param in action.params_in(Location::Multipart) {
        if param.required && !fields.contains_key(&param.name) {
            return Err(ApiError::validation(format!(
                "multipart field `{}` is required",
                param.name
            )));
        }
    }
    Ok(Value::Object(fields))
}

fn part_value(schemas: &Schemas, param: &Param, part: &Part<'_>) -> Result<Value, ApiError> {
    let text = || {
        std::str::from_utf8(part.data).map_err(|_| {
            ApiError::validation(format!("multipart field `{}` is not UTF-8 text", part.name))
        })
    };
    Ok(match &param.ty {
        ParamType::File => {
            let mut file = Map::new();
            file.insert(
                "filename".into(),
                Value::from(part.filename.clone().unwrap_or_default()),
            );
            if let Some(content_type) = &part.content_type {
                file.insert("contentType".into(), Value::from(content_type.clone()));
            }
            file.insert("size".into(), Value::from(part.data.len()));
            Value::Object(file)
        }
        ParamType::Boolean => match text()? {
            "true" | "True" => Value::Bool(true),
            "false" | "False" => Value::Bool(false),
            _ => {
                return Err(ApiError::validation(format!(
                    "multipart field `{}` must be `true` or `false`",
                    part.name
                )))
            }
        },
        ParamType::Integer => Value::from(text()?.parse::<i64>().map_err(|_| {
            ApiError::validation(format!(
                "multipart field `{}` must be a decimal integer",
                part.name
            ))
        })?),
        ParamType::Enum { values } => {
            let text = text()?;
            if !values.iter().any(|value| value == text) {
                return Err(ApiError::validation(format!(
                    "multipart field `{}` must be one of: {}",
                    part.name,
                    values.join(", ")
                )));
            }
            Value::from(text)
        }
        ParamType::Schema { schema } => {
            let value: Value = serde_json::from_str(text()?).map_err(|_| {
                ApiError::validation(format!("multipart field `{}` must be JSON text", part.name))
            })?;
            schemas.check(schema, &value).map_err(|problem| {
                ApiError::validation(format!(
                    "multipart field `{}` does not match the `{schema}` schema: {problem}",
                    part.name
                ))
            })?;
            value
        }
        ParamType::String | ParamType::Array { .. } => Value::from(text()?),
    })
}

/// The `boundary` parameter of a `Content-Type` value.
fn boundary_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (key, value) = parameter.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"').to_string())
            .filter(|boundary| !boundary.is_empty() && boundary.len() <= 200)
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// The parts between `--boundary` lines; `None` when the body is not well formed.
fn parse_parts<'a>(body: &'a [u8], boundary: &str) -> Option<Vec<Part<'a>>> {
    let delimiter = format!("--{boundary}");
    let mut rest = &body[find(body, delimiter.as_bytes())? + delimiter.len()..];
    let separator = format!("\r\n--{boundary}");
    let mut parts = Vec::new();
    loop {
        if rest.starts_with(b"--") {
            return Some(parts);
        }
        rest = rest.strip_prefix(b"\r\n")?;
        let head_end = find(rest, b"\r\n\r\n")?;
        let head = std::str::from_utf8(&rest[..head_end]).ok()?;
        let after_head = &rest[head_end + 4..];
        let end = find(after_head, separator.as_bytes())?;
        let data = &after_head[..end];
        rest = &after_head[end + separator.len()..];
        let (mut name, mut filename, mut content_type) = (None, None, None);
        for line in head.split("\r\n") {
            let (key, value) = line.split_once(':')?;
            if key.trim().eq_ignore_ascii_case("content-disposition") {
                for parameter in value.split(';').skip(1) {
                    let (key, value) = parameter.split_once('=')?;
                    let value = value.trim().trim_matches('"').to_string();
                    match key.trim() {
                        "name" => name = Some(value),
                        "filename" => filename = Some(value),
                        _ => {}
                    }
                }
            } else if key.trim().eq_ignore_ascii_case("content-type") {
                content_type = Some(value.trim().to_string());
            }
        }
        parts.push(Part {
            name: name?,
            filename,
            content_type,
            data,
        });
        if parts.len() > MAX_PARTS {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipart_parts_are_split_by_their_boundary() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--XyZ\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\na@example.com\r\n--XyZ--\r\n";
        let parts = parse_parts(body, "XyZ").expect("well formed");
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name, "file");
        assert_eq!(parts[0].filename.as_deref(), Some("a.txt"));
        assert_eq!(parts[0].content_type.as_deref(), Some("text/plain"));
        assert_eq!(parts[0].data, b"hello");
        assert_eq!(parts[1].data, b"a@example.com");
        assert_eq!(
            boundary_of("multipart/form-data; boundary=\"XyZ\"").as_deref(),
            Some("XyZ")
        );
        for bad in [
            &b"--XyZ\r\nno head end"[..],
            b"nothing",
            b"--XyZ\r\n\r\n\r\nx\r\n--XyZ--",
        ] {
            assert!(parse_parts(bad, "XyZ").is_none(), "{bad:?}");
        }
    }
}
