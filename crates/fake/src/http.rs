//! HTTP: the pipeline every request goes through. It is journaled, then rate limited and
//! faulted as configured; its action is found in the route table (`routes`), its caller checked
//! (`auth`), its path, query and headers (`query`) and body (`body`) checked against the
//! documents, and then its behaviour runs under the world's lock (`me` for Me's actions, the
//! inferred rules of `crud` for every other one). In debug builds every success answer is
//! checked against its documented schema before it is sent.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use wegnology_model::Action;

use crate::app::App;
use crate::auth;
use crate::body;
use crate::call::{now, Answer, ApiError, Call};
use crate::crud::{self, Rule};
use crate::faults::{ActionName, Fault, FaultRule, FAULT_HEADER};
use crate::journal::{self, JournalEntry};
use crate::me;
use crate::query;
use crate::ratelimit::Decision;
use crate::routes::{self, Routed};
use crate::serve::ConnectionHandle;

/// How long a truncated body waits, after its first half, before the connection is cut.
const TRUNCATION_PAUSE: Duration = Duration::from_millis(50);

/// One handler for every request: the route table is the fake's own (`routes`).
pub(crate) fn router(app: Arc<App>) -> Router {
    Router::new()
        .fallback(|State(app): State<Arc<App>>, request: Request| async move {
            handle(app, request).await
        })
        .with_state(app)
}

/// Every request: journaled, then rate limiting and injected faults, then the action's checks
/// and behaviour.
async fn handle(app: Arc<App>, request: Request) -> Response {
    let routed = app
        .routes
        .route(request.method().as_str(), request.uri().path());
    let action = match routed {
        Routed::Action(index) => app.model.actions.get(index),
        _ => None,
    };
    let (parts, body) = request.into_parts();
    let is_head = parts.method == axum::http::Method::HEAD;
    // Read before any check, so the journal has it; a read error is reported in its turn.
    let bytes = body::read_body(body, app.body_timeout).await;
    let mut entry = JournalEntry {
        action: action.map(|action| {
            journal::action_name(&action.resource, &action.snake_name, &action.camel_name)
        }),
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
        let names = action.map(|action| ActionName {
            resource: &action.resource,
            snake: &action.snake_name,
            camel: &action.camel_name,
        });
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
        match (routed, action) {
            (Routed::Action(index), Some(action)) => answer(&app, index, action, &parts, bytes),
            (Routed::WrongMethod, _) => ApiError::new(
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
    if is_head {
        // Answered like its GET, without the body (its length is still announced).
        let (mut parts, _) = response.into_parts();
        parts.headers.remove(header::CONTENT_LENGTH);
        response = Response::from_parts(parts, Body::empty());
    }
    response
}

/// The rate limiter's decision for this request's token, when rate limiting is on.
fn rate_limit(app: &App, headers: &HeaderMap) -> Option<Decision> {
    let limiter = app.rate_limiter()?;
    // Requests without a usable token share one allowance.
    let key = auth::bearer_token(headers).unwrap_or_default();
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
        match app.rules.by_action.get(index) {
            Some(Rule::Me) => me::run(app, &mut world, action, &call).map(|value| Answer {
                status: action.success().status,
                body: Some(value),
            }),
            _ => {
                let context = crud::Context {
                    model: &app.model,
                    rules: &app.rules,
                    schemas: &app.schemas,
                    examples: &app.examples,
                };
                let seeded = world.seeded;
                crud::run(
                    &context,
                    &mut world.store,
                    seeded,
                    index,
                    parts.uri.path(),
                    &call,
                )
            }
        }
    });
    match outcome {
        Ok(answer) => respond(app, action, answer),
        Err(error) => error.into_response(),
    }
}

/// The success response. In debug builds (every test) it is first checked against the
/// documented schema of its status, so a fake that drifts from the documents fails loudly
/// with 500. A status documented without a schema answers no body.
fn respond(app: &App, action: &Action, answer: Answer) -> Response {
    let documented = action
        .successes
        .iter()
        .find(|success| success.status == answer.status)
        .unwrap_or_else(|| action.success());
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::OK);
    let (Some(schema), Some(value)) = (&documented.schema, answer.body) else {
        return status.into_response();
    };
    if cfg!(debug_assertions) {
        if let Err(problem) = app.schemas.check(schema, &value) {
            return ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "FakeServerBug",
                format!(
                    "the fake's answer to `{}` does not match `{schema}`: {problem}",
                    action.id()
                ),
            )
            .into_response();
        }
    }
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
    if parts.method == axum::http::Method::HEAD && me::has_effects(action) {
        // A HEAD is routed as its GET; it must not mint tokens.
        return Err(ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            format!("`{}` has effects; send GET, not HEAD", action.camel_name),
        ));
    }
    let caller = auth::authorize(app, action, &parts.headers)?;
    let rules = app.text_rules.get(index);
    let mut path = std::collections::HashMap::new();
    for (name, value) in routes::path_params(&action.path, parts.uri.path())? {
        query::check_text("path", &name, &value, rules)?;
        path.insert(name, value);
    }
    let query = query::query_params(&app.schemas, action, parts.uri.query().unwrap_or(""), rules)?;
    query::check_headers(action, &parts.headers)?;
    let body = body::request_body(&app.schemas, action, &parts.headers, bytes?)?;
    Ok(Call {
        token: caller.token,
        scopes: caller.scopes,
        expires_at: caller.expires_at,
        path,
        query,
        body,
    })
}
