//! Decoding: every schema example of `_schemas.md`, unknown fields, and each kind of failure as
//! a typed error. Secrets stay out of Debug output.

mod recorder;

use std::time::Duration;

use recorder::{Answer, Recorder};
use serde::de::DeserializeOwned;
use wegnology::*;
use wegnology_model::ApiModel;

fn model() -> ApiModel {
    ApiModel::from_json(include_str!("../../../spec/model.json")).unwrap()
}

fn example(anchor: &str) -> serde_json::Value {
    model()
        .schema(anchor)
        .unwrap()
        .example
        .clone()
        .unwrap_or_else(|| panic!("{anchor} has an example"))
}

fn decode<T: DeserializeOwned>(anchor: &str) -> T {
    serde_json::from_value(example(anchor)).unwrap_or_else(|e| panic!("{anchor}: {e}"))
}

#[test]
fn every_schema_example_decodes() {
    let user: AuthenticatedUser = decode("authenticated-user");
    assert_eq!(
        user.token.expose(),
        "token_to_use_for_authenticating_subsequent_requests"
    );
    let change: ChangePassword = decode("change-password");
    assert_eq!(change.invalidate_existing_tokens, Some(true));
    let _: DisableMultiFactorAuthentication = decode("disable-multi-factor-authentication");
    let _: EnableMultiFactorAuthentication = decode("enable-multi-factor-authentication");
    let error: ErrorBody = decode("error");
    assert_eq!(error.r#type.as_deref(), Some("NotFound"));
    let me: Me = decode("me");
    assert_eq!(me.summary.as_ref().unwrap().app_count, Some(8));
    assert_eq!(
        me.creation_date.unwrap().to_rfc3339(),
        "2016-06-13T04:00:00+00:00"
    );
    let _: MePatch = decode("me-patch");
    let action: OrganizationInvitationActionForUser =
        decode("organization-invitation-action-for-user");
    assert_eq!(action.action, InviteAction::Accept);
    let stats: PayloadStats = decode("payload-stats");
    assert_eq!(stats.device_state.unwrap()["device.mqtt"], 1244049.0);
    let item: RecentItem = decode("recent-item");
    assert_eq!(item.item_type, ItemType::Device);
    let list: RecentItemList = decode("recent-item-list");
    assert_eq!(list.items.unwrap().len(), 2);
    let transfer: ResourceTransfer = decode("resource-transfer");
    assert_eq!(transfer.destination_type, DestinationType::Organization);
    let success: Success = decode("success");
    assert_eq!(success.success, Some(true));
    let credentials: UserCredentials = decode("user-credentials");
    assert_eq!(credentials.email, "email@example.com");
    // The examples of the model are all covered: 14 schemas have one.
    assert_eq!(
        model()
            .schemas
            .iter()
            .filter(|s| s.example.is_some())
            .count(),
        14
    );
}

#[test]
fn nested_named_schemas_reuse_their_type() {
    let me: Me = serde_json::from_value(serde_json::json!({
        "recentApplications": {"itemType": "application", "items": [{"id": "575ec8687ae143cd83dc4a97", "name": "App"}]},
        "summary": {"payloadCount": {"mqttIn": {"device.mqtt": 3}}}
    }))
    .unwrap();
    let recent: RecentItemList = me.recent_applications.unwrap();
    assert_eq!(recent.item_type, Some(ItemType::Application));
    let stats: PayloadStats = me.summary.unwrap().payload_count.unwrap();
    assert_eq!(stats.mqtt_in.unwrap()["device.mqtt"], 3.0);
    let invites: UserOrganizationInvitations = serde_json::from_value(
        serde_json::json!([{"orgName": "Org", "role": "view", "expired": false}]),
    )
    .unwrap();
    let first: &OrganizationInvitationInformationForUser = &invites[0];
    assert_eq!(first.role, Some(Role::View));
}

#[test]
fn unknown_fields_and_enum_values_are_tolerated() {
    let mut me = example("me");
    me["brandNewField"] = serde_json::json!({"nested": [1, 2]});
    let me: Me = serde_json::from_value(me).unwrap();
    assert_eq!(me.first_name.as_deref(), Some("Example"));
    let list: RecentItemList =
        serde_json::from_value(serde_json::json!({"itemType": "notebook"})).unwrap();
    assert_eq!(
        list.item_type,
        Some(ItemType::Unknown("notebook".to_string()))
    );
    assert_eq!(serde_json::to_value(&list).unwrap()["itemType"], "notebook");
}

#[test]
fn secrets_never_show_in_debug_output() {
    let change: ChangePassword = decode("change-password");
    let user: AuthenticatedUser = decode("authenticated-user");
    let enable: EnableMultiFactorAuthentication = decode("enable-multi-factor-authentication");
    let info: MultiFactorAuthenticationInfo = serde_json::from_value(
        serde_json::json!({"key": "KEYSECRET", "keyUri": "otpauth://totp/x?secret=KEYSECRET"}),
    )
    .unwrap();
    let client = Client::builder().token("tok-secret-123").build().unwrap();
    let shown = format!("{change:?} {user:?} {enable:?} {info:?} {client:?}");
    for secret in [
        "yourCurrentPassword",
        "yourNewPassword1!",
        "token_to_use",
        "HBBGWJJVOVLXS4ZG",
        "012345",
        "KEYSECRET",
        "tok-secret-123",
    ] {
        assert!(!shown.contains(secret), "{secret} leaked: {shown}");
    }
    // The values are still sent.
    assert_eq!(
        serde_json::to_value(&change).unwrap()["password"],
        "yourCurrentPassword"
    );
}

async fn client_for(answer: Answer, timeout: Duration) -> (Recorder, Client) {
    let recorder = Recorder::start(move |_| answer.clone()).await;
    let client = Client::builder()
        .base_url(&recorder.url)
        .token("t")
        .timeout(timeout)
        .build()
        .unwrap();
    (recorder, client)
}

#[tokio::test]
async fn api_errors_carry_status_type_and_message() {
    let answer = Answer {
        status: 404,
        body: r#"{"type":"NotFound","message":"Invite was not found"}"#.to_string(),
        delay: Duration::ZERO,
    };
    let (_rec, client) = client_for(answer, Duration::from_secs(5)).await;
    match client.me().invite("575ec8687ae143cd83dc4a97").send().await {
        Err(Error::Api {
            action,
            status,
            kind,
            message,
            ..
        }) => {
            assert_eq!((action, status), ("invite", 404));
            assert_eq!(kind.as_deref(), Some("NotFound"));
            assert_eq!(message.as_deref(), Some("Invite was not found"));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_non_json_error_body_is_kept_raw() {
    let answer = Answer {
        status: 502,
        body: "Bad gateway".to_string(),
        delay: Duration::ZERO,
    };
    let (_rec, client) = client_for(answer, Duration::from_secs(5)).await;
    match client.me().get().send().await {
        Err(Error::Api {
            status: 502,
            kind: None,
            message: None,
            body,
            ..
        }) => assert_eq!(body, "Bad gateway"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn an_undecodable_success_body_names_the_action_and_an_excerpt() {
    let answer = Answer {
        status: 200,
        body: r#"{"userId": 12}"#.to_string(),
        delay: Duration::ZERO,
    };
    let (_rec, client) = client_for(answer, Duration::from_secs(5)).await;
    match client.me().refresh_token().send().await {
        Err(Error::Decode {
            action, excerpt, ..
        }) => {
            assert_eq!(action, "refresh_token");
            assert_eq!(excerpt, r#"{"userId": 12}"#);
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_slow_answer_is_a_timeout() {
    let answer = Answer {
        status: 200,
        body: "{}".to_string(),
        // Never answers within the test's life: the outcome does not depend on timing margins.
        delay: Duration::from_secs(3600),
    };
    let (_rec, client) = client_for(answer, Duration::from_millis(200)).await;
    match client.me().get().send().await {
        Err(Error::Timeout { action: "get" }) => {}
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let client = Client::builder().base_url(url).build().unwrap();
    match client.me().get().send().await {
        Err(Error::Transport { action: "get", .. }) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_bad_base_url_is_a_config_error() {
    assert!(matches!(
        Client::builder().base_url("not a url").build(),
        Err(Error::Config(_))
    ));
}

