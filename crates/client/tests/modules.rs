//! The client's runtime modules depend on each other in one direction only, and none of them on
//! the generated code: the runtime is given the generated `API` (an `ApiFacts`), it never imports
//! it. `lib.rs` is the root that joins the two.
//!
//! Every `crate::…` path of a source file counts (`use` lines, paths in code and intra-doc
//! links); `$crate::…` in a macro is a path of the code the macro expands into, not of the
//! module defining it. A capitalised `crate::Name` is an item re-exported at the root, resolved
//! through `lib.rs`'s `pub use` lines (`pub use generated::*` taking every other name).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The modules a path `crate::{…}` group names: its top-level entries' first segments.
fn group_heads(group: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut entry_start = true;
    for (index, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => entry_start = true,
            c if entry_start && depth == 0 && !c.is_whitespace() => {
                entry_start = false;
                let name: String = group[index..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                heads.push(name);
            }
            _ => {}
        }
    }
    heads
}

/// The first segments of every `crate::…` path in `text` (not `$crate::…`).
fn crate_paths(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (index, _) in text.match_indices("crate::") {
        let before = text[..index].chars().next_back();
        if before.is_some_and(|c| c == '$' || c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &text[index + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group
                .find("};")
                .or_else(|| group.find('}'))
                .unwrap_or(group.len());
            names.extend(group_heads(&group[..end]));
        } else {
            names.push(
                rest.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect(),
            );
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

/// Root item name → the module `lib.rs` re-exports it from; `generated` for the glob.
fn root_exports(lib: &str) -> BTreeMap<String, String> {
    let mut exports = BTreeMap::new();
    for line in lib.lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let rest = rest.trim_end_matches(';');
        let Some((module, items)) = rest.split_once("::") else {
            continue;
        };
        let items = items.trim_start_matches('{').trim_end_matches('}');
        for item in items.split(',').map(str::trim).filter(|i| *i != "*") {
            exports.insert(item.to_string(), module.to_string());
        }
    }
    exports
}

/// Each file of `src/` (by module name) and the modules of the crate it names.
fn module_imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs is readable");
    let exports = root_exports(&lib);
    let mut imports = BTreeMap::new();
    for entry in std::fs::read_dir(&src).expect("src/ is readable") {
        let path = entry.expect("directory entry").path();
        let module = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("file name")
            .to_string();
        // A module of several files (`generated/`) is read as one.
        let text = if path.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(&path)
                .expect("module directory is readable")
                .map(|e| e.expect("directory entry").path())
                .collect();
            files.sort();
            files
                .iter()
                .map(|f| std::fs::read_to_string(f).expect("source is readable"))
                .collect::<Vec<_>>()
                .join("\n")
        } else if path.extension().and_then(|e| e.to_str()) == Some("rs") {
            std::fs::read_to_string(&path).expect("source is readable")
        } else {
            continue;
        };
        let mut named = BTreeSet::new();
        for name in crate_paths(&text) {
            if name.starts_with(|c: char| c.is_ascii_uppercase()) {
                let from = exports.get(&name).map_or("generated", String::as_str);
                named.insert(from.to_string());
            } else {
                named.insert(name);
            }
        }
        named.remove(&module);
        imports.insert(module, named);
    }
    imports
}

/// The runtime: every module but the root and the generated code.
fn runtime_modules(imports: &BTreeMap<String, BTreeSet<String>>) -> Vec<&str> {
    imports
        .keys()
        .map(String::as_str)
        .filter(|m| *m != "lib" && *m != "generated")
        .collect()
}

#[test]
fn the_paths_are_read_as_the_modules_they_name() {
    let text = "use crate::error::{retryable_status, Error};\nuse crate::{builder::Client, \
                urls::{Urls, X}};\n/// [`A`](crate::Error) and $crate::runtime::Request";
    assert_eq!(crate_paths(text), ["error", "builder", "urls", "Error"]);
    let exports = root_exports("pub use builder::{Client, ClientBuilder};\npub use error::Error;");
    assert_eq!(exports["ClientBuilder"], "builder");
    assert_eq!(exports["Error"], "error");
}

#[test]
fn no_runtime_module_imports_the_generated_code() {
    let imports = module_imports();
    assert!(imports.contains_key("generated"), "{imports:?}");
    for module in runtime_modules(&imports) {
        assert!(
            !imports[module].contains("generated"),
            "{module}.rs imports the generated code; give the runtime what it needs as data \
             (`ApiFacts`) instead: {imports:?}"
        );
    }
}

#[test]
fn the_leaves_import_nothing_else_of_the_crate() {
    let imports = module_imports();
    for leaf in [
        "secret", "error", "facts", "redact", "response", "macros", "decode", "query",
    ] {
        assert_eq!(
            imports.get(leaf),
            Some(&BTreeSet::new()),
            "{leaf}.rs must import nothing else of the crate: {imports:?}"
        );
    }
    // The facade only re-exports: no module reaches the runtime through it.
    for (module, named) in &imports {
        assert!(
            !named.contains("runtime"),
            "{module}.rs imports `runtime`, the facade for generated code: {imports:?}"
        );
    }
}

#[test]
fn modules_import_each_other_without_cycles() {
    let imports = module_imports();
    // Depth-first search for a back edge; lib.rs is the root, not a module.
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
    for module in runtime_modules(&imports) {
        visit(module, &imports, &mut Vec::new(), &mut done);
    }
    for module in ["transport", "builder", "endpoint", "urls", "retry"] {
        assert!(
            done.contains(module),
            "{module} was not visited: {imports:?}"
        );
    }
    // The one direction, as built: sending depends on the request and the client, the request
    // on the client, never the other way.
    assert!(imports["transport"].contains("endpoint") && imports["transport"].contains("builder"));
    assert!(imports["endpoint"].contains("builder"));
    assert!(!imports["builder"].contains("endpoint") && !imports["builder"].contains("transport"));
}

#[test]
fn the_modules_the_whole_api_needs_import_only_what_they_name() {
    let imports = module_imports();
    let expect = |module: &str, names: &[&str]| {
        let expected: BTreeSet<String> = names.iter().map(|n| n.to_string()).collect();
        assert_eq!(
            imports.get(module),
            Some(&expected),
            "{module}.rs: {imports:?}"
        );
    };
    // Multipart parts and the form of an attempt: the error of a file that cannot be read.
    expect("multipart", &["error"]);
    // The pages: clones of a request, sent and decoded.
    expect("pages", &["decode", "endpoint", "error"]);
    // The request holds the parts; sending makes the form and decodes by status.
    assert!(imports["endpoint"].contains("multipart"), "{imports:?}");
    assert!(
        imports["transport"].contains("multipart") && imports["transport"].contains("decode"),
        "{imports:?}"
    );
    // Nothing below the request reaches the pages or the sending.
    for module in ["decode", "multipart", "endpoint", "builder"] {
        assert!(
            !imports[module].contains("pages") && !imports[module].contains("transport"),
            "{module}.rs: {imports:?}"
        );
    }
}
