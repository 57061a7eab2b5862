//! Who is calling: the bearer token of a request, and whether its grant has a scope the action
//! lists. The token table itself is the world's (`tokens`, behind the world's lock).

use axum::http::{header, HeaderMap, StatusCode};
use chrono::{DateTime, Utc};
use wegnology_model::Action;

use crate::app::App;
use crate::call::{now, ApiError};

/// The caller of an action, once its token and scopes are checked.
pub(crate) struct Caller {
    /// The bearer token; empty for an action that needs none.
    pub token: String,
    pub scopes: Vec<String>,
    /// When the token stops working, if it has a lifetime.
    pub expires_at: Option<DateTime<Utc>>,
}

/// The token of `Authorization: Bearer <token>`: 401 when it is missing or malformed.
pub(crate) fn bearer_token(headers: &HeaderMap) -> Result<String, ApiError> {
    let value = headers
        .get(header::AUTHORIZATION)
        .ok_or_else(|| ApiError::unauthorized("missing `Authorization: Bearer <token>` header"))?;
    let text = value
        .to_str()
        .map_err(|_| ApiError::unauthorized("the Authorization header is not readable text"))?;
    let (scheme, token) = text.trim().split_once(' ').ok_or_else(|| {
        ApiError::unauthorized("the Authorization header must be `Bearer <token>`")
    })?;
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err(ApiError::unauthorized(
            "the Authorization header must be `Bearer <token>`",
        ));
    }
    Ok(token.trim().to_string())
}

/// 401 without a live token, 403 when its grant has none of the action's scopes. An action
/// that needs no token (an authentication action) is served without one; a token sent anyway
/// is not checked, as the documents promise nothing about it.
pub(crate) fn authorize(
    app: &App,
    action: &Action,
    headers: &HeaderMap,
) -> Result<Caller, ApiError> {
    if !action.token_required {
        return Ok(Caller {
            token: String::new(),
            scopes: Vec::new(),
            expires_at: None,
        });
    }
    let token = bearer_token(headers)?;
    let grant = app
        .world()
        .use_token(&token, now())
        .ok_or_else(|| ApiError::unauthorized("unknown or expired token"))?;
    if !grant
        .scopes
        .iter()
        .any(|scope| action.scopes.contains(scope))
    {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "Forbidden",
            format!(
                "the token needs one of these scopes for `{}`: {}",
                action.camel_name,
                action.scopes.join(", ")
            ),
        ));
    }
    Ok(Caller {
        token,
        scopes: grant.scopes,
        expires_at: grant.expires_at,
    })
}
