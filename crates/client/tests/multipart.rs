//! Multipart bodies (the file upload, the notebook upload, the imports), as the official JS
//! client sends them: a file part with its file name and content type, a text part and an
//! object part (its JSON text) without either. Checked by parsing what a loopback server
//! received.

mod recorder;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use recorder::{Answer, Recorded, Recorder};
use wegnology::runtime::{Handle, Request};
use wegnology::{Client, Error, FilePart, API};

/// One part as the server parsed it.
#[derive(Debug, PartialEq)]
struct Received {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    bytes: Vec<u8>,
}

/// The parts of a recorded `multipart/form-data` body, in order.
async fn parts(request: &Recorded) -> Vec<Received> {
    let content_type = request.header("content-type").expect("a content type");
    assert!(
        content_type.starts_with("multipart/form-data; boundary="),
        "{content_type}"
    );
    let boundary = multer::parse_boundary(content_type).unwrap();
    let body = Bytes::from(request.body.clone());
    let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(body) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    let mut received = Vec::new();
    while let Some(field) = multipart.next_field().await.unwrap() {
        received.push(Received {
            name: field.name().unwrap().to_string(),
            file_name: field.file_name().map(str::to_string),
            content_type: field
                .headers()
                .get("content-type")
                .map(|v| v.to_str().unwrap().to_string()),
            bytes: field.bytes().await.unwrap().to_vec(),
        });
    }
    received
}

fn ok(_: &Recorded) -> Answer {
    Answer {
        status: 200,
        body: r#"{"success":true}"#.to_string(),
        delay: Duration::ZERO,
    }
}

fn client(url: &str) -> Client {
    Client::builder().base_url(url).token("t").build().unwrap()
}

/// An import as the generated code will build it: a file, texts and an object.
fn import(client: &Client) -> Request<'_, serde_json::Value> {
    Handle::new(client, &API)
        .post("import", "/applications/import")
        .multipart_file(
            "importBundle",
            FilePart::new(&b"PK\x03\x04 zip bytes"[..], "bundle.zip"),
        )
        .multipart_text("ownerType", "organization")
        .multipart_json("options", &serde_json::json!({"includeFiles": true}))
        .header("losantdomain", "example.com".to_string())
}

#[tokio::test]
async fn each_field_is_one_part_as_the_js_client_sends_it() {
    let rec = Recorder::start(ok).await;
    let client = client(&rec.url);
    let answer = import(&client).send().await.unwrap();
    assert_eq!(answer, serde_json::json!({"success": true}));
    let sent = rec.last();
    assert_eq!(sent.method, "POST");
    assert_eq!(sent.path, "/applications/import");
    assert_eq!(sent.header("losantdomain"), Some("example.com"));
    assert_eq!(
        sent.header("content-length"),
        Some(sent.body.len().to_string().as_str())
    );
    assert_eq!(
        parts(&sent).await,
        [
            Received {
                name: "importBundle".into(),
                file_name: Some("bundle.zip".into()),
                content_type: Some("application/zip".into()),
                bytes: b"PK\x03\x04 zip bytes".to_vec(),
            },
            Received {
                name: "ownerType".into(),
                file_name: None,
                content_type: None,
                bytes: b"organization".to_vec(),
            },
            Received {
                name: "options".into(),
                file_name: None,
                content_type: None,
                bytes: br#"{"includeFiles":true}"#.to_vec(),
            },
        ]
    );
}

#[tokio::test]
async fn a_given_content_type_and_a_file_read_from_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("analysis.ipynb");
    std::fs::write(&path, br#"{"cells":[]}"#).unwrap();
    let file = FilePart::from_path(&path).unwrap();
    assert_eq!(file.file_name(), "analysis.ipynb");
    assert_eq!(file.bytes().as_ref(), br#"{"cells":[]}"#);
    let rec = Recorder::start(ok).await;
    let client = client(&rec.url);
    Handle::new(&client, &API)
        .post::<serde_json::Value>("upload", "/notebooks/n/upload")
        .multipart_file("jupyterFile", file.content_type("application/x-ipynb+json"))
        .multipart_file(
            "file",
            FilePart::new(vec![0u8, 159, 146, 150], "no-extension"),
        )
        .send()
        .await
        .unwrap();
    let received = parts(&rec.last()).await;
    assert_eq!(received[0].name, "jupyterFile");
    assert_eq!(received[0].file_name.as_deref(), Some("analysis.ipynb"));
    assert_eq!(
        received[0].content_type.as_deref(),
        Some("application/x-ipynb+json")
    );
    assert_eq!(received[0].bytes, br#"{"cells":[]}"#);
    // A name that says nothing: what `form-data` sends for a buffer.
    assert_eq!(
        received[1].content_type.as_deref(),
        Some("application/octet-stream")
    );
    assert_eq!(received[1].bytes, [0u8, 159, 146, 150]);
}

#[test]
fn a_missing_file_is_an_error_naming_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not-there.zip");
    match FilePart::from_path(&path) {
        Err(error @ Error::File { .. }) => {
            let message = error.to_string();
            assert!(message.contains(&*path.to_string_lossy()), "{message}");
            assert!(matches!(&error, Error::File { path: p, .. } if *p == path));
            assert_eq!(error.action(), None);
        }
        other => panic!("{other:?}"),
    }
    // A directory is no file either.
    assert!(matches!(
        FilePart::from_path(dir.path()),
        Err(Error::File { .. })
    ));
}

#[tokio::test]
async fn values_that_cannot_be_sent_are_refused_by_name_before_sending() {
    let rec = Recorder::start(ok).await;
    let client = client(&rec.url);
    // JSON has no object with list keys.
    let unencodable: HashMap<Vec<u8>, u8> = HashMap::from([(vec![1], 1)]);
    let refused = Handle::new(&client, &API)
        .post::<serde_json::Value>("import", "/applications/import")
        .multipart_json("options", &unencodable)
        .send()
        .await;
    match refused {
        Err(Error::InvalidRequest {
            action: "import",
            parameter: "options",
            ..
        }) => {}
        other => panic!("{other:?}"),
    }
    let refused = Handle::new(&client, &API)
        .post::<serde_json::Value>("upload", "/files/f/upload")
        .multipart_file(
            "file",
            FilePart::new(&b"x"[..], "a.txt").content_type("not a type"),
        )
        .send()
        .await;
    match refused {
        Err(Error::InvalidRequest {
            parameter: "file", ..
        }) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(rec.count(), 0);
}

#[tokio::test]
async fn each_attempt_sends_the_whole_form_again() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = calls.clone();
    let rec = Recorder::start(move |request| {
        if counted.fetch_add(1, Ordering::SeqCst) == 0 {
            Answer {
                status: 503,
                body: String::new(),
                delay: Duration::ZERO,
            }
        } else {
            ok(request)
        }
    })
    .await;
    let client = Client::builder()
        .base_url(&rec.url)
        .retry_policy(wegnology::RetryPolicy::default().initial_delay(Duration::from_millis(1)))
        .build()
        .unwrap();
    import(&client).repeatable().send().await.unwrap();
    let sent = rec.all();
    assert_eq!(sent.len(), 2);
    let first = parts(&sent[0]).await;
    assert_eq!(first.len(), 3);
    assert_eq!(first, parts(&sent[1]).await);
    // Each form has its own boundary; the parts are the same.
    assert_ne!(
        sent[0].header("content-type"),
        sent[1].header("content-type")
    );
}

#[test]
fn request_debug_shows_the_parts_but_no_content() {
    let client = Client::builder().build().unwrap();
    let request = import(&client).multipart_text("email", "someone@example.com");
    let shown = format!("{request:?}");
    assert!(
        shown.contains("bundle.zip") && shown.contains("size: 14"),
        "{shown}"
    );
    assert!(shown.contains("email: <19 bytes>"), "{shown}");
    for hidden in ["zip bytes", "someone@example.com", "organization"] {
        assert!(!shown.contains(hidden), "{shown}");
    }
}

#[tokio::test]
async fn a_clone_sends_the_same_parts() {
    let rec = Recorder::start(ok).await;
    let client = client(&rec.url);
    let request = import(&client).multipart_text("email", "someone@example.com");
    let copy = request.clone();
    request.send().await.unwrap();
    copy.send().await.unwrap();
    let sent = rec.all();
    assert_eq!(parts(&sent[1]).await.len(), 4);
    assert_eq!(parts(&sent[0]).await, parts(&sent[1]).await);
}

#[tokio::test]
async fn a_clone_of_a_refused_request_is_refused_too() {
    // Nothing listens: a refused request never connects.
    let client = client("http://127.0.0.1:9");
    let bad_type = Handle::new(&client, &API)
        .post::<serde_json::Value>("upload", "/files/f/upload")
        .multipart_file(
            "file",
            FilePart::new(&b"x"[..], "a.txt").content_type("not a type"),
        );
    for request in [bad_type.clone(), bad_type] {
        match request.send().await {
            Err(Error::InvalidRequest {
                parameter: "file", ..
            }) => {}
            other => panic!("{other:?}"),
        }
    }
    let unencodable: HashMap<Vec<u8>, u8> = HashMap::from([(vec![1], 1)]);
    let bad_query = Handle::new(&client, &API)
        .get::<serde_json::Value>("get", "/files")
        .query_json("filter", &unencodable);
    for request in [bad_query.clone(), bad_query] {
        match request.send().await {
            Err(error @ Error::Encode { action: "get", .. }) => {
                assert!(
                    error.to_string().contains("key must be a string"),
                    "{error}"
                )
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn file_part_debug_shows_name_size_and_type_only() {
    let part = FilePart::new(Bytes::from_static(b"secret file content"), "notes.txt");
    assert_eq!(
        format!("{part:?}"),
        r#"FilePart { file_name: "notes.txt", size: 19, content_type: "text/plain" }"#
    );
}
