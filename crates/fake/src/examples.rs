//! Answers from the documents alone: a schema's documented example when it is valid against
//! the schema, else a minimal instance built from the schema (its required properties, the
//! first of its enums and branches, strings of its formats and patterns), so every action
//! answers something a client can decode.

use std::collections::HashMap;

use serde_json::{Map, Value};
use wegnology_model::ApiModel;

use crate::schemas::Schemas;

/// The date every generated `date-time` is, the documents' own example date.
pub(crate) const EXAMPLE_DATE: &str = "2016-06-13T04:00:00.000Z";

/// An id of the documents' examples' shape.
const EXAMPLE_ID: &str = "575ec8687ae143cd83dc4a97";

/// Deepest nesting a minimal instance is built to (recursive schemas stop there).
const MAX_DEPTH: usize = 24;

/// Each named schema's answer from the documents, by anchor.
#[derive(Debug, Default)]
pub(crate) struct Examples {
    by_anchor: HashMap<String, Value>,
}

impl Examples {
    /// The documented example of every named schema of `model` where it is valid, else a
    /// minimal instance of it.
    pub(crate) fn new(model: &ApiModel, schemas: &Schemas) -> Examples {
        let mut by_anchor = HashMap::new();
        for schema in &model.schemas {
            let documented = schema
                .example
                .clone()
                .filter(|example| schemas.check(&schema.anchor, example).is_ok());
            let value =
                documented.unwrap_or_else(|| minimal(&schema.json_schema, &schema.json_schema, 0));
            by_anchor.insert(schema.anchor.clone(), value);
        }
        Examples { by_anchor }
    }

    /// The answer of the schema with this anchor (`null` for an unknown one).
    pub(crate) fn of(&self, anchor: &str) -> Value {
        self.by_anchor.get(anchor).cloned().unwrap_or(Value::Null)
    }
}

/// A string for `schema` (format, pattern, length).
fn minimal_string(schema: &Value) -> Value {
    let by_format = match schema.get("format").and_then(Value::as_str) {
        Some("date-time") => Some(EXAMPLE_DATE),
        Some("date") => Some("2016-06-13"),
        Some("email") => Some("user@example.com"),
        Some("uri" | "url" | "uri-reference") => Some("https://example.com"),
        Some("hostname") => Some("example.com"),
        _ => None,
    };
    let min_length = schema.get("minLength").and_then(Value::as_u64).unwrap_or(0) as usize;
    let mut candidates: Vec<String> = by_format.map(str::to_string).into_iter().collect();
    candidates.extend(
        [
            EXAMPLE_ID,
            "example",
            "a",
            "0",
            "A",
            "example.com",
            "{{example}}",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    let fits = |text: &str| {
        text.chars().count() >= min_length
            && schema
                .get("maxLength")
                .and_then(Value::as_u64)
                .is_none_or(|max| text.chars().count() as u64 <= max)
            && schema
                .get("pattern")
                .and_then(Value::as_str)
                .is_none_or(|pattern| {
                    let check = serde_json::json!({"type": "string", "pattern": pattern});
                    jsonschema::is_valid(&check, &Value::from(text))
                })
    };
    let text = candidates
        .into_iter()
        .map(|candidate| {
            if candidate.chars().count() < min_length {
                format!(
                    "{candidate}{}",
                    "a".repeat(min_length - candidate.chars().count())
                )
            } else {
                candidate
            }
        })
        .find(|candidate| fits(candidate))
        .unwrap_or_else(|| "a".repeat(min_length.max(1)));
    Value::from(text)
}

/// A minimal instance of `schema` (within the document `root`, for its references).
pub(crate) fn minimal(schema: &Value, root: &Value, depth: usize) -> Value {
    let Some(members) = schema.as_object() else {
        return Value::Null;
    };
    if depth > MAX_DEPTH {
        return Value::Object(Map::new());
    }
    if let Some(value) = members.get("const") {
        return value.clone();
    }
    if let Some(first) = members
        .get("enum")
        .and_then(Value::as_array)
        .and_then(|v| v.first())
    {
        return first.clone();
    }
    if let Some(reference) = members.get("$ref").and_then(Value::as_str) {
        let target = reference
            .strip_prefix('#')
            .and_then(|pointer| root.pointer(pointer));
        return match target {
            Some(target) => minimal(target, root, depth + 1),
            None => Value::Object(Map::new()),
        };
    }
    for keyword in ["oneOf", "anyOf"] {
        if let Some(first) = members
            .get(keyword)
            .and_then(Value::as_array)
            .and_then(|v| v.first())
        {
            return minimal(first, root, depth + 1);
        }
    }
    if let Some(branches) = members.get("allOf").and_then(Value::as_array) {
        let mut merged = Map::new();
        for branch in branches {
            if let Value::Object(part) = minimal(branch, root, depth + 1) {
                merged.extend(part);
            }
        }
        return Value::Object(merged);
    }
    let ty = match members.get("type") {
        Some(Value::String(ty)) => ty.as_str(),
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|ty| *ty != "null")
            .unwrap_or("null"),
        _ if members.contains_key("properties") => "object",
        _ if members.contains_key("items") => "array",
        _ => "object",
    };
    match ty {
        "object" => {
            let mut object = Map::new();
            let properties = members.get("properties").and_then(Value::as_object);
            for name in members
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                let property = properties.and_then(|p| p.get(name)).unwrap_or(&Value::Null);
                let value = if property.is_null() {
                    Value::from(EXAMPLE_ID)
                } else {
                    minimal(property, root, depth + 1)
                };
                object.insert(name.to_string(), value);
            }
            Value::Object(object)
        }
        "array" => {
            let count = members.get("minItems").and_then(Value::as_u64).unwrap_or(0);
            let item = members.get("items").cloned().unwrap_or(Value::Null);
            Value::Array(
                (0..count.min(8))
                    .map(|_| minimal(&item, root, depth + 1))
                    .collect(),
            )
        }
        "string" => minimal_string(schema),
        "integer" | "number" => {
            let minimum = members
                .get("minimum")
                .or_else(|| members.get("exclusiveMinimum"))
                .and_then(Value::as_f64)
                .unwrap_or(0.0)
                .max(0.0)
                .ceil();
            Value::from(minimum as i64 + i64::from(members.contains_key("exclusiveMinimum")))
        }
        "boolean" => Value::Bool(false),
        _ => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn minimal_instances_satisfy_their_schema() {
        let schema = json!({
            "type": "object",
            "properties": {
                "id": {"type": "string", "pattern": "^[A-Fa-f\\d]{24}$"},
                "when": {"type": "string", "format": "date-time"},
                "name": {"type": "string", "minLength": 12},
                "kind": {"type": "string", "enum": ["x", "y"]},
                "count": {"type": "integer", "minimum": 3},
                "tags": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/tag"}},
                "either": {"oneOf": [{"type": "boolean"}, {"type": "null"}]},
                "optional": {"type": "string"}
            },
            "required": ["id", "when", "name", "kind", "count", "tags", "either"],
            "definitions": {"tag": {"type": "object", "properties": {"key": {"type": "string", "pattern": "^[0-9a-zA-Z_-]{1,255}$"}}, "required": ["key"]}}
        });
        let value = minimal(&schema, &schema, 0);
        assert!(jsonschema::is_valid(&schema, &value), "{value}");
        assert!(value.get("optional").is_none());
        // A recursive schema ends.
        let recursive =
            json!({"type": "object", "properties": {"next": {"$ref": "#"}}, "required": ["next"]});
        let value = minimal(&recursive, &recursive, 0);
        assert!(value.get("next").is_some());
    }
}
