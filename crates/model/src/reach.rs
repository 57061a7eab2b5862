//! Which named schemas a set of actions needs: those their parameters, examples and responses
//! link to, and, transitively, the named schemas nested inside those (a nested object carrying
//! a named schema's `title` is that schema).

use std::collections::BTreeSet;

use serde_json::Value;

use crate::{Action, ApiModel, ParamExample, ParamType};

/// The anchors of the schemas `actions` reach.
pub(crate) fn schemas<'m>(model: &'m ApiModel, actions: &[Action]) -> BTreeSet<&'m str> {
    let mut pending: Vec<&str> = Vec::new();
    for action in actions {
        for param in &action.params {
            collect_param_type(&param.ty, &mut pending);
            if let Some(ParamExample::SchemaExample(anchor)) = &param.example {
                pending.push(anchor);
            }
        }
        for response in action.successes.iter().chain(&action.errors) {
            if let Some(anchor) = &response.schema {
                pending.push(anchor);
            }
        }
    }
    from_anchors(model, pending)
}

/// The anchors of `pending` and of the named schemas nested in them, transitively.
pub(crate) fn from_anchors<'m: 'p, 'p>(
    model: &'m ApiModel,
    mut pending: Vec<&'p str>,
) -> BTreeSet<&'m str> {
    let mut reached = BTreeSet::new();
    while let Some(anchor) = pending.pop() {
        let Some(schema) = model.schema(anchor) else {
            continue;
        };
        if !reached.insert(schema.anchor.as_str()) {
            continue;
        }
        let mut titles = Vec::new();
        nested_titles(&schema.json_schema, true, &mut titles);
        for title in titles {
            if let Some(nested) = model.schema_by_title(title) {
                pending.push(&nested.anchor);
            }
        }
    }
    reached
}

fn collect_param_type<'a>(ty: &'a ParamType, out: &mut Vec<&'a str>) {
    match ty {
        ParamType::Schema { schema } => out.push(schema),
        ParamType::Array { items } => collect_param_type(items, out),
        _ => {}
    }
}

/// Every `title` keyword below the root of `schema` (the root's own title is the schema's).
fn nested_titles<'v>(schema: &'v Value, root: bool, out: &mut Vec<&'v str>) {
    match schema {
        Value::Object(map) => {
            if !root {
                if let Some(Value::String(title)) = map.get("title") {
                    out.push(title);
                }
            }
            for (key, value) in map {
                // `properties` maps names to schemas; a property named `title` is not a keyword.
                if key == "title" && value.is_string() {
                    continue;
                }
                nested_titles(value, false, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                nested_titles(item, false, out);
            }
        }
        _ => {}
    }
}
