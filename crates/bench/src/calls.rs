//! The sides of the per-call comparisons: the generated client, through its public API only,
//! and the same requests written by hand with reqwest, decoded into the same generated types.
//!
//! Two hand-written baselines, both configured like the generated client (its user agent, a
//! 60 s timeout of the whole call):
//!
//! - [`Handwritten`], **built per call**: the URL formatted per call, the query defaults and the
//!   headers added to each request, reqwest's own client timeout, `.json()` to decode.
//! - [`Careful`], **set up once**, as a careful user writes it: the headers set once on the
//!   reqwest client as default headers, the token marked sensitive; the URL parsed once with
//!   its query defaults and cloned per call, the call's own path values and query pairs added to
//!   the copy; the timeout as the generated client has it (a `tokio::time` timeout around the
//!   whole call, not reqwest's per-request timer); `.json()` to decode.
//!
//! `tests/smoke.rs` checks that every side puts the same request on the wire.

use std::hint::black_box;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue, ACCEPT, AUTHORIZATION};
use reqwest::{Method, Url};
use serde::de::DeserializeOwned;
use wegnology::{Device, Devices, Me, MePatch, PayloadCountsBreakdown};
use wegnology_model::ApiModel;

use crate::harness::{CallError, Caller};
use crate::server::Routes;

/// The token every side sends (the canned server does not check it).
pub const TOKEN: &str = "bench-token-0123456789";

/// The query defaults every call of the official clients carries.
const QUERY_DEFAULTS: [(&str, &str); 3] = [
    ("_actions", "false"),
    ("_links", "true"),
    ("_embedded", "true"),
];

/// The timeout of a whole call, on every side (the generated client's default).
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// The application and device the path-parameter calls name (the documents' examples).
pub const APPLICATION_ID: &str = "575ec8687ae143cd83dc4a97";
pub const DEVICE_ID: &str = "575ecf887ae143cd83dc4aa2";

const ACCEPT_VERSION: HeaderName = HeaderName::from_static("accept-version");

/// The user agent the generated client sends, given to the hand-written ones too.
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

/// `client.me().get().include_recent(true).send()`: one query parameter.
#[derive(Clone)]
pub struct GeneratedGetRecent(pub wegnology::Client);

impl Caller for GeneratedGetRecent {
    async fn call(&self) -> Result<(), CallError> {
        let me: Me = self.0.me().get().include_recent(true).send().await?;
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

/// `client.device().get(APPLICATION_ID, DEVICE_ID).send()`: two path parameters, another
/// resource (and another release's `Accept-Version`).
#[derive(Clone)]
pub struct GeneratedDevice(pub wegnology::Client);

impl Caller for GeneratedDevice {
    async fn call(&self) -> Result<(), CallError> {
        let device: Device = self
            .0
            .device()
            .get(APPLICATION_ID, DEVICE_ID)
            .send()
            .await?;
        black_box(device);
        Ok(())
    }
}

/// `client.devices().get(APPLICATION_ID).page(0).per_page(10).send()`: a list action of another
/// resource, a path parameter and two query parameters.
#[derive(Clone)]
pub struct GeneratedDevices(pub wegnology::Client);

impl Caller for GeneratedDevices {
    async fn call(&self) -> Result<(), CallError> {
        let devices: Devices = self
            .0
            .devices()
            .get(APPLICATION_ID)
            .page(0)
            .per_page(10)
            .send()
            .await?;
        black_box(devices);
        Ok(())
    }
}

/// The calls compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CallKind {
    /// `me().get()`: the `Me` example.
    Get,
    /// `me().get().include_recent(true)`: a query parameter.
    GetRecent,
    /// `me().patch(body)`: a JSON body.
    Patch,
    /// `me().payload_counts_breakdown()`: the largest response.
    Breakdown,
    /// `device().get(application_id, device_id)`: path parameters, another resource.
    Device,
    /// `devices().get(application_id).page(0).per_page(10)`: another resource's list.
    Devices,
}

impl CallKind {
    /// Every call, against the baseline built per call.
    pub const ALL: [CallKind; 6] = [
        CallKind::Get,
        CallKind::GetRecent,
        CallKind::Patch,
        CallKind::Breakdown,
        CallKind::Device,
        CallKind::Devices,
    ];

    /// The calls against the baseline set up once: the query, path and list shapes (and a
    /// body); the largest response's cost is its decoding, the same on every side.
    pub const CAREFUL: [CallKind; 5] = [
        CallKind::Get,
        CallKind::GetRecent,
        CallKind::Device,
        CallKind::Devices,
        CallKind::Patch,
    ];

    pub fn figure(self) -> &'static str {
        match self {
            CallKind::Get => "`me().get()` → `Me`",
            CallKind::GetRecent => "`me().get().include_recent(true)` → `Me`",
            CallKind::Patch => "`me().patch(body)` → `Me`",
            CallKind::Breakdown => "`me().payload_counts_breakdown()` → `PayloadCountsBreakdown`",
            CallKind::Device => "`device().get(application_id, device_id)` → `Device`",
            CallKind::Devices => "`devices().get(application_id).page(0).per_page(10)` → `Devices`",
        }
    }
}

/// What the hand-written sides send for `kind` (`patch_body`: the body of `patch`).
pub fn target(
    model: &ApiModel,
    kind: CallKind,
    patch_body: &Arc<MePatch>,
) -> Result<Target, CallError> {
    Ok(match kind {
        CallKind::Get => Target::of(model, "me", "get", Method::GET, "/me")?,
        CallKind::GetRecent => Target::of(model, "me", "get", Method::GET, "/me")?
            .query(&[("includeRecent", QueryValue::Bool(true))]),
        CallKind::Patch => {
            Target::of(model, "me", "patch", Method::PATCH, "/me")?.body(patch_body.clone())
        }
        CallKind::Breakdown => Target::of(
            model,
            "me",
            "payload_counts_breakdown",
            Method::GET,
            "/me/payloadCountsBreakdown",
        )?,
        CallKind::Device => Target::of(
            model,
            "device",
            "get",
            Method::GET,
            "/applications/{}/devices/{}",
        )?
        .values(&[APPLICATION_ID, DEVICE_ID]),
        CallKind::Devices => Target::of(
            model,
            "devices",
            "get",
            Method::GET,
            "/applications/{}/devices",
        )?
        .values(&[APPLICATION_ID])
        .query(&[
            ("page", QueryValue::Int(0)),
            ("perPage", QueryValue::Int(10)),
        ]),
    })
}

/// Answers the device calls: the paths of [`APPLICATION_ID`] and [`DEVICE_ID`], with the
/// `Device` and `Devices` examples of the whole `model`.
pub fn insert_device_routes(model: &ApiModel, routes: &mut Routes) -> Result<(), CallError> {
    let devices = format!("/applications/{APPLICATION_ID}/devices");
    for (path, anchor) in [
        (format!("{devices}/{DEVICE_ID}"), "device"),
        (devices.clone(), "devices"),
    ] {
        let example = model
            .schema(anchor)
            .and_then(|schema| schema.example.as_ref())
            .ok_or_else(|| format!("the model has no `{anchor}` example"))?;
        routes.insert("GET", &path, serde_json::to_vec(example)?);
    }
    Ok(())
}

/// A query value as the caller holds it: every side formats it per call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryValue {
    Bool(bool),
    Int(i64),
}

impl QueryValue {
    fn text(self) -> String {
        match self {
            QueryValue::Bool(value) => value.to_string(),
            QueryValue::Int(value) => value.to_string(),
        }
    }
}

/// One request as the hand-written sides send it.
#[derive(Clone)]
pub struct Target {
    pub method: Method,
    /// The path, each `{}` one of `values` in turn: `/applications/{}/devices`.
    pub path: &'static str,
    /// What the caller passes for the path's parameters (ids: no character to encode).
    pub values: Vec<&'static str>,
    /// The call's own query pairs, after the defaults.
    pub query: Vec<(&'static str, QueryValue)>,
    /// `Accept-Version`: `^` and the release of the action's documents.
    pub accept_version: String,
    pub body: Option<Arc<MePatch>>,
}

impl Target {
    /// `method path` of the action `resource.action` of `model` (its release's
    /// `Accept-Version`), with no values, query or body yet.
    pub fn of(
        model: &ApiModel,
        resource: &str,
        action: &str,
        method: Method,
        path: &'static str,
    ) -> Result<Target, CallError> {
        let found = model
            .action(resource, action)
            .ok_or_else(|| format!("the model has no action `{resource}.{action}`"))?;
        Ok(Target {
            method,
            path,
            values: Vec::new(),
            query: Vec::new(),
            accept_version: format!("^{}", found.api_version),
            body: None,
        })
    }

    pub fn values(mut self, values: &[&'static str]) -> Target {
        self.values = values.to_vec();
        self
    }

    pub fn query(mut self, query: &[(&'static str, QueryValue)]) -> Target {
        self.query = query.to_vec();
        self
    }

    pub fn body(mut self, body: Arc<MePatch>) -> Target {
        self.body = Some(body);
        self
    }
}

/// One request written by hand with reqwest and built per call, decoded as `T`.
pub struct Handwritten<T> {
    http: reqwest::Client,
    base_url: Arc<str>,
    target: Arc<Target>,
    decode: PhantomData<fn() -> T>,
}

impl<T> Clone for Handwritten<T> {
    fn clone(&self) -> Self {
        Handwritten {
            http: self.http.clone(),
            base_url: self.base_url.clone(),
            target: self.target.clone(),
            decode: PhantomData,
        }
    }
}

impl<T> Handwritten<T> {
    /// `target` against `base_url`.
    pub fn new(base_url: &str, target: Target) -> Result<Handwritten<T>, CallError> {
        let http = reqwest::Client::builder()
            .user_agent(user_agent())
            .timeout(TIMEOUT)
            .build()?;
        Ok(Handwritten {
            http,
            base_url: base_url.trim_end_matches('/').into(),
            target: Arc::new(target),
            decode: PhantomData,
        })
    }
}

impl<T: DeserializeOwned + Send + 'static> Caller for Handwritten<T> {
    async fn call(&self) -> Result<(), CallError> {
        let target = &*self.target;
        let url = if target.values.is_empty() {
            format!("{}{}", self.base_url, target.path)
        } else {
            let mut url = String::from(&*self.base_url);
            let mut values = target.values.iter();
            for (n, piece) in target.path.split("{}").enumerate() {
                if n > 0 {
                    url.push_str(values.next().copied().unwrap_or_default());
                }
                url.push_str(piece);
            }
            url
        };
        let mut request = self
            .http
            .request(target.method.clone(), url)
            .query(&QUERY_DEFAULTS);
        if !target.query.is_empty() {
            let pairs: Vec<(&str, String)> = target
                .query
                .iter()
                .map(|(name, value)| (*name, value.text()))
                .collect();
            request = request.query(&pairs);
        }
        request = request
            .header(ACCEPT, "application/json")
            .header(ACCEPT_VERSION, &target.accept_version)
            .bearer_auth(TOKEN);
        if let Some(body) = &target.body {
            let body = MePatch::clone(body);
            request = request.json(&body);
        }
        let response = request.send().await?.error_for_status()?;
        let decoded: T = response.json().await?;
        black_box(decoded);
        Ok(())
    }
}

/// One request written by hand with reqwest as a careful user sets it up: once. Decoded as `T`.
pub struct Careful<T> {
    http: reqwest::Client,
    method: Method,
    /// Base URL, the path (when it has no parameter) and the query defaults, parsed once.
    url: Url,
    /// The path's segments when it has parameters, `None` where a value goes; pushed per call.
    segments: Arc<[Option<&'static str>]>,
    values: Arc<[&'static str]>,
    query: Arc<[(&'static str, QueryValue)]>,
    /// `Accept-Version` of an action of another release than the default header's.
    accept_version: Option<HeaderValue>,
    body: Option<Arc<MePatch>>,
    decode: PhantomData<fn() -> T>,
}

impl<T> Clone for Careful<T> {
    fn clone(&self) -> Self {
        Careful {
            http: self.http.clone(),
            method: self.method.clone(),
            url: self.url.clone(),
            segments: self.segments.clone(),
            values: self.values.clone(),
            query: self.query.clone(),
            accept_version: self.accept_version.clone(),
            body: self.body.clone(),
            decode: PhantomData,
        }
    }
}

/// The reqwest client a careful user builds once: user agent and the headers of every call
/// (`Accept`, `Accept-Version` of the API's release, the token marked sensitive) as defaults.
/// No reqwest timeout: [`Careful`] times the whole call as the generated client does.
pub fn careful_http(accept_version: &str) -> Result<reqwest::Client, CallError> {
    let mut headers = HeaderMap::with_capacity(3);
    headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
    headers.insert(ACCEPT_VERSION, HeaderValue::from_str(accept_version)?);
    let mut authorization = HeaderValue::from_str(&format!("Bearer {TOKEN}"))?;
    authorization.set_sensitive(true);
    headers.insert(AUTHORIZATION, authorization);
    Ok(reqwest::Client::builder()
        .user_agent(user_agent())
        .default_headers(headers)
        .build()?)
}

impl<T> Careful<T> {
    /// `target` against `base_url`, on `http` (from [`careful_http`], shared by the calls of one
    /// user, whose default `Accept-Version` is `default_version`).
    pub fn new(
        http: &reqwest::Client,
        default_version: &str,
        base_url: &str,
        target: Target,
    ) -> Result<Careful<T>, CallError> {
        let mut url = Url::parse(base_url)?;
        let segments: Vec<Option<&'static str>> = if target.values.is_empty() {
            url.set_path(target.path);
            Vec::new()
        } else {
            target
                .path
                .trim_start_matches('/')
                .split('/')
                .map(|segment| (segment != "{}").then_some(segment))
                .collect()
        };
        url.query_pairs_mut().extend_pairs(QUERY_DEFAULTS);
        let accept_version = (target.accept_version != default_version)
            .then(|| HeaderValue::from_str(&target.accept_version))
            .transpose()?;
        Ok(Careful {
            http: http.clone(),
            method: target.method,
            url,
            segments: segments.into(),
            values: target.values.into(),
            query: target.query.into(),
            accept_version,
            body: target.body,
            decode: PhantomData,
        })
    }
}

impl<T: DeserializeOwned + Send + 'static> Caller for Careful<T> {
    async fn call(&self) -> Result<(), CallError> {
        let mut url = self.url.clone();
        if !self.segments.is_empty() {
            let mut values = self.values.iter();
            let mut path = url
                .path_segments_mut()
                .map_err(|()| "the base URL cannot have a path")?;
            path.pop_if_empty();
            for segment in self.segments.iter() {
                path.push(
                    segment
                        .or_else(|| values.next().copied())
                        .unwrap_or_default(),
                );
            }
        }
        if !self.query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (name, value) in self.query.iter() {
                pairs.append_pair(name, &value.text());
            }
        }
        let mut request = self.http.request(self.method.clone(), url);
        if let Some(version) = &self.accept_version {
            request = request.header(ACCEPT_VERSION, version.clone());
        }
        if let Some(body) = &self.body {
            let body = MePatch::clone(body);
            request = request.json(&body);
        }
        let call = async {
            let response = request.send().await?.error_for_status()?;
            response.json::<T>().await
        };
        let decoded: T = tokio::time::timeout(TIMEOUT, call)
            .await
            .map_err(|_| "the call timed out")??;
        black_box(decoded);
        Ok(())
    }
}
