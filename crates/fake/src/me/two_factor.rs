//! Two-factor authentication: a key generated, confirmed with a code, and disabled again.

use serde_json::{json, Value};

use crate::app::App;
use crate::call::{now, ApiError, Call};
use crate::me::credentials::{check_code, check_password, totp_for, TWO_FACTOR_KEY_BYTES};
use crate::me::profile::me;
use crate::tokens::Secret;
use crate::world::World;

pub(crate) fn generate_two_factor_auth(world: &mut World) -> Result<Value, ApiError> {
    if world.me.user.two_factor_key.is_some() {
        return Err(ApiError::validation(
            "two-factor auth is already enabled; disable it first",
        ));
    }
    world.me.two_factor_keys_issued += 1;
    let bytes = world.seeded.bytes(
        "two-factor-key",
        world.me.two_factor_keys_issued,
        TWO_FACTOR_KEY_BYTES,
    );
    let key = Secret::new(totp_rs::Secret::Raw(bytes).to_encoded().to_string());
    let totp = totp_for(world, &key)?;
    let value = json!({"key": key.expose(), "keyUri": totp.get_url()});
    world.me.user.pending_two_factor_key = Some(key);
    Ok(value)
}

pub(crate) fn enable_two_factor_auth(
    app: &App,
    world: &mut World,
    call: &Call,
) -> Result<Value, ApiError> {
    if world.me.user.two_factor_key.is_some() {
        return Err(ApiError::validation("two-factor auth is already enabled"));
    }
    check_password(world, call.body_str("password"))?;
    let Some(pending) = world.me.user.pending_two_factor_key.clone() else {
        return Err(ApiError::validation(
            "no two-factor key was generated; call generateTwoFactorAuth first",
        ));
    };
    if let Some(key) = call.body_str("twoFactorAuthKey") {
        if key != pending.expose() {
            return Err(ApiError::validation(
                "`twoFactorAuthKey` is not the key generated for this user",
            ));
        }
    }
    check_code(world, &pending, call.body_str("twoFactorCode"))?;
    world.me.user.two_factor_key = Some(pending);
    world.me.user.pending_two_factor_key = None;
    world.me.user.last_updated = now();
    me(app, world, call)
}

pub(crate) fn disable_two_factor_auth(
    app: &App,
    world: &mut World,
    call: &Call,
) -> Result<Value, ApiError> {
    let Some(key) = world.me.user.two_factor_key.clone() else {
        return Err(ApiError::validation("two-factor auth is not enabled"));
    };
    check_password(world, call.body_str("password"))?;
    check_code(world, &key, call.body_str("twoFactorCode"))?;
    world.me.user.two_factor_key = None;
    world.me.user.last_updated = now();
    me(app, world, call)
}
