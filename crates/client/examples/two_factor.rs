//! Two-factor enrolment: ask the API for a key, set up an authenticator from its `otpauth://`
//! URI (totp-rs), confirm with the current code, and switch it off again. Runs against the
//! embedded fake:
//!
//! ```sh
//! cargo run --example two_factor
//! ```
//!
//! Against the real API, build the client with your own token (and no base URL) and pass your
//! password; show the key URI to the user as a QR code rather than printing it: it holds the key.

use totp_rs::TOTP;
use wegnology::{
    Client, DisableMultiFactorAuthentication, EnableMultiFactorAuthentication, Error, Secret,
};
use wegnology_fake::FakeServer;

/// The code an authenticator set up from `key_uri` shows now.
fn current_code(authenticator: &TOTP) -> Result<Secret, Box<dyn std::error::Error>> {
    Ok(Secret::new(authenticator.generate_current()?))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fake = FakeServer::start().await?;
    let client = Client::builder()
        .base_url(fake.url())
        .token(fake.token())
        .build()?;
    let me = client.me();
    let password = Secret::new(fake.password());

    // 1. A new key, and the URI an authenticator app scans (both stay secrets: Debug shows ***).
    let info = me.generate_two_factor_auth().send().await?;
    let key = info.key.ok_or("the API sent no key")?;
    let key_uri = info.key_uri.ok_or("the API sent no key URI")?;
    println!("generated a key and its otpauth:// URI (shown as {key_uri:?}: it holds the key)");

    // 2. The authenticator: algorithm, digits, period and key all come from the URI.
    let authenticator = TOTP::from_url(key_uri.expose())?;
    println!(
        "authenticator: {} digits every {} s, for {}",
        authenticator.digits, authenticator.step, authenticator.account_name
    );

    // 3. A wrong code is refused; the user can try again.
    let refused = me
        .enable_two_factor_auth(EnableMultiFactorAuthentication {
            two_factor_auth_key: Some(key.clone()),
            password: password.clone(),
            two_factor_code: Secret::new("000000"),
        })
        .send()
        .await;
    match refused {
        Err(Error::Api {
            status, message, ..
        }) => println!(
            "a wrong code: refused with {status} ({})",
            message.unwrap_or_default()
        ),
        Err(other) => return Err(other.into()),
        Ok(_) => return Err("a wrong code was accepted".into()),
    }

    // 4. The current code switches two-factor authentication on.
    let enabled = me
        .enable_two_factor_auth(EnableMultiFactorAuthentication {
            two_factor_auth_key: Some(key),
            password: password.clone(),
            two_factor_code: current_code(&authenticator)?,
        })
        .send()
        .await?;
    if enabled.two_factor_auth_enabled != Some(true) {
        return Err("two-factor authentication did not switch on".into());
    }
    println!("two-factor authentication is on");

    // 5. Switching it off needs the password and a current code too.
    let disabled = me
        .disable_two_factor_auth(DisableMultiFactorAuthentication {
            two_factor_code: current_code(&authenticator)?,
            password,
        })
        .send()
        .await?;
    if disabled.two_factor_auth_enabled != Some(false) {
        return Err("two-factor authentication did not switch off".into());
    }
    println!("two-factor authentication is off again");

    fake.shutdown().await;
    Ok(())
}
