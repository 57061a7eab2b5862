//! What the xtask tests share: the project's location, scratch roots holding documents, running
//! the built `xtask` binary, and reading a tree back.

// Each test file uses its own subset of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The documents a published-documents directory (`spec/published`) holds, as `regen` reads them.
pub const DOCUMENTS: [&str; 5] = [
    "me/API_VERSION",
    "me/me.md",
    "me/rest-api-me.txt",
    "me/js-client-me.txt",
    "me/_schemas.md",
];

/// The workspace root of the project under test.
pub fn project() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A document set of the spec crate's fixtures, which never change when upstream republishes.
pub fn fixture(name: &str) -> PathBuf {
    project().join("crates/parser/tests/fixtures").join(name)
}

/// A copy of the documents of `from` in `to`: Me's, and the JS client's package when `from`
/// has it.
pub fn copy_documents(from: &Path, to: &Path) {
    for name in DOCUMENTS {
        std::fs::create_dir_all(to.join(name).parent().unwrap()).unwrap();
        std::fs::copy(from.join(name), to.join(name)).unwrap();
    }
    copy_tree(&from.join(PACKAGE), &to.join(PACKAGE));
}

/// The JS client's package directory in a published-documents directory.
pub const PACKAGE: &str = "wegnology-rest";

/// A copy of every file under `from` (if it exists) in `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    let Ok(entries) = std::fs::read_dir(from) else {
        return;
    };
    std::fs::create_dir_all(to).unwrap();
    for entry in entries {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// A scratch root whose `spec/published/` holds only the documents of `documents`.
pub fn scratch_from(documents: &Path) -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    copy_documents(documents, &root.path().join("spec/published"));
    root
}

/// `xtask <task> --root <root>`, as built for this test run.
pub fn xtask(root: &Path, task: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args([task, "--root"])
        .arg(root)
        .output()
        .unwrap()
}

/// Bytes as text, for assertions and failure messages.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every file below `dir`, with its bytes, in path order.
pub fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(tree(&path));
        } else {
            files.push((path.clone(), std::fs::read(&path).unwrap()));
        }
    }
    files.sort();
    files
}
