//! The exported document parses back with a maintained OpenAPI 3.1 reader (`oas3`), and holds
//! every action, parameter and schema of the model. What "every" means is derived from the model
//! itself, so a republished document set changes what is expected, not this test.

use std::collections::BTreeSet;
use std::path::PathBuf;

use oas3::spec::{ObjectOrReference, ParameterIn};
use serde_json::Value;
use wegnology_model::{ApiModel, Location};

fn project_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn model() -> ApiModel {
    let text = std::fs::read_to_string(project_file("spec/generated/model.json")).unwrap();
    ApiModel::from_json(&text).unwrap()
}

fn location_name(location: ParameterIn) -> &'static str {
    match location {
        ParameterIn::Path => "path",
        ParameterIn::Query => "query",
        ParameterIn::Header => "header",
        ParameterIn::Cookie => "cookie",
    }
}

fn model_location(location: Location) -> &'static str {
    match location {
        Location::Path => "path",
        Location::Query | Location::QueryJson => "query",
        Location::Header => "header",
        Location::Body | Location::Multipart => "body",
    }
}

/// Everything of `model` that the OpenAPI document `text` lacks or gets wrong, one line each.
/// Empty when the document is complete.
fn missing(model: &ApiModel, text: &str) -> Vec<String> {
    let spec = match oas3::from_json(text) {
        Ok(spec) => spec,
        Err(error) => return vec![format!("does not parse as OpenAPI 3.1: {error}")],
    };
    let mut missing = Vec::new();
    if !spec.openapi.starts_with("3.1.") {
        missing.push(format!("version {} is not 3.1", spec.openapi));
    }

    // Component schemas: one per named schema, recognised by its title.
    let components = spec.components.clone().unwrap_or_default();
    let mut component_titles = BTreeSet::new();
    for (name, schema) in &components.schemas {
        match schema {
            ObjectOrReference::Object(object) => {
                component_titles.insert(object.title.clone().unwrap_or_default());
            }
            ObjectOrReference::Ref { .. } => missing.push(format!("schema {name} is a reference")),
        }
    }
    for schema in &model.schemas {
        if !component_titles.contains(&schema.title) {
            missing.push(format!("component schema `{}`", schema.title));
        }
    }
    // The title of the component a `$ref` names, if it resolves.
    let title_of = |schema: &Option<ObjectOrReference<oas3::spec::ObjectSchema>>| {
        schema
            .as_ref()
            .and_then(|s| s.resolve(&spec).ok())
            .and_then(|s| s.title)
    };

    for action in &model.actions {
        let Some((path, method, op)) = spec
            .operations()
            .find(|(_, _, op)| op.operation_id.as_deref() == Some(action.id().as_str()))
        else {
            missing.push(format!("operation `{}`", action.id()));
            continue;
        };
        if path != action.path || method.as_str() != action.method.as_str() {
            missing.push(format!(
                "`{}` at {} {}",
                action.camel_name,
                action.method.as_str(),
                action.path
            ));
        }
        let params: Vec<oas3::spec::Parameter> = op
            .parameters
            .iter()
            .filter_map(|p| p.resolve(&spec).ok())
            .collect();
        for param in &action.params {
            if param.location == Location::Body {
                let body = op.request_body.as_ref().and_then(|b| b.resolve(&spec).ok());
                let schema = body
                    .as_ref()
                    .and_then(|b| b.content.get("application/json"))
                    .map(|m| m.schema.clone());
                let expected = match &param.ty {
                    wegnology_model::ParamType::Schema { schema } => {
                        model.schema(schema).map(|s| s.title.clone())
                    }
                    _ => None,
                };
                if schema.is_none()
                    || (expected.is_some() && title_of(schema.as_ref().unwrap()) != expected)
                {
                    missing.push(format!(
                        "request body `{}` of `{}`",
                        param.name,
                        action.id()
                    ));
                }
                continue;
            }
            if param.location == Location::Multipart {
                let body = op.request_body.as_ref().and_then(|b| b.resolve(&spec).ok());
                let field = body
                    .as_ref()
                    .and_then(|b| b.content.get("multipart/form-data"))
                    .and_then(|m| m.schema.clone())
                    .and_then(|s| match s {
                        oas3::spec::ObjectOrReference::Object(oas3::spec::ObjectSchema {
                            properties,
                            ..
                        }) => properties.get(&param.name).cloned(),
                        _ => None,
                    });
                if field.is_none() {
                    missing.push(format!(
                        "multipart field `{}` of `{}`",
                        param.name,
                        action.id()
                    ));
                }
                continue;
            }
            let found = params.iter().find(|p| {
                p.name == param.name && location_name(p.location) == model_location(param.location)
            });
            match found {
                None => missing.push(format!(
                    "{} parameter `{}` of `{}`",
                    model_location(param.location),
                    param.name,
                    action.id()
                )),
                Some(p) => {
                    let required = param.required || param.location == Location::Path;
                    if p.required.unwrap_or(false) != required
                        || (p.schema.is_none() && p.content.is_none())
                    {
                        missing.push(format!(
                            "requiredness or type of `{}` of `{}`",
                            param.name,
                            action.id()
                        ));
                    }
                }
            }
        }
        let responses = op.responses.clone().unwrap_or_default();
        for response in action.successes.iter().chain(&action.errors) {
            let expected = response
                .schema
                .as_deref()
                .and_then(|anchor| model.schema(anchor))
                .map(|s| s.title.clone());
            let entry = responses
                .get(&response.status.to_string())
                .and_then(|r| r.resolve(&spec).ok());
            let found = entry
                .as_ref()
                .and_then(|r| r.content.get("application/json").cloned())
                .and_then(|m| title_of(&m.schema));
            // `undefined`: the response is documented, without a body.
            let bodiless =
                response.schema.is_none() && entry.as_ref().is_some_and(|r| r.content.is_empty());
            if !bodiless && (found.is_none() || found != expected) {
                missing.push(format!("{} response of `{}`", response.status, action.id()));
            }
        }
        let scopes = op.extensions.get("wegnology-scopes");
        if scopes != Some(&serde_json::json!(action.scopes)) {
            missing.push(format!("scopes of `{}`", action.id()));
        }
        let alternatives: BTreeSet<&String> = op
            .security
            .iter()
            .flat_map(|requirement| requirement.0.get("bearerAuth"))
            .flatten()
            .collect();
        let expected: BTreeSet<&String> = if action.token_required {
            action.scopes.iter().collect()
        } else {
            BTreeSet::new()
        };
        if alternatives != expected || (!action.token_required && !op.security.is_empty()) {
            missing.push(format!("security of `{}`", action.id()));
        }
        let notes = op
            .extensions
            .get("wegnology-diagnostics")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        let expected_notes = model
            .diagnostics
            .iter()
            .filter(|d| {
                d.action.as_deref() == Some(action.title.as_str())
                    && d.resource.as_deref() == Some(action.resource.as_str())
            })
            .count();
        if notes != expected_notes {
            missing.push(format!(
                "{expected_notes} diagnostics of `{}` (found {notes})",
                action.id()
            ));
        }
    }
    let operations = spec.operations().count();
    if operations != model.actions.len() {
        missing.push(format!(
            "{} operations, not {operations}",
            model.actions.len()
        ));
    }
    missing.extend(dangling_references(text));
    missing
}

/// Every `$ref` of the document `text` that does not point at a part of it, one line each.
fn dangling_references(text: &str) -> Vec<String> {
    fn walk(doc: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
        match value {
            Value::Object(members) => {
                if let Some(Value::String(reference)) = members.get("$ref") {
                    let resolves = reference
                        .strip_prefix('#')
                        .is_some_and(|pointer| doc.pointer(pointer).is_some());
                    if !resolves {
                        out.push(format!("reference `{reference}` at `{at}` points nowhere"));
                    }
                }
                for (key, child) in members {
                    let key = key.replace('~', "~0").replace('/', "~1");
                    walk(doc, child, &format!("{at}/{key}"), out);
                }
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate() {
                    walk(doc, child, &format!("{at}/{index}"), out);
                }
            }
            _ => {}
        }
    }
    let doc: Value = match serde_json::from_str(text) {
        Ok(doc) => doc,
        Err(error) => return vec![format!("is not JSON: {error}")],
    };
    let mut out = Vec::new();
    walk(&doc, &doc, "", &mut out);
    out
}

#[test]
fn the_export_parses_back_with_every_operation_parameter_and_schema() {
    let model = model();
    let text = wegnology_openapi::to_json(&model).unwrap();
    assert_eq!(missing(&model, &text), Vec::<String>::new());

    let spec = oas3::from_json(&text).unwrap();
    assert_eq!(spec.operations().count(), model.actions.len());
    assert_eq!(spec.components.unwrap().schemas.len(), model.schemas.len());
}

/// Removes `pointer`'s last segment from its parent object.
fn without(text: &str, pointer: &str) -> String {
    let mut doc: Value = serde_json::from_str(text).unwrap();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let key = key.replace("~1", "/");
    let removed = match doc.pointer_mut(parent).unwrap() {
        Value::Object(map) => map.shift_remove(&key).is_some(),
        Value::Array(list) => {
            list.remove(key.parse().unwrap());
            true
        }
        _ => false,
    };
    assert!(removed, "{pointer} is in the export");
    serde_json::to_string_pretty(&doc).unwrap()
}

#[test]
fn the_check_names_an_operation_schema_or_parameter_that_is_missing() {
    let model = model();
    let text = wegnology_openapi::to_json(&model).unwrap();

    let first = &model.actions[0];
    let pointer = format!(
        "/paths/{}/{}",
        first.path.replace('/', "~1"),
        first.method.as_str().to_ascii_lowercase()
    );
    let found = missing(&model, &without(&text, &pointer));
    assert!(
        found.contains(&format!("operation `{}`", first.id())),
        "{found:?}"
    );

    let doc: Value = serde_json::from_str(&text).unwrap();
    let (name, _) = doc["components"]["schemas"]
        .as_object()
        .unwrap()
        .iter()
        .find(|(_, s)| s["title"] == model.schemas[3].title)
        .unwrap();
    let found = missing(
        &model,
        &without(&text, &format!("/components/schemas/{name}")),
    );
    assert!(
        found.contains(&format!("component schema `{}`", model.schemas[3].title)),
        "{found:?}"
    );
    // A reference whose target is not in the document.
    let broken = text.replacen(
        "\"$ref\": \"#/components/schemas/",
        "\"$ref\": \"#/components/schemas/Nowhere",
        1,
    );
    assert_ne!(broken, text, "the export has a reference to a component");
    let found = missing(&model, &broken);
    assert!(
        found.iter().any(
            |line| line.starts_with("reference `#/components/schemas/Nowhere")
                && line.ends_with("points nowhere")
        ),
        "{found:?}"
    );

    // A query parameter of the first action that has one.
    let (action, param) = model
        .actions
        .iter()
        .find_map(|a| a.params_in(Location::Query).next().map(|p| (a, p)))
        .unwrap();
    let operation = format!(
        "/paths/{}/{}",
        action.path.replace('/', "~1"),
        action.method.as_str().to_ascii_lowercase()
    );
    let index = doc
        .pointer(&format!("{operation}/parameters"))
        .and_then(Value::as_array)
        .unwrap()
        .iter()
        .position(|p| p["name"] == param.name.as_str())
        .unwrap();
    let found = missing(
        &model,
        &without(&text, &format!("{operation}/parameters/{index}")),
    );
    assert!(
        found.contains(&format!(
            "query parameter `{}` of `{}`",
            param.name,
            action.id()
        )),
        "{found:?}"
    );
}

#[test]
fn the_committed_openapi_json_is_what_the_model_exports_byte_for_byte() {
    let model = model();
    let text = wegnology_openapi::to_json(&model).unwrap();
    assert_eq!(text, wegnology_openapi::to_json(&model).unwrap());
    let committed = std::fs::read_to_string(project_file("spec/generated/openapi.json")).unwrap();
    assert!(
        committed == text,
        "spec/generated/openapi.json is stale: run `cargo xtask regen`"
    );
}
