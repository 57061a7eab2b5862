//! A new user's first five minutes: starts the embedded fake of the Me API, calls every action
//! through the typed client, and prints what came back.
//!
//! ```sh
//! cargo run -p wegnology --example tour
//! ```
//!
//! Against the real API, build the client with your own token and leave out the base URL.

use totp_rs::{Algorithm, TOTP};
use wegnology::{
    ChangePassword, Client, DestinationType, DisableMultiFactorAuthentication,
    EnableMultiFactorAuthentication, Error, InviteAction, ItemType, MePatch,
    OrganizationInvitationActionForUser, RecentItem, Resolution, ResourceTransfer, Secret,
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
        "{} <{}>, email verified: {:?}, two-factor: {:?}",
        profile.full_name.unwrap_or_default(),
        profile.email.unwrap_or_default(),
        profile.email_verified,
        profile.two_factor_auth_enabled,
    );
    if let Some(summary) = profile.summary {
        println!(
            "{:?} applications, {:?} dashboards, {:?} devices, {:?} organizations",
            summary.app_count, summary.dash_count, summary.device_count, summary.org_count
        );
    }

    step("verify_email");
    println!("{:?}", me.verify_email().send().await?);

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
        "now {} ({}), email verified: {:?}",
        patched.full_name.unwrap_or_default(),
        patched.title.unwrap_or_default(),
        patched.email_verified
    );

    step("disconnect_github");
    let disconnected = me.disconnect_github().send().await?;
    println!("github name now: {:?}", disconnected.github_name);

    step("invites, invite, respond_to_invite");
    let invites = me.invites().send().await?;
    for invite in &invites {
        println!(
            "{} invites you as {:?} (expired: {:?})",
            invite.org_name.as_deref().unwrap_or("?"),
            invite.role,
            invite.expired
        );
    }
    let ids = fake.invite_ids();
    let first = me.invite(&ids[0]).send().await?;
    println!(
        "first: {:?}, invited by {:?}",
        first.org_name, first.invited_by
    );
    let answer = me
        .respond_to_invite(
            &ids[0],
            OrganizationInvitationActionForUser {
                action: InviteAction::Accept,
            },
        )
        .send()
        .await?;
    println!("accepted: {:?}", answer);
    let expired = me
        .respond_to_invite(
            &ids[2],
            OrganizationInvitationActionForUser {
                action: InviteAction::Accept,
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
            item_type: ItemType::Device,
            parent_id: Some(fake.application_ids()[0].clone()),
            item_id: "575ecf887ae143cd83dc4aa2".into(),
        })
        .send()
        .await?;
    println!("recent devices: {:?}", list.items);
    let applications = me.fetch_recent_items(ItemType::Application).send().await?;
    for item in applications.items.unwrap_or_default() {
        println!("recent application: {}", item.name.unwrap_or_default());
    }

    step("device_counts, notebook_minute_counts (last 30 days)");
    let devices = me.device_counts().send().await?;
    if let Some(last) = devices.counts.as_ref().and_then(|counts| counts.last()) {
        println!(
            "{:?}: {:?} devices ({:?} created, {:?} deleted)",
            last.date.map(|d| d.date_naive()),
            last.total,
            last.created,
            last.deleted
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
    println!("device state payloads by source: {:?}", stats.device_state);
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
            destination_type: DestinationType::Organization,
            application_ids: Some(vec![fake.application_ids()[0].clone()]),
            dashboard_ids: None,
            strict: Some(true),
        })
        .send()
        .await?;
    println!("{moved:?}");

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
    println!("two-factor enabled: {:?}", enabled.two_factor_auth_enabled);
    let disabled = me
        .disable_two_factor_auth(DisableMultiFactorAuthentication {
            two_factor_code: authenticator_code(&key)?,
            password: password.into(),
        })
        .send()
        .await?;
    println!("two-factor enabled: {:?}", disabled.two_factor_auth_enabled);

    step("refresh_token");
    let refreshed = me.refresh_token().send().await?;
    println!(
        "a new token for user {} (shown as {:?})",
        refreshed.user_id, refreshed.token
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
        "the new token works: {:?}",
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
    println!("{deleted:?}");
    match me.get().send().await {
        Err(error) => println!("afterwards: {error}"),
        Ok(_) => println!("afterwards the user is still there?"),
    }

    fake.shutdown().await;
    Ok(())
}
