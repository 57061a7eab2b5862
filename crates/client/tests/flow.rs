//! A flow through the generated client against the embedded fake (`wegnology-fake`): an
//! application and its devices through their lifecycle. The application is created, 25 devices
//! are created in it, listed through the client's pagination (pages and items), one is read,
//! patched, deleted and then missing, and deleting the application takes its devices with it.

use std::collections::BTreeSet;

use futures_util::TryStreamExt;
use serde_json::json;
use wegnology::devices::{SortDirection, SortField};
use wegnology::{ApplicationPost, Client, DevicePatch, DevicePost, Error};
use wegnology_fake::FakeServer;

const DEVICES: usize = 25;

fn client(fake: &FakeServer) -> Client {
    Client::builder()
        .base_url(fake.url())
        .token(fake.token())
        .build()
        .expect("client")
}

/// A device body (named so that sorting by name keeps creation order).
fn device(n: usize) -> DevicePost {
    serde_json::from_value(json!({
        "name": format!("Flow device {n:02}"),
        "description": "made by the flow test",
        "tags": [{"key": "flow", "value": n.to_string()}],
        "deviceClass": "standalone",
    }))
    .expect("a DevicePost")
}

/// The status, `type` and `message` of an API error (panics on anything else).
fn api_error<T: std::fmt::Debug>(result: Result<T, Error>) -> (u16, String, String) {
    match result {
        Err(Error::Api {
            status,
            kind: Some(kind),
            message: Some(message),
            ..
        }) => (status, kind, message),
        other => panic!("expected an API error with an Error body, got {other:?}"),
    }
}

#[tokio::test]
async fn client_against_fake_an_application_s_devices_through_their_lifecycle() {
    let fake = FakeServer::start().await.expect("the fake starts");
    let client = client(&fake);

    // The application.
    let body: ApplicationPost = serde_json::from_value(json!({
        "name": "Flow application",
        "description": "the flow test's",
    }))
    .expect("an ApplicationPost");
    let application = client
        .applications()
        .post(body)
        .send()
        .await
        .expect("the application is created");
    assert_eq!(application.name.as_deref(), Some("Flow application"));
    assert_eq!(application.description.as_deref(), Some("the flow test's"));
    let app_id = application
        .id
        .clone()
        .expect("the created application has an id");
    assert_eq!(application.application_id.as_deref(), Some(app_id.as_str()));
    assert!(!fake.application_ids().contains(&app_id), "a new id");
    let read = client
        .application()
        .get(&app_id)
        .send()
        .await
        .expect("the application is read");
    assert_eq!(read.id.as_deref(), Some(app_id.as_str()));

    // A fresh application has no devices.
    let empty = client
        .devices()
        .get(&app_id)
        .send()
        .await
        .expect("an empty list");
    assert_eq!(empty.total_count, Some(0));
    assert_eq!(empty.count, Some(0));
    assert_eq!(empty.items.as_deref().map(<[_]>::len), Some(0));

    // 25 devices.
    let mut created = Vec::new();
    for n in 0..DEVICES {
        let made = client
            .devices()
            .post(&app_id, device(n))
            .send()
            .await
            .unwrap_or_else(|e| panic!("device {n} is created: {e}"));
        assert_eq!(
            made.name.as_deref(),
            Some(format!("Flow device {n:02}").as_str())
        );
        assert_eq!(made.application_id.as_deref(), Some(app_id.as_str()));
        let id = made.id.clone().expect("a created device has an id");
        assert_eq!(made.device_id.as_deref(), Some(id.as_str()));
        created.push(id);
    }
    let created_set: BTreeSet<&String> = created.iter().collect();
    assert_eq!(created_set.len(), DEVICES, "25 distinct ids");

    // Their pages, 10 at a time: 10, 10, 5.
    let pages: Vec<wegnology::Devices> = client
        .devices()
        .get(&app_id)
        .sort_field(SortField::Name)
        .sort_direction(SortDirection::Asc)
        .per_page(10)
        .pages()
        .try_collect()
        .await
        .expect("every page is read");
    let sizes: Vec<usize> = pages
        .iter()
        .map(|page| page.items.as_deref().map_or(0, <[_]>::len))
        .collect();
    assert_eq!(sizes, [10, 10, 5], "page sizes");
    for (number, page) in pages.iter().enumerate() {
        assert_eq!(
            page.total_count,
            Some(DEVICES as i64),
            "totalCount of page {number}"
        );
        assert_eq!(
            page.count,
            Some(sizes[number] as i64),
            "count of page {number}"
        );
        assert_eq!(
            page.page,
            Some(number as i64),
            "page number of page {number}"
        );
        assert_eq!(page.per_page, Some(10), "perPage of page {number}");
    }
    let listed: Vec<String> = pages
        .iter()
        .flat_map(|page| page.items.iter().flatten())
        .map(|device| device.id.clone().expect("a listed device has an id"))
        .collect();
    assert_eq!(listed.len(), DEVICES, "25 listed");
    let listed_set: BTreeSet<&String> = listed.iter().collect();
    assert_eq!(listed_set.len(), DEVICES, "no device listed twice");
    assert_eq!(listed_set, created_set, "exactly the devices created");
    // Sorted by name, which is creation order here.
    assert_eq!(listed, created, "in name order");

    // Their items, through the same pagination.
    fake.clear_journal();
    let items: Vec<wegnology::Device> = client
        .devices()
        .get(&app_id)
        .per_page(10)
        .items()
        .try_collect()
        .await
        .expect("every item is read");
    let item_ids: Vec<String> = items
        .iter()
        .map(|device| device.id.clone().expect("an item has an id"))
        .collect();
    assert_eq!(
        item_ids, created,
        "the items are the 25 devices, in name order"
    );
    let sent: Vec<(Option<String>, Option<String>, Option<String>)> = fake
        .journal()
        .iter()
        .map(|entry| {
            (
                entry.action.clone(),
                entry.query_param("page").map(str::to_string),
                entry.query_param("perPage").map(str::to_string),
            )
        })
        .collect();
    let request = |page: Option<&str>| {
        (
            Some("devices.get".to_string()),
            page.map(str::to_string),
            Some("10".to_string()),
        )
    };
    assert_eq!(
        sent,
        [request(None), request(Some("1")), request(Some("2"))],
        "the items came in three requests, a page each"
    );

    // One device: read, patched, read again.
    let target = &created[7];
    let other = &created[8];
    let got = client
        .device()
        .get(&app_id, target)
        .send()
        .await
        .expect("the device is read");
    assert_eq!(got.id.as_deref(), Some(target.as_str()));
    assert_eq!(got.name.as_deref(), Some("Flow device 07"));
    assert_eq!(got.description.as_deref(), Some("made by the flow test"));
    let patch: DevicePatch = serde_json::from_value(json!({
        "name": "Patched device",
        "description": "patched by the flow test",
    }))
    .expect("a DevicePatch");
    let patched = client
        .device()
        .patch(&app_id, target, patch)
        .send()
        .await
        .expect("the device is patched");
    assert_eq!(patched.id.as_deref(), Some(target.as_str()));
    assert_eq!(patched.name.as_deref(), Some("Patched device"));
    assert_eq!(
        patched.description.as_deref(),
        Some("patched by the flow test")
    );
    // What the patch did not name stays.
    assert_eq!(patched.tags, got.tags);
    assert_eq!(patched.creation_date, got.creation_date);
    let reread = client
        .device()
        .get(&app_id, target)
        .send()
        .await
        .expect("the patched device is read");
    assert_eq!(reread.name.as_deref(), Some("Patched device"));
    assert_eq!(
        reread.description.as_deref(),
        Some("patched by the flow test")
    );
    assert_eq!(reread, patched, "a later read shows the patch");

    // Deleted, then missing.
    let deleted = client
        .device()
        .delete(&app_id, target)
        .send()
        .await
        .expect("the device is deleted");
    assert_eq!(deleted.success, Some(true));
    let (status, kind, message) = api_error(client.device().get(&app_id, target).send().await);
    assert_eq!(status, 404);
    assert_eq!(kind, "NotFound");
    assert_eq!(message, format!("device {target} was not found"));
    let after = client
        .devices()
        .get(&app_id)
        .per_page(100)
        .send()
        .await
        .expect("the list after the delete");
    assert_eq!(after.total_count, Some(DEVICES as i64 - 1));
    assert_eq!(after.count, Some(DEVICES as i64 - 1));
    let remaining: BTreeSet<String> = after
        .items
        .iter()
        .flatten()
        .filter_map(|device| device.id.clone())
        .collect();
    assert!(
        !remaining.contains(target),
        "the deleted device is not listed"
    );
    assert_eq!(remaining.len(), DEVICES - 1);

    // The application deleted: its devices go with it.
    let gone = client
        .application()
        .delete(&app_id)
        .send()
        .await
        .expect("the application is deleted");
    assert_eq!(gone.success, Some(true));
    let (status, kind, message) = api_error(client.application().get(&app_id).send().await);
    assert_eq!((status, kind.as_str()), (404, "NotFound"));
    assert_eq!(message, format!("application {app_id} was not found"));
    let (status, kind, message) = api_error(client.devices().get(&app_id).send().await);
    assert_eq!((status, kind.as_str()), (404, "NotFound"));
    assert_eq!(message, format!("application {app_id} was not found"));
    let (status, kind, message) = api_error(client.device().get(&app_id, other).send().await);
    assert_eq!((status, kind.as_str()), (404, "NotFound"));
    assert_eq!(message, format!("application {app_id} was not found"));
    assert!(
        !fake
            .stored_paths()
            .iter()
            .any(|path| path.contains(app_id.as_str())),
        "nothing of the application is left in the store"
    );
    // The seeded applications are untouched.
    for seeded in fake.application_ids() {
        client
            .application()
            .get(&seeded)
            .send()
            .await
            .expect("a seeded application is still there");
    }
    fake.shutdown().await;
}
