//! The client against a misbehaving loopback server: each test asserts the outcome and how many
//! requests the server saw. Retries are the default policy's (2, for requests safe to repeat).
//!
//! Tests about time run on tokio's paused clock (`start_paused`): it moves only to the next
//! timer when every task waits, so a wait is measured exactly, in no wall-clock time (the
//! loopback server shares the test's runtime, and its answers arrive within the same poll).

mod capture;
mod misbehaving;

use std::time::Duration;

use misbehaving::{Act, Misbehaving};
use tokio::time::Instant;
use wegnology::{Client, Error, MePatch, RetryPolicy};

const ME: &str = r#"{"firstName":"Ada"}"#;

fn client(url: &str) -> Client {
    Client::builder()
        .base_url(url)
        .token("t")
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

#[tokio::test(start_paused = true)]
async fn a_429_with_retry_after_is_retried_after_that_long() {
    let server = Misbehaving::start(
        vec![
            Act::status(429, r#"{"type":"TooManyRequests","message":"slow down"}"#)
                .with_header("retry-after", "1"),
        ],
        Act::status(200, ME),
    )
    .await;
    let started = Instant::now();
    let me = client(&server.url).me().get().send().await.unwrap();
    let waited = started.elapsed();
    assert_eq!(me.first_name.as_deref(), Some("Ada"));
    assert_eq!(server.count(), 2);
    assert!(waited >= Duration::from_secs(1), "{waited:?}");
    assert!(waited < Duration::from_secs(10), "{waited:?}");
    // Exactly the second asked for (timers tick in milliseconds), not a backoff step.
    assert!(waited < Duration::from_millis(1_002), "{waited:?}");
}

#[tokio::test]
async fn a_503_then_200_is_ok() {
    let server = Misbehaving::start(vec![Act::status(503, "busy")], Act::status(200, ME)).await;
    let me = client(&server.url).me().get().send().await.unwrap();
    assert_eq!(me.first_name.as_deref(), Some("Ada"));
    assert_eq!(server.count(), 2);
}

#[tokio::test(start_paused = true)]
async fn a_408_on_a_get_is_retried_after_a_backoff_step() {
    let server = Misbehaving::start(
        vec![Act::status(408, r#"{"type":"RequestTimeout"}"#)],
        Act::status(200, ME),
    )
    .await;
    let started = Instant::now();
    let me = client(&server.url).me().get().send().await.unwrap();
    assert_eq!(me.first_name.as_deref(), Some("Ada"));
    assert_eq!(server.count(), 2);
    // The first step of the default backoff: 200 ms plus a jitter of less than 200 ms.
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(200) && waited < Duration::from_millis(401),
        "{waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_409_on_a_get_is_retried_after_a_backoff_step() {
    let server = Misbehaving::start(
        vec![
            Act::status(409, r#"{"type":"Conflict"}"#),
            Act::status(409, r#"{"type":"Conflict"}"#),
        ],
        Act::status(200, ME),
    )
    .await;
    let started = Instant::now();
    let me = client(&server.url).me().get().send().await.unwrap();
    assert_eq!(me.first_name.as_deref(), Some("Ada"));
    assert_eq!(server.count(), 3, "two 409s, each retried");
    // Two backoff steps: [200, 400) ms, then [400, 800) ms.
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(600) && waited < Duration::from_millis(1_202),
        "{waited:?}"
    );
}

#[tokio::test]
async fn with_retry_policy_none_a_503_is_exactly_one_request() {
    let server = Misbehaving::start(vec![], Act::status(503, "busy")).await;
    let client = Client::builder()
        .base_url(&server.url)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let error = client.me().get().send().await.unwrap_err();
    assert_eq!(error.status(), Some(503));
    // Retryable by its kind, yet not retried: the policy says none.
    assert!(error.is_retryable());
    assert_eq!(server.count(), 1);
    // And so for every call of that client.
    client.me().get().send().await.unwrap_err();
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn a_get_reset_mid_body_is_retried() {
    let server = Misbehaving::start(vec![Act::ResetMidBody], Act::status(200, ME)).await;
    let me = client(&server.url).me().get().send().await.unwrap();
    assert_eq!(me.first_name.as_deref(), Some("Ada"));
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn a_patch_answered_503_is_not_retried() {
    let server = Misbehaving::start(vec![], Act::status(503, "busy")).await;
    let result = client(&server.url)
        .me()
        .patch(MePatch::default())
        .send()
        .await;
    match result {
        Err(Error::Api { status: 503, .. }) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn when_retries_are_exhausted_the_last_error_is_returned() {
    let server = Misbehaving::start(
        vec![Act::status(502, "a"), Act::status(503, "b")],
        Act::status(504, "the last"),
    )
    .await;
    match client(&server.url).me().get().send().await {
        Err(Error::Api { status, body, .. }) => {
            assert_eq!((status, body.as_str()), (504, "the last"))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(server.count(), 3, "one attempt and two retries");
}

#[tokio::test]
async fn per_call_retries_replace_the_clients() {
    let server = Misbehaving::start(vec![], Act::status(503, "busy")).await;
    let client = client(&server.url);
    assert!(client.me().get().retries(0).send().await.is_err());
    assert_eq!(server.count(), 1, "retries(0): one attempt");
    let error = client.me().get().retries(3).send().await.unwrap_err();
    assert!(error.is_retryable());
    assert_eq!(server.count(), 1 + 4, "retries(3): four attempts");
}

#[tokio::test]
async fn a_refused_connection_is_retried_then_a_transport_error_naming_the_cause() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let (captured, _guard) = capture::capture();
    let error = client(&url).me().get().send().await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::Transport {
                action: "me.get",
                ..
            }
        ),
        "{error:?}"
    );
    let message = error.to_string().to_lowercase();
    assert!(message.contains("refused"), "{message}");
    // Nobody listens, so the attempts are counted from the client's retry events.
    let retries = captured.text().matches("retrying").count();
    assert_eq!(retries, 2, "{}", captured.text());
}

#[tokio::test(start_paused = true)]
async fn a_slow_drip_past_the_timeout_is_a_timeout() {
    let server = Misbehaving::start(
        vec![],
        Act::Drip {
            every: Duration::from_millis(100),
        },
    )
    .await;
    let client = Client::builder()
        .base_url(&server.url)
        .timeout(Duration::from_secs(1))
        .build()
        .unwrap();
    let started = Instant::now();
    match client.me().get().send().await {
        Err(Error::Timeout { action: "me.get" }) => {}
        other => panic!("{other:?}"),
    }
    let waited = started.elapsed();
    assert!(waited >= Duration::from_secs(1), "{waited:?}");
    assert!(waited < Duration::from_secs(10), "{waited:?}");
    // The call ends at its deadline, not at the next byte or the end of the body.
    assert!(waited < Duration::from_millis(1_002), "{waited:?}");
    assert_eq!(
        server.count(),
        1,
        "a timeout spends the call's time: no retry"
    );
}

#[tokio::test(start_paused = true)]
async fn a_per_call_timeout_replaces_the_clients() {
    let server = Misbehaving::start(
        vec![],
        Act::Drip {
            every: Duration::from_millis(100),
        },
    )
    .await;
    let started = Instant::now();
    let result = client(&server.url)
        .me()
        .get()
        .timeout(Duration::from_millis(300))
        .send()
        .await;
    assert!(matches!(result, Err(Error::Timeout { .. })), "{result:?}");
    assert_eq!(server.count(), 1);
    // The call's 300 ms, not the client's 20 s.
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(300) && waited < Duration::from_millis(302),
        "{waited:?}"
    );
}

#[tokio::test]
async fn a_pooled_connection_closed_by_the_server_is_retried() {
    let server = Misbehaving::start(
        vec![Act::status(200, ME), Act::CloseWithoutAnswer],
        Act::status(200, ME),
    )
    .await;
    let client = client(&server.url);
    client.me().get().send().await.unwrap();
    let me = client.me().get().send().await.unwrap();
    assert_eq!(me.first_name.as_deref(), Some("Ada"));
    let connections: Vec<usize> = server.seen().iter().map(|s| s.connection).collect();
    // The second call reused the first call's connection, found it closed, and was sent again
    // on a new one.
    assert_eq!(connections, [1, 1, 2]);
}

#[tokio::test(start_paused = true)]
async fn retry_after_longer_than_the_deadline_is_not_waited_for() {
    let server = Misbehaving::start(
        vec![],
        Act::status(429, "{}").with_header("retry-after", "20"),
    )
    .await;
    let client = Client::builder()
        .base_url(&server.url)
        .timeout(Duration::from_secs(2))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client.me().get().send().await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    // Not waited for at all: no timer ran.
    assert_eq!(started.elapsed(), Duration::ZERO);
    assert_eq!(error.status(), Some(429));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(20)));
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn an_error_body_is_capped() {
    let huge = "x".repeat(50 * 1024 * 1024);
    let server = Misbehaving::start(vec![], Act::status(500, &huge)).await;
    match client(&server.url)
        .me()
        .patch(MePatch::default())
        .send()
        .await
    {
        Err(Error::Api {
            status: 500, body, ..
        }) => {
            assert_eq!(body.len(), Error::API_BODY_CAP);
            assert!(body.bytes().all(|b| b == b'x'));
        }
        other => panic!("{:?}", other.map(|_| ())),
    }
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn api_errors_carry_the_headers() {
    let server = Misbehaving::start(
        vec![],
        Act::status(404, r#"{"type":"NotFound","message":"no"}"#)
            .with_header("x-request-id", "abc"),
    )
    .await;
    let error = client(&server.url)
        .me()
        .invite("x")
        .send()
        .await
        .unwrap_err();
    let headers = error.headers().expect("headers");
    assert_eq!(headers.get("x-request-id").unwrap(), "abc");
    assert!(!error.is_retryable());
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn a_redirect_to_another_origin_is_not_followed() {
    let elsewhere = Misbehaving::start(vec![], Act::status(200, "{}")).await;
    let server = Misbehaving::start(
        vec![],
        Act::status(307, "")
            .with_header("location", format!("{}/me/changePassword", elsewhere.url)),
    )
    .await;
    let data = wegnology::ChangePassword {
        password: "old-password".into(),
        new_password: "New-password-1!".into(),
        ..Default::default()
    };
    let error = client(&server.url)
        .me()
        .change_password(data)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(307));
    let location = error.headers().unwrap().get("location").unwrap();
    assert!(location.to_str().unwrap().starts_with(&elsewhere.url));
    assert_eq!(server.count(), 1);
    assert_eq!(
        elsewhere.count(),
        0,
        "the password body never left the base URL's origin"
    );
}

#[tokio::test]
async fn a_redirect_within_the_origin_is_followed() {
    let server = Misbehaving::start(
        vec![Act::status(307, "").with_header("location", "/me?moved=1")],
        Act::status(200, ME),
    )
    .await;
    let me = client(&server.url).me().get().send().await.unwrap();
    assert_eq!(me.first_name.as_deref(), Some("Ada"));
    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    assert!(
        seen[1].request_line.starts_with("GET /me?moved=1 "),
        "{seen:?}"
    );
}
