//! What each of Me's actions does: the user, tokens, two-factor auth, recent items,
//! invitations, transfers and usage counts, written by hand. Requests reach here only after the
//! checks every action goes through (a live token with a listed scope, typed query values, a
//! body valid against its schema). Never imports the HTTP layer.

pub(crate) mod state;

use chrono::{DateTime, Datelike, TimeZone, Utc};
use serde_json::{json, Map, Value};
use totp_rs::{Algorithm, TOTP};
use wegnology_model::Action;

use crate::app::App;
use crate::call::{now, ApiError, Call};
use crate::tokens::Secret;
use crate::usage::{self, date, TimeRange};
use crate::world::World;

/// Bytes of a generated two-factor key: 32 bytes are the schema's 52 base32 characters.
const TWO_FACTOR_KEY_BYTES: usize = 32;

/// Issuer written into the `otpauth://` URI.
const TWO_FACTOR_ISSUER: &str = "WEGnology";

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

fn iso(time: DateTime<Utc>) -> String {
    date(time.timestamp_millis())
}

/// Whether running `action` changes anything: every action but a GET, and the GET that mints
/// a token. A HEAD of one of these is refused rather than run.
pub(crate) fn has_effects(action: &Action) -> bool {
    action.method != wegnology_model::Method::Get || action.snake_name == "refresh_token"
}

/// A new token for the user (with `scopes`, working until `expires_at`), as an
/// `Authenticated User` body.
fn authenticated(
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

fn check_password(world: &World, password: Option<&str>) -> Result<(), ApiError> {
    if password == Some(world.me.user.password.expose()) {
        Ok(())
    } else {
        Err(ApiError::validation("the password is incorrect"))
    }
}

fn totp_for(world: &World, key: &Secret) -> Result<TOTP, ApiError> {
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
fn check_code(world: &World, key: &Secret, code: Option<&str>) -> Result<(), ApiError> {
    let totp = totp_for(world, key)?;
    let valid = code.is_some_and(|code| totp.check_current(code).unwrap_or(false));
    if valid {
        Ok(())
    } else {
        Err(ApiError::validation("the two-factor code is not valid"))
    }
}

/// When two-factor auth is on, a valid code is required too.
fn check_second_factor(world: &World, code: Option<&str>) -> Result<(), ApiError> {
    match &world.me.user.two_factor_key {
        Some(key) => check_code(world, key, code),
        None => Ok(()),
    }
}

fn is_count(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("integer")
}

/// The summary fields a request asks for: every count, plus the statistics objects (payload,
/// storage, notebook stats) named in `summaryInclude`, less those in `summaryExclude`.
fn summary_fields<'a>(app: &'a App, call: &Call) -> Result<Vec<(&'a str, &'a Value)>, ApiError> {
    let named = |param: &str| -> Result<Vec<&str>, ApiError> {
        let Some(list) = call.text(param) else {
            return Ok(Vec::new());
        };
        list.split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(|name| {
                if app.summary_fields.iter().any(|(field, _)| field == name) {
                    Ok(name)
                } else {
                    Err(ApiError::validation(format!(
                        "`{param}` names an unknown summary field `{name}`; known: {}",
                        app.summary_fields
                            .iter()
                            .map(|(field, _)| field.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )))
                }
            })
            .collect()
    };
    let include = named("summaryInclude")?;
    let exclude = named("summaryExclude")?;
    Ok(app
        .summary_fields
        .iter()
        .map(|(field, schema)| (field.as_str(), schema))
        .filter(|(field, schema)| is_count(schema) || include.contains(field))
        .filter(|(field, _)| !exclude.contains(field))
        .collect())
}

fn month_start(time: DateTime<Utc>) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(time.year(), time.month(), 1, 0, 0, 0)
        .single()
        .unwrap_or(time)
}

fn next_month_start(time: DateTime<Utc>) -> DateTime<Utc> {
    let (year, month) = if time.month() == 12 {
        (time.year() + 1, 1)
    } else {
        (time.year(), time.month() + 1)
    };
    Utc.with_ymd_and_hms(year, month, 1, 0, 0, 0)
        .single()
        .unwrap_or(time)
}

fn summary(app: &App, world: &World, fields: &[(&str, &Value)], current: DateTime<Utc>) -> Value {
    let seeded = world.seeded;
    let mut summary = Map::new();
    for (field, schema) in fields {
        let value = match *field {
            "appCount" => Value::from(world.me.applications.len()),
            "dashCount" => Value::from(world.me.dashboards.len()),
            "orgCount" => Value::from(world.me.organizations.len()),
            "payloadCount" => {
                let range = TimeRange {
                    start: month_start(current).timestamp_millis(),
                    end: current.timestamp_millis(),
                };
                usage::payload_stats(seeded, range, &app.payload_categories, false)
            }
            other if is_count(schema) => Value::from(seeded.range(other, 0, 0, 25)),
            other => {
                // A statistics object: a seeded count for each of its integer properties.
                let mut stats = Map::new();
                if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
                    for (name, property) in properties {
                        if is_count(property) {
                            let label = format!("{other}/{name}");
                            stats
                                .insert(name.clone(), Value::from(seeded.range(&label, 0, 0, 500)));
                        }
                    }
                }
                Value::Object(stats)
            }
        };
        summary.insert((*field).to_string(), value);
    }
    Value::Object(summary)
}

/// The `Me` body: the user's profile, flags, limits and summary.
fn me(app: &App, world: &World, call: &Call) -> Result<Value, ApiError> {
    let fields = summary_fields(app, call)?;
    let current = now();
    let user = &world.me.user;
    let mut me = Map::new();
    me.insert("id".into(), Value::from(user.id.clone()));
    me.insert("userId".into(), Value::from(user.id.clone()));
    me.insert("creationDate".into(), Value::from(iso(user.creation_date)));
    me.insert("lastUpdated".into(), Value::from(iso(user.last_updated)));
    me.insert(
        "passwordLastUpdated".into(),
        Value::from(iso(user.password_last_updated)),
    );
    for (key, value) in &user.profile {
        me.insert(key.clone(), value.clone());
    }
    if let Some(cutoff) = user.token_cutoff {
        me.insert("tokenCutoff".into(), Value::from(iso(cutoff)));
    }
    me.insert("emailVerified".into(), Value::from(user.email_verified));
    me.insert(
        "needsToVerifyEmail".into(),
        Value::from(!user.email_verified),
    );
    me.insert(
        "twoFactorAuthEnabled".into(),
        Value::from(user.two_factor_key.is_some()),
    );
    let name_part = |key: &str| user.profile.get(key).and_then(Value::as_str).unwrap_or("");
    let full_name = format!("{} {}", name_part("firstName"), name_part("lastName"));
    me.insert("fullName".into(), Value::from(full_name.trim()));
    if let Some(github) = &user.github_name {
        me.insert("githubName".into(), Value::from(github.clone()));
    }
    me.insert(
        "avatarUrl".into(),
        Value::from(format!("https://avatars.example.com/u/{}", user.id)),
    );
    me.insert(
        "limits".into(),
        json!({
            "apitoken": 100, "application": 50, "dashboard": 100, "device": 1000,
            "flow": 500, "notebook": 10, "webhook": 100, "dataTTL": 2_592_000,
            "payload": 10_000_000, "notebookMinutesPerMonth": 1_000,
        }),
    );
    if call.boolean("includeRecent") == Some(true) {
        for (key, item_type) in [
            ("recentDashboards", "dashboard"),
            ("recentApplications", "application"),
            ("recentOrganizations", "organization"),
        ] {
            me.insert(key.into(), recent_item_list(world, item_type, None));
        }
    }
    me.insert("summary".into(), summary(app, world, &fields, current));
    me.insert(
        "currentPeriodStart".into(),
        Value::from(iso(month_start(current))),
    );
    me.insert(
        "currentPeriodEnd".into(),
        Value::from(iso(next_month_start(current))),
    );
    me.insert("ssoLinked".into(), Value::from(false));
    Ok(Value::Object(me))
}

fn parse_date(field: &str, text: &str) -> Result<DateTime<Utc>, ApiError> {
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&Utc))
        .map_err(|_| ApiError::validation(format!("`{field}` is not an RFC 3339 date-time")))
}

fn patch(app: &App, world: &mut World, call: &Call) -> Result<Value, ApiError> {
    let changes = call
        .body
        .as_ref()
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let current = now();
    // Check everything before changing anything.
    let token_cutoff = match changes.get("tokenCutoff").and_then(Value::as_str) {
        Some(text) => Some(parse_date("tokenCutoff", text)?),
        None => None,
    };
    for (key, value) in changes {
        match key.as_str() {
            "password" => {
                if let Some(password) = value.as_str() {
                    world.me.user.password = Secret::new(password);
                    world.me.user.password_last_updated = current;
                }
            }
            "tokenCutoff" => world.me.user.token_cutoff = token_cutoff,
            "email" => {
                if value.as_str() != Some(world.me.user.email()) {
                    world.me.user.email_verified = false;
                }
                world.me.user.profile.insert(key, value);
            }
            _ => {
                world.me.user.profile.insert(key, value);
            }
        }
    }
    world.me.user.last_updated = current;
    me(app, world, call)
}

fn change_password(world: &mut World, call: &Call) -> Result<Value, ApiError> {
    check_password(world, call.body_str("password"))?;
    check_second_factor(world, call.body_str("twoFactorCode"))?;
    let Some(new_password) = call.body_str("newPassword") else {
        return Err(ApiError::validation("`newPassword` is required"));
    };
    world.me.user.password = Secret::new(new_password);
    world.me.user.password_last_updated = now();
    let revoke = call
        .body_field("invalidateExistingTokens")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    // `tokenTTL` is in seconds; the password proves who is asking, so the new token's
    // lifetime starts now. Without it the token lives until revoked, as tokens do here.
    let current = now();
    let expires_at = call
        .body_field("tokenTTL")
        .and_then(Value::as_u64)
        .map(|seconds| {
            i64::try_from(seconds)
                .ok()
                .and_then(chrono::Duration::try_seconds)
                .and_then(|ttl| current.checked_add_signed(ttl))
                .unwrap_or(DateTime::<Utc>::MAX_UTC)
        });
    Ok(authenticated(
        world,
        call.scopes.clone(),
        expires_at,
        revoke,
    ))
}

fn delete(world: &mut World, call: &Call) -> Result<Value, ApiError> {
    let email_matches = call
        .body_str("email")
        .is_some_and(|email| email.eq_ignore_ascii_case(world.me.user.email()));
    if !email_matches {
        return Err(ApiError::validation("the email is not the current user's"));
    }
    check_password(world, call.body_str("password"))?;
    check_second_factor(world, call.body_str("twoFactorCode"))?;
    world.me.user.deleted = true;
    world.revoke_all_tokens();
    Ok(json!({"success": true}))
}

fn generate_two_factor_auth(world: &mut World) -> Result<Value, ApiError> {
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

fn enable_two_factor_auth(app: &App, world: &mut World, call: &Call) -> Result<Value, ApiError> {
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

fn disable_two_factor_auth(app: &App, world: &mut World, call: &Call) -> Result<Value, ApiError> {
    let Some(key) = world.me.user.two_factor_key.clone() else {
        return Err(ApiError::validation("two-factor auth is not enabled"));
    };
    check_password(world, call.body_str("password"))?;
    check_code(world, &key, call.body_str("twoFactorCode"))?;
    world.me.user.two_factor_key = None;
    world.me.user.last_updated = now();
    me(app, world, call)
}

fn recent_item_list(world: &World, item_type: &str, parent_id: Option<&str>) -> Value {
    let items: Vec<Value> = world
        .me
        .recent_list(item_type, parent_id)
        .iter()
        .map(|id| json!({"id": id, "name": world.me.item_name(item_type, id)}))
        .collect();
    let mut list = Map::new();
    list.insert("itemType".into(), Value::from(item_type));
    if let Some(parent_id) = parent_id {
        list.insert("parentId".into(), Value::from(parent_id));
    }
    list.insert("items".into(), Value::from(items));
    Value::Object(list)
}

fn add_recent_item(world: &mut World, call: &Call) -> Result<Value, ApiError> {
    let (Some(item_type), Some(item_id)) = (call.body_str("itemType"), call.body_str("itemId"))
    else {
        return Err(ApiError::validation("`itemType` and `itemId` are required"));
    };
    let parent_id = call.body_str("parentId");
    world.me.touch_recent(item_type, parent_id, item_id);
    Ok(recent_item_list(world, item_type, parent_id))
}

fn is_object_id(text: &str) -> bool {
    text.len() == 24 && text.bytes().all(|byte| byte.is_ascii_hexdigit())
}

fn find_invite(world: &World, call: &Call) -> Result<usize, ApiError> {
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

fn invite_info(invite: &crate::me::state::Invite, current: DateTime<Utc>) -> Value {
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

fn respond_to_invite(world: &mut World, call: &Call) -> Result<Value, ApiError> {
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

fn transfer_resources(world: &mut World, call: &Call) -> Result<Value, ApiError> {
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
