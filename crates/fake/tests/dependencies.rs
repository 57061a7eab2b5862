//! The fake checks the documents, not our reading of them: it depends on the model only, never
//! on the parser, the generator or the client and its generated types.

use std::process::Command;

#[test]
fn the_fake_does_not_depend_on_spec_codegen_or_the_client() {
    let out = Command::new(env!("CARGO"))
        .args([
            "tree",
            "--package",
            "wegnology-fake",
            "--edges",
            "normal,build",
            "--prefix",
            "none",
        ])
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
            "the fake depends on {name}:\n{tree}"
        );
    }
}
