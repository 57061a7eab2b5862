//! Hostile and malformed requests: always a 4xx with an `Error` body, never a panic or a 5xx.

mod common;

use common::Api;
use serde_json::{json, Value};

async fn raw(
    api: &Api,
    method: &str,
    path: &str,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> common::Answer {
    let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
    let mut request = api
        .http
        .request(method, format!("{}{path}", api.server.url()))
        .bearer_auth(api.token())
        .body(body);
    if let Some(content_type) = content_type {
        request = request.header("Content-Type", content_type);
    }
    Api::answer(request.send().await.expect("request")).await
}

fn assert_client_error(answer: &common::Answer, context: &str) {
    assert!(
        (400..500).contains(&answer.status),
        "{context}: {} {:?}",
        answer.status,
        answer.body
    );
    assert!(
        answer.body["type"].is_string(),
        "{context}: {:?}",
        answer.body
    );
    assert!(
        answer.body["message"].is_string(),
        "{context}: {:?}",
        answer.body
    );
}

#[tokio::test]
async fn garbage_bodies_are_400() {
    let api = Api::start().await;
    let json = Some("application/json");
    for body in [
        &b"{"[..],
        b"not json",
        b"\xff\xfe\x00",
        b"[]",
        b"null",
        b"\"a string\"",
        b"{\"password\": 12, \"newPassword\": []}",
        b"{\"password\": \"Correct-horse-battery-1\", \"newPassword\": \"Another-good-one-2\", \"extra\": 1}",
    ] {
        let answer = raw(&api, "PATCH", "/me/changePassword", json, body.to_vec()).await;
        assert_eq!(answer.status, 400, "{:?}", String::from_utf8_lossy(body));
        assert_client_error(&answer, &String::from_utf8_lossy(body));
    }
    // Deeply nested JSON stops at the parser's depth limit.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let answer = raw(&api, "POST", "/me/recentItems", json, deep.into_bytes()).await;
    assert_client_error(&answer, "deep nesting");
    // A missing body for an action that needs one.
    let answer = raw(&api, "POST", "/me/delete", json, Vec::new()).await;
    assert_eq!(answer.status, 400);
}

#[tokio::test]
async fn wrong_content_types_are_415() {
    let api = Api::start().await;
    let body = br#"{"itemType":"device","itemId":"575ecf887ae143cd83dc4aa2"}"#.to_vec();
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
    ] {
        let answer = raw(&api, "POST", "/me/recentItems", content_type, body.clone()).await;
        assert_eq!(answer.status, 415, "{content_type:?}");
        assert_client_error(&answer, "content type");
    }
    let answer = raw(
        &api,
        "POST",
        "/me/recentItems",
        Some("application/json; charset=utf-8"),
        body,
    )
    .await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
}

#[tokio::test]
async fn huge_bodies_are_413() {
    let api = Api::start().await;
    let huge = format!("{{\"firstName\": \"{}\"}}", "x".repeat(1024 * 1024));
    let answer = raw(
        &api,
        "PATCH",
        "/me",
        Some("application/json"),
        huge.into_bytes(),
    )
    .await;
    assert_eq!(answer.status, 413);
    assert_client_error(&answer, "huge body");
    // Large but within the limit: the schema's maxLength answers.
    let long = json!({"firstName": "x".repeat(5000)});
    let answer = api.call("PATCH", "/me", Some(&long)).await;
    assert_eq!(answer.status, 400);
}

#[tokio::test]
async fn unknown_paths_and_methods_are_404_and_405() {
    let api = Api::start().await;
    for path in [
        "/",
        "/you",
        "/me/",
        "/me/invites/a/b",
        "/me/%ff",
        "/../etc/passwd",
    ] {
        let answer = api.get(path).await;
        assert!(
            matches!(answer.status, 400 | 404),
            "{path}: {}",
            answer.status
        );
        assert_client_error(&answer, path);
    }
    for (method, path) in [
        ("DELETE", "/me"),
        ("PUT", "/me/recentItems"),
        ("POST", "/me"),
    ] {
        let answer = api.call(method, path, None).await;
        assert_eq!(answer.status, 405, "{method} {path}");
        assert_client_error(&answer, path);
    }
}

#[tokio::test]
async fn hostile_query_strings_are_400() {
    let api = Api::start().await;
    for query in [
        "/me?token=abc",
        "/me?losantdomain=example.com",
        "/me?includeRecent",
        "/me?includeRecent=TRUE",
        "/me?_links=maybe",
        "/me?%ff=%fe",
        "/me/recentItems?itemType=device&itemType=flow",
        "/me/deviceCounts?start=0&end=9223372036854775807",
        "/me/deviceCounts?start=-9223372036854775808",
        "/me/payloadCountsBreakdown?start=0.5",
    ] {
        let answer = api.get(query).await;
        assert_eq!(answer.status, 400, "{query}: {:?}", answer.body);
        assert_client_error(&answer, query);
    }
    // The client flags the official clients send are accepted.
    api.get("/me?_actions=false&_links=true&_embedded=true")
        .await
        .ok();
}

#[tokio::test]
async fn huge_ranges_are_bounded_not_refused() {
    let api = Api::start().await;
    for query in [
        "/me/deviceCounts?start=0&end=253402300799999",
        "/me/notebookMinuteCounts?start=0&end=253402300799999",
        "/me/payloadCountsBreakdown?start=0&end=253402300799999&resolution=3600000",
        "/me/payloadCounts?start=0&end=253402300799999&asBytes=true",
        // The documents' own example range.
        "/me/deviceCounts?start=0&end=1465790400000",
    ] {
        let body: Value = api.get(query).await.ok();
        if let Some(counts) = body["counts"].as_array() {
            assert!(!counts.is_empty() && counts.len() <= 1_000, "{query}");
        }
    }
}

#[tokio::test]
async fn hostile_path_parameters() {
    let api = Api::start().await;
    for id in [
        "%00",
        "%2F..%2F",
        "575ec8687ae143cd83dc4a97575ec8687ae143cd83dc4a97",
        "zzzzzzzzzzzzzzzzzzzzzzzz",
        &"a".repeat(5000),
    ] {
        let answer = api.get(&format!("/me/invites/{id}")).await;
        assert_eq!(answer.status, 400, "{id}");
        assert_client_error(&answer, id);
    }
}

#[tokio::test]
async fn concurrent_requests_share_one_consistent_state() {
    let api = std::sync::Arc::new(Api::start().await);
    let mut tasks = Vec::new();
    for n in 0..40_usize {
        let api = api.clone();
        tasks.push(tokio::spawn(async move {
            let item = format!("{n:024x}");
            api.call(
                "POST",
                "/me/recentItems",
                Some(&json!({"itemType": "flow", "itemId": item})),
            )
            .await
            .ok();
            api.get("/me/refreshToken").await.ok();
        }));
    }
    for task in tasks {
        task.await.expect("task");
    }
    let list = api.get("/me/recentItems?itemType=flow").await.ok();
    let items = list["items"].as_array().expect("items");
    assert_eq!(items.len(), 10);
    let mut ids: Vec<&str> = items
        .iter()
        .map(|i| i["id"].as_str().expect("id"))
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 10);
}

#[tokio::test]
async fn a_bad_authorization_header_is_401() {
    let api = Api::start().await;
    for value in ["Bearer", "Bearer ", "bearer  ", "Token abc", "Bearer\tx"] {
        let answer = api
            .http
            .get(format!("{}/me", api.server.url()))
            .header("Authorization", value)
            .send()
            .await
            .expect("request");
        let answer = Api::answer(answer).await;
        assert_eq!(answer.status, 401, "{value:?}");
        assert_client_error(&answer, value);
    }
}
