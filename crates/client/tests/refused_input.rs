//! Input that cannot be sent is refused where it is given, naming it, before anything is sent.

mod recorder;

use std::time::Duration;

use recorder::{Answer, Recorder};
use wegnology::{Client, Error};

async fn recorder() -> Recorder {
    Recorder::start(|_| Answer {
        status: 200,
        body: r#"{"firstName":"Ada"}"#.to_string(),
        delay: Duration::ZERO,
    })
    .await
}

#[tokio::test]
async fn a_header_value_with_control_characters_is_refused_naming_the_header() {
    let rec = recorder().await;
    let client = Client::builder().base_url(&rec.url).build().unwrap();
    for bad in ["example.com\r\nX-Injected: 1", "a\nb", "tab\u{7f}"] {
        match client.me().get().losantdomain(bad).send().await {
            Err(Error::InvalidRequest {
                action: "me.get",
                parameter: "losantdomain",
                ..
            }) => {}
            other => panic!("{bad:?}: {other:?}"),
        }
    }
    assert_eq!(rec.count(), 0, "nothing was sent");
    client
        .me()
        .get()
        .losantdomain("example.com")
        .send()
        .await
        .unwrap();
    assert_eq!(rec.last().header("losantdomain"), Some("example.com"));
}

#[test]
fn a_token_with_control_characters_is_refused_at_build_without_showing_it() {
    for bad in [
        "secret-token\r\nX-Injected: 1",
        "secret-token\n",
        "secret\u{0}token",
    ] {
        match Client::builder().token(bad).build() {
            Err(Error::Config(message)) => {
                assert!(message.contains("token"), "{message}");
                assert!(!message.contains("secret"), "{message}");
            }
            other => panic!("{bad:?}: {other:?}"),
        }
    }
}

#[test]
fn a_user_agent_that_is_not_a_header_value_is_refused_at_build_naming_it() {
    for bad in ["my-app/1.0\r\nX-Injected: 1", "my-app\u{0}"] {
        match Client::builder().user_agent(bad).build() {
            Err(Error::Config(message)) => {
                assert!(message.contains("user agent"), "{message}");
                assert!(message.contains("my-app"), "{message}");
            }
            other => panic!("{bad:?}: {other:?}"),
        }
    }
    assert!(Client::builder().user_agent("my-app/1.0").build().is_ok());
}

#[test]
fn base_urls_that_would_misroute_are_refused_at_build() {
    let refused = [
        ("https://api.example.com/?_links=false", "query"),
        ("https://api.example.com/#top", "fragment"),
        ("https://user:hunter2@api.example.com", "user info"),
        ("ftp://api.example.com", "scheme"),
        ("file:///etc/passwd", "scheme"),
        ("not a url", "absolute URL"),
        ("http://api.example.com", "plain http"),
        ("http://10.0.0.1:8080", "plain http"),
    ];
    for (url, why) in refused {
        match Client::builder().base_url(url).build() {
            Err(Error::Config(message)) => {
                assert!(message.contains(why), "{url}: {message}");
                assert!(!message.contains("hunter2"), "{message}");
            }
            other => panic!("{url}: {other:?}"),
        }
    }
    let accepted = [
        "https://api.example.com",
        "https://api.example.com/prefix/",
        "http://localhost:8080",
        "http://127.0.0.1:9",
        "http://[::1]:8080",
    ];
    for url in accepted {
        assert!(Client::builder().base_url(url).build().is_ok(), "{url}");
    }
    // Plain http elsewhere only when asked for.
    assert!(Client::builder()
        .base_url("http://api.example.com")
        .allow_insecure_http(true)
        .build()
        .is_ok());
}

#[tokio::test]
async fn a_base_url_path_prefix_is_kept() {
    let rec = recorder().await;
    let client = Client::builder()
        .base_url(format!("{}/prefix/", rec.url))
        .build()
        .unwrap();
    client.me().get().send().await.unwrap();
    assert_eq!(rec.last().path, "/prefix/me");
}
