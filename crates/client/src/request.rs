//! The one request type every generated builder wraps, and what a call gives back.
//!
//! Each generated `…Request` is a newtype over [`Request`] holding only what differs per action
//! (its setters and docs); `__request_builder!` gives it the methods every request has
//! (`timeout`, `retries`, `query_override`, `send`, `send_with_response`, `send_blocking`,
//! `IntoFuture`, `Debug`). A macro rather than a trait so that those methods need no import.

use std::borrow::Cow;
use std::fmt;
use std::future::{Future, IntoFuture};
use std::marker::PhantomData;
use std::pin::Pin;
use std::time::Duration;

use bytes::Bytes;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::{Client, Error};

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
    /// The `Accept-Version` of the documents the action was generated from.
    pub(crate) accept_version: &'static str,
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
            accept_version: crate::generated::ACCEPT_VERSION,
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

    /// A request of this action on `client`.
    pub fn request<T>(self, client: &Client) -> Request<'_, T> {
        Request::new(client, self)
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

    /// The `Accept-Version` sent with this action: that of the documents it was generated from,
    /// which differs from this crate's when `generate!` expands other documents elsewhere.
    pub const fn accept_version(mut self, version: &'static str) -> Endpoint {
        self.accept_version = version;
        self
    }
}

/// Characters kept as they are in a path segment (RFC 3986 unreserved).
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// One request as the generated builders fill it in. `T` is the documented success type.
#[doc(hidden)]
pub struct Request<'a, T> {
    pub(crate) client: &'a Client,
    pub(crate) endpoint: Endpoint,
    /// The filled path; borrowed from the template when it has no parameters.
    pub(crate) path: Cow<'static, str>,
    /// Query pairs set on this request; the defaults every request carries are added at send.
    /// Names are `&'static str` but for flattened lists (`name[0]`).
    pub(crate) query: Vec<(Cow<'static, str>, String)>,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    pub(crate) body: Option<Bytes>,
    /// The first value refused while the request was built; returned by `send`, before any I/O.
    /// Boxed: it is rare, and every call's future carries this field.
    pub(crate) refused: Option<Box<Error>>,
    pub(crate) timeout: Option<Duration>,
    pub(crate) retries: Option<u32>,
    answer: PhantomData<fn() -> T>,
}

impl<'a, T> Request<'a, T> {
    /// A request of `endpoint` on `client`.
    pub fn new(client: &'a Client, endpoint: Endpoint) -> Self {
        Request {
            client,
            path: Cow::Borrowed(endpoint.path),
            endpoint,
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            refused: None,
            timeout: None,
            retries: None,
            answer: PhantomData,
        }
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

    /// Puts `value`, percent-encoded as one segment, in place of `{name}` in the path.
    /// Empty, `.` and `..` are refused: URL normalisation would drop or climb them, sending the
    /// request to another endpoint, and no encoding can prevent that.
    pub fn path_param(mut self, name: &'static str, value: String) -> Self {
        if matches!(value.as_str(), "" | "." | "..") {
            self.refuse(name, "a path segment cannot be empty, `.` or `..`");
            return self;
        }
        let placeholder = format!("{{{name}}}");
        let encoded = utf8_percent_encode(&value, PATH_SEGMENT).to_string();
        self.path = Cow::Owned(self.path.replacen(&placeholder, &encoded, 1));
        self
    }

    /// Sets a query pair, replacing an earlier value of the same name (or a default).
    pub fn query(mut self, name: &'static str, value: String) -> Self {
        match self.query.iter_mut().find(|(k, _)| k == name) {
            Some(pair) => pair.1 = value,
            None => self.query.push((Cow::Borrowed(name), value)),
        }
        self
    }

    /// A query value of a schema type, sent as JSON text (what the official Python client does).
    pub fn query_json<V: Serialize + ?Sized>(self, name: &'static str, value: &V) -> Self {
        match serde_json::to_string(value) {
            Ok(text) => self.query(name, text),
            Err(source) => self.refuse_encoding(source),
        }
    }

    /// A list value, flattened the way the official clients send lists and the objects in them:
    /// `name[0]=a&name[1]=b`, `name[0][key]=v`. An empty list sends nothing. Replaces an
    /// earlier list of the same name.
    pub fn query_list<V: Serialize>(mut self, name: &'static str, values: &[V]) -> Self {
        let value = match serde_json::to_value(values) {
            Ok(value) => value,
            Err(source) => return self.refuse_encoding(source),
        };
        let item_prefix = format!("{name}[");
        self.query
            .retain(|(k, _)| k != name && !k.starts_with(&item_prefix));
        flatten_query(name.to_string(), &value, &mut self.query);
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

    /// The JSON request body, encoded once, straight to bytes.
    pub fn json_body<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        match serde_json::to_vec(body) {
            Ok(bytes) => self.body = Some(Bytes::from(bytes)),
            Err(source) => return self.refuse_encoding(source),
        }
        self
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

// `send` and `send_with_response` are plain functions returning the runtime's future rather than
// `async fn`s: a wrapping `async fn` (or `async` block) keeps its own copy of what it awaits beside
// the copy being polled, growing every call's future by the size of a request, or of the whole
// inner future, per level.
impl<'a, T: DeserializeOwned + Send + 'a> Request<'a, T> {
    /// Sends the request; the decoded success body.
    pub fn send(self) -> impl Future<Output = Result<T, Error>> + Send + 'a {
        self.client.execute(self, Response::into_body)
    }

    /// Sends the request; status, headers and the decoded success body.
    pub fn send_with_response(
        self,
    ) -> impl Future<Output = Result<Response<T>, Error>> + Send + 'a {
        self.client.execute(self, std::convert::identity)
    }

    /// Sends the request on the process-wide background runtime (feature `blocking`).
    #[cfg(feature = "blocking")]
    pub fn send_blocking(self) -> Result<T, Error> {
        crate::runtime::block_on(self.send())
    }
}

/// The future of a request awaited directly (`client.me().get().await`): it boxes the sending
/// when first polled; `send()` gives the same result without boxing. A named type, generic
/// over the answer, so the sending is compiled where a request is awaited, not for every action
/// in this crate.
#[must_use = "futures do nothing unless polled"]
pub struct ResponseFuture<'a, T> {
    state: FutureState<'a, T>,
}

// Boxing the unsent request would cost one more allocation per call.
#[allow(clippy::large_enum_variant)]
enum FutureState<'a, T> {
    Unsent(Option<Request<'a, T>>),
    Sending(Pin<Box<dyn Future<Output = Result<T, Error>> + Send + 'a>>),
}

impl<'a, T: DeserializeOwned + Send + 'a> Future for ResponseFuture<'a, T> {
    type Output = Result<T, Error>;

    fn poll(
        mut self: Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Self::Output> {
        let this = &mut *self;
        if let FutureState::Unsent(request) = &mut this.state {
            if let Some(request) = request.take() {
                this.state = FutureState::Sending(Box::pin(request.send()));
            }
        }
        match &mut this.state {
            FutureState::Sending(sending) => sending.as_mut().poll(cx),
            // Only reachable if the request was taken without being sent, which `poll` never
            // does; a call that cannot proceed is pending forever rather than a panic.
            FutureState::Unsent(_) => std::task::Poll::Pending,
        }
    }
}

impl<'a, T: DeserializeOwned + Send + 'a> IntoFuture for Request<'a, T> {
    type Output = Result<T, Error>;
    type IntoFuture = ResponseFuture<'a, T>;

    fn into_future(self) -> Self::IntoFuture {
        ResponseFuture {
            state: FutureState::Unsent(Some(self)),
        }
    }
}

/// `value` as query pairs under `prefix`: list items and object members get `[index]` and `[key]`
/// suffixes; scalars are their text (booleans `true`/`false`, numbers in decimal); nulls are left
/// out, as the official clients leave out a missing value.
fn flatten_query(
    prefix: String,
    value: &serde_json::Value,
    out: &mut Vec<(Cow<'static, str>, String)>,
) {
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
        Value::String(text) => out.push((Cow::Owned(prefix), text.clone())),
        Value::Null => {}
        scalar => out.push((Cow::Owned(prefix), scalar.to_string())),
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
            .field(
                "body",
                &self.body.as_ref().map(|b| format!("<{} bytes>", b.len())),
            )
            .field("timeout", &self.timeout)
            .field("retries", &self.retries)
            .finish()
    }
}

/// A success: the status, the headers (rate-limit headers, …) and the decoded body. Derefs to
/// the body.
#[derive(Debug, Clone)]
pub struct Response<T> {
    status: StatusCode,
    headers: HeaderMap,
    body: T,
}

impl<T> Response<T> {
    pub(crate) fn new(status: StatusCode, headers: HeaderMap, body: T) -> Self {
        Response {
            status,
            headers,
            body,
        }
    }

    /// The HTTP status (a 2xx).
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The answer's headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The decoded body.
    pub fn body(&self) -> &T {
        &self.body
    }

    /// The decoded body, owned.
    pub fn into_body(self) -> T {
        self.body
    }

    /// Status, headers and body, owned.
    pub fn into_parts(self) -> (StatusCode, HeaderMap, T) {
        (self.status, self.headers, self.body)
    }
}

impl<T> std::ops::Deref for Response<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.body
    }
}

/// Gives a generated builder `$builder<'a>($crate::runtime::Request<'a, $output>)` the methods
/// every request has. Only generated code calls it.
#[doc(hidden)]
#[macro_export]
macro_rules! __request_builder {
    ($builder:ident => $output:ty) => {
        impl<'a> $builder<'a> {
            /// Timeout of this call, all attempts and pauses between them included; replaces the
            /// client's (`ClientBuilder::timeout`).
            pub fn timeout(self, timeout: ::std::time::Duration) -> Self {
                Self(self.0.with_timeout(timeout))
            }

            /// How many times this call may be retried (`0`: not at all); replaces the number of
            /// the client's `RetryPolicy`, whose rules still decide what is retried.
            pub fn retries(self, retries: u32) -> Self {
                Self(self.0.with_retries(retries))
            }

            /// Overrides one of the query defaults every request carries (`_actions`, `_links`,
            /// `_embedded`) or adds another query pair.
            pub fn query_override(self, name: &'static str, value: impl ::std::fmt::Display) -> Self {
                Self(self.0.query(name, ::std::string::ToString::to_string(&value)))
            }

            #[doc = ::std::concat!("Sends the request; the success body is a [`", ::std::stringify!($output), "`].")]
            pub fn send(
                self,
            ) -> impl ::std::future::Future<Output = ::std::result::Result<$output, $crate::Error>>
                   + ::std::marker::Send
                   + 'a {
                self.0.send()
            }

            /// Sends the request; the status and headers of the answer with the decoded body.
            pub fn send_with_response(
                self,
            ) -> impl ::std::future::Future<
                Output = ::std::result::Result<$crate::Response<$output>, $crate::Error>,
            > + ::std::marker::Send
                   + 'a {
                self.0.send_with_response()
            }

            $crate::__send_blocking!($output);
        }

        impl<'a> ::std::future::IntoFuture for $builder<'a> {
            type Output = ::std::result::Result<$output, $crate::Error>;
            type IntoFuture = $crate::runtime::ResponseFuture<'a, $output>;

            fn into_future(self) -> Self::IntoFuture {
                ::std::future::IntoFuture::into_future(self.0)
            }
        }

        impl ::std::fmt::Debug for $builder<'_> {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_tuple(::std::stringify!($builder)).field(&self.0).finish()
            }
        }
    };
}

/// `send_blocking()`, present when the client crate has the `blocking` feature (decided here,
/// in the client crate, whichever crate the generated code is in).
#[cfg(feature = "blocking")]
#[doc(hidden)]
#[macro_export]
macro_rules! __send_blocking {
    ($output:ty) => {
        /// Sends the request and waits for the answer, for code without an async runtime
        /// (feature `blocking`; not for use inside one).
        pub fn send_blocking(self) -> ::std::result::Result<$output, $crate::Error> {
            self.0.send_blocking()
        }
    };
}

/// `send_blocking()` is absent without the `blocking` feature.
#[cfg(not(feature = "blocking"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __send_blocking {
    ($output:ty) => {};
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn flat(value: serde_json::Value) -> Vec<(String, String)> {
        let mut out = Vec::new();
        flatten_query("tags".to_string(), &value, &mut out);
        out.into_iter().map(|(k, v)| (k.into_owned(), v)).collect()
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
}
