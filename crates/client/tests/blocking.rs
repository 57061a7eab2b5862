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
