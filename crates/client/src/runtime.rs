//! The runtime as the generated code names it (`::wegnology::runtime::…`): the items of the
//! hand-written modules it calls, gathered in one place. Nothing is defined here.
//!
//! The modules behind it, one concern each, depend one way (a test checks, and that none of
//! them imports the generated code): `secret`, `error`, `facts` (the [`ApiFacts`] the generated
//! `API` is), `redact` and `response` import nothing else of the crate; `retry` the error;
//! `query` (a request's query pairs, their values' text) nothing; `urls` the facts and the
//! query pairs; `builder` ([`Client`], [`ClientBuilder`]) those; `endpoint` ([`Endpoint`],
//! [`Request`], [`Handle`]) the client; `transport` (attempts, retries, the deadline, tracing,
//! decoding) all of them; `macros` holds `__request_builder!` and `string_enum!`. `decode` (how
//! a success answer becomes its type: [`Answer`], [`decode::json`], [`decode::nothing`])
//! imports nothing else of the crate, `multipart` ([`FilePart`], the parts of a
//! `multipart/form-data` body) only the error; `pages` ([`paginate`], [`Page`]) the request,
//! the decoding and the error; `wire` (JSON written as the JS client writes it) nothing.

pub use reqwest::{Method, StatusCode};

/// How a success answer's status and body become the action's type.
pub mod decode {
    pub use crate::decode::{json, nothing, undocumented};
}

pub use crate::builder::{Client, ClientBuilder};
pub use crate::decode::Answer;
#[doc(hidden)]
pub use crate::decode::WireStr;
pub use crate::endpoint::Decoder;
#[doc(hidden)]
pub use crate::endpoint::{Endpoint, Handle, Request};
pub use crate::facts::ApiFacts;
pub use crate::multipart::FilePart;
#[doc(hidden)]
pub use crate::pages::RequestBuilder;
pub use crate::pages::{paginate, paginate_offset, Items, Page, Pages};
pub use crate::response::Response;
pub use crate::retry::RetryPolicy;
pub use crate::secret::Secret;
#[cfg(feature = "blocking")]
pub use crate::transport::block_on;
pub use crate::transport::ResponseFuture;
pub use crate::wire::{date_time, keep_null};
