//! Regeneration of the whole API, stage by stage: what `cargo xtask regen` computes from
//! `spec/published` (every resource of Me's documents and the package's), with each stage timed
//! in this process. The stages are those of `wegnology_parser::parse`, in its order, then the
//! outputs `regen` writes: the model as JSON, the OpenAPI export, the generated client (tokens,
//! then formatted).
//!
//! A stage that runs several times (a parser over each of the package's 85 pages) is timed each
//! time and summed, so a stage is a document flavour, not a call.

use std::path::Path;
use std::time::Instant;

use wegnology_model::ApiModel;
use wegnology_parser::{
    js, merge, package, reference, request_table, rest, schemas, Documents, SpecError,
};

use crate::harness::median;

/// The stages, in the order they first run; a stage that runs again later (the package's
/// reference pages after Me's) adds to its first run.
pub const STAGES: [&str; 12] = [
    READ,
    REFERENCE,
    REST,
    JS,
    SCHEMAS,
    MERGE,
    REQUEST_TABLES,
    COMBINE,
    MODEL_JSON,
    OPENAPI,
    GENERATE,
    FORMAT,
];

pub const READ: &str = "read the files";
pub const REFERENCE: &str = "parse the reference pages (Me's and the package's)";
pub const REST: &str = "parse Me's REST page";
pub const JS: &str = "parse Me's JS client page";
pub const SCHEMAS: &str = "parse the schemas pages (Me's and the package's)";
pub const MERGE: &str = "merge Me's documents, then the package's";
pub const REQUEST_TABLES: &str = "parse the package's request tables (and index.js)";
pub const COMBINE: &str = "combine Me and the package into one model";
pub const MODEL_JSON: &str = "the model as JSON (model.json)";
pub const OPENAPI: &str = "the OpenAPI export (openapi.json)";
/// `model.subset` included: `regen` generates from Me's part of the model.
pub const GENERATE: &str =
    "generate the client's tokens, a module per resource and the shared types (`wegnology_codegen::generate_files`)";
pub const FORMAT: &str = "format them (`syn::parse2` + prettyplease)";

/// What one pass computed, with the time of each stage.
pub struct Pass {
    /// `(stage, wall-clock seconds)`, in [`STAGES`] order.
    pub stages: Vec<(&'static str, f64)>,
    /// From the first stage's start to the last one's end.
    pub total: f64,
    pub model: ApiModel,
    pub model_json: String,
    pub openapi_json: String,
    /// The generated client, as `regen` writes it.
    pub code: String,
}

/// Sums the time of each stage, keeping the order in which stages first run.
/// (The thread's CPU time, `/proc/thread-self/schedstat`, moves in scheduler ticks of a few
/// milliseconds: too coarse for stages this short, so the stages are wall-clock.)
struct Clock {
    stages: Vec<(&'static str, f64)>,
}

impl Clock {
    fn time<T>(&mut self, stage: &'static str, work: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = work();
        let seconds = start.elapsed().as_secs_f64();
        match self.stages.iter_mut().find(|(name, _)| *name == stage) {
            Some((_, total)) => *total += seconds,
            None => self.stages.push((stage, seconds)),
        }
        out
    }
}

/// One regeneration of the documents under `published` (`spec/published`), stage by stage, as
/// `wegnology_parser::load` then `regen`'s outputs do it.
pub fn pass(published: &Path) -> Result<Pass, String> {
    let error = |e: SpecError| e.to_string();
    let start = Instant::now();
    let mut clock = Clock { stages: Vec::new() };
    let docs = clock
        .time(READ, || Documents::read(published))
        .map_err(error)?;

    // `wegnology_parser::parse`, stage by stage, in its order.
    let api_version = docs.api_version.trim().to_string();
    let me_reference = clock
        .time(REFERENCE, || {
            reference::parse(reference::FILE, &docs.reference)
        })
        .map_err(error)?;
    let me_rest = clock
        .time(REST, || rest::parse(&docs.rest))
        .map_err(error)?;
    let me_js = clock.time(JS, || js::parse(&docs.js)).map_err(error)?;
    let me_schemas = clock
        .time(SCHEMAS, || schemas::parse(schemas::FILE, &docs.schemas))
        .map_err(error)?;
    let me = clock
        .time(MERGE, || {
            merge::merge(merge::Parts {
                api_version,
                reference: me_reference,
                rest: me_rest,
                js: me_js,
                schemas: me_schemas,
            })
        })
        .map_err(error)?;
    let model = match &docs.package {
        None => me,
        Some(pkg) => {
            let package_version = package::package_version(&pkg.package_json).map_err(error)?;
            let client = clock
                .time(REQUEST_TABLES, || {
                    request_table::parse_index(&pkg.index.file, &pkg.index.text)
                })
                .map_err(error)?;
            let package_schemas = clock
                .time(SCHEMAS, || {
                    schemas::parse(&pkg.schemas.file, &pkg.schemas.text)
                })
                .map_err(error)?;
            let pages = clock
                .time(REFERENCE, || {
                    pkg.pages
                        .iter()
                        .map(|page| {
                            reference::parse(&page.file, &page.text).map(|r| (page.file.clone(), r))
                        })
                        .collect::<Result<Vec<_>, _>>()
                })
                .map_err(error)?;
            let tables = clock
                .time(REQUEST_TABLES, || {
                    pkg.tables
                        .iter()
                        .map(|table| request_table::parse(&table.file, &table.text))
                        .collect::<Result<Vec<_>, _>>()
                })
                .map_err(error)?;
            let package = clock
                .time(MERGE, || {
                    merge::package::merge(merge::package::Parts {
                        package_version,
                        client,
                        schemas: package_schemas,
                        pages,
                        tables,
                    })
                })
                .map_err(error)?;
            clock.time(COMBINE, || merge::whole::combine(me, package))
        }
    };

    // `regen`'s outputs.
    let model_json = clock.time(MODEL_JSON, || model.to_json());
    let openapi_json = clock
        .time(OPENAPI, || wegnology_openapi::to_json(&model))
        .map_err(|e| format!("the OpenAPI export: {e}"))?;
    let files = clock.time(GENERATE, || {
        wegnology_codegen::generate_files(&model, wegnology_codegen::Options::CLIENT_CRATE)
    });
    let code = clock.time(FORMAT, || {
        let mut code = String::new();
        for file in files {
            let file: syn::File = syn::parse2(file.tokens).expect("the generator emits valid Rust");
            code.push_str(wegnology_codegen::HEADER);
            code.push_str(&prettyplease::unparse(&file));
        }
        code
    });
    let total = start.elapsed().as_secs_f64();
    // In the order of `STAGES`, a stage that did not run (no package) as zero.
    let stages = STAGES
        .into_iter()
        .map(|name| {
            let seconds = clock
                .stages
                .iter()
                .find(|(stage, _)| *stage == name)
                .map_or(0.0, |(_, seconds)| *seconds);
            (name, seconds)
        })
        .collect();
    Ok(Pass {
        stages,
        total,
        model,
        model_json,
        openapi_json,
        code,
    })
}

/// The medians of `repetitions` passes (after one warm-up pass).
#[derive(Debug, Clone, PartialEq)]
pub struct StageFigures {
    /// `(stage, median wall-clock seconds)`, in [`STAGES`] order.
    pub stages: Vec<(&'static str, f64)>,
    /// Median of the passes' totals (wall-clock, first stage's start to last one's end).
    pub total: f64,
    pub repetitions: usize,
    pub resources: usize,
    pub actions: usize,
    pub schemas: usize,
    /// Bytes of model.json, openapi.json and the generated client.
    pub output_bytes: [usize; 3],
}

pub fn measure(published: &Path, repetitions: usize) -> Result<StageFigures, String> {
    let repetitions = repetitions.max(1);
    let warm = pass(published)?;
    let mut totals = Vec::new();
    let mut per_stage: Vec<Vec<f64>> = vec![Vec::new(); warm.stages.len()];
    for _ in 0..repetitions {
        let run = pass(published)?;
        totals.push(run.total);
        for (times, (_, seconds)) in per_stage.iter_mut().zip(&run.stages) {
            times.push(*seconds);
        }
    }
    Ok(StageFigures {
        stages: warm
            .stages
            .iter()
            .zip(per_stage)
            .map(|((name, _), times)| (*name, median(times)))
            .collect(),
        total: median(totals),
        repetitions,
        resources: warm.model.resources.len(),
        actions: warm.model.actions.len(),
        schemas: warm.model.schemas.len(),
        output_bytes: [
            warm.model_json.len(),
            warm.openapi_json.len(),
            warm.code.len(),
        ],
    })
}
