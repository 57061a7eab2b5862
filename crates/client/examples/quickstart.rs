//! The README's quickstart, run against the embedded fake: build a client, get the profile,
//! patch it, list an application's devices through the stream of their pages, handle an API
//! error, and set retries and timeouts.
//!
//! ```sh
//! cargo run --example quickstart
//! ```
//!
//! Against the real API, leave out `base_url` (it defaults to `https://api.app.wnology.io`) and
//! pass your own API token.

use std::time::Duration;

use futures_util::StreamExt;
use wegnology::{Client, Error, MePatch, RetryPolicy};
use wegnology_fake::{FakeServer, FaultRule};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fake = FakeServer::start().await?;

    // A client: where, who, and how patient. Clones share one connection pool.
    let client = Client::builder()
        .base_url(fake.url())
        .token(fake.token())
        .timeout(Duration::from_secs(10)) // a whole call, retries included (default 60 s)
        .retry_policy(
            RetryPolicy::default() // 2 retries, 200 ms backoff doubling up to 5 s
                .max_retries(3)
                .initial_delay(Duration::from_millis(50)),
        )
        .build()?;

    // Get the profile. Optional query parameters are setters.
    let me = client.me().get().include_recent(true).send().await?;
    println!("signed in as {}", me.email.as_deref().unwrap_or("?"));

    // Patch it: the body is the documented `Me Patch` schema; unset fields are not sent.
    let patched = client
        .me()
        .patch(MePatch {
            first_name: Some("Ada".into()),
            last_name: Some("Lovelace".into()),
            ..MePatch::default()
        })
        .send()
        .await?;
    println!("now called {}", patched.full_name.as_deref().unwrap_or("?"));

    // A list is a stream of its items: one request per page (here 1 device a page), fetched
    // as the stream is read, until `totalCount`.
    let application_id = fake.application_ids()[0].clone();
    let mut devices = client.devices().get(&application_id).per_page(1).items();
    let mut names = Vec::new();
    while let Some(device) = devices.next().await {
        names.push(device?.name.unwrap_or_default());
    }
    println!("the first application's devices: {}", names.join(", "));
    assert_eq!(names.len(), 2, "the fake seeds two devices per application");

    // An API error is `Error::Api`, with the status and the `Error` body's type and message.
    match client.me().invite("575ec8687ae143cd83dc4a97").send().await {
        Ok(invite) => println!("an invitation from {:?}", invite.org_name),
        Err(Error::Api {
            status: 404,
            message,
            ..
        }) => println!("no such invitation: {}", message.unwrap_or_default()),
        Err(other) => return Err(other.into()),
    }

    // Retries: the fake answers 503 twice; the client waits and tries again, within the timeout.
    fake.clear_journal();
    fake.inject(FaultRule::status(503).next(2));
    let again = client.me().get().send().await?;
    println!(
        "after {} attempts: {}",
        fake.journal().len(),
        again.email.as_deref().unwrap_or("?")
    );

    // Per call: no retries and a shorter timeout for this one request.
    fake.inject(FaultRule::status(503).next(1));
    let error = client
        .me()
        .get()
        .retries(0)
        .timeout(Duration::from_secs(2))
        .send()
        .await
        .expect_err("the fake answers 503 and the call may not retry");
    println!(
        "{error} (status {:?}, worth retrying later: {})",
        error.status(),
        error.is_retryable()
    );

    fake.shutdown().await;
    Ok(())
}
