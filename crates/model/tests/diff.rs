//! The marks of `diff` on a small model, one rule at a time.

use serde_json::json;
use wegnology_model::diff::{diff, report, ChangeKind, Impact};
use wegnology_model::ApiModel;

fn model(params: serde_json::Value, schema: serde_json::Value) -> ApiModel {
    serde_json::from_value(json!({
        "api_version": "1.0.0", "base_url": "https://example.test",
        "resources": [{"name": "Me", "camel_name": "me", "snake_name": "me", "path": "/me", "api_version": "1.0.0", "source": {"file": "x.md", "line": 1}}],
        "actions": [{
            "resource": "me", "api_version": "1.0.0",
            "title": "Get", "snake_name": "get", "camel_name": "get", "description": "Gets",
            "method": "GET", "path": "/me", "scopes": ["me.get"], "params": params,
            "body_example": null,
            "successes": [{"status": 200, "schema": "me", "description": "ok"}],
            "errors": [], "sources": []
        }],
        "schemas": [{"title": "Me", "anchor": "me", "description": null, "json_schema": schema,
                     "example": null, "source": {"file": "_schemas.md", "line": 1}}],
        "diagnostics": []
    }))
    .unwrap()
}

fn param(name: &str, location: &str, ty: &str, required: bool) -> serde_json::Value {
    json!({"name": name, "location": location, "type": {"kind": ty}, "documented_type": ty,
           "required": required, "description": "", "default": null, "example": null})
}

fn changes(old: &ApiModel, new: &ApiModel) -> Vec<(ChangeKind, Impact)> {
    diff(old, new)
        .into_iter()
        .map(|c| (c.kind, c.impact))
        .collect()
}

#[test]
fn parameter_changes() {
    let schema = json!({"type": "object"});
    let old = model(
        json!([
            param("a", "query", "string", false),
            param("b", "query", "string", false)
        ]),
        schema.clone(),
    );
    let cases = [
        (
            json!([
                param("a", "query", "string", false),
                param("b", "query", "string", false),
                param("c", "query", "string", false)
            ]),
            (ChangeKind::ParamAdded, Impact::Compatible),
        ),
        (
            json!([
                param("a", "query", "string", false),
                param("b", "query", "string", false),
                param("c", "query", "string", true)
            ]),
            (ChangeKind::ParamAdded, Impact::Breaking),
        ),
        (
            json!([param("a", "query", "string", false)]),
            (ChangeKind::ParamRemoved, Impact::Breaking),
        ),
        (
            json!([
                param("a", "header", "string", false),
                param("b", "query", "string", false)
            ]),
            (ChangeKind::ParamMoved, Impact::Compatible),
        ),
        (
            json!([
                param("a", "path", "string", false),
                param("b", "query", "string", false)
            ]),
            (ChangeKind::ParamMoved, Impact::Breaking),
        ),
        (
            json!([
                param("a", "query", "string", true),
                param("b", "query", "string", false)
            ]),
            (ChangeKind::ParamRequiredChanged, Impact::Breaking),
        ),
        (
            json!([
                param("a", "query", "boolean", false),
                param("b", "query", "string", false)
            ]),
            (ChangeKind::ParamTypeChanged, Impact::Breaking),
        ),
    ];
    for (params, expected) in cases {
        let new = model(params.clone(), schema.clone());
        assert_eq!(changes(&old, &new), [expected], "{params}");
    }
    assert!(diff(&old, &old).is_empty());
    assert_eq!(report(&[]), "no change\n");
}

#[test]
fn schema_property_changes() {
    let old = model(
        json!([]),
        json!({"type": "object", "required": ["id"], "properties": {
            "id": {"type": "string"},
            "summary": {"type": "object", "properties": {"count": {"type": "integer"}}}
        }}),
    );
    let new = model(
        json!([]),
        json!({"type": "object", "required": ["id", "name"], "properties": {
            "id": {"type": "number"},
            "name": {"type": "string"},
            "tags": {"type": "array", "items": {"type": "object", "properties": {"key": {"type": "string"}}}},
            "summary": {"type": "object", "required": ["count"], "properties": {"count": {"type": "integer"}}}
        }}),
    );
    let found: Vec<(ChangeKind, Impact, String)> = diff(&old, &new)
        .into_iter()
        .map(|c| (c.kind, c.impact, c.detail))
        .collect();
    assert_eq!(
        found,
        [
            (
                ChangeKind::PropertyTypeChanged,
                Impact::Breaking,
                "property `id` type string → number".to_string()
            ),
            (
                ChangeKind::PropertyRequiredChanged,
                Impact::Breaking,
                "property `summary.count` is now required".to_string()
            ),
            (
                ChangeKind::PropertyAdded,
                Impact::Breaking,
                "property `name` added: required string".to_string()
            ),
            // The properties of an added property are part of it.
            (
                ChangeKind::PropertyAdded,
                Impact::Compatible,
                "property `tags` added: optional array of object".to_string()
            ),
        ]
    );
}

#[test]
fn line_numbers_do_not_make_a_diagnostic_new() {
    let mut old = model(json!([]), json!({"type": "object"}));
    old.diagnostics = serde_json::from_value(json!([{"kind": "gap", "source": {"file": "me.md", "line": 10},
        "action": "Get", "message": "only rest-api-me.txt (line 15) says so", "kept": "x", "reason": "y"}])).unwrap();
    let mut new = old.clone();
    new.diagnostics[0].source.line = 12;
    new.diagnostics[0].message = "only rest-api-me.txt (line 17) says so".to_string();
    assert!(diff(&old, &new).is_empty());
    new.diagnostics[0].message = "something else (line 17)".to_string();
    assert_eq!(
        changes(&old, &new),
        [
            (ChangeKind::DiagnosticDisappeared, Impact::Compatible),
            (ChangeKind::DiagnosticAppeared, Impact::Compatible)
        ]
    );
}
