//! The checked-in client code is what the documents generate, and the generator is stable.

use std::path::{Path, PathBuf};

use wegnology_parser::Documents;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn documents() -> Documents {
    Documents::read(&root().join("spec/published")).unwrap()
}

fn render(docs: &Documents) -> String {
    wegnology_codegen::render(
        &wegnology_parser::parse(docs)
            .unwrap()
            .subset(wegnology_codegen::RESOURCES),
    )
}

#[test]
fn checked_in_code_is_fresh() {
    let committed = std::fs::read_to_string(root().join("crates/client/src/generated.rs")).unwrap();
    if committed != render(&documents()) {
        panic!("crates/client/src/generated.rs is stale: run `cargo xtask regen`");
    }
}

#[test]
fn generated_code_snapshot() {
    insta::assert_snapshot!("generated", render(&documents()));
}

#[test]
fn rendering_is_deterministic() {
    let docs = documents();
    assert_eq!(render(&docs), render(&docs));
}

#[test]
fn a_description_change_changes_only_its_doc_comments() {
    let docs = documents();
    let before = render(&docs);
    let mut edited = docs.clone();
    edited.reference = edited.reference.replacen(
        "| Parent id of the recent list |",
        "| Parent id of the recently used list |",
        1,
    );
    assert_ne!(edited.reference, docs.reference);
    let after = render(&edited);
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    // The method's parameter list and the setter's own doc comment.
    assert_eq!(changed.len(), 2, "{changed:#?}");
    for (old, new) in changed {
        assert!(
            old.trim_start().starts_with("///") && new.trim_start().starts_with("///"),
            "{new}"
        );
        assert!(
            new.contains("Parent id of the recently used list")
                && old.contains("Parent id of the recent list")
        );
    }
}
