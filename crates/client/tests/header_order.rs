//! The headers of a request, in the order they are sent: the client's (`accept`,
//! `accept-version`, `authorization`), then a call's own headers and its body's `content-type`,
//! then `user-agent`, then what hyper adds (`host`, a JSON body's `content-length`). The client builds them
//! once (its `User-Agent` included); this checks that every kind of request is sent in that
//! order.

mod recorder;

use recorder::{Answer, Recorded, Recorder};
use wegnology::runtime::Handle;
use wegnology::{Client, FilePart, API};

fn ok(_: &Recorded) -> Answer {
    Answer {
        status: 200,
        body: r#"{"token":"adopted-token"}"#.to_string(),
        delay: std::time::Duration::ZERO,
    }
}

fn names(request: &Recorded) -> Vec<&str> {
    request.headers.iter().map(|(n, _)| n.as_str()).collect()
}

#[tokio::test]
async fn every_kind_of_request_sends_its_headers_in_one_order() {
    let rec = Recorder::start(ok).await;
    let client = Client::builder()
        .base_url(&rec.url)
        .token("t")
        .build()
        .unwrap();
    let handle = Handle::new(&client, &API);
    let client_headers = ["accept", "accept-version", "authorization"];
    let order = |own: &[&'static str]| -> Vec<&'static str> {
        let mut order = client_headers.to_vec();
        order.extend_from_slice(own);
        order.extend_from_slice(&["user-agent", "host"]);
        order
    };

    let _: serde_json::Value = handle.get("get", "/me").send().await.unwrap();
    assert_eq!(names(&rec.last()), order(&[]));

    // Another release's `Accept-Version`, in the client's one's place.
    let _: serde_json::Value = handle
        .get("get", "/me")
        .accept_version("^1.0.0")
        .send()
        .await
        .unwrap();
    assert_eq!(names(&rec.last()), order(&[]));
    assert_eq!(rec.last().header("accept-version"), Some("^1.0.0"));

    let _: serde_json::Value = handle
        .patch("patch", "/me")
        .json_body(&serde_json::json!({"firstName": "A"}))
        .send()
        .await
        .unwrap();
    let mut json = order(&["content-type"]);
    json.push("content-length");
    assert_eq!(names(&rec.last()), json);

    let _: serde_json::Value = handle
        .get("get", "/me")
        .header("losantdomain", "example.com".into())
        .send()
        .await
        .unwrap();
    assert_eq!(names(&rec.last()), order(&["losantdomain"]));

    let _: serde_json::Value = handle
        .patch("patch", "/me")
        .json_body(&serde_json::json!({"firstName": "A"}))
        .header("losantdomain", "example.com".into())
        .send()
        .await
        .unwrap();
    let mut both = order(&["losantdomain", "content-type"]);
    both.push("content-length");
    assert_eq!(names(&rec.last()), both);

    let _: serde_json::Value = handle
        .post("import", "/applications/import")
        .multipart_file("importBundle", FilePart::new(&b"PK"[..], "bundle.zip"))
        .header("losantdomain", "example.com".into())
        .send()
        .await
        .unwrap();
    // reqwest sets a multipart body's length itself, after its type.
    assert_eq!(
        names(&rec.last()),
        order(&["losantdomain", "content-type", "content-length"])
    );

    // A call's own `User-Agent` is sent in its place, and only it.
    let _: serde_json::Value = handle
        .get("get", "/me")
        .header("user-agent", "mine".into())
        .send()
        .await
        .unwrap();
    let sent = rec.last();
    assert_eq!(
        names(&sent),
        [client_headers.as_slice(), &["user-agent", "host"]].concat()
    );
    assert_eq!(sent.header("user-agent"), Some("mine"));
}

#[tokio::test]
async fn a_first_adopted_token_takes_its_place_before_the_user_agent() {
    let rec = Recorder::start(ok).await;
    let client = Client::builder()
        .base_url(&rec.url)
        .adopt_new_tokens(true)
        .build()
        .unwrap();
    let handle = Handle::new(&client, &API);
    let _: serde_json::Value = handle
        .post("refresh", "/auth/refresh")
        .issues_token()
        .send()
        .await
        .unwrap();
    assert_eq!(
        names(&rec.last()),
        ["accept", "accept-version", "user-agent", "host"]
    );
    let _: serde_json::Value = handle.get("get", "/me").send().await.unwrap();
    let sent = rec.last();
    assert_eq!(
        names(&sent),
        [
            "accept",
            "accept-version",
            "authorization",
            "user-agent",
            "host"
        ]
    );
    assert_eq!(sent.header("authorization"), Some("Bearer adopted-token"));
}
