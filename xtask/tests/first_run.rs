//! What a newcomer reads at the end of `cargo xtask regen`: one line saying whether anything
//! needs doing. Known diagnostics (already in the committed `spec/generated/model.json`) need nothing; a
//! new one, or a written file, does.

use std::path::Path;
use std::process::Command;

mod common;
use common::*;

/// A scratch root with the documents; regen run once so that its outputs are up to date.
fn regenerated_scratch() -> tempfile::TempDir {
    let root = scratch_from(&project().join("spec/published"));
    assert!(regen(root.path()).0);
    root
}

/// Success, and the last line regen printed.
fn regen(root: &Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["regen", "--root"])
        .arg(root)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let last = stdout.lines().last().unwrap_or_default().to_owned();
    (out.status.success(), last, stdout)
}

#[test]
fn an_up_to_date_tree_needs_no_action() {
    let root = regenerated_scratch();
    let (ok, last, stdout) = regen(root.path());
    assert!(ok);
    assert!(last.starts_with("no action needed: "), "{stdout}");
    assert!(!stdout.contains("  new "), "{stdout}");
}

#[test]
fn a_new_diagnostic_needs_action_and_is_marked() {
    let root = regenerated_scratch();
    // Make me/me.md disagree with the REST page on one action's scopes.
    let me = root.path().join("spec/published/me/me.md");
    let text = std::fs::read_to_string(&me).unwrap();
    let changed = text.replacen(
        "all.User, me.*, or me.verifyEmail.",
        "all.User, or me.verifyEmail.",
        1,
    );
    assert_ne!(changed, text);
    std::fs::write(&me, changed).unwrap();

    let (ok, last, stdout) = regen(root.path());
    assert!(ok, "{stdout}");
    assert!(
        last.starts_with("action needed: 1 of ") && last.contains("diagnostics are new"),
        "{stdout}"
    );
    let marked: Vec<&str> = stdout.lines().filter(|l| l.starts_with("  new ")).collect();
    assert_eq!(marked.len(), 1, "{stdout}");
    assert!(marked[0].contains("[me: Verify Email]"), "{stdout}");

    // Once written (and committed), the same diagnostic is known.
    let (_, last, stdout) = regen(root.path());
    assert!(last.starts_with("no action needed: "), "{stdout}");
}

#[test]
fn a_written_file_needs_review() {
    let root = regenerated_scratch();
    std::fs::write(root.path().join("spec/generated/openapi.json"), "{}\n").unwrap();
    let (ok, last, stdout) = regen(root.path());
    assert!(ok);
    assert!(
        last.starts_with("action needed: review and commit spec/generated/openapi.json"),
        "{stdout}"
    );
}
