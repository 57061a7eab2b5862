//! `cargo xtask diff <old> [<new>]`: what changed in the model between two versions of the
//! documents, each change marked breaking or compatible for the generated Rust API. `regen`
//! prints the same report against the model it replaces.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use wegnology_model::diff::{diff, report};
use wegnology_model::ApiModel;

/// What the report says when two models differ in nothing the diff compares.
const TEXT_ONLY: &str =
    "no API change (the models differ only in wording, examples, document lines or diagnostics' reasons)";

#[derive(clap::Args)]
pub struct DiffArgs {
    /// The older documents: a spec directory, or a `model.json`.
    old: PathBuf,
    /// The newer documents: a spec directory, or a `model.json` [default: the project's spec/].
    new: Option<PathBuf>,
    /// Print the changes as JSON (an array of {impact, kind, resource, action, schema, detail}).
    #[arg(long)]
    json: bool,
}

pub fn run(root: &Path, args: &DiffArgs) -> ExitCode {
    let new_path = args
        .new
        .clone()
        .unwrap_or_else(|| root.join("spec/published"));
    let (old, new) = match (load(&args.old), load(&new_path)) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(error), _) | (_, Err(error)) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let changes = diff(&old, &new);
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&changes).expect("changes serialize to JSON")
        );
    } else if changes.is_empty() && old != new {
        println!("{TEXT_ONLY}");
    } else {
        print!("{}", report(&changes));
    }
    ExitCode::SUCCESS
}

/// The model of a spec directory (parsed from its documents) or of a `model.json` file.
fn load(path: &Path) -> Result<ApiModel, String> {
    if path.is_dir() {
        wegnology_parser::load(path).map_err(|error| match error {
            wegnology_parser::SpecError::Malformed { .. } => {
                format!("{}/{error}", path.display())
            }
            other => other.to_string(),
        })
    } else {
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("{}: cannot read: {error}", path.display()))?;
        ApiModel::from_json(&text).map_err(|error| {
            format!(
                "{}:{}: expected a model.json: {error}",
                path.display(),
                error.line()
            )
        })
    }
}

/// For `regen`: the changes from the model in `previous` (the `spec/generated/model.json` being replaced)
/// to `model` (whose JSON form is `model_json`), or nothing when the model is unchanged.
pub fn regen_report(previous: Option<&str>, model: &ApiModel, model_json: &str) -> Option<String> {
    let previous = previous?;
    if previous == model_json {
        return None;
    }
    Some(match ApiModel::from_json(previous) {
        Ok(old) => match diff(&old, model) {
            changes if changes.is_empty() => {
                format!("changes from the previous spec/generated/model.json: {TEXT_ONLY}\n")
            }
            changes => format!(
                "changes from the previous spec/generated/model.json:\n{}",
                report(&changes)
            ),
        },
        Err(error) => {
            format!("the previous spec/generated/model.json is no model ({error}); nothing to compare with\n")
        }
    })
}
