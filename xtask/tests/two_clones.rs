//! Two clones of the project sharing one `CARGO_TARGET_DIR` (a global target dir, or git
//! worktrees): `cargo xtask regen` and `check` in each read and write only that clone's files.
//!
//! Both clones build the same `xtask` binary into the shared target dir, so a root fixed at
//! compile time would send one clone's run into the other clone.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::*;

/// Copies the project's sources (not its build output or git data) to `to`.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        let (source, dest) = (entry.path(), to.join(&name));
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&source, &dest);
        } else if entry.file_type().unwrap().is_file() {
            std::fs::copy(&source, &dest).unwrap();
        }
    }
}

/// The shared target dir: beside this test's own, so its dependencies stay built between runs
/// (a target dir of its own, because cargo holds this test's target dir locked while it runs).
fn shared_target() -> PathBuf {
    let binary = Path::new(env!("CARGO_BIN_EXE_xtask"));
    binary
        .parent()
        .and_then(Path::parent)
        .unwrap()
        .join("two-clones")
}

/// `cargo xtask <task>` run in `clone`, as a maintainer would type it.
fn cargo_xtask(clone: &Path, task: &str) -> String {
    let output = Command::new(env!("CARGO"))
        .args(["xtask", task])
        .current_dir(clone)
        .env("CARGO_TARGET_DIR", shared_target())
        .env("CARGO_NET_OFFLINE", "true")
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "`cargo xtask {task}` in {}: {text}",
        clone.display()
    );
    text
}

#[test]
fn each_clone_regenerates_its_own_files() {
    let scratch = tempfile::tempdir().unwrap();
    let (first, second) = (scratch.path().join("first"), scratch.path().join("second"));
    copy_tree(&project(), &first);
    copy_tree(&project(), &second);
    // The second clone's documents differ, so its outputs must differ from the first's.
    let me = second.join("spec/published/me/me.md");
    let text = std::fs::read_to_string(&me).unwrap();
    let edited = text.replacen(
        "Parent id of the recent list",
        "Parent id of the recent item list",
        1,
    );
    assert_ne!(
        edited, text,
        "the edit no longer applies to spec/published/me/me.md"
    );
    std::fs::write(&me, edited).unwrap();

    let first_before = tree(&first);
    let out = cargo_xtask(&second, "regen");
    assert!(out.contains("wrote     spec/generated/model.json"), "{out}");
    let model = std::fs::read_to_string(second.join("spec/generated/model.json")).unwrap();
    assert!(model.contains("Parent id of the recent item list"));
    assert_eq!(
        tree(&first),
        first_before,
        "regen in the second clone changed the first"
    );

    let second_after = tree(&second);
    let out = cargo_xtask(&first, "check");
    assert!(out.contains("up to date"), "{out}");
    let out = cargo_xtask(&first, "regen");
    assert!(out.contains("unchanged spec/generated/model.json"), "{out}");
    assert_eq!(
        tree(&first),
        first_before,
        "regen of unchanged documents changed a file"
    );
    assert_eq!(
        tree(&second),
        second_after,
        "a run in the first clone changed the second"
    );

    let out = cargo_xtask(&second, "check");
    assert!(out.contains("up to date"), "{out}");
    assert_eq!(tree(&first), first_before);
}
