//! The one error the parsers and the merge return: where a document breaks its format.

use std::path::PathBuf;

/// A document that cannot be turned into a model. Names the file, the line and what was expected.
#[derive(Debug, thiserror::Error)]
pub enum SpecError {
    #[error("{file}:{line}: expected {expected}")]
    Malformed {
        /// File name relative to `spec/published`, e.g. `me/me.md`.
        file: String,
        /// 1-based line.
        line: usize,
        expected: String,
    },
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl SpecError {
    pub(crate) fn malformed(file: &str, line: usize, expected: impl Into<String>) -> SpecError {
        SpecError::Malformed {
            file: file.to_string(),
            line,
            expected: expected.into(),
        }
    }
}
