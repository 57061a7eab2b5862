//! The project's own documents, for tests that parse them whole or edit them.

use std::path::PathBuf;

use wegnology_spec::Documents;

pub fn spec_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec")
}

pub fn documents() -> Documents {
    Documents::read(&spec_dir()).expect("spec/ is readable")
}

/// `text` with the first occurrence of `from` replaced; panics if `from` is absent, so an edit
/// that no longer applies fails the test instead of testing nothing.
#[allow(dead_code)] // not every test binary edits documents
pub fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(
        text.contains(from),
        "the document no longer contains {from:?}"
    );
    text.replacen(from, to, 1)
}
