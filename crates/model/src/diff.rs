//! What changed between two models, as a maintainer reviewing a republish wants it.
//!
//! Each [`Change`] carries an [`Impact`] for the generated Rust API, a semver hint:
//! - breaking: an action, parameter, schema or property removed; a new required argument or
//!   required body property; requiredness or a type changed (setters and fields change type,
//!   and generated enums are exhaustive); a parameter moved into or out of the path or the body
//!   (it becomes or stops being an argument); a different success schema (`send()` returns
//!   another type).
//! - compatible: an action, optional parameter, schema or optional property added (a new method,
//!   setter, type or field; generated structs derive `Default`); a parameter moved between the
//!   query and a header; scopes, method, path or error responses changed (the signatures stay);
//!   a diagnostic that appeared or disappeared.
//!
//! Identity ignores document lines and descriptions, so a republish that only shifts lines or
//! rewords text shows no change. Diagnostics of an added or removed action are part of that
//! change and are not listed on their own.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{Action, ApiModel, Location, Param, ParamType, Response};

/// Whether a change breaks code written against the previously generated client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Impact {
    Breaking,
    Compatible,
}

impl Impact {
    pub fn as_str(self) -> &'static str {
        match self {
            Impact::Breaking => "breaking",
            Impact::Compatible => "compatible",
        }
    }
}

/// What sort of change a [`Change`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    ApiVersionChanged,
    BaseUrlChanged,
    ActionAdded,
    ActionRemoved,
    MethodChanged,
    PathChanged,
    ParamAdded,
    ParamRemoved,
    ParamMoved,
    ParamRequiredChanged,
    ParamTypeChanged,
    ScopesChanged,
    SuccessResponseChanged,
    ErrorResponsesChanged,
    SchemaAdded,
    SchemaRemoved,
    PropertyAdded,
    PropertyRemoved,
    PropertyRequiredChanged,
    PropertyTypeChanged,
    DiagnosticAppeared,
    DiagnosticDisappeared,
}

/// One change between two models.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub impact: Impact,
    pub kind: ChangeKind,
    /// The resource of the action concerned, by camel name (`me`, `applicationApiToken`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// The action concerned, by snake_case name.
    pub action: Option<String>,
    /// The schema concerned, by anchor.
    pub schema: Option<String>,
    /// What changed, in a sentence, e.g. ``parameter `parentId` removed (was an optional query
    /// parameter)``.
    pub detail: String,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:<11}", self.impact.as_str())?;
        match (&self.action, &self.schema) {
            (Some(action), _) => match &self.resource {
                Some(resource) => write!(f, "action `{resource}.{action}`: ")?,
                None => write!(f, "action `{action}`: ")?,
            },
            (None, Some(schema)) => write!(f, "schema `{schema}`: ")?,
            (None, None) => {}
        }
        f.write_str(&self.detail)
    }
}

/// Every change from `old` to `new`: the API first, then schemas, then diagnostics.
pub fn diff(old: &ApiModel, new: &ApiModel) -> Vec<Change> {
    let mut changes = Changes::default();
    if old.api_version != new.api_version {
        changes.push(
            Impact::Compatible,
            ChangeKind::ApiVersionChanged,
            None,
            None,
            format!("API release `{}` → `{}`", old.api_version, new.api_version),
        );
    }
    if old.base_url != new.base_url {
        changes.push(
            Impact::Compatible,
            ChangeKind::BaseUrlChanged,
            None,
            None,
            format!("base URL `{}` → `{}`", old.base_url, new.base_url),
        );
    }
    for action in &old.actions {
        match new.action(&action.resource, &action.snake_name) {
            Some(now) => diff_action(&mut changes, action, now),
            None => changes.push(
                Impact::Breaking,
                ChangeKind::ActionRemoved,
                Some(action),
                None,
                format!("removed (was {} {})", action.method.as_str(), action.path),
            ),
        }
    }
    for action in &new.actions {
        if old.action(&action.resource, &action.snake_name).is_none() {
            changes.push(
                Impact::Compatible,
                ChangeKind::ActionAdded,
                Some(action),
                None,
                format!(
                    "added: {} {} ({})",
                    action.method.as_str(),
                    action.path,
                    signature(action)
                ),
            );
        }
    }
    for schema in &old.schemas {
        match new.schema(&schema.anchor) {
            Some(now) => diff_properties(
                &mut changes,
                &schema.anchor,
                &schema.json_schema,
                &now.json_schema,
            ),
            None => changes.push(
                Impact::Breaking,
                ChangeKind::SchemaRemoved,
                None,
                Some(&schema.anchor),
                format!("removed (was `{}`)", schema.title),
            ),
        }
    }
    for schema in &new.schemas {
        if old.schema(&schema.anchor).is_none() {
            changes.push(
                Impact::Compatible,
                ChangeKind::SchemaAdded,
                None,
                Some(&schema.anchor),
                format!("added: `{}`", schema.title),
            );
        }
    }
    diff_diagnostics(&mut changes, old, new);
    changes.0
}

#[derive(Default)]
struct Changes(Vec<Change>);

impl Changes {
    fn push(
        &mut self,
        impact: Impact,
        kind: ChangeKind,
        action: Option<&Action>,
        schema: Option<&str>,
        detail: String,
    ) {
        self.0.push(Change {
            impact,
            kind,
            resource: action.map(|a| a.resource.clone()),
            action: action.map(|a| a.snake_name.clone()),
            schema: schema.map(str::to_string),
            detail,
        });
    }
}

/// `inviteId (path, required), losantdomain (header, optional)`.
fn signature(action: &Action) -> String {
    if action.params.is_empty() {
        return "no parameters".to_string();
    }
    action
        .params
        .iter()
        .map(|p| {
            format!(
                "`{}` {} {}",
                p.name,
                if p.required { "required" } else { "optional" },
                location_name(p.location)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn location_name(location: Location) -> &'static str {
    match location {
        Location::Path => "path",
        Location::Query => "query",
        Location::QueryJson => "JSON-text query",
        Location::Header => "header",
        Location::Body => "body",
        Location::Multipart => "multipart",
    }
}

/// `an optional boolean query parameter`.
fn describe(param: &Param) -> String {
    format!(
        "{} {} {} parameter",
        if param.required {
            "a required"
        } else {
            "an optional"
        },
        type_name(&param.ty),
        location_name(param.location)
    )
}

fn type_name(ty: &ParamType) -> String {
    match ty {
        ParamType::String => "string".to_string(),
        ParamType::Boolean => "boolean".to_string(),
        ParamType::Integer => "integer".to_string(),
        ParamType::Enum { values } => format!("enum ({})", values.join(", ")),
        ParamType::Schema { schema } => format!("`{schema}`"),
        ParamType::Array { items } => format!("list of {}", type_name(items)),
        ParamType::File => "file".to_string(),
    }
}

fn diff_action(changes: &mut Changes, old: &Action, new: &Action) {
    let name = Some(new);
    if old.method != new.method {
        changes.push(
            Impact::Compatible,
            ChangeKind::MethodChanged,
            name,
            None,
            format!("method {} → {}", old.method.as_str(), new.method.as_str()),
        );
    }
    if old.path != new.path {
        changes.push(
            Impact::Compatible,
            ChangeKind::PathChanged,
            name,
            None,
            format!("path `{}` → `{}`", old.path, new.path),
        );
    }
    for param in &old.params {
        let Some(now) = new.params.iter().find(|p| p.name == param.name) else {
            changes.push(
                Impact::Breaking,
                ChangeKind::ParamRemoved,
                name,
                None,
                format!(
                    "parameter `{}` removed (was {})",
                    param.name,
                    describe(param)
                ),
            );
            continue;
        };
        if param.location != now.location {
            let argument_changes = [param.location, now.location]
                .iter()
                .any(|l| matches!(l, Location::Path | Location::Body));
            changes.push(
                if argument_changes {
                    Impact::Breaking
                } else {
                    Impact::Compatible
                },
                ChangeKind::ParamMoved,
                name,
                None,
                format!(
                    "parameter `{}` moved from the {} to the {}",
                    param.name,
                    location_name(param.location),
                    location_name(now.location)
                ),
            );
        }
        if param.required != now.required {
            changes.push(
                Impact::Breaking,
                ChangeKind::ParamRequiredChanged,
                name,
                None,
                format!(
                    "parameter `{}` is now {}",
                    param.name,
                    if now.required {
                        "required (an argument, no longer a setter)"
                    } else {
                        "optional (a setter, no longer an argument)"
                    }
                ),
            );
        }
        if param.ty != now.ty || param.documented_type != now.documented_type {
            changes.push(
                // The same Rust type when only the documented type changed (`undefined` fixed).
                if param.ty == now.ty {
                    Impact::Compatible
                } else {
                    Impact::Breaking
                },
                ChangeKind::ParamTypeChanged,
                name,
                None,
                if param.ty == now.ty {
                    format!(
                        "parameter `{}` documented type `{}` → `{}` (the model's type stays {})",
                        param.name,
                        param.documented_type,
                        now.documented_type,
                        type_name(&now.ty)
                    )
                } else {
                    format!(
                        "parameter `{}` type {} → {} (documented `{}` → `{}`)",
                        param.name,
                        type_name(&param.ty),
                        type_name(&now.ty),
                        param.documented_type,
                        now.documented_type
                    )
                },
            );
        }
    }
    for param in &new.params {
        if !old.params.iter().any(|p| p.name == param.name) {
            changes.push(
                if param.required {
                    Impact::Breaking
                } else {
                    Impact::Compatible
                },
                ChangeKind::ParamAdded,
                name,
                None,
                format!("parameter `{}` added: {}", param.name, describe(param)),
            );
        }
    }
    if old.scopes != new.scopes {
        changes.push(
            Impact::Compatible,
            ChangeKind::ScopesChanged,
            name,
            None,
            format!(
                "scopes `{}` → `{}`",
                old.scopes.join(", "),
                new.scopes.join(", ")
            ),
        );
    }
    let answers = |responses: &[Response]| {
        responses
            .iter()
            .map(|r| {
                format!(
                    "{} `{}`",
                    r.status,
                    r.schema.as_deref().unwrap_or("undefined")
                )
            })
            .collect::<Vec<_>>()
    };
    if answers(&old.successes) != answers(&new.successes) {
        let schemas = |a: &Action| {
            a.successes
                .iter()
                .map(|r| r.schema.clone())
                .collect::<Vec<_>>()
        };
        changes.push(
            if schemas(old) == schemas(new) {
                Impact::Compatible
            } else {
                Impact::Breaking
            },
            ChangeKind::SuccessResponseChanged,
            name,
            None,
            format!(
                "success response {} → {}",
                answers(&old.successes).join(", "),
                answers(&new.successes).join(", ")
            ),
        );
    }
    let statuses = |a: &Action| answers(&a.errors);
    if statuses(old) != statuses(new) {
        let show = |list: Vec<String>| {
            if list.is_empty() {
                "none".to_string()
            } else {
                list.join(", ")
            }
        };
        changes.push(
            Impact::Compatible,
            ChangeKind::ErrorResponsesChanged,
            name,
            None,
            format!(
                "error responses {} → {}",
                show(statuses(old)),
                show(statuses(new))
            ),
        );
    }
}

/// A property of a schema: its JSON type and whether its parent requires it.
#[derive(PartialEq)]
struct Property {
    ty: String,
    required: bool,
}

/// Every property below `schema`, by path (`summary.org`, `items[].id`).
fn properties(schema: &Value, prefix: &str, out: &mut BTreeMap<String, Property>) {
    let Some(object) = schema.as_object() else {
        return;
    };
    let required: Vec<&str> = object
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if let Some(props) = object.get("properties").and_then(Value::as_object) {
        for (name, child) in props {
            let path = if prefix.is_empty() {
                name.clone()
            } else {
                format!("{prefix}.{name}")
            };
            out.insert(
                path.clone(),
                Property {
                    ty: json_type(child),
                    required: required.contains(&name.as_str()),
                },
            );
            properties(child, &path, out);
        }
    }
    if let Some(items) = object.get("items") {
        properties(items, &format!("{prefix}[]"), out);
    }
    for keyword in ["oneOf", "anyOf", "allOf"] {
        for (i, branch) in object
            .get(keyword)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            properties(branch, &format!("{prefix}<{keyword} {i}>"), out);
        }
    }
}

/// `string`, `array of object`, `string|null`, `one of 2 schemas`.
fn json_type(schema: &Value) -> String {
    let base = match schema.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("|"),
        _ => match ["oneOf", "anyOf", "allOf"].iter().find_map(|k| {
            schema
                .get(*k)
                .and_then(Value::as_array)
                .map(|b| (k, b.len()))
        }) {
            Some((keyword, n)) => format!("{keyword} of {n} schemas"),
            None => "any".to_string(),
        },
    };
    match (base.as_str(), schema.get("items")) {
        ("array", Some(items)) => format!("array of {}", json_type(items)),
        _ => match schema.get("enum").and_then(Value::as_array) {
            Some(values) => format!(
                "{base} ({})",
                values
                    .iter()
                    .map(Value::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => base,
        },
    }
}

fn diff_properties(changes: &mut Changes, anchor: &str, old: &Value, new: &Value) {
    let (mut before, mut after) = (BTreeMap::new(), BTreeMap::new());
    properties(old, "", &mut before);
    properties(new, "", &mut after);
    let schema = Some(anchor);
    // A property below an added or removed one is part of that change.
    let parent_in =
        |path: &str, map: &BTreeMap<String, Property>, other: &BTreeMap<String, Property>| {
            map.keys().any(|p| {
                path.strip_prefix(p.as_str())
                    .is_some_and(|below| below.starts_with(['.', '[', '<']))
                    && !other.contains_key(p)
            })
        };
    for (path, property) in &before {
        match after.get(path) {
            None if !parent_in(path, &before, &after) => changes.push(
                Impact::Breaking,
                ChangeKind::PropertyRemoved,
                None,
                schema,
                format!(
                    "property `{path}` removed (was {} {})",
                    if property.required {
                        "required"
                    } else {
                        "optional"
                    },
                    property.ty
                ),
            ),
            None => {}
            Some(now) => {
                if property.required != now.required {
                    changes.push(
                        Impact::Breaking,
                        ChangeKind::PropertyRequiredChanged,
                        None,
                        schema,
                        format!(
                            "property `{path}` is now {}",
                            if now.required { "required" } else { "optional" }
                        ),
                    );
                }
                if property.ty != now.ty {
                    changes.push(
                        Impact::Breaking,
                        ChangeKind::PropertyTypeChanged,
                        None,
                        schema,
                        format!("property `{path}` type {} → {}", property.ty, now.ty),
                    );
                }
            }
        }
    }
    for (path, property) in &after {
        if !before.contains_key(path) && !parent_in(path, &after, &before) {
            changes.push(
                if property.required {
                    Impact::Breaking
                } else {
                    Impact::Compatible
                },
                ChangeKind::PropertyAdded,
                None,
                schema,
                format!(
                    "property `{path}` added: {} {}",
                    if property.required {
                        "required"
                    } else {
                        "optional"
                    },
                    property.ty
                ),
            );
        }
    }
}

fn diff_diagnostics(changes: &mut Changes, old: &ApiModel, new: &ApiModel) {
    // A diagnostic of an action added or removed is part of that change.
    let action_in = |model: &ApiModel, d: &crate::Diagnostic| {
        d.action.as_ref().is_none_or(|t| {
            model
                .actions
                .iter()
                .any(|a| &a.title == t && d.resource.as_ref().is_none_or(|r| r == &a.resource))
        })
    };
    let ids = |model: &ApiModel| {
        model
            .diagnostics
            .iter()
            .map(crate::Diagnostic::key)
            .collect::<std::collections::BTreeSet<_>>()
    };
    let (before, after) = (ids(old), ids(new));
    for d in &old.diagnostics {
        if !after.contains(&d.key()) && action_in(new, d) {
            changes.push(
                Impact::Compatible,
                ChangeKind::DiagnosticDisappeared,
                None,
                None,
                format!("diagnostic gone: {}", d.line()),
            );
        }
    }
    for d in &new.diagnostics {
        if !before.contains(&d.key()) && action_in(old, d) {
            changes.push(
                Impact::Compatible,
                ChangeKind::DiagnosticAppeared,
                None,
                None,
                format!("new diagnostic: {}", d.line()),
            );
        }
    }
}

/// The plain-text report: one line per change, then the counts.
pub fn report(changes: &[Change]) -> String {
    if changes.is_empty() {
        return "no change\n".to_string();
    }
    let mut text = String::new();
    for change in changes {
        text.push_str(&change.to_string());
        text.push('\n');
    }
    let breaking = changes
        .iter()
        .filter(|c| c.impact == Impact::Breaking)
        .count();
    text.push_str(&format!(
        "{} changes: {breaking} breaking, {} compatible\n",
        changes.len(),
        changes.len() - breaking
    ));
    text
}
