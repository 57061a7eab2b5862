//! Regeneration of the whole API as a maintainer runs it: the release-built `xtask` binary,
//! `xtask --root <scratch> regen` (or `check`), start to exit, in a scratch copy of the project
//! holding what `regen` reads and writes: `spec/` (the published documents and the generated
//! model and OpenAPI document), the generated client, the fixture outputs and the fixtures
//! they come from. The copy is up to date, as after a clean checkout: `regen` parses, computes
//! every output, compares each with the file and writes none.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::harness::median;

/// What `regen` reads or writes, relative to the project root: copied into the scratch root.
pub const COPIED: [&str; 6] = [
    "spec",
    "crates/client/src/generated",
    "crates/client/Cargo.toml",
    "crates/client/tests/conformance/calls.rs",
    "crates/fixture-outputs/src",
    "crates/parser/tests/fixtures",
];

/// A scratch project root holding a copy of [`COPIED`]; removed when dropped.
pub struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    pub fn copy_of(root: &Path) -> Result<Scratch, String> {
        let dir = tempfile::tempdir().map_err(|e| format!("temporary directory: {e}"))?;
        for item in COPIED {
            let (from, to) = (root.join(item), dir.path().join(item));
            copy(&from, &to).map_err(|e| format!("copying {}: {e}", from.display()))?;
        }
        Ok(Scratch { dir })
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }
}

fn copy(from: &Path, to: &Path) -> std::io::Result<()> {
    if from.is_dir() {
        std::fs::create_dir_all(to)?;
        for entry in std::fs::read_dir(from)? {
            let entry = entry?;
            copy(&entry.path(), &to.join(entry.file_name()))?;
        }
        Ok(())
    } else {
        if let Some(dir) = to.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::copy(from, to).map(|_| ())
    }
}

/// The release `xtask` binary beside this one (`target/release/xtask` when this is
/// `target/release/wegnology-bench`), which `cargo xtask bench` builds with it.
pub fn default_xtask() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let path = exe
        .parent()?
        .join(format!("xtask{}", std::env::consts::EXE_SUFFIX));
    path.is_file().then_some(path)
}

/// One run of the whole process.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Run {
    /// Wall-clock seconds, from spawn to exit.
    pub seconds: f64,
    /// User + system CPU seconds of the process (the children's times of `/proc/self/stat`
    /// before and after, to 10 ms); NaN when unknown.
    pub cpu_seconds: f64,
}

/// Runs `xtask --root <root> <task>` once; fails unless it exits successfully and says the
/// outputs are up to date (a stale copy would measure a different job).
pub fn run(xtask: &Path, root: &Path, task: &str) -> Result<Run, String> {
    let cpu_before = children_cpu_seconds();
    let start = Instant::now();
    let output = Command::new(xtask)
        .arg("--root")
        .arg(root)
        .arg(task)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", xtask.display()))?;
    let seconds = start.elapsed().as_secs_f64();
    let cpu_seconds = match (cpu_before, children_cpu_seconds()) {
        (Some(before), Some(after)) => after - before,
        _ => f64::NAN,
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!(
            "`xtask {task}` failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let up_to_date = match task {
        "regen" => stdout.contains("no action needed: outputs up to date"),
        "check" => stdout.starts_with("up to date:"),
        _ => true,
    };
    if !up_to_date {
        return Err(format!(
            "`xtask {task}` in the scratch copy did not find the outputs up to date: {}",
            stdout.lines().last().unwrap_or("")
        ));
    }
    Ok(Run {
        seconds,
        cpu_seconds,
    })
}

/// Medians of `repetitions` runs after one warm-up run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProcessFigure {
    pub repetitions: usize,
    pub seconds: f64,
    pub cpu_seconds: f64,
    pub fastest: f64,
    pub slowest: f64,
}

pub fn measure(
    xtask: &Path,
    root: &Path,
    task: &str,
    repetitions: usize,
) -> Result<ProcessFigure, String> {
    run(xtask, root, task)?;
    let runs = (0..repetitions.max(1))
        .map(|_| run(xtask, root, task))
        .collect::<Result<Vec<_>, _>>()?;
    let walls: Vec<f64> = runs.iter().map(|r| r.seconds).collect();
    Ok(ProcessFigure {
        repetitions: runs.len(),
        seconds: median(walls.clone()),
        cpu_seconds: median(runs.iter().map(|r| r.cpu_seconds).collect()),
        fastest: walls.iter().copied().fold(f64::INFINITY, f64::min),
        slowest: walls.iter().copied().fold(0.0, f64::max),
    })
}

/// User + system CPU seconds of the children waited for so far: `cutime` + `cstime` of
/// `/proc/self/stat`, in clock ticks of 1/100 s (Linux's `USER_HZ`); `None` elsewhere.
fn children_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // After the command name in parentheses: field 3 (state) onwards.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |field: usize| fields.get(field - 3)?.parse::<u64>().ok();
    Some((ticks(16)? + ticks(17)?) as f64 / USER_HZ)
}

/// Clock ticks per second of `/proc`'s times.
const USER_HZ: f64 = 100.0;

/// Instructions the whole `xtask --root <root> <task>` executes, counted by valgrind's callgrind
/// (one run: a count does not depend on the machine's load); `None` without valgrind.
pub fn instructions(xtask: &Path, root: &Path, task: &str) -> Result<Option<u64>, String> {
    let found = Command::new("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        return Ok(None);
    }
    let dir = tempfile::tempdir().map_err(|e| format!("temporary directory: {e}"))?;
    let out = dir.path().join(format!("callgrind.xtask.{task}"));
    let output = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(xtask)
        .arg("--root")
        .arg(root)
        .arg(task)
        .output()
        .map_err(|e| format!("cannot run valgrind: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`xtask {task}` under callgrind failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let text = std::fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    crate::instructions::total(&text)
        .map(Some)
        .ok_or_else(|| format!("{}: no `totals:` line", out.display()))
}
