//! The server's shared state: the served model, its compiled schemas and the world behind its
//! lock. Depends only on the leaf modules (`call`, `schemas`, `state`), never on the HTTP layer
//! or the behaviours.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use serde_json::{Map, Value};
use wegnology_model::{Action, ApiModel, Method, Param, ParamType};

use crate::faults::Faults;
use crate::journal::Journal;
use crate::ratelimit::RateLimiter;
use crate::schemas::Schemas;
use crate::state::World;

/// A text parameter's documented constraint (pattern, format, length), compiled.
pub(crate) struct TextRule {
    /// The constraint as a JSON Schema, to name it in errors.
    pub schema: Value,
    pub validator: jsonschema::Validator,
}

/// What a server has beside the world: each behind its own lock, so faults, the journal and
/// rate limiting never wait on the world's lock.
pub(crate) struct Extras {
    pub faults: Faults,
    pub rate_limiter: Option<RateLimiter>,
    /// Longest wait for a request body (then 408).
    pub body_timeout: Duration,
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
    /// Per action (by index), the path and query text parameters whose value the documents
    /// constrain (see [`text_rule`]).
    pub text_rules: Vec<HashMap<String, TextRule>>,
    pub body_timeout: Duration,
    world: Mutex<World>,
    faults: Mutex<Faults>,
    journal: Mutex<Journal>,
    /// Internally synchronised: no lock of ours.
    rate_limiter: Option<RateLimiter>,
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
    pub(crate) fn new(
        model: ApiModel,
        schemas: Schemas,
        world: World,
        extras: Extras,
    ) -> Result<App, RouteError> {
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
        let text_rules = model
            .actions
            .iter()
            .map(|action| {
                action
                    .params
                    .iter()
                    .filter_map(|param| {
                        Some((param.name.clone(), text_rule(&model, action, param)?))
                    })
                    .collect()
            })
            .collect();
        Ok(App {
            model,
            schemas,
            summary_fields,
            payload_categories,
            text_rules,
            body_timeout: extras.body_timeout,
            world: Mutex::new(world),
            faults: Mutex::new(extras.faults),
            journal: Mutex::new(Journal::default()),
            rate_limiter: extras.rate_limiter,
        })
    }

    /// The world, even if a previous holder panicked (it cannot leave it half-changed in a way
    /// that matters more than stopping the whole fake would).
    pub(crate) fn world(&self) -> MutexGuard<'_, World> {
        lock(&self.world)
    }

    pub(crate) fn faults(&self) -> MutexGuard<'_, Faults> {
        lock(&self.faults)
    }

    pub(crate) fn journal(&self) -> MutexGuard<'_, Journal> {
        lock(&self.journal)
    }

    pub(crate) fn rate_limiter(&self) -> Option<&RateLimiter> {
        self.rate_limiter.as_ref()
    }
}

/// A lock, even if a previous holder panicked (none leaves its data half-changed in a way that
/// matters more than stopping the whole fake would).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The documented constraint of a text path or query parameter. The parameter tables give
/// only a type, but the same value appears as a property of the same name in the action's
/// body or answer schema (`parentId` in `Recent Item List`), which carries its `pattern`,
/// `format` and length: the value must satisfy them, or the fake would echo text that breaks
/// its own answer's schema.
fn text_rule(model: &ApiModel, action: &Action, param: &Param) -> Option<TextRule> {
    if param.ty != ParamType::String {
        return None;
    }
    let body_schema = action.body().and_then(|body| match &body.ty {
        ParamType::Schema { schema } => Some(schema.as_str()),
        _ => None,
    });
    let property = [action.success().schema.as_deref(), body_schema]
        .into_iter()
        .flatten()
        .filter_map(|anchor| model.schema(anchor))
        .filter_map(|schema| {
            schema
                .json_schema
                .get("properties")?
                .get(param.name.as_str())
        })
        .find(|property| property.get("pattern").is_some() || property.get("format").is_some())?;
    let mut constraint = Map::new();
    constraint.insert("type".into(), Value::from("string"));
    for keyword in ["pattern", "format", "minLength", "maxLength"] {
        if let Some(value) = property.get(keyword) {
            constraint.insert(keyword.into(), value.clone());
        }
    }
    let schema = Value::Object(constraint);
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(true)
        .build(&schema)
        .ok()?;
    Some(TextRule { schema, validator })
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
