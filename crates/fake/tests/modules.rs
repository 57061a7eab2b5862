//! The fake's modules depend on each other in one direction only: the shared types (`call`)
//! import nothing else of the fake, and no module reaches back to one that depends on it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each module of `src/` and the modules of the crate it names as `crate::…`.
fn module_imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut imports = BTreeMap::new();
    for entry in std::fs::read_dir(&src).expect("src/ is readable") {
        let path = entry.expect("directory entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        let module = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("file name")
            .to_string();
        let text = std::fs::read_to_string(&path).expect("source is readable");
        let mut named = BTreeSet::new();
        for (index, _) in text.match_indices("crate::") {
            let rest = &text[index + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // `crate::{a, b}` groups are not used in this crate; a capitalised name is an item
            // re-exported at the root (lib.rs), not a module.
            if !name.is_empty() && name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
                named.insert(name);
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
    assert!(done.contains("http") && done.contains("behaviour"));
}
