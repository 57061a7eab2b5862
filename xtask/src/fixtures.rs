//! The generated code of each document-shape fixture (`crates/parser/tests/fixtures/<shape>`),
//! written into `crates/fixture-outputs` so that building the workspace proves it compiles.

use std::path::Path;

use crate::Output;

/// Each shape fixture and the file its generated code goes to.
const SHAPES: [(&str, &str); 6] = [
    ("no-token", "crates/fixture-outputs/src/no_token.rs"),
    ("schema-query", "crates/fixture-outputs/src/schema_query.rs"),
    ("array-param", "crates/fixture-outputs/src/array_param.rs"),
    ("one-of", "crates/fixture-outputs/src/one_of.rs"),
    (
        "package-shapes",
        "crates/fixture-outputs/src/package_shapes.rs",
    ),
    ("older-me", "crates/fixture-outputs/src/older_me.rs"),
];

/// The outputs of the fixtures present under `root` (a scratch root with only `spec/` has none).
pub fn outputs(root: &Path) -> Result<Vec<Output>, String> {
    let mut outputs = Vec::new();
    for (shape, path) in SHAPES {
        let dir = root.join("crates/parser/tests/fixtures").join(shape);
        if !dir.is_dir() {
            continue;
        }
        let model = wegnology_parser::load(&dir)
            .map_err(|error| format!("crates/parser/tests/fixtures/{shape}/{error}"))?;
        outputs.push(Output {
            path: path.to_string(),
            content: format!(
                "// The fixture crates/parser/tests/fixtures/{shape}.\n{}",
                wegnology_codegen::render(&model, wegnology_codegen::Options::DOWNSTREAM)
            ),
        });
    }
    Ok(outputs)
}
