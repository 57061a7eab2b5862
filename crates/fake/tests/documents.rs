//! The fake against the documents: every action answers its happy path with a body valid
//! against its documented success schema, and the documents' own examples are accepted.

mod common;

use common::Api;
use serde_json::{json, Value};
use wegnology_fake::FakeConfig;
use wegnology_model::Location;

/// A happy-path request for every action of the model, by name.
fn happy_request(api: &Api, name: &str) -> (String, Option<Value>) {
    let invite = api.server.invite_ids()[0].clone();
    let password = FakeConfig::DEFAULT_PASSWORD;
    match name {
        "add_recent_item" => (
            String::new(),
            Some(
                json!({"itemType": "device", "parentId": "575ec8687ae143cd83dc4a97", "itemId": "575ecf887ae143cd83dc4aa2"}),
            ),
        ),
        "change_password" => (
            String::new(),
            Some(json!({"password": password, "newPassword": "Another-good-one-2"})),
        ),
        "delete" => (
            String::new(),
            Some(json!({"email": FakeConfig::DEFAULT_EMAIL, "password": password})),
        ),
        "fetch_recent_items" => ("?itemType=application".into(), None),
        "get" => (
            "?includeRecent=true&summaryInclude=payloadCount,storageStats,notebookStats".into(),
            None,
        ),
        "invite" | "respond_to_invite" => (
            invite,
            (name == "respond_to_invite").then(|| json!({"action": "accept"})),
        ),
        "patch" => (
            "?summaryInclude=payloadCount".into(),
            Some(json!({"firstName": "Ada", "url": "https://example.com"})),
        ),
        "payload_counts_breakdown" => ("?resolution=3600000&asBytes=true".into(), None),
        "transfer_resources" => (
            String::new(),
            Some(
                json!({"destinationId": "575ed6e87ae143cd83dc4aa8", "destinationType": "organization"}),
            ),
        ),
        _ => (String::new(), None),
    }
}

/// Generates a key (and enables it, to then disable it); the body for `name`.
async fn prepare_two_factor(api: &Api, name: &str) -> Value {
    let info = api
        .call("PATCH", "/me/generateTwoFactorAuth", None)
        .await
        .ok();
    let key = info["key"].as_str().expect("key").to_string();
    let body =
        json!({"password": FakeConfig::DEFAULT_PASSWORD, "twoFactorCode": common::totp_code(&key)});
    if name == "disable_two_factor_auth" {
        api.call("PATCH", "/me/enableTwoFactorAuth", Some(&body))
            .await
            .ok();
    }
    body
}

#[tokio::test]
async fn every_happy_path_answer_matches_its_documented_schema() {
    let model = wegnology_fake::model().expect("model");
    assert!(!model.actions.is_empty());
    // Me's actions, with Me's happy paths (every action of the model: `every_action.rs`).
    for action in model.actions_of("me") {
        // A fresh fake per action: `delete` and `change_password` change the world.
        let api = Api::start().await;
        let (suffix, mut body) = happy_request(&api, &action.snake_name);
        if action.snake_name.contains("two_factor_auth")
            && action.snake_name != "generate_two_factor_auth"
        {
            body = Some(prepare_two_factor(&api, &action.snake_name).await);
        }
        let path = if action.path.contains("{inviteId}") {
            action.path.replace("{inviteId}", &suffix)
        } else {
            format!("{}{suffix}", action.path)
        };
        if action.body().is_some() {
            assert!(body.is_some(), "{} needs a body", action.snake_name);
        }
        let answer = api.call(action.method.as_str(), &path, body.as_ref()).await;
        assert_eq!(
            answer.status,
            action.success().status,
            "{}: {:?}",
            action.snake_name,
            answer.body
        );
        api.server
            .schemas()
            .check(
                action
                    .success()
                    .schema
                    .as_deref()
                    .expect("Me documents every answer's schema"),
                &answer.body,
            )
            .unwrap_or_else(|problem| panic!("{}: {problem}", action.snake_name));
        api.server.shutdown().await;
    }
}

#[tokio::test]
async fn error_answers_match_the_error_schema() {
    let api = Api::start().await;
    for (method, path) in [
        ("GET", "/me/recentItems"),
        ("GET", "/me/invites/ffffffffffffffffffffffff"),
        ("GET", "/nowhere"),
    ] {
        let answer = api.call(method, path, None).await;
        assert!(answer.status >= 400);
        api.server
            .schemas()
            .check("error", &answer.body)
            .expect("an Error body");
    }
}

#[tokio::test]
async fn the_documents_body_examples_are_accepted_where_their_state_allows() {
    let model = wegnology_fake::model().expect("model");
    let api = Api::start().await;
    for action in &model.actions {
        let (Some(example), Some(param)) = (&action.body_example, action.body()) else {
            continue;
        };
        let wegnology_model::ParamType::Schema { schema } = &param.ty else {
            panic!("{}: body without a schema", action.snake_name);
        };
        api.server
            .schemas()
            .check(schema, example)
            .unwrap_or_else(|problem| panic!("{} example: {problem}", action.snake_name));
        // Sent as is, an example passes every check but those of the user's state (its
        // passwords and codes are not this user's): never a 5xx, and a 400 only for state.
        let path = action
            .path
            .replace("{inviteId}", &api.server.invite_ids()[1]);
        let answer = api.call(action.method.as_str(), &path, Some(example)).await;
        assert!(
            answer.status == 200 || answer.status == 400,
            "{}: {} {:?}",
            action.snake_name,
            answer.status,
            answer.body
        );
        if answer.status == 400 {
            let message = answer.body["message"].as_str().unwrap_or_default();
            assert!(
                !message.contains("schema"),
                "{}: {message}",
                action.snake_name
            );
        }
    }
}

#[tokio::test]
async fn query_parameters_of_the_model_are_all_accepted() {
    let model = wegnology_fake::model().expect("model");
    let api = Api::start().await;
    // Me's (every action's documented query values: `every_action.rs`).
    for action in model
        .actions_of("me")
        .filter(|a| a.method.as_str() == "GET")
    {
        let query: Vec<String> = action
            .params_in(Location::Query)
            .map(|param| {
                let value = match (&param.ty, param.example.as_ref()) {
                    (wegnology_model::ParamType::Enum { values }, _) => values[0].clone(),
                    (_, Some(wegnology_model::ParamExample::Literal(text))) => text.clone(),
                    _ => "1".into(),
                };
                format!("{}={value}", param.name)
            })
            .collect();
        let path = action
            .path
            .replace("{inviteId}", &api.server.invite_ids()[0]);
        let answer = api.get(&format!("{path}?{}", query.join("&"))).await;
        assert_eq!(
            answer.status, 200,
            "{}: {:?}",
            action.snake_name, answer.body
        );
    }
}
