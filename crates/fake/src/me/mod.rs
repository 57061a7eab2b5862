//! What each of Me's actions does: the user, tokens, two-factor auth, recent items,
//! invitations, transfers and usage counts, written by hand. Requests reach here only after the
//! checks every action goes through (a live token with a listed scope, typed query values, a
//! body valid against its schema). Never imports the HTTP layer.

pub(crate) mod credentials;
pub(crate) mod profile;
pub(crate) mod recent;
pub(crate) mod resources;
pub(crate) mod state;
pub(crate) mod two_factor;

use serde_json::{json, Value};
use wegnology_model::Action;

use crate::app::App;
use crate::call::{now, ApiError, Call};
use crate::me::credentials::authenticated;
use crate::me::profile::{change_password, delete, me, patch};
use crate::me::recent::{add_recent_item, recent_item_list};
use crate::me::resources::{find_invite, invite_info, respond_to_invite, transfer_resources};
use crate::me::two_factor::{
    disable_two_factor_auth, enable_two_factor_auth, generate_two_factor_auth,
};
use crate::usage::{self, TimeRange};
use crate::world::World;

/// Runs `action`'s behaviour; the route table comes from the model, and an action the fake has
/// no behaviour for answers 501 rather than not existing.
pub(crate) fn run(
    app: &App,
    world: &mut World,
    action: &Action,
    call: &Call,
) -> Result<Value, ApiError> {
    match action.snake_name.as_str() {
        "get" => me(app, world, call),
        "patch" => patch(app, world, call),
        "change_password" => change_password(world, call),
        // Never more than the caller had: the same scopes, and the same end of life.
        "refresh_token" => Ok(authenticated(
            world,
            call.scopes.clone(),
            call.expires_at,
            false,
        )),
        "delete" => delete(world, call),
        "verify_email" => {
            // There is no mailbox: the fake verifies at once, so the change shows in `get`.
            world.me.user.email_verified = true;
            Ok(json!({"success": true}))
        }
        "disconnect_github" => {
            world.me.user.github_name = None;
            world.me.user.last_updated = now();
            me(app, world, call)
        }
        "generate_two_factor_auth" => generate_two_factor_auth(world),
        "enable_two_factor_auth" => enable_two_factor_auth(app, world, call),
        "disable_two_factor_auth" => disable_two_factor_auth(app, world, call),
        "add_recent_item" => add_recent_item(world, call),
        "fetch_recent_items" => {
            let item_type = call.text("itemType").unwrap_or("application");
            Ok(recent_item_list(world, item_type, call.text("parentId")))
        }
        "invites" => {
            let current = now();
            Ok(Value::from(
                world
                    .me
                    .invites
                    .iter()
                    .map(|invite| invite_info(invite, current))
                    .collect::<Vec<_>>(),
            ))
        }
        "invite" => {
            let current = now();
            let index = find_invite(world, call)?;
            Ok(invite_info(&world.me.invites[index], current))
        }
        "respond_to_invite" => respond_to_invite(world, call),
        "transfer_resources" => transfer_resources(world, call),
        "device_counts" => Ok(usage::device_counts(world.seeded, range(call)?)),
        "notebook_minute_counts" => Ok(usage::notebook_minute_counts(world.seeded, range(call)?)),
        "payload_counts" => Ok(usage::payload_stats(
            world.seeded,
            range(call)?,
            &app.payload_categories,
            call.boolean("asBytes").unwrap_or(false),
        )),
        "payload_counts_breakdown" => {
            let resolution = call
                .text("resolution")
                .unwrap_or("86400000")
                .parse::<i64>()
                .map_err(|_| ApiError::validation("`resolution` must be a number of ms"))?;
            Ok(usage::payload_counts_breakdown(
                world.seeded,
                range(call)?,
                resolution,
                call.boolean("asBytes").unwrap_or(false),
                call.boolean("includeNonBillable").unwrap_or(false),
            ))
        }
        other => Err(ApiError::new(
            axum::http::StatusCode::NOT_IMPLEMENTED,
            "NotImplemented",
            format!("the fake has no behaviour for `{other}` yet"),
        )),
    }
}

fn range(call: &Call) -> Result<TimeRange, ApiError> {
    TimeRange::resolve(call.integer("start"), call.integer("end"), now())
}

/// Whether running `action` changes anything: every action but a GET, and the GET that mints
/// a token. A HEAD of one of these is refused rather than run.
pub(crate) fn has_effects(action: &Action) -> bool {
    action.method != wegnology_model::Method::Get || action.snake_name == "refresh_token"
}
