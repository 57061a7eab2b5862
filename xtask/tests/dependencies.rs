//! The client crate users depend on builds without the parser and the generator.

use std::process::Command;

#[test]
fn the_client_does_not_depend_on_spec_or_codegen() {
    let out = Command::new(env!("CARGO"))
        .args([
            "tree",
            "--package",
            "wegnology",
            "--edges",
            "normal,build",
            "--prefix",
            "none",
            "--all-features",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(tree.contains("reqwest"), "{tree}");
    for forbidden in [
        "wegnology-parser",
        "wegnology-codegen",
        "wegnology-macros",
        "wegnology-model",
        "pulldown-cmark",
        "prettyplease",
        "openssl",
    ] {
        assert!(
            !tree.contains(forbidden),
            "the client depends on {forbidden}:\n{tree}"
        );
    }
}
