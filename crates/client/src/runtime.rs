//! The hand-written runtime the generated code calls: the client, its builder, request parts
//! and sending, and the `Secret` string.

use std::fmt;
use std::time::Duration;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

pub use reqwest::Method;

use crate::generated::{ACCEPT_VERSION, DEFAULT_BASE_URL};
use crate::Error;

/// A string that is never shown: passwords, tokens, two-factor codes and keys.
/// `Debug` prints `Secret("***")`; [`Secret::expose`] gives the value.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
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

/// Characters kept as they are in a path segment (RFC 3986 unreserved).
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A path parameter, percent-encoded so it stays one segment (`a/b` → `a%2Fb`).
pub fn encode_path_segment(value: &str) -> String {
    utf8_percent_encode(value, PATH_SEGMENT).to_string()
}

/// Query defaults the official clients send on every request; each can be overridden per call.
const QUERY_DEFAULTS: [(&str, &str); 3] = [
    ("_actions", "false"),
    ("_links", "true"),
    ("_embedded", "true"),
];

/// The parts of one request as the generated builders fill them in.
pub struct RequestParts {
    path: String,
    query: Vec<(&'static str, String)>,
    headers: Vec<(&'static str, String)>,
    body: Option<Result<serde_json::Value, serde_json::Error>>,
}

impl RequestParts {
    pub fn new(path: String) -> RequestParts {
        let query = QUERY_DEFAULTS
            .iter()
            .map(|(k, v)| (*k, v.to_string()))
            .collect();
        RequestParts {
            path,
            query,
            headers: Vec::new(),
            body: None,
        }
    }

    /// Sets a query pair, replacing an earlier value of the same name.
    pub fn query(&mut self, name: &'static str, value: String) {
        match self.query.iter_mut().find(|(k, _)| *k == name) {
            Some(pair) => pair.1 = value,
            None => self.query.push((name, value)),
        }
    }

    pub fn header(&mut self, name: &'static str, value: String) {
        self.headers.retain(|(k, _)| *k != name);
        self.headers.push((name, value));
    }

    pub fn json_body<T: Serialize>(&mut self, body: &T) {
        self.body = Some(serde_json::to_value(body));
    }
}

/// A client of the WEGnology API. Cheap to clone; clones share one connection pool.
#[derive(Clone, Debug)]
pub struct Client {
    http: reqwest::Client,
    base_url: String,
    token: Option<Secret>,
}

/// Configures a [`Client`]: `Client::builder().token(…).build()`.
#[derive(Debug)]
pub struct ClientBuilder {
    base_url: String,
    token: Option<Secret>,
    timeout: Duration,
    user_agent: String,
}

impl Client {
    pub fn builder() -> ClientBuilder {
        ClientBuilder {
            base_url: DEFAULT_BASE_URL.to_string(),
            token: None,
            timeout: Duration::from_secs(60),
            user_agent: format!("wegnology-rust/{}", env!("CARGO_PKG_VERSION")),
        }
    }

    /// Sends one action's request and decodes the success body as `T`.
    pub async fn execute<T: DeserializeOwned>(
        &self,
        action: &'static str,
        method: Method,
        parts: RequestParts,
    ) -> Result<T, Error> {
        let mut request = self
            .http
            .request(method, format!("{}{}", self.base_url, parts.path))
            .query(&parts.query)
            .header(reqwest::header::ACCEPT, "application/json")
            .header("Accept-Version", ACCEPT_VERSION);
        if let Some(token) = &self.token {
            request = request.bearer_auth(token.expose());
        }
        for (name, value) in &parts.headers {
            request = request.header(*name, value);
        }
        if let Some(body) = parts.body {
            let body = body.map_err(|source| Error::Encode { action, source })?;
            request = request.json(&body);
        }
        let transport = |source: reqwest::Error| {
            if source.is_timeout() {
                Error::Timeout { action }
            } else {
                Error::Transport { action, source }
            }
        };
        let response = request.send().await.map_err(transport)?;
        let status = response.status();
        let bytes = response.bytes().await.map_err(transport)?;
        if !status.is_success() {
            #[derive(Deserialize)]
            struct ErrorBody {
                #[serde(rename = "type")]
                kind: Option<String>,
                message: Option<String>,
            }
            let parsed: Option<ErrorBody> = serde_json::from_slice(&bytes).ok();
            return Err(Error::Api {
                action,
                status: status.as_u16(),
                kind: parsed.as_ref().and_then(|b| b.kind.clone()),
                message: parsed.and_then(|b| b.message),
                body: String::from_utf8_lossy(&bytes).into_owned(),
            });
        }
        serde_json::from_slice(&bytes).map_err(|source| Error::Decode {
            action,
            excerpt: excerpt(&bytes),
            source,
        })
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

/// The start of a body, for error messages.
fn excerpt(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut cut: String = text.chars().take(120).collect();
    if text.chars().count() > 120 {
        cut.push('…');
    }
    cut
}

impl ClientBuilder {
    /// API origin; default `https://api.app.wnology.io`.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// The API access token sent as `Authorization: Bearer …`.
    pub fn token(mut self, token: impl Into<Secret>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// Timeout of a whole request; default 60 s.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    pub fn build(self) -> Result<Client, Error> {
        let base = reqwest::Url::parse(&self.base_url)
            .map_err(|e| Error::Config(format!("base URL `{}`: {e}", self.base_url)))?;
        if base.cannot_be_a_base() {
            return Err(Error::Config(format!(
                "base URL `{}` cannot have paths appended",
                self.base_url
            )));
        }
        let http = reqwest::Client::builder()
            .timeout(self.timeout)
            .user_agent(self.user_agent)
            .build()
            .map_err(|e| Error::Config(e.to_string()))?;
        Ok(Client {
            http,
            base_url: self.base_url.trim_end_matches('/').to_string(),
            token: self.token,
        })
    }
}
