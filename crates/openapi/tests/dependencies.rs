//! The export reads the model only: never the parser, the generator or the client.

use std::process::Command;

#[test]
fn the_export_depends_on_the_model_only() {
    let out = Command::new(env!("CARGO"))
        .args([
            "tree",
            "--package",
            "wegnology-openapi",
            "--edges",
            "normal,build",
        ])
        .args(["--prefix", "none"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(tree.contains("wegnology-model"), "{tree}");
    for line in tree.lines() {
        let name = line.split_whitespace().next().unwrap_or_default();
        assert!(
            ![
                "wegnology",
                "wegnology-parser",
                "wegnology-codegen",
                "wegnology-macros"
            ]
            .contains(&name),
            "the export depends on {name}:\n{tree}"
        );
    }
}
