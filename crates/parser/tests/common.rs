//! Fixture documents for the parser tests: copies of the documents that never change when
//! upstream republishes, so a new `spec/` changes snapshots, not these tests.

use std::path::PathBuf;

use wegnology_parser::Documents;

/// `tests/fixtures/<name>`.
pub fn fixture_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The documents of one fixture.
pub fn fixture(name: &str) -> Documents {
    Documents::read(&fixture_dir(name)).expect("the fixture is readable")
}

/// The documents of API release 1.26.2 as upstream published them: the base of the other
/// fixtures and of the tests that edit documents.
#[allow(dead_code)] // not every test binary uses them
pub fn documents() -> Documents {
    fixture("release-1.26.2")
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
