//! The client and its builder: what is fixed per client is built once, in
//! [`ClientBuilder::build`]: the parsed and checked base URL, the URLs of the API's fixed paths
//! (query defaults included), the static headers and the `Authorization` value (marked
//! sensitive). A call adds only its own path, query pairs, headers and body.

use std::fmt;
use std::net::IpAddr;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use reqwest::header::{
    HeaderMap, HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE, USER_AGENT,
};
use reqwest::Url;
use serde::Deserialize;

use crate::error::Error;
use crate::facts::ApiFacts;
use crate::retry::RetryPolicy;
use crate::secret::Secret;
use crate::urls::Urls;

/// The header naming the API release a request was written for.
pub(crate) const ACCEPT_VERSION_HEADER: HeaderName = HeaderName::from_static("accept-version");

/// A client of the WEGnology API. Cheap to clone: clones share one connection pool and one
/// token (so a token adopted by one clone is used by all).
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

/// What the clones of one client share.
pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    /// The API the client was built for: its `Accept-Version` is in `headers`, its query
    /// defaults and fixed paths in `urls`.
    pub(crate) api: &'static ApiFacts,
    pub(crate) urls: Urls,
    /// What every request carries, cloned whole per call; the token is replaced when a new one
    /// is adopted.
    headers: RwLock<Headers>,
    pub(crate) timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) adopt_tokens: bool,
    /// The `User-Agent` header, for the requests whose own headers come before it.
    pub(crate) user_agent: HeaderValue,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.inner;
        let has_token = inner.headers().contains_key(AUTHORIZATION);
        f.debug_struct("Client")
            .field("base_url", &inner.urls.base().as_str())
            .field("token", &has_token.then_some("***"))
            .field("timeout", &inner.timeout)
            .field("retry", &inner.retry)
            .field("adopt_tokens", &inner.adopt_tokens)
            .finish()
    }
}

/// Configures a [`Client`]: `Client::builder().token(…).build()`.
pub struct ClientBuilder {
    api: &'static ApiFacts,
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

/// The headers of every request, in the order they are sent: `Accept`, `Accept-Version` and,
/// given a token, `Authorization: Bearer …` (marked sensitive); then the `User-Agent`, which
/// reqwest would otherwise add to each request after its other headers (finding it there, it
/// adds nothing: a request is sent as it would be, without inserting a header and growing the
/// map per call).
///
/// One set per `Accept-Version` sent: the client's API's first, another release's (an action of
/// the documents of another release, or code generated from other documents) made the first
/// time a call sends it. A call clones its set whole; it inserts no header of its own.
pub(crate) struct Headers {
    authorization: Option<HeaderValue>,
    user_agent: HeaderValue,
    versions: Vec<Versioned>,
}

/// The headers of one `Accept-Version`.
struct Versioned {
    version: &'static str,
    /// The headers of a request without a JSON body.
    plain: HeaderMap,
    /// The same with `Content-Type: application/json` before `User-Agent`: a JSON body's.
    json: HeaderMap,
}

impl Headers {
    fn new(
        version: &'static str,
        accept_version: HeaderValue,
        authorization: Option<HeaderValue>,
        user_agent: HeaderValue,
    ) -> Headers {
        let mut headers = Headers {
            authorization,
            user_agent,
            versions: Vec::with_capacity(2),
        };
        headers.add(version, accept_version);
        headers
    }

    /// Adds the set of `version`, sent as `value`.
    fn add(&mut self, version: &'static str, value: HeaderValue) -> &Versioned {
        let mut plain = HeaderMap::with_capacity(5);
        plain.insert(ACCEPT, HeaderValue::from_static("application/json"));
        plain.insert(ACCEPT_VERSION_HEADER, value);
        if let Some(authorization) = &self.authorization {
            plain.insert(AUTHORIZATION, authorization.clone());
        }
        let mut json = plain.clone();
        json.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        json.insert(USER_AGENT, self.user_agent.clone());
        plain.insert(USER_AGENT, self.user_agent.clone());
        self.versions.push(Versioned {
            version,
            plain,
            json,
        });
        &self.versions[self.versions.len() - 1]
    }

    /// The set of `version`, where one was made.
    fn of(&self, version: &str) -> Option<&Versioned> {
        self.versions
            .iter()
            .find(|set| std::ptr::eq(set.version, version) || set.version == version)
    }

    /// The client's own set (its API's `Accept-Version`).
    fn own(&self) -> &Versioned {
        &self.versions[0]
    }

    /// The same sets, each with `authorization` in place of the token sent so far; made again,
    /// so that a first token takes its place before `User-Agent`.
    fn with_authorization(&self, authorization: HeaderValue) -> Headers {
        let mut headers = Headers {
            authorization: Some(authorization),
            user_agent: self.user_agent.clone(),
            versions: Vec::with_capacity(self.versions.len()),
        };
        for set in &self.versions {
            if let Some(value) = set.plain.get(ACCEPT_VERSION_HEADER) {
                headers.add(set.version, value.clone());
            }
        }
        headers
    }
}

impl Versioned {
    fn map(&self, json: bool) -> HeaderMap {
        if json {
            self.json.clone()
        } else {
            self.plain.clone()
        }
    }
}

impl Inner {
    /// The headers every request carries, the current token's included (`User-Agent` last).
    pub(crate) fn headers(&self) -> HeaderMap {
        self.read_headers().own().map(false)
    }

    fn read_headers(&self) -> std::sync::RwLockReadGuard<'_, Headers> {
        // A poisoned lock still holds valid maps: a writer only swaps in new ones.
        match self.headers.read() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    /// The headers of a request sending `Accept-Version: version`, with
    /// `Content-Type: application/json` before `User-Agent` when `json`. A version that is not
    /// a header value (which the generator never writes) sends the client's own.
    pub(crate) fn headers_of(&self, json: bool, version: &'static str) -> HeaderMap {
        {
            let headers = self.read_headers();
            if let Some(set) = headers.of(version) {
                return set.map(json);
            }
        }
        let mut headers = self.write_headers();
        // Made by another call since this one looked.
        if let Some(set) = headers.of(version) {
            return set.map(json);
        }
        // Checked as `from_str` checks, and kept as the static text it is: neither this header
        // nor its copies (for redirects) copy it.
        match HeaderValue::from_maybe_shared(bytes::Bytes::from_static(version.as_bytes())) {
            Ok(value) => headers.add(version, value).map(json),
            Err(_) => headers.own().map(json),
        }
    }

    fn write_headers(&self) -> std::sync::RwLockWriteGuard<'_, Headers> {
        // As in `read_headers`: a poisoned lock still holds valid maps.
        match self.headers.write() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    /// Switches to the `token` of a success answer, when it has a usable one.
    pub(crate) fn adopt_token(&self, answer: &[u8]) {
        #[derive(Deserialize)]
        struct Issued {
            token: Option<Secret>,
        }
        let Ok(Issued { token: Some(token) }) = serde_json::from_slice::<Issued>(answer) else {
            return;
        };
        if let Ok(value) = bearer(&token) {
            let mut headers = self.write_headers();
            *headers = headers.with_authorization(value);
            tracing::debug!("adopted the new token");
        }
    }
}

/// `Bearer <token>` as a sensitive header value (never printed by `Debug`).
fn bearer(token: &Secret) -> Result<HeaderValue, ()> {
    let mut value = HeaderValue::try_from(format!("Bearer {}", token.expose())).map_err(|_| ())?;
    value.set_sensitive(true);
    Ok(value)
}

impl ClientBuilder {
    /// A builder for the API `api` describes, with the defaults: its base URL, no token, 60 s
    /// timeout, the default [`RetryPolicy`]. `Client::builder()` is this with the crate's own
    /// `wegnology::API`; code that `generate!` expands from other documents passes its `API`.
    pub fn for_api(api: &'static ApiFacts) -> ClientBuilder {
        ClientBuilder {
            api,
            base_url: api.base_url.to_string(),
            token: None,
            timeout: Duration::from_secs(60),
            user_agent: format!("wegnology-rust/{}", env!("CARGO_PKG_VERSION")),
            retry: RetryPolicy::default(),
            allow_insecure_http: false,
            adopt_tokens: false,
        }
    }

    /// API origin; default the documents' (`https://api.app.wnology.io`). Refused at
    /// [`build`](Self::build): a URL with a query, fragment or user info, a scheme other than
    /// `http`/`https`, and `http://` to a host that is not loopback (unless
    /// [`allow_insecure_http`](Self::allow_insecure_http)).
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
        let accept_version = HeaderValue::from_str(self.api.accept_version).map_err(|_| {
            Error::Config(format!(
                "the API's Accept-Version `{}` is not a header value",
                self.api.accept_version.escape_debug()
            ))
        })?;
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
        let user_agent = HeaderValue::from_str(&self.user_agent).map_err(|_| {
            Error::Config(format!(
                "the user agent `{}` is not a header value",
                self.user_agent.escape_debug()
            ))
        })?;
        // No default headers on reqwest's client, not even the user agent: every request has
        // them all from the header set, and reqwest would otherwise look each default up in
        // each request's headers (about 400 instructions a call).
        let http = reqwest::Client::builder()
            .redirect(redirects)
            // The retries are this client's own (`RetryPolicy`). reqwest's layer would only retry
            // HTTP/2 refusals (this crate builds reqwest without HTTP/2), yet it copies every
            // request's headers and URI beforehand in case it does: about 1,500 instructions a
            // call. Without it, an HTTP/2 refusal (where another crate turns reqwest's `http2`
            // on) is a transport error, retried as the policy says.
            .retry(reqwest::retry::never().max_retries_per_request(0))
            .build()
            .map_err(|e| Error::Config(format!("the HTTP client: {e}")))?;
        let headers = Headers::new(
            self.api.accept_version,
            accept_version,
            authorization,
            user_agent.clone(),
        );
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                api: self.api,
                urls: Urls::new(base, self.api),
                headers: RwLock::new(headers),
                timeout: self.timeout,
                retry: self.retry,
                adopt_tokens: self.adopt_tokens,
                user_agent,
            }),
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

    static API: ApiFacts = ApiFacts {
        base_url: "https://api.example.com",
        accept_version: "^2.0.0",
        query_defaults: &[],
        fixed_paths: &[],
    };

    fn inner(base_url: &str) -> Arc<Inner> {
        ClientBuilder::for_api(&API)
            .base_url(base_url)
            .token("t")
            .build()
            .expect("a loopback base URL is accepted")
            .inner
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

    #[test]
    fn another_release_s_headers_are_the_client_s_with_its_version_and_the_adopted_token() {
        let inner = inner("http://127.0.0.1:9");
        let names = |map: &HeaderMap| {
            map.keys()
                .map(|k| k.as_str().to_string())
                .collect::<Vec<_>>()
        };
        let older = inner.headers_of(true, "^1.9.0");
        assert_eq!(older[ACCEPT_VERSION_HEADER], "^1.9.0");
        let own = inner.headers_of(true, API.accept_version);
        assert_eq!(own[ACCEPT_VERSION_HEADER], "^2.0.0");
        assert_eq!(names(&older), names(&own));
        inner.adopt_token(br#"{"token":"new-token"}"#);
        let older = inner.headers_of(false, "^1.9.0");
        assert_eq!(older[AUTHORIZATION], "Bearer new-token");
        assert_eq!(older[ACCEPT_VERSION_HEADER], "^1.9.0");
        assert_eq!(names(&older), names(&inner.headers()));
        // A version that is not a header value sends the client's own.
        assert_eq!(
            inner.headers_of(false, "^1.0\n")[ACCEPT_VERSION_HEADER],
            "^2.0.0"
        );
    }

    #[test]
    fn the_api_gives_the_default_base_url_and_the_accept_version() {
        let client = ClientBuilder::for_api(&API).build().unwrap();
        assert_eq!(
            client.inner.urls.base().as_str(),
            "https://api.example.com/"
        );
        assert_eq!(client.inner.headers()[ACCEPT_VERSION_HEADER], "^2.0.0");
    }
}
