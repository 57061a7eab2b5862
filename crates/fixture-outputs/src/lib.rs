//! The generated code of each document-shape fixture of `crates/parser/tests/fixtures` (an action
//! needing no token, a schema-typed query parameter, array parameters, `oneOf` schemas, the JS
//! client's package shapes: multipart uploads, bodiless and multi-status answers, a recursive
//! JSON-text query; the older `me.md` shapes), checked
//! in so that building the workspace proves the generator's output for each shape compiles, the
//! way progenitor's `tests/output` crate compiles its expected outputs. `cargo xtask regen`
//! writes the modules and `cargo xtask check` fails when one is stale.
//!
//! Must not depend on: the parser or the generator (the code here is their output).

#[rustfmt::skip]
pub mod no_token;
#[rustfmt::skip]
pub mod schema_query;
#[rustfmt::skip]
pub mod array_param;
#[rustfmt::skip]
pub mod one_of;
#[rustfmt::skip]
pub mod package_shapes;
#[rustfmt::skip]
pub mod older_me;
