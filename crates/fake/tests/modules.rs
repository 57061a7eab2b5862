//! The fake's modules depend on each other in one direction only: the shared types (`call`)
//! import nothing else of the fake, and no module reaches back to one that depends on it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each module of `src/` (a file; `me/state.rs` is `me::state`, `me/mod.rs` is `me`) and the
/// modules of the crate it names as `crate::…` (the longest module path named).
fn module_imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut folders = vec![src.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("src/ is readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().and_then(|e| e.to_str()) == Some("rs") {
                let relative = path.strip_prefix(&src).expect("below src/");
                let mut names: Vec<String> = relative
                    .with_extension("")
                    .iter()
                    .map(|part| part.to_string_lossy().into_owned())
                    .collect();
                if names.last().map(String::as_str) == Some("mod") {
                    names.pop();
                }
                files.push((names.join("::"), path));
            }
        }
    }
    let known: BTreeSet<String> = files.iter().map(|(module, _)| module.clone()).collect();
    let mut imports = BTreeMap::new();
    for (module, path) in files {
        let text = std::fs::read_to_string(&path).expect("source is readable");
        let mut named = BTreeSet::new();
        for (index, _) in text.match_indices("crate::") {
            let rest = &text[index + "crate::".len()..];
            let words: Vec<&str> = rest
                .split("::")
                .map(|word| {
                    let end = word
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                        .unwrap_or(word.len());
                    &word[..end]
                })
                .take_while(|word| !word.is_empty())
                .collect();
            // `crate::{a, b}` groups are not used in this crate; a capitalised name is an item
            // re-exported at the root (lib.rs), not a module.
            let longest = (1..=words.len())
                .rev()
                .map(|n| words[..n].join("::"))
                .find(|candidate| known.contains(candidate));
            if let Some(name) = longest {
                named.insert(name);
            } else if let Some(first) = words.first() {
                if first.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
                    named.insert(first.to_string());
                }
            }
        }
        named.remove(&module);
        imports.insert(module, named);
    }
    imports
}

#[test]
fn the_shared_types_import_nothing_else_of_the_fake() {
    let imports = module_imports();
    assert_eq!(
        imports.get("call"),
        Some(&BTreeSet::new()),
        "call.rs must import nothing else of the fake: {imports:?}"
    );
}

#[test]
fn modules_import_each_other_without_cycles() {
    let imports = module_imports();
    // Depth-first search for a back edge; lib.rs and main.rs are the roots, not modules.
    fn visit(
        module: &str,
        imports: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) {
        if done.contains(module) {
            return;
        }
        if let Some(start) = path.iter().position(|m| m == module) {
            panic!("module cycle: {} -> {module}", path[start..].join(" -> "));
        }
        path.push(module.to_string());
        for next in imports.get(module).into_iter().flatten() {
            visit(next, imports, path, done);
        }
        path.pop();
        done.insert(module.to_string());
    }
    let mut done = BTreeSet::new();
    for module in imports.keys().filter(|m| *m != "lib" && *m != "main") {
        visit(module, &imports, &mut Vec::new(), &mut done);
    }
    assert!(done.contains("http") && done.contains("me"));
}

/// What a module may import: the HTTP pipeline's checks (`auth`, `query`, `body`) only the
/// pipeline (and the shared state, for the text rules); the behaviours (`me`, `crud`) never
/// the pipeline nor each other (path templates are the leaf `routes`'); the leaves only the
/// shared types and each other.
#[test]
fn each_layer_imports_only_those_below_it() {
    let imports = module_imports();
    let leaves = [
        "call",
        "schemas",
        "seeded",
        "store",
        "tokens",
        "journal",
        "faults",
        "ratelimit",
        "usage",
        "routes",
        "query",
        "body",
    ];
    let below_leaves = ["call", "schemas", "seeded"];
    let pipeline = ["http", "auth", "query", "body", "serve"];
    for (module, named) in &imports {
        let top = module.split("::").next().unwrap_or_default();
        if leaves.contains(&module.as_str()) {
            for name in named {
                assert!(
                    below_leaves.contains(&name.as_str()),
                    "the leaf `{module}` imports `{name}`: {named:?}"
                );
            }
        }
        if top == "me" || top == "crud" {
            for name in named {
                let other_top = name.split("::").next().unwrap_or_default();
                assert!(
                    !pipeline.contains(&other_top),
                    "the behaviour `{module}` imports the pipeline's `{name}`"
                );
                assert!(
                    other_top == top || !(other_top == "me" || other_top == "crud"),
                    "the behaviours `{module}` and `{name}` depend on each other"
                );
            }
        }
        for part in ["auth", "query", "body"] {
            if named.contains(part) {
                assert!(
                    ["http", "app", "lib"].contains(&module.as_str()),
                    "`{module}` imports the pipeline's `{part}`"
                );
            }
        }
    }
    for expected in [
        "me",
        "me::state",
        "routes",
        "auth",
        "query",
        "body",
        "tokens",
        "world",
    ] {
        assert!(
            imports.contains_key(expected),
            "no module `{expected}`: {imports:?}"
        );
    }
}
