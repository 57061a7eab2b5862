//! End to end: every one of the 20 actions through the generated client against the embedded
//! fake (`wegnology-fake`), on the happy path and on each documented error status, asserting the
//! decoded values. The fake checks requests against the documents' schemas, not our types.

use totp_rs::{Algorithm, TOTP};
use wegnology::me::{ItemType, Resolution};
// The enums of Me's schemas, by the names their places give them, shortened here.
use wegnology::{
    ChangePassword, Client, DisableMultiFactorAuthentication, EnableMultiFactorAuthentication,
    Error, MePatch, OrganizationInvitationActionForUser, RecentItem, RecentItemItemType,
    RecentItemListItemType, ResourceTransfer, Secret, UserCredentials,
};
use wegnology::{
    OrganizationInvitationActionForUserAction as InviteAction,
    OrganizationInvitationInformationForUserRole as Role,
    OrganizationInvitationResultForUserResult as InviteResult,
    ResourceTransferDestinationType as DestinationType,
};
use wegnology_fake::{FakeConfig, FakeServer};

const PASSWORD: &str = FakeConfig::DEFAULT_PASSWORD;
const EMAIL: &str = FakeConfig::DEFAULT_EMAIL;
const NEW_PASSWORD: &str = "Brand-new-password-2";
const OTHER_ID: &str = "575ed6e87ae143cd83dc4aa8";

async fn fake() -> FakeServer {
    FakeServer::start().await.expect("the fake starts")
}

fn client(fake: &FakeServer, token: &str) -> Client {
    Client::builder()
        .base_url(fake.url())
        .token(token)
        .build()
        .expect("client")
}

fn code(key: &Secret) -> Secret {
    let secret = totp_rs::Secret::Encoded(key.expose().to_string())
        .to_bytes()
        .expect("a base32 key");
    let totp = TOTP::new(Algorithm::SHA1, 6, 1, 30, secret, None, String::new()).expect("TOTP");
    Secret::new(totp.generate_current().expect("system time"))
}

/// The status of an API error (panics on success or on another kind of error).
fn status<T: std::fmt::Debug>(result: Result<T, Error>) -> u16 {
    match result {
        Err(Error::Api {
            status,
            kind,
            message,
            ..
        }) => {
            assert!(kind.is_some(), "an Error body has a type");
            assert!(message.is_some(), "an Error body has a message");
            status
        }
        other => panic!("expected an API error, got {other:?}"),
    }
}

fn credentials(password: &str) -> UserCredentials {
    UserCredentials {
        email: EMAIL.into(),
        password: password.into(),
        ..UserCredentials::default()
    }
}

fn change(password: &str, new_password: &str, invalidate: bool) -> ChangePassword {
    ChangePassword {
        password: password.into(),
        new_password: new_password.into(),
        invalidate_existing_tokens: Some(invalidate),
        ..ChangePassword::default()
    }
}

// ---- happy paths, one test per area, every action ----

#[tokio::test]
async fn get_patch_verify_email_and_disconnect_github() {
    let fake = fake().await;
    let me_api = client(&fake, fake.token());
    let me = me_api
        .me()
        .get()
        .include_recent(true)
        .summary_include("payloadCount")
        .summary_exclude("deviceCount")
        .send()
        .await
        .expect("get");
    assert_eq!(me.email.as_deref(), Some(EMAIL));
    assert_eq!(me.full_name.as_deref(), Some("Example User"));
    assert_eq!(me.two_factor_auth_enabled, Some(false));
    assert_eq!(me.github_name.as_deref(), Some("example-octocat"));
    let summary = me.summary.expect("summary");
    assert_eq!(summary.app_count, Some(3));
    assert!(summary.payload_count.is_some());
    assert!(summary.device_count.is_none());
    let recent = me.recent_applications.expect("recent applications");
    assert_eq!(recent.item_type, Some(RecentItemListItemType::Application));
    let first = &recent.items.expect("items")[0];
    assert_eq!(first.name.as_deref(), Some("Greenhouse Monitor"));

    let patched = me_api
        .me()
        .patch(MePatch {
            first_name: Some("Grace".into()),
            last_name: Some("Hopper".into()),
            location: Some("Arlington".into()),
            ..MePatch::default()
        })
        .summary_exclude("appCount")
        .send()
        .await
        .expect("patch");
    assert_eq!(patched.full_name.as_deref(), Some("Grace Hopper"));
    assert_eq!(patched.location.as_deref(), Some("Arlington"));
    assert_eq!(patched.summary.and_then(|s| s.app_count), None);

    let sent = me_api
        .me()
        .verify_email()
        .losantdomain("example.com")
        .send()
        .await
        .expect("verify_email");
    assert_eq!(sent.success, Some(true));
    let me = me_api
        .me()
        .disconnect_github()
        .send()
        .await
        .expect("disconnect_github");
    assert_eq!(me.github_name, None);
    assert_eq!(me.email_verified, Some(true));
}

#[tokio::test]
async fn refresh_token_and_change_password() {
    let fake = fake().await;
    let me_api = client(&fake, fake.token());
    let refreshed = me_api
        .me()
        .refresh_token()
        .send()
        .await
        .expect("refresh_token");
    assert_eq!(refreshed.user_id.len(), 24);
    assert_ne!(refreshed.token.expose(), fake.token());
    client(&fake, refreshed.token.expose())
        .me()
        .get()
        .send()
        .await
        .expect("the refreshed token works");

    let changed = me_api
        .me()
        .change_password(change(PASSWORD, NEW_PASSWORD, false))
        .send()
        .await
        .expect("change_password");
    assert_eq!(
        Some(changed.user_id),
        me_api.me().get().send().await.expect("get").id
    );
    client(&fake, changed.token.expose())
        .me()
        .get()
        .send()
        .await
        .expect("the new token works");
}

#[tokio::test]
async fn delete_checks_credentials_and_kills_the_token() {
    let fake = fake().await;
    let me_api = client(&fake, fake.token());
    assert_eq!(
        status(
            me_api
                .me()
                .delete(credentials("Wrong-password-1"))
                .send()
                .await
        ),
        400
    );
    let deleted = me_api
        .me()
        .delete(credentials(PASSWORD))
        .send()
        .await
        .expect("delete");
    assert_eq!(deleted.success, Some(true));
    assert_eq!(status(me_api.me().get().send().await), 401);
}

#[tokio::test]
async fn recent_items_add_and_fetch() {
    let fake = fake().await;
    let me_api = client(&fake, fake.token());
    let parent = "575ec8687ae143cd83dc4a97";
    for item in ["575ecf887ae143cd83dc4aa2", "575ecf887ae143cd83dc4aa3"] {
        let list = me_api
            .me()
            .add_recent_item(RecentItem {
                item_type: RecentItemItemType::Device,
                parent_id: Some(parent.into()),
                item_id: item.into(),
            })
            .send()
            .await
            .expect("add_recent_item");
        assert_eq!(list.items.expect("items")[0].id.as_deref(), Some(item));
    }
    let list = me_api
        .me()
        .fetch_recent_items(ItemType::Device)
        .parent_id(parent)
        .send()
        .await
        .expect("fetch_recent_items");
    assert_eq!(list.parent_id.as_deref(), Some(parent));
    let ids: Vec<String> = list
        .items
        .expect("items")
        .into_iter()
        .filter_map(|item| item.id)
        .collect();
    assert_eq!(
        ids,
        ["575ecf887ae143cd83dc4aa3", "575ecf887ae143cd83dc4aa2"]
    );
    let unrelated = me_api
        .me()
        .fetch_recent_items(ItemType::Flow)
        .send()
        .await
        .expect("fetch_recent_items");
    assert_eq!(unrelated.items, Some(Vec::new()));
}

#[tokio::test]
async fn invitations_list_get_and_respond() {
    let fake = fake().await;
    let me_api = client(&fake, fake.token());
    let ids = fake.invite_ids();
    let invites = me_api.me().invites().send().await.expect("invites");
    assert_eq!(invites.len(), 3);
    assert_eq!(invites[0].org_name.as_deref(), Some("Acme Industrial"));
    assert_eq!(invites[0].role, Some(Role::Edit));
    assert_eq!(invites[2].expired, Some(true));

    let invite = me_api.me().invite(&ids[1]).send().await.expect("invite");
    assert_eq!(invite.requires_mfa, Some(true));
    assert_eq!(invite.expired, Some(false));
    assert!(invite.invite_date.is_some());

    let answer = |action| OrganizationInvitationActionForUser { action };
    let accepted = me_api
        .me()
        .respond_to_invite(&ids[0], answer(InviteAction::Accept))
        .send()
        .await
        .expect("respond_to_invite");
    assert_eq!(accepted.result, Some(InviteResult::Accepted));
    assert_eq!(accepted.org_id.map(|id| id.len()), Some(24));
    let dismissed = me_api
        .me()
        .respond_to_invite(&ids[1], answer(InviteAction::Dismiss))
        .send()
        .await
        .expect("respond_to_invite");
    assert_eq!(dismissed.result, Some(InviteResult::Dismissed));
    assert_eq!(
        me_api.me().invites().send().await.expect("invites").len(),
        1
    );
}

#[tokio::test]
async fn transfer_resources_moves_an_application() {
    let fake = fake().await;
    let me_api = client(&fake, fake.token());
    let application = fake.application_ids()[0].clone();
    let done = me_api
        .me()
        .transfer_resources(ResourceTransfer {
            destination_id: OTHER_ID.into(),
            destination_type: DestinationType::Organization,
            application_ids: Some(vec![application]),
            dashboard_ids: None,
            strict: Some(true),
        })
        .send()
        .await
        .expect("transfer_resources");
    assert_eq!(done.success, Some(true));
    let me = me_api.me().get().send().await.expect("get");
    assert_eq!(me.summary.and_then(|s| s.app_count), Some(2));
}

#[tokio::test]
async fn usage_counts_inside_the_requested_range() {
    let fake = fake().await;
    let me_api = client(&fake, fake.token());
    let (start, end) = (1_465_000_000_000_i64, 1_465_790_400_000_i64);
    let inside = |date: Option<chrono::DateTime<chrono::Utc>>| {
        let ms = date.expect("date").timestamp_millis();
        assert!((start..=end).contains(&ms), "{ms} outside {start}..={end}");
    };

    let devices = me_api
        .me()
        .device_counts()
        .start(start)
        .end(end)
        .send()
        .await
        .expect("device_counts");
    assert_eq!(devices.end.map(|d| d.timestamp_millis()), Some(end));
    let counts = devices.counts.expect("counts");
    assert_eq!(counts.len(), 10);
    for count in counts {
        inside(count.date);
        assert!(count.total.expect("total") >= 0);
    }

    let notebooks = me_api
        .me()
        .notebook_minute_counts()
        .start(start)
        .end(end)
        .send()
        .await
        .expect("notebook_minute_counts");
    for count in notebooks.counts.expect("counts") {
        inside(count.date);
        assert!(count.minutes.expect("minutes") >= 0);
    }

    let payloads = me_api
        .me()
        .payload_counts()
        .start(start)
        .end(end)
        .send()
        .await
        .expect("payload_counts");
    let bytes = me_api
        .me()
        .payload_counts()
        .start(start)
        .end(end)
        .as_bytes(true)
        .send()
        .await
        .expect("payload_counts as bytes");
    let mqtt = |stats: &wegnology::PayloadStats| {
        stats
            .device_state
            .as_ref()
            .and_then(|by_source| by_source.get("device.mqtt").copied())
            .expect("device.mqtt state payloads")
    };
    assert!(mqtt(&bytes) > mqtt(&payloads));

    let hourly = me_api
        .me()
        .payload_counts_breakdown()
        .start(start)
        .end(end)
        .resolution(Resolution::V3600000)
        .include_non_billable(true)
        .send()
        .await
        .expect("payload_counts_breakdown");
    // Deterministic for a seed: the same question, the same answer.
    let again = me_api
        .me()
        .payload_counts_breakdown()
        .start(start)
        .end(end)
        .resolution(Resolution::V3600000)
        .include_non_billable(true)
        .send()
        .await
        .expect("payload_counts_breakdown");
    assert_eq!(hourly, again);
    let counts = hourly.counts.expect("counts");
    assert_eq!(counts.len(), 221);
    for count in counts {
        inside(count.date);
    }
}

// ---- the flows of the issue ----

#[tokio::test]
async fn two_factor_flow_generate_enable_get_disable() {
    let fake = fake().await;
    let me_api = client(&fake, fake.token());
    let info = me_api
        .me()
        .generate_two_factor_auth()
        .send()
        .await
        .expect("generate_two_factor_auth");
    let key = info.key.expect("key");
    assert_eq!(key.expose().len(), 52);
    let uri = info.key_uri.expect("key URI");
    assert!(uri.expose().starts_with("otpauth://totp/"));

    let wrong = EnableMultiFactorAuthentication {
        two_factor_auth_key: Some(key.clone()),
        password: PASSWORD.into(),
        two_factor_code: "000000x".into(),
    };
    assert_eq!(
        status(me_api.me().enable_two_factor_auth(wrong).send().await),
        400
    );
    let me = me_api
        .me()
        .enable_two_factor_auth(EnableMultiFactorAuthentication {
            two_factor_auth_key: Some(key.clone()),
            password: PASSWORD.into(),
            two_factor_code: code(&key),
        })
        .send()
        .await
        .expect("enable_two_factor_auth");
    assert_eq!(me.two_factor_auth_enabled, Some(true));
    let me = me_api.me().get().send().await.expect("get");
    assert_eq!(me.two_factor_auth_enabled, Some(true));
    // Generating again while enabled is refused.
    assert_eq!(
        status(me_api.me().generate_two_factor_auth().send().await),
        400
    );

    let me = me_api
        .me()
        .disable_two_factor_auth(DisableMultiFactorAuthentication {
            two_factor_code: code(&key),
            password: PASSWORD.into(),
        })
        .send()
        .await
        .expect("disable_two_factor_auth");
    assert_eq!(me.two_factor_auth_enabled, Some(false));
    let me = me_api.me().get().send().await.expect("get");
    assert_eq!(me.two_factor_auth_enabled, Some(false));
}

#[tokio::test]
async fn change_password_with_invalidation_kills_the_old_token_and_the_new_one_works() {
    let fake = fake().await;
    let old = client(&fake, fake.token());
    let answer = old
        .me()
        .change_password(change(PASSWORD, NEW_PASSWORD, true))
        .send()
        .await
        .expect("change_password");
    assert_eq!(status(old.me().get().send().await), 401);
    let new = client(&fake, answer.token.expose());
    let me = new.me().get().send().await.expect("the new token works");
    assert_eq!(me.email.as_deref(), Some(EMAIL));
    // And the new password is the one that counts now.
    assert_eq!(
        status(
            new.me()
                .change_password(change(PASSWORD, "Another-new-one-3", false))
                .send()
                .await
        ),
        400
    );
    new.me()
        .change_password(change(NEW_PASSWORD, "Another-new-one-3", false))
        .send()
        .await
        .expect("change_password with the new password");
}

// ---- documented error statuses ----

/// Calls every one of the 20 actions with well-formed arguments and returns each outcome as
/// `Ok(())` or the API status.
async fn call_every_action(
    client: &Client,
    invite_id: &str,
) -> Vec<(&'static str, Result<(), u16>)> {
    fn outcome<T: std::fmt::Debug>(result: Result<T, Error>) -> Result<(), u16> {
        result.map(|_| ()).map_err(|error| status::<()>(Err(error)))
    }
    let me = client.me();
    let answer = OrganizationInvitationActionForUser {
        action: InviteAction::Reject,
    };
    vec![
        (
            "add_recent_item",
            outcome(
                me.add_recent_item(RecentItem {
                    item_type: RecentItemItemType::Flow,
                    parent_id: None,
                    item_id: OTHER_ID.into(),
                })
                .send()
                .await,
            ),
        ),
        (
            "change_password",
            outcome(
                me.change_password(change(PASSWORD, NEW_PASSWORD, false))
                    .send()
                    .await,
            ),
        ),
        ("device_counts", outcome(me.device_counts().send().await)),
        (
            "disable_two_factor_auth",
            outcome(
                me.disable_two_factor_auth(DisableMultiFactorAuthentication {
                    two_factor_code: "123456".into(),
                    password: PASSWORD.into(),
                })
                .send()
                .await,
            ),
        ),
        (
            "disconnect_github",
            outcome(me.disconnect_github().send().await),
        ),
        (
            "enable_two_factor_auth",
            outcome(
                me.enable_two_factor_auth(EnableMultiFactorAuthentication {
                    two_factor_auth_key: None,
                    password: PASSWORD.into(),
                    two_factor_code: "123456".into(),
                })
                .send()
                .await,
            ),
        ),
        (
            "fetch_recent_items",
            outcome(me.fetch_recent_items(ItemType::Application).send().await),
        ),
        (
            "generate_two_factor_auth",
            outcome(me.generate_two_factor_auth().send().await),
        ),
        ("get", outcome(me.get().send().await)),
        ("invite", outcome(me.invite(invite_id).send().await)),
        ("invites", outcome(me.invites().send().await)),
        (
            "notebook_minute_counts",
            outcome(me.notebook_minute_counts().send().await),
        ),
        (
            "patch",
            outcome(
                me.patch(MePatch {
                    title: Some("Engineer".into()),
                    ..MePatch::default()
                })
                .send()
                .await,
            ),
        ),
        ("payload_counts", outcome(me.payload_counts().send().await)),
        (
            "payload_counts_breakdown",
            outcome(me.payload_counts_breakdown().send().await),
        ),
        ("refresh_token", outcome(me.refresh_token().send().await)),
        (
            "respond_to_invite",
            outcome(me.respond_to_invite(invite_id, answer).send().await),
        ),
        (
            "transfer_resources",
            outcome(
                me.transfer_resources(ResourceTransfer {
                    destination_id: OTHER_ID.into(),
                    destination_type: DestinationType::User,
                    application_ids: None,
                    dashboard_ids: None,
                    strict: None,
                })
                .send()
                .await,
            ),
        ),
        ("verify_email", outcome(me.verify_email().send().await)),
        // Last: it ends the user.
        (
            "delete",
            outcome(me.delete(credentials(PASSWORD)).send().await),
        ),
    ]
}

#[tokio::test]
async fn every_action_is_401_without_a_valid_token() {
    let fake = fake().await;
    let ids = fake.invite_ids();
    let anonymous = Client::builder()
        .base_url(fake.url())
        .build()
        .expect("client");
    let forged = client(&fake, "fake.not-a-token");
    for caller in [anonymous, forged] {
        let outcomes = call_every_action(&caller, &ids[0]).await;
        assert_eq!(outcomes.len(), 20);
        for (action, outcome) in outcomes {
            assert_eq!(outcome, Err(401), "{action}");
        }
    }
}

#[tokio::test]
async fn every_action_is_403_for_a_token_missing_its_scopes() {
    let fake = fake().await;
    let ids = fake.invite_ids();
    // A real scope of the documents that no Me action lists.
    let outsider = client(&fake, &fake.mint_token(&["me.connectGithub"]));
    for (action, outcome) in call_every_action(&outsider, &ids[0]).await {
        assert_eq!(outcome, Err(403), "{action}");
    }
}

#[tokio::test]
async fn the_happy_arguments_above_succeed_with_a_valid_token() {
    let fake = fake().await;
    let ids = fake.invite_ids();
    let outcomes = call_every_action(&client(&fake, fake.token()), &ids[0]).await;
    for (action, outcome) in outcomes {
        let expected = match action {
            // No key was generated, and 2FA is not on: the documented 400.
            "disable_two_factor_auth" | "enable_two_factor_auth" => Err(400),
            // The password was changed by `change_password` just before.
            "delete" => Err(400),
            _ => Ok(()),
        };
        assert_eq!(outcome, expected, "{action}");
    }
}

#[tokio::test]
async fn every_action_documenting_400_answers_400_to_a_bad_request() {
    let fake = fake().await;
    let me_api = client(&fake, fake.token());
    let me = me_api.me();
    let ids = fake.invite_ids();
    // A query parameter the action does not document is a malformed request for any action.
    let outcomes: Vec<(&str, u16)> = vec![
        (
            "add_recent_item",
            status(
                me.add_recent_item(RecentItem {
                    item_type: RecentItemItemType::Unknown("gadget".into()),
                    parent_id: None,
                    item_id: OTHER_ID.into(),
                })
                .send()
                .await,
            ),
        ),
        (
            "change_password",
            status(
                me.change_password(change(PASSWORD, "weakpassword", false))
                    .send()
                    .await,
            ),
        ),
        (
            "delete",
            status(me.delete(credentials("Not-the-password-1")).send().await),
        ),
        (
            "device_counts",
            status(me.device_counts().start(10).end(5).send().await),
        ),
        (
            "disable_two_factor_auth",
            status(
                me.disable_two_factor_auth(DisableMultiFactorAuthentication {
                    two_factor_code: "123456".into(),
                    password: PASSWORD.into(),
                })
                .send()
                .await,
            ),
        ),
        (
            "disconnect_github",
            status(
                me.disconnect_github()
                    .query_override("_links", "maybe")
                    .send()
                    .await,
            ),
        ),
        (
            "enable_two_factor_auth",
            status(
                me.enable_two_factor_auth(EnableMultiFactorAuthentication {
                    two_factor_auth_key: Some("short".into()),
                    password: PASSWORD.into(),
                    two_factor_code: "123456".into(),
                })
                .send()
                .await,
            ),
        ),
        (
            "fetch_recent_items",
            status(
                me.fetch_recent_items(ItemType::Unknown("gadget".into()))
                    .send()
                    .await,
            ),
        ),
        (
            "generate_two_factor_auth",
            status(
                me.generate_two_factor_auth()
                    .query_override("bogus", 1)
                    .send()
                    .await,
            ),
        ),
        ("invite", status(me.invite("not-an-id").send().await)),
        (
            "invites",
            status(
                me.invites()
                    .query_override("_embedded", "perhaps")
                    .send()
                    .await,
            ),
        ),
        (
            "notebook_minute_counts",
            status(me.notebook_minute_counts().start(-5).send().await),
        ),
        (
            "patch",
            status(
                me.patch(MePatch {
                    first_name: Some(String::new()),
                    ..MePatch::default()
                })
                .send()
                .await,
            ),
        ),
        (
            "payload_counts",
            status(
                me.payload_counts()
                    .query_override("asBytes", "yes")
                    .send()
                    .await,
            ),
        ),
        (
            "payload_counts_breakdown",
            status(
                me.payload_counts_breakdown()
                    .resolution(Resolution::Unknown("60000".into()))
                    .send()
                    .await,
            ),
        ),
        (
            "refresh_token",
            status(me.refresh_token().query_override("bogus", 1).send().await),
        ),
        (
            "respond_to_invite",
            status(
                me.respond_to_invite(
                    &ids[0],
                    OrganizationInvitationActionForUser {
                        action: InviteAction::Unknown("maybe".into()),
                    },
                )
                .send()
                .await,
            ),
        ),
        (
            "transfer_resources",
            status(
                me.transfer_resources(ResourceTransfer {
                    destination_id: "not-an-id".into(),
                    destination_type: DestinationType::User,
                    application_ids: None,
                    dashboard_ids: None,
                    strict: None,
                })
                .send()
                .await,
            ),
        ),
        (
            "verify_email",
            status(
                me.verify_email()
                    .query_override("_actions", "sometimes")
                    .send()
                    .await,
            ),
        ),
    ];
    let model = wegnology_fake::model().expect("model");
    // The client serves Me; the fake serves the whole API.
    let documenting_400: Vec<&str> = model
        .actions_of("me")
        .filter(|action| action.errors.iter().any(|error| error.status == 400))
        .map(|action| action.snake_name.as_str())
        .collect();
    assert_eq!(documenting_400.len(), outcomes.len());
    for (action, status) in outcomes {
        assert!(documenting_400.contains(&action), "{action}");
        assert_eq!(status, 400, "{action}");
    }
}

#[tokio::test]
async fn invite_404_and_respond_404_and_410() {
    let fake = fake().await;
    let me_api = client(&fake, fake.token());
    let ids = fake.invite_ids();
    let unknown = "ffffffffffffffffffffffff";
    let accept = || OrganizationInvitationActionForUser {
        action: InviteAction::Accept,
    };
    assert_eq!(status(me_api.me().invite(unknown).send().await), 404);
    assert_eq!(
        status(
            me_api
                .me()
                .respond_to_invite(unknown, accept())
                .send()
                .await
        ),
        404
    );
    let expired = me_api.me().invite(&ids[2]).send().await.expect("invite");
    assert_eq!(expired.expired, Some(true));
    match me_api
        .me()
        .respond_to_invite(&ids[2], accept())
        .send()
        .await
    {
        Err(Error::Api {
            status,
            kind,
            message,
            ..
        }) => {
            assert_eq!(status, 410);
            assert_eq!(kind.as_deref(), Some("Gone"));
            assert!(message.unwrap_or_default().contains("expired"));
        }
        other => panic!("expected 410, got {other:?}"),
    }
}

#[tokio::test]
async fn refresh_token_documents_401() {
    let fake = fake().await;
    let stale = client(&fake, fake.token());
    stale
        .me()
        .change_password(change(PASSWORD, NEW_PASSWORD, true))
        .send()
        .await
        .expect("change_password");
    assert_eq!(status(stale.me().refresh_token().send().await), 401);
}
