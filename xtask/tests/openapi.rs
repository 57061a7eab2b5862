//! `cargo xtask openapi` writes the OpenAPI document only; `regen` writes it too and `check`
//! fails while it is stale.

mod common;
use common::*;

#[test]
fn openapi_writes_only_the_committed_document() {
    let root = scratch_from(&project().join("spec/published"));
    let out = xtask(root.path(), "openapi");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .starts_with("wrote spec/generated/openapi.json: OpenAPI 3.1,"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        std::fs::read(root.path().join("spec/generated/openapi.json")).unwrap(),
        std::fs::read(project().join("spec/generated/openapi.json")).unwrap(),
        "spec/generated/openapi.json is stale: run `cargo xtask regen`"
    );
    assert!(!root.path().join("spec/generated/model.json").exists());
    assert!(!root.path().join("crates").exists());
}

#[test]
fn regen_writes_the_document_and_check_notices_when_it_is_stale() {
    let root = scratch_from(&project().join("spec/published"));
    assert!(xtask(root.path(), "regen").status.success());
    let path = root.path().join("spec/generated/openapi.json");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(project().join("spec/generated/openapi.json")).unwrap()
    );
    assert!(xtask(root.path(), "check").status.success());

    std::fs::write(&path, "{}\n").unwrap();
    let out = xtask(root.path(), "check");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("stale: spec/generated/openapi.json"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
