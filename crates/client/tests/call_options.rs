//! What a call gives besides the body (status, headers), awaiting a request directly, request
//! `Debug` without secrets, and token adoption.

mod recorder;

use std::time::Duration;

use recorder::{Answer, Recorded, Recorder};
use wegnology::{ChangePassword, Client};

fn answer(request: &Recorded) -> Answer {
    let body = match request.path.as_str() {
        "/me/refreshToken" | "/me/changePassword" => {
            r#"{"userId":"575ed70c7ae143cd83dc4aa9","token":"the-new-token"}"#
        }
        _ => r#"{"firstName":"Ada"}"#,
    };
    Answer {
        status: 200,
        body: body.to_string(),
        delay: Duration::ZERO,
    }
}

fn change() -> ChangePassword {
    ChangePassword {
        password: "old-password-value".into(),
        new_password: "New-password-value-1!".into(),
        two_factor_code: Some("123456".into()),
        ..Default::default()
    }
}

#[tokio::test]
async fn send_with_response_gives_status_headers_and_body() {
    let rec = Recorder::start(answer).await;
    let client = Client::builder().base_url(&rec.url).build().unwrap();
    let response = client.me().get().send_with_response().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.headers().get("content-type").unwrap(),
        "application/json"
    );
    assert_eq!(response.first_name.as_deref(), Some("Ada"));
    assert_eq!(response.into_body().first_name.as_deref(), Some("Ada"));
}

#[tokio::test]
async fn a_request_can_be_awaited_directly() {
    let rec = Recorder::start(answer).await;
    let client = Client::builder().base_url(&rec.url).build().unwrap();
    let me = client.me().get().include_recent(true).await.unwrap();
    assert_eq!(me.first_name.as_deref(), Some("Ada"));
    assert!(rec
        .last()
        .query
        .contains(&("includeRecent".to_string(), "true".to_string())));
}

#[test]
fn request_debug_shows_the_call_but_no_secret() {
    let client = Client::builder()
        .token("client-token-value")
        .build()
        .unwrap();
    let request = client
        .me()
        .change_password(change())
        .losantdomain("example.com");
    let shown = format!("{request:?} {client:?}");
    for secret in [
        "old-password-value",
        "New-password-value",
        "123456",
        "client-token-value",
    ] {
        assert!(!shown.contains(secret), "{shown}");
    }
    assert!(shown.contains("ChangePasswordRequest"), "{shown}");
    assert!(shown.contains("me.changePassword"), "{shown}");
    assert!(shown.contains("/me/changePassword"), "{shown}");
    assert!(shown.contains("example.com"), "{shown}");
}

#[tokio::test]
async fn new_tokens_are_adopted_only_when_asked_for_and_clones_share_them() {
    let rec = Recorder::start(answer).await;
    let plain = Client::builder()
        .base_url(&rec.url)
        .token("old")
        .build()
        .unwrap();
    plain.me().refresh_token().send().await.unwrap();
    plain.me().get().send().await.unwrap();
    assert_eq!(rec.last().header("authorization"), Some("Bearer old"));

    let adopting = Client::builder()
        .base_url(&rec.url)
        .token("old")
        .adopt_new_tokens(true)
        .build()
        .unwrap();
    let clone = adopting.clone();
    adopting
        .me()
        .change_password(change())
        .send()
        .await
        .unwrap();
    assert_eq!(rec.last().header("authorization"), Some("Bearer old"));
    clone.me().get().send().await.unwrap();
    assert_eq!(
        rec.last().header("authorization"),
        Some("Bearer the-new-token")
    );
    adopting.me().refresh_token().send().await.unwrap();
    assert_eq!(
        rec.last().header("authorization"),
        Some("Bearer the-new-token")
    );
}

#[test]
fn retry_policy_is_configurable_and_can_be_turned_off() {
    let policy = wegnology::RetryPolicy::default();
    assert_eq!(policy.retries(), 2);
    assert_eq!(wegnology::RetryPolicy::none().retries(), 0);
    assert_eq!(policy.max_retries(5).retries(), 5);
    assert!(Client::builder()
        .retry_policy(wegnology::RetryPolicy::none())
        .retries(1)
        .build()
        .is_ok());
}
