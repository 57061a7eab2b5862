//! Each of the 20 actions, called with the documents' example values, sends exactly the request
//! the official clients send (shared/reference/official-clients.md).

mod recorder;

use std::time::Duration;

use recorder::{Answer, Recorded, Recorder};
use serde_json::json;
use wegnology::{Client, ItemType, Resolution};

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

fn parse<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
    serde_json::from_value(value).unwrap()
}

#[tokio::test]
async fn bodies_travel_as_json_with_the_documented_examples() {
    let (rec, client) = setup().await;
    let cases: Vec<(&str, &str, serde_json::Value)> = vec![
        (
            "POST",
            "/me/recentItems",
            json!({"itemType": "device", "parentId": "575ec8687ae143cd83dc4a97", "itemId": "575ecf887ae143cd83dc4aa2"}),
        ),
        (
            "PATCH",
            "/me/changePassword",
            json!({"newPassword": "yourNewPassword1!", "password": "yourCurrentPassword", "invalidateExistingTokens": true}),
        ),
        (
            "POST",
            "/me/delete",
            json!({"email": "example@weg.net", "password": "this is the password"}),
        ),
        (
            "PATCH",
            "/me/disableTwoFactorAuth",
            json!({"twoFactorCode": "123123", "password": "this would be your password"}),
        ),
        (
            "PATCH",
            "/me/enableTwoFactorAuth",
            json!({"twoFactorAuthKey": "HBBGWJJVOVLXS4ZGNRTDOUKTMESFUR3BMRWVQND2HJYT44TOMVJA", "password": "this would be your password", "twoFactorCode": "012345"}),
        ),
        (
            "PATCH",
            "/me",
            json!({"email": "example@weg.net", "firstName": "Example", "lastName": "Name", "companyName": "WEGnology, Inc.", "url": "https://www.app.wnology.io", "password": "My new password!!1"}),
        ),
        (
            "PATCH",
            "/me/transferResources",
            json!({"destinationId": "575ed6e87ae143cd83dc4aa8", "destinationType": "organization", "applicationIds": ["575ec8687ae143cd83dc4a97"]}),
        ),
        (
            "POST",
            "/me/invites/575ec8687ae143cd83dc4a97",
            json!({"action": "accept"}),
        ),
    ];
    for (i, (method, path, body)) in cases.into_iter().enumerate() {
        match i {
            0 => drop(
                client
                    .me()
                    .add_recent_item(parse(body.clone()))
                    .send()
                    .await
                    .unwrap(),
            ),
            1 => drop(
                client
                    .me()
                    .change_password(parse(body.clone()))
                    .send()
                    .await
                    .unwrap(),
            ),
            2 => drop(
                client
                    .me()
                    .delete(parse(body.clone()))
                    .send()
                    .await
                    .unwrap(),
            ),
            3 => drop(
                client
                    .me()
                    .disable_two_factor_auth(parse(body.clone()))
                    .send()
                    .await
                    .unwrap(),
            ),
            4 => drop(
                client
                    .me()
                    .enable_two_factor_auth(parse(body.clone()))
                    .send()
                    .await
                    .unwrap(),
            ),
            5 => drop(client.me().patch(parse(body.clone())).send().await.unwrap()),
            6 => drop(
                client
                    .me()
                    .transfer_resources(parse(body.clone()))
                    .send()
                    .await
                    .unwrap(),
            ),
            _ => drop(
                client
                    .me()
                    .respond_to_invite("575ec8687ae143cd83dc4a97", parse(body.clone()))
                    .send()
                    .await
                    .unwrap(),
            ),
        }
        assert_request(&rec.last(), method, path, &[], Some(body));
    }
}

#[tokio::test]
async fn actions_without_a_body_send_none() {
    let (rec, client) = setup().await;
    client.me().disconnect_github().send().await.unwrap();
    assert_request(&rec.last(), "PATCH", "/me/disconnectGithub", &[], None);
    client.me().generate_two_factor_auth().send().await.unwrap();
    assert_request(&rec.last(), "PATCH", "/me/generateTwoFactorAuth", &[], None);
    client.me().invites().send().await.unwrap();
    assert_request(&rec.last(), "GET", "/me/invites", &[], None);
    client
        .me()
        .invite("575ec8687ae143cd83dc4a97")
        .send()
        .await
        .unwrap();
    assert_request(
        &rec.last(),
        "GET",
        "/me/invites/575ec8687ae143cd83dc4a97",
        &[],
        None,
    );
    client.me().refresh_token().send().await.unwrap();
    assert_request(&rec.last(), "GET", "/me/refreshToken", &[], None);
    client.me().verify_email().send().await.unwrap();
    assert_request(&rec.last(), "POST", "/me/verify-email", &[], None);
}

#[tokio::test]
async fn query_parameters_carry_the_documented_examples() {
    let (rec, client) = setup().await;
    client
        .me()
        .get()
        .include_recent(true)
        .summary_exclude("payloadCount")
        .summary_include("payloadCount")
        .send()
        .await
        .unwrap();
    assert_request(
        &rec.last(),
        "GET",
        "/me",
        &[
            ("includeRecent", "true"),
            ("summaryExclude", "payloadCount"),
            ("summaryInclude", "payloadCount"),
        ],
        None,
    );

    let range = [("start", "0"), ("end", "1465790400000")];
    client
        .me()
        .device_counts()
        .start(0)
        .end(1465790400000)
        .send()
        .await
        .unwrap();
    assert_request(&rec.last(), "GET", "/me/deviceCounts", &range, None);
    client
        .me()
        .notebook_minute_counts()
        .start(0)
        .end(1465790400000)
        .send()
        .await
        .unwrap();
    assert_request(&rec.last(), "GET", "/me/notebookMinuteCounts", &range, None);
    client
        .me()
        .payload_counts()
        .start(0)
        .end(1465790400000)
        .as_bytes(true)
        .send()
        .await
        .unwrap();
    assert_request(
        &rec.last(),
        "GET",
        "/me/payloadCounts",
        &[range[0], range[1], ("asBytes", "true")],
        None,
    );
    client
        .me()
        .payload_counts_breakdown()
        .start(0)
        .end(1465790400000)
        .resolution(Resolution::V86400000)
        .as_bytes(true)
        .include_non_billable(true)
        .send()
        .await
        .unwrap();
    assert_request(
        &rec.last(),
        "GET",
        "/me/payloadCountsBreakdown",
        &[
            range[0],
            range[1],
            ("resolution", "86400000"),
            ("asBytes", "true"),
            ("includeNonBillable", "true"),
        ],
        None,
    );
    client
        .me()
        .fetch_recent_items(ItemType::Application)
        .parent_id("575ec8687ae143cd83dc4a97")
        .send()
        .await
        .unwrap();
    assert_request(
        &rec.last(),
        "GET",
        "/me/recentItems",
        &[
            ("itemType", "application"),
            ("parentId", "575ec8687ae143cd83dc4a97"),
        ],
        None,
    );

    // A patch with query parameters and a body.
    client
        .me()
        .patch(parse(json!({"firstName": "Example"})))
        .summary_exclude("payloadCount")
        .send()
        .await
        .unwrap();
    assert_request(
        &rec.last(),
        "PATCH",
        "/me",
        &[("summaryExclude", "payloadCount")],
        Some(json!({"firstName": "Example"})),
    );
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
