//! Query and header parameters: decoding the query string against an action's documented
//! parameters (typed values, documented defaults, JSON-text values, lists and objects
//! flattened into indexed pairs `name[0]=a`, `name[0][key]=v`), the documented constraints of
//! text parameters, and required headers.

use std::collections::HashMap;

use axum::http::HeaderMap;
use serde_json::{Map, Value};
use wegnology_model::{Action, ApiModel, Location, Param, ParamType};

use crate::call::{ApiError, QueryValue};
use crate::schemas::Schemas;

/// Query parameters the official clients send on every request (booleans), when the model
/// lists none of its own (`ApiModel::query_defaults`).
const CLIENT_QUERY_FLAGS: &[&str] = &["_actions", "_links", "_embedded"];

/// A text parameter's documented constraint (pattern, format, length), compiled.
pub(crate) struct TextRule {
    /// The constraint as a JSON Schema, to name it in errors.
    pub schema: Value,
    pub validator: jsonschema::Validator,
}

/// Per action (by index), the path and query text parameters whose value the documents
/// constrain (see [`text_rule`]).
pub(crate) fn text_rules(model: &ApiModel) -> Vec<HashMap<String, TextRule>> {
    model
        .actions
        .iter()
        .map(|action| {
            action
                .params
                .iter()
                .filter_map(|param| Some((param.name.clone(), text_rule(model, action, param)?)))
                .collect()
        })
        .collect()
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

/// Checks a text value against its documented constraint, without echoing the value.
pub(crate) fn check_text(
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
        // JSON text (a schema value, a list): kept as text here, checked by the caller.
        ParamType::String | ParamType::Schema { .. } | ParamType::Array { .. } => {
            Ok(QueryValue::Text(text.to_string()))
        }
        ParamType::File => Err(ApiError::validation(format!(
            "`{name}` is a file: it travels in a multipart body, not in the query"
        ))),
    }
}

/// The query parameters of `action`: those of the query and those of JSON-text query.
fn query_param<'a>(action: &'a Action, name: &str) -> Option<&'a Param> {
    action
        .params
        .iter()
        .find(|param| param.name == name && is_query(param.location))
}

fn is_query(location: Location) -> bool {
    matches!(location, Location::Query | Location::QueryJson)
}

/// Whether a parameter may arrive flattened into `name[…]` pairs: a list, or a schema value
/// in the plain query (the official JS client flattens objects and arrays so).
fn flattens(param: &Param) -> bool {
    param.location == Location::Query
        && matches!(param.ty, ParamType::Array { .. } | ParamType::Schema { .. })
}

/// Checks the query string against the action's query parameters: unknown, repeated, badly
/// typed or missing required parameters are 400; documented defaults are filled in. A value
/// of a schema (JSON text, or flattened pairs) must be valid against that schema.
pub(crate) fn query_params(
    schemas: &Schemas,
    action: &Action,
    raw: &str,
    rules: Option<&HashMap<String, TextRule>>,
) -> Result<HashMap<String, QueryValue>, ApiError> {
    let mut values = HashMap::new();
    // Flattened values arrive as `name[0]=a`, `name[0][key]=v`, as the official clients send
    // them; their items are gathered here.
    let mut lists: HashMap<String, Value> = HashMap::new();
    for (key, text) in form_urlencoded::parse(raw.as_bytes()) {
        if let Some((base, rest)) = key.split_once('[') {
            if let Some(param) = query_param(action, base).filter(|param| flattens(param)) {
                let indexed_only = matches!(param.ty, ParamType::Array { .. });
                let segments = list_segments(rest, indexed_only).ok_or_else(|| {
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
        } else if let Some(param) = query_param(action, &key) {
            param.ty.clone()
        } else {
            let accepted: Vec<&str> = action
                .params
                .iter()
                .filter(|param| is_query(param.location))
                .map(|param| param.name.as_str())
                .chain(CLIENT_QUERY_FLAGS.iter().copied())
                .collect();
            return Err(ApiError::validation(format!(
                "unknown query parameter `{key}`; `{}` accepts: {}",
                action.camel_name,
                accepted.join(", ")
            )));
        };
        let value = match query_param(action, &key) {
            Some(param) if param.location == Location::QueryJson => {
                let value: Value = serde_json::from_str(&text).map_err(|_| {
                    ApiError::validation(format!("query parameter `{key}` must be JSON text"))
                })?;
                QueryValue::Json(checked(schemas, param, vec![value])?)
            }
            Some(
                param @ Param {
                    ty: ParamType::Schema { .. },
                    ..
                },
            ) => {
                // JSON text (the Python client), or a bare string where the schema allows one.
                let mut candidates = Vec::new();
                if let Ok(value) = serde_json::from_str::<Value>(&text) {
                    candidates.push(value);
                }
                candidates.push(Value::String(text.to_string()));
                QueryValue::Json(checked(schemas, param, candidates)?)
            }
            _ => parse_value(&key, &ty, &text)?,
        };
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
        let value = indexed_to_arrays(list);
        let value = match query_param(action, &name) {
            Some(
                param @ Param {
                    ty: ParamType::Schema { .. },
                    ..
                },
            ) => {
                // Every flattened leaf is text; numbers and booleans are tried as such too.
                let coerced = coerce_leaves(value.clone());
                QueryValue::Json(checked(schemas, param, vec![value, coerced])?)
            }
            _ => QueryValue::Text(value.to_string()),
        };
        values.insert(name, value);
    }
    for param in action
        .params
        .iter()
        .filter(|param| is_query(param.location))
    {
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

/// The first candidate valid against the parameter's schema; 400 with the first one's
/// problems otherwise.
fn checked(schemas: &Schemas, param: &Param, candidates: Vec<Value>) -> Result<Value, ApiError> {
    let ParamType::Schema { schema } = &param.ty else {
        return candidates
            .into_iter()
            .next()
            .ok_or_else(|| ApiError::validation(format!("`{}` has no value", param.name)));
    };
    let mut first_problem = None;
    for candidate in candidates {
        match schemas.check(schema, &candidate) {
            Ok(()) => return Ok(candidate),
            Err(problem) => {
                first_problem.get_or_insert(problem);
            }
        }
    }
    Err(ApiError::validation(format!(
        "query parameter `{}` does not match the `{schema}` schema: {}",
        param.name,
        first_problem.unwrap_or_default()
    )))
}

/// Leaf strings that read as numbers or booleans, as those.
fn coerce_leaves(value: Value) -> Value {
    match value {
        Value::String(text) => match text.as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => match serde_json::from_str::<serde_json::Number>(&text) {
                Ok(number) => Value::Number(number),
                Err(_) => Value::String(text),
            },
        },
        Value::Array(items) => Value::Array(items.into_iter().map(coerce_leaves).collect()),
        Value::Object(members) => Value::Object(
            members
                .into_iter()
                .map(|(key, value)| (key, coerce_leaves(value)))
                .collect(),
        ),
        other => other,
    }
}

/// The bracketed segments after a flattened parameter's name: `0]` → `["0"]`, `0][key]` →
/// `["0", "key"]`; `None` unless every segment is closed and not empty (and, for a list, the
/// first is an index).
fn list_segments(rest: &str, indexed_only: bool) -> Option<Vec<&str>> {
    let inner = rest.strip_suffix(']')?;
    let segments: Vec<&str> = inner.split("][").collect();
    let first_is_index = segments.first()?.parse::<usize>().is_ok();
    ((first_is_index || !indexed_only)
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

/// Required headers are present, and every documented header is readable text.
pub(crate) fn check_headers(action: &Action, headers: &HeaderMap) -> Result<(), ApiError> {
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
