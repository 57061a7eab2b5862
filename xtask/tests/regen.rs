//! `cargo xtask regen` and `check` on a scratch copy of documents: the project's `spec/` where
//! the test is that the committed outputs are fresh, else a fixture of the spec crate that never
//! changes when upstream republishes.

mod common;
use common::*;

/// A scratch root holding the documents of API release 1.26.2 (the spec crate's fixture).
fn scratch() -> tempfile::TempDir {
    scratch_from(&fixture("release-1.26.2"))
}

#[test]
fn regen_writes_the_committed_files_and_a_second_run_changes_nothing() {
    let root = scratch_from(&project().join("spec/published"));
    let first = xtask(root.path(), "regen");
    assert!(first.status.success(), "{}", text(&first.stderr));
    let stdout = text(&first.stdout);
    assert!(
        stdout.contains("wrote     spec/generated/model.json"),
        "{stdout}"
    );
    // What regen writes from the documents is what the project has committed.
    let mut paths = vec!["spec/generated/model.json".to_string()];
    for entry in std::fs::read_dir(project().join("crates/client/src/generated")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        paths.push(format!("crates/client/src/generated/{name}"));
    }
    for path in &paths {
        assert_eq!(
            std::fs::read(root.path().join(path)).unwrap(),
            std::fs::read(project().join(path)).unwrap(),
            "{path} is stale: run `cargo xtask regen`"
        );
    }

    let before = tree(root.path());
    let second = xtask(root.path(), "regen");
    assert!(second.status.success());
    assert!(text(&second.stdout).contains("unchanged spec/generated/model.json"));
    assert_eq!(tree(root.path()), before);
    assert!(xtask(root.path(), "check").status.success());
}

#[test]
fn a_malformed_document_writes_nothing() {
    let root = scratch();
    assert!(xtask(root.path(), "regen").status.success());
    let before = tree(root.path());

    let me = root.path().join("spec/published/me/me.md");
    let text_before = std::fs::read_to_string(&me).unwrap();
    let broken = text_before.replacen(
        "| inviteId | string | Y | ID associated with the invitation |  |",
        "| inviteId | string | Y | ID associated with the invitation |",
        1,
    );
    assert_ne!(broken, text_before);
    std::fs::write(&me, &broken).unwrap();

    let out = xtask(root.path(), "regen");
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("spec/published/me/me.md:412: expected a table row of 6 cells"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    let after: Vec<_> = tree(root.path())
        .into_iter()
        .filter(|(p, _)| p != &me)
        .collect();
    let before: Vec<_> = before.into_iter().filter(|(p, _)| p != &me).collect();
    assert_eq!(after, before);
}

#[test]
fn a_fresh_root_with_a_malformed_document_gets_no_files() {
    let root = scratch();
    let schemas = root.path().join("spec/published/me/_schemas.md");
    let text_before = std::fs::read_to_string(&schemas).unwrap();
    std::fs::write(&schemas, &text_before[..text_before.len() / 2]).unwrap();
    let out = xtask(root.path(), "regen");
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("spec/published/me/_schemas.md:"),
        "{}",
        text(&out.stderr)
    );
    assert!(!root.path().join("spec/generated/model.json").exists());
    assert!(!root.path().join("crates").exists());
}

#[test]
fn check_fails_on_a_changed_document_until_regen() {
    let root = scratch();
    assert!(xtask(root.path(), "regen").status.success());
    let me = root.path().join("spec/published/me/me.md");
    let edited = std::fs::read_to_string(&me).unwrap().replacen(
        "Parent id of the recent list",
        "Parent id of the recent item list",
        1,
    );
    std::fs::write(&me, edited).unwrap();

    let stale = xtask(root.path(), "check");
    assert!(!stale.status.success());
    assert!(
        text(&stale.stderr).contains("stale: spec/generated/model.json"),
        "{}",
        text(&stale.stderr)
    );
    assert!(xtask(root.path(), "regen").status.success());
    assert!(xtask(root.path(), "check").status.success());
}
