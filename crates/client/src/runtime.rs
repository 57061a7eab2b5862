//! The hand-written runtime the generated code calls: the client and its builder, sending with
//! retries within a deadline, tracing, and the `Secret` string.
//!
//! What is fixed per client is built once, in [`ClientBuilder::build`]: the parsed and checked
//! base URL, the query defaults, the static headers and the `Authorization` value (marked
//! sensitive). A call adds only its own path, query pairs, headers and body.

use std::borrow::Cow;
use std::fmt;
use std::net::IpAddr;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use reqwest::{StatusCode, Url};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use tokio::time::Instant;
use tracing::Instrument;

pub use reqwest::Method;

#[doc(hidden)]
pub use crate::request::{Endpoint, Request};
pub use crate::request::{Response, ResponseFuture};
pub use crate::retry::RetryPolicy;

use crate::generated::{ACCEPT_VERSION, DEFAULT_BASE_URL, FIXED_PATHS};
use crate::retry::should_retry;
use crate::Error;

/// A string that is never shown: passwords, tokens, two-factor codes and keys.
/// `Debug` prints `Secret("***")`; [`Secret::expose`] gives the value.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The secret value itself.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(\"***\")")
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Secret {
        Secret(value.to_string())
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Secret {
        Secret(value)
    }
}

/// Query defaults the official clients send on every request; each can be overridden per call.
const QUERY_DEFAULTS: [(&str, &str); 3] = [
    ("_actions", "false"),
    ("_links", "true"),
    ("_embedded", "true"),
];

/// The header naming the API release a request was written for.
const ACCEPT_VERSION_HEADER: HeaderName = HeaderName::from_static("accept-version");

/// [`QUERY_DEFAULTS`] as a query string, for the calls that change none of them.
const DEFAULT_QUERY: &str = "_actions=false&_links=true&_embedded=true";

/// A client of the WEGnology API. Cheap to clone: clones share one connection pool and one
/// token (so a token adopted by one clone is used by all).
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    /// The checked base URL, parsed once; each call sets its path and query on a copy.
    base: Url,
    /// The base URL's path without a trailing `/` (usually empty): call paths follow it.
    base_path: String,
    /// The full URL, query defaults included, of each path without parameters, sorted by path:
    /// parsed once here, cloned per call (parsing it per call was the client's largest cost of
    /// its own in an instruction profile of `me().get()`).
    fixed_urls: Box<[(&'static str, Url)]>,
    /// What every request carries: `Accept`, `Accept-Version` and, given a token,
    /// `Authorization: Bearer …` (marked sensitive), cloned whole per call; the token is
    /// replaced when a new one is adopted.
    headers: RwLock<HeaderMap>,
    timeout: Duration,
    retry: RetryPolicy,
    adopt_tokens: bool,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.inner;
        let has_token = inner.headers().contains_key(AUTHORIZATION);
        f.debug_struct("Client")
            .field("base_url", &inner.base.as_str())
            .field("token", &has_token.then_some("***"))
            .field("timeout", &inner.timeout)
            .field("retry", &inner.retry)
            .field("adopt_tokens", &inner.adopt_tokens)
            .finish()
    }
}

/// Configures a [`Client`]: `Client::builder().token(…).build()`.
pub struct ClientBuilder {
    base_url: String,
    token: Option<Secret>,
    timeout: Duration,
    user_agent: String,
    retry: RetryPolicy,
    allow_insecure_http: bool,
    adopt_tokens: bool,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("token", &self.token)
            .field("timeout", &self.timeout)
            .field("user_agent", &self.user_agent)
            .field("retry", &self.retry)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .field("adopt_tokens", &self.adopt_tokens)
            .finish()
    }
}

impl Client {
    /// A builder with the defaults: the documents' base URL, no token, 60 s timeout, the
    /// default [`RetryPolicy`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder {
            base_url: DEFAULT_BASE_URL.to_string(),
            token: None,
            timeout: Duration::from_secs(60),
            user_agent: format!("wegnology-rust/{}", env!("CARGO_PKG_VERSION")),
            retry: RetryPolicy::default(),
            allow_insecure_http: false,
            adopt_tokens: false,
        }
    }

    /// Sends `request` (retrying as the policy allows, within the call's timeout) and decodes
    /// the success body. Only the decoding depends on `T`: the rest is compiled once, not once
    /// per action.
    ///
    /// The future of a call nests this one, [`Client::send_call`]'s, [`Client::attempts`]' and
    /// [`Client::attempt`]'s. Each is written so that it holds no future or request twice (a
    /// future kept in a local and then awaited through an adapter is stored twice): the call's
    /// future is then a third of its earlier size, and it is what each task in flight carries.
    /// `answer` shapes the outcome (the body alone, or the whole [`Response`]) inside this
    /// future rather than in a wrapping one.
    pub(crate) async fn execute<T: DeserializeOwned, O>(
        &self,
        request: Request<'_, T>,
        answer: fn(Response<T>) -> O,
    ) -> Result<O, Error> {
        if let Some(error) = request.refused {
            return Err(*error);
        }
        let endpoint = &request.endpoint;
        let call = Call {
            endpoint,
            path: &request.path,
            query: &request.query,
            headers: &request.headers,
            body: request.body.as_ref(),
        };
        let timeout = request.timeout.unwrap_or(self.inner.timeout);
        let retries = request.retries.unwrap_or(self.inner.retry.retries());
        let (status, headers, bytes) = self.send_call(&call, timeout, retries).await?;
        let action = endpoint.action;
        let decoded = serde_json::from_slice(&bytes).map_err(|source| {
            tracing::debug!(action, cause = "decode", "call failed");
            let secrets = endpoint.secret_answer;
            Error::Decode {
                action,
                excerpt: crate::redact::excerpt(&bytes, secrets),
                source: if secrets {
                    crate::redact::redact_decode_error(source)
                } else {
                    source
                },
            }
        })?;
        if endpoint.issues_token && self.inner.adopt_tokens {
            self.inner.adopt_token(&bytes);
        }
        Ok(answer(Response::new(status, headers, decoded)))
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
        let span = tracing::info_span!(
            "wegnology.call",
            action,
            method = call.endpoint.method.as_str(),
            path = call.endpoint.path,
            attempt = tracing::field::Empty,
            status = tracing::field::Empty,
            elapsed_ms = tracing::field::Empty,
        );
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
            span.record("attempt", attempt);
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
        let mut response = inner
            .http
            .execute(inner.request(call))
            .await
            .map_err(transport)?;
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
    query: &'r [(Cow<'static, str>, String)],
    headers: &'r [(HeaderName, HeaderValue)],
    body: Option<&'r Bytes>,
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
    /// The `reqwest` request of one attempt of `call`.
    fn request(&self, call: &Call<'_>) -> reqwest::Request {
        let url = self.url(call.path, call.query);
        let mut request = reqwest::Request::new(call.endpoint.method.clone(), url);
        let map = request.headers_mut();
        *map = self.headers();
        // Code generated from other documents (`generate!` in another crate) sends its own API
        // version instead of the one in the client's header set.
        if call.endpoint.accept_version != ACCEPT_VERSION {
            if let Ok(version) = HeaderValue::from_str(call.endpoint.accept_version) {
                map.insert(ACCEPT_VERSION_HEADER, version);
            }
        }
        for (name, value) in call.headers {
            map.insert(name.clone(), value.clone());
        }
        if let Some(body) = call.body {
            map.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            *request.body_mut() = Some(body.clone().into());
        }
        request
    }

    /// The headers every request carries, the current token's included.
    fn headers(&self) -> HeaderMap {
        // A poisoned lock still holds a valid map: writers only insert one value.
        match self.headers.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Switches to the `token` of a success answer, when it has a usable one.
    fn adopt_token(&self, answer: &[u8]) {
        #[derive(Deserialize)]
        struct Issued {
            token: Option<Secret>,
        }
        let Ok(Issued { token: Some(token) }) = serde_json::from_slice::<Issued>(answer) else {
            return;
        };
        if let Ok(value) = bearer(&token) {
            let mut headers = match self.headers.write() {
                Ok(guard) => guard,
                Err(poisoned) => poisoned.into_inner(),
            };
            headers.insert(AUTHORIZATION, value);
            tracing::debug!("adopted the new token");
        }
    }

    /// The URL of a call: base URL, path, then the query defaults (as overridden) and the
    /// call's own pairs, form-encoded.
    fn url(&self, path: &str, query: &[(Cow<'static, str>, String)]) -> Url {
        if query.is_empty() {
            // A path is looked up by its text: a filled template that happens to equal a fixed
            // path has the same URL anyway.
            if let Ok(found) = self
                .fixed_urls
                .binary_search_by(|(fixed, _)| (*fixed).cmp(path))
            {
                return self.fixed_urls[found].1.clone();
            }
        }
        self.build_url(path, query)
    }

    /// [`Inner::url`] built from the base URL parsed once: no host parsing, one allocation.
    fn build_url(&self, path: &str, query: &[(Cow<'static, str>, String)]) -> Url {
        let mut url = self.base.clone();
        if self.base_path.is_empty() {
            url.set_path(path);
        } else {
            url.set_path(&format!("{}{path}", self.base_path));
        }
        if query.is_empty() {
            url.set_query(Some(DEFAULT_QUERY));
        } else {
            let mut pairs = url.query_pairs_mut();
            for (name, default) in QUERY_DEFAULTS {
                let value = query
                    .iter()
                    .find(|(n, _)| n == name)
                    .map_or(default, |(_, v)| v.as_str());
                pairs.append_pair(name, value);
            }
            for (name, value) in query {
                if !QUERY_DEFAULTS.iter().any(|(n, _)| n == name) {
                    pairs.append_pair(name, value);
                }
            }
        }
        url
    }
}

/// `Bearer <token>` as a sensitive header value (never printed by `Debug`).
fn bearer(token: &Secret) -> Result<HeaderValue, ()> {
    let mut value = HeaderValue::try_from(format!("Bearer {}", token.expose())).map_err(|_| ())?;
    value.set_sensitive(true);
    Ok(value)
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

impl ClientBuilder {
    /// API origin; default `https://api.app.wnology.io`. Refused at [`build`](Self::build):
    /// a URL with a query, fragment or user info, a scheme other than `http`/`https`, and
    /// `http://` to a host that is not loopback (unless [`allow_insecure_http`](Self::allow_insecure_http)).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// The API access token sent as `Authorization: Bearer …`. One with control characters
    /// is refused at [`build`](Self::build).
    pub fn token(mut self, token: impl Into<Secret>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// Timeout of a whole call: every attempt, and the pauses between them; default 60 s.
    /// Each request can set its own with `.timeout(…)`.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The `User-Agent` header; default `wegnology-rust/<version>`.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// How calls are retried; default [`RetryPolicy::default`] (2 retries of requests that are
    /// safe to repeat). [`RetryPolicy::none`] turns retries off.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Shorthand for the policy's number of retries (`0`: off).
    pub fn retries(mut self, retries: u32) -> Self {
        self.retry = self.retry.max_retries(retries);
        self
    }

    /// Allows a plain `http://` base URL to a host that is not loopback: the token then
    /// travels unencrypted. Off by default.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// After a successful `change_password` or `refresh_token`, use the token it returns for
    /// every later call (of this client and all its clones), so long-running programs keep
    /// working when old tokens are invalidated. Off by default.
    pub fn adopt_new_tokens(mut self, adopt: bool) -> Self {
        self.adopt_tokens = adopt;
        self
    }

    /// The client, or [`Error::Config`] naming what is unusable.
    pub fn build(self) -> Result<Client, Error> {
        let base = checked_base_url(&self.base_url, self.allow_insecure_http)?;
        let authorization = match &self.token {
            Some(token) => Some(bearer(token).map_err(|_| {
                Error::Config(
                    "the token holds characters a header cannot carry (control characters or \
                     non-ASCII)"
                        .into(),
                )
            })?),
            None => None,
        };
        // Redirects are followed only within the base URL's origin: elsewhere they would carry
        // request bodies (passwords) to another server. The 3xx is then an `Error::Api` whose
        // headers hold its `Location`.
        let origin = base.origin();
        let redirects = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() >= 5 || attempt.url().origin() != origin {
                attempt.stop()
            } else {
                attempt.follow()
            }
        });
        let http = reqwest::Client::builder()
            .user_agent(self.user_agent)
            .redirect(redirects)
            .build()
            .map_err(|e| Error::Config(format!("the HTTP client: {e}")))?;
        let mut headers = HeaderMap::with_capacity(4);
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        headers.insert(
            ACCEPT_VERSION_HEADER,
            HeaderValue::from_static(ACCEPT_VERSION),
        );
        if let Some(authorization) = authorization {
            headers.insert(AUTHORIZATION, authorization);
        }
        let mut inner = Inner {
            http,
            base_path: base.path().trim_end_matches('/').to_string(),
            base,
            fixed_urls: Box::default(),
            headers: RwLock::new(headers),
            timeout: self.timeout,
            retry: self.retry,
            adopt_tokens: self.adopt_tokens,
        };
        let mut fixed_urls: Vec<(&'static str, Url)> = FIXED_PATHS
            .iter()
            .map(|path| (*path, inner.build_url(path, &[])))
            .collect();
        fixed_urls.sort_unstable_by_key(|(path, _)| *path);
        inner.fixed_urls = fixed_urls.into_boxed_slice();
        Ok(Client {
            inner: Arc::new(inner),
        })
    }
}

/// The base URL, parsed, or the reason it would misroute or expose the token.
fn checked_base_url(text: &str, allow_insecure_http: bool) -> Result<Url, Error> {
    let refuse = |why: &str| Err(Error::Config(format!("base URL: {why}")));
    let Ok(url) = Url::parse(text) else {
        return refuse("not an absolute URL (expected `https://host[:port][/path]`)");
    };
    if !url.username().is_empty() || url.password().is_some() {
        // Not echoed: it holds credentials.
        return refuse("it holds user info; credentials go in `token`");
    }
    if !matches!(url.scheme(), "http" | "https") {
        return refuse(&format!("scheme `{}` is not http or https", url.scheme()));
    }
    if url.query().is_some() {
        return refuse(&format!(
            "`{text}` has a query; paths and queries are added per call"
        ));
    }
    if url.fragment().is_some() {
        return refuse(&format!("`{text}` has a fragment"));
    }
    let Some(host) = url.host() else {
        return refuse(&format!("`{text}` has no host"));
    };
    let loopback = match host {
        url::Host::Domain(name) => name.eq_ignore_ascii_case("localhost"),
        url::Host::Ipv4(ip) => IpAddr::V4(ip).is_loopback(),
        url::Host::Ipv6(ip) => IpAddr::V6(ip).is_loopback(),
    };
    if url.scheme() == "http" && !loopback && !allow_insecure_http {
        return refuse(&format!(
            "`{text}` is plain http to a host that is not loopback: the token would travel \
             unencrypted (use https, or allow_insecure_http(true))"
        ));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(base_url: &str) -> Arc<Inner> {
        Client::builder()
            .base_url(base_url)
            .token("t")
            .build()
            .expect("a loopback base URL is accepted")
            .inner
    }

    #[test]
    fn each_fixed_url_is_the_url_built_per_call() {
        for base in ["http://127.0.0.1:9", "http://127.0.0.1:9/api/v1/"] {
            let inner = inner(base);
            assert_eq!(inner.fixed_urls.len(), FIXED_PATHS.len());
            for path in FIXED_PATHS {
                let fixed = inner.url(path, &[]);
                assert_eq!(fixed, inner.build_url(path, &[]), "{base} {path}");
                assert_eq!(fixed.query(), Some(DEFAULT_QUERY));
            }
        }
        let url = inner("http://127.0.0.1:9/api/").url("/me", &[]);
        assert_eq!(
            url.as_str(),
            format!("http://127.0.0.1:9/api/me?{DEFAULT_QUERY}")
        );
    }

    #[test]
    fn paths_and_queries_off_the_table_are_built() {
        let inner = inner("http://127.0.0.1:9");
        let filled = inner.url("/me/invites/a%20b", &[]);
        assert_eq!(filled.path(), "/me/invites/a%20b");
        let overridden = inner.url("/me", &[(Cow::Borrowed("_links"), "false".into())]);
        assert_eq!(
            overridden.query(),
            Some("_actions=false&_links=false&_embedded=true")
        );
    }

    #[test]
    fn an_adopted_token_replaces_the_authorization_header_only() {
        let inner = inner("http://127.0.0.1:9");
        let before = inner.headers();
        inner.adopt_token(br#"{"token":"new-token"}"#);
        let after = inner.headers();
        assert_eq!(after.len(), before.len());
        assert_eq!(after[AUTHORIZATION], "Bearer new-token");
        assert!(after[AUTHORIZATION].is_sensitive());
        assert_eq!(after[ACCEPT], before[ACCEPT]);
    }
}
