//! The one error type of the client.

/// What went wrong with a call. `action` is the action's snake_case name (`change_password`).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The API answered with an error status. `kind` and `message` come from the `Error` body
    /// (`{"type": …, "message": …}`) and are `None` when the body is not that JSON; `body` is the
    /// raw body either way.
    #[error("{action}: the API answered {status}{}", message.as_deref().map(|m| format!(": {m}")).unwrap_or_default())]
    Api {
        action: &'static str,
        status: u16,
        kind: Option<String>,
        message: Option<String>,
        body: String,
    },
    /// The request did not complete (connection refused, reset, TLS, …).
    #[error("{action}: the request failed: {source}")]
    Transport {
        action: &'static str,
        #[source]
        source: reqwest::Error,
    },
    /// No complete answer within the client's timeout.
    #[error("{action}: no answer within the timeout")]
    Timeout { action: &'static str },
    /// A success status whose body is not the documented type.
    #[error("{action}: the response does not decode ({source}); it starts: {excerpt}")]
    Decode {
        action: &'static str,
        excerpt: String,
        #[source]
        source: serde_json::Error,
    },
    /// The request body could not be encoded as JSON.
    #[error("{action}: the request body does not encode: {source}")]
    Encode {
        action: &'static str,
        #[source]
        source: serde_json::Error,
    },
    /// A blocking call could not run: no runtime could be started, or it was made from inside
    /// an async runtime (feature `blocking`).
    #[error("blocking call: {0}")]
    Runtime(String),
    /// The client was configured with something unusable (a base URL that does not parse, …).
    #[error("invalid client configuration: {0}")]
    Config(String),
}

impl Error {
    /// The HTTP status, for API errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. } => Some(*status),
            _ => None,
        }
    }
}
