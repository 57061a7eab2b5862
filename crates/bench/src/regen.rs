//! Regeneration cost: parse + merge (`wegnology_parser::load`) and generate + format
//! (`wegnology_codegen::render`) for `spec/` and for synthetic documents N times its size.

use std::path::Path;
use std::time::{Duration, Instant};

use wegnology_parser::Documents;

use crate::harness::median;

/// Regeneration of one synthetic spec.
#[derive(Debug, Clone, PartialEq)]
pub struct RegenFigure {
    pub copies: usize,
    pub actions: usize,
    /// Median time to read, parse and merge the documents.
    pub load: Duration,
    /// Median time to generate and format the code.
    pub render: Duration,
    pub generated_bytes: usize,
    pub generated_lines: usize,
}

impl RegenFigure {
    pub fn total(&self) -> Duration {
        self.load + self.render
    }
}

/// Writes Me's documents of `spec_dir` repeated `copies` times into a temporary directory and
/// regenerates from there `repetitions` times. The package's documents are left out: this
/// measures how regeneration grows with the actions of one set of documents.
pub fn measure(spec_dir: &Path, copies: usize, repetitions: usize) -> Result<RegenFigure, String> {
    let mut docs = Documents::read(spec_dir).map_err(|e| e.to_string())?;
    docs.package = None;
    let original = wegnology_parser::parse(&docs).map_err(|e| e.to_string())?;
    let synthetic = crate::synthetic::repeat(&docs, &original, copies)?;
    let dir = tempfile::tempdir().map_err(|e| format!("temporary directory: {e}"))?;
    crate::synthetic::write(&synthetic, dir.path()).map_err(|e| e.to_string())?;

    let (mut loads, mut renders) = (Vec::new(), Vec::new());
    let mut last = None;
    for _ in 0..repetitions.max(1) {
        let start = Instant::now();
        let model = wegnology_parser::load(dir.path())
            .map_err(|e| format!("the {copies}× synthetic spec: {e}"))?;
        let loaded = Instant::now();
        let code = wegnology_codegen::render(&model, wegnology_codegen::Options::CLIENT_CRATE);
        let rendered = Instant::now();
        loads.push((loaded - start).as_secs_f64());
        renders.push((rendered - loaded).as_secs_f64());
        last = Some((model.actions.len(), code));
    }
    let (actions, code) = last.expect("at least one repetition");
    if actions != original.actions.len() * copies {
        return Err(format!(
            "the {copies}× synthetic spec gave {actions} actions, expected {}",
            original.actions.len() * copies
        ));
    }
    Ok(RegenFigure {
        copies,
        actions,
        load: Duration::from_secs_f64(median(loads)),
        render: Duration::from_secs_f64(median(renders)),
        generated_bytes: code.len(),
        generated_lines: code.lines().count(),
    })
}
