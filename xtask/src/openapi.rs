//! `cargo xtask openapi`: the endpoint model as an OpenAPI 3.1 document, `spec/generated/openapi.json`.
//! `regen` writes the same file among its outputs and `check` covers it.

use std::path::Path;
use std::process::ExitCode;

use wegnology_model::ApiModel;

use crate::Output;

/// Where the document goes, relative to the project root.
pub const PATH: &str = "spec/generated/openapi.json";

/// The document `regen`, `check` and `openapi` compare with or write to [`PATH`].
pub fn output(model: &ApiModel) -> Result<Output, String> {
    let content = wegnology_openapi::to_json(model)
        .map_err(|error| format!("cannot export the model as OpenAPI: {error}"))?;
    Ok(Output {
        path: PATH.to_string(),
        content,
    })
}

/// Writes only the OpenAPI document (when it changed), and says what it holds.
pub fn run(root: &Path, model: &ApiModel, outputs: &[Output]) -> ExitCode {
    let Some(output) = outputs.iter().find(|o| o.path == PATH) else {
        eprintln!("error: {PATH} is not among regen's outputs");
        return ExitCode::FAILURE;
    };
    let path = root.join(PATH);
    let verb = if std::fs::read_to_string(&path).ok().as_deref() == Some(output.content.as_str()) {
        "unchanged"
    } else if let Err(error) = crate::write_atomically(&path, &output.content) {
        eprintln!("error: cannot write {}: {error}", path.display());
        return ExitCode::FAILURE;
    } else {
        "wrote"
    };
    println!(
        "{verb} {PATH}: OpenAPI 3.1, {} operations, {} component schemas",
        model.actions.len(),
        model.schemas.len()
    );
    ExitCode::SUCCESS
}
