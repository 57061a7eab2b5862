//! The generator on small hand-made models: each test is one rule of what Rust a schema or an
//! action becomes, including names the Me documents do not contain.

use serde_json::{json, Value};
use wegnology_model::ApiModel;

/// A model of one resource `Thing` with these schemas and actions (JSON forms of the model types).
fn model(schemas: Value, actions: Value) -> ApiModel {
    let source = json!({"file": "me/_schemas.md", "line": 1});
    let schemas: Vec<Value> = schemas
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            json!({
                "title": s["title"], "anchor": s["anchor"], "description": s.get("description"),
                "json_schema": s["json_schema"], "example": null, "source": source,
            })
        })
        .collect();
    serde_json::from_value(json!({
        "api_version": "2.0.1", "base_url": "https://api.example.com",
        "query_defaults": [
            {"name": "_actions", "value": "false"}, {"name": "_links", "value": "true"},
            {"name": "_embedded", "value": "true"}
        ],
        "resources": [{"name": "Thing", "camel_name": "thing", "snake_name": "thing", "path": "/things", "api_version": "2.0.1", "source": {"file": "x.md", "line": 1}}],
        "actions": actions, "schemas": schemas, "diagnostics": [],
    }))
    .unwrap()
}

fn action(snake: &str, method: &str, path: &str, params: Value) -> Value {
    json!({
        "resource": "thing", "api_version": "2.0.1",
        "title": snake, "snake_name": snake, "camel_name": snake, "description": "Does it",
        "method": method, "path": path, "scopes": ["all.Thing"], "params": params,
        "body_example": null,
        "successes": [{"status": 200, "schema": "success", "description": "Done"}],
        "errors": [{"status": 404, "schema": "success", "description": "Missing"}],
        "sources": [],
    })
}

fn param(name: &str, location: &str, ty: Value, required: bool) -> Value {
    json!({
        "name": name, "location": location, "type": ty, "documented_type": "string",
        "required": required, "description": "A value", "default": null, "example": null,
    })
}

fn success() -> Value {
    json!({"title": "Success", "anchor": "success", "json_schema": {
        "type": "object", "properties": {"success": {"type": "boolean"}}
    }})
}

/// The rendered code without whitespace, so checks do not depend on line breaking.
fn code(model: &ApiModel) -> String {
    compact(&wegnology_codegen::render(
        model,
        wegnology_codegen::Options::DOWNSTREAM,
    ))
}

/// `text` without whitespace and without the trailing commas the formatter adds to broken lists.
fn compact(text: &str) -> String {
    let text: String = text.split_whitespace().collect();
    text.replace(",>", ">").replace(",)", ")")
}

/// Asserts that `code` contains `expected` (whitespace aside).
#[track_caller]
fn assert_has(code: &str, expected: &str) {
    assert!(
        code.contains(&compact(expected)),
        "`{expected}` not in:\n{code}"
    );
}

#[test]
fn object_fields_are_renamed_optional_unless_required_and_keep_their_docs() {
    let m = model(
        json!([{"title": "Widget Info", "anchor": "widget-info", "description": "A widget.",
        "json_schema": {"type": "object", "required": ["widgetId"], "properties": {
            "widgetId": {"type": "string", "description": "The id"},
            "type": {"type": "integer"},
            "createdAt": {"type": "string", "format": "date-time"},
            "self": {"type": "number"},
            "2fa": {"type": "boolean"},
            "title": {"type": "string"},
        }}}]),
        json!([]),
    );
    let code = code(&m);
    assert_has(&code, "/// A widget.");
    assert_has(&code, "pub struct WidgetInfo {");
    assert_has(&code, "/// The id (`widgetId`) #[serde(rename = \"widgetId\")] pub widget_id: ::std::string::String,");
    // A raw identifier is its wire name to serde: no rename.
    assert_has(&code, "/// `type` #[serde(skip_serializing_if = \"Option::is_none\")] pub r#type: ::std::option::Option<i64>,");
    assert_has(
        &code,
        "/// `title` #[serde(skip_serializing_if = \"Option::is_none\")] pub title:",
    );
    assert_has(
        &code,
        "#[serde(rename = \"createdAt\", skip_serializing_if = \"Option::is_none\")]",
    );
    assert_has(
        &code,
        "pub created_at: ::std::option::Option<::chrono::DateTime<::chrono::Utc>>,",
    );
    // Names no identifier can take become legal ones; the wire name stays in the rename.
    assert_has(
        &code,
        "#[serde(rename = \"self\", skip_serializing_if = \"Option::is_none\")] pub self_:",
    );
    assert_has(
        &code,
        "#[serde(rename = \"2fa\", skip_serializing_if = \"Option::is_none\")] pub _2fa:",
    );
}

#[test]
fn string_enums_keep_unknown_values_and_are_named_by_their_place() {
    let m = model(
        json!([
            {"title": "A", "anchor": "a", "json_schema": {"type": "object", "properties": {
                "color": {"type": "string", "enum": ["red", "dark-blue", "Dark_Blue", "7"]},
            }}},
            {"title": "B", "anchor": "b", "json_schema": {"type": "object", "properties": {
                "shade": {"type": "string", "enum": ["red", "dark-blue", "Dark_Blue", "7"]},
                "color": {"type": "string", "enum": ["green"]},
            }}},
        ]),
        json!([]),
    );
    let code = code(&m);
    // The runtime's `string_enum!` makes the enum (its `Unknown` fallback, serde, `as_str`,
    // `Display`); the generated code gives each variant's name and wire value.
    assert_has(
        &code,
        "::wegnology::string_enum! { AColor { Red => \"red\", DarkBlue => \"dark-blue\", \
         DarkBlue2 => \"Dark_Blue\", V7 => \"7\" } }",
    );
    assert!(!code.contains("pubenum"), "{code}");
    // Each enum is named by its owner and property, whatever other schemas hold: the same
    // values elsewhere are another type, and the same property name of another schema too,
    // so adding a schema never renames one.
    assert_has(&code, "pub shade: ::std::option::Option<BShade>,");
    assert_has(
        &code,
        "::wegnology::string_enum! { BColor { Green => \"green\" } }",
    );
    assert_has(&code, "pub color: ::std::option::Option<BColor>,");
    assert!(!code.contains("Color2"), "{code}");
}

#[test]
fn maps_nested_objects_and_titled_copies() {
    let m = model(
        json!([
            {"title": "Stats", "anchor": "stats", "json_schema": {"type": "object",
                "patternProperties": {".*": {"type": "number"}}}},
            {"title": "Report", "anchor": "report", "json_schema": {"type": "object", "properties": {
                "totals": {"title": "Stats", "type": "object", "patternProperties": {".*": {"type": "number"}}},
                "window": {"type": "object", "properties": {"days": {"type": "integer"}}},
                "rows": {"type": "array", "items": {"type": "object", "properties": {"n": {"type": "integer"}}}},
                "tags": {"type": "object", "patternProperties": {"^[a-z]+$": {"type": "string"}}},
                "anything": {},
            }}},
        ]),
        json!([]),
    );
    let code = code(&m);
    // A named schema that is only a map is an alias of the map, not an empty struct.
    assert_has(
        &code,
        "pub type Stats = ::std::collections::BTreeMap<::std::string::String, f64>;",
    );
    assert_has(&code, "pub totals: ::std::option::Option<Stats>,");
    assert_has(&code, "pub window: ::std::option::Option<ReportWindow>,");
    assert_has(&code, "/// The `window` value of [`Report`]. #[derive");
    assert_has(&code, "pub struct ReportWindow {");
    assert_has(
        &code,
        "/// An item of the `rows` array of [`Report`]. #[derive",
    );
    assert_has(
        &code,
        "pub rows: ::std::option::Option<::std::vec::Vec<ReportRowsItem>>,",
    );
    assert_has(&code, "pub tags: ::std::option::Option<::std::collections::BTreeMap<::std::string::String, ::std::string::String>>,");
    assert_has(
        &code,
        "pub anything: ::std::option::Option<::serde_json::Value>,",
    );
}

#[test]
fn secrets_are_secret_wherever_they_are() {
    let m = model(
        json!([{"title": "Login", "anchor": "login", "json_schema": {"type": "object",
        "required": ["password"], "properties": {
            "password": {"type": "string"},
            "token": {"type": "string"},
            "email": {"type": "string"},
        }}}]),
        json!([]),
    );
    let code = code(&m);
    assert_has(&code, "pub password: ::wegnology::runtime::Secret,");
    assert_has(
        &code,
        "pub token: ::std::option::Option<::wegnology::runtime::Secret>,",
    );
    assert_has(
        &code,
        "pub email: ::std::option::Option<::std::string::String>,",
    );
}

#[test]
fn actions_take_required_parameters_as_arguments_and_optional_ones_as_setters() {
    let m = model(
        json!([success()]),
        json!([action(
            "poke",
            "POST",
            "/things/{thingId}/poke",
            json!([
                param("thingId", "path", json!({"kind": "string"}), true),
                param(
                    "level",
                    "query",
                    json!({"kind": "enum", "values": ["low", "high"]}),
                    true
                ),
                param("count", "query", json!({"kind": "integer"}), false),
                param(
                    "data",
                    "body",
                    json!({"kind": "schema", "schema": "success"}),
                    true
                ),
                param("losantdomain", "header", json!({"kind": "string"}), false),
            ])
        )]),
    );
    let code = code(&m);
    // What every action of the API shares is one data item the runtime is given.
    assert_has(
        &code,
        "pub static API: ::wegnology::runtime::ApiFacts = ::wegnology::runtime::ApiFacts { \
         base_url: \"https://api.example.com\", accept_version: \"^2.0.1\", \
         query_defaults: &[(\"_actions\", \"false\"), (\"_links\", \"true\"), (\"_embedded\", \"true\")], \
         fixed_paths: &[], };",
    );
    assert_has(
        &code,
        "pub struct ThingApi<'a>(::wegnology::runtime::Handle<'a>);",
    );
    assert_has(
        &code,
        "pub fn new(client: &'a ::wegnology::Client) -> Self { \
         Self(::wegnology::runtime::Handle::new(client, &super::API)) }",
    );
    assert_has(&code, "pub fn poke( &self, thing_id: impl AsRef<str>, level: Level, data: super::types::Success, ) -> PokeRequest<'a> {");
    // The method builds the runtime request: method and path, the documented order of the
    // query parameters, the path's values (in one call), then the other required values in
    // order; the `Accept-Version` is the API's, not repeated per action.
    assert_has(
        &code,
        "PokeRequest( self.0.post(\"thing.poke\", \"/things/{thingId}/poke\") \
         .query_order(&[\"level\", \"count\"]) \
         .path_params(&[(\"thingId\", thing_id.as_ref())]) \
         .query(\"level\", level.as_str().to_string()) \
         .json_body(&data), )",
    );
    assert!(!code.contains("accept_version("), "{code}");
    assert_has(
        &code,
        "pub fn count(self, count: i64) -> Self { Self(self.0.query_int(\"count\", count)) }",
    );
    // `losantdomain`, which every action takes, is the runtime's setter: neither generated nor
    // listed per action.
    assert!(!code.contains("losantdomain"), "{code}");
    // What every request has comes from the runtime, the builder's type among it.
    assert_has(
        &code,
        "::wegnology::__request_builder!(PokeRequest => super::types::Success, \"thing.poke\");",
    );
    // The docs: scopes, parameters, errors, and an example calling the method.
    assert_has(&code, "/// Scopes (any one): `all.Thing`.");
    assert_has(
        &code,
        "/// - `count` (optional: [`PokeRequest::count`]; query parameter `count`): A value.",
    );
    // An error status whose body is not the `Error` schema says which it is; what every error
    // status becomes is said once, in the runtime's docs.
    assert_has(
        &code,
        "/// - 404: Missing. The body is a [`Success`](super::types::Success), kept as text in `Error::Api`'s `body`.",
    );
    assert!(!code.contains("Documentedstatuses"), "{code}");
    assert_has(
        &code,
        "/// let answer = client.thing().poke(\"thingId\", wegnology::thing::Level::Low, Default::default())",
    );
}

#[test]
fn error_statuses_of_the_error_schema_are_listed_alone() {
    let error = json!({"title": "Error", "anchor": "error", "json_schema": {
        "type": "object", "properties": {"message": {"type": "string"}}
    }});
    let mut documented = action("poke", "GET", "/things", json!([]));
    documented["errors"] = json!([{"status": 400, "schema": "error", "description": "Bad"}]);
    let mut silent = action("prod", "GET", "/things/prod", json!([]));
    silent["errors"] = json!([]);
    let code = code(&model(
        json!([success(), error]),
        json!([documented, silent]),
    ));
    assert_has(&code, "/// # Errors /// - 400: Bad. /// /// # Example");
    assert_has(&code, "/// # Errors /// None documented. /// /// # Example");
    // Both paths are fixed: their URLs are built once per client.
    assert_has(&code, "fixed_paths: &[\"/things\", \"/things/prod\"],");
}

#[test]
fn the_runtime_names_are_not_taken_by_schemas() {
    let m = model(
        json!([
            success(),
            {"title": "Error", "anchor": "error", "json_schema": {"type": "object", "properties": {
                "message": {"type": "string"}}}},
        ]),
        json!([]),
    );
    let code = code(&m);
    assert_has(&code, "pub struct ErrorBody {");
    assert!(!code.contains(&compact("pub struct Error {")));
}

#[test]
fn endpoints_say_whether_answers_hold_secrets_or_a_new_token() {
    // The success schema of every action in `model` is `success`; each case swaps it.
    let case = |properties: Value| {
        let m = model(
            json!([{"title": "Success", "anchor": "success", "json_schema": {
                "type": "object", "properties": properties
            }}]),
            json!([action("poke", "GET", "/things", json!([]))]),
        );
        code(&m)
    };
    let plain = case(json!({"success": {"type": "boolean"}}));
    assert_has(
        &plain,
        "PokeRequest(self.0.get(\"thing.poke\", \"/things\"))",
    );
    let token = case(json!({"token": {"type": "string"}}));
    assert_has(
        &token,
        "PokeRequest(self.0.get(\"thing.poke\", \"/things\").secret_answer().issues_token())",
    );
    // A secret nested in an array item still makes the answer secret; no new token.
    let nested = case(json!({"keys": {"type": "array", "items": {
        "type": "object", "properties": {"privateKey": {"type": "string"}}
    }}}));
    assert_has(
        &nested,
        "PokeRequest(self.0.get(\"thing.poke\", \"/things\").secret_answer())",
    );
}

#[test]
fn definitions_references_are_the_schema_whose_title_reads_the_same() {
    let m = model(
        json!([
            {"title": "Advanced Workflow Query", "anchor": "advanced-workflow-query",
             "json_schema": {"type": "object", "properties": {
                "$and": {"type": "array", "items": {"$ref": "#/definitions/advancedFlowQuery"}},
                "name": {"type": "string"},
             }}},
            {"title": "Thing List", "anchor": "thing-list",
             "json_schema": {"type": "object", "properties": {
                "query": {"$ref": "#/definitions/advancedFlowQuery"},
                "items": {"type": "array", "items": {"$ref": "#/definitions/thingList"}},
                "other": {"$ref": "#/definitions/nothingOfThatName"},
             }}},
            success(),
        ]),
        json!([]),
    );
    let code = code(&m);
    // A query's operand refers to the query itself: a recursive type.
    assert_has(
        &code,
        "pub and: ::std::option::Option<::std::vec::Vec<AdvancedWorkflowQuery>>,",
    );
    // Another schema's reference to it: that type.
    assert_has(
        &code,
        "pub query: ::std::option::Option<AdvancedWorkflowQuery>,",
    );
    // A schema naming itself holds itself (the parser has dropped the documents' slips).
    assert_has(
        &code,
        "pub items: ::std::option::Option<::std::vec::Vec<ThingList>>,",
    );
    assert_has(
        &code,
        "pub other: ::std::option::Option<::serde_json::Value>,",
    );
}
