//! Who the user proves to be: the password, two-factor codes against the user's key, and
//! the tokens handed out for them.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use totp_rs::{Algorithm, TOTP};

use crate::call::{now, ApiError};
use crate::tokens::Secret;
use crate::world::World;

/// Bytes of a generated two-factor key: 32 bytes are the schema's 52 base32 characters.
pub(crate) const TWO_FACTOR_KEY_BYTES: usize = 32;

/// Issuer written into the `otpauth://` URI.
pub(crate) const TWO_FACTOR_ISSUER: &str = "WEGnology";

/// A new token for the user (with `scopes`, working until `expires_at`), as an
/// `Authenticated User` body.
pub(crate) fn authenticated(
    world: &mut World,
    scopes: Vec<String>,
    expires_at: Option<DateTime<Utc>>,
    revoke_others: bool,
) -> Value {
    if revoke_others {
        world.revoke_all_tokens();
    }
    let token = world.issue_token(scopes, now(), expires_at);
    json!({
        "userId": world.me.user.id,
        "token": token,
        "needsToVerifyEmail": !world.me.user.email_verified,
    })
}

pub(crate) fn check_password(world: &World, password: Option<&str>) -> Result<(), ApiError> {
    if password == Some(world.me.user.password.expose()) {
        Ok(())
    } else {
        Err(ApiError::validation("the password is incorrect"))
    }
}

pub(crate) fn totp_for(world: &World, key: &Secret) -> Result<TOTP, ApiError> {
    let secret = totp_rs::Secret::Encoded(key.expose().to_string())
        .to_bytes()
        .map_err(|_| ApiError::validation("the two-factor key is not base32"))?;
    // The account name may not contain `:` and the URI must fit the schema's 1024 characters;
    // an email that breaks either is replaced by the user id.
    let email = world.me.user.email();
    let account = if email.contains(':') || email.len() > 512 {
        world.me.user.id.clone()
    } else {
        email.to_string()
    };
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        30,
        secret,
        Some(TWO_FACTOR_ISSUER.to_string()),
        account,
    )
    .map_err(|error| ApiError::validation(format!("unusable two-factor key: {error}")))
}

/// Checks a TOTP code against `key` at the current time (one step of skew either side).
pub(crate) fn check_code(world: &World, key: &Secret, code: Option<&str>) -> Result<(), ApiError> {
    let totp = totp_for(world, key)?;
    let valid = code.is_some_and(|code| totp.check_current(code).unwrap_or(false));
    if valid {
        Ok(())
    } else {
        Err(ApiError::validation("the two-factor code is not valid"))
    }
}

/// When two-factor auth is on, a valid code is required too.
pub(crate) fn check_second_factor(world: &World, code: Option<&str>) -> Result<(), ApiError> {
    match &world.me.user.two_factor_key {
        Some(key) => check_code(world, key, code),
        None => Ok(()),
    }
}
