//! The route table, parameters and scopes come from the model: change the model, and the fake
//! changes with it.

mod common;

use common::Api;
use serde_json::json;
use wegnology_fake::{FakeConfig, FakeServer, StartError};
use wegnology_model::{Location, Method, Param, ParamType};

async fn serve(model: wegnology_model::ApiModel) -> Api {
    let server = FakeServer::start_with_model(FakeConfig::default(), model)
        .await
        .expect("fake starts");
    Api {
        server,
        http: reqwest::Client::new(),
    }
}

#[tokio::test]
async fn a_new_documented_action_is_routed_and_checked_then_answers_501() {
    let mut model = wegnology_fake::model().expect("model").clone();
    let mut action = model
        .action("me", "verify_email")
        .expect("verify_email")
        .clone();
    action.title = "Connect Github".into();
    action.snake_name = "connect_github".into();
    action.camel_name = "connectGithub".into();
    action.path = "/me/connectGithub".into();
    action.scopes = vec!["all.User".into(), "me.*".into(), "me.connectGithub".into()];
    action.params.push(Param {
        name: "code".into(),
        location: Location::Query,
        ty: ParamType::String,
        documented_type: "string".into(),
        required: true,
        description: "OAuth code".into(),
        default: None,
        example: None,
    });
    model.actions.push(action);
    let api = serve(model).await;

    let outsider = api.server.mint_token(&["me.get"]);
    api.send("POST", "/me/connectGithub?code=x", Some(&outsider), None)
        .await
        .error(403);
    api.call("POST", "/me/connectGithub", None).await.error(400);
    let message = api
        .call("POST", "/me/connectGithub?code=x", None)
        .await
        .error(501);
    assert!(message.contains("connect_github"), "{message}");
}

#[tokio::test]
async fn moved_paths_and_changed_scopes_follow_the_model() {
    let mut model = wegnology_fake::model().expect("model").clone();
    for action in &mut model.actions {
        if action.resource == "me" && action.snake_name == "invites" {
            action.path = "/me/invitations".into();
            action.scopes = vec!["me.invitations".into()];
        }
    }
    let api = serve(model).await;
    api.get("/me/invites").await.error(404);
    api.get("/me/invitations").await.error(403);
    let token = api.server.mint_token(&["me.invitations"]);
    let answer = api.send("GET", "/me/invitations", Some(&token), None).await;
    assert_eq!(answer.status, 200);
    // The untouched `invite` action still answers on its own path.
    let id = api.server.invite_ids()[0].clone();
    api.get(&format!("/me/invites/{id}")).await.ok();
}

#[tokio::test]
async fn a_stricter_schema_in_the_model_is_enforced() {
    let mut model = wegnology_fake::model().expect("model").clone();
    for schema in &mut model.schemas {
        if schema.anchor == "me-patch" {
            schema.json_schema["required"] = json!(["companyName"]);
        }
    }
    let api = serve(model).await;
    let message = api
        .call("PATCH", "/me", Some(&json!({"firstName": "Ada"})))
        .await
        .error(400);
    assert!(message.contains("companyName"), "{message}");
}

#[tokio::test]
async fn an_unservable_model_is_an_error_not_a_panic() {
    let mut model = wegnology_fake::model().expect("model").clone();
    model.actions[1].path = model.actions[0].path.clone();
    model.actions[1].method = model.actions[0].method;
    let error = FakeServer::start_with_model(FakeConfig::default(), model)
        .await
        .expect_err("two actions on one method and path");
    assert!(matches!(error, StartError::Route(_)), "{error}");

    let mut model = wegnology_fake::model().expect("model").clone();
    model.actions[0].path = "/me/*rest".into();
    model.actions[0].method = Method::Put;
    assert!(FakeServer::start_with_model(FakeConfig::default(), model)
        .await
        .is_err());

    let mut model = wegnology_fake::model().expect("model").clone();
    model.schemas[0].json_schema = json!({"type": 12});
    assert!(matches!(
        FakeServer::start_with_model(FakeConfig::default(), model).await,
        Err(StartError::Schema(_))
    ));
}

#[tokio::test]
async fn a_new_text_parameter_takes_its_format_from_the_same_named_schema_property() {
    // `lastUpdated` is a `date-time` in the `Me` schema that `get` answers with; a query
    // parameter of that name, documented as a plain string, is held to the same format.
    let mut model = wegnology_fake::model().expect("model").clone();
    let get = model
        .actions
        .iter_mut()
        .find(|action| action.resource == "me" && action.snake_name == "get")
        .expect("get");
    get.params.push(Param {
        name: "lastUpdated".into(),
        location: Location::Query,
        ty: ParamType::String,
        documented_type: "string".into(),
        required: false,
        description: "Only if changed since".into(),
        default: None,
        example: None,
    });
    let api = serve(model).await;
    let message = api.get("/me?lastUpdated=yesterday").await.error(400);
    assert!(
        message.contains("lastUpdated") && message.contains("date-time"),
        "{message}"
    );
    api.get("/me?lastUpdated=2016-06-13T04:00:00.000Z")
        .await
        .ok();
}

#[tokio::test]
async fn an_action_that_needs_no_token_is_served_without_one() {
    let mut model = wegnology_fake::model().expect("model").clone();
    let mut action = model
        .action("me", "verify_email")
        .expect("verify_email")
        .clone();
    action.title = "Authenticate".into();
    action.snake_name = "authenticate".into();
    action.camel_name = "authenticate".into();
    action.path = "/me/authenticate".into();
    action.scopes = Vec::new();
    action.token_required = false;
    model.actions.push(action);
    let api = serve(model).await;
    // Past the token checks: the fake has no behaviour for it, so 501, not 401.
    api.send("POST", "/me/authenticate", None, None)
        .await
        .error(501);
    // Every other action still needs one.
    api.send("POST", "/me/verify-email", None, None)
        .await
        .error(401);
}

#[tokio::test]
async fn list_parameters_are_accepted_as_indexed_pairs_and_checked() {
    let mut model = wegnology_fake::model().expect("model").clone();
    let action = model
        .actions
        .iter_mut()
        .find(|action| action.resource == "me" && action.snake_name == "get")
        .expect("get");
    action.params.push(Param {
        name: "tags".into(),
        location: Location::Query,
        ty: ParamType::Array {
            items: Box::new(ParamType::String),
        },
        documented_type: "array".into(),
        required: false,
        description: "Tags to match".into(),
        default: None,
        example: None,
    });
    let api = serve(model).await;

    // As the official clients flatten a list: one indexed pair per item.
    api.call("GET", "/me?tags%5B0%5D=a&tags%5B1%5D=b", None)
        .await
        .ok();
    api.call("GET", "/me?tags[0][key]=floor&tags[0][value]=2", None)
        .await
        .ok();
    // An item given twice, a name that is no index, and a list given whole and as items.
    api.call("GET", "/me?tags[0]=a&tags[0]=b", None)
        .await
        .error(400);
    api.call("GET", "/me?tags[x]=a", None).await.error(400);
    api.call("GET", "/me?tags[0=a", None).await.error(400);
    api.call("GET", "/me?tags=a&tags[0]=b", None)
        .await
        .error(400);
}
