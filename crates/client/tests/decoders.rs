//! Success answers decoded by status: an action with several documented success answers
//! decodes into an enum with no serde impl of its own (`runtime::Answer`), a bodiless `204`
//! into `()` (`decode::nothing`), and an undocumented success status is a decoding error that
//! names it.

mod recorder;

use std::time::Duration;

use recorder::{Answer as Canned, Recorded, Recorder};
use serde::Deserialize;
use wegnology::runtime::{decode, Answer, Handle, StatusCode};
use wegnology::{Client, Error, API};

#[derive(Debug, PartialEq, Deserialize)]
struct Application {
    id: String,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
struct JobEnqueuedResult {
    job_queued: bool,
}

/// What the generator makes of an action answering `200` an `Application` or `202` a
/// `JobEnqueuedResult`: no serde impl, a decoder by status.
#[derive(Debug, PartialEq)]
enum ExportAnswer {
    Ok(Application),
    Accepted(JobEnqueuedResult),
}

impl Answer for ExportAnswer {
    fn decode(status: StatusCode, body: &[u8]) -> Result<Self, serde_json::Error> {
        match status.as_u16() {
            200 => decode::json(status, body).map(ExportAnswer::Ok),
            202 => decode::json(status, body).map(ExportAnswer::Accepted),
            _ => Err(decode::undocumented(status)),
        }
    }
}

/// Answers by path: `/<status>` with the status and a body fitting it.
fn by_path(request: &Recorded) -> Canned {
    let status: u16 = request.path.trim_start_matches('/').parse().unwrap();
    let body = match status {
        200 => r#"{"id":"575ec8687ae143cd83dc4a97"}"#,
        202 | 201 => r#"{"jobQueued":true}"#,
        _ => "",
    };
    Canned {
        status,
        body: body.to_string(),
        delay: Duration::ZERO,
    }
}

async fn server() -> (Recorder, Client) {
    let rec = Recorder::start(by_path).await;
    let client = Client::builder()
        .base_url(&rec.url)
        .token("t")
        .build()
        .unwrap();
    (rec, client)
}

#[tokio::test]
async fn each_documented_status_decodes_into_its_variant() {
    let (_rec, client) = server().await;
    let api = Handle::new(&client, &API);
    let ok = api
        .post::<ExportAnswer>("export", "/200")
        .send()
        .await
        .unwrap();
    assert_eq!(
        ok,
        ExportAnswer::Ok(Application {
            id: "575ec8687ae143cd83dc4a97".into()
        })
    );
    let accepted = api
        .post::<ExportAnswer>("export", "/202")
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(accepted.status(), StatusCode::ACCEPTED);
    assert_eq!(
        accepted.into_body(),
        ExportAnswer::Accepted(JobEnqueuedResult { job_queued: true })
    );
    // Awaited directly, too.
    let awaited = api.post::<ExportAnswer>("export", "/202").await.unwrap();
    assert!(matches!(awaited, ExportAnswer::Accepted(_)));
}

#[tokio::test]
async fn an_undocumented_success_status_is_a_decode_error_naming_it() {
    let (_rec, client) = server().await;
    let api = Handle::new(&client, &API);
    for request in [
        api.post::<ExportAnswer>("export", "/201"),
        // Kept even where other decoding errors are withheld: it quotes nothing of the body.
        api.post::<ExportAnswer>("export", "/201").secret_answer(),
    ] {
        match request.send().await {
            Err(
                error @ Error::Decode {
                    action: "export", ..
                },
            ) => {
                assert!(error.to_string().contains("201 Created"), "{error}");
                assert!(error.to_string().contains("jobQueued"), "{error}");
            }
            other => panic!("{other:?}"),
        }
    }
}

#[tokio::test]
async fn a_bodiless_204_answers_unit() {
    let (rec, client) = server().await;
    let api = Handle::new(&client, &API);
    let answer = api
        .delete::<()>("delete", "/204")
        .decode_with(decode::nothing)
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::NO_CONTENT);
    assert!(rec.last().method == "DELETE");
    // Why `nothing` exists: an empty body is no JSON, not even of `()`.
    match api.delete::<()>("delete", "/204").send().await {
        Err(Error::Decode {
            action: "delete", ..
        }) => {}
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn nothing_accepts_any_body_and_a_decoder_overrides_the_type_s_own() {
    let (_rec, client) = server().await;
    let api = Handle::new(&client, &API);
    // A 200 with a body, where the documents promise none: still a success.
    api.post::<()>("touch", "/200")
        .decode_with(decode::nothing)
        .send()
        .await
        .unwrap();
    // A decoder by status for a type that has a serde impl: it decides, not the impl.
    let status = api
        .post::<u16>("touch", "/202")
        .decode_with(|status, _| Ok(status.as_u16()))
        .send()
        .await
        .unwrap();
    assert_eq!(status, 202);
}

#[test]
fn a_request_with_a_decoder_keeps_it_when_cloned() {
    let client = Client::builder().build().unwrap();
    let request = Handle::new(&client, &API)
        .delete::<()>("delete", "/things/x")
        .decode_with(decode::nothing);
    let _copy = request.clone();
    fn is_send<T: Send>(_: &T) {}
    is_send(&request.send());
}
