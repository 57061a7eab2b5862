//! The pages and items of a list action as streams: pages of a 25-item collection served ten
//! at a time, laziness, the end of the list, a failing page, and the first request's options on
//! every page.

mod recorder;

use std::time::Duration;

use futures_util::{StreamExt, TryStreamExt};
use recorder::{Answer, Recorded, Recorder};
use serde::Deserialize;
use wegnology::runtime::{paginate, paginate_offset, Handle, Page, Pages, Request};
use wegnology::{Client, Error, API};

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Thing {
    pub id: u64,
}

/// A collection answer, as the generator makes them (`Devices`, …).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Things {
    items: Option<Vec<Thing>>,
    count: Option<i64>,
    total_count: Option<i64>,
    page: Option<i64>,
    per_page: Option<i64>,
}

/// What the generator writes for each collection type.
impl Page for Things {
    type Item = Thing;

    fn items(&self) -> &[Thing] {
        self.items.as_deref().unwrap_or_default()
    }

    fn into_items(self) -> Vec<Thing> {
        self.items.unwrap_or_default()
    }

    fn total_count(&self) -> Option<u64> {
        self.total_count.and_then(|count| u64::try_from(count).ok())
    }
}

// A list action's builder, as the generated code declares it.
wegnology::__request_builder!(ListThings => Things, "get");

impl<'a> ListThings<'a> {
    fn page(self, page: u64) -> Self {
        Self(self.0.query("page", page.to_string()))
    }

    fn per_page(self, per_page: u64) -> Self {
        Self(self.0.query("perPage", per_page.to_string()))
    }

    /// What the generator writes for each list action.
    fn pages(self) -> Pages<'a, Self> {
        paginate(self, |request, page| request.page(page))
    }
}

fn list(client: &Client) -> ListThings<'_> {
    ListThings(Handle::new(client, &API).get("get", "/things"))
}

fn query<'r>(request: &'r Recorded, name: &str) -> Option<&'r str> {
    request
        .query
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

const TOTAL: u64 = 25;

/// Serves items 0..25, `perPage` (default 10) a page, `page` 0-based; `limit`/`offset` too.
/// `totalCount` is left out when the request asks `noTotal`; the page `fail` fails with 500,
/// the page `slow` never answers in time.
fn collection(request: &Recorded) -> Answer {
    let number = |name| query(request, name).map(|v| v.parse::<u64>().unwrap());
    let page = number("page").unwrap_or(0);
    if number("fail") == Some(page) {
        return Answer {
            status: 500,
            body: r#"{"type":"Internal","message":"boom"}"#.into(),
            delay: Duration::ZERO,
        };
    }
    let delay = if number("slow") == Some(page) {
        Duration::from_secs(3600)
    } else {
        Duration::ZERO
    };
    let (first, size) = match number("limit") {
        Some(limit) => (number("offset").unwrap_or(0), limit),
        None => {
            let per_page = number("perPage").unwrap_or(10);
            (page * per_page, per_page)
        }
    };
    let items: Vec<_> = (first..(first + size).min(TOTAL))
        .map(|id| serde_json::json!({ "id": id }))
        .collect();
    let mut body = serde_json::json!({
        "items": items,
        "count": items.len(),
        "page": page,
        "perPage": size,
    });
    if query(request, "noTotal").is_none() {
        body["totalCount"] = TOTAL.into();
    }
    Answer {
        status: 200,
        body: body.to_string(),
        delay,
    }
}

async fn server() -> (Recorder, Client) {
    let rec = Recorder::start(collection).await;
    let client = Client::builder()
        .base_url(&rec.url)
        .token("t")
        .build()
        .unwrap();
    (rec, client)
}

fn pages_asked(rec: &Recorder) -> Vec<Option<String>> {
    rec.all()
        .iter()
        .map(|r| query(r, "page").map(str::to_string))
        .collect()
}

#[tokio::test]
async fn three_pages_of_ten_ten_and_five() {
    let (rec, client) = server().await;
    let pages: Vec<Things> = list(&client).pages().try_collect().await.unwrap();
    let sizes: Vec<usize> = pages.iter().map(|p| p.items().len()).collect();
    assert_eq!(sizes, [10, 10, 5]);
    assert_eq!(pages[2].page, Some(2));
    assert_eq!(pages[2].count, Some(5));
    assert_eq!(pages[0].per_page, Some(10));
    // The first as it was, then pages 1 and 2; the total reached, no fourth request.
    assert_eq!(
        pages_asked(&rec),
        [None, Some("1".to_string()), Some("2".to_string())]
    );
}

#[tokio::test]
async fn the_items_stream_yields_all_25_in_order() {
    let (rec, client) = server().await;
    let items: Vec<Thing> = list(&client).pages().items().try_collect().await.unwrap();
    let ids: Vec<u64> = items.iter().map(|t| t.id).collect();
    assert_eq!(ids, (0..TOTAL).collect::<Vec<_>>());
    assert_eq!(rec.count(), 3);
}

#[tokio::test]
async fn nothing_is_sent_until_the_stream_is_polled() {
    let (rec, client) = server().await;
    let mut items = list(&client).pages().items();
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(rec.count(), 0);
    assert_eq!(items.next().await.unwrap().unwrap().id, 0);
    assert_eq!(rec.count(), 1);
    // The rest of the first page needs no request.
    for id in 1..10 {
        assert_eq!(items.next().await.unwrap().unwrap().id, id);
    }
    assert_eq!(rec.count(), 1);
    assert_eq!(items.next().await.unwrap().unwrap().id, 10);
    assert_eq!(rec.count(), 2);
}

#[tokio::test]
async fn a_failing_page_ends_the_stream_with_its_error() {
    let (rec, client) = server().await;
    let first = list(&client).query_override("fail", 1).retries(0);
    let mut pages = first.pages();
    assert_eq!(pages.next().await.unwrap().unwrap().items().len(), 10);
    match pages.next().await {
        Some(Err(Error::Api {
            action: "get",
            status: 500,
            ..
        })) => {}
        other => panic!("{other:?}"),
    }
    assert!(pages.next().await.is_none());
    assert!(pages.next().await.is_none());
    // Retries set on the first request held on the failing page: it was asked once.
    assert_eq!(rec.count(), 2);
    // The items stream ends the same way, after the first page's items.
    let items: Vec<Result<Thing, Error>> = list(&client)
        .query_override("fail", 1)
        .retries(0)
        .pages()
        .items()
        .collect()
        .await;
    assert_eq!(items.len(), 11);
    assert!(items[..10].iter().all(Result::is_ok));
    assert!(matches!(items[10], Err(Error::Api { status: 500, .. })));
}

#[tokio::test]
async fn the_first_request_s_options_apply_to_every_page() {
    let (rec, client) = server().await;
    let first = list(&client)
        .query_override("slow", 1)
        .timeout(Duration::from_millis(300))
        .losantdomain("example.com");
    let mut pages = first.pages();
    assert!(pages.next().await.unwrap().is_ok());
    // The client's timeout is 60 s: the second page's timeout is the first request's.
    let started = std::time::Instant::now();
    match pages.next().await {
        Some(Err(Error::Timeout { action: "get" })) => {}
        other => panic!("{other:?}"),
    }
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(pages.next().await.is_none());
    for request in rec.all() {
        assert_eq!(request.header("losantdomain"), Some("example.com"));
        assert_eq!(query(&request, "slow"), Some("1"));
    }
}

#[tokio::test]
async fn pages_start_at_the_first_request_s_own_page() {
    let (rec, client) = server().await;
    let pages: Vec<Things> = list(&client).page(1).pages().try_collect().await.unwrap();
    let sizes: Vec<usize> = pages.iter().map(|p| p.items().len()).collect();
    assert_eq!(sizes, [10, 5]);
    assert_eq!(
        pages_asked(&rec),
        [Some("1".to_string()), Some("2".to_string())]
    );
}

#[tokio::test]
async fn without_a_total_the_stream_ends_at_an_empty_page() {
    let (rec, client) = server().await;
    let items: Vec<Thing> = list(&client)
        .per_page(20)
        .query_override("noTotal", true)
        .pages()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items.len(), 25);
    // Pages 0 (20 items), 1 (5), 2 (empty).
    assert_eq!(rec.count(), 3);
}

#[tokio::test]
async fn a_limit_offset_list_advances_by_the_items_seen() {
    let (rec, client) = server().await;
    let first: Request<'_, Things> = Handle::new(&client, &API)
        .get("query", "/rows")
        .query("limit", "10".to_string())
        .query("offset", "3".to_string());
    let items: Vec<Thing> = paginate_offset(first, |request, offset| {
        request.query("offset", offset.to_string())
    })
    .items()
    .try_collect()
    .await
    .unwrap();
    let ids: Vec<u64> = items.iter().map(|t| t.id).collect();
    assert_eq!(ids, (3..TOTAL).collect::<Vec<_>>());
    let offsets: Vec<String> = rec
        .all()
        .iter()
        .map(|r| query(r, "offset").unwrap().to_string())
        .collect();
    assert_eq!(offsets, ["3", "13", "23"]);
}

#[test]
fn the_streams_are_send_and_unpin() {
    fn send_unpin<T: Send + Unpin>(_: &T) {}
    let client = Client::builder().build().unwrap();
    let pages = list(&client).pages();
    send_unpin(&pages);
    send_unpin(&pages.items());
}
