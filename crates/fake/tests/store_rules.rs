//! Store rules, one test each, on a made-up model of their own (`fixtures/shelves.json`:
//! shelves holding widgets and notes), so the rules are tested apart from today's documents.

mod common;

use common::{Answer, Api};
use serde_json::{json, Value};
use wegnology_fake::{FakeConfig, FakeServer};
use wegnology_model::ApiModel;

fn fixture() -> ApiModel {
    let text = include_str!("fixtures/shelves.json");
    ApiModel::from_json(text).expect("the fixture is a model")
}

async fn serve() -> Api {
    serve_with(FakeConfig::default()).await
}

async fn serve_with(config: FakeConfig) -> Api {
    let server = FakeServer::start_with_model(config, fixture())
        .await
        .expect("the fixture is servable");
    Api {
        server,
        http: reqwest::Client::new(),
    }
}

fn status(answer: Answer, expected: u16) -> Value {
    assert_eq!(answer.status, expected, "{:?}", answer.body);
    answer.body
}

fn is_object_id(value: &Value) -> bool {
    value
        .as_str()
        .is_some_and(|id| id.len() == 24 && id.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn is_date(value: &Value) -> bool {
    value
        .as_str()
        .is_some_and(|text| chrono::DateTime::parse_from_rfc3339(text).is_ok())
}

/// A new, empty shelf; its id.
async fn shelf(api: &Api, name: &str) -> String {
    let shelf = status(
        api.call("POST", "/shelves", Some(&json!({"name": name})))
            .await,
        201,
    );
    shelf["id"].as_str().expect("an id").to_string()
}

#[tokio::test]
async fn store_rule_create_completes_the_body_into_the_item_schema() {
    let api = serve().await;
    let shelf_id = shelf(&api, "Top").await;
    let widget = status(
        api.call(
            "POST",
            &format!("/shelves/{shelf_id}/widgets"),
            Some(&json!({"name": "Sprocket", "size": 2})),
        )
        .await,
        201,
    );
    // A new 24-hex id under both id properties (`widgetId`, like the placeholder, and `id`).
    assert!(is_object_id(&widget["id"]), "{widget}");
    assert_eq!(widget["widgetId"], widget["id"]);
    assert_ne!(
        widget["id"], "5f0000000000000000000002",
        "not the example's id"
    );
    // The parent's id, the dates, the schema's default, the body.
    assert_eq!(widget["shelfId"], shelf_id.as_str());
    assert!(is_date(&widget["creationDate"]) && is_date(&widget["lastUpdated"]));
    assert_eq!(widget["color"], "blue");
    assert_eq!(
        (widget["name"].as_str(), widget["size"].as_i64()),
        (Some("Sprocket"), Some(2))
    );
    api.server
        .schemas()
        .check("widget", &widget)
        .expect("a Widget");
    // The body is checked against the post schema first.
    api.call(
        "POST",
        &format!("/shelves/{shelf_id}/widgets"),
        Some(&json!({"name": "X", "wheels": 4})),
    )
    .await
    .error(400);
    // Dates named `createdAt`/`updatedAt` are the item's dates too.
    let note = status(
        api.call(
            "POST",
            &format!("/shelves/{shelf_id}/notes"),
            Some(&json!({"text": "hi"})),
        )
        .await,
        201,
    );
    assert!(
        is_date(&note["createdAt"]) && is_date(&note["updatedAt"]),
        "{note}"
    );
    assert_eq!(note["noteId"], note["id"]);
}

#[tokio::test]
async fn store_rule_get_returns_what_was_stored() {
    let api = serve().await;
    let shelf_id = shelf(&api, "Top").await;
    let created = status(
        api.call(
            "POST",
            &format!("/shelves/{shelf_id}/widgets"),
            Some(&json!({"name": "Cog", "color": "green"})),
        )
        .await,
        201,
    );
    let path = format!(
        "/shelves/{shelf_id}/widgets/{}",
        created["id"].as_str().expect("id")
    );
    assert_eq!(api.get(&path).await.ok(), created);
    api.get(&format!(
        "/shelves/{shelf_id}/widgets/ffffffffffffffffffffffff"
    ))
    .await
    .error(404);
}

#[tokio::test]
async fn store_rule_patch_merges_the_body_into_the_item() {
    let api = serve().await;
    let shelf_id = shelf(&api, "Top").await;
    let created = status(
        api.call(
            "POST",
            &format!("/shelves/{shelf_id}/widgets"),
            Some(&json!({"name": "Cog", "size": 1})),
        )
        .await,
        201,
    );
    let path = format!(
        "/shelves/{shelf_id}/widgets/{}",
        created["id"].as_str().expect("id")
    );
    let updated = api
        .call("PATCH", &path, Some(&json!({"size": 9, "color": "red"})))
        .await
        .ok();
    assert_eq!(updated["size"], 9);
    assert_eq!(updated["color"], "red");
    assert_eq!(updated["name"], "Cog", "fields not in the body are kept");
    assert_eq!(updated["id"], created["id"]);
    assert_eq!(updated["creationDate"], created["creationDate"]);
    assert_eq!(api.get(&path).await.ok(), updated);
    // Validated against the patch schema; nothing changes on a refusal.
    api.call("PATCH", &path, Some(&json!({"size": -1})))
        .await
        .error(400);
    api.call("PATCH", &path, Some(&json!({"id": "x"})))
        .await
        .error(400);
    assert_eq!(api.get(&path).await.ok(), updated);
}

#[tokio::test]
async fn store_rule_delete_removes_the_item_then_get_is_404() {
    let api = serve().await;
    let shelf_id = shelf(&api, "Top").await;
    let created = status(
        api.call(
            "POST",
            &format!("/shelves/{shelf_id}/widgets"),
            Some(&json!({"name": "Cog"})),
        )
        .await,
        201,
    );
    let path = format!(
        "/shelves/{shelf_id}/widgets/{}",
        created["id"].as_str().expect("id")
    );
    assert_eq!(
        api.call("DELETE", &path, None).await.ok(),
        json!({"success": true})
    );
    let message = api.get(&path).await.error(404);
    assert!(message.contains("widget"), "{message}");
    api.server
        .schemas()
        .check("error", &api.get(&path).await.body)
        .expect("an Error body");
    api.call("DELETE", &path, None).await.error(404);
    api.call("PATCH", &path, Some(&json!({"size": 1})))
        .await
        .error(404);
}

#[tokio::test]
async fn store_rule_list_pages_sorts_and_filters_what_is_stored() {
    let api = serve().await;
    let shelf_id = shelf(&api, "Top").await;
    let widgets = format!("/shelves/{shelf_id}/widgets");
    for (name, size) in [
        ("Gear", 5),
        ("Axle", 7),
        ("Gasket", 1),
        ("Bolt", 3),
        ("Gimbal", 2),
    ] {
        status(
            api.call("POST", &widgets, Some(&json!({"name": name, "size": size})))
                .await,
            201,
        );
    }
    let names = |list: &Value| -> Vec<String> {
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|item| item["name"].as_str().expect("name").to_string())
            .collect()
    };
    // The documented default sort (`name`, ascending) and page size.
    let all = api.get(&widgets).await.ok();
    assert_eq!(names(&all), ["Axle", "Bolt", "Gasket", "Gear", "Gimbal"]);
    assert_eq!(
        (all["count"].as_i64(), all["totalCount"].as_i64()),
        (Some(5), Some(5))
    );
    assert_eq!(
        (all["page"].as_i64(), all["perPage"].as_i64()),
        (Some(0), Some(100))
    );
    assert_eq!(all["shelfId"], shelf_id.as_str());
    // Sorting by a number, descending.
    let by_size = api
        .get(&format!("{widgets}?sortField=size&sortDirection=desc"))
        .await
        .ok();
    assert_eq!(
        names(&by_size),
        ["Axle", "Gear", "Bolt", "Gimbal", "Gasket"]
    );
    assert_eq!(by_size["sortField"], "size");
    // Pages.
    let second = api.get(&format!("{widgets}?perPage=2&page=1")).await.ok();
    assert_eq!(names(&second), ["Gasket", "Gear"]);
    assert_eq!(
        (
            second["count"].as_i64(),
            second["totalCount"].as_i64(),
            second["page"].as_i64(),
            second["perPage"].as_i64()
        ),
        (Some(2), Some(5), Some(1), Some(2))
    );
    let past = api.get(&format!("{widgets}?perPage=2&page=9")).await.ok();
    assert_eq!(
        (past["count"].as_i64(), past["totalCount"].as_i64()),
        (Some(0), Some(5))
    );
    // `*` wildcards, case ignored; the total counts what the filter kept.
    let filtered = api
        .get(&format!("{widgets}?filterField=name&filter=g*a*"))
        .await
        .ok();
    assert_eq!(names(&filtered), ["Gasket", "Gear", "Gimbal"]);
    assert_eq!(filtered["totalCount"], 3);
    assert_eq!(filtered["filter"], "g*a*");
    // Every answer is a valid `Widgets`.
    for list in [&all, &by_size, &second, &past, &filtered] {
        api.server
            .schemas()
            .check("widgets", list)
            .expect("Widgets");
    }
    // `limit`/`offset` and `sortColumn` where those are documented.
    let notes = format!("/shelves/{shelf_id}/notes");
    for text in ["c", "a", "b"] {
        status(
            api.call("POST", &notes, Some(&json!({"text": text}))).await,
            201,
        );
    }
    let page = api
        .get(&format!("{notes}?sortColumn=text&limit=2&offset=1"))
        .await
        .ok();
    let texts: Vec<&str> = page["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|n| n["text"].as_str())
        .collect();
    assert_eq!(texts, ["b", "c"]);
    assert_eq!(
        (
            page["limit"].as_i64(),
            page["offset"].as_i64(),
            page["count"].as_i64(),
            page["totalCount"].as_i64()
        ),
        (Some(2), Some(1), Some(2), Some(3))
    );
}

#[tokio::test]
async fn store_rule_items_belong_to_their_parent_path() {
    let api = serve().await;
    let kept = shelf(&api, "Kept").await;
    let doomed = shelf(&api, "Doomed").await;
    let mut paths = Vec::new();
    for shelf_id in [&kept, &doomed] {
        let widget = status(
            api.call(
                "POST",
                &format!("/shelves/{shelf_id}/widgets"),
                Some(&json!({"name": "Cog"})),
            )
            .await,
            201,
        );
        paths.push(format!(
            "/shelves/{shelf_id}/widgets/{}",
            widget["id"].as_str().expect("id")
        ));
    }
    // Each shelf lists its own widgets only.
    assert_eq!(
        api.get(&format!("/shelves/{kept}/widgets")).await.ok()["count"],
        1
    );
    // An item is looked up under its own parent only.
    let elsewhere = paths[0].replace(&kept, &doomed);
    api.get(&elsewhere).await.error(404);
    // Deleting a shelf removes everything stored under it.
    api.call("DELETE", &format!("/shelves/{doomed}"), None)
        .await
        .ok();
    api.get(&paths[1]).await.error(404);
    api.get(&paths[0]).await.ok();
    assert!(api
        .server
        .stored_paths()
        .iter()
        .all(|path| !path.contains(&doomed)));
    // An unknown parent: 404 for a list, a create and an action below an item.
    let unknown = "ffffffffffffffffffffffff";
    for (method, path, body) in [
        ("GET", format!("/shelves/{unknown}/widgets"), None),
        (
            "POST",
            format!("/shelves/{unknown}/widgets"),
            Some(json!({"name": "Cog"})),
        ),
        (
            "POST",
            format!("/shelves/{doomed}/widgets/{unknown}/spin"),
            None,
        ),
        ("POST", format!("{}/spin", paths[1]), None),
    ] {
        let message = api.call(method, &path, body.as_ref()).await.error(404);
        assert!(
            message.contains("was not found"),
            "{method} {path}: {message}"
        );
    }
}

#[tokio::test]
async fn store_rule_other_actions_answer_their_documented_success() {
    let api = serve().await;
    let shelf_id = shelf(&api, "Top").await;
    let widget = status(
        api.call(
            "POST",
            &format!("/shelves/{shelf_id}/widgets"),
            Some(&json!({"name": "Cog"})),
        )
        .await,
        201,
    );
    let path = format!(
        "/shelves/{shelf_id}/widgets/{}",
        widget["id"].as_str().expect("id")
    );
    // The success schema's example, with its documented status.
    assert_eq!(
        status(api.call("POST", &format!("{path}/spin"), None).await, 202),
        json!({"spins": 3})
    );
    // A success documented without a schema: the status, no body.
    let answer = api.call("DELETE", &format!("{path}/cache"), None).await;
    assert_eq!(answer.status, 204);
    assert_eq!(answer.body, Value::String(String::new()));
    // A list schema without an example: a minimal valid instance where the store has no
    // say, and stored items listed where it has.
    api.server
        .schemas()
        .check("shelves", &api.get("/shelves").await.ok())
        .expect("Shelves");
}

#[tokio::test]
async fn store_rule_seed_data_comes_from_the_examples_and_the_seed() {
    let seeded = |seed| FakeConfig {
        seed,
        ..FakeConfig::default()
    };
    let first = serve_with(seeded(7)).await;
    let again = serve_with(seeded(7)).await;
    let other = serve_with(seeded(8)).await;
    let paths = first.server.stored_paths();
    assert_eq!(paths, again.server.stored_paths());
    assert_ne!(paths, other.server.stored_paths());
    // One shelf, holding one widget and one note, from the examples (with ids of their own).
    assert_eq!(paths.len(), 3, "{paths:?}");
    let shelves = first.get("/shelves").await.ok();
    assert_eq!(shelves["count"], 1);
    assert_eq!(shelves["items"][0]["name"], "Top Shelf");
    let shelf_id = shelves["items"][0]["id"].as_str().expect("id").to_string();
    let widgets = first
        .get(&format!("/shelves/{shelf_id}/widgets"))
        .await
        .ok();
    assert_eq!(widgets["items"][0]["name"], "Sprocket");
    assert_eq!(widgets["items"][0]["shelfId"], shelf_id.as_str());
    assert_ne!(widgets["items"][0]["id"], "5f0000000000000000000002");
}

#[tokio::test]
async fn store_rule_the_store_is_bounded() {
    let api = serve_with(FakeConfig {
        max_stored_items: 5,
        ..FakeConfig::default()
    })
    .await;
    // Three seeded items; two more fit.
    let shelf_id = shelf(&api, "One").await;
    let widgets = format!("/shelves/{shelf_id}/widgets");
    status(
        api.call("POST", &widgets, Some(&json!({"name": "A"})))
            .await,
        201,
    );
    let message = api
        .call("POST", &widgets, Some(&json!({"name": "B"})))
        .await
        .error(400);
    assert!(message.contains("at most 5"), "{message}");
    // Deleting makes room again.
    api.call("DELETE", &format!("/shelves/{shelf_id}"), None)
        .await
        .ok();
    shelf(&api, "Two").await;
}
