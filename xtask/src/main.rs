//! Maintainer tasks. `cargo xtask regen` parses `spec/` into the endpoint model and writes the
//! model and the generated client; `cargo xtask check` fails when either is stale.
//!
//! This is the only place that knows paths on disk and command-line flags.

mod bench;
mod diff;
mod fixtures;
mod import;
mod openapi;
mod workspace;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use wegnology_model::{ApiModel, Diagnostic, DiagnosticKind};

#[derive(Parser)]
#[command(about = "Maintainer tasks for the WEGnology client")]
struct Cli {
    /// Project root (holding `spec/` and `crates/`); defaults to the workspace cargo runs xtask in.
    #[arg(long, global = true)]
    root: Option<PathBuf>,
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Parse spec/, then write spec/generated/model.json and the generated client code.
    Regen,
    /// Exit non-zero when anything `regen` would write differs from what is on disk.
    Check,
    /// What changed in the model between two versions of the documents, each change marked
    /// breaking or compatible for the generated Rust API.
    Diff(diff::DiffArgs),
    /// Run the benchmark suite (release build) and write docs/benchmarks.md.
    Bench(bench::BenchArgs),
    /// Write spec/generated/openapi.json only: the endpoint model as an OpenAPI 3.1 document.
    Openapi,
    /// Copy what the pipeline reads of an unpacked `npm pack wegnology-rest@<release>` (its
    /// package.json, docs/*.md and lib/api/*.js) into spec/published/wegnology-rest; then run regen.
    Import {
        /// The unpacked package: the `package/` folder of the archive, or the folder holding it.
        dir: PathBuf,
    },
}

/// A file `regen` owns, with the content it should have.
struct Output {
    path: String,
    content: String,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = match workspace::root(cli.root) {
        Ok(root) => root,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let Task::Diff(args) = &cli.task {
        return diff::run(&root, args);
    }
    if let Task::Bench(args) = &cli.task {
        return bench::run(&root, args);
    }
    if let Task::Import { dir } = &cli.task {
        return import::run(&root, dir);
    }
    let model = match wegnology_parser::load(&root.join("spec/published")) {
        Ok(model) => model,
        Err(error) => {
            eprintln!("error: spec/published/{error}");
            eprintln!("nothing was written");
            return ExitCode::FAILURE;
        }
    };
    let outputs = match outputs(&root, &model).and_then(|mut outputs| {
        outputs.extend(fixtures::outputs(&root)?);
        Ok(outputs)
    }) {
        Ok(outputs) => outputs,
        Err(error) => {
            eprintln!("error: {error}");
            eprintln!("nothing was written");
            return ExitCode::FAILURE;
        }
    };
    match cli.task {
        Task::Regen => regen(&root, &model, &outputs),
        Task::Check => check(&root, &outputs),
        Task::Diff(args) => diff::run(&root, &args),
        Task::Bench(args) => bench::run(&root, &args),
        Task::Openapi => openapi::run(&root, &model, &outputs),
        Task::Import { dir } => import::run(&root, &dir),
    }
}

/// Where `regen` writes the model, relative to the project root.
const MODEL_JSON: &str = "spec/generated/model.json";

/// Where the client crate's generated modules go: `mod.rs`, `types.rs`, one per resource.
const GENERATED_DIR: &str = "crates/client/src/generated";

/// The conformance table the client's `tests/conformance.rs` runs: every action called with its
/// documented examples (`wegnology_codegen::calls`).
const CONFORMANCE_CALLS: &str = "crates/client/tests/conformance/calls.rs";

/// The client crate's manifest, whose `[features]` regen writes between two marker lines.
const CLIENT_MANIFEST: &str = "crates/client/Cargo.toml";
const FEATURES_BEGIN: &str =
    "# @generated features: begin (cargo xtask regen; a feature per resource)\n";
const FEATURES_END: &str = "# @generated features: end\n";

fn outputs(root: &Path, model: &ApiModel) -> Result<Vec<Output>, String> {
    // The client's files on one thread (two, inside), the other outputs on another.
    let (client, others) = std::thread::scope(|scope| {
        let client = scope.spawn(|| {
            wegnology_codegen::render_files(model, wegnology_codegen::Options::CLIENT_CRATE)
        });
        let others = (|| -> Result<Vec<Output>, String> {
            let mut outputs = vec![
                Output {
                    path: MODEL_JSON.to_string(),
                    content: model.to_json(),
                },
                Output {
                    path: CONFORMANCE_CALLS.to_string(),
                    content: wegnology_codegen::format_file(wegnology_codegen::calls(model)),
                },
            ];
            // A scratch root with only `spec/` has no client crate: no manifest to write.
            if root.join(CLIENT_MANIFEST).is_file() {
                outputs.push(manifest_output(root, model)?);
            }
            outputs.push(openapi::output(model)?);
            Ok(outputs)
        })();
        (client.join(), others)
    });
    let mut others = others?;
    // The model first: regen reads its diagnostics' baseline from it.
    let mut outputs = vec![others.remove(0)];
    let client = client.map_err(|_| "generating the client code panicked".to_string())?;
    for (name, content) in client {
        outputs.push(Output {
            path: format!("{GENERATED_DIR}/{name}"),
            content,
        });
    }
    outputs.extend(others);
    Ok(outputs)
}

/// The client crate's manifest with its generated `[features]` section replaced.
fn manifest_output(root: &Path, model: &ApiModel) -> Result<Output, String> {
    let text = std::fs::read_to_string(root.join(CLIENT_MANIFEST))
        .map_err(|error| format!("cannot read {CLIENT_MANIFEST}: {error}"))?;
    let (Some(begin), Some(end)) = (text.find(FEATURES_BEGIN), text.find(FEATURES_END)) else {
        return Err(format!(
            "{CLIENT_MANIFEST}: expected the lines `{}` and `{}` around its features",
            FEATURES_BEGIN.trim_end(),
            FEATURES_END.trim_end()
        ));
    };
    let content = format!(
        "{}{FEATURES_BEGIN}{}{}",
        &text[..begin],
        wegnology_codegen::cargo_features(model),
        &text[end..]
    );
    Ok(Output {
        path: CLIENT_MANIFEST.to_string(),
        content,
    })
}

/// Files in the generated directory that no output is: a resource the documents dropped.
fn stale_generated(root: &Path, outputs: &[Output]) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root.join(GENERATED_DIR)) else {
        return Vec::new();
    };
    let mut stale: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|entry| format!("{GENERATED_DIR}/{}", entry.file_name().to_string_lossy()))
        .filter(|path| !outputs.iter().any(|o| &o.path == path))
        .collect();
    stale.sort();
    stale
}

fn regen(root: &Path, model: &ApiModel, outputs: &[Output]) -> ExitCode {
    let previous = std::fs::read_to_string(root.join(MODEL_JSON)).ok();
    let model_json = match outputs.iter().find(|o| o.path == MODEL_JSON) {
        Some(output) => std::borrow::Cow::Borrowed(output.content.as_str()),
        None => std::borrow::Cow::Owned(model.to_json()),
    };
    let known = known_diagnostics(previous.as_deref(), model, &model_json);
    print_summary(model, &known);
    if let Some(report) = diff::regen_report(previous.as_deref(), model, &model_json) {
        print!("{report}");
    }
    let mut written = Vec::new();
    for path in stale_generated(root, outputs) {
        if let Err(error) = std::fs::remove_file(root.join(&path)) {
            eprintln!("error: cannot remove {path}: {error}");
            return ExitCode::FAILURE;
        }
        println!("removed   {path}");
    }
    // The generated modules are many: those unchanged are counted, not listed.
    let mut unchanged_generated = 0;
    for output in outputs {
        let path = root.join(&output.path);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(output.content.as_str()) {
            if output.path.starts_with(GENERATED_DIR) {
                unchanged_generated += 1;
            } else {
                println!("unchanged {}", output.path);
            }
            continue;
        }
        if let Err(error) = write_atomically(&path, &output.content) {
            eprintln!("error: cannot write {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
        println!("wrote     {}", output.path);
        written.push(output.path.as_str());
    }
    if unchanged_generated > 0 {
        println!("unchanged {unchanged_generated} files of {GENERATED_DIR}/");
    }
    println!("{}", action_line(model, &known, &written));
    ExitCode::SUCCESS
}

/// The diagnostics of the model `regen` is about to replace: those are known, and handled as
/// each says (the model keeps a value and gives the reason). No previous model: none is known.
/// A previous model that is `model_json` (`model`'s JSON form: nothing changed) is `model`, so
/// it is not parsed again.
fn known_diagnostics(
    previous: Option<&str>,
    model: &ApiModel,
    model_json: &str,
) -> std::collections::BTreeSet<String> {
    let keys = |m: &ApiModel| m.diagnostics.iter().map(Diagnostic::key).collect();
    match previous {
        Some(text) if text == model_json => keys(model),
        Some(text) => ApiModel::from_json(text)
            .map(|old| keys(&old))
            .unwrap_or_default(),
        None => Default::default(),
    }
}

/// regen's last line, for someone who does not know the documents: is anything to be done?
/// Action is needed when a diagnostic is new (not in the model being replaced: someone should
/// check the value it keeps) or when a file was written (review the diff and commit it).
fn action_line(
    model: &ApiModel,
    known: &std::collections::BTreeSet<String>,
    written: &[&str],
) -> String {
    let new = model
        .diagnostics
        .iter()
        .filter(|d| !known.contains(&d.key()))
        .count();
    let total = model.diagnostics.len();
    // Past a handful of files (a first regen writes every module), a count: `wrote` lines above.
    let files = if written.len() > 6 {
        format!("the {} files written above", written.len())
    } else {
        written.join(", ")
    };
    match (new, written.is_empty()) {
        (0, true) => format!(
            "no action needed: outputs up to date; all {total} diagnostics are known \
             (already in spec/generated/model.json) and handled as each line says"
        ),
        (0, false) => format!(
            "action needed: review and commit {files} (`git diff`); no new diagnostics, \
             all {total} were already in spec/generated/model.json"
        ),
        (new, _) => format!(
            "action needed: {new} of {total} diagnostics are new (marked `new` above): check \
             the value each keeps, then review and commit {} (`git diff`)",
            if written.is_empty() {
                "the outputs".to_owned()
            } else {
                files
            }
        ),
    }
}

fn check(root: &Path, outputs: &[Output]) -> ExitCode {
    let mut stale: Vec<&str> = outputs
        .iter()
        .filter(|o| {
            std::fs::read_to_string(root.join(&o.path)).ok().as_deref() != Some(o.content.as_str())
        })
        .map(|o| o.path.as_str())
        .collect();
    let extra = stale_generated(root, outputs);
    stale.extend(extra.iter().map(String::as_str));
    if stale.is_empty() {
        println!(
            "up to date: {}",
            outputs
                .iter()
                .map(|o| o.path.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        ExitCode::SUCCESS
    } else {
        for path in stale {
            eprintln!("stale: {path} differs from what spec/ generates; run `cargo xtask regen`");
        }
        ExitCode::FAILURE
    }
}

/// Writes through a temporary file and a rename, so an interrupted run leaves no half file.
fn write_atomically(path: &Path, content: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let temp = path.with_extension("tmp-regen");
    std::fs::write(&temp, content)?;
    std::fs::rename(&temp, path)
}

fn print_summary(model: &ApiModel, known: &std::collections::BTreeSet<String>) {
    let count = |kind| model.diagnostics.iter().filter(|d| d.kind == kind).count();
    for resource in &model.resources {
        let of = |r: Option<&String>| r.is_some_and(|r| r == &resource.camel_name);
        println!(
            "  {:<32} API {}: {:>2} actions, {:>3} diagnostics",
            resource.camel_name,
            resource.api_version,
            model
                .actions
                .iter()
                .filter(|a| of(Some(&a.resource)))
                .count(),
            model
                .diagnostics
                .iter()
                .filter(|d| of(d.resource.as_ref()))
                .count(),
        );
    }
    println!(
        "{} resources, {} actions, {} schemas, {} diagnostics ({} disagreements, {} gaps, {} inferences, {} repairs); files under spec/published/",
        model.resources.len(),
        model.actions.len(),
        model.schemas.len(),
        model.diagnostics.len(),
        count(DiagnosticKind::Disagreement),
        count(DiagnosticKind::Gap),
        count(DiagnosticKind::Inference),
        count(DiagnosticKind::Repair),
    );
    for d in &model.diagnostics {
        let mark = if known.contains(&d.key()) {
            "   "
        } else {
            "new"
        };
        println!("  {mark} {}", d.line());
    }
}
