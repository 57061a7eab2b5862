//! HTTP: the route table built from the model, and the checks every request goes through
//! (token, scopes, path, query, headers, body) before its action's behaviour runs.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, MethodRouter};
use axum::{Json, Router};
use chrono::Utc;
use serde_json::{json, Value};
use wegnology_model::{Action, ApiModel, Location, Method, ParamType};

use crate::behaviour;
use crate::schemas::Schemas;
use crate::state::World;

/// Largest request body read; bigger ones get 413.
pub(crate) const MAX_BODY_BYTES: usize = 256 * 1024;

/// Query parameters the official clients send on every request (booleans).
const CLIENT_QUERY_FLAGS: &[&str] = &["_actions", "_links", "_embedded"];

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
}

/// A request that passed every check: what an action's behaviour gets.
pub(crate) struct Call {
    pub token: String,
    pub scopes: Vec<String>,
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

/// The server's shared state.
pub(crate) struct App {
    pub model: ApiModel,
    pub schemas: Schemas,
    /// The fields of the `Me` schema's `summary` and their schemas, for
    /// summaryInclude/Exclude and to generate their values.
    pub summary_fields: Vec<(String, Value)>,
    /// Properties of the `Payload Stats` schema: the payload categories.
    pub payload_categories: Vec<String>,
    world: Mutex<World>,
}

/// Why the model cannot be served.
#[derive(Debug, thiserror::Error)]
pub enum RouteError {
    #[error("action `{action}` has a path axum cannot route: `{path}`")]
    BadPath { action: String, path: String },
    #[error("actions `{first}` and `{second}` both use {method} {path}")]
    Duplicate {
        first: String,
        second: String,
        method: &'static str,
        path: String,
    },
}

impl App {
    pub(crate) fn new(model: ApiModel, schemas: Schemas, world: World) -> Result<App, RouteError> {
        let mut seen: HashMap<(Method, &str), &str> = HashMap::new();
        for action in &model.actions {
            if !path_is_routable(&action.path) {
                return Err(RouteError::BadPath {
                    action: action.snake_name.clone(),
                    path: action.path.clone(),
                });
            }
            if let Some(first) = seen.insert((action.method, &action.path), &action.snake_name) {
                return Err(RouteError::Duplicate {
                    first: first.to_string(),
                    second: action.snake_name.clone(),
                    method: action.method.as_str(),
                    path: action.path.clone(),
                });
            }
        }
        let property_names = |schema: Option<&Value>| -> Vec<String> {
            schema
                .and_then(|schema| schema.get("properties"))
                .and_then(Value::as_object)
                .map(|properties| properties.keys().cloned().collect())
                .unwrap_or_default()
        };
        let summary_fields = model
            .schema("me")
            .and_then(|me| me.json_schema.pointer("/properties/summary/properties"))
            .and_then(Value::as_object)
            .map(|fields| {
                fields
                    .iter()
                    .map(|(name, schema)| (name.clone(), schema.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let payload_categories =
            property_names(model.schema("payload-stats").map(|s| &s.json_schema));
        Ok(App {
            model,
            schemas,
            summary_fields,
            payload_categories,
            world: Mutex::new(world),
        })
    }

    /// The world, even if a previous holder panicked (it cannot leave it half-changed in a way
    /// that matters more than stopping the whole fake would).
    pub(crate) fn world(&self) -> MutexGuard<'_, World> {
        self.world
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Whether axum accepts this path template: `/`-separated literal segments and `{name}`s.
fn path_is_routable(path: &str) -> bool {
    path.starts_with('/')
        && path[1..].split('/').all(|segment| {
            if let Some(name) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            } else {
                !segment.is_empty() && !segment.contains(['{', '}', '*', ':']) && segment.is_ascii()
            }
        })
}

fn method_filter(method: Method) -> MethodFilter {
    match method {
        Method::Get => MethodFilter::GET,
        Method::Post => MethodFilter::POST,
        Method::Put => MethodFilter::PUT,
        Method::Patch => MethodFilter::PATCH,
        Method::Delete => MethodFilter::DELETE,
    }
}

/// One route per path of the model, one method per action on it.
pub(crate) fn router(app: Arc<App>) -> Router {
    let mut routes: Vec<(String, MethodRouter<Arc<App>>)> = Vec::new();
    for (index, action) in app.model.actions.iter().enumerate() {
        let handler = move |State(app): State<Arc<App>>, request: Request| async move {
            handle(app, index, request).await
        };
        let filter = method_filter(action.method);
        match routes.iter_mut().find(|(path, _)| *path == action.path) {
            Some((_, methods)) => *methods = std::mem::take(methods).on(filter, handler),
            None => routes.push((action.path.clone(), MethodRouter::new().on(filter, handler))),
        }
    }
    let mut router = Router::new();
    for (path, methods) in routes {
        router = router.route(&path, methods);
    }
    router
        .fallback(unknown_path)
        .method_not_allowed_fallback(wrong_method)
        .with_state(app)
}

async fn unknown_path(request: Request) -> ApiError {
    ApiError::not_found(format!("no action at {}", request.uri().path()))
}

async fn wrong_method(request: Request) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "MethodNotAllowed",
        format!(
            "{} is not an action of {}",
            request.method(),
            request.uri().path()
        ),
    )
}

async fn handle(app: Arc<App>, index: usize, request: Request) -> Response {
    match checked_call(&app, index, request).await {
        Ok(call) => {
            let Some(action) = app.model.actions.get(index) else {
                return ApiError::not_found("no such action").into_response();
            };
            let outcome = {
                let mut world = app.world();
                match world.grant(&call.token) {
                    // The token may have died while the body was being read.
                    None => Err(ApiError::unauthorized("the token is no longer valid")),
                    Some(_) => behaviour::run(&app, &mut world, action, &call),
                }
            };
            match outcome {
                Ok(value) => respond(&app, action, value),
                Err(error) => error.into_response(),
            }
        }
        Err(error) => error.into_response(),
    }
}

/// The success response. In debug builds (every test) it is first checked against the
/// documented success schema, so a fake that drifts from the documents fails loudly with 500.
fn respond(app: &App, action: &Action, value: Value) -> Response {
    if cfg!(debug_assertions) {
        if let Err(problem) = app.schemas.check(&action.success.schema, &value) {
            return ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "FakeServerBug",
                format!(
                    "the fake's answer to `{}` does not match `{}`: {problem}",
                    action.snake_name, action.success.schema
                ),
            )
            .into_response();
        }
    }
    let status = StatusCode::from_u16(action.success.status).unwrap_or(StatusCode::OK);
    (status, Json(value)).into_response()
}

/// Runs every check that needs no state but the token's: 401, 403, then 400s.
async fn checked_call(app: &App, index: usize, request: Request) -> Result<Call, ApiError> {
    let action = app
        .model
        .actions
        .get(index)
        .ok_or_else(|| ApiError::not_found("no such action"))?;
    let (parts, body) = request.into_parts();

    let token = bearer_token(&parts.headers)?;
    let scopes = {
        let world = app.world();
        let grant = world
            .grant(&token)
            .ok_or_else(|| ApiError::unauthorized("unknown or expired token"))?;
        grant.scopes.clone()
    };
    if !scopes.iter().any(|scope| action.scopes.contains(scope)) {
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

    let path = path_params(action, parts.uri.path())?;
    let query = query_params(action, parts.uri.query().unwrap_or(""))?;
    check_headers(action, &parts.headers)?;
    let body = request_body(app, action, &parts.headers, body).await?;
    Ok(Call {
        token,
        scopes,
        path,
        query,
        body,
    })
}

fn bearer_token(headers: &HeaderMap) -> Result<String, ApiError> {
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

/// Matches the request path against the action's template (axum already chose the route).
fn path_params(action: &Action, path: &str) -> Result<HashMap<String, String>, ApiError> {
    let mut params = HashMap::new();
    for (template, actual) in action.path.split('/').zip(path.split('/')) {
        let Some(name) = template.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else {
            continue;
        };
        let decoded = percent_encoding::percent_decode_str(actual)
            .decode_utf8()
            .map_err(|_| ApiError::validation(format!("path parameter `{name}` is not UTF-8")))?;
        params.insert(name.to_string(), decoded.into_owned());
    }
    Ok(params)
}

fn parse_value(name: &str, ty: &ParamType, text: &str) -> Result<QueryValue, ApiError> {
    match ty {
        ParamType::Boolean => match text {
            "true" => Ok(QueryValue::Boolean(true)),
            "false" => Ok(QueryValue::Boolean(false)),
            _ => Err(ApiError::validation(format!(
                "query parameter `{name}` must be `true` or `false`"
            ))),
        },
        ParamType::Integer => text.parse::<i64>().map(QueryValue::Integer).map_err(|_| {
            ApiError::validation(format!(
                "query parameter `{name}` must be a decimal integer"
            ))
        }),
        ParamType::Enum { values } => {
            if values.iter().any(|value| value == text) {
                Ok(QueryValue::Text(text.to_string()))
            } else {
                Err(ApiError::validation(format!(
                    "query parameter `{name}` must be one of: {}",
                    values.join(", ")
                )))
            }
        }
        ParamType::String | ParamType::Schema { .. } => Ok(QueryValue::Text(text.to_string())),
    }
}

/// Checks the query string against the action's query parameters: unknown, repeated, badly
/// typed or missing required parameters are 400; documented defaults are filled in.
fn query_params(action: &Action, raw: &str) -> Result<HashMap<String, QueryValue>, ApiError> {
    let mut values = HashMap::new();
    for (key, text) in form_urlencoded::parse(raw.as_bytes()) {
        let ty = if CLIENT_QUERY_FLAGS.contains(&key.as_ref()) {
            ParamType::Boolean
        } else if let Some(param) = action
            .params_in(Location::Query)
            .find(|param| param.name == key)
        {
            param.ty.clone()
        } else {
            let accepted: Vec<&str> = action
                .params_in(Location::Query)
                .map(|param| param.name.as_str())
                .chain(CLIENT_QUERY_FLAGS.iter().copied())
                .collect();
            return Err(ApiError::validation(format!(
                "unknown query parameter `{key}`; `{}` accepts: {}",
                action.camel_name,
                accepted.join(", ")
            )));
        };
        let value = parse_value(&key, &ty, &text)?;
        if values.insert(key.to_string(), value).is_some() {
            return Err(ApiError::validation(format!(
                "query parameter `{key}` is given more than once"
            )));
        }
    }
    for param in action.params_in(Location::Query) {
        if values.contains_key(&param.name) {
            continue;
        }
        if param.required {
            return Err(ApiError::validation(format!(
                "query parameter `{}` is required",
                param.name
            )));
        }
        if let Some(default) = &param.default {
            if let Ok(value) = parse_value(&param.name, &param.ty, default) {
                values.insert(param.name.clone(), value);
            }
        }
    }
    Ok(values)
}

fn check_headers(action: &Action, headers: &HeaderMap) -> Result<(), ApiError> {
    for param in action.params_in(Location::Header) {
        match headers.get(param.name.as_str()) {
            Some(value) if value.to_str().is_err() => {
                return Err(ApiError::validation(format!(
                    "header `{}` is not readable text",
                    param.name
                )))
            }
            None if param.required => {
                return Err(ApiError::validation(format!(
                    "header `{}` is required",
                    param.name
                )))
            }
            _ => {}
        }
    }
    Ok(())
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|mime| {
            let mime = mime.trim();
            mime.eq_ignore_ascii_case("application/json")
                || (mime.len() > 5
                    && mime.is_char_boundary(mime.len() - 5)
                    && mime[mime.len() - 5..].eq_ignore_ascii_case("+json"))
        })
}

/// Reads and checks the body. An action with a body parameter needs a JSON body valid against
/// that parameter's schema; an action without one accepts no body or any JSON (the JS client
/// sends `{}`).
async fn request_body(
    app: &App,
    action: &Action,
    headers: &HeaderMap,
    body: Body,
) -> Result<Option<Value>, ApiError> {
    let bytes = axum::body::to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "PayloadTooLarge",
                format!("the request body is larger than {MAX_BODY_BYTES} bytes or unreadable"),
            )
        })?;
    let Some(param) = action.body() else {
        if !bytes.is_empty() && serde_json::from_slice::<Value>(&bytes).is_err() {
            return Err(ApiError::validation(
                "this action takes no body; what was sent is not even JSON",
            ));
        }
        return Ok(None);
    };
    if bytes.is_empty() {
        if param.required {
            return Err(ApiError::validation(format!(
                "a JSON body (`{}`) is required",
                param.name
            )));
        }
        return Ok(None);
    }
    if !is_json(headers) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UnsupportedMediaType",
            "the body must be sent with `Content-Type: application/json`",
        ));
    }
    let value: Value = serde_json::from_slice(&bytes)
        .map_err(|error| ApiError::validation(format!("the body is not valid JSON: {error}")))?;
    if let ParamType::Schema { schema } = &param.ty {
        app.schemas.check(schema, &value).map_err(|problem| {
            ApiError::validation(format!(
                "`{}` does not match the `{schema}` schema: {problem}",
                param.name
            ))
        })?;
    }
    Ok(Some(value))
}

/// The current time; one place, so behaviours agree.
pub(crate) fn now() -> chrono::DateTime<Utc> {
    Utc::now()
}
