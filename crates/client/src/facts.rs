//! What the runtime is told about an API: the one data item the generated code gives it.
//!
//! The runtime never imports generated items; it is given an [`ApiFacts`] instead: by the client
//! builder (`Client::builder()` passes this crate's generated `API`, `ClientBuilder::for_api`
//! any other) and by each request (the `API` of the code that made it), so code that
//! `generate!` expands from other documents sends its own release and query defaults.

/// The per-API facts of one set of documents: generated as `pub static API: ApiFacts`.
#[derive(Debug, PartialEq, Eq)]
pub struct ApiFacts {
    /// The API origin the documents give: a client's base URL unless it sets another.
    pub base_url: &'static str,
    /// The `Accept-Version` every request sends: the API release of the documents (`^1.26.2`).
    /// An action generated from another release says so on its endpoint.
    pub accept_version: &'static str,
    /// The query pairs the official clients send on every request, in order
    /// (`_actions=false&_links=true&_embedded=true`); a call can override each.
    pub query_defaults: &'static [(&'static str, &'static str)],
    /// The action paths without parameters, sorted: a client parses their full URLs (query
    /// defaults included) once, when it is built, instead of on every call.
    pub fixed_paths: &'static [&'static str],
}
