//! Typed client for the WEGnology API, generated from its published documents: every one of its
//! 85 resources, 323 actions and 286 schemas.
//!
//! ```no_run
//! # async fn run() -> Result<(), wegnology::Error> {
//! use futures_util::StreamExt;
//!
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
//! // A list is a stream of its items, fetched a page at a time as it is read.
//! let mut devices = client.devices().get("575ec8687ae143cd83dc4a97").per_page(100).items();
//! while let Some(device) = devices.next().await {
//!     println!("{:?}", device?.name);
//! }
//! # Ok(()) }
//! ```
//!
//! Each resource is a module ([`devices`], [`device`], [`me`], …) holding its handle
//! ([`devices::DevicesApi`], from [`Client::devices`]), a request builder per action
//! ([`devices::GetRequest`]) and the enums of its parameters; the types of the documents' named
//! schemas, which resources share, are in [`types`] (and at the crate root). Each resource is a
//! cargo feature, its snake name; `full` (on by default) is all of them, and a schema type is
//! compiled only when a resource that uses it is: `default-features = false, features =
//! ["devices", "device"]` builds only those two and their types.
//!
//! A schema type implements `Serialize` where an action sends it and `Deserialize` where one
//! answers with it: a request body such as [`MePatch`] is built as a struct (each action's doc
//! example shows its documented body so), not decoded. The `deserialize-requests` feature (off
//! by default, for compile time) gives the types only sent `Deserialize` too, to read bodies
//! from files.
//!
//! Off the happy path: calls that are safe to repeat are retried on connection failures and
//! on 408, 409, 429 (honouring `Retry-After`) and 5xx, within the call's timeout
//! ([`RetryPolicy`]); each call is a `tracing` span `wegnology.call` (action, method, path
//! template, attempt, status, elapsed) with an event per retry, and never a secret; input that
//! cannot be sent is refused before anything is sent ([`Error::InvalidRequest`],
//! [`Error::Config`]); redirects are followed only within the base URL's origin. Every error
//! status, those an action's docs list under "Errors" and any other, arrives as an
//! [`Error::Api`] carrying the `Error` body's `type` and `message`.
//!
//! Every request has `.losantdomain(…)` (the domain scope of the request, sent as the header
//! `losantdomain`, rarely needed), `.timeout(…)`, `.retries(…)` and `.query_override(…)`, and is
//! `Clone`: a clone is the same call, options included (a file's bytes are shared, not copied).
//!
//! What the generated code leaves to the runtime, beyond the common case:
//!
//! - **Uploads** (the file and notebook uploads, the imports) send `multipart/form-data`, each
//!   field one part as the official JS client sends it: a file ([`FilePart`]: its bytes, file
//!   name and a content type guessed from the name or given; [`FilePart::from_path`] reads one),
//!   a text, or an object as its JSON text, the last two without file name or content type. The
//!   form is made again for each attempt, so a retry sends it whole.
//! - **Answers by status**: an action documented with several success answers (`200` the
//!   resource, `202` a queued job) answers an enum chosen by status
//!   ([`runtime::Answer`]); one whose success answer has no body (`undefined`, a `204`) answers
//!   `()` and ignores whatever body comes ([`runtime::decode::nothing`]). A success status the
//!   documents do not list is an [`Error::Decode`] naming it.
//! - **Pages**: a list action's `page`/`perPage` (or `limit`/`offset`) pages and their items
//!   are streams ([`runtime::Pages`], [`runtime::Items`]; `futures_core::Stream`, `Send` and
//!   `Unpin`): lazy, one request a page, each a clone of the first with the next page number
//!   (0-based, from the first request's own) so its options apply to every page, ending at
//!   `totalCount`, at an empty page or after the first error.
//!
//! `generated/` (the resource modules, the shared [`types`], [`API`], the facts the runtime is
//! given about the API, and the table below) is written by `cargo xtask regen` from `spec/` and
//! never edited by hand; the other modules are the hand-written runtime, [`runtime`] gathers
//! what the generated code calls. Code that `wegnology_macros::generate!` expands from other documents builds its
//! client with [`ClientBuilder::for_api`] and its own `API`.
//!
//! Must not depend on: the document parser or the code generator (downstream crates build
//! without them).
//!
//! # Resources
//!
#![doc = include_str!("generated/resources.md")]
#![deny(missing_docs)]

// The generated code names this crate by its path, so the same code also works when the
// `generate!` macro expands it in another crate.
extern crate self as wegnology;

mod builder;
mod decode;
mod endpoint;
mod error;
mod facts;
// Formatted by prettyplease when generated; rustfmt must leave it byte-for-byte.
#[rustfmt::skip]
mod generated;
mod macros;
mod multipart;
mod pages;
mod query;
mod redact;
mod response;
mod retry;
pub mod runtime;
mod secret;
mod transport;
mod urls;
mod wire;

pub use builder::{Client, ClientBuilder};
pub use error::Error;
pub use generated::*;
pub use multipart::FilePart;
pub use response::Response;
pub use retry::RetryPolicy;
pub use secret::Secret;

impl Client {
    /// A builder with the defaults: the documents' base URL, no token, 60 s timeout, the
    /// default [`RetryPolicy`]; [`ClientBuilder::for_api`] with this crate's [`API`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::for_api(&API)
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn client(base_url: &str) -> Client {
        Client::builder()
            .base_url(base_url)
            .token("t")
            .build()
            .expect("a loopback base URL is accepted")
    }

    /// The query the official clients send when a call sets none.
    const DEFAULT_QUERY: &str = "_actions=false&_links=true&_embedded=true";

    #[test]
    fn each_fixed_url_is_the_url_built_per_call() {
        for base in ["http://127.0.0.1:9", "http://127.0.0.1:9/api/v1/"] {
            let client = client(base);
            let urls = &client.inner.urls;
            assert_eq!(urls.fixed_count(), API.fixed_paths.len());
            for path in API.fixed_paths {
                let fixed = urls.url(path, &[], API.query_defaults);
                assert_eq!(
                    fixed,
                    urls.build(path, &[], API.query_defaults),
                    "{base} {path}"
                );
                assert_eq!(fixed.query(), Some(DEFAULT_QUERY));
            }
        }
        let url = client("http://127.0.0.1:9/api/")
            .inner
            .urls
            .url("/me", &[], API.query_defaults);
        assert_eq!(
            url.as_str(),
            format!("http://127.0.0.1:9/api/me?{DEFAULT_QUERY}")
        );
    }

    #[test]
    fn paths_and_queries_off_the_table_are_built() {
        let client = client("http://127.0.0.1:9");
        let urls = &client.inner.urls;
        let filled = urls.url("/me/invites/a%20b", &[], API.query_defaults);
        assert_eq!(filled.path(), "/me/invites/a%20b");
        let overridden = urls.url(
            "/me",
            &[(Cow::Borrowed("_links"), "false".into())],
            API.query_defaults,
        );
        assert_eq!(
            overridden.query(),
            Some("_actions=false&_links=false&_embedded=true")
        );
    }
}
