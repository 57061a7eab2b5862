//! Sending a request: its attempts, the retries between them and the call's deadline, the
//! tracing span, decoding the answer; and the futures `send()` and `.await` give.
//!
//! `Client::execute` is the one place a request is built and sent.

use std::borrow::Cow;
use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::time::Duration;

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, CONTENT_TYPE, USER_AGENT};
use reqwest::StatusCode;
use serde::Deserialize;
use tokio::time::Instant;
use tracing::Instrument;

use crate::builder::{Client, Inner};
use crate::decode::{is_undocumented, Answer};
use crate::endpoint::{Body, Endpoint, Request};
use crate::error::Error;
use crate::query::QueryPair;
use crate::response::Response;
use crate::retry::should_retry;

// `send` and `send_with_response` are plain functions returning the runtime's future rather than
// `async fn`s: a wrapping `async fn` (or `async` block) keeps its own copy of what it awaits beside
// the copy being polled, growing every call's future by the size of a request, or of the whole
// inner future, per level.
impl<'a, T: Answer + Send + 'a> Request<'a, T> {
    /// Sends the request; the decoded success body.
    pub fn send(self) -> impl Future<Output = Result<T, Error>> + Send + 'a {
        self.client.execute(self, |_, _, body| body)
    }

    /// Sends the request; status, headers and the decoded success body.
    pub fn send_with_response(
        self,
    ) -> impl Future<Output = Result<Response<T>, Error>> + Send + 'a {
        self.client.execute(self, Response::new)
    }

    /// Sends the request on the process-wide background runtime (feature `blocking`).
    #[cfg(feature = "blocking")]
    pub fn send_blocking(self) -> Result<T, Error> {
        block_on(self.send())
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

impl<'a, T: Answer + Send + 'a> Future for ResponseFuture<'a, T> {
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

impl<'a, T: Answer + Send + 'a> IntoFuture for Request<'a, T> {
    type Output = Result<T, Error>;
    type IntoFuture = ResponseFuture<'a, T>;

    fn into_future(self) -> Self::IntoFuture {
        ResponseFuture {
            state: FutureState::Unsent(Some(self)),
        }
    }
}

impl Client {
    /// Sends `request` (retrying as the policy allows, within the call's timeout) and decodes
    /// the success body. Only the decoding depends on `T`: the rest is compiled once, not once
    /// per action.
    ///
    /// The future of a call nests this one, [`Client::send_call`]'s, [`Client::attempts`]' and
    /// [`Client::attempt`]'s. Each is written so that it holds no future or request twice (a
    /// future kept in a local and then awaited through an adapter is stored twice): the call's
    /// future is then a third of its earlier size, and it is what each task in flight carries.
    /// `answer` shapes the outcome (the body alone, or the whole [`Response`]) inside this
    /// future rather than in a wrapping one; a closure, not a function pointer, so that the
    /// decoded body (hundreds of bytes for the larger schemas) is moved once into the outcome.
    pub(crate) async fn execute<T: Answer, O>(
        &self,
        request: Request<'_, T>,
        answer: impl FnOnce(StatusCode, HeaderMap, T) -> O,
    ) -> Result<O, Error> {
        if let Some(error) = request.refused {
            return Err(*error);
        }
        let endpoint = &request.endpoint;
        let call = Call::of(&request);
        let timeout = request.timeout.unwrap_or(self.inner.timeout);
        let retries = request.retries.unwrap_or(self.inner.retry.retries());
        let (status, headers, bytes) = self.send_call(&call, timeout, retries).await?;
        let decode = request.decode.unwrap_or(T::decode);
        let decoded = match decode(status, &bytes) {
            Ok(decoded) => decoded,
            Err(source) => return Err(decode_error(endpoint, &bytes, source)),
        };
        if endpoint.issues_token && self.inner.adopt_tokens {
            self.inner.adopt_token(&bytes);
        }
        Ok(answer(status, headers, decoded))
    }

    /// Sends one call, with its retries, until a success answer (not yet decoded) or an error,
    /// all within `timeout`. One span `wegnology.call` per call; one event per retry.
    async fn send_call(
        &self,
        call: &Call<'_>,
        timeout: Duration,
        retries: u32,
    ) -> Result<(StatusCode, HeaderMap, Bytes), Error> {
        let action = call.endpoint.action;
        // No subscriber takes `INFO` (none at all, the common case): no span is made. The
        // disabled span `info_span!` would make instead records its fields per call wherever
        // tracing's `log` feature is on (a dependency of the program's can turn it on), for
        // `log` lines of the span's own; the call's events still reach `log`.
        let span = if tracing::level_filters::LevelFilter::current() >= tracing::Level::INFO {
            tracing::info_span!(
                "wegnology.call",
                action,
                method = call.endpoint.method.as_str(),
                path = call.endpoint.path,
                attempt = tracing::field::Empty,
                status = tracing::field::Empty,
                elapsed_ms = tracing::field::Empty,
            )
        } else {
            tracing::Span::none()
        };
        let started = Instant::now();
        let deadline = started + timeout;
        let timed_out = |_| Err(Error::Timeout { action });
        // Without a subscriber that wants the span (the common case), skip the instrumentation
        // wrapper and the records: in a perf profile of 64 calls in flight they were the
        // runtime's largest symbols (`Instrumented::poll`, the span's clone, drop, `record_all`).
        // The failure event is still offered to a subscriber that wants events only.
        if span.is_disabled() {
            let outcome =
                tokio::time::timeout_at(deadline, self.attempts(call, &span, deadline, retries))
                    .await
                    .unwrap_or_else(timed_out);
            if let Err(error) = &outcome {
                tracing::debug!(action, cause = cause(error), "call failed");
            }
            return outcome;
        }
        let outcome =
            tokio::time::timeout_at(deadline, self.attempts(call, &span, deadline, retries))
                .instrument(span.clone())
                .await
                .unwrap_or_else(timed_out);
        match &outcome {
            Ok((status, _, _)) => {
                span.record("status", status.as_u16());
            }
            Err(error) => {
                if let Some(status) = error.status() {
                    span.record("status", status);
                }
                span.in_scope(|| tracing::debug!(cause = cause(error), "call failed"));
            }
        }
        span.record("elapsed_ms", started.elapsed().as_millis() as u64);
        outcome
    }

    /// The attempts of one call: the first, then retries while the policy allows and the pause
    /// before the next would end before `deadline`.
    async fn attempts(
        &self,
        call: &Call<'_>,
        span: &tracing::Span,
        deadline: Instant,
        max_retries: u32,
    ) -> Result<(StatusCode, HeaderMap, Bytes), Error> {
        let inner = &*self.inner;
        let mut attempt = 0;
        let mut backoff = None;
        loop {
            attempt += 1;
            // A disabled span (no subscriber wants it) records nothing: skipped, as in
            // `send_call`, for a field lookup per call.
            if !span.is_disabled() {
                span.record("attempt", attempt);
            }
            let error = match self.attempt(call).await {
                Ok(response) => return Ok(response),
                Err(error) => error,
            };
            if attempt > max_retries || !should_retry(&error, call.endpoint.repeatable) {
                return Err(error);
            }
            // Boxed: made only for a retry, it would otherwise widen every call's future.
            let backoff = backoff.get_or_insert_with(|| Box::new(inner.retry.backoff()));
            let pause = inner.retry.pause(&error, backoff);
            if Instant::now() + pause >= deadline {
                tracing::debug!(
                    attempt,
                    pause_ms = pause.as_millis() as u64,
                    "not retried: the pause would end after the call's deadline"
                );
                return Err(error);
            }
            tracing::info!(
                attempt,
                status = error.status(),
                cause = cause(&error),
                pause_ms = pause.as_millis() as u64,
                "retrying"
            );
            tokio::time::sleep(pause).await;
        }
    }

    /// One attempt: build, send, read.
    async fn attempt(&self, call: &Call<'_>) -> Result<(StatusCode, HeaderMap, Bytes), Error> {
        let inner = &*self.inner;
        let action = call.endpoint.action;
        let transport = |source: reqwest::Error| {
            if source.is_timeout() {
                Error::Timeout { action }
            } else {
                Error::Transport { action, source }
            }
        };
        let request = inner.request(call).map_err(transport)?;
        let mut response = inner.http.execute(request).await.map_err(transport)?;
        let status = response.status();
        let headers = std::mem::take(response.headers_mut());
        if !status.is_success() {
            // Boxed: the error path's future would otherwise widen every call's.
            return Err(Box::pin(api_error(action, status, headers, response)).await);
        }
        let bytes = response.bytes().await.map_err(transport)?;
        Ok((status, headers, bytes))
    }
}

/// What of a request the sending needs, borrowed from it: the same type for every action.
struct Call<'r> {
    endpoint: &'r Endpoint,
    path: &'r str,
    /// The path is the action's template as it is (none of its parameters filled in): it may
    /// be one of the fixed paths, whose URLs are built once.
    template: bool,
    query: &'r [QueryPair],
    headers: &'r [(HeaderName, HeaderValue)],
    body: &'r Body,
}

impl<'r> Call<'r> {
    fn of<T>(request: &'r Request<'_, T>) -> Call<'r> {
        Call {
            endpoint: &request.endpoint,
            path: &request.path,
            template: matches!(request.path, Cow::Borrowed(_)),
            query: &request.query,
            headers: &request.headers,
            body: &request.body,
        }
    }
}

/// What a failure was, for tracing: never a message or body (which could quote a value).
fn cause(error: &Error) -> &'static str {
    match error {
        Error::Api { .. } => "api",
        Error::Transport { source, .. } if source.is_connect() => "connect",
        Error::Transport { .. } => "transport",
        Error::Timeout { .. } => "timeout",
        Error::Decode { .. } => "decode",
        Error::Encode { .. } => "encode",
        Error::InvalidRequest { .. } => "invalid request",
        _ => "other",
    }
}

/// The [`Error::Decode`] of a success answer `bytes` that did not decode: compiled once, not
/// once per answer type.
#[cold]
fn decode_error(endpoint: &Endpoint, bytes: &[u8], source: serde_json::Error) -> Error {
    let action = endpoint.action;
    tracing::debug!(action, cause = "decode", "call failed");
    let secrets = endpoint.secret_answer;
    Error::Decode {
        action,
        excerpt: crate::redact::excerpt(bytes, secrets),
        // An undocumented status quotes nothing of the body: kept, so it is named.
        source: if secrets && !is_undocumented(&source) {
            crate::redact::redact_decode_error(source)
        } else {
            source
        },
    }
}

/// An [`Error::Api`] from an error answer, reading at most [`Error::API_BODY_CAP`] bytes of it.
async fn api_error(
    action: &'static str,
    status: StatusCode,
    headers: HeaderMap,
    mut response: reqwest::Response,
) -> Error {
    let mut body = Vec::new();
    // A body cut short still leaves the status and what was read.
    while let Ok(Some(chunk)) = response.chunk().await {
        let room = Error::API_BODY_CAP - body.len();
        body.extend_from_slice(&chunk[..chunk.len().min(room)]);
        if body.len() >= Error::API_BODY_CAP {
            break;
        }
    }
    #[derive(Deserialize)]
    struct ErrorBody {
        #[serde(rename = "type")]
        kind: Option<String>,
        message: Option<String>,
    }
    let parsed: Option<ErrorBody> = serde_json::from_slice(&body).ok();
    let (kind, message) = parsed.map_or((None, None), |b| (b.kind, b.message));
    Error::Api {
        action,
        status: status.as_u16(),
        kind,
        message,
        body: String::from_utf8_lossy(&body).into_owned(),
        headers: Box::new(headers),
    }
}

impl Inner {
    /// The `reqwest` request of one attempt of `call`. Only a multipart body can fail to build
    /// (reqwest's builder makes its form); a JSON one is shared, never copied.
    fn request(&self, call: &Call<'_>) -> Result<reqwest::Request, reqwest::Error> {
        // An action of another release, or code generated from other documents (`generate!` in
        // another crate) on this client, sends its own API version and query defaults instead of
        // the client's.
        let api = call.endpoint.api.unwrap_or(self.api);
        let url = self
            .urls
            .url_of(call.path, call.template, call.query, api.query_defaults);
        let mut request = reqwest::Request::new(call.endpoint.method.clone(), url);
        let map = request.headers_mut();
        // The client's headers, `User-Agent` last, and `Content-Type` before it for a JSON
        // body. A call's own headers, and a multipart body's `Content-Type`, come after the
        // others but before `User-Agent`, which is then added again after them unless the call
        // sent its own (where reqwest adds its client's default headers).
        let own_headers = !call.headers.is_empty();
        let multipart = matches!(call.body, Body::Multipart(parts) if !parts.is_empty());
        let json = matches!(call.body, Body::Json(_));
        let version = call.endpoint.accept_version.unwrap_or(api.accept_version);
        *map = self.headers_of(json && !own_headers, version);
        if own_headers || multipart {
            map.remove(USER_AGENT);
        }
        for (name, value) in call.headers {
            map.insert(name.clone(), value.clone());
        }
        match call.body {
            Body::Multipart(parts) if parts.is_empty() => {}
            Body::Json(body) => {
                if own_headers {
                    map.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }
                *request.body_mut() = Some(body.clone().into());
            }
            // Made again for each attempt from the parts (whose files' bytes are shared):
            // `Content-Type: multipart/form-data; boundary=…` and the length, by reqwest.
            Body::Multipart(parts) => {
                let mut request = reqwest::RequestBuilder::from_parts(self.http.clone(), request)
                    .multipart(crate::multipart::form(parts))
                    .build()?;
                request
                    .headers_mut()
                    .entry(USER_AGENT)
                    .or_insert_with(|| self.user_agent.clone());
                return Ok(request);
            }
        }
        if own_headers {
            // A call's own `User-Agent` stands in place of the client's.
            request
                .headers_mut()
                .entry(USER_AGENT)
                .or_insert_with(|| self.user_agent.clone());
        }
        Ok(request)
    }
}

/// Runs one request to completion for a caller without an async runtime (feature `blocking`).
///
/// All blocking calls share one background runtime that lives as long as the process, so pooled
/// connections (whose tasks run on it) stay usable from one call to the next. Called from inside
/// an async runtime it returns [`Error::Runtime`] instead of blocking that runtime's thread.
#[cfg(feature = "blocking")]
pub fn block_on<T>(
    request: impl std::future::Future<Output = Result<T, Error>>,
) -> Result<T, Error> {
    use std::sync::OnceLock;
    static RUNTIME: OnceLock<Result<tokio::runtime::Runtime, String>> = OnceLock::new();

    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(Error::Runtime(
            "send_blocking() was called inside an async runtime; use send().await there".into(),
        ));
    }
    let runtime = RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("wegnology-blocking")
            .enable_all()
            .build()
            .map_err(|e| e.to_string())
    });
    match runtime {
        Ok(runtime) => runtime.block_on(request),
        Err(message) => Err(Error::Runtime(format!("cannot start a runtime: {message}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::{ClientBuilder, ACCEPT_VERSION_HEADER};
    use crate::endpoint::Handle;
    use crate::facts::ApiFacts;

    static OWN: ApiFacts = ApiFacts {
        base_url: "https://api.example.com",
        accept_version: "^2.0.0",
        query_defaults: &[("_links", "true")],
        fixed_paths: &["/things"],
    };

    /// Documents of another release, as `generate!` expands them in another crate.
    static OTHER: ApiFacts = ApiFacts {
        base_url: "https://other.example.com",
        accept_version: "^3.1.0",
        query_defaults: &[("page", "1")],
        fixed_paths: &["/things"],
    };

    /// The `reqwest` request the first attempt of `request` sends.
    fn sent(request: Request<'_, ()>) -> reqwest::Request {
        request.client.inner.request(&Call::of(&request)).unwrap()
    }

    fn version(request: &reqwest::Request) -> &str {
        request.headers()[ACCEPT_VERSION_HEADER].to_str().unwrap()
    }

    #[test]
    fn a_request_sends_the_facts_of_the_api_it_was_generated_from() {
        let client = ClientBuilder::for_api(&OWN).build().unwrap();
        let own = sent(Handle::new(&client, &OWN).get("list", "/things"));
        assert_eq!(version(&own), "^2.0.0");
        assert_eq!(
            own.url().as_str(),
            "https://api.example.com/things?_links=true"
        );
        // An action of another release says so on its endpoint.
        let older = Handle::new(&client, &OWN).get("list", "/things");
        assert_eq!(version(&sent(older.accept_version("^1.9.0"))), "^1.9.0");
        // Code generated from other documents, on this client: its release and query defaults,
        // this client's base URL.
        let other = sent(Handle::new(&client, &OTHER).get("list", "/things"));
        assert_eq!(version(&other), "^3.1.0");
        assert_eq!(
            other.url().as_str(),
            "https://api.example.com/things?page=1"
        );
        assert_eq!(
            other
                .headers()
                .get_all(ACCEPT_VERSION_HEADER)
                .iter()
                .count(),
            1
        );
    }
}
