//! The endpoint model as an OpenAPI 3.1 document, so that every OpenAPI tool (validators,
//! property-based API fuzzers, other generators) can read what the WEGnology documents say.
//!
//! [`document`] turns a [`wegnology_model::ApiModel`] into the document as JSON; [`to_json`] is
//! its stable text form, which `cargo xtask regen` writes to `spec/generated/openapi.json`:
//!
//! - every action is an operation whose `operationId` is `<resource>.<action>` in the official
//!   clients' camelCase names (`me.addRecentItem`), unique across resources; its tag is its
//!   resource;
//! - parameters keep their location (`path`, `query`, `header`), type, default and example; the
//!   body parameter becomes the `requestBody`, multipart parameters a `multipart/form-data` one;
//! - request and response bodies refer to `components/schemas`, the `_schemas.md` JSON Schemas
//!   converted from draft-07 to the 2020-12 dialect of OpenAPI 3.1 (see [`schema`]);
//! - an operation needs a bearer token with at least one of its scopes: one security
//!   alternative per scope, the scopes in the description and in `x-wegnology-scopes`; one
//!   whose documents say it needs no token has an empty `security`;
//! - a schema-typed query parameter travels as JSON text (`content`), an array one as
//!   `name[0]=…` pairs (`x-wegnology-array-encoding`);
//! - each diagnostic of the model (a place where the documents disagree) is an entry of
//!   `x-wegnology-diagnostics` on the operation it touches, else on the component schema in
//!   whose text it lies, else on the document.
//!
//! The output is a function of the model only: same model, same bytes.
//!
//! Must not depend on: the parser (`wegnology-parser`), the generator (`wegnology-codegen`) or the
//! client. No file I/O.

pub mod schema;

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};
use wegnology_model::{
    Action, ApiModel, Diagnostic, Location, Param, ParamExample, ParamType, Response,
};

/// Name of the security scheme every operation uses.
pub const SECURITY_SCHEME: &str = "bearerAuth";

/// Why the model cannot be exported. Each names the action or schema concerned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenApiError {
    #[error("actions `{first}` and `{second}` are both {method} {path}")]
    DuplicateOperation {
        method: &'static str,
        path: String,
        first: String,
        second: String,
    },
    #[error("actions `{first}` and `{second}` have the same operation id `{operation_id}`")]
    DuplicateOperationId {
        operation_id: String,
        first: String,
        second: String,
    },
    #[error("{used_by} refers to the schema `{anchor}`, which the model does not have")]
    UnknownSchema { anchor: String, used_by: String },
    #[error(
        "action `{action}`: the path `{path}` has no placeholder for path parameter `{param}`"
    )]
    PathParamNotInPath {
        action: String,
        path: String,
        param: String,
    },
    #[error(
        "action `{action}`: the placeholder `{{{placeholder}}}` of `{path}` is no path parameter"
    )]
    PlaceholderWithoutParam {
        action: String,
        path: String,
        placeholder: String,
    },
    #[error("schema `{schema}`: cannot convert `$ref` `{reference}`: {why}")]
    UnresolvableRef {
        schema: String,
        reference: String,
        why: &'static str,
    },
}

/// The OpenAPI 3.1 document describing `model`.
pub fn document(model: &ApiModel) -> Result<Value, OpenApiError> {
    let names = schema::ComponentNames::new(model);
    let mut paths: Map<String, Value> = Map::new();
    let mut seen: BTreeMap<(&str, &'static str), &str> = BTreeMap::new();
    let mut seen_ids: BTreeMap<String, &str> = BTreeMap::new();
    for action in &model.actions {
        let method = action.method.as_str();
        if let Some(first) = seen.insert((action.path.as_str(), method), &action.title) {
            return Err(OpenApiError::DuplicateOperation {
                method,
                path: action.path.clone(),
                first: first.to_owned(),
                second: action.title.clone(),
            });
        }
        if let Some(first) = seen_ids.insert(operation_id(action), &action.title) {
            return Err(OpenApiError::DuplicateOperationId {
                operation_id: operation_id(action).to_owned(),
                first: first.to_owned(),
                second: action.title.clone(),
            });
        }
        let operation = operation(model, &names, action)?;
        let item = paths
            .entry(action.path.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        item.as_object_mut()
            .expect("path items are objects")
            .insert(method.to_ascii_lowercase(), operation);
    }

    // The schema each diagnostic lies in, found once: a schema is the one of the model's list
    // it is (the model's schemas are all distinct: each has a section of its own).
    let owners: Vec<Option<&wegnology_model::Schema>> = model
        .diagnostics
        .iter()
        .map(|d| schema_of(model, d))
        .collect();
    let mut schemas = Map::new();
    for named in &model.schemas {
        let mut component = schema::component(model, &names, named)?;
        let notes: Vec<Value> = model
            .diagnostics
            .iter()
            .zip(&owners)
            .filter(|(_, owner)| owner.is_some_and(|owner| std::ptr::eq(owner, named)))
            .map(|(d, _)| diagnostic_note(d))
            .collect();
        if !notes.is_empty() {
            component
                .as_object_mut()
                .expect("components are objects")
                .insert("x-wegnology-diagnostics".into(), Value::Array(notes));
        }
        schemas.insert(names.name(&named.anchor).to_owned(), component);
    }

    let mut doc = json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "WEGnology API",
            "version": model.api_version,
            "description": format!(
                "The WEGnology API as its published documents describe it ({}). \
                 Generated from the endpoint model by `cargo xtask openapi`; do not edit. \
                 Where the documents disagree, `x-wegnology-diagnostics` says what differs, \
                 which value this document keeps and why.",
                releases(model)
            ),
        },
        "servers": [{ "url": model.base_url }],
        "tags": model.resources.iter().map(|r| json!({ "name": r.name })).collect::<Vec<_>>(),
        // Moved in below, in these places: `json!` would copy them.
        "paths": null,
        "components": {
            "schemas": null,
            "securitySchemes": {
                SECURITY_SCHEME: {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API token, sent as `Authorization: Bearer <token>`. \
                        Each operation accepts a token carrying at least one of the scopes it \
                        lists (one security alternative per scope, and `x-wegnology-scopes`).",
                }
            }
        },
    });
    doc["paths"] = Value::Object(paths);
    doc["components"]["schemas"] = Value::Object(schemas);
    let unattached: Vec<Value> = model
        .diagnostics
        .iter()
        .zip(&owners)
        .filter(|(d, owner)| {
            d.action
                .as_deref()
                .is_none_or(|title| !model.actions.iter().any(|a| a.title == title))
                && owner.is_none()
        })
        .map(|(d, _)| diagnostic_note(d))
        .collect();
    if !unattached.is_empty() {
        doc.as_object_mut()
            .expect("the document is an object")
            .insert("x-wegnology-diagnostics".into(), Value::Array(unattached));
    }
    Ok(doc)
}

/// `me.addRecentItem`: unique across resources, as actions are identified by both.
fn operation_id(action: &Action) -> String {
    action.id()
}

/// `API release 1.26.2 (Me), 1.24.5 (the other resources)`-like: each release and its resources.
fn releases(model: &ApiModel) -> String {
    let mut by_release: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for resource in &model.resources {
        by_release
            .entry(&resource.api_version)
            .or_default()
            .push(&resource.name);
    }
    if by_release.len() <= 1 {
        return format!("API release {}", model.api_version);
    }
    let parts: Vec<String> = by_release
        .iter()
        .rev()
        .map(|(release, names)| format!("{release} for {}", names.join(", ")))
        .collect();
    format!("API releases {}", parts.join("; "))
}

/// The document as pretty-printed JSON ending with a newline: the content of `spec/generated/openapi.json`.
pub fn to_json(model: &ApiModel) -> Result<String, OpenApiError> {
    let mut text = serde_json::to_string_pretty(&document(model)?).expect("JSON values serialize");
    text.push('\n');
    Ok(text)
}

fn operation(
    model: &ApiModel,
    names: &schema::ComponentNames,
    action: &Action,
) -> Result<Value, OpenApiError> {
    check_path_params(action)?;
    let scope_list = action
        .scopes
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let description = if !action.token_required {
        format!(
            "{}.\n\nNeeds no API access token.",
            action.description.trim_end_matches('.')
        )
    } else if action.scopes.is_empty() {
        format!(
            "{}.\n\nRequires an API access token.",
            action.description.trim_end_matches('.')
        )
    } else {
        format!(
            "{}.\n\nRequires a token with at least one of the scopes {scope_list}.",
            action.description.trim_end_matches('.')
        )
    };

    let mut op = Map::new();
    op.insert("operationId".into(), json!(operation_id(action)));
    op.insert("summary".into(), json!(action.title));
    op.insert("description".into(), json!(description));
    let tag = model
        .resource(&action.resource)
        .map_or(action.resource.as_str(), |r| r.name.as_str());
    op.insert("tags".into(), json!([tag]));

    let parameters = action
        .params
        .iter()
        .filter(|p| !matches!(p.location, Location::Body | Location::Multipart))
        .map(|p| parameter(model, names, action, p))
        .collect::<Result<Vec<_>, _>>()?;
    if !parameters.is_empty() {
        op.insert("parameters".into(), Value::Array(parameters));
    }
    if let Some(body) = action.body() {
        op.insert(
            "requestBody".into(),
            request_body(model, names, action, body)?,
        );
    } else if action.params_in(Location::Multipart).next().is_some() {
        op.insert("requestBody".into(), multipart_body(names, action)?);
    }
    op.insert("responses".into(), responses(names, action)?);
    // Alternatives of one requirement each: any one scope is enough.
    let security: Vec<Value> = action
        .scopes
        .iter()
        .map(|scope| json!({ SECURITY_SCHEME: [scope] }))
        .collect();
    op.insert(
        "security".into(),
        if !action.token_required {
            // An empty list: this operation needs no security at all.
            json!([])
        } else if security.is_empty() {
            json!([{ SECURITY_SCHEME: [] }])
        } else {
            Value::Array(security)
        },
    );
    op.insert("x-wegnology-scopes".into(), json!(action.scopes));
    op.insert(
        "x-wegnology-sources".into(),
        Value::Array(
            action
                .sources
                .iter()
                .map(|s| json!(format!("{}:{}", s.file, s.line)))
                .collect(),
        ),
    );
    let notes: Vec<Value> = model
        .diagnostics
        .iter()
        .filter(|d| {
            d.action.as_deref() == Some(action.title.as_str())
                && d.resource.as_ref().is_none_or(|r| r == &action.resource)
        })
        .map(diagnostic_note)
        .collect();
    if !notes.is_empty() {
        op.insert("x-wegnology-diagnostics".into(), Value::Array(notes));
    }
    Ok(Value::Object(op))
}

fn check_path_params(action: &Action) -> Result<(), OpenApiError> {
    let placeholders: Vec<&str> = action
        .path
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    for param in action.params_in(Location::Path) {
        if !placeholders.contains(&param.name.as_str()) {
            return Err(OpenApiError::PathParamNotInPath {
                action: action.title.clone(),
                path: action.path.clone(),
                param: param.name.clone(),
            });
        }
    }
    for placeholder in placeholders {
        if !action
            .params_in(Location::Path)
            .any(|p| p.name == placeholder)
        {
            return Err(OpenApiError::PlaceholderWithoutParam {
                action: action.title.clone(),
                path: action.path.clone(),
                placeholder: placeholder.to_owned(),
            });
        }
    }
    Ok(())
}

fn parameter(
    model: &ApiModel,
    names: &schema::ComponentNames,
    action: &Action,
    param: &Param,
) -> Result<Value, OpenApiError> {
    let location = match param.location {
        Location::Path => "path",
        Location::Query | Location::QueryJson => "query",
        Location::Header => "header",
        Location::Body | Location::Multipart => {
            unreachable!("body and multipart parameters are the request body")
        }
    };
    let used_by = || format!("parameter `{}` of `{}`", param.name, action.title);
    let mut value_schema = param_schema(names, &param.ty, &used_by)?;
    if let Some(default) = &param.default {
        value_schema.insert("default".into(), typed_literal(&param.ty, default));
    }
    let mut out = Map::new();
    out.insert("name".into(), json!(param.name));
    out.insert("in".into(), json!(location));
    out.insert("description".into(), json!(param.description));
    // OpenAPI requires `required: true` on path parameters, whatever a document says.
    out.insert(
        "required".into(),
        json!(param.required || param.location == Location::Path),
    );
    match &param.ty {
        // A JSON-text value: OpenAPI says so with `content`, not `schema`.
        _ if param.location == Location::QueryJson => {
            out.insert(
                "content".into(),
                json!({ "application/json": { "schema": value_schema } }),
            );
        }
        // A schema value in the query otherwise travels flattened (`name[key]=v`).
        ParamType::Schema { .. } => {
            out.insert(
                "content".into(),
                json!({ "application/json": { "schema": value_schema } }),
            );
        }
        // `name[0]=…&name[1]=…` is no OpenAPI style; the extension names it for tools.
        ParamType::Array { .. } => {
            out.insert("schema".into(), Value::Object(value_schema));
            out.insert(
                "x-wegnology-array-encoding".into(),
                json!(format!("{0}[0]=…&{0}[1]=…", param.name)),
            );
        }
        _ => {
            out.insert("schema".into(), Value::Object(value_schema));
        }
    }
    if let Some(example) = example_value(model, &param.ty, param.example.as_ref(), &used_by)? {
        // With `content`, the example belongs to the media type; a parameter may not have both.
        match out.get_mut("content") {
            Some(content) => {
                content["application/json"]["example"] = example;
            }
            None => {
                out.insert("example".into(), example);
            }
        }
    }
    out.insert(
        "x-wegnology-documented-type".into(),
        json!(param.documented_type),
    );
    Ok(Value::Object(out))
}

fn request_body(
    model: &ApiModel,
    names: &schema::ComponentNames,
    action: &Action,
    body: &Param,
) -> Result<Value, OpenApiError> {
    let used_by = || format!("body parameter `{}` of `{}`", body.name, action.title);
    let mut media = Map::new();
    media.insert(
        "schema".into(),
        Value::Object(param_schema(names, &body.ty, &used_by)?),
    );
    // The REST page's request example is what goes on the wire; the schema's example otherwise.
    let example = match &action.body_example {
        Some(example) => Some(example.clone()),
        None => example_value(model, &body.ty, body.example.as_ref(), &used_by)?,
    };
    if let Some(example) = example {
        media.insert("example".into(), example);
    }
    Ok(json!({
        "description": body.description,
        "required": body.required,
        "content": { "application/json": media },
        "x-wegnology-parameter": body.name,
        "x-wegnology-documented-type": body.documented_type,
    }))
}

/// A `multipart/form-data` body: one property per multipart parameter (files as binary).
fn multipart_body(names: &schema::ComponentNames, action: &Action) -> Result<Value, OpenApiError> {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for param in action.params_in(Location::Multipart) {
        let used_by = || format!("multipart parameter `{}` of `{}`", param.name, action.title);
        let mut schema = param_schema(names, &param.ty, &used_by)?;
        schema.insert("description".into(), json!(param.description));
        properties.insert(param.name.clone(), Value::Object(schema));
        if param.required {
            required.push(json!(param.name));
        }
    }
    let mut schema = json!({ "type": "object", "properties": properties });
    if !required.is_empty() {
        schema["required"] = Value::Array(required);
    }
    Ok(json!({
        "required": action.params_in(Location::Multipart).any(|p| p.required),
        "content": { "multipart/form-data": { "schema": schema } },
    }))
}

fn responses(names: &schema::ComponentNames, action: &Action) -> Result<Value, OpenApiError> {
    // Responses sharing a status are one entry: descriptions joined, bodies oneOf.
    let mut by_status: Vec<(u16, Vec<&Response>)> = Vec::new();
    for response in action.successes.iter().chain(&action.errors) {
        match by_status.iter_mut().find(|(s, _)| *s == response.status) {
            Some((_, list)) => list.push(response),
            None => by_status.push((response.status, vec![response])),
        }
    }
    let mut out = Map::new();
    for (status, list) in by_status {
        let mut refs = Vec::new();
        for response in &list {
            // `undefined`: a response without a body.
            let Some(anchor) = &response.schema else {
                continue;
            };
            let reference = names
                .reference(anchor)
                .ok_or_else(|| OpenApiError::UnknownSchema {
                    anchor: anchor.clone(),
                    used_by: format!("the {} response of `{}`", response.status, action.title),
                })?;
            if !refs.contains(&reference) {
                refs.push(reference);
            }
        }
        let description = list
            .iter()
            .map(|r| r.description.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        let entry = match refs.len() {
            0 => json!({ "description": description }),
            1 => json!({
                "description": description,
                "content": { "application/json": { "schema": refs.remove(0) } },
            }),
            _ => json!({
                "description": description,
                "content": { "application/json": { "schema": { "oneOf": refs } } },
            }),
        };
        out.insert(status.to_string(), entry);
    }
    Ok(Value::Object(out))
}

/// The JSON Schema of one parameter value.
fn param_schema(
    names: &schema::ComponentNames,
    ty: &ParamType,
    used_by: &dyn Fn() -> String,
) -> Result<Map<String, Value>, OpenApiError> {
    let value = match ty {
        ParamType::String => json!({ "type": "string" }),
        ParamType::Boolean => json!({ "type": "boolean" }),
        ParamType::Integer => json!({ "type": "integer" }),
        ParamType::Enum { values } => json!({ "type": "string", "enum": values }),
        ParamType::Schema { schema } => {
            names
                .reference(schema)
                .ok_or_else(|| OpenApiError::UnknownSchema {
                    anchor: schema.clone(),
                    used_by: used_by(),
                })?
        }
        ParamType::Array { items } => {
            json!({ "type": "array", "items": param_schema(names, items, used_by)? })
        }
        ParamType::File => {
            json!({ "type": "string", "contentMediaType": "application/octet-stream" })
        }
    };
    Ok(match value {
        Value::Object(map) => map,
        _ => unreachable!("schemas above are objects"),
    })
}

/// A documented literal (default or example, kept as text) as the JSON value of its type.
fn typed_literal(ty: &ParamType, text: &str) -> Value {
    match ty {
        ParamType::Boolean => match text {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => json!(text),
        },
        ParamType::Integer => text
            .parse::<i64>()
            .map_or_else(|_| json!(text), |n| json!(n)),
        ParamType::Schema { .. } => serde_json::from_str(text).unwrap_or_else(|_| json!(text)),
        // A JSON list as written, else comma-separated values of the item type.
        ParamType::Array { items } => match serde_json::from_str::<Value>(text) {
            Ok(list @ Value::Array(_)) => list,
            _ => Value::Array(
                text.split(',')
                    .map(|item| typed_literal(items, item.trim()))
                    .collect(),
            ),
        },
        ParamType::String | ParamType::Enum { .. } | ParamType::File => json!(text),
    }
}

fn example_value(
    model: &ApiModel,
    ty: &ParamType,
    example: Option<&ParamExample>,
    used_by: &dyn Fn() -> String,
) -> Result<Option<Value>, OpenApiError> {
    Ok(match example {
        None => None,
        Some(ParamExample::Literal(text)) => Some(typed_literal(ty, text)),
        Some(ParamExample::SchemaExample(anchor)) => {
            let named = model
                .schema(anchor)
                .ok_or_else(|| OpenApiError::UnknownSchema {
                    anchor: anchor.clone(),
                    used_by: used_by(),
                })?;
            named.example.clone()
        }
    })
}

/// The named schema a diagnostic of no action is about: the one whose text in `_schemas.md`
/// holds the diagnostic's line (schemas follow each other there, each from its source line on).
fn schema_of<'m>(model: &'m ApiModel, d: &Diagnostic) -> Option<&'m wegnology_model::Schema> {
    if d.action.is_some() {
        return None;
    }
    model
        .schemas
        .iter()
        .filter(|s| s.source.file == d.source.file && s.source.line <= d.source.line)
        .max_by_key(|s| s.source.line)
}

fn diagnostic_note(d: &Diagnostic) -> Value {
    let kind = serde_json::to_value(d.kind).expect("kinds serialize");
    json!({
        "kind": kind,
        "source": format!("{}:{}", d.source.file, d.source.line),
        "message": d.message,
        "kept": d.kept,
        "reason": d.reason,
    })
}
