//! Today's documents (`spec/`): their facts (actions, parameters, line numbers, disagreements,
//! counts) are checked only here, as snapshots of the model and of the diagnostics. When
//! upstream republishes, these are the tests that fail, and `cargo insta review` shows what
//! changed.

use std::path::PathBuf;

use wegnology_model::ApiModel;

fn model() -> ApiModel {
    let spec = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec/published");
    wegnology_parser::load(&spec).expect("spec/ parses")
}

/// One line per diagnostic, as `cargo xtask regen` prints them.
fn diagnostic_lines(model: &ApiModel) -> String {
    model
        .diagnostics
        .iter()
        .map(|d| format!("{}\n", d.line()))
        .collect()
}

#[test]
fn model_snapshot() {
    insta::assert_snapshot!("model", model().to_json());
}

#[test]
fn diagnostics_snapshot() {
    insta::assert_snapshot!("diagnostics", diagnostic_lines(&model()));
}
