//! The two sides of the per-call comparison: the generated client, through its public API only,
//! and the same request written by hand with reqwest, decoded into the same generated type.
//!
//! The hand-written side is what a careful user would write without the SDK: the URL formatted
//! per call, the query defaults and headers added per call, `.json()` to decode. Both clients are
//! configured alike (user agent, 60 s timeout), so the difference is the per-call path alone;
//! `tests/smoke.rs` checks that both put the same request on the wire.

use std::hint::black_box;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Method;
use serde::de::DeserializeOwned;
use wegnology::{Me, MePatch, PayloadCountsBreakdown};
use wegnology_model::ApiModel;

use crate::harness::{CallError, Caller};

/// The token both sides send (the canned server does not check it).
pub const TOKEN: &str = "bench-token-0123456789";

/// The query defaults every call of the official clients carries.
const QUERY_DEFAULTS: [(&str, &str); 3] = [
    ("_actions", "false"),
    ("_links", "true"),
    ("_embedded", "true"),
];

/// The user agent the generated client sends, given to the hand-written one too.
pub fn user_agent() -> String {
    format!("wegnology-rust/{}", env!("CARGO_PKG_VERSION"))
}

/// The generated client for `base_url`, built the documented way.
pub fn generated_client(base_url: &str) -> Result<wegnology::Client, CallError> {
    Ok(wegnology::Client::builder()
        .base_url(base_url)
        .token(TOKEN)
        .build()?)
}

/// The body of `patch` calls: the `Me Patch` example of `_schemas.md`.
pub fn patch_body(model: &ApiModel) -> Result<MePatch, CallError> {
    let example = model
        .schema("me-patch")
        .and_then(|schema| schema.example.clone())
        .ok_or("the model has no `me-patch` example")?;
    Ok(serde_json::from_value(example)?)
}

/// `client.me().get().send()`.
#[derive(Clone)]
pub struct GeneratedGet(pub wegnology::Client);

impl Caller for GeneratedGet {
    async fn call(&self) -> Result<(), CallError> {
        let me: Me = self.0.me().get().send().await?;
        black_box(me);
        Ok(())
    }
}

/// `client.me().patch(body).send()`, with a fresh copy of the body per call (a caller owns the
/// body it sends; the hand-written side pays the same copy).
#[derive(Clone)]
pub struct GeneratedPatch(pub wegnology::Client, pub Arc<MePatch>);

impl Caller for GeneratedPatch {
    async fn call(&self) -> Result<(), CallError> {
        let body = MePatch::clone(&self.1);
        let me: Me = self.0.me().patch(body).send().await?;
        black_box(me);
        Ok(())
    }
}

/// `client.me().payload_counts_breakdown().send()`: the largest response type.
#[derive(Clone)]
pub struct GeneratedBreakdown(pub wegnology::Client);

impl Caller for GeneratedBreakdown {
    async fn call(&self) -> Result<(), CallError> {
        let counts: PayloadCountsBreakdown = self.0.me().payload_counts_breakdown().send().await?;
        black_box(counts);
        Ok(())
    }
}

/// One request written by hand with reqwest, decoded as `T`.
pub struct Handwritten<T> {
    http: reqwest::Client,
    base_url: Arc<str>,
    accept_version: Arc<str>,
    method: Method,
    path: &'static str,
    body: Option<Arc<MePatch>>,
    decode: PhantomData<fn() -> T>,
}

impl<T> Clone for Handwritten<T> {
    fn clone(&self) -> Self {
        Handwritten {
            http: self.http.clone(),
            base_url: self.base_url.clone(),
            accept_version: self.accept_version.clone(),
            method: self.method.clone(),
            path: self.path,
            body: self.body.clone(),
            decode: PhantomData,
        }
    }
}

impl<T> Handwritten<T> {
    /// `method path` against `base_url`; `model` gives the API version for `Accept-Version`.
    pub fn new(
        model: &ApiModel,
        base_url: &str,
        method: Method,
        path: &'static str,
        body: Option<Arc<MePatch>>,
    ) -> Result<Handwritten<T>, CallError> {
        let http = reqwest::Client::builder()
            .user_agent(user_agent())
            .timeout(Duration::from_secs(60))
            .build()?;
        Ok(Handwritten {
            http,
            base_url: base_url.trim_end_matches('/').into(),
            accept_version: format!("^{}", model.api_version).into(),
            method,
            path,
            body,
            decode: PhantomData,
        })
    }
}

impl<T: DeserializeOwned + Send + 'static> Caller for Handwritten<T> {
    async fn call(&self) -> Result<(), CallError> {
        let mut request = self
            .http
            .request(
                self.method.clone(),
                format!("{}{}", self.base_url, self.path),
            )
            .query(&QUERY_DEFAULTS)
            .header(reqwest::header::ACCEPT, "application/json")
            .header("Accept-Version", &*self.accept_version)
            .bearer_auth(TOKEN);
        if let Some(body) = &self.body {
            let body = MePatch::clone(body);
            request = request.json(&body);
        }
        let response = request.send().await?.error_for_status()?;
        let decoded: T = response.json().await?;
        black_box(decoded);
        Ok(())
    }
}
