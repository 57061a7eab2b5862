//! The types every part of the fake shares: the error answer ([`ApiError`]) and a request that
//! passed its checks ([`Call`]). Imports nothing else of the fake, so the HTTP layer, the
//! behaviours and the usage counts can all depend on it without depending on each other.

use std::collections::HashMap;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Utc;
use serde_json::{json, Value};

/// A failure answered with the documents' `Error` body: `{"type": …, "message": …}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub kind: &'static str,
    pub message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, kind: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            kind,
            message: message.into(),
        }
    }

    /// 400: the request is malformed or breaks a rule of the documents.
    pub(crate) fn validation(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "Validation", message)
    }

    pub(crate) fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "Unauthorized", message)
    }

    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "NotFound", message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"type": self.kind, "message": self.message});
        (self.status, Json(body)).into_response()
    }
}

/// A query value, checked against its parameter's type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum QueryValue {
    Text(String),
    Boolean(bool),
    Integer(i64),
    /// A schema value (JSON text, or flattened pairs), valid against its schema.
    Json(Value),
}

/// A request that passed every check: what an action's behaviour gets.
pub(crate) struct Call {
    /// The bearer token; empty for an action that needs none.
    pub token: String,
    pub scopes: Vec<String>,
    /// When the calling token stops working, if it has a lifetime.
    pub expires_at: Option<chrono::DateTime<Utc>>,
    pub path: HashMap<String, String>,
    pub query: HashMap<String, QueryValue>,
    pub body: Option<Value>,
}

/// Leaves out the token and the body (which may hold passwords and codes).
impl std::fmt::Debug for Call {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Call")
            .field("scopes", &self.scopes)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("has_body", &self.body.is_some())
            .finish_non_exhaustive()
    }
}

impl Call {
    /// A call with nothing in it (for a behaviour answering as another action would).
    pub(crate) fn empty() -> Call {
        Call {
            token: String::new(),
            scopes: Vec::new(),
            expires_at: None,
            path: HashMap::new(),
            query: HashMap::new(),
            body: None,
        }
    }

    pub(crate) fn text(&self, name: &str) -> Option<&str> {
        match self.query.get(name) {
            Some(QueryValue::Text(text)) => Some(text),
            _ => None,
        }
    }

    pub(crate) fn boolean(&self, name: &str) -> Option<bool> {
        match self.query.get(name) {
            Some(QueryValue::Boolean(value)) => Some(*value),
            _ => None,
        }
    }

    pub(crate) fn integer(&self, name: &str) -> Option<i64> {
        match self.query.get(name) {
            Some(QueryValue::Integer(value)) => Some(*value),
            _ => None,
        }
    }

    /// A query parameter as text, whatever its type (`None` when absent).
    pub(crate) fn query_text(&self, name: &str) -> Option<String> {
        Some(match self.query.get(name)? {
            QueryValue::Text(text) => text.clone(),
            QueryValue::Boolean(value) => value.to_string(),
            QueryValue::Integer(value) => value.to_string(),
            QueryValue::Json(value) => value.to_string(),
        })
    }

    pub(crate) fn path_param(&self, name: &str) -> Option<&str> {
        self.path.get(name).map(String::as_str)
    }

    /// The body as an object (behaviours run only after it validated against its schema).
    pub(crate) fn body_field(&self, name: &str) -> Option<&Value> {
        self.body.as_ref()?.get(name)
    }

    pub(crate) fn body_str(&self, name: &str) -> Option<&str> {
        self.body_field(name)?.as_str()
    }
}

/// A success answer: its documented status, and its body (none for a bodiless answer, `204`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Answer {
    pub status: u16,
    pub body: Option<Value>,
}

/// The current time; one place, so behaviours agree.
pub(crate) fn now() -> chrono::DateTime<Utc> {
    Utc::now()
}
