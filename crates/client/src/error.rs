//! The one error type of the client, and what an error says about trying again.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, RETRY_AFTER};

/// What went wrong with a call. `action` is the action's snake_case name (`change_password`).
///
/// No variant ever holds a token, password, two-factor code or key: request bodies are never
/// kept, and the excerpt of an answer whose documented type holds secrets is redacted.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The API answered with an error status. `kind` and `message` come from the `Error` body
    /// (`{"type": …, "message": …}`) and are `None` when the body is not that JSON; `body` is the
    /// raw body either way, cut after [`Error::API_BODY_CAP`] bytes; `headers` are the answer's
    /// headers (`Retry-After`, rate-limit headers, `Location` of a redirect not followed, …).
    #[error("{action}: the API answered {status}{}", message.as_deref().map(|m| format!(": {m}")).unwrap_or_default())]
    Api {
        /// The action called.
        action: &'static str,
        /// The HTTP status.
        status: u16,
        /// The `type` of the `Error` body.
        kind: Option<String>,
        /// The `message` of the `Error` body.
        message: Option<String>,
        /// The body as text (lossy UTF-8), at most [`Error::API_BODY_CAP`] bytes of it.
        body: String,
        /// The headers of the answer (boxed: it keeps every `Result` of the client small).
        headers: Box<HeaderMap>,
    },
    /// The request did not complete (connection refused or reset, TLS, a body cut short, …).
    /// The message includes every cause in the chain.
    #[error("{action}: the request failed: {}", causes(source))]
    Transport {
        /// The action called.
        action: &'static str,
        /// What reqwest reported.
        #[source]
        source: reqwest::Error,
    },
    /// No complete answer within the call's timeout (all attempts and pauses included).
    #[error("{action}: no answer within the timeout")]
    Timeout {
        /// The action called.
        action: &'static str,
    },
    /// A success status whose body is not the documented type. When that type holds secrets
    /// (`refresh_token`, `change_password`, …) every string value of the excerpt is `"***"` and
    /// `source` says only where decoding failed.
    #[error("{action}: the response does not decode ({source}); it starts: {excerpt}")]
    Decode {
        /// The action called.
        action: &'static str,
        /// The start of the body (120 characters).
        excerpt: String,
        /// What serde_json reported.
        #[source]
        source: serde_json::Error,
    },
    /// The request body could not be encoded as JSON.
    #[error("{action}: the request body does not encode: {source}")]
    Encode {
        /// The action called.
        action: &'static str,
        /// What serde_json reported.
        #[source]
        source: serde_json::Error,
    },
    /// A value given for the request cannot be sent as it is; nothing was sent. `parameter` is
    /// the parameter's wire name (`inviteId`, `losantdomain`).
    #[error("{action}: parameter `{parameter}` cannot be sent: {reason}")]
    InvalidRequest {
        /// The action called.
        action: &'static str,
        /// The wire name of the parameter refused.
        parameter: &'static str,
        /// Why it cannot be sent.
        reason: &'static str,
    },
    /// A blocking call could not run: no runtime could be started, or it was made from inside
    /// an async runtime (feature `blocking`).
    #[error("blocking call: {0}")]
    Runtime(String),
    /// A file to upload could not be read (`FilePart::from_path`); nothing was sent.
    #[error("cannot read the file {}: {source}", path.display())]
    File {
        /// The path given.
        path: PathBuf,
        /// What reading it reported.
        #[source]
        source: std::io::Error,
    },
    /// The client was configured with something unusable (a base URL that does not parse or
    /// would misroute, a token with control characters, …). The message never shows a token.
    #[error("invalid client configuration: {0}")]
    Config(String),
}

/// `error` and its sources, joined by `: `.
fn causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        // hyper and reqwest often repeat their cause in their own message.
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

impl Error {
    /// The most of an error body [`Error::Api`] keeps: 64 KiB. The rest is not read.
    pub const API_BODY_CAP: usize = 64 * 1024;

    /// The HTTP status, for API errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The action whose call failed (`None` for [`Error::Runtime`], [`Error::Config`] and
    /// [`Error::File`]).
    pub fn action(&self) -> Option<&'static str> {
        match self {
            Error::Api { action, .. }
            | Error::Transport { action, .. }
            | Error::Timeout { action }
            | Error::Decode { action, .. }
            | Error::Encode { action, .. }
            | Error::InvalidRequest { action, .. } => Some(action),
            Error::Runtime(_) | Error::Config(_) | Error::File { .. } => None,
        }
    }

    /// The headers of the answer, for API errors.
    pub fn headers(&self) -> Option<&HeaderMap> {
        match self {
            Error::Api { headers, .. } => Some(headers),
            _ => None,
        }
    }

    /// Whether the same request might succeed later: a transport failure (refused, reset, …), a
    /// timeout, or an API answer of 408, 409, 429 or 5xx. The client retries these by itself
    /// for requests that are safe to repeat (see `RetryPolicy`).
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Transport { .. } | Error::Timeout { .. } => true,
            Error::Api { status, .. } => retryable_status(*status),
            _ => false,
        }
    }

    /// How long the server asked to wait (`Retry-After`, in seconds or as an HTTP date), for
    /// API errors that carry it.
    pub fn retry_after(&self) -> Option<Duration> {
        self.headers().and_then(retry_after)
    }
}

/// Statuses a later identical request may not get: 408, 409, 429 and 5xx.
pub(crate) fn retryable_status(status: u16) -> bool {
    matches!(status, 408 | 409 | 429 | 500..=599)
}

/// `Retry-After` as a duration: delta-seconds, or an HTTP date (a date in the past is zero).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(
        date.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(retry_after: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, HeaderValue::from_str(retry_after).unwrap());
        headers
    }

    #[test]
    fn retry_after_in_seconds_and_as_a_date() {
        assert_eq!(retry_after(&headers("7")), Some(Duration::from_secs(7)));
        let later = SystemTime::now() + Duration::from_secs(120);
        let waited = retry_after(&headers(&httpdate::fmt_http_date(later))).unwrap();
        assert!(waited > Duration::from_secs(100) && waited <= Duration::from_secs(120));
        assert_eq!(
            retry_after(&headers("Wed, 21 Oct 2015 07:28:00 GMT")),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after(&headers("soon")), None);
        assert_eq!(retry_after(&HeaderMap::new()), None);
    }

    #[test]
    fn retryable_statuses() {
        for status in [408, 409, 429, 500, 502, 503, 504] {
            assert!(retryable_status(status), "{status}");
        }
        for status in [400, 401, 403, 404, 410, 422] {
            assert!(!retryable_status(status), "{status}");
        }
    }
}
