//! The organizations and resources of the user: invitations to organizations, and
//! resources transferred away.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::call::{now, ApiError, Call};
use crate::me::profile::iso;
use crate::world::World;

pub(crate) fn is_object_id(text: &str) -> bool {
    text.len() == 24 && text.bytes().all(|byte| byte.is_ascii_hexdigit())
}

pub(crate) fn find_invite(world: &World, call: &Call) -> Result<usize, ApiError> {
    let id = call.path_param("inviteId").unwrap_or_default();
    if !is_object_id(id) {
        return Err(ApiError::validation(
            "`inviteId` must be a 24-character hex id",
        ));
    }
    world
        .me
        .invites
        .iter()
        .position(|invite| invite.id.eq_ignore_ascii_case(id))
        .ok_or_else(|| ApiError::not_found("invitation was not found"))
}

pub(crate) fn invite_info(invite: &crate::me::state::Invite, current: DateTime<Utc>) -> Value {
    json!({
        "id": invite.id,
        "orgName": invite.org_name,
        "role": invite.role,
        "requiresMFA": invite.requires_mfa,
        "inviteDate": iso(invite.invite_date),
        "ttl": invite.ttl.num_milliseconds(),
        "expired": invite.expired(current),
        "invitedBy": {"fullName": invite.invited_by_name, "email": invite.invited_by_email},
    })
}

pub(crate) fn respond_to_invite(world: &mut World, call: &Call) -> Result<Value, ApiError> {
    let index = find_invite(world, call)?;
    if world.me.invites[index].expired(now()) {
        return Err(ApiError::new(
            axum::http::StatusCode::GONE,
            "Gone",
            "the invitation has expired",
        ));
    }
    let result = match call.body_str("action") {
        Some("accept") => "accepted",
        Some("reject") => "rejected",
        Some("dismiss") => "dismissed",
        _ => {
            return Err(ApiError::validation(
                "`action` must be accept, reject or dismiss",
            ))
        }
    };
    let invite = world.me.invites.remove(index);
    if result == "accepted" {
        world.me.organizations.push(crate::me::state::Resource {
            id: invite.org_id.clone(),
            name: invite.org_name.clone(),
        });
        world.me.touch_recent("organization", None, &invite.org_id);
    }
    Ok(json!({"result": result, "orgId": invite.org_id}))
}

pub(crate) fn transfer_resources(world: &mut World, call: &Call) -> Result<Value, ApiError> {
    let destination_type = call.body_str("destinationType").unwrap_or_default();
    let destination_id = call.body_str("destinationId").unwrap_or_default();
    if destination_type == "user" && destination_id.eq_ignore_ascii_case(&world.me.user.id) {
        return Err(ApiError::validation(
            "resources cannot be transferred to their current owner",
        ));
    }
    let strict = call
        .body_field("strict")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let ids = |field: &str| -> Vec<String> {
        call.body_field(field)
            .and_then(Value::as_array)
            .map(|ids| {
                ids.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_ascii_lowercase)
                    .collect()
            })
            .unwrap_or_default()
    };
    let applications = ids("applicationIds");
    let dashboards = ids("dashboardIds");
    if strict {
        for (kind, wanted, owned) in [
            ("application", &applications, &world.me.applications),
            ("dashboard", &dashboards, &world.me.dashboards),
        ] {
            if let Some(missing) = wanted
                .iter()
                .find(|id| !owned.iter().any(|resource| &resource.id == *id))
            {
                return Err(ApiError::validation(format!(
                    "{kind} {missing} is not owned by the current user"
                )));
            }
        }
    }
    world
        .me
        .applications
        .retain(|resource| !applications.contains(&resource.id));
    world
        .me
        .dashboards
        .retain(|resource| !dashboards.contains(&resource.id));
    Ok(json!({"success": true}))
}
