//! What the client logs: a span per call with action, method, path template, attempt, status and
//! elapsed time, an event per retry, and never a secret. All 20 actions are called with secrets
//! in their bodies and answers, and everything `tracing` emits is captured at every level.

mod capture;
mod recorder;

use std::time::Duration;

use recorder::{Answer, Recorded, Recorder};
use serde_json::json;
use wegnology::me::{ItemType, Resolution};
use wegnology::Client;
use wegnology_model::ApiModel;

/// Every secret used below contains this marker.
const MARK: &str = "SeCrEt";

fn answer(request: &Recorded) -> Answer {
    let body = match request.path.as_str() {
        "/me/invites" => "[]".to_string(),
        "/me/generateTwoFactorAuth" => {
            format!(r#"{{"key":"KEY{MARK}","keyUri":"otpauth://totp/x?secret=URI{MARK}"}}"#)
        }
        // Undecodable on purpose (userId is no string): the error path logs nothing secret either.
        "/me/refreshToken" => format!(r#"{{"userId":1,"token":"ANSWER{MARK}"}}"#),
        _ => format!(r#"{{"userId":"575ed70c7ae143cd83dc4aa9","token":"ANSWER{MARK}"}}"#),
    };
    Answer {
        status: 200,
        body,
        delay: Duration::ZERO,
    }
}

fn body<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
    serde_json::from_value(value).unwrap()
}

#[tokio::test]
async fn no_secret_reaches_the_logs_of_any_action() {
    let rec = Recorder::start(answer).await;
    let client = Client::builder()
        .base_url(&rec.url)
        .token(format!("TOKEN{MARK}"))
        .adopt_new_tokens(true)
        .build()
        .unwrap();
    let (captured, guard) = capture::capture();
    let me = client.me();
    let id = "575ec8687ae143cd83dc4a97";
    let password = format!("PASSWORD{MARK}");
    let code = format!("CODE{MARK}");
    let key = format!("KEY{MARK}");

    me.add_recent_item(body(json!({"itemType": "device", "itemId": id})))
        .send()
        .await
        .unwrap();
    me.change_password(body(json!({
        "password": password, "newPassword": format!("NEW{MARK}1!"), "twoFactorCode": code
    })))
    .send()
    .await
    .unwrap();
    me.delete(body(
        json!({"email": "a@b.c", "password": password, "twoFactorCode": code}),
    ))
    .send()
    .await
    .unwrap();
    me.device_counts().start(0).end(1).send().await.unwrap();
    me.disable_two_factor_auth(body(json!({"twoFactorCode": code, "password": password})))
        .send()
        .await
        .unwrap();
    me.disconnect_github().send().await.unwrap();
    me.enable_two_factor_auth(body(json!({
        "twoFactorAuthKey": key, "password": password, "twoFactorCode": code
    })))
    .send()
    .await
    .unwrap();
    me.fetch_recent_items(ItemType::Application)
        .parent_id(id)
        .send()
        .await
        .unwrap();
    me.generate_two_factor_auth().send().await.unwrap();
    me.get().include_recent(true).send().await.unwrap();
    me.invite(id).send().await.unwrap();
    me.invites().send().await.unwrap();
    me.notebook_minute_counts()
        .start(0)
        .end(1)
        .send()
        .await
        .unwrap();
    me.patch(body(json!({"firstName": "Ada", "password": password})))
        .send()
        .await
        .unwrap();
    me.payload_counts().as_bytes(true).send().await.unwrap();
    me.payload_counts_breakdown()
        .resolution(Resolution::V3600000)
        .send()
        .await
        .unwrap();
    let undecodable = me.refresh_token().send().await.unwrap_err();
    me.respond_to_invite(id, body(json!({"action": "accept"})))
        .send()
        .await
        .unwrap();
    me.transfer_resources(body(
        json!({"destinationId": id, "destinationType": "user"}),
    ))
    .send()
    .await
    .unwrap();
    me.verify_email().send().await.unwrap();
    drop(guard);

    let logs = captured.text();
    assert!(!logs.contains(MARK), "a secret was logged:\n{logs}");
    // The error shown to the caller does not hold the new token either.
    assert!(!format!("{undecodable} {undecodable:?}").contains(MARK));

    // The capture saw every call: one closed span per action, with its fields.
    // The part of the model the generated client serves (Me).
    let model = ApiModel::from_json(include_str!("../../../spec/generated/model.json"))
        .unwrap()
        .subset(&["me"]);
    assert!(!model.actions.is_empty());
    for action in &model.actions {
        let span = format!(
            "wegnology.call{{action=\"{}\" method=\"{}\" path=\"{}\"",
            action.id(),
            action.method.as_str(),
            action.path
        );
        assert!(logs.contains(&span), "no span `{span}` in:\n{logs}");
    }
    assert!(
        logs.contains("path=\"/me/invites/{inviteId}\""),
        "the template, not the filled path"
    );
    assert!(logs.contains("attempt=1 status=200 elapsed_ms="), "{logs}");
    // The sends really carried the secrets: the logs are clean for the right reason.
    let sent = rec.last();
    assert!(sent.header("authorization").unwrap().contains("ANSWER"));
}

#[tokio::test]
async fn each_retry_is_an_event_with_its_pause() {
    let rec = Recorder::start(|request: &Recorded| Answer {
        status: if request.query.iter().any(|(k, _)| k == "includeRecent") {
            200
        } else {
            503
        },
        body: "{}".to_string(),
        delay: Duration::ZERO,
    })
    .await;
    let client = Client::builder()
        .base_url(&rec.url)
        .retry_policy(wegnology::RetryPolicy::default().initial_delay(Duration::from_millis(10)))
        .build()
        .unwrap();
    let (captured, guard) = capture::capture();
    let error = client.me().get().send().await.unwrap_err();
    drop(guard);
    assert_eq!(error.status(), Some(503));
    assert_eq!(rec.count(), 3);
    let logs = captured.text();
    let retries: Vec<&str> = logs.lines().filter(|l| l.contains("retrying")).collect();
    assert_eq!(retries.len(), 2, "{logs}");
    for line in retries {
        assert!(line.contains("pause_ms="), "{line}");
        assert!(line.contains("status=503"), "{line}");
    }
    assert!(logs.contains("attempt=3 status=503 elapsed_ms="), "{logs}");
}
