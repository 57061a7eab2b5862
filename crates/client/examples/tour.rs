//! A new user's first five minutes: starts the embedded fake, calls every action of the Me resource
//! through the typed client, and prints what came back.
//!
//! ```sh
//! cargo run --example tour
//! ```
//!
//! (Run from the workspace root without `-p`, it shares the build of `cargo test --workspace`.)
//!
//! Against the real API, build the client with your own token and leave out the base URL.

use totp_rs::{Algorithm, TOTP};
use wegnology::me::{ItemType, Resolution};
use wegnology::{
    ChangePassword, Client, DisableMultiFactorAuthentication, EnableMultiFactorAuthentication,
    Error, MePatch, OrganizationInvitationActionForUser, OrganizationInvitationActionForUserAction,
    RecentItem, RecentItemItemType, ResourceTransfer, ResourceTransferDestinationType, Secret,
    UserCredentials,
};
use wegnology_fake::{FakeConfig, FakeServer};

/// The current code an authenticator app would show for this key.
fn authenticator_code(key: &Secret) -> Result<Secret, Box<dyn std::error::Error>> {
    let secret = totp_rs::Secret::Encoded(key.expose().to_string()).to_bytes()?;
    let totp = TOTP::new(Algorithm::SHA1, 6, 1, 30, secret, None, String::new())?;
    Ok(Secret::new(totp.generate_current()?))
}

fn step(title: &str) {
    println!("\n== {title}");
}

/// A field the API may leave out, as a person reads it.
fn shown<T: std::fmt::Display>(value: Option<T>) -> String {
    value.map_or_else(|| "not given".to_owned(), |v| v.to_string())
}

/// `3 applications`, `1 organization`, or `applications: not given`.
fn counted(value: Option<i64>, noun: &str) -> String {
    match value {
        Some(1) => format!("1 {noun}"),
        Some(n) => format!("{n} {noun}s"),
        None => format!("{noun}s: not given"),
    }
}

fn yes_no(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "yes",
        Some(false) => "no",
        None => "not given",
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fake = FakeServer::start().await?;
    println!("Fake WEGnology Me API at {}", fake.url());
    let password = FakeConfig::DEFAULT_PASSWORD;
    let client = Client::builder()
        .base_url(fake.url())
        .token(fake.token())
        .build()?;
    let me = client.me();

    step("get: who am I?");
    let profile = me.get().include_recent(true).send().await?;
    println!(
        "{} <{}>, email verified: {}, two-factor: {}",
        profile.full_name.unwrap_or_default(),
        profile.email.unwrap_or_default(),
        yes_no(profile.email_verified),
        yes_no(profile.two_factor_auth_enabled),
    );
    if let Some(summary) = profile.summary {
        println!(
            "{}, {}, {}, {}",
            counted(summary.app_count, "application"),
            counted(summary.dash_count, "dashboard"),
            counted(summary.device_count, "device"),
            counted(summary.org_count, "organization")
        );
    }

    step("verify_email");
    let verified = me.verify_email().send().await?;
    println!("verification email sent: {}", yes_no(verified.success));

    step("patch: fill in the profile");
    let patched = me
        .patch(MePatch {
            first_name: Some("Ada".into()),
            last_name: Some("Lovelace".into()),
            title: Some("Analyst".into()),
            ..MePatch::default()
        })
        .send()
        .await?;
    println!(
        "now {} ({}), email verified: {}",
        patched.full_name.unwrap_or_default(),
        patched.title.unwrap_or_default(),
        yes_no(patched.email_verified)
    );

    step("disconnect_github");
    let disconnected = me.disconnect_github().send().await?;
    println!(
        "GitHub account linked: {}",
        disconnected
            .github_name
            .map_or_else(|| "none".to_owned(), |name| format!("yes, {name}"))
    );

    step("invites, invite, respond_to_invite");
    let invites = me.invites().send().await?;
    for invite in &invites {
        println!(
            "{} invites you as {} (expired: {})",
            invite.org_name.as_deref().unwrap_or("?"),
            shown(invite.role.as_ref()),
            yes_no(invite.expired)
        );
    }
    let ids = fake.invite_ids();
    let first = me.invite(&ids[0]).send().await?;
    let inviter = first.invited_by.unwrap_or_default();
    println!(
        "the first, from {}: invited by {} <{}>",
        shown(first.org_name),
        shown(inviter.full_name),
        shown(inviter.email)
    );
    let answer = me
        .respond_to_invite(
            &ids[0],
            OrganizationInvitationActionForUser {
                action: OrganizationInvitationActionForUserAction::Accept,
            },
        )
        .send()
        .await?;
    println!(
        "answered: {}, now a member of organization {}",
        shown(answer.result.as_ref()),
        shown(answer.org_id)
    );
    let expired = me
        .respond_to_invite(
            &ids[2],
            OrganizationInvitationActionForUser {
                action: OrganizationInvitationActionForUserAction::Accept,
            },
        )
        .send()
        .await;
    if let Err(Error::Api {
        status, message, ..
    }) = expired
    {
        println!("the expired one: {status} {}", message.unwrap_or_default());
    }

    step("add_recent_item, fetch_recent_items");
    let list = me
        .add_recent_item(RecentItem {
            item_type: RecentItemItemType::Device,
            parent_id: Some(fake.application_ids()[0].clone()),
            item_id: "575ecf887ae143cd83dc4aa2".into(),
        })
        .send()
        .await?;
    for item in list.items.unwrap_or_default() {
        println!("recent device: {} ({})", shown(item.name), shown(item.id));
    }
    let applications = me.fetch_recent_items(ItemType::Application).send().await?;
    for item in applications.items.unwrap_or_default() {
        println!("recent application: {}", item.name.unwrap_or_default());
    }

    step("device_counts, notebook_minute_counts (last 30 days)");
    let devices = me.device_counts().send().await?;
    if let Some(last) = devices.counts.as_ref().and_then(|counts| counts.last()) {
        println!(
            "{}: {} devices ({} created, {} deleted)",
            shown(last.date.map(|d| d.date_naive())),
            shown(last.total),
            shown(last.created),
            shown(last.deleted)
        );
    }
    let notebooks = me.notebook_minute_counts().send().await?;
    let minutes: i64 = notebooks
        .counts
        .unwrap_or_default()
        .iter()
        .filter_map(|count| count.minutes)
        .sum();
    println!("{minutes} notebook minutes");

    step("payload_counts, payload_counts_breakdown");
    let stats = me.payload_counts().send().await?;
    for (source, count) in stats.device_state.unwrap_or_default() {
        println!("device state payloads from {source}: {count}");
    }
    let hourly = me
        .payload_counts_breakdown()
        .resolution(Resolution::V3600000)
        .as_bytes(true)
        .send()
        .await?;
    let hours = hourly.counts.unwrap_or_default();
    let bytes: i64 = hours.iter().filter_map(|count| count.value).sum();
    println!("{bytes} bytes over {} hours", hours.len());

    step("transfer_resources");
    let moved = me
        .transfer_resources(ResourceTransfer {
            destination_id: "575ed6e87ae143cd83dc4aa8".into(),
            destination_type: ResourceTransferDestinationType::Organization,
            application_ids: Some(vec![fake.application_ids()[0].clone()]),
            dashboard_ids: None,
            strict: Some(true),
        })
        .send()
        .await?;
    println!(
        "application moved to the organization: {}",
        yes_no(moved.success)
    );

    step("generate_two_factor_auth, enable_two_factor_auth, disable_two_factor_auth");
    let info = me.generate_two_factor_auth().send().await?;
    let key = info.key.ok_or("no key")?;
    println!(
        "a key of {} characters, and a URI to scan",
        key.expose().len()
    );
    let enabled = me
        .enable_two_factor_auth(EnableMultiFactorAuthentication {
            two_factor_auth_key: Some(key.clone()),
            password: password.into(),
            two_factor_code: authenticator_code(&key)?,
        })
        .send()
        .await?;
    println!(
        "two-factor enabled: {}",
        yes_no(enabled.two_factor_auth_enabled)
    );
    let disabled = me
        .disable_two_factor_auth(DisableMultiFactorAuthentication {
            two_factor_code: authenticator_code(&key)?,
            password: password.into(),
        })
        .send()
        .await?;
    println!(
        "two-factor enabled: {}",
        yes_no(disabled.two_factor_auth_enabled)
    );

    step("refresh_token");
    let refreshed = me.refresh_token().send().await?;
    println!(
        "a new token for user {} ({} characters; the client never prints a token)",
        refreshed.user_id,
        refreshed.token.expose().len()
    );

    step("change_password, logging out everywhere else");
    let new_password = "Analytical-engine-1843";
    let changed = me
        .change_password(ChangePassword {
            password: password.into(),
            new_password: new_password.into(),
            invalidate_existing_tokens: Some(true),
            ..ChangePassword::default()
        })
        .send()
        .await?;
    match me.get().send().await {
        Err(error) => println!("the old token: {error}"),
        Ok(_) => println!("the old token still works?"),
    }
    let client = Client::builder()
        .base_url(fake.url())
        .token(changed.token)
        .build()?;
    let me = client.me();
    println!(
        "the new token works: signed in as {}",
        me.get().send().await?.email.unwrap_or_default()
    );

    step("delete");
    let deleted = me
        .delete(UserCredentials {
            email: FakeConfig::DEFAULT_EMAIL.into(),
            password: new_password.into(),
            ..UserCredentials::default()
        })
        .send()
        .await?;
    println!("user deleted: {}", yes_no(deleted.success));
    match me.get().send().await {
        Err(error) => println!("afterwards: {error}"),
        Ok(_) => println!("afterwards the user is still there?"),
    }

    fake.shutdown().await;
    Ok(())
}
