//! Typed client for the WEGnology Me API, generated from its published documents.
//!
//! ```no_run
//! # async fn run() -> Result<(), wegnology::Error> {
//! let client = wegnology::Client::builder().token("my-api-token").build()?;
//! let me = client.me().get().include_recent(true).send().await?;
//! println!("{:?}", me.email);
//! // A request can also be awaited directly, with options of its own, and give the headers.
//! let answer = client
//!     .me()
//!     .get()
//!     .timeout(std::time::Duration::from_secs(5))
//!     .retries(0)
//!     .send_with_response()
//!     .await?;
//! println!("{} {:?}", answer.status(), answer.headers().get("x-ratelimit-remaining"));
//! let again = client.me().get().await?;
//! # Ok(()) }
//! ```
//!
//! Off the happy path: calls that are safe to repeat are retried on connection failures and
//! on 408, 409, 429 (honouring `Retry-After`) and 5xx, within the call's timeout
//! ([`RetryPolicy`]); each call is a `tracing` span `wegnology.call` (action, method, path
//! template, attempt, status, elapsed) with an event per retry, and never a secret; input that
//! cannot be sent is refused before anything is sent ([`Error::InvalidRequest`],
//! [`Error::Config`]); redirects are followed only within the base URL's origin.
//!
//! `generated.rs` (the types and the `MeApi` actions) is written by `cargo xtask regen` from
//! `spec/` and never edited by hand; `runtime`, `error`, `retry` and the request type are the
//! hand-written part.
//!
//! Must not depend on: the document parser or the code generator (downstream crates build
//! without them).
#![deny(missing_docs)]

// The generated code names this crate by its path, so the same code also works when the
// `generate!` macro expands it in another crate.
extern crate self as wegnology;

mod error;
// Formatted by prettyplease when generated; rustfmt must leave it byte-for-byte.
#[rustfmt::skip]
mod generated;
mod redact;
mod request;
mod retry;
pub mod runtime;

pub use error::Error;
pub use generated::*;
pub use runtime::{Client, ClientBuilder, Response, RetryPolicy, Secret};

impl Client {
    /// The actions on the current user's account.
    pub fn me(&self) -> MeApi<'_> {
        MeApi::new(self)
    }
}
