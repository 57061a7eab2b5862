//! An embedded fake of the WEGnology API, every resource of it, for tests and demos without an
//! account.
//!
//! Routes, methods, parameters and scopes come from the endpoint model (`spec/generated/model.json`,
//! compiled in); request bodies are checked against the documents' JSON Schemas, and in debug
//! builds every success body is checked against its documented schema before it is sent. Me's
//! actions are written by hand around one in-memory user; every other resource's collections
//! and items keep state by rules inferred from the model (a collection and its item pair up by
//! path: `POST` creates, `GET` lists or reads, `PATCH` merges, `DELETE` removes with everything
//! below; see the crate's README), and any other action answers its documented example. The
//! store starts with the user's applications, each with two devices. Everything lives behind a
//! mutex; everything generated derives from a seed.
//!
//! # In your own tests
//!
//! Start a server per test (it listens on a free port of 127.0.0.1), point your client at
//! [`FakeServer::url`] with [`FakeServer::token`], and read back what your code sent from the
//! [journal](FakeServer::journal):
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use wegnology_fake::FakeServer;
//!
//! let server = FakeServer::start().await?;
//! let me: serde_json::Value = reqwest::Client::new()
//!     .get(format!("{}/me?includeRecent=true", server.url()))
//!     .bearer_auth(server.token())
//!     .send()
//!     .await?
//!     .json()
//!     .await?;
//! assert_eq!(me["email"], "user@example.com");
//!
//! let sent = &server.journal()[0];
//! assert_eq!(sent.action.as_deref(), Some("get"));
//! assert_eq!(sent.query_param("includeRecent"), Some("true"));
//! assert_eq!(sent.header("authorization"), Some("Bearer [redacted]"));
//! server.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! # Faults on demand
//!
//! To test retry and error handling, a [`FaultRule`] makes requests fail the way real APIs and
//! networks do: a status ([`Fault::Status`]: 429 with `Retry-After`, 500, 502, 503, 504), a
//! [delay](Fault::Delay), a [reset connection](Fault::Reset) or a
//! [truncated body](Fault::Truncate); for the next N requests, a seeded fraction of them
//! (the same requests fail for the same seed), or one action only. Rules come from
//! [`FakeConfig::faults`], [`FakeServer::inject`], the command line
//! (`--fault 'status=503,next=2'`) or a request's [`FAULT_HEADER`] (`x-fake-fault`), whose
//! value installs its rule once, however often a retrying client repeats it.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use wegnology_fake::{FakeServer, FaultRule};
//!
//! let server = FakeServer::start().await?;
//! server.inject(FaultRule::too_many_requests(1).next(1));
//! let http = reqwest::Client::new();
//! let get = || http.get(format!("{}/me", server.url())).bearer_auth(server.token()).send();
//!
//! let first = get().await?;
//! assert_eq!(first.status(), 429);
//! assert_eq!(first.headers()["retry-after"], "1");
//! assert_eq!(get().await?.status(), 200); // the rule is spent
//!
//! // The same, from the request itself (e.g. through a client's per-call headers):
//! let answer = http
//!     .get(format!("{}/me", server.url()))
//!     .bearer_auth(server.token())
//!     .header(wegnology_fake::FAULT_HEADER, "status=503, next=1")
//!     .send()
//!     .await?;
//! assert_eq!(answer.status(), 503);
//! # Ok(()) }
//! ```
//!
//! [`FakeConfig::rate_limit`] switches on rate limiting per token (429 with `Retry-After` and
//! `x-ratelimit-*` headers); it is off by default.
//!
//! # Connections
//!
//! The server closes connections that send no complete request head within
//! [`FakeConfig::idle_timeout`] (new or kept alive), answers 408 to a body that does not
//! arrive within it, keeps at most [`FakeConfig::max_connections`] open (closing the longest
//! idle one for a newcomer), and [`FakeServer::shutdown`] waits for requests in flight at most
//! [`FakeConfig::shutdown_timeout`].
//!
//! Must not depend on: the document parser (`wegnology-parser`) or the client crate and its
//! generated types. It checks requests against the documents, not against our reading of them,
//! so a bug in the generated client cannot hide behind the same bug here.

mod app;
mod auth;
mod body;
mod call;
mod crud;
mod examples;
mod faults;
mod http;
mod journal;
mod me;
mod query;
mod ratelimit;
mod routes;
mod schemas;
mod seed;
mod seeded;
mod serve;
mod store;
mod tokens;
mod usage;
mod world;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::Ordering;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use wegnology_model::ApiModel;

pub use faults::{Fault, FaultRule, FaultRuleError, FAULT_HEADER};
pub use journal::{JournalEntry, REDACTED};
pub use ratelimit::RateLimit;
pub use routes::RouteError;
pub use schemas::{SchemaError, Schemas};

use app::{App, Extras, Served};
use faults::Faults;
use ratelimit::RateLimiter;
use serve::{Counters, Limits};
use tokens::DEFAULT_SCOPES;
use world::World;

/// The endpoint model the fake serves, as committed in `spec/generated/model.json`.
const MODEL_JSON: &str = include_str!("../../../spec/generated/model.json");

/// The compiled-in endpoint model, the whole API: every resource is served.
pub fn model() -> Result<&'static ApiModel, StartError> {
    static MODEL: OnceLock<Result<ApiModel, String>> = OnceLock::new();
    MODEL
        .get_or_init(|| ApiModel::from_json(MODEL_JSON).map_err(|error| error.to_string()))
        .as_ref()
        .map_err(|message| StartError::Model(message.clone()))
}

/// How to start a fake server.
#[derive(Clone)]
pub struct FakeConfig {
    /// Everything generated (ids, tokens, two-factor keys, usage counts) derives from it.
    pub seed: u64,
    /// Loopback port to listen on; 0 picks a free one.
    pub port: u16,
    /// The user's email.
    pub email: String,
    /// The user's password at start (it must satisfy the documents' password rule to be
    /// changeable back to it; any text works for signing in).
    pub password: String,
    /// A connection that sends no complete request head for this long (new, or between
    /// requests) is closed; a request body must arrive within it too (else 408).
    pub idle_timeout: Duration,
    /// Most connections open at once. A new one past it closes the longest idle one; when all
    /// are busy, it waits to be accepted.
    pub max_connections: usize,
    /// How long [`FakeServer::shutdown`] lets requests in flight finish before it closes their
    /// connections.
    pub shutdown_timeout: Duration,
    /// Size of the token table: past it, expired and revoked tokens are forgotten first, then
    /// those unused for a minute; a token in recent use is kept.
    pub max_tokens: usize,
    /// Most items the store of collections holds (seeded ones included): past it a create is
    /// refused with 400, so memory stays bounded whatever clients do.
    pub max_stored_items: usize,
    /// Fault rules in force from the start (more with [`FakeServer::inject`] or the
    /// [`FAULT_HEADER`] request header).
    pub faults: Vec<FaultRule>,
    /// Requests per second per token; `None` (the default): no limit.
    pub rate_limit: Option<RateLimit>,
}

impl FakeConfig {
    pub const DEFAULT_EMAIL: &'static str = "user@example.com";
    pub const DEFAULT_PASSWORD: &'static str = "Correct-horse-battery-1";
    pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(30);
    pub const DEFAULT_MAX_CONNECTIONS: usize = 512;
    pub const DEFAULT_SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(5);
    pub const DEFAULT_MAX_TOKENS: usize = tokens::MAX_TOKENS;
    pub const DEFAULT_MAX_STORED_ITEMS: usize = store::MAX_STORED_ITEMS;
}

impl Default for FakeConfig {
    fn default() -> Self {
        FakeConfig {
            seed: 0,
            port: 0,
            email: Self::DEFAULT_EMAIL.to_string(),
            password: Self::DEFAULT_PASSWORD.to_string(),
            idle_timeout: Self::DEFAULT_IDLE_TIMEOUT,
            max_connections: Self::DEFAULT_MAX_CONNECTIONS,
            shutdown_timeout: Self::DEFAULT_SHUTDOWN_TIMEOUT,
            max_tokens: Self::DEFAULT_MAX_TOKENS,
            max_stored_items: Self::DEFAULT_MAX_STORED_ITEMS,
            faults: Vec::new(),
            rate_limit: None,
        }
    }
}

impl std::fmt::Debug for FakeConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeConfig")
            .field("seed", &self.seed)
            .field("port", &self.port)
            .field("email", &self.email)
            .field("password", &"[redacted]")
            .field("idle_timeout", &self.idle_timeout)
            .field("max_connections", &self.max_connections)
            .field("shutdown_timeout", &self.shutdown_timeout)
            .field("max_tokens", &self.max_tokens)
            .field("max_stored_items", &self.max_stored_items)
            .field("faults", &self.faults)
            .field("rate_limit", &self.rate_limit)
            .finish()
    }
}

/// Why the fake could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("spec/generated/model.json does not parse: {0}")]
    Model(String),
    #[error(transparent)]
    Schema(#[from] SchemaError),
    #[error(transparent)]
    Route(#[from] RouteError),
    #[error("cannot listen on 127.0.0.1: {0}")]
    Listen(#[from] std::io::Error),
}

/// A running fake, listening on 127.0.0.1. Dropping it stops the server too.
pub struct FakeServer {
    address: SocketAddr,
    token: String,
    config: FakeConfig,
    app: Arc<App>,
    counters: Arc<Counters>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for FakeServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeServer")
            .field("url", &self.url())
            .field("token", &"[redacted]")
            .field("config", &self.config)
            .finish()
    }
}

impl FakeServer {
    /// Starts a fake with the default configuration on a free port.
    pub async fn start() -> Result<FakeServer, StartError> {
        Self::start_with(FakeConfig::default()).await
    }

    /// Starts a fake with this configuration.
    pub async fn start_with(config: FakeConfig) -> Result<FakeServer, StartError> {
        static SERVED: OnceLock<Result<Arc<Served>, String>> = OnceLock::new();
        let served = SERVED
            .get_or_init(|| {
                let model = model().map_err(|error| error.to_string())?.clone();
                Served::new(model)
                    .map(Arc::new)
                    .map_err(|error| error.to_string())
            })
            .as_ref()
            .map_err(|message| StartError::Model(message.clone()))?;
        Self::start_serving(config, served.clone()).await
    }

    /// Starts a fake serving another model than the compiled-in one (e.g. documents with an
    /// action added: it is routed and checked at once and follows the store rules; a new action
    /// of Me answers 501 until it has a behaviour).
    pub async fn start_with_model(
        config: FakeConfig,
        model: ApiModel,
    ) -> Result<FakeServer, StartError> {
        Self::start_serving(config, Arc::new(Served::new(model)?)).await
    }

    async fn start_serving(
        config: FakeConfig,
        served: Arc<Served>,
    ) -> Result<FakeServer, StartError> {
        let mut world = World::new(config.seed, &config.email, &config.password, call::now());
        world.set_max_tokens(config.max_tokens);
        world.store.set_capacity(config.max_stored_items);
        seed::seed(
            &crud::Context {
                model: &served.model,
                rules: &served.rules,
                schemas: &served.schemas,
                examples: &served.examples,
            },
            &mut world,
        );
        let extras = Extras {
            faults: Faults::new(config.seed, config.faults.clone()),
            rate_limiter: config.rate_limit.map(RateLimiter::new),
            body_timeout: config.idle_timeout,
        };
        let app = Arc::new(App::new(served, world, extras));
        let token = app.world().issue_token(
            DEFAULT_SCOPES.iter().map(|s| s.to_string()).collect(),
            call::now(),
            None,
        );

        let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, config.port)).await?;
        let address = listener.local_addr()?;
        let router = http::router(app.clone());
        let (stop, stopped) = oneshot::channel::<()>();
        let limits = Limits {
            idle_timeout: config.idle_timeout,
            max_connections: config.max_connections,
            shutdown_timeout: config.shutdown_timeout,
        };
        let counters = Arc::new(Counters::default());
        let task = tokio::spawn(serve::serve(
            listener,
            router,
            limits,
            counters.clone(),
            stopped,
        ));
        Ok(FakeServer {
            address,
            token,
            config,
            app,
            counters,
            stop: Some(stop),
            task: Some(task),
        })
    }

    /// Base URL to point a client at, e.g. `http://127.0.0.1:41234` (no trailing slash).
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The token issued at start, with scope `all.User` (every action that needs a token).
    pub fn token(&self) -> &str {
        &self.token
    }

    /// Issues another token with exactly these scopes (e.g. `["me.get"]` to test a 403).
    pub fn mint_token(&self, scopes: &[&str]) -> String {
        self.app.world().issue_token(
            scopes.iter().map(|s| s.to_string()).collect(),
            call::now(),
            None,
        )
    }

    /// The user's email at start.
    pub fn email(&self) -> &str {
        &self.config.email
    }

    /// The user's password at start.
    pub fn password(&self) -> &str {
        &self.config.password
    }

    pub fn seed(&self) -> u64 {
        self.config.seed
    }

    /// Ids of the seeded organization invitations, in order: two pending, one expired.
    pub fn invite_ids(&self) -> Vec<String> {
        self.app
            .world()
            .me
            .invites
            .iter()
            .map(|invite| invite.id.clone())
            .collect()
    }

    /// Ids of the applications the user owns.
    pub fn application_ids(&self) -> Vec<String> {
        self.app
            .world()
            .me
            .applications
            .iter()
            .map(|resource| resource.id.clone())
            .collect()
    }

    /// The paths of the items the store holds (seeded or created), e.g.
    /// `/applications/{id}/devices/{id}`, in path order: ids that exist.
    pub fn stored_paths(&self) -> Vec<String> {
        self.app.world().store.paths()
    }

    /// The served model.
    pub fn model(&self) -> &ApiModel {
        &self.app.model
    }

    /// The compiled schemas, to check answers against the documents in tests.
    pub fn schemas(&self) -> &Schemas {
        &self.app.schemas
    }

    /// Adds a fault rule, in force from the next request.
    pub fn inject(&self, rule: FaultRule) {
        self.app.faults().add(rule);
    }

    /// Removes every fault rule (from the configuration, [`inject`](Self::inject) or headers).
    pub fn clear_faults(&self) {
        self.app.faults().clear();
    }

    /// The requests received so far (the last 10,000), oldest first, secrets redacted. A
    /// request appears once it is answered (or its connection reset).
    pub fn journal(&self) -> Vec<JournalEntry> {
        self.app.journal().entries()
    }

    /// Forgets the journal's entries.
    pub fn clear_journal(&self) {
        self.app.journal().clear();
    }

    /// Tokens the server holds (live, or expired and not yet forgotten).
    pub fn token_count(&self) -> usize {
        self.app.world().token_count()
    }

    /// Connections open now.
    pub fn open_connections(&self) -> usize {
        self.counters.open.load(Ordering::SeqCst)
    }

    /// Connections accepted since start.
    pub fn accepted_connections(&self) -> u64 {
        self.counters.accepted.load(Ordering::Relaxed)
    }

    /// Idle connections closed to make room under [`FakeConfig::max_connections`].
    pub fn evicted_connections(&self) -> u64 {
        self.counters.evicted.load(Ordering::Relaxed)
    }

    /// Stops accepting connections, lets requests in flight finish for at most
    /// [`FakeConfig::shutdown_timeout`], closes every connection, and waits for the server.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for FakeServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
