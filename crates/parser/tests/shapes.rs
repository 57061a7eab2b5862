//! Document shapes upstream's other pages use, each on a fixture of its own
//! (`tests/fixtures/<shape>`); `crates/fixture-outputs` compiles the code generated from each.

mod common;

use wegnology_model::{ApiModel, DiagnosticKind, Location, ParamType};

fn model(shape: &str) -> ApiModel {
    wegnology_parser::parse(&common::fixture(shape)).expect("the fixture parses")
}

#[test]
fn an_action_that_needs_no_token() {
    let model = model("no-token");
    let authenticate = model.action("me", "authenticate").unwrap();
    assert!(!authenticate.token_required);
    assert!(authenticate.scopes.is_empty());
    let verify = model.action("me", "verify_email").unwrap();
    assert!(verify.token_required);
    assert_eq!(verify.scopes, ["all.User", "me.*", "me.verifyEmail"]);
    // All three pages agree that it needs none: nothing to report about it but its body.
    let about: Vec<&str> = model
        .diagnostics
        .iter()
        .filter(|d| d.action.as_deref() == Some("Authenticate"))
        .map(|d| d.message.as_str())
        .collect();
    assert!(about.iter().all(|m| !m.contains("scopes")), "{about:?}");
    // `token_required` is absent from model.json when true, so today's model is unchanged.
    let json = model.to_json();
    assert_eq!(json.matches("\"token_required\": false").count(), 1);
    assert!(!json.contains("\"token_required\": true"));
    assert_eq!(ApiModel::from_json(&json).unwrap(), model);
}

#[test]
fn a_schema_typed_query_parameter() {
    let model = model("schema-query");
    let action = model.action("me", "device_names").unwrap();
    let query = action.params.iter().find(|p| p.name == "query").unwrap();
    assert_eq!(query.location, Location::QueryJson);
    assert_eq!(
        query.ty,
        ParamType::Schema {
            schema: "advanced-device-query".into()
        }
    );
    assert!(action.body().is_none());
}

#[test]
fn array_parameters() {
    let model = model("array-param");
    let action = model.action("me", "device_counts").unwrap();
    let list = ParamType::Array {
        items: Box::new(ParamType::String),
    };
    let found: Vec<(&str, Location, &ParamType, bool)> = action
        .params
        .iter()
        .map(|p| (p.name.as_str(), p.location, &p.ty, p.required))
        .collect();
    assert_eq!(
        found,
        [
            ("deviceIds", Location::Query, &list, true),
            ("tags", Location::Query, &list, false),
            ("losantdomain", Location::Header, &ParamType::String, false),
        ]
    );
}

#[test]
fn one_of_objects_that_cannot_be_told_apart_are_reported() {
    let model = model("one-of");
    let one_of: Vec<_> = model
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("oneOf"))
        .collect();
    assert_eq!(one_of.len(), 1, "{one_of:?}");
    let d = one_of[0];
    assert_eq!(d.kind, DiagnosticKind::Inference);
    assert_eq!(
        d.message,
        "`Account Link` has a `oneOf` of objects at `/properties/filter` whose branches cannot be told apart: every property branch 1 requires (name) is required by branch 2 too"
    );
    assert_eq!(d.kept, "any JSON value (`serde_json::Value`) there");
    assert_eq!(
        (d.source.file.as_str(), d.source.line),
        ("me/_schemas.md", 13)
    );
}

#[test]
fn an_unknown_parameter_type_names_the_types_it_knows() {
    let mut docs = common::fixture("array-param");
    docs.reference = common::edit(
        &docs.reference,
        "| deviceIds | array |",
        "| deviceIds | list |",
    );
    let error = wegnology_parser::parse(&docs).unwrap_err().to_string();
    assert!(
        error.starts_with("me/me.md:")
            && error.contains(
                "(string, boolean, number, array, undefined or a `_schemas.md` link), found `list`"
            ),
        "{error}"
    );
}
