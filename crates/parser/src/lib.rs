//! Parses the WEGnology API documents of `spec/` into the endpoint model.
//!
//! One module per document flavour turns its text into a partial model with line numbers
//! ([`reference`](mod@reference) for `me.md` and the JS client's reference pages, [`rest`] for
//! the REST page, [`js`] for the JS client page, [`schemas`] for `_schemas.md`); [`merge`] joins
//! them, decides which document wins, and reports every disagreement as a
//! [`Diagnostic`](wegnology_model::Diagnostic). A document that breaks its format is a
//! [`SpecError`] naming the file, the line and what was expected.
//!
//! Must not depend on: the code generator, the client, or anything that writes files.

pub mod authority;
mod error;
pub mod js;
mod markdown;
pub mod merge;
pub mod reference;
pub mod rest;
pub mod schemas;
mod text;

use std::path::Path;

pub use error::SpecError;
use wegnology_model::ApiModel;

/// Me's documents, relative to the published documents' directory (`spec/published`), in the order they are read.
pub const FILES: [&str; 5] = [
    "me/API_VERSION",
    reference::FILE,
    rest::FILE,
    js::FILE,
    schemas::FILE,
];

/// The texts of the documents.
#[derive(Debug, Clone)]
pub struct Documents {
    /// `API_VERSION`: the release the documents were published for, e.g. `1.26.2`.
    pub api_version: String,
    /// `me.md`.
    pub reference: String,
    /// `rest-api-me.txt`.
    pub rest: String,
    /// `js-client-me.txt`.
    pub js: String,
    /// `_schemas.md`.
    pub schemas: String,
}

impl Documents {
    /// Reads the documents from `dir` (the project's `spec/`).
    pub fn read(dir: &Path) -> Result<Documents, SpecError> {
        let read = |name: &str| {
            let path = dir.join(name);
            let bytes = std::fs::read(&path).map_err(|source| SpecError::Read { path, source })?;
            text(name, bytes)
        };
        Ok(Documents {
            api_version: read(FILES[0])?,
            reference: read(FILES[1])?,
            rest: read(FILES[2])?,
            js: read(FILES[3])?,
            schemas: read(FILES[4])?,
        })
    }
}

/// A document's bytes as text, or an error naming the line of the first byte that is not UTF-8.
pub fn text(file: &str, bytes: Vec<u8>) -> Result<String, SpecError> {
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        SpecError::Malformed {
            file: file.to_string(),
            line: 1 + valid.iter().filter(|&&b| b == b'\n').count(),
            expected: format!(
                "UTF-8 text, found the byte 0x{:02x}",
                error.as_bytes()[valid.len()]
            ),
        }
    })
}

/// Reads and parses the documents of `dir` into the model.
pub fn load(dir: &Path) -> Result<ApiModel, SpecError> {
    parse(&Documents::read(dir)?)
}

/// Parses the documents into the model.
pub fn parse(docs: &Documents) -> Result<ApiModel, SpecError> {
    let api_version = docs.api_version.trim().to_string();
    let is_version = api_version.split('.').count() == 3
        && api_version
            .split('.')
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if !is_version {
        return Err(SpecError::Malformed {
            file: FILES[0].to_string(),
            line: 1,
            expected: format!("an API release such as `1.26.2`, found `{api_version}`"),
        });
    }
    merge::merge(merge::Parts {
        api_version,
        reference: reference::parse(reference::FILE, &docs.reference)?,
        rest: rest::parse(&docs.rest)?,
        js: js::parse(&docs.js)?,
        schemas: schemas::parse(&docs.schemas)?,
    })
}
