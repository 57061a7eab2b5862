//! `generate!` compiles in a downstream crate and drives the same runtime.

mod recorder;

mod at_compile_time {
    wegnology_macros::generate!("../../spec/published", resources = ["me"]);
}

use std::time::Duration;

use recorder::{Answer, Recorder};

#[tokio::test]
async fn the_macro_client_sends_the_same_request() {
    let recorder = Recorder::start(|_| Answer {
        status: 200,
        body: r#"{"itemType":"flow","items":[]}"#.to_string(),
        delay: Duration::ZERO,
    })
    .await;
    let client = wegnology::Client::builder()
        .base_url(&recorder.url)
        .token("t")
        .build()
        .unwrap();
    let list = at_compile_time::me::MeApi::new(&client)
        .fetch_recent_items(at_compile_time::me::ItemType::Flow)
        .send()
        .await
        .unwrap();
    assert_eq!(
        list.item_type,
        Some(at_compile_time::RecentItemListItemType::Flow)
    );
    let request = recorder.last();
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("GET", "/me/recentItems")
    );
    assert!(request
        .query
        .contains(&("itemType".to_string(), "flow".to_string())));
}
