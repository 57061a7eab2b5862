//! Today's package (`spec/published/wegnology-rest`): every parameter a reference page documents
//! is placed by its request table, and the two list the same actions but the three
//! server-sent-event streams no page documents. Each test collects every mismatch before it
//! fails, so a republish shows them all at once.

use std::path::{Path, PathBuf};

use wegnology_model::ApiModel;
use wegnology_parser::package::{self, PackageDocuments};
use wegnology_parser::reference::{self, ActionReference};
use wegnology_parser::request_table::{self, RequestTable};

/// The streams the request tables have and no page documents (the model leaves them out).
const STREAMS: [&str; 3] = [
    "application.mqttSubscriptionStream",
    "device.commandStream",
    "device.stateStream",
];

fn published() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec/published")
}

/// The made-up package whose mismatches are known: the checks below must find them.
fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/package-shapes")
}

/// Each reference page with its request table (or `None`), and the tables no page has.
struct Package {
    pages: Vec<(String, ActionReference, Option<RequestTable>)>,
    tables_without_page: Vec<RequestTable>,
}

fn package(published: &Path) -> Package {
    let docs = PackageDocuments::read(published)
        .expect("the package is readable")
        .expect("the published documents hold the package");
    let mut tables: Vec<RequestTable> = docs
        .tables
        .iter()
        .map(|t| request_table::parse(&t.file, &t.text).expect("the request table parses"))
        .collect();
    let pages = docs
        .pages
        .iter()
        .map(|page| {
            let parsed = reference::parse(&page.file, &page.text).expect("the page parses");
            let resource = package::resource_of(&page.file);
            let table = tables
                .iter()
                .position(|t| t.resource == resource)
                .map(|i| tables.remove(i));
            (page.file.clone(), parsed, table)
        })
        .collect();
    Package {
        pages,
        tables_without_page: tables,
    }
}

/// How many actions the pages document, how many of those the tables have, and how many the
/// tables have in all.
#[derive(Debug, PartialEq)]
struct Counts {
    pages: usize,
    page_actions: usize,
    matched: usize,
    table_actions: usize,
}

/// One message per action only a page or only a table has (but the known streams), and per
/// page or table without the other.
fn action_list_mismatches(package: &Package) -> (Vec<String>, Counts) {
    let mut mismatches = Vec::new();
    let mut counts = Counts {
        pages: package.pages.len(),
        page_actions: 0,
        matched: 0,
        table_actions: 0,
    };
    for table in &package.tables_without_page {
        mismatches.push(format!(
            "{}: no reference page `{}/{}.md`",
            table.file,
            package::DOCS,
            table.resource
        ));
        counts.table_actions += table.actions.len();
    }
    for (file, page, table) in &package.pages {
        counts.page_actions += page.actions.len();
        let Some(table) = table else {
            mismatches.push(format!("{file}: no request table"));
            continue;
        };
        counts.table_actions += table.actions.len();
        for documented in &page.actions {
            let name = documented.call.camel_case();
            if table.actions.iter().any(|t| t.name == name) {
                counts.matched += 1;
            } else {
                mismatches.push(format!(
                    "{file}:{} `{}.{name}`: {} has no such action",
                    documented.line, table.resource, table.file
                ));
            }
        }
        for wire in &table.actions {
            let id = format!("{}.{}", table.resource, wire.name);
            let documented = page
                .actions
                .iter()
                .any(|a| a.call.camel_case() == wire.name);
            let known_stream = wire.stream && STREAMS.contains(&id.as_str());
            if documented == known_stream {
                mismatches.push(format!(
                    "{}:{} `{id}`: {}",
                    table.file,
                    wire.line,
                    if documented {
                        "documented by the page, though listed as an undocumented stream"
                    } else {
                        "no page documents it"
                    }
                ));
            }
        }
    }
    (mismatches, counts)
}

/// One message per parameter a page documents and its table does not send, or the other way
/// round, in every action both have, of every resource but Me (Me's documents decide Me).
/// Also the number of documented parameters checked.
fn placement_mismatches(package: &Package) -> (Vec<String>, usize) {
    let mut mismatches = Vec::new();
    let mut checked = 0;
    for (file, page, table) in package.pages.iter().filter(|(_, p, _)| p.resource != "Me") {
        let Some(table) = table else { continue };
        for documented in &page.actions {
            let name = documented.call.camel_case();
            let Some(wire) = table.actions.iter().find(|t| t.name == name) else {
                continue;
            };
            let id = format!("{}.{name}", table.resource);
            for param in &documented.params {
                checked += 1;
                if !wire.params.iter().any(|p| p.name == param.name) {
                    mismatches.push(format!(
                        "{file}:{} `{id}`: {} does not send `{}`",
                        param.line, table.file, param.name
                    ));
                }
            }
            for sent in &wire.params {
                let is_default = wire.query_defaults.iter().any(|(n, _)| n == &sent.name);
                if !is_default && !documented.params.iter().any(|p| p.name == sent.name) {
                    mismatches.push(format!(
                        "{}:{} `{id}`: sends `{}` ({}), which {file} does not document",
                        table.file,
                        sent.line,
                        sent.name,
                        sent.placement.as_str()
                    ));
                }
            }
        }
    }
    (mismatches, checked)
}

/// The same findings as the merge reports them, one diagnostic each: a parameter left to the
/// official clients' default placement, one only the table sends, an action (but the known
/// streams) or a resource only one of the two has.
fn model_mismatches(model: &ApiModel) -> Vec<String> {
    model
        .diagnostics
        .iter()
        .filter(|d| {
            d.source.file.starts_with("wegnology-rest/") && d.resource.as_deref() != Some("me")
        })
        .filter(|d| {
            let m = d.message.as_str();
            let unplaced = m.contains(" does not send `");
            let table_only = m.contains(" sends `") && m.contains("does not document");
            let known_stream = STREAMS
                .iter()
                .any(|s| m.contains(&format!("the server-sent-event stream `{s}`")));
            let one_sided = m.contains(" has no action `")
                || m.contains(" has no reference page `")
                || m.starts_with("no request table `")
                || (m.contains(" has the ") && m.contains("does not document") && !known_stream);
            unplaced || table_only || one_sided
        })
        .map(|d| d.line())
        .collect()
}

fn assert_none(mismatches: &[String]) {
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn pages_and_request_tables_list_the_same_actions() {
    let (mismatches, counts) = action_list_mismatches(&package(&published()));
    assert_none(&mismatches);
    assert_eq!(
        counts,
        Counts {
            pages: 85,
            page_actions: 319,
            matched: 319,
            table_actions: 319 + STREAMS.len(),
        }
    );
}

#[test]
fn every_documented_parameter_is_placed_by_the_request_table() {
    let (mismatches, checked) = placement_mismatches(&package(&published()));
    assert_none(&mismatches);
    assert!(checked > 1000, "only {checked} parameters checked");
}

#[test]
fn the_model_places_every_parameter_of_the_package() {
    let model = wegnology_parser::load(&published()).expect("spec/published parses");
    assert_none(&model_mismatches(&model));
    let left_out: Vec<String> = model
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("the server-sent-event stream `"))
        .map(|d| d.kept.clone())
        .collect();
    assert_eq!(
        left_out,
        STREAMS.map(|s| format!("`{s}` left out")),
        "the three streams, each left out"
    );
}

#[test]
fn the_checks_find_every_mismatch_of_a_package_that_has_them() {
    let package = package(&fixture());
    let (actions, counts) = action_list_mismatches(&package);
    assert_eq!(
        actions,
        [
            "wegnology-rest/lib/api/sprocket.js: no reference page `wegnology-rest/docs/sprocket.md`",
            "wegnology-rest/docs/gadget.md:18 `gadget.calibrate`: wegnology-rest/lib/api/gadget.js has no such action",
            "wegnology-rest/lib/api/gadget.js:254 `gadget.reset`: no page documents it",
            "wegnology-rest/lib/api/gadget.js:376 `gadget.blinkStream`: no page documents it",
            "wegnology-rest/docs/gizmo.md: no request table",
        ]
    );
    assert_eq!(
        counts,
        Counts {
            pages: 4,
            page_actions: 12,
            matched: 10,
            table_actions: 13,
        }
    );
    let (placements, _) = placement_mismatches(&package);
    assert_eq!(
        placements,
        [
            "wegnology-rest/lib/api/gadget.js:110 `gadget.get`: sends `fields` (query), which wegnology-rest/docs/gadget.md does not document",
            "wegnology-rest/docs/gadget.md:205 `gadget.patch`: wegnology-rest/lib/api/gadget.js does not send `dryRun`",
        ]
    );
    let model = wegnology_parser::load(&fixture()).expect("the fixture parses");
    let model: Vec<String> = model_mismatches(&model)
        .iter()
        .map(|line| line.split(" [").next().unwrap().to_string())
        .collect();
    assert_eq!(
        model,
        [
            "gap wegnology-rest/docs/gadget.md:18",
            "disagreement wegnology-rest/lib/api/gadget.js:110",
            "gap wegnology-rest/docs/gadget.md:205",
            "gap wegnology-rest/lib/api/gadget.js:254",
            "gap wegnology-rest/lib/api/gadget.js:376",
            "gap wegnology-rest/docs/gizmo.md:1",
            "gap wegnology-rest/lib/api/sprocket.js:1",
        ]
    );
}
