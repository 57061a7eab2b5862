//! Each of the 20 actions, called with the documents' example values, sends exactly the request
//! the official clients send: one test per action, named after it. Bodies are the REST page's
//! examples (from the model); the expected requests are written out literally.

mod recorder;

use std::time::Duration;

use recorder::{Answer, Recorded, Recorder};
use serde_json::json;
use wegnology::me::{ItemType, Resolution};
use wegnology::Client;
use wegnology_model::ApiModel;

/// Answers 200 with a body every documented success type decodes from.
fn ok(request: &Recorded) -> Answer {
    let body = if request.path == "/me/invites" {
        "[]"
    } else {
        r#"{"userId":"575ed70c7ae143cd83dc4aa9","token":"new-token"}"#
    };
    Answer {
        status: 200,
        body: body.to_string(),
        delay: Duration::ZERO,
    }
}

async fn setup() -> (Recorder, Client) {
    let recorder = Recorder::start(ok).await;
    let client = Client::builder()
        .base_url(&recorder.url)
        .token("my-token")
        .build()
        .unwrap();
    (recorder, client)
}

/// Asserts the request line, the query (defaults first, then `extra`), the standard headers and the body.
fn assert_request(
    r: &Recorded,
    method: &str,
    path: &str,
    extra: &[(&str, &str)],
    body: Option<serde_json::Value>,
) {
    assert_eq!(r.method, method);
    assert_eq!(r.path, path);
    let mut query = vec![
        ("_actions", "false"),
        ("_links", "true"),
        ("_embedded", "true"),
    ];
    query.extend_from_slice(extra);
    let found: Vec<(&str, &str)> = r
        .query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(found, query, "{method} {path}");
    assert_eq!(r.header("authorization"), Some("Bearer my-token"));
    assert_eq!(r.header("accept"), Some("application/json"));
    assert_eq!(r.header("accept-version"), Some("^1.26.2"));
    match body {
        Some(body) => {
            assert_eq!(r.header("content-type"), Some("application/json"));
            assert_eq!(r.json(), Some(body), "{method} {path}");
        }
        None => assert!(r.body.is_empty(), "{method} {path} sends no body"),
    }
}

/// The part of the model the generated client serves (Me).
fn model() -> ApiModel {
    ApiModel::from_json(include_str!("../../../spec/generated/model.json"))
        .unwrap()
        .subset(&["me"])
}

/// The body example the REST page gives for `action`, decoded as the action's body type.
fn documented_body<T: serde::de::DeserializeOwned>(action: &str) -> T {
    let example = model()
        .action("me", action)
        .unwrap()
        .body_example
        .clone()
        .unwrap();
    serde_json::from_value(example).unwrap()
}

/// The actions tested below, one `#[tokio::test]` each.
const TESTED: [&str; 20] = [
    "add_recent_item",
    "change_password",
    "delete",
    "device_counts",
    "disable_two_factor_auth",
    "disconnect_github",
    "enable_two_factor_auth",
    "fetch_recent_items",
    "generate_two_factor_auth",
    "get",
    "invite",
    "invites",
    "notebook_minute_counts",
    "patch",
    "payload_counts",
    "payload_counts_breakdown",
    "refresh_token",
    "respond_to_invite",
    "transfer_resources",
    "verify_email",
];

#[test]
fn every_action_is_tested() {
    let actions: Vec<String> = model().actions.into_iter().map(|a| a.snake_name).collect();
    assert_eq!(actions, TESTED);
}

#[tokio::test]
async fn add_recent_item() {
    let (rec, client) = setup().await;
    let data = documented_body("add_recent_item");
    client.me().add_recent_item(data).send().await.unwrap();
    let body = json!({"itemType": "device", "parentId": "575ec8687ae143cd83dc4a97", "itemId": "575ecf887ae143cd83dc4aa2"});
    assert_request(&rec.last(), "POST", "/me/recentItems", &[], Some(body));
}

#[tokio::test]
async fn change_password() {
    let (rec, client) = setup().await;
    let data = documented_body("change_password");
    client.me().change_password(data).send().await.unwrap();
    let body = json!({"newPassword": "yourNewPassword1!", "password": "yourCurrentPassword", "invalidateExistingTokens": true});
    assert_request(&rec.last(), "PATCH", "/me/changePassword", &[], Some(body));
}

#[tokio::test]
async fn delete() {
    let (rec, client) = setup().await;
    let credentials = documented_body("delete");
    client.me().delete(credentials).send().await.unwrap();
    let body = json!({"email": "example@weg.net", "password": "this is the password"});
    assert_request(&rec.last(), "POST", "/me/delete", &[], Some(body));
}

const RANGE: [(&str, &str); 2] = [("start", "0"), ("end", "1465790400000")];

#[tokio::test]
async fn device_counts() {
    let (rec, client) = setup().await;
    let request = client.me().device_counts().start(0).end(1465790400000);
    request.send().await.unwrap();
    assert_request(&rec.last(), "GET", "/me/deviceCounts", &RANGE, None);
}

#[tokio::test]
async fn disable_two_factor_auth() {
    let (rec, client) = setup().await;
    let data = documented_body("disable_two_factor_auth");
    client
        .me()
        .disable_two_factor_auth(data)
        .send()
        .await
        .unwrap();
    let body = json!({"twoFactorCode": "123123", "password": "this would be your password"});
    assert_request(
        &rec.last(),
        "PATCH",
        "/me/disableTwoFactorAuth",
        &[],
        Some(body),
    );
}

#[tokio::test]
async fn disconnect_github() {
    let (rec, client) = setup().await;
    client.me().disconnect_github().send().await.unwrap();
    assert_request(&rec.last(), "PATCH", "/me/disconnectGithub", &[], None);
}

#[tokio::test]
async fn enable_two_factor_auth() {
    let (rec, client) = setup().await;
    let data = documented_body("enable_two_factor_auth");
    client
        .me()
        .enable_two_factor_auth(data)
        .send()
        .await
        .unwrap();
    let body = json!({"twoFactorAuthKey": "HBBGWJJVOVLXS4ZGNRTDOUKTMESFUR3BMRWVQND2HJYT44TOMVJA", "password": "this would be your password", "twoFactorCode": "012345"});
    assert_request(
        &rec.last(),
        "PATCH",
        "/me/enableTwoFactorAuth",
        &[],
        Some(body),
    );
}

#[tokio::test]
async fn fetch_recent_items() {
    let (rec, client) = setup().await;
    let request = client
        .me()
        .fetch_recent_items(ItemType::Application)
        .parent_id("575ec8687ae143cd83dc4a97");
    request.send().await.unwrap();
    // In documented order, as both official clients send it, though `itemType` is set first.
    let query = [
        ("parentId", "575ec8687ae143cd83dc4a97"),
        ("itemType", "application"),
    ];
    assert_request(&rec.last(), "GET", "/me/recentItems", &query, None);
}

#[tokio::test]
async fn generate_two_factor_auth() {
    let (rec, client) = setup().await;
    client.me().generate_two_factor_auth().send().await.unwrap();
    assert_request(&rec.last(), "PATCH", "/me/generateTwoFactorAuth", &[], None);
}

#[tokio::test]
async fn get() {
    let (rec, client) = setup().await;
    let request = client
        .me()
        .get()
        .include_recent(true)
        .summary_exclude("payloadCount")
        .summary_include("payloadCount");
    request.send().await.unwrap();
    let query = [
        ("includeRecent", "true"),
        ("summaryExclude", "payloadCount"),
        ("summaryInclude", "payloadCount"),
    ];
    assert_request(&rec.last(), "GET", "/me", &query, None);
}

#[tokio::test]
async fn invite() {
    let (rec, client) = setup().await;
    client
        .me()
        .invite("575ec8687ae143cd83dc4a97")
        .send()
        .await
        .unwrap();
    let path = "/me/invites/575ec8687ae143cd83dc4a97";
    assert_request(&rec.last(), "GET", path, &[], None);
}

#[tokio::test]
async fn invites() {
    let (rec, client) = setup().await;
    client.me().invites().send().await.unwrap();
    assert_request(&rec.last(), "GET", "/me/invites", &[], None);
}

#[tokio::test]
async fn notebook_minute_counts() {
    let (rec, client) = setup().await;
    let request = client
        .me()
        .notebook_minute_counts()
        .start(0)
        .end(1465790400000);
    request.send().await.unwrap();
    assert_request(&rec.last(), "GET", "/me/notebookMinuteCounts", &RANGE, None);
}

#[tokio::test]
async fn patch() {
    let (rec, client) = setup().await;
    let user = documented_body("patch");
    let request = client
        .me()
        .patch(user)
        .summary_exclude("payloadCount")
        .summary_include("payloadCount");
    request.send().await.unwrap();
    let query = [
        ("summaryExclude", "payloadCount"),
        ("summaryInclude", "payloadCount"),
    ];
    let body = json!({"email": "example@weg.net", "firstName": "Example", "lastName": "Name", "companyName": "WEGnology, Inc.", "url": "https://www.app.wnology.io", "password": "My new password!!1"});
    assert_request(&rec.last(), "PATCH", "/me", &query, Some(body));
}

#[tokio::test]
async fn payload_counts() {
    let (rec, client) = setup().await;
    let request = client
        .me()
        .payload_counts()
        .start(0)
        .end(1465790400000)
        .as_bytes(true);
    request.send().await.unwrap();
    let query = [RANGE[0], RANGE[1], ("asBytes", "true")];
    assert_request(&rec.last(), "GET", "/me/payloadCounts", &query, None);
}

#[tokio::test]
async fn payload_counts_breakdown() {
    let (rec, client) = setup().await;
    let request = client
        .me()
        .payload_counts_breakdown()
        .start(0)
        .end(1465790400000)
        .resolution(Resolution::V86400000)
        .as_bytes(true)
        .include_non_billable(true);
    request.send().await.unwrap();
    let query = [
        RANGE[0],
        RANGE[1],
        ("resolution", "86400000"),
        ("asBytes", "true"),
        ("includeNonBillable", "true"),
    ];
    assert_request(
        &rec.last(),
        "GET",
        "/me/payloadCountsBreakdown",
        &query,
        None,
    );
}

#[tokio::test]
async fn refresh_token() {
    let (rec, client) = setup().await;
    client.me().refresh_token().send().await.unwrap();
    assert_request(&rec.last(), "GET", "/me/refreshToken", &[], None);
}

#[tokio::test]
async fn respond_to_invite() {
    let (rec, client) = setup().await;
    let response = documented_body("respond_to_invite");
    client
        .me()
        .respond_to_invite("575ec8687ae143cd83dc4a97", response)
        .send()
        .await
        .unwrap();
    let path = "/me/invites/575ec8687ae143cd83dc4a97";
    assert_request(
        &rec.last(),
        "POST",
        path,
        &[],
        Some(json!({"action": "accept"})),
    );
}

#[tokio::test]
async fn transfer_resources() {
    let (rec, client) = setup().await;
    let transfer = documented_body("transfer_resources");
    client
        .me()
        .transfer_resources(transfer)
        .send()
        .await
        .unwrap();
    let body = json!({"destinationId": "575ed6e87ae143cd83dc4aa8", "destinationType": "organization", "applicationIds": ["575ec8687ae143cd83dc4a97"]});
    assert_request(
        &rec.last(),
        "PATCH",
        "/me/transferResources",
        &[],
        Some(body),
    );
}

#[tokio::test]
async fn verify_email() {
    let (rec, client) = setup().await;
    client.me().verify_email().send().await.unwrap();
    assert_request(&rec.last(), "POST", "/me/verify-email", &[], None);
}

/// Typed values the tests pass are the documents' parameter examples.
#[test]
fn the_values_sent_are_the_documented_examples() {
    let model = model();
    let documented = |action: &str, param: &str| {
        let param = model
            .action("me", action)
            .unwrap()
            .params
            .iter()
            .find(|p| p.name == param)
            .unwrap();
        match &param.example {
            Some(wegnology_model::ParamExample::Literal(text)) => text.clone(),
            other => panic!("{other:?}"),
        }
    };
    for action in ["device_counts", "notebook_minute_counts", "payload_counts"] {
        assert_eq!(documented(action, "start"), RANGE[0].1);
        assert_eq!(documented(action, "end"), RANGE[1].1);
    }
    assert_eq!(documented("fetch_recent_items", "itemType"), "application");
    assert_eq!(
        documented("fetch_recent_items", "parentId"),
        "575ec8687ae143cd83dc4a97"
    );
    assert_eq!(documented("get", "includeRecent"), "true");
    assert_eq!(documented("get", "summaryInclude"), "payloadCount");
    assert_eq!(documented("patch", "summaryExclude"), "payloadCount");
    assert_eq!(documented("invite", "inviteId"), "575ec8687ae143cd83dc4a97");
    assert_eq!(
        documented("respond_to_invite", "inviteId"),
        "575ec8687ae143cd83dc4a97"
    );
    assert_eq!(documented("payload_counts", "asBytes"), "true");
    assert_eq!(
        documented("payload_counts_breakdown", "resolution"),
        "86400000"
    );
    assert_eq!(
        documented("payload_counts_breakdown", "includeNonBillable"),
        "true"
    );
    assert_eq!(documented("get", "losantdomain"), "example.com");
}

#[tokio::test]
async fn domain_header_defaults_override_and_path_encoding() {
    let (rec, client) = setup().await;
    client
        .me()
        .get()
        .losantdomain("example.com")
        .send()
        .await
        .unwrap();
    let r = rec.last();
    assert_eq!(r.header("losantdomain"), Some("example.com"));
    assert!(
        r.query.iter().all(|(k, _)| k != "losantdomain"),
        "the domain never travels in the query"
    );

    client
        .me()
        .get()
        .query_override("_links", false)
        .send()
        .await
        .unwrap();
    let links: Vec<_> = rec
        .last()
        .query
        .into_iter()
        .filter(|(k, _)| k == "_links")
        .collect();
    assert_eq!(links, [("_links".to_string(), "false".to_string())]);

    client.me().invite("a/b c?").send().await.unwrap();
    assert_eq!(rec.last().path, "/me/invites/a%2Fb%20c%3F");
}
