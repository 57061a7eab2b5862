//! Fake route, the whole API: today's documents' collections keep state by the store rules,
//! the seed gives the Me user's applications their devices, and faults and the journal name
//! every action.

mod common;

use common::Api;
use serde_json::json;
use wegnology_fake::FaultRule;

#[tokio::test]
async fn fake_route_the_seeded_applications_are_me_s_and_have_devices() {
    let api = Api::start().await;
    let listed = api.get("/applications").await.ok();
    let mut ids: Vec<String> = listed["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|app| app["id"].as_str().expect("id").to_string())
        .collect();
    ids.sort();
    let mut mine = api.server.application_ids();
    mine.sort();
    assert_eq!(ids, mine);
    assert_eq!(listed["totalCount"], 3);
    for id in &mine {
        let devices = api.get(&format!("/applications/{id}/devices")).await.ok();
        assert_eq!(devices["count"], 2, "{devices}");
        assert_eq!(devices["items"][0]["applicationId"], id.as_str());
    }
    // Me's summary still counts Me's applications.
    assert_eq!(api.get("/me").await.ok()["summary"]["appCount"], 3);
}

#[tokio::test]
async fn fake_route_an_application_s_devices_live_and_die_with_it() {
    let api = Api::start().await;
    let app = api
        .call(
            "POST",
            "/applications",
            Some(&json!({"name": "Greenhouse 2"})),
        )
        .await;
    assert_eq!(app.status, 201, "{:?}", app.body);
    let app_id = app.body["id"].as_str().expect("id").to_string();
    assert_eq!(app.body["applicationId"], app_id.as_str());
    assert_eq!(
        api.get(&format!("/applications/{app_id}")).await.ok()["name"],
        "Greenhouse 2"
    );
    let device = api
        .call(
            "POST",
            &format!("/applications/{app_id}/devices"),
            Some(&json!({"name": "Thermometer", "deviceClass": "standalone"})),
        )
        .await;
    assert_eq!(device.status, 201, "{:?}", device.body);
    let device_id = device.body["deviceId"]
        .as_str()
        .expect("deviceId")
        .to_string();
    assert_eq!(device.body["applicationId"], app_id.as_str());
    let path = format!("/applications/{app_id}/devices/{device_id}");
    let patched = api
        .call(
            "PATCH",
            &path,
            Some(&json!({"description": "In the shade"})),
        )
        .await
        .ok();
    assert_eq!(patched["name"], "Thermometer");
    assert_eq!(patched["description"], "In the shade");
    // The device's own actions need the device.
    api.get(&format!("{path}/state")).await.ok();
    let listed = api
        .get(&format!(
            "/applications/{app_id}/devices?filterField=name&filter=therm*"
        ))
        .await
        .ok();
    assert_eq!(listed["count"], 1);
    // Deleting the application removes its devices.
    assert_eq!(
        api.call("DELETE", &format!("/applications/{app_id}"), None)
            .await
            .ok(),
        json!({"success": true})
    );
    api.get(&path).await.error(404);
    api.get(&format!("{path}/state")).await.error(404);
    api.get(&format!("/applications/{app_id}/devices"))
        .await
        .error(404);
}

#[tokio::test]
async fn fake_route_faults_and_the_journal_name_actions_with_their_resource() {
    let api = Api::start().await;
    let app = api.server.application_ids()[0].clone();
    api.server
        .inject(FaultRule::status(503).only("application.get").next(1));
    // Me's bare names stay Me's: `get` is not `application.get`.
    api.server
        .inject(FaultRule::status(502).only("get").next(1));
    api.get(&format!("/applications/{app}")).await.error(503);
    api.get(&format!("/applications/{app}")).await.ok();
    api.get("/me").await.error(502);
    let journal = api.server.journal();
    let names: Vec<Option<&str>> = journal.iter().map(|e| e.action.as_deref()).collect();
    assert_eq!(
        names,
        [
            Some("application.get"),
            Some("application.get"),
            Some("get")
        ]
    );
    assert_eq!(journal[0].fault.as_deref(), Some("status=503"));
    // Secrets are redacted in every action's body, by the model's rule.
    api.call(
        "POST",
        "/auth/user",
        Some(&json!({"email": "a@example.com", "password": "Hunter2-hunter2"})),
    )
    .await;
    let entry = api.server.journal().pop().expect("an entry");
    assert_eq!(entry.action.as_deref(), Some("auth.authenticateUser"));
    assert_eq!(
        entry.body.expect("a body")["password"],
        wegnology_fake::REDACTED
    );
}

#[tokio::test]
async fn fake_route_usage_counts_of_any_resource_cover_the_requested_range() {
    let api = Api::start().await;
    let app = api.server.application_ids()[0].clone();
    let path = format!("/applications/{app}/deviceCounts?start=1465000000000&end=1465790400000");
    let counts = api.get(&path).await.ok();
    let days = counts["counts"].as_array().expect("counts").len();
    assert!((9..=11).contains(&days), "{counts}");
    assert_eq!(
        api.get(&path).await.ok(),
        counts,
        "the same range, the same counts"
    );
    api.get(&format!("/applications/{app}/deviceCounts?start=5&end=1"))
        .await
        .error(400);
}

#[tokio::test]
async fn fake_route_recursive_and_json_text_query_values_are_checked_against_their_schemas() {
    let api = Api::start().await;
    let app = api.server.application_ids()[0].clone();
    let devices = format!("/applications/{app}/devices");
    let encode = url_encode;
    // `query` is JSON text of the recursive `Advanced Device Query`.
    let nested = r#"{"$and":[{"$or":[{"name":{"$ne":"x"}},{"name":"y"}]}]}"#;
    api.get(&format!("{devices}?query={}", encode(nested)))
        .await
        .ok();
    let bad_deep = r#"{"$and":[{"$or":[{"name":{"$bogus":1}}]}]}"#;
    let message = api
        .get(&format!("{devices}?query={}", encode(bad_deep)))
        .await
        .error(400);
    assert!(message.contains("advanced-device-query"), "{message}");
    api.get(&format!("{devices}?query=not-json"))
        .await
        .error(400);
    // A schema value flattened as the JS client sends it, or JSON text as Python's does.
    api.get(&format!(
        "{devices}?tagFilter[0][key]=floor&tagFilter[0][value]=2"
    ))
    .await
    .ok();
    api.get(&format!(
        "{devices}?tagFilter={}",
        encode(r#"[{"key":"floor"}]"#)
    ))
    .await
    .ok();
    api.get(&format!("{devices}?tagFilter[0][colour]=red"))
        .await
        .error(400);
    // A recursive body schema: rows queried with nested `$and`/`$or`.
    let table = api
        .server
        .stored_paths()
        .into_iter()
        .find(|path| {
            path.starts_with(&format!("/applications/{app}/data-tables/"))
                && path.matches('/').count() == 4
        })
        .expect("a seeded data table");
    api.call(
        "POST",
        &format!("{table}/rows/query"),
        Some(&json!({"$and": [{"$or": [{"col": 1}, {"col": {"$gt": 2}}]}]})),
    )
    .await
    .ok();
    api.call(
        "POST",
        &format!("{table}/rows/query"),
        Some(&json!({"$and": [{"$or": [{"col": {"$near": 2}}]}]})),
    )
    .await
    .error(400);
}

fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}
