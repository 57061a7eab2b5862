//! What a request is before it is sent: the facts of its action ([`Endpoint`]), the values the
//! generated builders fill in ([`Request`]), and the handle a generated resource holds
//! ([`Handle`]).
//!
//! Each generated `…Request` is a newtype over [`Request`] holding only what differs per action
//! (its setters and docs); `__request_builder!` gives it the methods every request has.

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use reqwest::header::{HeaderName, HeaderValue};
use reqwest::{Method, StatusCode};
use serde::Serialize;

use crate::builder::Client;
use crate::error::Error;
use crate::facts::ApiFacts;
use crate::multipart::{FilePart, Part, Value};
use crate::query::{QueryPair, QueryText};

/// What a generated resource handle (`MeApi`) holds: the client, and the facts of the API its
/// actions were generated from, which every request it makes carries.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Handle<'a> {
    client: &'a Client,
    api: &'static ApiFacts,
}

impl<'a> Handle<'a> {
    /// The handle of actions generated with `api`, on `client`.
    pub fn new(client: &'a Client, api: &'static ApiFacts) -> Self {
        Handle { client, api }
    }

    /// A request of `endpoint`.
    pub fn request<T>(self, endpoint: Endpoint) -> Request<'a, T> {
        Request::new(self.client, self.api, endpoint)
    }

    /// A request of the `GET` action `action` at the path template `path`.
    pub fn get<T>(self, action: &'static str, path: &'static str) -> Request<'a, T> {
        self.request(Endpoint::get(action, path))
    }

    /// A request of the `POST` action `action` at the path template `path`.
    pub fn post<T>(self, action: &'static str, path: &'static str) -> Request<'a, T> {
        self.request(Endpoint::post(action, path))
    }

    /// A request of the `PUT` action `action` at the path template `path`.
    pub fn put<T>(self, action: &'static str, path: &'static str) -> Request<'a, T> {
        self.request(Endpoint::put(action, path))
    }

    /// A request of the `PATCH` action `action` at the path template `path`.
    pub fn patch<T>(self, action: &'static str, path: &'static str) -> Request<'a, T> {
        self.request(Endpoint::patch(action, path))
    }

    /// A request of the `DELETE` action `action` at the path template `path`.
    pub fn delete<T>(self, action: &'static str, path: &'static str) -> Request<'a, T> {
        self.request(Endpoint::delete(action, path))
    }
}

/// Shows the client (never its token).
impl fmt::Debug for Handle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Handle")
            .field("client", self.client)
            .field("accept_version", &self.api.accept_version)
            .finish()
    }
}

/// What the generator knows of one action: fixed when the code is generated.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct Endpoint {
    pub(crate) action: &'static str,
    pub(crate) method: Method,
    /// The path template (`/me/invites/{inviteId}`): what tracing shows.
    pub(crate) path: &'static str,
    pub(crate) repeatable: bool,
    pub(crate) secret_answer: bool,
    pub(crate) issues_token: bool,
    /// The `Accept-Version` of this action when it is not its API's (an action generated from
    /// another release than the rest).
    pub(crate) accept_version: Option<&'static str>,
    /// The action's query parameters in documented order, the order the official clients send
    /// them in whatever order a call sets them (empty: the order set).
    pub(crate) query_order: &'static [&'static str],
    /// The facts of the API the action was generated from (its `Accept-Version` and query
    /// defaults are sent), given when a request is made; `None`: the client's.
    pub(crate) api: Option<&'static ApiFacts>,
}

impl Endpoint {
    /// An action's method and path template; `GET` is safe to repeat.
    pub const fn new(action: &'static str, method: Method, path: &'static str) -> Endpoint {
        let repeatable = matches!(method, Method::GET);
        Endpoint {
            action,
            method,
            path,
            repeatable,
            secret_answer: false,
            issues_token: false,
            accept_version: None,
            query_order: &[],
            api: None,
        }
    }

    /// A `GET` action.
    pub const fn get(action: &'static str, path: &'static str) -> Endpoint {
        Endpoint::new(action, Method::GET, path)
    }

    /// A `POST` action.
    pub const fn post(action: &'static str, path: &'static str) -> Endpoint {
        Endpoint::new(action, Method::POST, path)
    }

    /// A `PUT` action.
    pub const fn put(action: &'static str, path: &'static str) -> Endpoint {
        Endpoint::new(action, Method::PUT, path)
    }

    /// A `PATCH` action.
    pub const fn patch(action: &'static str, path: &'static str) -> Endpoint {
        Endpoint::new(action, Method::PATCH, path)
    }

    /// A `DELETE` action.
    pub const fn delete(action: &'static str, path: &'static str) -> Endpoint {
        Endpoint::new(action, Method::DELETE, path)
    }

    /// The documents make this action safe to repeat: it is retried like a `GET`.
    pub const fn repeatable(mut self) -> Endpoint {
        self.repeatable = true;
        self
    }

    /// The success type holds secrets: excerpts of undecodable answers are redacted.
    pub const fn secret_answer(mut self) -> Endpoint {
        self.secret_answer = true;
        self
    }

    /// The answer carries a new API token (`token`), which the client may adopt.
    pub const fn issues_token(mut self) -> Endpoint {
        self.issues_token = true;
        self
    }

    /// The `Accept-Version` sent with this action instead of its API's: for an action the
    /// documents of another release describe.
    pub const fn accept_version(mut self, version: &'static str) -> Endpoint {
        self.accept_version = Some(version);
        self
    }

    /// The action's query parameter names in documented order: each pair is sent in its place
    /// in that order, whatever order a call sets them in; other names (`query_override`) follow.
    pub const fn query_order(mut self, order: &'static [&'static str]) -> Endpoint {
        self.query_order = order;
        self
    }
}

/// Characters kept as they are in a path segment (RFC 3986 unreserved).
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The bytes [`PATH_SEGMENT`] keeps, as a table: one load per byte.
static UNRESERVED: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
        byte += 1;
    }
    table
};

/// `value` percent-encoded as one path segment, appended to `path`. A value of unreserved
/// characters only (the ids of the documents' examples and of the API) is copied as it is:
/// the check is a byte test, cheaper than the encoder's iterator.
fn push_segment(path: &mut String, value: &str) {
    // Folded without an early exit, the loop has no branch per byte (ids are short, and
    // nearly always unreserved).
    let unreserved = value
        .bytes()
        .fold(true, |all, b| all & UNRESERVED[usize::from(b)]);
    if unreserved {
        path.push_str(value);
    } else {
        path.extend(utf8_percent_encode(value, PATH_SEGMENT));
    }
}

/// How a success answer's status and body become the action's type (`runtime::decode`).
pub type Decoder<T> = fn(StatusCode, &[u8]) -> Result<T, serde_json::Error>;

/// The body of a request. Two variants, no `Option` around them: as large as the JSON bytes
/// alone (the tag lives in a niche), so a request without a multipart body is no larger for it.
#[derive(Clone)]
pub(crate) enum Body {
    /// JSON, encoded once, shared by every attempt.
    Json(Bytes),
    /// `multipart/form-data`: the parts, made into a form again for each attempt; no part at
    /// all is no body (`Body::NONE`, what a request starts with).
    Multipart(Vec<Part>),
}

impl Body {
    /// No body.
    pub(crate) const NONE: Body = Body::Multipart(Vec::new());
}

/// One request as the generated builders fill it in. `T` is the documented success type.
///
/// Cloning copies what was set (path, query, headers) and shares the bodies' bytes: a clone
/// is the same call, with the same per-call options, sent again (the pages of a list).
#[doc(hidden)]
pub struct Request<'a, T> {
    pub(crate) client: &'a Client,
    pub(crate) endpoint: Endpoint,
    /// The filled path; borrowed from the template when it has no parameters.
    pub(crate) path: Cow<'static, str>,
    /// Query pairs set on this request; the defaults every request carries are added at send.
    /// Names are `&'static str` but for flattened lists (`name[0]`).
    pub(crate) query: Vec<QueryPair>,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    pub(crate) body: Body,
    /// The first value refused while the request was built; returned by `send`, before any I/O.
    /// Boxed: it is rare, and every call's future carries this field.
    pub(crate) refused: Option<Box<Error>>,
    pub(crate) timeout: Option<Duration>,
    pub(crate) retries: Option<u32>,
    /// The decoder given with [`Request::decode_with`]; `None`: the type's own
    /// (`runtime::Answer`), JSON for a type with a serde impl.
    pub(crate) decode: Option<Decoder<T>>,
}

impl<T> Clone for Request<'_, T> {
    fn clone(&self) -> Self {
        Request {
            client: self.client,
            endpoint: self.endpoint.clone(),
            path: self.path.clone(),
            query: self.query.clone(),
            headers: self.headers.clone(),
            body: self.body.clone(),
            refused: self.refused.as_deref().map(|e| Box::new(refusal_copy(e))),
            timeout: self.timeout,
            retries: self.retries,
            decode: self.decode,
        }
    }
}

/// The same refusal again, for a clone of a request: what `refuse` and `refuse_encoding` store
/// (the encoding error's message kept, its position dropped: serde_json's errors do not clone).
fn refusal_copy(error: &Error) -> Error {
    match error {
        Error::InvalidRequest {
            action,
            parameter,
            reason,
        } => Error::InvalidRequest {
            action,
            parameter,
            reason,
        },
        Error::Encode { action, source } => Error::Encode {
            action,
            source: serde::ser::Error::custom(source),
        },
        // Never stored as a refusal.
        other => Error::Config(other.to_string()),
    }
}

impl<'a, T> Request<'a, T> {
    /// A request of `endpoint`, generated with `api`, on `client`.
    pub fn new(client: &'a Client, api: &'static ApiFacts, mut endpoint: Endpoint) -> Self {
        endpoint.api = Some(api);
        Request {
            client,
            path: Cow::Borrowed(endpoint.path),
            endpoint,
            query: Vec::new(),
            headers: Vec::new(),
            body: Body::NONE,
            refused: None,
            timeout: None,
            retries: None,
            decode: None,
        }
    }

    /// [`Endpoint::repeatable`]: the documents make this action safe to repeat.
    pub fn repeatable(mut self) -> Self {
        self.endpoint = self.endpoint.repeatable();
        self
    }

    /// [`Endpoint::secret_answer`]: the success type holds secrets.
    pub fn secret_answer(mut self) -> Self {
        self.endpoint = self.endpoint.secret_answer();
        self
    }

    /// [`Endpoint::issues_token`]: the answer carries a new API token.
    pub fn issues_token(mut self) -> Self {
        self.endpoint = self.endpoint.issues_token();
        self
    }

    /// [`Endpoint::accept_version`]: the `Accept-Version` of an action of another release.
    pub fn accept_version(mut self, version: &'static str) -> Self {
        self.endpoint = self.endpoint.accept_version(version);
        self
    }

    /// [`Endpoint::query_order`]: the documented order of the action's query parameters.
    pub fn query_order(mut self, order: &'static [&'static str]) -> Self {
        self.endpoint = self.endpoint.query_order(order);
        self
    }

    /// Decodes the success answer with `decode` instead of the type's own decoding:
    /// `runtime::decode::nothing` for a bodiless answer (`()`), or any decoder by status.
    pub fn decode_with(mut self, decode: Decoder<T>) -> Self {
        self.decode = Some(decode);
        self
    }

    fn refuse(&mut self, parameter: &'static str, reason: &'static str) {
        if self.refused.is_none() {
            self.refused = Some(Box::new(Error::InvalidRequest {
                action: self.endpoint.action,
                parameter,
                reason,
            }));
        }
    }

    /// Fills the path template's placeholders, in order, with `values`: each `(name, value)`
    /// names the placeholder it fills (`{name}`, the next one in the template) and is
    /// percent-encoded as one segment. The path is built in one pass and one allocation; the
    /// generated code gives the values in the template's order.
    ///
    /// Empty, `.` and `..` are refused: URL normalisation would drop or climb them, sending the
    /// request to another endpoint, and no encoding can prevent that. A name that is not the
    /// next placeholder (code not generated from this template) is refused too.
    pub fn path_params(mut self, values: &[(&'static str, &str)]) -> Self {
        if let Some((name, _)) = values
            .iter()
            .find(|(_, value)| matches!(*value, "" | "." | ".."))
        {
            self.refuse(name, "a path segment cannot be empty, `.` or `..`");
            return self;
        }
        let template = self.endpoint.path;
        let length = values.iter().map(|(_, value)| value.len()).sum::<usize>();
        let mut path = String::with_capacity(template.len() + length);
        let mut rest = template;
        for (name, value) in values {
            // A byte scan: the parts between placeholders are short, shorter than `str::find`'s
            // set-up.
            let placeholder = rest.bytes().position(|b| b == b'{').and_then(|open| {
                let after = rest[open + 1..].strip_prefix(name)?.strip_prefix('}')?;
                Some((open, after))
            });
            let Some((open, after)) = placeholder else {
                self.refuse(
                    name,
                    "the action's path has no such placeholder in this place",
                );
                return self;
            };
            path.push_str(&rest[..open]);
            push_segment(&mut path, value);
            rest = after;
        }
        path.push_str(rest);
        self.path = Cow::Owned(path);
        self
    }

    /// Sets a query pair, replacing an earlier value of the same name (or a default); a new
    /// name takes its place in the action's documented order ([`Endpoint::query_order`]).
    pub fn query(self, name: &'static str, value: String) -> Self {
        self.query_text(name, QueryText::Owned(value))
    }

    /// [`Request::query`] of an integer value, its digits kept without an allocation.
    pub fn query_int(self, name: &'static str, value: i64) -> Self {
        self.query_text(name, QueryText::integer(value))
    }

    /// [`Request::query`] of a boolean value: `true` or `false`, static text.
    pub fn query_bool(self, name: &'static str, value: bool) -> Self {
        let text = if value { "true" } else { "false" };
        self.query_text(name, QueryText::Static(text))
    }

    fn query_text(mut self, name: &'static str, value: QueryText) -> Self {
        match self.query.iter_mut().find(|(k, _)| k == name) {
            Some(pair) => pair.1 = value,
            None => {
                let at = self.query_slot(name);
                self.query.insert(at, (Cow::Borrowed(name), value));
            }
        }
        self
    }

    /// Where new pairs of the parameter `name` go: before the first pair of a parameter
    /// documented after it; at the end for a name the order does not list (and then in the
    /// order set). A flattened pair (`tagFilter[0][key]`) is its parameter's (`tagFilter`).
    fn query_slot(&self, name: &str) -> usize {
        let order = self.endpoint.query_order;
        // The first pair of a call (the common case) goes first, whatever its rank.
        if self.query.is_empty() || order.is_empty() {
            return self.query.len();
        }
        // A pair's parameter is its name, or the part before `[` of a flattened pair: compared
        // in place, without splitting the name.
        let rank = |pair: &str| {
            order.iter().position(|documented| {
                pair.strip_prefix(documented)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('['))
            })
        };
        let Some(rank_of_name) = rank(name) else {
            return self.query.len();
        };
        self.query
            .iter()
            .position(|(pair, _)| rank(pair).is_none_or(|r| r > rank_of_name))
            .unwrap_or(self.query.len())
    }

    /// A query value sent as its JSON text in one pair (`query={"$or":[…]}`): what the official
    /// clients do with the parameters their documents mark as a JSON filter.
    pub fn query_json<V: Serialize + ?Sized>(self, name: &'static str, value: &V) -> Self {
        match crate::wire::to_string(value) {
            Ok(text) => self.query(name, text),
            Err(source) => self.refuse_encoding(source),
        }
    }

    /// A list value, flattened the way the official clients send lists and the objects in them:
    /// `name[0]=a&name[1]=b`, `name[0][key]=v`. An empty list sends nothing. Replaces an
    /// earlier list of the same name.
    pub fn query_list<V: Serialize>(self, name: &'static str, values: &[V]) -> Self {
        self.query_flat(name, values)
    }

    /// Any value (a schema type's: a list, an object, a string), flattened as the official
    /// clients send a query value (the JS client's `qs`, the Python client's `flatten_params`):
    /// a list's items and an object's members get `[index]` and `[key]` suffixes
    /// (`tagFilter[0][key]=Floor`), a scalar is one pair (`deviceClass=standalone`). Replaces an
    /// earlier value of the same name.
    pub fn query_flat<V: Serialize + ?Sized>(mut self, name: &'static str, value: &V) -> Self {
        let value = match serde_json::to_value(value) {
            Ok(value) => value,
            Err(source) => return self.refuse_encoding(source),
        };
        let item_prefix = format!("{name}[");
        self.query
            .retain(|(k, _)| k != name && !k.starts_with(&item_prefix));
        let mut pairs = Vec::new();
        flatten_query(name.to_string(), &value, &mut pairs);
        let at = self.query_slot(name);
        self.query.splice(at..at, pairs);
        self
    }

    fn refuse_encoding(mut self, source: serde_json::Error) -> Self {
        if self.refused.is_none() {
            self.refused = Some(Box::new(Error::Encode {
                action: self.endpoint.action,
                source,
            }));
        }
        self
    }

    /// Sets a header; a value with control characters is refused (named), not sent.
    pub fn header(mut self, name: &'static str, value: String) -> Self {
        let Ok(header) = HeaderName::from_bytes(name.as_bytes()) else {
            self.refuse(name, "not a valid header name");
            return self;
        };
        match HeaderValue::try_from(value) {
            Ok(value) => {
                self.headers.retain(|(k, _)| *k != header);
                self.headers.push((header, value));
            }
            Err(_) => self.refuse(
                name,
                "a header value cannot hold control characters or non-ASCII",
            ),
        }
        self
    }

    /// The JSON request body, encoded once, straight to bytes (numbers as the JS client writes
    /// them: a whole `f64` without `.0`).
    pub fn json_body<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        match crate::wire::to_vec(body) {
            Ok(bytes) => self.body = Body::Json(Bytes::from(bytes)),
            Err(source) => return self.refuse_encoding(source),
        }
        self
    }

    /// The value of the query pair `name` set on this request (not a default).
    pub(crate) fn query_value(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Sets the multipart field `name` (replacing an earlier one of that name); the body is
    /// then `multipart/form-data`, instead of a JSON body set before.
    fn multipart(mut self, name: &'static str, value: Value) -> Self {
        if !matches!(self.body, Body::Multipart(_)) {
            self.body = Body::NONE;
        }
        let Body::Multipart(parts) = &mut self.body else {
            return self;
        };
        match parts.iter_mut().find(|part| part.name == name) {
            Some(part) => part.value = value,
            None => parts.push(Part { name, value }),
        }
        self
    }

    /// A file field of a multipart body: one part with the file's name and content type. A
    /// content type that is not a MIME type is refused (named).
    pub fn multipart_file(mut self, name: &'static str, file: FilePart) -> Self {
        if let Some(reason) = Part::refusal(&file) {
            self.refuse(name, reason);
            return self;
        }
        self.multipart(name, Value::File(file))
    }

    /// A text field of a multipart body: one part without file name or content type.
    pub fn multipart_text(self, name: &'static str, value: impl Into<String>) -> Self {
        self.multipart(name, Value::Text(value.into()))
    }

    /// An object field of a multipart body, sent as its JSON text like a text field (what the
    /// official JS client does). A value that does not encode is refused (named), at send.
    pub fn multipart_json<V: Serialize + ?Sized>(mut self, name: &'static str, value: &V) -> Self {
        match crate::wire::to_string(value) {
            Ok(text) => self.multipart(name, Value::Text(text)),
            Err(_) => {
                self.refuse(name, "the value does not encode as JSON");
                self
            }
        }
    }

    /// This call's timeout (attempts and pauses included), instead of the client's.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// This call's number of retries, instead of the client's policy's (`0`: no retry).
    pub fn with_retries(mut self, retries: u32) -> Self {
        self.retries = Some(retries);
        self
    }
}

/// A JSON body's size only (it carries passwords, codes and keys); each part's name and its
/// file's name, size and type, or its text's size.
impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // As when it was an optional string.
            Body::Json(bytes) => write!(f, "Some(\"<{} bytes>\")", bytes.len()),
            Body::Multipart(parts) if parts.is_empty() => f.write_str("None"),
            Body::Multipart(parts) => f.debug_list().entries(parts).finish(),
        }
    }
}

/// `value` as query pairs under `prefix`: list items and object members get `[index]` and `[key]`
/// suffixes; scalars are their text (booleans `true`/`false`, numbers in decimal); nulls are left
/// out, as the official clients leave out a missing value.
fn flatten_query(prefix: String, value: &serde_json::Value, out: &mut Vec<QueryPair>) {
    use serde_json::Value;
    match value {
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                flatten_query(format!("{prefix}[{index}]"), item, out);
            }
        }
        Value::Object(members) => {
            for (key, member) in members {
                flatten_query(format!("{prefix}[{key}]"), member, out);
            }
        }
        Value::String(text) => out.push((Cow::Owned(prefix), text.clone().into())),
        Value::Number(number) => {
            out.push((Cow::Owned(prefix), crate::wire::number_text(number).into()))
        }
        Value::Null => {}
        scalar => out.push((Cow::Owned(prefix), scalar.to_string().into())),
    }
}

/// Shows the action, method, filled path, query and header names and values, and the body's
/// size only: bodies carry passwords, codes and keys. The token is never part of a request.
impl<T> fmt::Debug for Request<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("action", &self.endpoint.action)
            .field("method", &self.endpoint.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("headers", &self.headers)
            .field("body", &self.body)
            .field("timeout", &self.timeout)
            .field("retries", &self.retries)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn flat(value: serde_json::Value) -> Vec<(String, String)> {
        let mut out = Vec::new();
        flatten_query("tags".to_string(), &value, &mut out);
        out.into_iter()
            .map(|(k, v)| (k.into_owned(), v.as_str().to_string()))
            .collect()
    }

    #[test]
    fn lists_and_their_objects_flatten_to_indexed_pairs() {
        let pairs = flat(json!([
            {"key": "floor", "value": 2},
            {"key": "on", "value": true, "note": null}
        ]));
        let expected = [
            ("tags[0][key]", "floor"),
            ("tags[0][value]", "2"),
            ("tags[1][key]", "on"),
            ("tags[1][value]", "true"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(pairs, expected);
        assert!(flat(json!([])).is_empty());
    }

    #[test]
    fn the_unreserved_table_keeps_what_the_path_segment_set_keeps() {
        for byte in 0..=127u8 {
            let text = char::from(byte).to_string();
            let kept = utf8_percent_encode(&text, PATH_SEGMENT).to_string() == text;
            assert_eq!(UNRESERVED[usize::from(byte)], kept, "byte {byte:#04x}");
        }
        assert!((128..=255).all(|byte| !UNRESERVED[byte]));
    }

    static PATHS: crate::facts::ApiFacts = crate::facts::ApiFacts {
        base_url: "http://127.0.0.1:9",
        accept_version: "^1.0.0",
        query_defaults: &[],
        fixed_paths: &[],
    };

    #[test]
    fn path_values_fill_their_placeholders_in_order_each_encoded_as_one_segment() {
        let client = crate::builder::ClientBuilder::for_api(&PATHS)
            .build()
            .unwrap();
        let handle = Handle::new(&client, &PATHS);
        let filled = handle
            .get::<()>("thing.get", "/a/{aId}/b/{bId}/c")
            .path_params(&[("aId", "575ec8687ae143cd83dc4a97"), ("bId", "x y/ü?#%")]);
        assert!(filled.refused.is_none());
        assert_eq!(
            filled.path,
            "/a/575ec8687ae143cd83dc4a97/b/x%20y%2F%C3%BC%3F%23%25/c"
        );
        // A name that is not the next placeholder is refused, naming it; nothing is sent.
        let swapped = handle
            .get::<()>("thing.get", "/a/{aId}/b/{bId}")
            .path_params(&[("bId", "1"), ("aId", "2")]);
        assert!(
            matches!(
                swapped.refused.as_deref(),
                Some(Error::InvalidRequest {
                    parameter: "bId",
                    ..
                })
            ),
            "{:?}",
            swapped.refused
        );
        let unknown = handle
            .get::<()>("thing.get", "/a/{aId}")
            .path_params(&[("aId", "1"), ("bId", "2")]);
        assert!(unknown.refused.is_some());
    }

    #[test]
    fn query_pairs_take_their_documented_places_whatever_the_order_set() {
        // The facts of some API: the runtime never names the generated ones.
        static FACTS: crate::facts::ApiFacts = crate::facts::ApiFacts {
            base_url: "http://127.0.0.1:9",
            accept_version: "^1.0.0",
            query_defaults: &[],
            fixed_paths: &[],
        };
        let client = crate::builder::ClientBuilder::for_api(&FACTS)
            .build()
            .unwrap();
        let request = Handle::new(&client, &FACTS)
            .get::<()>("list", "/things")
            .query_order(&["a", "b", "c"])
            .query("c", "3".into())
            .query("x", "an override".into())
            .query_flat("b", &json!({"k": ["p", "q"]}))
            .query("a", "1".into())
            .query("c", "4".into());
        let pairs: Vec<(&str, &str)> = request
            .query
            .iter()
            .map(|(k, v)| (k.as_ref(), v.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("a", "1"),
                ("b[k][0]", "p"),
                ("b[k][1]", "q"),
                ("c", "4"),
                ("x", "an override")
            ]
        );
    }
}
