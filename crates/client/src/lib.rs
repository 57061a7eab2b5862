//! Typed client for the WEGnology Me API, generated from its published documents.
//!
//! ```no_run
//! # async fn run() -> Result<(), wegnology::Error> {
//! let client = wegnology::Client::builder().token("my-api-token").build()?;
//! let me = client.me().get().include_recent(true).send().await?;
//! println!("{:?}", me.email);
//! # Ok(()) }
//! ```
//!
//! `generated.rs` (the types and the `MeApi` actions) is written by `cargo xtask regen` from
//! `spec/` and never edited by hand; `runtime` and `error` are the small hand-written part.
//!
//! Must not depend on: the document parser or the code generator (downstream crates build
//! without them).

// The generated code names this crate by its path, so the same code also works when the
// `generate!` macro expands it in another crate.
extern crate self as wegnology;

mod error;
// Formatted by prettyplease when generated; rustfmt must leave it byte-for-byte.
#[rustfmt::skip]
mod generated;
pub mod runtime;

pub use error::Error;
pub use generated::*;
pub use runtime::{Client, ClientBuilder, Secret};

impl Client {
    /// The actions on the current user's account.
    pub fn me(&self) -> MeApi<'_> {
        MeApi::new(self)
    }
}
