//! The `reference` parser on every action reference page of the JavaScript client's package
//! (`spec/published/wegnology-rest/docs/<resource>.md`, not `_schemas.md`). Like
//! `spec_snapshots.rs`, these are facts of today's documents: a republish that adds pages,
//! actions or odd shapes fails here, and the expectations below are what to update.

use std::path::PathBuf;

use wegnology_parser::reference::{self, ActionReference, Flavour, ParamTable, ReferenceAction};

const DOCS: &str = "wegnology-rest/docs";

fn published() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec/published")
}

/// Every page, with its file name stem, in file name order.
fn pages() -> Vec<(String, ActionReference)> {
    let dir = published().join(DOCS);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("the docs directory is readable")
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".md") && name != "_schemas.md")
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let file = format!("{DOCS}/{name}");
            let text = std::fs::read_to_string(dir.join(&name)).unwrap();
            let page = reference::parse(&file, &text).unwrap_or_else(|e| panic!("{e}"));
            (name.strip_suffix(".md").unwrap().to_string(), page)
        })
        .collect()
}

/// `(stem, action)` over every action of every page.
fn actions(pages: &[(String, ActionReference)]) -> impl Iterator<Item = (&str, &ReferenceAction)> {
    pages
        .iter()
        .flat_map(|(stem, page)| page.actions.iter().map(move |a| (stem.as_str(), a)))
}

#[test]
fn every_page_parses_with_its_resource_and_call_names() {
    let pages = pages();
    assert_eq!(pages.len(), 85);
    assert_eq!(actions(&pages).count(), 319);
    for (stem, action) in actions(&pages) {
        let call = &action.call;
        let at = format!("{stem}.md: {}", action.title);
        assert_eq!(call.flavour, Flavour::JavaScript, "{at}");
        assert_eq!(call.resource, stem, "{at}");
        assert!(!call.action.is_empty(), "{at}");
    }
}

/// The shapes Me's page does not have, and the older shapes, counted over all pages.
#[test]
fn the_shapes_the_pages_use() {
    let pages = pages();
    let undefined: Vec<String> = actions(&pages)
        .flat_map(|(stem, a)| {
            a.success
                .iter()
                .chain(&a.errors)
                .filter(|r| r.type_link.is_none())
                .map(move |r| format!("{stem} {} {} {}", a.title, r.status, r.type_text))
        })
        .collect();
    assert_eq!(undefined, ["auth Sso Domain 204 undefined"]);

    let several_successes: Vec<String> = actions(&pages)
        .filter(|(_, a)| a.success.len() > 1)
        .map(|(stem, a)| {
            let statuses: Vec<String> = a.success.iter().map(|r| r.status.to_string()).collect();
            format!("{stem} {}: {}", a.title, statuses.join("+"))
        })
        .collect();
    assert_eq!(
        several_successes,
        [
            "application Apply Template: 200+202",
            "application Clone: 200+201+202",
            "application Export: 200+202",
            "application Import: 200+202",
            "applications Import: 201+202",
            "auth Sso Domain: 200+204",
            "deviceRecipe Bulk Create: 201+202",
            "devices Delete: 200+202",
            "devices Patch: 200+202",
            "devices Remove Data: 200+202",
            "devices Send Command: 200+202",
            "events Patch: 200+202",
            "flowVersions Delete: 200+202",
        ]
    );

    let file_params: Vec<String> = actions(&pages)
        .flat_map(|(stem, a)| {
            a.params
                .iter()
                .filter(|p| p.type_text == "file")
                .map(move |p| format!("{stem} {} {}", a.title, p.name))
        })
        .collect();
    assert_eq!(
        file_params,
        [
            "application Import importBundle",
            "applications Import importBundle",
            "file Upload file",
            "notebook Upload jupyterFile",
        ]
    );

    // Today's pages have none of the older shapes.
    assert_eq!(
        actions(&pages).filter(|(_, a)| a.scopes.is_none()).count(),
        0
    );
    assert!(actions(&pages).all(|(_, a)| matches!(a.param_table, ParamTable::WithExample { .. })));
    // Every schema link of a Type cell names a title; example links stay anchors.
    assert!(actions(&pages).all(|(_, a)| {
        let params = a.params.iter().filter_map(|p| p.type_link.as_ref());
        let responses = a
            .success
            .iter()
            .chain(&a.errors)
            .filter_map(|r| r.type_link.as_ref());
        params.chain(responses).all(|link| link.anchor().is_none())
    }));
    let example_links = actions(&pages)
        .flat_map(|(_, a)| &a.params)
        .filter(|p| p.example_link.is_some())
        .count();
    assert_eq!(example_links, 150);
}

/// The two clients name Me's actions alike: the Python name in camelCase is the JavaScript one,
/// for every action both pages document.
#[test]
fn python_and_javascript_names_of_me_agree() {
    let read = |file: &str| {
        let text = std::fs::read_to_string(published().join(file)).unwrap();
        reference::parse(file, &text).unwrap()
    };
    let python = read(reference::FILE);
    let javascript = read("wegnology-rest/docs/me.md");
    let mut shared = 0;
    for js in &javascript.actions {
        let Some(py) = python.actions.iter().find(|p| p.title == js.title) else {
            continue;
        };
        shared += 1;
        assert_eq!(py.call.camel_case(), js.call.action, "{}", js.title);
        assert_eq!(py.call.action, js.call.snake_case(), "{}", js.title);
    }
    assert_eq!(shared, javascript.actions.len());
}
