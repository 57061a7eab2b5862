//! The defects a demanding user found, each pinned: idle and slow connections, the connection
//! cap, a bounded shutdown, live tokens kept, query values checked against the documents,
//! `tokenTTL`, HEAD without effects, and booleans as the official Python client sends them.

mod common;

use std::time::{Duration, Instant};

use common::Api;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use wegnology_fake::{FakeConfig, FakeServer, FaultRule};

/// Waits until the server closes `stream` (EOF or reset), at most `limit`.
async fn closed_within(stream: &mut TcpStream, limit: Duration) -> bool {
    let mut buffer = [0u8; 1024];
    let deadline = Instant::now() + limit;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, stream.read(&mut buffer)).await {
            Err(_) => return false,
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            // A 408 or similar before closing: keep reading until the close.
            Ok(Ok(_)) => continue,
        }
    }
}

/// The soft limit on open files of this process (each idle socket costs two here: the
/// client's end and the server's).
fn open_file_limit() -> usize {
    std::fs::read_to_string("/proc/self/limits")
        .ok()
        .and_then(|limits| {
            let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
            line.split_whitespace().nth(3)?.parse().ok()
        })
        .unwrap_or(1_024)
}

#[tokio::test]
async fn idle_sockets_are_closed_in_time_and_normal_clients_served_meanwhile() {
    // 1,000 where the file limit allows (it does on the project's machines: 20,000).
    let idle_count = 1_000.min(open_file_limit().saturating_sub(256) / 2);
    assert!(
        idle_count >= 100,
        "the open-file limit is too low for this test"
    );
    let idle_timeout = Duration::from_millis(1_500);
    let api = Api::start_with(FakeConfig {
        idle_timeout,
        max_connections: 2 * idle_count,
        ..FakeConfig::default()
    })
    .await;
    let opened = Instant::now();
    let mut sockets = Vec::with_capacity(idle_count);
    for n in 0..idle_count {
        let mut socket = TcpStream::connect(api.server.address())
            .await
            .expect("connect");
        // Every tenth one starts a request head and never finishes it (a slow client).
        if n % 10 == 0 {
            socket
                .write_all(b"GET /me HTTP/1.1\r\nHost: x\r\n")
                .await
                .expect("partial head");
        }
        sockets.push(socket);
    }
    // While they are all open, a normal client is served (all 1,000 are accepted).
    let served = tokio::time::timeout(Duration::from_secs(5), api.get("/me")).await;
    served.expect("a normal request is answered").ok();
    assert!(
        api.server.open_connections() > idle_count,
        "{} open",
        api.server.open_connections()
    );
    assert_eq!(api.server.evicted_connections(), 0);

    // Each idle socket is closed by the server, after the timeout and not long after it.
    let margin = Duration::from_secs(3);
    for (n, socket) in sockets.iter_mut().enumerate() {
        let left = (opened + idle_timeout + margin).saturating_duration_since(Instant::now());
        assert!(closed_within(socket, left).await, "socket {n} still open");
    }
    assert!(opened.elapsed() >= idle_timeout);
    // The server's own count drops too (the normal client's pooled connection is idle as well).
    let deadline = Instant::now() + margin;
    while api.server.open_connections() > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(api.server.open_connections(), 0);
}

#[tokio::test]
async fn at_the_connection_cap_the_longest_idle_connection_makes_room() {
    let api = Api::start_with(FakeConfig {
        max_connections: 8,
        ..FakeConfig::default()
    })
    .await;
    let mut sockets = Vec::new();
    for _ in 0..8 {
        sockets.push(
            TcpStream::connect(api.server.address())
                .await
                .expect("connect"),
        );
    }
    let deadline = Instant::now() + Duration::from_secs(5);
    while api.server.open_connections() < 8 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // The idle timeout is 30 s: only eviction can let this one in quickly.
    let served = tokio::time::timeout(Duration::from_secs(5), api.get("/me")).await;
    served.expect("served at the cap").ok();
    assert!(api.server.evicted_connections() >= 1);
    assert!(api.server.open_connections() <= 8);
    // The first idle socket was the one closed.
    assert!(closed_within(&mut sockets[0], Duration::from_secs(2)).await);
}

#[tokio::test]
async fn a_request_body_that_never_arrives_is_408_after_the_timeout() {
    let api = Api::start_with(FakeConfig {
        idle_timeout: Duration::from_millis(300),
        ..FakeConfig::default()
    })
    .await;
    let mut socket = TcpStream::connect(api.server.address())
        .await
        .expect("connect");
    let head = format!(
        "PATCH /me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{",
        api.token()
    );
    socket.write_all(head.as_bytes()).await.expect("head");
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), socket.read_to_end(&mut answer)).await;
    read.expect("answered and closed").expect("read");
    let text = String::from_utf8_lossy(&answer);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
}

#[tokio::test]
async fn shutdown_ends_within_its_deadline_while_a_request_is_held_open() {
    let server = FakeServer::start_with(FakeConfig {
        shutdown_timeout: Duration::from_millis(300),
        faults: vec![FaultRule::delay(Duration::from_secs(600)).next(1)],
        ..FakeConfig::default()
    })
    .await
    .expect("fake starts");
    let url = format!("{}/me", server.url());
    let token = server.token().to_string();
    let held = tokio::spawn(async move {
        reqwest::Client::new()
            .get(url)
            .bearer_auth(token)
            .send()
            .await
    });
    // Let the request arrive and start its ten-minute delay (the journal has it only once
    // it is answered).
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!held.is_finished());
    let started = Instant::now();
    tokio::time::timeout(Duration::from_secs(10), server.shutdown())
        .await
        .expect("shutdown is bounded");
    assert!(started.elapsed() >= Duration::from_millis(300));
    // The held request's connection was closed, so its client sees an error, not a hang.
    let outcome = tokio::time::timeout(Duration::from_secs(5), held)
        .await
        .expect("the held request ends")
        .expect("task");
    assert!(outcome.is_err(), "{outcome:?}");
}

#[tokio::test]
async fn the_start_up_token_survives_more_refreshes_than_the_table_holds() {
    let api = Api::start_with(FakeConfig {
        max_tokens: 50,
        ..FakeConfig::default()
    })
    .await;
    // Before the fix the oldest token went first: the start-up token, after 50 refreshes.
    for _ in 0..120 {
        api.get("/me/refreshToken").await.ok();
    }
    api.get("/me").await.ok();
}

#[tokio::test]
async fn query_values_must_satisfy_the_documented_pattern() {
    let api = Api::start().await;
    for bad in ["not-an-id", "575ec8687ae143cd83dc4a9", "<script>"] {
        let query = format!("/me/recentItems?itemType=device&parentId={bad}");
        let message = api.get(&query).await.error(400);
        assert!(message.contains("parentId"), "{message}");
        assert!(!message.contains(bad), "the value is echoed: {message}");
    }
    let ok = api
        .get("/me/recentItems?itemType=device&parentId=575ec8687ae143cd83dc4a97")
        .await
        .ok();
    assert_eq!(ok["parentId"], "575ec8687ae143cd83dc4a97");
}

#[tokio::test]
async fn a_token_with_a_ttl_expires_and_refreshing_never_extends_it() {
    let api = Api::start().await;
    let password = FakeConfig::DEFAULT_PASSWORD;
    let changed = api
        .call(
            "PATCH",
            "/me/changePassword",
            Some(&json!({"password": password, "newPassword": password, "tokenTTL": 2})),
        )
        .await
        .ok();
    let short = changed["token"].as_str().expect("token").to_string();
    api.send("GET", "/me", Some(&short), None).await.ok();
    // A refresh of a short-lived token is just as short-lived.
    let refreshed = api
        .send("GET", "/me/refreshToken", Some(&short), None)
        .await
        .ok();
    let refreshed = refreshed["token"].as_str().expect("token").to_string();
    api.send("GET", "/me", Some(&refreshed), None).await.ok();
    tokio::time::sleep(Duration::from_millis(2_200)).await;
    api.send("GET", "/me", Some(&short), None).await.error(401);
    api.send("GET", "/me", Some(&refreshed), None)
        .await
        .error(401);
    // The start-up token has no TTL and still works.
    api.get("/me").await.ok();
}

#[tokio::test]
async fn head_never_runs_an_action_with_effects() {
    let api = Api::start().await;
    let head = api
        .http
        .head(format!("{}/me/refreshToken", api.server.url()))
        .bearer_auth(api.token())
        .send()
        .await
        .expect("HEAD answered");
    assert_eq!(head.status().as_u16(), 405);
    // Tokens are numbered in order of issue: no token was minted by the HEAD (the start-up
    // token is the first).
    let refreshed = api.get("/me/refreshToken").await.ok();
    let token = refreshed["token"].as_str().expect("token");
    assert!(token.ends_with(".2"), "{token}");
    // A HEAD of a read-only action is answered like its GET, without a body.
    let head = api
        .http
        .head(format!("{}/me", api.server.url()))
        .bearer_auth(api.token())
        .send()
        .await
        .expect("HEAD answered");
    assert_eq!(head.status().as_u16(), 200);
    assert_eq!(head.bytes().await.expect("no body").len(), 0);
}

#[tokio::test]
async fn booleans_as_the_python_client_writes_them_are_accepted() {
    let api = Api::start().await;
    let me = api
        .get("/me?includeRecent=True&_actions=False&_links=True")
        .await
        .ok();
    assert!(me["recentApplications"].is_object());
    let me = api.get("/me?includeRecent=False").await.ok();
    assert!(me.get("recentApplications").is_none());
    let bytes = api.get("/me/payloadCounts?asBytes=True").await.ok();
    let counts = api.get("/me/payloadCounts?asBytes=False").await.ok();
    assert_ne!(bytes, counts);
    // Only those two spellings: anything else is still refused.
    api.get("/me?includeRecent=TRUE").await.error(400);
    api.get("/me?includeRecent=yes").await.error(400);
}

#[tokio::test]
async fn idle_connections_do_not_hold_up_shutdown() {
    let server = FakeServer::start().await.expect("fake starts");
    let mut sockets = Vec::new();
    for _ in 0..3 {
        sockets.push(TcpStream::connect(server.address()).await.expect("connect"));
    }
    let deadline = Instant::now() + Duration::from_secs(5);
    while server.open_connections() < 3 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // Nothing is in flight: shutdown closes them at once rather than waiting out its 5 s.
    let started = Instant::now();
    server.shutdown().await;
    assert!(started.elapsed() < FakeConfig::DEFAULT_SHUTDOWN_TIMEOUT / 2);
    for socket in &mut sockets {
        assert!(closed_within(socket, Duration::from_secs(1)).await);
    }
}
