//! HTTP: the route table built from the model, and the checks every request goes through
//! (token, scopes, path, query, headers, body) before its action's behaviour runs.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, MethodRouter};
use axum::{Json, Router};
use serde_json::Value;
use wegnology_model::{Action, Location, Method, ParamType};

use crate::app::{App, TextRule};
use crate::behaviour;
use crate::call::{now, ApiError, Call, QueryValue};
use crate::faults::{Fault, FaultRule, FAULT_HEADER};
use crate::journal::{self, JournalEntry};
use crate::ratelimit::Decision;
use crate::serve::ConnectionHandle;

/// Largest request body read; bigger ones get 413.
pub(crate) const MAX_BODY_BYTES: usize = 256 * 1024;

/// How long a truncated body waits, after its first half, before the connection is cut.
const TRUNCATION_PAUSE: Duration = Duration::from_millis(50);

/// Query parameters the official clients send on every request (booleans).
const CLIENT_QUERY_FLAGS: &[&str] = &["_actions", "_links", "_embedded"];

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
            handle(app, Target::Action(index), request).await
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
        .fallback(|State(app): State<Arc<App>>, request: Request| async move {
            handle(app, Target::UnknownPath, request).await
        })
        .method_not_allowed_fallback(|State(app): State<Arc<App>>, request: Request| async move {
            handle(app, Target::WrongMethod, request).await
        })
        .with_state(app)
}

/// What axum routed a request to.
#[derive(Debug, Clone, Copy)]
enum Target {
    Action(usize),
    UnknownPath,
    WrongMethod,
}

/// Every request: journaled, then rate limiting and injected faults, then the action's checks
/// and behaviour.
async fn handle(app: Arc<App>, target: Target, request: Request) -> Response {
    let action = match target {
        Target::Action(index) => app.model.actions.get(index),
        _ => None,
    };
    let (parts, body) = request.into_parts();
    // Read before any check, so the journal has it; a read error is reported in its turn.
    let bytes = read_body(&app, body).await;
    let mut entry = JournalEntry {
        action: action.map(|action| action.snake_name.clone()),
        method: parts.method.to_string(),
        path: parts.uri.path().to_string(),
        query: form_urlencoded::parse(parts.uri.query().unwrap_or("").as_bytes())
            .map(|(key, value)| (key.into_owned(), value.into_owned()))
            .collect(),
        headers: parts
            .headers
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_string(),
                    journal::journal_header(name.as_str(), value.as_bytes()),
                )
            })
            .collect(),
        body: bytes
            .as_ref()
            .ok()
            .and_then(|bytes| journal::journal_body(bytes)),
        status: None,
        fault: None,
    };

    let limit = rate_limit(&app, &parts.headers);
    let mut truncate = false;
    let mut response = 'answer: {
        if let Some(decision) = limit.filter(|decision| !decision.allowed) {
            break 'answer too_many_requests(decision);
        }
        if let Some(value) = parts.headers.get(FAULT_HEADER) {
            let installed = match value.to_str() {
                Ok(text) => app
                    .faults()
                    .add_from_header(text)
                    .map_err(|e| e.to_string()),
                Err(_) => Err(format!("the {FAULT_HEADER} header is not readable text")),
            };
            if let Err(problem) = installed {
                break 'answer ApiError::validation(problem).into_response();
            }
        }
        let names = action.map(|action| (action.snake_name.as_str(), action.camel_name.as_str()));
        let fault = app.faults().draw(names);
        if let Some(fault) = &fault {
            entry.fault = Some(FaultRule::new(fault.clone()).to_string());
        }
        match fault {
            Some(Fault::Status {
                status,
                retry_after,
            }) => break 'answer injected_status(status, retry_after),
            Some(Fault::Delay(delay)) => tokio::time::sleep(delay).await,
            Some(Fault::Reset) => {
                app.journal().push(entry);
                if let Some(ConnectionHandle(connection)) = parts.extensions.get() {
                    connection.reset();
                    // The connection task drops this request with its connection.
                    std::future::pending::<()>().await;
                }
                return ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "FakeServerBug",
                    "a reset was injected but the request has no connection to reset",
                )
                .into_response();
            }
            Some(Fault::Truncate) => truncate = true,
            None => {}
        }
        match (target, action) {
            (Target::Action(index), Some(action)) => answer(&app, index, action, &parts, bytes),
            (Target::WrongMethod, _) => ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "MethodNotAllowed",
                format!("{} is not an action of {}", parts.method, parts.uri.path()),
            )
            .into_response(),
            _ => ApiError::not_found(format!("no action at {}", parts.uri.path())).into_response(),
        }
    };
    if let Some(decision) = limit {
        add_rate_limit_headers(&mut response, decision);
    }
    entry.status = Some(response.status().as_u16());
    app.journal().push(entry);
    if truncate {
        response = truncated(response).await;
    }
    response
}

/// The request body, bounded in size and in time.
async fn read_body(app: &App, body: Body) -> Result<Bytes, ApiError> {
    match tokio::time::timeout(app.body_timeout, axum::body::to_bytes(body, MAX_BODY_BYTES)).await {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(_)) => Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "PayloadTooLarge",
            format!("the request body is larger than {MAX_BODY_BYTES} bytes or unreadable"),
        )),
        Err(_) => Err(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "RequestTimeout",
            format!(
                "the request body did not arrive within {} ms",
                app.body_timeout.as_millis()
            ),
        )),
    }
}

/// The rate limiter's decision for this request's token, when rate limiting is on.
fn rate_limit(app: &App, headers: &HeaderMap) -> Option<Decision> {
    let limiter = app.rate_limiter()?;
    // Requests without a usable token share one allowance.
    let key = bearer_token(headers).unwrap_or_default();
    Some(limiter.check(&key))
}

fn whole_seconds(duration: Duration) -> u64 {
    duration.as_secs() + u64::from(duration.subsec_nanos() > 0)
}

fn add_rate_limit_headers(response: &mut Response, decision: Decision) {
    let headers = response.headers_mut();
    for (name, value) in [
        ("x-ratelimit-limit", u64::from(decision.limit)),
        ("x-ratelimit-remaining", u64::from(decision.remaining)),
        ("x-ratelimit-reset", whole_seconds(decision.reset)),
    ] {
        headers.insert(name, HeaderValue::from(value));
    }
}

fn too_many_requests(decision: Decision) -> Response {
    let seconds = whole_seconds(decision.retry_after).max(1);
    let mut response = ApiError::new(
        StatusCode::TOO_MANY_REQUESTS,
        "TooManyRequests",
        format!(
            "rate limit of {} requests exceeded; retry in {seconds} s",
            decision.limit
        ),
    )
    .into_response();
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    response
}

/// The answer of an injected status fault.
fn injected_status(status: u16, retry_after: Option<u64>) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
    let kind = match status.as_u16() {
        429 => "TooManyRequests",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        500..=599 => "InternalServerError",
        _ => "InjectedFault",
    };
    let mut response =
        ApiError::new(status, kind, "an injected fault (the fake's fault rules)").into_response();
    if let Some(seconds) = retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

/// A body that yields its first half, then, once hyper has had time to write it, fails:
/// hyper stops writing and closes the connection, so the client reads a head promising more
/// than arrives.
struct HalfBody {
    first_half: Option<Bytes>,
    full_length: u64,
    /// Pending until the first half is on the wire (hyper flushes while the body is pending).
    pause: std::pin::Pin<Box<tokio::time::Sleep>>,
}

impl hyper::body::Body for HalfBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        context: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<hyper::body::Frame<Bytes>, std::io::Error>>> {
        if let Some(half) = self.first_half.take() {
            return std::task::Poll::Ready(Some(Ok(hyper::body::Frame::data(half))));
        }
        std::task::ready!(self.pause.as_mut().poll(context));
        std::task::Poll::Ready(Some(Err(std::io::Error::other("an injected truncation"))))
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        hyper::body::SizeHint::with_exact(self.full_length)
    }
}

async fn truncated(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "FakeServerBug",
            "cannot read the answer to truncate",
        )
        .into_response();
    };
    parts.headers.insert(
        header::CONTENT_LENGTH,
        HeaderValue::from(bytes.len() as u64),
    );
    let half = bytes.slice(..bytes.len() / 2);
    Response::from_parts(
        parts,
        Body::new(HalfBody {
            first_half: Some(half),
            full_length: bytes.len() as u64,
            pause: Box::pin(tokio::time::sleep(TRUNCATION_PAUSE)),
        }),
    )
}

/// An action's answer: checks, then its behaviour under the world's lock.
fn answer(
    app: &App,
    index: usize,
    action: &Action,
    parts: &Parts,
    bytes: Result<Bytes, ApiError>,
) -> Response {
    let outcome = checked_call(app, index, action, parts, bytes).and_then(|call| {
        let mut world = app.world();
        if action.token_required && world.grant(&call.token, now()).is_none() {
            // The token may have died while the body was being read.
            return Err(ApiError::unauthorized("the token is no longer valid"));
        }
        behaviour::run(app, &mut world, action, &call)
    });
    match outcome {
        Ok(value) => respond(app, action, value),
        Err(error) => error.into_response(),
    }
}

/// The success response. In debug builds (every test) it is first checked against the
/// documented success schema, so a fake that drifts from the documents fails loudly with 500.
fn respond(app: &App, action: &Action, value: Value) -> Response {
    let success = action.success();
    if let (true, Some(schema)) = (cfg!(debug_assertions), &success.schema) {
        if let Err(problem) = app.schemas.check(schema, &value) {
            return ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "FakeServerBug",
                format!(
                    "the fake's answer to `{}` does not match `{schema}`: {problem}",
                    action.snake_name
                ),
            )
            .into_response();
        }
    }
    let status = StatusCode::from_u16(success.status).unwrap_or(StatusCode::OK);
    (status, Json(value)).into_response()
}

/// Runs every check that needs no state but the token's: 405 for a HEAD with effects, 401,
/// 403, then 400s.
fn checked_call(
    app: &App,
    index: usize,
    action: &Action,
    parts: &Parts,
    bytes: Result<Bytes, ApiError>,
) -> Result<Call, ApiError> {
    if parts.method == axum::http::Method::HEAD && behaviour::has_effects(action) {
        // axum answers HEAD with the GET handler; a HEAD must not mint tokens.
        return Err(ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            format!("`{}` has effects; send GET, not HEAD", action.camel_name),
        ));
    }
    // An action that needs no token (an authentication action) is served without one; a
    // token sent anyway is not checked, as the documents promise nothing about it.
    let (token, scopes, expires_at) = if action.token_required {
        let token = bearer_token(&parts.headers)?;
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
        (token, grant.scopes, grant.expires_at)
    } else {
        (String::new(), Vec::new(), None)
    };
    let rules = app.text_rules.get(index);
    let path = path_params(action, parts.uri.path(), rules)?;
    let query = query_params(action, parts.uri.query().unwrap_or(""), rules)?;
    check_headers(action, &parts.headers)?;
    let body = request_body(app, action, &parts.headers, bytes?)?;
    Ok(Call {
        token,
        scopes,
        expires_at,
        path,
        query,
        body,
    })
}

/// Checks a text value against its documented constraint, without echoing the value.
fn check_text(
    place: &str,
    name: &str,
    text: &str,
    rules: Option<&HashMap<String, TextRule>>,
) -> Result<(), ApiError> {
    match rules.and_then(|rules| rules.get(name)) {
        Some(rule) if !rule.validator.is_valid(&Value::from(text)) => {
            Err(ApiError::validation(format!(
                "{place} parameter `{name}` does not satisfy its documented constraint {}",
                rule.schema
            )))
        }
        _ => Ok(()),
    }
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
fn path_params(
    action: &Action,
    path: &str,
    rules: Option<&HashMap<String, TextRule>>,
) -> Result<HashMap<String, String>, ApiError> {
    let mut params = HashMap::new();
    for (template, actual) in action.path.split('/').zip(path.split('/')) {
        let Some(name) = template.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else {
            continue;
        };
        let decoded = percent_encoding::percent_decode_str(actual)
            .decode_utf8()
            .map_err(|_| ApiError::validation(format!("path parameter `{name}` is not UTF-8")))?;
        check_text("path", name, &decoded, rules)?;
        params.insert(name.to_string(), decoded.into_owned());
    }
    Ok(params)
}

fn parse_value(name: &str, ty: &ParamType, text: &str) -> Result<QueryValue, ApiError> {
    match ty {
        // The official Python client writes Python's `True`/`False`.
        ParamType::Boolean => match text {
            "true" | "True" => Ok(QueryValue::Boolean(true)),
            "false" | "False" => Ok(QueryValue::Boolean(false)),
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
        // JSON text (a schema value, a list): kept as text.
        ParamType::String | ParamType::Schema { .. } | ParamType::Array { .. } => {
            Ok(QueryValue::Text(text.to_string()))
        }
        ParamType::File => Err(ApiError::validation(format!(
            "`{name}` is a file: it travels in a multipart body, not in the query"
        ))),
    }
}

/// Checks the query string against the action's query parameters: unknown, repeated, badly
/// typed or missing required parameters are 400; documented defaults are filled in.
fn query_params(
    action: &Action,
    raw: &str,
    rules: Option<&HashMap<String, TextRule>>,
) -> Result<HashMap<String, QueryValue>, ApiError> {
    let mut values = HashMap::new();
    // List parameters arrive flattened (`name[0]=a`, `name[0][key]=v`), as the official clients
    // send them; their items are gathered here and kept as JSON text.
    let mut lists: HashMap<String, Value> = HashMap::new();
    for (key, text) in form_urlencoded::parse(raw.as_bytes()) {
        if let Some((base, rest)) = key.split_once('[') {
            if let Some(param) = action
                .params_in(Location::Query)
                .find(|param| param.name == base && matches!(param.ty, ParamType::Array { .. }))
            {
                let segments = list_segments(rest).ok_or_else(|| {
                    ApiError::validation(format!(
                        "query parameter `{key}`: list items are written `{base}[0]`, `{base}[0][key]`"
                    ))
                })?;
                let list = lists
                    .entry(param.name.clone())
                    .or_insert_with(|| Value::Object(Default::default()));
                insert_list_item(list, &segments, &text).map_err(|()| {
                    ApiError::validation(format!("query parameter `{key}` is given more than once"))
                })?;
                continue;
            }
        }
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
        check_text("query", &key, &text, rules)?;
        if values.insert(key.to_string(), value).is_some() {
            return Err(ApiError::validation(format!(
                "query parameter `{key}` is given more than once"
            )));
        }
    }
    for (name, list) in lists {
        if values.contains_key(&name) {
            return Err(ApiError::validation(format!(
                "query parameter `{name}` is given both whole and as list items"
            )));
        }
        values.insert(name, QueryValue::Text(indexed_to_arrays(list).to_string()));
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

/// The bracketed segments after a list parameter's name: `0]` → `["0"]`, `0][key]` →
/// `["0", "key"]`; `None` unless every segment is closed and not empty.
fn list_segments(rest: &str) -> Option<Vec<&str>> {
    let inner = rest.strip_suffix(']')?;
    let segments: Vec<&str> = inner.split("][").collect();
    let first_is_index = segments.first()?.parse::<usize>().is_ok();
    (first_is_index
        && segments
            .iter()
            .all(|s| !s.is_empty() && !s.contains(['[', ']'])))
    .then_some(segments)
}

/// Puts `text` at `segments` below `node` (objects keyed by index or name); `Err` when the
/// place is taken.
fn insert_list_item(node: &mut Value, segments: &[&str], text: &str) -> Result<(), ()> {
    let (first, rest) = segments.split_first().ok_or(())?;
    let Value::Object(members) = node else {
        return Err(());
    };
    if rest.is_empty() {
        if members.contains_key(*first) {
            return Err(());
        }
        members.insert(first.to_string(), Value::String(text.to_string()));
        return Ok(());
    }
    let child = members
        .entry(first.to_string())
        .or_insert_with(|| Value::Object(Default::default()));
    insert_list_item(child, rest, text)
}

/// Objects whose keys are exactly `0..n` become arrays in index order, at every depth.
fn indexed_to_arrays(node: Value) -> Value {
    match node {
        Value::Object(members) => {
            let mut indexed: Vec<(usize, Value)> = Vec::with_capacity(members.len());
            let mut named = serde_json::Map::new();
            for (key, value) in members {
                let value = indexed_to_arrays(value);
                match key.parse::<usize>() {
                    Ok(index) => indexed.push((index, value)),
                    Err(_) => {
                        named.insert(key, value);
                    }
                }
            }
            indexed.sort_by_key(|(index, _)| *index);
            let dense = indexed
                .iter()
                .enumerate()
                .all(|(at, (index, _))| at == *index);
            if named.is_empty() && dense {
                Value::Array(indexed.into_iter().map(|(_, value)| value).collect())
            } else {
                named.extend(indexed.into_iter().map(|(i, v)| (i.to_string(), v)));
                Value::Object(named)
            }
        }
        other => other,
    }
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

/// Checks the body. An action with a body parameter needs a JSON body valid against that
/// parameter's schema; an action without one accepts no body or any JSON (the JS client sends
/// `{}`).
fn request_body(
    app: &App,
    action: &Action,
    headers: &HeaderMap,
    bytes: Bytes,
) -> Result<Option<Value>, ApiError> {
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
