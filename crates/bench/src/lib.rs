//! The benchmark suite: what a call of the generated client costs next to the same request
//! written by hand with reqwest, how fast the fake answers, how regeneration grows with the size
//! of the documents, and how much memory a long run of calls holds.
//!
//! `cargo xtask bench` builds the `wegnology-bench` binary in release mode, runs it, adds the
//! build-cost figures and writes `docs/benchmarks.md`. The binary prints one
//! [`report::Record`] per figure; everything is a ratio against a baseline measured in the same
//! run, in interleaved rounds (see [`harness`]), because the machine may be shared. The per-call
//! comparisons run both clients on one current-thread runtime pinned to a core, with the canned
//! server pinned to another; [`instructions`] reads the instruction counts of the same calls
//! from callgrind, a figure that the machine's load does not move.
//!
//! Timing lives here and in the binary only: `cargo test` runs a smoke test that the harness
//! works (tiny counts, no timed assertions).
//!
//! Must not depend on: xtask, or the client's internals (only its public API, like a user).

pub mod calls;
pub mod fake;
pub mod harness;
pub mod instructions;
pub mod memory;
pub mod process;
pub mod regen;
pub mod report;
pub mod server;
pub mod stages;
pub mod synthetic;

use std::path::{Path, PathBuf};

use wegnology_model::ApiModel;

/// The workspace root (holding `spec/`), as seen from this crate's sources.
pub fn default_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The part of `root/spec/generated/model.json` (as `cargo xtask regen` wrote it) that the
/// generated client serves: the calls the bench compares.
pub fn load_model(root: &Path) -> Result<ApiModel, String> {
    let path = root.join("spec/generated/model.json");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    ApiModel::from_json(&text)
        .map(|model| model.subset(&["me"]))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The whole of `root/spec/generated/model.json`: every resource, for the calls of resources
/// other than Me.
pub fn load_whole_model(root: &Path) -> Result<ApiModel, String> {
    let path = root.join("spec/generated/model.json");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    ApiModel::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
}
