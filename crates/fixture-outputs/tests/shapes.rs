//! The generated code of each shape fixture, used: what it sends and what it decodes.

use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use wegnology_fixture_outputs::{array_param, no_token, one_of, schema_query};

/// Serves one request on a loopback port with `body`, and returns the request's head.
async fn serve_once(body: &'static str) -> (String, tokio::task::JoinHandle<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.unwrap();
        let mut request = Vec::new();
        let mut buffer = [0u8; 4096];
        while !request.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = stream.read(&mut buffer).await.unwrap();
            assert!(n > 0, "the client closed before the request head ended");
            request.extend_from_slice(&buffer[..n]);
        }
        let response = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(response.as_bytes()).await.unwrap();
        let text = String::from_utf8_lossy(&request).into_owned();
        text[..text.find("\r\n\r\n").unwrap()].to_string()
    });
    (url, task)
}

/// The decoded query pairs of a request head's first line.
fn query(head: &str) -> Vec<(String, String)> {
    let target = head.lines().next().unwrap().split(' ').nth(1).unwrap();
    let url = url::Url::parse(&format!("http://x{target}")).unwrap();
    url.query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn client(url: &str, token: Option<&str>) -> wegnology::Client {
    let builder = wegnology::Client::builder().base_url(url);
    match token {
        Some(token) => builder.token(token),
        None => builder,
    }
    .build()
    .unwrap()
}

#[tokio::test]
async fn an_action_needing_no_token_is_sent_without_one_and_with_one_held() {
    let credentials = no_token::UserCredentials {
        email: "a@example.com".into(),
        password: "pw".to_string().into(),
    };
    let (url, server) = serve_once(r#"{"success":true}"#).await;
    let answer = no_token::me::MeApi::new(&client(&url, None))
        .authenticate(credentials.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(answer.success, Some(true));
    let head = server.await.unwrap().to_lowercase();
    assert!(head.starts_with("post /me/authenticate?"), "{head}");
    assert!(!head.contains("authorization:"), "{head}");
    // The API version of the documents this code was generated from, not the client crate's.
    assert_ne!(no_token::API.accept_version, wegnology::API.accept_version);
    let version = format!("\r\naccept-version: {}\r\n", no_token::API.accept_version);
    assert!(head.contains(&version), "{head}");

    // A token the client holds is still sent, as the official clients do.
    let (url, server) = serve_once(r#"{"success":true}"#).await;
    no_token::me::MeApi::new(&client(&url, Some("held-token")))
        .authenticate(credentials)
        .send()
        .await
        .unwrap();
    assert!(server
        .await
        .unwrap()
        .contains("authorization: Bearer held-token"));
}

#[tokio::test]
async fn a_schema_typed_query_parameter_is_sent_as_json_text() {
    let (url, server) = serve_once(r#"{"names":["my device"]}"#).await;
    let query_value = schema_query::AdvancedDeviceQuery {
        name: Some("my*".into()),
        tags: Some(vec!["floor".into()]),
        ..Default::default()
    };
    let answer = schema_query::me::MeApi::new(&client(&url, Some("t")))
        .device_names()
        .query(query_value)
        .starts_with("my")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.names, Some(vec!["my device".to_string()]));
    let pairs = query(&server.await.unwrap());
    let sent = pairs.iter().find(|(k, _)| k == "query").unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&sent.1).unwrap(),
        json!({"name": "my*", "tags": ["floor"]})
    );
    assert!(pairs.contains(&("startsWith".into(), "my".into())));
}

#[tokio::test]
async fn an_array_parameter_is_a_list() {
    let (url, server) = serve_once(r#"{"success":true}"#).await;
    array_param::me::MeApi::new(&client(&url, Some("t")))
        .device_counts(vec!["a1".into(), "b2".into()])
        .send()
        .await
        .unwrap();
    // Each item its own pair, indexed, as the official clients flatten lists.
    let pairs = query(&server.await.unwrap());
    let items: Vec<_> = pairs
        .iter()
        .filter(|(k, _)| k.starts_with("deviceIds"))
        .collect();
    assert_eq!(
        items,
        [
            &("deviceIds[0]".to_string(), "a1".to_string()),
            &("deviceIds[1]".to_string(), "b2".to_string())
        ]
    );
}

#[test]
fn one_of_objects_told_apart_are_sent_as_their_branch() {
    use one_of::{AccountLink, AccountLinkLogin, AccountLinkLoginOption1, AccountLinkLoginOption2};
    // A type only sent is serialized, not decoded (no `Deserialize` downstream).
    let link = AccountLink {
        login: AccountLinkLogin::Option2(AccountLinkLoginOption2 {
            provider: "github".to_string(),
            access_token: "x".into(),
        }),
        // The branches of `filter` cannot be told apart: any JSON value, sent as given.
        filter: Some(json!({"name": "n", "tag": "t"})),
    };
    assert_eq!(
        serde_json::to_value(&link).unwrap(),
        json!({
            "login": {"provider": "github", "accessToken": "x"},
            "filter": {"name": "n", "tag": "t"}
        })
    );
    // The untagged enum writes the branch's own object, nothing of the enum.
    let link = AccountLink {
        login: AccountLinkLogin::Option1(AccountLinkLoginOption1 {
            email: "a@example.com".to_string(),
            password: "pw".into(),
        }),
        filter: None,
    };
    assert_eq!(
        serde_json::to_value(&link).unwrap(),
        json!({"login": {"email": "a@example.com", "password": "pw"}})
    );
}
