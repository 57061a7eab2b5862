//! Each kind of fault the embedded fake injects, as the generated client meets it: what it
//! retries by itself (calls safe to repeat: GETs), what reaches the caller and as which
//! `Error`, and what the fake's journal saw on the wire.
//!
//! The tests that measure a wait run on tokio's paused clock (`start_paused`), which moves only
//! to the next timer when every task waits: the wait is then measured exactly, the fake's
//! delays (tokio timers too) included.

use std::time::Duration;

use tokio::time::Instant;
use wegnology::{Client, Error, MePatch};
use wegnology_fake::{FakeConfig, FakeServer, FaultRule, JournalEntry, RateLimit};

async fn fake() -> FakeServer {
    FakeServer::start().await.expect("the fake starts")
}

fn client(fake: &FakeServer) -> Client {
    Client::builder()
        .base_url(fake.url())
        .token(fake.token())
        .build()
        .expect("client")
}

/// The journal's entries for one action.
fn requests_for(fake: &FakeServer, action: &str) -> Vec<JournalEntry> {
    fake.journal()
        .into_iter()
        .filter(|entry| entry.action.as_deref() == Some(action))
        .collect()
}

fn a_patch() -> MePatch {
    MePatch {
        first_name: Some("Faulty".into()),
        ..MePatch::default()
    }
}

#[tokio::test(start_paused = true)]
async fn a_429_with_retry_after_then_success_is_one_successful_call() {
    let fake = fake().await;
    fake.inject(FaultRule::too_many_requests(1).next(1));
    let started = Instant::now();
    let me = client(&fake)
        .me()
        .get()
        .send()
        .await
        .expect("retried to success");
    assert_eq!(me.email.as_deref(), Some(FakeConfig::DEFAULT_EMAIL));
    // The client waited as asked before its second attempt, and no longer.
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert!(started.elapsed() < Duration::from_millis(1_002));
    let sent = requests_for(&fake, "get");
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].status, Some(429));
    assert_eq!(sent[1].status, Some(200));
}

#[tokio::test]
async fn a_429_without_retries_is_an_api_error_with_its_retry_after() {
    let fake = fake().await;
    fake.inject(FaultRule::too_many_requests(3).next(1));
    let error = client(&fake)
        .me()
        .get()
        .retries(0)
        .send()
        .await
        .expect_err("no retry");
    assert_eq!(error.status(), Some(429));
    assert!(matches!(&error, Error::Api { kind: Some(kind), .. } if kind == "TooManyRequests"));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(3)));
    assert!(error.is_retryable());
    assert_eq!(requests_for(&fake, "get").len(), 1);
}

#[tokio::test]
async fn server_errors_are_retried_for_gets_and_reported_otherwise() {
    let fake = fake().await;
    let client = client(&fake);
    for status in [500, 502, 503, 504] {
        fake.clear_journal();
        fake.inject(FaultRule::status(status).next(1));
        client.me().get().send().await.expect("retried to success");
        let sent = requests_for(&fake, "get");
        assert_eq!(sent.len(), 2, "{status}");
        assert_eq!(sent[0].status, Some(status));

        // A PATCH is not safe to repeat: the caller gets the error, and one request was sent.
        fake.clear_journal();
        fake.inject(FaultRule::status(status).next(1));
        let error = client
            .me()
            .patch(a_patch())
            .send()
            .await
            .expect_err("not retried");
        assert_eq!(error.status(), Some(status));
        assert_eq!(requests_for(&fake, "patch").len(), 1);
    }
    // More failures than retries (default 2): the last error reaches the caller.
    fake.clear_journal();
    fake.inject(FaultRule::status(503).next(3));
    let error = client.me().get().send().await.expect_err("retries run out");
    assert_eq!(error.status(), Some(503));
    assert_eq!(requests_for(&fake, "get").len(), 3);
}

#[tokio::test(start_paused = true)]
async fn a_delay_past_the_calls_timeout_is_a_timeout() {
    let fake = fake().await;
    let client = client(&fake);
    fake.inject(FaultRule::delay(Duration::from_secs(3)).next(1));
    let called = Instant::now();
    let error = client
        .me()
        .get()
        .timeout(Duration::from_millis(500))
        .retries(0)
        .send()
        .await
        .expect_err("too slow");
    assert!(
        matches!(error, Error::Timeout { action: "me.get" }),
        "{error:?}"
    );
    // At the call's deadline, not when the fake would have answered.
    let waited = called.elapsed();
    assert!(
        waited >= Duration::from_millis(500) && waited < Duration::from_millis(502),
        "{waited:?}"
    );
    // A delay within the timeout is only slower.
    fake.inject(FaultRule::delay(Duration::from_millis(200)).next(1));
    let started = Instant::now();
    client.me().get().send().await.expect("answered");
    assert!(started.elapsed() >= Duration::from_millis(200));
    assert!(started.elapsed() < Duration::from_millis(202));
}

#[tokio::test]
async fn a_reset_connection_is_retried_for_gets_and_a_transport_error_otherwise() {
    let fake = fake().await;
    let client = client(&fake);
    fake.inject(FaultRule::reset().next(1));
    client.me().get().send().await.expect("retried to success");
    let sent = requests_for(&fake, "get");
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].fault.as_deref(), Some("reset"));
    assert_eq!(sent[0].status, None);

    fake.inject(FaultRule::reset().next(1));
    let error = client
        .me()
        .patch(a_patch())
        .send()
        .await
        .expect_err("not retried");
    assert!(
        matches!(
            error,
            Error::Transport {
                action: "me.patch",
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(requests_for(&fake, "patch").len(), 1);
    // The reset came before the action ran: nothing changed.
    let me = client.me().get().send().await.expect("answered");
    assert_eq!(me.first_name.as_deref(), Some("Example"));
}

#[tokio::test]
async fn a_truncated_body_is_a_transport_error_unless_retried() {
    let fake = fake().await;
    let client = client(&fake);
    fake.inject(FaultRule::truncate().next(1));
    let error = client
        .me()
        .get()
        .retries(0)
        .send()
        .await
        .expect_err("cut short");
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
    fake.inject(FaultRule::truncate().next(1));
    client.me().get().send().await.expect("retried to success");
}

#[tokio::test]
async fn a_seeded_fraction_of_failures_is_absorbed_by_retries() {
    let fake = FakeServer::start_with(FakeConfig {
        faults: vec![FaultRule::status(503).fraction(0.3, 5).only("get")],
        ..FakeConfig::default()
    })
    .await
    .expect("the fake starts");
    let client = Client::builder()
        .base_url(fake.url())
        .token(fake.token())
        .retry_policy(
            wegnology::RetryPolicy::default()
                .max_retries(5)
                .initial_delay(Duration::from_millis(1))
                .max_delay(Duration::from_millis(5)),
        )
        .build()
        .expect("client");
    for _ in 0..20 {
        client.me().get().send().await.expect("retried to success");
    }
    let sent = requests_for(&fake, "get");
    let failed = sent
        .iter()
        .filter(|entry| entry.status == Some(503))
        .count();
    assert_eq!(sent.len(), 20 + failed);
    assert!(failed > 0, "seed 5 fails some of {} requests", sent.len());
}

#[tokio::test]
async fn rate_limiting_is_waited_out_through_retry_after() {
    let fake = FakeServer::start_with(FakeConfig {
        rate_limit: Some(RateLimit {
            per_second: 1,
            burst: 1,
        }),
        ..FakeConfig::default()
    })
    .await
    .expect("the fake starts");
    let client = client(&fake);
    client.me().get().send().await.expect("within the limit");
    let answer = client
        .me()
        .get()
        .send_with_response()
        .await
        .expect("waited out");
    assert_eq!(answer.status().as_u16(), 200);
    assert!(answer.headers().contains_key("x-ratelimit-remaining"));
    let statuses: Vec<Option<u16>> = requests_for(&fake, "get")
        .iter()
        .map(|entry| entry.status)
        .collect();
    assert_eq!(statuses, [Some(200), Some(429), Some(200)]);
}
