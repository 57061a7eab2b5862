//! The user's profile: the `Me` body (profile, flags, limits, summary counts), changes to it,
//! the password and the account's deletion.

use chrono::{DateTime, Datelike, TimeZone, Utc};
use serde_json::{json, Map, Value};

use crate::app::App;
use crate::call::{now, ApiError, Call};
use crate::me::credentials::{authenticated, check_password, check_second_factor};
use crate::me::recent::recent_item_list;
use crate::tokens::Secret;
use crate::usage::{self, date, TimeRange};
use crate::world::World;

pub(crate) fn iso(time: DateTime<Utc>) -> String {
    date(time.timestamp_millis())
}

pub(crate) fn is_count(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("integer")
}

/// The summary fields a request asks for: every count, plus the statistics objects (payload,
/// storage, notebook stats) named in `summaryInclude`, less those in `summaryExclude`.
pub(crate) fn summary_fields<'a>(
    app: &'a App,
    call: &Call,
) -> Result<Vec<(&'a str, &'a Value)>, ApiError> {
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

pub(crate) fn month_start(time: DateTime<Utc>) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(time.year(), time.month(), 1, 0, 0, 0)
        .single()
        .unwrap_or(time)
}

pub(crate) fn next_month_start(time: DateTime<Utc>) -> DateTime<Utc> {
    let (year, month) = if time.month() == 12 {
        (time.year() + 1, 1)
    } else {
        (time.year(), time.month() + 1)
    };
    Utc.with_ymd_and_hms(year, month, 1, 0, 0, 0)
        .single()
        .unwrap_or(time)
}

pub(crate) fn summary(
    app: &App,
    world: &World,
    fields: &[(&str, &Value)],
    current: DateTime<Utc>,
) -> Value {
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
pub(crate) fn me(app: &App, world: &World, call: &Call) -> Result<Value, ApiError> {
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

pub(crate) fn parse_date(field: &str, text: &str) -> Result<DateTime<Utc>, ApiError> {
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&Utc))
        .map_err(|_| ApiError::validation(format!("`{field}` is not an RFC 3339 date-time")))
}

pub(crate) fn patch(app: &App, world: &mut World, call: &Call) -> Result<Value, ApiError> {
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

pub(crate) fn change_password(world: &mut World, call: &Call) -> Result<Value, ApiError> {
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

pub(crate) fn delete(world: &mut World, call: &Call) -> Result<Value, ApiError> {
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
