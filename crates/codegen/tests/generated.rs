//! The checked-in client code is what the documents generate, and the generator is stable.

use std::path::{Path, PathBuf};

use wegnology_parser::Documents;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn documents() -> Documents {
    Documents::read(&root().join("spec/published")).unwrap()
}

/// The client crate's generated files, (name, text), for these documents.
fn render(docs: &Documents) -> Vec<(String, String)> {
    render_model(&wegnology_parser::parse(docs).unwrap())
}

fn render_model(model: &wegnology_model::ApiModel) -> Vec<(String, String)> {
    wegnology_codegen::render_files(model, wegnology_codegen::Options::CLIENT_CRATE)
}

fn file<'a>(files: &'a [(String, String)], name: &str) -> &'a str {
    &files.iter().find(|(n, _)| n == name).unwrap().1
}

#[test]
fn checked_in_code_is_fresh() {
    let dir = root().join("crates/client/src/generated");
    let files = render(&documents());
    for (name, text) in &files {
        let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        if &committed != text {
            panic!("crates/client/src/generated/{name} is stale: run `cargo xtask regen`");
        }
    }
    let on_disk = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(
        on_disk,
        files.len(),
        "a file in {dir:?} that no resource generates"
    );
}

/// Me's module and the root module as snapshots (the shared types are the checked-in
/// `types.rs`, reviewed in its diff).
#[test]
fn generated_code_snapshot() {
    let files = render(&documents());
    insta::assert_snapshot!("generated_me", file(&files, "me.rs"));
    insta::assert_snapshot!("generated_mod", file(&files, "mod.rs"));
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
        render_model(&model)
    })
    .join()
    .unwrap();
    for ((name, a), (_, b)) in here.iter().zip(&elsewhere) {
        if a != b {
            panic!(
                "{name} rendered from the documents differs from {name} rendered from \
                 spec/generated/model.json (stale? run `cargo xtask regen`)"
            );
        }
    }
    assert_eq!(here.len(), elsewhere.len());
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
    // Only Me's module changes.
    let files_changed: Vec<&str> = before
        .iter()
        .zip(&after)
        .filter(|(a, b)| a.1 != b.1)
        .map(|(a, _)| a.0.as_str())
        .collect();
    assert_eq!(files_changed, ["me.rs"]);
    let (before, after) = (file(&before, "me.rs"), file(&after, "me.rs"));
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

/// The items a generated file defines, by name: its structs, enums, aliases and
/// `string_enum!`s, each as its whole code (doc comment, fields, variants) but for which serde
/// impls it derives: those follow how the generated actions use the type (sent, received).
fn defined_items(text: &str) -> std::collections::BTreeMap<String, String> {
    use quote::ToTokens;
    let file = syn::parse_file(text).unwrap();
    file.items
        .iter()
        .filter_map(|item| {
            let name = match item {
                syn::Item::Struct(s) => s.ident.to_string(),
                syn::Item::Enum(e) => e.ident.to_string(),
                syn::Item::Type(t) => t.ident.to_string(),
                syn::Item::Macro(m)
                    if m.mac.path.segments.last().unwrap().ident == "string_enum" =>
                {
                    m.mac.tokens.clone().into_iter().next()?.to_string()
                }
                _ => return None,
            };
            let code = item
                .to_token_stream()
                .to_string()
                .replace(", :: serde :: Serialize", "")
                .replace(", :: serde :: Deserialize", "");
            Some((name, code.split_whitespace().collect::<Vec<_>>().join(" ")))
        })
        .collect()
}

/// Names are decided from where each schema is, not from which resources are generated: the
/// code of the documents without a resource defines every type that remains under the same
/// name, with the same code, as the whole API's code does (a type that took another's name,
/// or was renumbered, would differ), and the resources that remain keep their modules' items.
/// Compared without feature gates (`Options::DOWNSTREAM`) and serde derives: which resources
/// use a type, and whether to send or to receive it, changes them.
#[test]
fn removing_a_resource_renames_nothing_that_remains() {
    let model = wegnology_parser::parse(&documents()).unwrap();
    let render = |model: &wegnology_model::ApiModel| {
        wegnology_codegen::render_files(model, wegnology_codegen::Options::DOWNSTREAM)
    };
    let whole = render(&model);
    let whole_types = defined_items(file(&whole, "types.rs"));
    for removed in ["me", "device", "devices", "dashboard", "flow"] {
        let kept: Vec<&str> = model
            .resources
            .iter()
            .map(|r| r.camel_name.as_str())
            .filter(|r| *r != removed)
            .collect();
        let without = render(&model.subset(&kept));
        let types = defined_items(file(&without, "types.rs"));
        assert!(types.len() < whole_types.len(), "{removed}: no type went");
        for (name, code) in &types {
            assert!(
                whole_types.get(name) == Some(code),
                "without `{removed}`, `{name}` is not the whole API's `{name}`"
            );
        }
        for (name, text) in &without {
            if name == "types.rs" || name == "mod.rs" || !name.ends_with(".rs") {
                continue;
            }
            assert_eq!(
                defined_items(text),
                defined_items(file(&whole, name)),
                "without `{removed}`, {name} defines its items differently"
            );
        }
    }
}
