//! Decoding: every schema example of `_schemas.md`, unknown fields, and each kind of failure as
//! a typed error. Secrets stay out of Debug output.

mod recorder;

use std::time::Duration;

use recorder::{Answer, Recorder};
use serde::de::DeserializeOwned;
use wegnology::*;
use wegnology_model::ApiModel;

/// The part of the model the generated client serves (Me).
fn model() -> ApiModel {
    ApiModel::from_json(include_str!("../../../spec/generated/model.json"))
        .unwrap()
        .subset(&["me"])
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
    assert_eq!(
        action.action,
        OrganizationInvitationActionForUserAction::Accept
    );
    let stats: PayloadStats = decode("payload-stats");
    assert_eq!(stats.device_state.unwrap()["device.mqtt"], 1244049.0);
    let item: RecentItem = decode("recent-item");
    assert_eq!(item.item_type, RecentItemItemType::Device);
    let list: RecentItemList = decode("recent-item-list");
    assert_eq!(list.items.unwrap().len(), 2);
    let transfer: ResourceTransfer = decode("resource-transfer");
    assert_eq!(
        transfer.destination_type,
        ResourceTransferDestinationType::Organization
    );
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
    assert_eq!(recent.item_type, Some(RecentItemListItemType::Application));
    let stats: PayloadStats = me.summary.unwrap().payload_count.unwrap();
    assert_eq!(stats.mqtt_in.unwrap()["device.mqtt"], 3.0);
    let invites: UserOrganizationInvitations = serde_json::from_value(
        serde_json::json!([{"orgName": "Org", "role": "view", "expired": false}]),
    )
    .unwrap();
    let first: &OrganizationInvitationInformationForUser = &invites[0];
    assert_eq!(
        first.role,
        Some(OrganizationInvitationInformationForUserRole::View)
    );
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
        Some(RecentItemListItemType::Unknown("notebook".to_string()))
    );
    // An unknown value is sent back as it came.
    let item: RecentItem =
        serde_json::from_value(serde_json::json!({"itemType": "notebook", "itemId": "x"})).unwrap();
    assert_eq!(serde_json::to_value(&item).unwrap()["itemType"], "notebook");
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
            assert_eq!((action, status), ("me.invite", 404));
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
            assert_eq!(action, "me.refreshToken");
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
        Err(Error::Timeout { action: "me.get" }) => {}
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
        Err(Error::Transport {
            action: "me.get", ..
        }) => {}
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

/// Decodes a JSON value as one generated type and gives what the type kept of it.
type RoundTrip = fn(&serde_json::Value) -> Result<serde_json::Value, serde_json::Error>;

/// For a type that is sent (it has `Serialize`): decoded, then encoded again.
fn round_trip<T: DeserializeOwned + serde::Serialize>(
    value: &serde_json::Value,
) -> Result<serde_json::Value, serde_json::Error> {
    serde_json::to_value(serde_json::from_value::<T>(value.clone())?)
}

/// For a type that is only received (answers derive no `Serialize`): decoded, giving the value
/// without the fields the type ignored, so the value is what the type kept.
fn received<T: DeserializeOwned>(
    value: &serde_json::Value,
) -> Result<serde_json::Value, serde_json::Error> {
    let mut ignored: Vec<Vec<Step>> = Vec::new();
    let _: T = serde_ignored::deserialize(value.clone(), |path| ignored.push(steps(&path)))?;
    let mut kept = value.clone();
    for path in ignored {
        remove(&mut kept, &path);
    }
    Ok(kept)
}

/// One step of the path of an ignored field.
enum Step {
    Key(String),
    Index(usize),
}

fn steps(path: &serde_ignored::Path) -> Vec<Step> {
    use serde_ignored::Path;
    match path {
        Path::Root => Vec::new(),
        Path::Seq { parent, index } => {
            let mut steps = steps(parent);
            steps.push(Step::Index(*index));
            steps
        }
        Path::Map { parent, key } => {
            let mut steps = steps(parent);
            steps.push(Step::Key(key.clone()));
            steps
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => steps(parent),
    }
}

fn remove(value: &mut serde_json::Value, path: &[Step]) {
    match (path, value) {
        ([Step::Key(key)], serde_json::Value::Object(object)) => {
            object.remove(key);
        }
        ([Step::Key(key), rest @ ..], serde_json::Value::Object(object)) => {
            if let Some(inner) = object.get_mut(key) {
                remove(inner, rest);
            }
        }
        ([Step::Index(index), rest @ ..], serde_json::Value::Array(items)) => {
            if let Some(inner) = items.get_mut(*index) {
                remove(inner, rest);
            }
        }
        _ => {}
    }
}

/// Every named schema of `_schemas.md` (by anchor, in document order) and its generated type.
const TYPES: [(&str, RoundTrip); 21] = [
    ("authenticated-user", received::<AuthenticatedUser>),
    ("change-password", round_trip::<ChangePassword>),
    ("device-counts", received::<DeviceCounts>),
    (
        "disable-multi-factor-authentication",
        round_trip::<DisableMultiFactorAuthentication>,
    ),
    (
        "enable-multi-factor-authentication",
        round_trip::<EnableMultiFactorAuthentication>,
    ),
    ("error", received::<ErrorBody>),
    ("me", received::<Me>),
    ("me-patch", round_trip::<MePatch>),
    (
        "multi-factor-authentication-info",
        received::<MultiFactorAuthenticationInfo>,
    ),
    ("notebook-minute-counts", received::<NotebookMinuteCounts>),
    (
        "organization-invitation-action-for-user",
        round_trip::<OrganizationInvitationActionForUser>,
    ),
    (
        "organization-invitation-information-for-user",
        received::<OrganizationInvitationInformationForUser>,
    ),
    (
        "organization-invitation-result-for-user",
        received::<OrganizationInvitationResultForUser>,
    ),
    (
        "payload-counts-breakdown",
        received::<PayloadCountsBreakdown>,
    ),
    ("payload-stats", received::<PayloadStats>),
    ("recent-item", round_trip::<RecentItem>),
    ("recent-item-list", received::<RecentItemList>),
    ("resource-transfer", round_trip::<ResourceTransfer>),
    ("success", received::<Success>),
    ("user-credentials", round_trip::<UserCredentials>),
    (
        "user-organization-invitations",
        received::<UserOrganizationInvitations>,
    ),
];

/// Where `got` differs from `want` as JSON data: numbers compare by value (`3` = `3.0`), date-time
/// strings by the instant they name (`…00.000Z` = `…00Z`), object keys in any order.
fn difference(want: &serde_json::Value, got: &serde_json::Value, at: &str) -> Option<String> {
    use serde_json::Value::*;
    match (want, got) {
        (Number(a), Number(b)) if a.as_f64() == b.as_f64() => None,
        (String(a), String(b)) if a == b => None,
        (String(a), String(b)) => {
            let instant = |s: &str| chrono::DateTime::parse_from_rfc3339(s).ok();
            match (instant(a), instant(b)) {
                (Some(x), Some(y)) if x == y => None,
                _ => Some(format!("{at}: {a:?} became {b:?}")),
            }
        }
        (Array(a), Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find_map(|(i, (a, b))| difference(a, b, &format!("{at}[{i}]"))),
        (Object(a), Object(b)) => a
            .iter()
            .find_map(|(key, a)| match b.get(key) {
                Some(b) => difference(a, b, &format!("{at}.{key}")),
                None => Some(format!("{at}.{key} was dropped")),
            })
            .or_else(|| {
                b.keys()
                    .find(|k| !a.contains_key(*k))
                    .map(|k| format!("{at}.{k} was added"))
            }),
        _ if want == got => None,
        _ => Some(format!("{at}: {want} became {got}")),
    }
}

/// A value of `schema` with every property present: what a full response of that schema holds.
fn full_instance(schema: &serde_json::Value) -> serde_json::Value {
    use serde_json::{json, Map, Value};
    if let Some(first) = schema["enum"].as_array().and_then(|v| v.first()) {
        return first.clone();
    }
    if let Some(first) = schema["oneOf"].as_array().and_then(|v| v.first()) {
        return full_instance(first);
    }
    match schema["type"].as_str() {
        Some("string") if schema["format"] == "date-time" => json!("2016-06-13T04:00:00.000Z"),
        Some("string") => json!("575ec8687ae143cd83dc4a97"),
        Some("integer") => json!(42),
        Some("number") => json!(1.5),
        Some("boolean") => json!(true),
        Some("array") => json!([full_instance(&schema["items"])]),
        Some("object") => {
            let mut object = Map::new();
            for (name, property) in schema["properties"].as_object().into_iter().flatten() {
                object.insert(name.clone(), full_instance(property));
            }
            for property in schema["patternProperties"]
                .as_object()
                .into_iter()
                .flatten()
            {
                object.insert("device.mqtt".to_string(), full_instance(property.1));
            }
            Value::Object(object)
        }
        _ => json!("any"),
    }
}

#[test]
fn every_named_schema_has_a_type() {
    let anchors: Vec<String> = model().schemas.into_iter().map(|s| s.anchor).collect();
    let typed: Vec<&str> = TYPES.iter().map(|(anchor, _)| *anchor).collect();
    assert_eq!(typed, anchors);
}

#[test]
fn every_schema_example_survives_decoding_and_encoding() {
    let mut checked = 0;
    for (anchor, round_trip) in TYPES {
        let Some(example) = model().schema(anchor).unwrap().example.clone() else {
            continue;
        };
        let encoded = round_trip(&example).unwrap_or_else(|e| panic!("{anchor}: {e}"));
        if let Some(difference) = difference(&example, &encoded, anchor) {
            panic!("{difference}");
        }
        checked += 1;
    }
    assert_eq!(checked, 14, "the schemas with an example");
}

#[test]
fn a_full_instance_of_every_schema_survives_decoding_and_encoding() {
    for schema in model().schemas {
        let round_trip = TYPES.iter().find(|(a, _)| *a == schema.anchor).unwrap().1;
        let instance = full_instance(&schema.json_schema);
        let encoded = round_trip(&instance).unwrap_or_else(|e| panic!("{}: {e}", schema.anchor));
        if let Some(difference) = difference(&instance, &encoded, &schema.anchor) {
            panic!("{difference}");
        }
    }
}

#[test]
fn fields_no_schema_knows_are_ignored_at_every_level() {
    /// Adds a field to every object of `value` that `schema` describes by its properties.
    fn add_unknown_fields(schema: &serde_json::Value, value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(object) if schema.get("properties").is_some() => {
                for (name, property) in object.iter_mut() {
                    add_unknown_fields(&schema["properties"][name], property);
                }
                object.insert("fieldFromTheFuture".into(), serde_json::json!({"x": [1]}));
            }
            serde_json::Value::Array(items) => items
                .iter_mut()
                .for_each(|item| add_unknown_fields(&schema["items"], item)),
            _ => {}
        }
    }
    for schema in model().schemas {
        let round_trip = TYPES.iter().find(|(a, _)| *a == schema.anchor).unwrap().1;
        let plain = full_instance(&schema.json_schema);
        let mut extended = plain.clone();
        add_unknown_fields(&schema.json_schema, &mut extended);
        assert_ne!(plain, extended);
        // Ignored, not kept: the encoding is that of the instance without them.
        let encoded = round_trip(&extended).unwrap_or_else(|e| panic!("{}: {e}", schema.anchor));
        assert_eq!(encoded, round_trip(&plain).unwrap(), "{}", schema.anchor);
    }
}
