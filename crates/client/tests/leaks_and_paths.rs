//! The two defects found by probing: a secret in a `Decode` excerpt, and path parameters that
//! URL normalisation turns into another endpoint.

mod recorder;

use std::time::Duration;

use recorder::{Answer, Recorder};
use wegnology::{Client, Error};

const NEW_TOKEN: &str = "eyJhbGciOiJIUzI1NiJ9.the-new-token-value";

async fn client_answering(status: u16, body: String) -> (Recorder, Client) {
    let recorder = Recorder::start(move |_| Answer {
        status,
        body: body.clone(),
        delay: Duration::ZERO,
    })
    .await;
    let client = Client::builder()
        .base_url(&recorder.url)
        .token("t")
        .build()
        .unwrap();
    (recorder, client)
}

#[tokio::test]
async fn an_undecodable_refresh_token_answer_does_not_show_the_new_token() {
    // `userId` has the wrong type, so the body does not decode; the token is well-formed.
    let body = format!(r#"{{"userId": 12, "token": "{NEW_TOKEN}"}}"#);
    let (_rec, client) = client_answering(200, body).await;
    let error = client.me().refresh_token().send().await.unwrap_err();
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    let shown = format!("{error} {error:?}");
    assert!(!shown.contains("the-new-token"), "{shown}");
    // What does not hold a secret stays readable.
    assert!(shown.contains("userId"), "{shown}");
}

#[tokio::test]
async fn a_truncated_change_password_answer_does_not_show_the_new_token() {
    // Cut inside the token's string: the excerpt must not show its first characters either.
    let body = format!(r#"{{"userId":"575ed70c7ae143cd83dc4aa9","token":"{NEW_TOKEN}"#);
    let body = body[..body.len() - 6].to_string();
    let (_rec, client) = client_answering(200, body).await;
    let data = wegnology::ChangePassword {
        password: "old".into(),
        new_password: "New-password-1!".into(),
        ..Default::default()
    };
    let error = client.me().change_password(data).send().await.unwrap_err();
    let shown = format!("{error} {error:?}");
    assert!(matches!(error, Error::Decode { .. }), "{shown}");
    assert!(!shown.contains("eyJhbGci"), "{shown}");
}

#[tokio::test]
async fn path_parameters_that_are_empty_dot_or_dot_dot_are_refused_naming_the_parameter() {
    let (rec, client) = client_answering(200, "{}".to_string()).await;
    for bad in ["", ".", ".."] {
        let error = client.me().invite(bad).send().await.unwrap_err();
        let shown = error.to_string();
        assert!(shown.contains("inviteId"), "{bad:?}: {shown}");
        assert!(
            matches!(
                error,
                Error::InvalidRequest {
                    parameter: "inviteId",
                    ..
                }
            ),
            "{bad:?}: {error:?}"
        );
    }
    assert_eq!(rec.count(), 0, "nothing was sent");
    // A value that only contains dots or slashes is one encoded segment, and is sent.
    client.me().invite("a/..").send().await.unwrap();
    assert_eq!(rec.last().path, "/me/invites/a%2F..");
}
