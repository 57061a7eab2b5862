//! The draft-07 → OpenAPI 3.1 rules, each on a small model of its own (today's documents use
//! only some of them), and the errors for a model that cannot be exported.

use serde_json::{json, Value};
use wegnology_model::ApiModel;
use wegnology_openapi::{document, OpenApiError};

/// A model with one action (`GET /things/{thingId}`) and the given schemas (title, JSON Schema).
fn small_model(schemas: &[(&str, Value)]) -> ApiModel {
    let anchor = |title: &str| title.to_lowercase().replace(' ', "-");
    let schemas: Vec<Value> = schemas
        .iter()
        .map(|(title, schema)| {
            json!({
                "title": title, "anchor": anchor(title), "description": null,
                "json_schema": schema, "example": null,
                "source": { "file": "_schemas.md", "line": 1 }
            })
        })
        .collect();
    let first = anchor(schemas[0]["title"].as_str().unwrap());
    serde_json::from_value(json!({
        "api_version": "1.0.0", "base_url": "https://example.com",
        "resources": [{"name": "Thing", "camel_name": "thing", "snake_name": "thing", "path": "/things/{thingId}", "api_version": "1.0.0", "source": {"file": "x.md", "line": 1}}],
        "actions": [{
            "resource": "thing", "api_version": "1.0.0",
            "title": "Get Thing", "snake_name": "get_thing", "camel_name": "getThing",
            "description": "Gets a thing", "method": "GET", "path": "/things/{thingId}",
            "scopes": ["thing.get"],
            "params": [
                { "name": "thingId", "location": "path", "type": { "kind": "string" },
                  "documented_type": "string", "required": true, "description": "ID",
                  "default": null, "example": { "kind": "literal", "value": "abc" } },
                { "name": "limit", "location": "query", "type": { "kind": "integer" },
                  "documented_type": "string", "required": false, "description": "How many",
                  "default": "10", "example": { "kind": "literal", "value": "5" } }
            ],
            "body_example": null,
            "successes": [{ "status": 200, "schema": first, "description": "The thing" }],
            "errors": [],
            "sources": []
        }],
        "schemas": schemas,
        "diagnostics": [{
            "kind": "gap", "source": { "file": "me.md", "line": 3 }, "resource": "thing",
            "action": "Get Thing",
            "message": "m", "kept": "k", "reason": "r"
        }]
    }))
    .unwrap()
}

fn component(doc: &Value, name: &str) -> Value {
    doc["components"]["schemas"][name].clone()
}

#[test]
fn draft_07_keywords_become_their_2020_12_forms() {
    let model = small_model(&[(
        "Thing",
        json!({
            "$schema": "http://json-schema.org/draft-07/schema#",
            "$id": "http://example.com/thing",
            "type": "object",
            "definitions": { "part": { "type": "string" } },
            "properties": {
                "id": { "id": "old-style-id", "type": "string" },
                "part": { "$ref": "#/definitions/part", "minLength": 3, "description": "kept" },
                "self": { "$ref": "#" },
                "pair": { "type": "array", "items": [{ "type": "string" }, { "type": "integer" }],
                          "additionalItems": false },
                "list": { "type": "array", "items": { "type": "string" }, "additionalItems": false }
            },
            "dependencies": { "a": ["b"], "c": { "required": ["d"] } }
        }),
    )]);
    let doc = document(&model).unwrap();
    let thing = component(&doc, "Thing");
    assert_eq!(thing["title"], "Thing");
    assert!(thing.get("$schema").is_none() && thing.get("$id").is_none());
    assert_eq!(thing["$defs"], json!({ "part": { "type": "string" } }));
    assert!(thing.get("definitions").is_none());
    // A property named `id` stays; the draft-04 keyword `id` inside it goes.
    assert_eq!(thing["properties"]["id"], json!({ "type": "string" }));
    // `$ref` siblings were ignored by draft-07: only annotations stay.
    assert_eq!(
        thing["properties"]["part"],
        json!({ "$ref": "#/components/schemas/Thing/$defs/part", "description": "kept" })
    );
    assert_eq!(
        thing["properties"]["self"],
        json!({ "$ref": "#/components/schemas/Thing" })
    );
    assert_eq!(
        thing["properties"]["pair"],
        json!({ "type": "array", "prefixItems": [{ "type": "string" }, { "type": "integer" }],
                "items": false })
    );
    assert_eq!(
        thing["properties"]["list"],
        json!({ "type": "array", "items": { "type": "string" } })
    );
    assert_eq!(thing["dependentRequired"], json!({ "a": ["b"] }));
    assert_eq!(
        thing["dependentSchemas"],
        json!({ "c": { "required": ["d"] } })
    );
}

#[test]
fn a_nested_copy_of_a_named_schema_is_a_reference_and_a_link_resolves() {
    let part = json!({ "type": "object", "properties": { "n": { "type": "integer" } } });
    let mut copy = part.clone();
    copy["title"] = json!("Part");
    copy["description"] = json!("the part");
    let mut different = part.clone();
    different["title"] = json!("Part");
    different["properties"]["m"] = json!({ "type": "string" });
    let model = small_model(&[
        (
            "Whole",
            json!({ "type": "object", "properties": {
                "part": copy, "other": different,
                "linked": { "$ref": "_schemas.md#part" }
            }}),
        ),
        ("Part", part),
    ]);
    let doc = document(&model).unwrap();
    let whole = component(&doc, "Whole");
    assert_eq!(
        whole["properties"]["part"],
        json!({ "$ref": "#/components/schemas/Part", "description": "the part" })
    );
    // A titled copy that differs from the named schema stays inline.
    assert_eq!(
        whole["properties"]["other"]["properties"]["m"]["type"],
        "string"
    );
    assert_eq!(
        whole["properties"]["linked"],
        json!({ "$ref": "#/components/schemas/Part" })
    );
}

#[test]
fn a_definition_the_schema_lacks_is_the_component_whose_title_reads_as_it() {
    let query = json!({ "type": "object", "properties": {
        "$and": { "type": "array", "items": { "$ref": "#/definitions/advancedFlowQuery" } }
    }});
    let model = small_model(&[
        (
            "Export",
            json!({ "type": "object", "properties": {
                "query": { "$ref": "#/definitions/advancedFlowQuery" }
            }}),
        ),
        ("Advanced Workflow Query", query),
    ]);
    let doc = document(&model).unwrap();
    let to_query = json!({ "$ref": "#/components/schemas/AdvancedWorkflowQuery" });
    assert_eq!(component(&doc, "Export")["properties"]["query"], to_query);
    assert_eq!(
        component(&doc, "AdvancedWorkflowQuery")["properties"]["$and"]["items"],
        to_query
    );

    let model = small_model(&[(
        "Thing",
        json!({ "properties": { "x": { "$ref": "#/definitions/nothingOfThatName" } } }),
    )]);
    match document(&model).unwrap_err() {
        OpenApiError::UnresolvableRef {
            schema, reference, ..
        } => assert_eq!(
            (schema.as_str(), reference.as_str()),
            ("Thing", "#/definitions/nothingOfThatName")
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn parameters_keep_location_type_default_example_and_the_operation_its_notes() {
    let model = small_model(&[("Thing", json!({ "type": "object" }))]);
    let doc = document(&model).unwrap();
    let op = &doc["paths"]["/things/{thingId}"]["get"];
    assert_eq!(op["operationId"], "thing.getThing");
    assert_eq!(
        op["parameters"][1],
        json!({
            "name": "limit", "in": "query", "description": "How many", "required": false,
            "schema": { "type": "integer", "default": 10 }, "example": 5,
            "x-wegnology-documented-type": "string"
        })
    );
    assert_eq!(op["parameters"][0]["in"], "path");
    assert_eq!(op["security"], json!([{ "bearerAuth": ["thing.get"] }]));
    assert_eq!(op["x-wegnology-scopes"], json!(["thing.get"]));
    assert!(op["description"]
        .as_str()
        .unwrap()
        .ends_with("at least one of the scopes `thing.get`."));
    assert_eq!(op["x-wegnology-diagnostics"][0]["source"], "me.md:3");
    assert_eq!(
        op["responses"]["200"]["content"]["application/json"]["schema"],
        json!({ "$ref": "#/components/schemas/Thing" })
    );
}

#[test]
fn a_model_that_cannot_be_exported_is_an_error_naming_what_is_wrong() {
    let mut model = small_model(&[("Thing", json!({ "type": "object" }))]);
    model.actions[0].successes[0].schema = Some("nowhere".into());
    assert_eq!(
        document(&model).unwrap_err(),
        OpenApiError::UnknownSchema {
            anchor: "nowhere".into(),
            used_by: "the 200 response of `Get Thing`".into()
        }
    );

    let mut model = small_model(&[("Thing", json!({ "type": "object" }))]);
    let mut twin = model.actions[0].clone();
    twin.title = "Get Thing Again".into();
    twin.camel_name = "getThingAgain".into();
    model.actions.push(twin);
    let error = document(&model).unwrap_err();
    assert_eq!(
        error.to_string(),
        "actions `Get Thing` and `Get Thing Again` are both GET /things/{thingId}"
    );

    let mut model = small_model(&[("Thing", json!({ "type": "object" }))]);
    model.actions[0].path = "/things".into();
    assert!(matches!(
        document(&model).unwrap_err(),
        OpenApiError::PathParamNotInPath { .. }
    ));

    let model = small_model(&[(
        "Thing",
        json!({ "properties": { "x": { "$ref": "other.json#/a" } } }),
    )]);
    assert!(matches!(
        document(&model).unwrap_err(),
        OpenApiError::UnresolvableRef { .. }
    ));
}

#[test]
fn token_free_actions_array_and_schema_parameters() {
    let mut model = small_model(&[("Thing", json!({ "type": "object" }))]);
    model.actions[0].token_required = false;
    model.actions[0].scopes.clear();
    model.actions[0].params[1].ty =
        serde_json::from_value(json!({ "kind": "array", "items": { "kind": "integer" } })).unwrap();
    model.actions[0].params[1].default = Some("1,2".into());
    let mut filter = model.actions[0].params[1].clone();
    filter.name = "filter".into();
    filter.ty = serde_json::from_value(json!({ "kind": "schema", "schema": "thing" })).unwrap();
    filter.default = None;
    filter.example =
        Some(serde_json::from_value(json!({ "kind": "literal", "value": "{\"n\":1}" })).unwrap());
    model.actions[0].params.push(filter);

    let doc = document(&model).unwrap();
    let op = &doc["paths"]["/things/{thingId}"]["get"];
    assert_eq!(op["security"], json!([]));
    assert!(op["description"]
        .as_str()
        .unwrap()
        .ends_with("Needs no API access token."));
    assert_eq!(
        op["parameters"][1]["schema"],
        json!({ "type": "array", "items": { "type": "integer" }, "default": [1, 2] })
    );
    assert_eq!(
        op["parameters"][1]["x-wegnology-array-encoding"],
        "limit[0]=…&limit[1]=…"
    );
    assert_eq!(
        op["parameters"][2]["content"],
        json!({ "application/json": {
            "schema": { "$ref": "#/components/schemas/Thing" }, "example": { "n": 1 }
        } })
    );
    // OpenAPI allows no `schema` nor `example` beside `content`.
    assert!(op["parameters"][2].get("schema").is_none());
    assert!(op["parameters"][2].get("example").is_none());
}

#[test]
fn a_diagnostic_of_no_action_goes_to_the_schema_whose_text_holds_it_else_to_the_document() {
    let mut model = small_model(&[
        ("Thing", json!({ "type": "object" })),
        ("Other", json!({ "type": "object" })),
    ]);
    model.schemas[1].source.line = 10;
    let note = |file: &str, line: usize| -> wegnology_model::Diagnostic {
        serde_json::from_value(json!({
            "kind": "repair", "source": { "file": file, "line": line }, "action": null,
            "message": format!("at {file}:{line}"), "kept": "k", "reason": "r"
        }))
        .unwrap()
    };
    model.diagnostics.push(note("_schemas.md", 12));
    model.diagnostics.push(note("_schemas.md", 4));
    model.diagnostics.push(note("me.md", 12));
    let doc = document(&model).unwrap();
    let messages = |value: &Value| -> Vec<String> {
        value["x-wegnology-diagnostics"]
            .as_array()
            .map(|notes| {
                notes
                    .iter()
                    .map(|n| n["message"].as_str().unwrap().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(messages(&component(&doc, "Other")), ["at _schemas.md:12"]);
    assert_eq!(messages(&component(&doc, "Thing")), ["at _schemas.md:4"]);
    assert_eq!(messages(&doc), ["at me.md:12"]);
}
