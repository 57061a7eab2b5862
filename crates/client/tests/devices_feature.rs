//! Features: the client built with only the `devices` and `device` resources (CI builds and
//! runs this test with `--no-default-features --features devices,device`) lists, creates, gets
//! and patches devices against the fake, with the types those two resources use.

use serde_json::json;
use wegnology::{Client, DevicePatch, DevicePost};
use wegnology_fake::FakeServer;

#[tokio::test]
async fn client_with_two_resource_features_serves_their_actions() {
    let server = FakeServer::start().await.expect("the fake starts");
    let client = Client::builder()
        .base_url(server.url())
        .token(server.token())
        .build()
        .unwrap();
    let application_id = server.application_ids()[0].clone();

    let listed = client.devices().get(&application_id).send().await.unwrap();
    let seeded = listed.total_count.expect("totalCount");
    assert_eq!(listed.items.as_ref().map(Vec::len), Some(seeded as usize));

    let body: DevicePost =
        serde_json::from_value(json!({"name": "Boiler", "deviceClass": "standalone"})).unwrap();
    let created = client
        .devices()
        .post(&application_id, body)
        .send()
        .await
        .unwrap();
    let device_id = created.id.clone().expect("a new device has an id");
    assert_eq!(created.name.as_deref(), Some("Boiler"));

    let patch: DevicePatch = serde_json::from_value(json!({"description": "cellar"})).unwrap();
    let patched = client
        .device()
        .patch(&application_id, &device_id, patch)
        .send()
        .await
        .unwrap();
    assert_eq!(patched.description.as_deref(), Some("cellar"));
    let got = client
        .device()
        .get(&application_id, &device_id)
        .send()
        .await
        .unwrap();
    assert_eq!(got.description.as_deref(), Some("cellar"));

    let listed = client.devices().get(&application_id).send().await.unwrap();
    assert_eq!(listed.total_count, Some(seeded + 1));
}
