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
    // Rendered here from the documents, and from the model `cargo xtask regen` wrote in another
    // process (read back from JSON) on another thread (other hash keys): the same code, so it
    // depends on the model's data alone, not on the process, the thread or map order.
    let here = render(&documents());
    let model_json = std::fs::read_to_string(root().join("spec/generated/model.json")).unwrap();
    let elsewhere = std::thread::spawn(move || {
        let model = wegnology_model::ApiModel::from_json(&model_json).unwrap();
        wegnology_codegen::render(&model.subset(wegnology_codegen::RESOURCES))
    })
    .join()
    .unwrap();
    if here != elsewhere {
        panic!(
            "the code rendered from the documents differs from the code rendered from \
             spec/generated/model.json (stale? run `cargo xtask regen`)"
        );
    }
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
