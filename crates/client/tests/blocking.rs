//! The `blocking` feature: `send_blocking()` without an async runtime in the caller.
#![cfg(feature = "blocking")]

mod misbehaving;
mod recorder;

use std::time::Duration;

use misbehaving::{Act, Misbehaving};
use recorder::{Answer, Recorder};

#[test]
fn send_blocking_sends_and_decodes() {
    // The recorder needs a runtime of its own on another thread; the caller has none.
    let server = tokio::runtime::Runtime::new().unwrap();
    let recorder = server.block_on(Recorder::start(|_| Answer {
        status: 200,
        body: r#"{"firstName":"Ada"}"#.to_string(),
        delay: Duration::ZERO,
    }));
    let client = wegnology::Client::builder()
        .base_url(&recorder.url)
        .token("t")
        .build()
        .unwrap();
    let me = client
        .me()
        .get()
        .include_recent(false)
        .send_blocking()
        .unwrap();
    assert_eq!(me.first_name.as_deref(), Some("Ada"));
    let request = recorder.last();
    assert_eq!(request.path, "/me");
    assert!(request
        .query
        .contains(&("includeRecent".to_string(), "false".to_string())));
}

#[test]
fn one_client_serves_many_blocking_calls() {
    // A server that counts the connections it accepts (and keeps each open).
    let server = tokio::runtime::Runtime::new().unwrap();
    let counting = server.block_on(Misbehaving::start(
        vec![],
        Act::status(200, r#"{"firstName":"Ada"}"#),
    ));
    let client = wegnology::Client::builder()
        .base_url(&counting.url)
        .build()
        .unwrap();
    for _ in 0..200 {
        client.me().get().send_blocking().unwrap();
    }
    let seen = counting.seen();
    assert_eq!(seen.len(), 200);
    // Pooled connections outlive each call (the background runtime that drives them stays):
    // were it a runtime per call, each call would open its own. Not exactly one: hyper returns
    // a connection to the pool from a task on that runtime's worker, and a call that starts
    // before that task ran opens another (1 to 5 connections in 200 calls, as with any
    // multi-threaded runtime; a current-thread one gets 1).
    let connections: std::collections::BTreeSet<usize> =
        seen.iter().map(|s| s.connection).collect();
    assert!(
        connections.len() <= 20,
        "{} connections for 200 calls: pooled connections are not reused",
        connections.len()
    );
}

#[tokio::test]
async fn send_blocking_inside_a_runtime_is_an_error_not_a_panic() {
    let client = wegnology::Client::builder()
        .base_url("http://127.0.0.1:9")
        .build()
        .unwrap();
    match client.me().get().send_blocking() {
        Err(wegnology::Error::Runtime(message)) => assert!(message.contains("send().await")),
        other => panic!("{other:?}"),
    }
}
