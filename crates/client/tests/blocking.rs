//! The `blocking` feature: `send_blocking()` without an async runtime in the caller.
#![cfg(feature = "blocking")]

mod recorder;

use std::time::Duration;

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
    let server = tokio::runtime::Runtime::new().unwrap();
    let recorder = server.block_on(Recorder::start(|_| Answer {
        status: 200,
        body: r#"{"firstName":"Ada"}"#.to_string(),
        delay: Duration::ZERO,
    }));
    let client = wegnology::Client::builder()
        .base_url(&recorder.url)
        .build()
        .unwrap();
    for _ in 0..200 {
        client.me().get().send_blocking().unwrap();
    }
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
