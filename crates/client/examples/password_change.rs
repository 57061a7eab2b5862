//! Changing the password with token adoption: with `invalidate_existing_tokens`, every token
//! issued before is dead afterwards, the client's own included. A client built with
//! `adopt_new_tokens(true)` switches to the token the answer carries, for itself and all its
//! clones, so a long-running program keeps working. Runs against the embedded fake:
//!
//! ```sh
//! cargo run --example password_change
//! ```

use wegnology::{ChangePassword, Client, Error};
use wegnology_fake::FakeServer;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fake = FakeServer::start().await?;
    let client = Client::builder()
        .base_url(fake.url())
        .token(fake.token())
        .adopt_new_tokens(true)
        .build()?;
    // Another part of the program holding a clone: it shares the adopted token.
    let background = client.clone();
    // A client without adoption, still holding the old token.
    let stale = Client::builder()
        .base_url(fake.url())
        .token(fake.token())
        .build()?;

    let answer = client
        .me()
        .change_password(ChangePassword {
            password: fake.password().into(),
            new_password: "Analytical-engine-1843".into(),
            invalidate_existing_tokens: Some(true),
            ..ChangePassword::default()
        })
        .send()
        .await?;
    println!(
        "password changed for user {}; the answer's token is {:?}",
        answer.user_id, answer.token
    );

    let me = background.me().get().send().await?;
    println!(
        "the clone, on the adopted token: signed in as {}",
        me.email.unwrap_or_default()
    );

    match stale.me().get().send().await {
        Err(Error::Api { status: 401, .. }) => {
            println!("the client without adoption: 401, its token was invalidated")
        }
        Err(other) => return Err(other.into()),
        Ok(_) => return Err("the old token still works".into()),
    }

    // refresh_token is adopted the same way.
    client.me().refresh_token().send().await?;
    let me = background.me().get().send().await?;
    println!(
        "after refresh_token, still signed in as {}",
        me.email.unwrap_or_default()
    );

    fake.shutdown().await;
    Ok(())
}
