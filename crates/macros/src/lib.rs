//! `generate!("path/to/spec")`: the Me client, generated at compile time.
