//! Faults on demand, rate limiting and the request journal, over real HTTP.

mod common;

use std::time::{Duration, Instant};

use common::Api;
use serde_json::json;
use wegnology_fake::{FakeConfig, FakeServer, FaultRule, RateLimit, FAULT_HEADER, REDACTED};

async fn statuses(api: &Api, count: usize) -> Vec<u16> {
    let mut statuses = Vec::new();
    for _ in 0..count {
        statuses.push(api.get("/me").await.status);
    }
    statuses
}

#[tokio::test]
async fn status_faults_answer_the_next_n_requests_then_stop() {
    let api = Api::start_with(FakeConfig {
        faults: vec![FaultRule::status(503).next(2)],
        ..FakeConfig::default()
    })
    .await;
    let first = api.get("/me").await;
    assert_eq!(
        first.error(503),
        "an injected fault (the fake's fault rules)"
    );
    assert_eq!(statuses(&api, 3).await, [503, 200, 200]);
    for status in [500, 502, 504] {
        api.server.inject(FaultRule::status(status).next(1));
        assert_eq!(statuses(&api, 2).await, [status, 200]);
    }
}

#[tokio::test]
async fn a_429_carries_retry_after() {
    let api = Api::start().await;
    api.server.inject(FaultRule::too_many_requests(7).next(1));
    let response = api
        .http
        .get(format!("{}/me", api.server.url()))
        .bearer_auth(api.token())
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.headers()["retry-after"], "7");
    let body: serde_json::Value = response.json().await.expect("an Error body");
    assert_eq!(body["type"], "TooManyRequests");
}

#[tokio::test]
async fn a_delay_holds_the_answer_then_answers_normally() {
    let api = Api::start().await;
    api.server
        .inject(FaultRule::delay(Duration::from_millis(400)).next(1));
    let started = Instant::now();
    api.get("/me").await.ok();
    assert!(started.elapsed() >= Duration::from_millis(400));
    let entry = api.server.journal().pop().expect("journaled");
    assert_eq!(entry.fault.as_deref(), Some("delay=400ms"));
}

#[tokio::test]
async fn a_reset_closes_the_connection_without_an_answer_or_effect() {
    let api = Api::start().await;
    api.server.inject(FaultRule::reset().only("patch").next(1));
    let error = api
        .http
        .patch(format!("{}/me", api.server.url()))
        .bearer_auth(api.token())
        .json(&json!({"firstName": "Reset"}))
        .send()
        .await
        .expect_err("no answer");
    assert!(!error.is_timeout(), "{error:?}");
    // The action did not run; the next request is served.
    let me = api.get("/me").await.ok();
    assert_eq!(me["firstName"], "Example");
    let journal = api.server.journal();
    assert_eq!(journal[0].fault.as_deref(), Some("reset"));
    assert_eq!(journal[0].status, None);

    // On the wire it is a TCP reset, not an orderly close.
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    api.server.inject(FaultRule::reset().next(1));
    let mut socket = tokio::net::TcpStream::connect(api.server.address())
        .await
        .expect("connect");
    let head = format!(
        "GET /me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\n\r\n",
        api.token()
    );
    socket.write_all(head.as_bytes()).await.expect("request");
    let mut buffer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), socket.read_to_end(&mut buffer))
        .await
        .expect("closed");
    let error = read.expect_err("a reset, not EOF");
    assert_eq!(error.kind(), std::io::ErrorKind::ConnectionReset);
    assert!(buffer.is_empty());
}

#[tokio::test]
async fn a_truncated_body_fails_to_read_after_the_action_ran() {
    let api = Api::start().await;
    api.server.inject(FaultRule::truncate().next(1));
    let response = api
        .http
        .patch(format!("{}/me", api.server.url()))
        .bearer_auth(api.token())
        .json(&json!({"firstName": "Truncated"}))
        .send()
        .await
        .expect("the head arrives");
    assert_eq!(response.status().as_u16(), 200);
    let promised = response.content_length().expect("a length");
    assert!(response.bytes().await.is_err(), "{promised} bytes promised");
    // The action ran before the body was cut: the change is there.
    assert_eq!(api.get("/me").await.ok()["firstName"], "Truncated");
}

#[tokio::test]
async fn seeded_fractions_are_the_same_for_the_same_seed() {
    let run = |seed: u64| async move {
        let api = Api::start_with(FakeConfig {
            faults: vec![FaultRule::status(500).fraction(0.5, seed)],
            ..FakeConfig::default()
        })
        .await;
        statuses(&api, 40).await
    };
    let first = run(11).await;
    assert_eq!(first, run(11).await);
    assert_ne!(first, run(12).await);
    let failed = first.iter().filter(|s| **s == 500).count();
    assert!((8..=32).contains(&failed), "{first:?}");
}

#[tokio::test]
async fn the_control_header_installs_its_rule_once_per_value() {
    let api = Api::start().await;
    let send = |value: &'static str| {
        api.http
            .get(format!("{}/me", api.server.url()))
            .bearer_auth(api.token())
            .header(FAULT_HEADER, value)
            .send()
    };
    let status = |response: Result<reqwest::Response, reqwest::Error>| {
        response.expect("answered").status().as_u16()
    };
    // A retrying client repeats its headers: it meets the fault once, then gets through.
    assert_eq!(status(send("status=429, retry-after=1, next=1").await), 429);
    assert_eq!(status(send("status=429, retry-after=1, next=1").await), 200);
    // The rule counts the request that carried it and the next ones.
    assert_eq!(status(send("status=502; next=2").await), 502);
    assert_eq!(statuses(&api, 2).await, [502, 200]);
    // A header that is no rule is a 400 naming the problem.
    let bad = send("status=200").await.expect("answered");
    assert_eq!(bad.status().as_u16(), 400);
    let body: serde_json::Value = bad.json().await.expect("Error body");
    assert!(body["message"]
        .as_str()
        .expect("message")
        .contains("not 4xx or 5xx"));
}

#[tokio::test]
async fn rate_limiting_is_per_token_with_headers() {
    let api = Api::start_with(FakeConfig {
        rate_limit: Some(RateLimit {
            per_second: 1,
            burst: 2,
        }),
        ..FakeConfig::default()
    })
    .await;
    let send = |token: String| {
        api.http
            .get(format!("{}/me", api.server.url()))
            .bearer_auth(token)
            .send()
    };
    let first = send(api.token()).await.expect("answered");
    assert_eq!(first.status().as_u16(), 200);
    assert_eq!(first.headers()["x-ratelimit-limit"], "2");
    assert_eq!(first.headers()["x-ratelimit-remaining"], "1");
    assert_eq!(send(api.token()).await.expect("answered").status(), 200);
    let limited = send(api.token()).await.expect("answered");
    assert_eq!(limited.status().as_u16(), 429);
    assert_eq!(limited.headers()["retry-after"], "1");
    assert_eq!(limited.headers()["x-ratelimit-remaining"], "0");
    // Another token has its own allowance.
    let other = api.server.mint_token(&["all.User"]);
    assert_eq!(send(other).await.expect("answered").status(), 200);
    // Off by default.
    let unlimited = Api::start().await;
    assert!(statuses(&unlimited, 20).await.iter().all(|s| *s == 200));
}

#[tokio::test]
async fn the_journal_shows_what_was_sent_without_secrets() {
    let server = FakeServer::start().await.expect("fake starts");
    let http = reqwest::Client::new();
    let password = FakeConfig::DEFAULT_PASSWORD;
    let answer = http
        .patch(format!("{}/me/changePassword", server.url()))
        .bearer_auth(server.token())
        .header("losantdomain", "example.com")
        .json(&json!({"password": password, "newPassword": "Another-good-one-2"}))
        .send()
        .await
        .expect("answered");
    assert_eq!(answer.status().as_u16(), 200);
    http.get(format!(
        "{}/me/recentItems?itemType=device&parentId=575ec8687ae143cd83dc4a97",
        server.url()
    ))
    .bearer_auth(server.token())
    .send()
    .await
    .expect("answered");
    http.get(format!("{}/nowhere", server.url()))
        .send()
        .await
        .expect("answered");

    let journal = server.journal();
    assert_eq!(journal.len(), 3);
    let change = &journal[0];
    assert_eq!(change.action.as_deref(), Some("change_password"));
    assert_eq!(change.method, "PATCH");
    assert_eq!(change.path, "/me/changePassword");
    assert_eq!(change.status, Some(200));
    assert_eq!(change.header("losantdomain"), Some("example.com"));
    assert_eq!(change.header("Authorization"), Some("Bearer [redacted]"));
    let body = change.body.as_ref().expect("a body");
    assert_eq!(body["password"], REDACTED);
    assert_eq!(body["newPassword"], REDACTED);
    let shown = format!("{journal:?}");
    for secret in [password, "Another-good-one-2", server.token()] {
        assert!(!shown.contains(secret), "a secret in the journal: {shown}");
    }

    let fetch = &journal[1];
    assert_eq!(fetch.action.as_deref(), Some("fetch_recent_items"));
    assert_eq!(fetch.query_param("itemType"), Some("device"));
    assert_eq!(
        fetch.query_param("parentId"),
        Some("575ec8687ae143cd83dc4a97")
    );
    assert_eq!(journal[2].action, None);
    assert_eq!(journal[2].status, Some(404));

    server.clear_journal();
    assert!(server.journal().is_empty());
}
