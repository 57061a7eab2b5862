//! `cargo xtask bench`: runs the benchmark suite and writes `docs/benchmarks.md`.
//!
//! The runtime figures (per call against two hand-written baselines, the fake, regeneration,
//! memory, the whole API's regeneration) come from the `wegnology-bench` binary, built in release
//! mode with the release `xtask` it times, and run here; it prints one `RECORD` line per figure.
//! The cost section is measured here: clean builds of the client crate alone (dependencies
//! built) with all its features, with only `me` and with `devices` and `device`, in interleaved
//! runs; a rebuild after one doc line of a resource page changed and regen; the `-Z time-passes`
//! profile of the full build; the generated lines per action and per schema, today and in the
//! last Me-only `generated.rs`. The builds run in a copy of the workspace with a target
//! directory of its own, so they are real clean builds and the edit they make to `spec/` never
//! touches this tree.
//!
//! `--only <task>` runs one of the bench binary's tasks (or `cost`) and rewrites only its
//! sections of the existing report, keeping the others as they were measured (and saying so in
//! the header).

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

/// The line prefix of the bench binary's figures (`wegnology_bench::report::Record`).
const RECORD: &str = "RECORD\t";

#[derive(clap::Args)]
pub struct BenchArgs {
    /// Fewer rounds and calls, and fewer builds for the cost section: rough figures fast.
    #[arg(long)]
    quick: bool,
    /// Skip the cost section: the clean and incremental builds (the slow part: several
    /// minutes).
    #[arg(long)]
    skip_build_cost: bool,
    /// Where the report goes, relative to the project root.
    #[arg(long, default_value = "docs/benchmarks.md")]
    out: PathBuf,
    /// Run only this task of the bench binary (`calls`, `instructions`, `fake`, `regen`,
    /// `memory`, `whole-regen`), or `cost` (the client crate's builds and generated lines,
    /// measured here), and replace only its sections of the report.
    #[arg(long, value_name = "TASK")]
    only: Option<String>,
}

/// The bench binary's tasks that `--only` accepts (`wegnology-bench --help`).
const TASKS: [&str; 6] = [
    "calls",
    "instructions",
    "fake",
    "regen",
    "memory",
    "whole-regen",
];

/// One row of the report.
struct Figure {
    section: String,
    figure: String,
    value: String,
    ratio: String,
    note: String,
}

impl Figure {
    fn parse(line: &str) -> Option<Figure> {
        let fields: Vec<&str> = line.strip_prefix(RECORD)?.split('\t').collect();
        let [section, figure, value, ratio, note] = fields[..] else {
            return None;
        };
        Some(Figure {
            section: section.into(),
            figure: figure.into(),
            value: value.into(),
            ratio: ratio.into(),
            note: note.into(),
        })
    }
}

pub fn run(root: &Path, args: &BenchArgs) -> ExitCode {
    match measure_and_write(root, args) {
        Ok(path) => {
            println!("wrote {}", path.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn measure_and_write(root: &Path, args: &BenchArgs) -> Result<PathBuf, String> {
    if let Some(task) = &args.only {
        if !TASKS.contains(&task.as_str()) && task != COST_TASK {
            return Err(format!(
                "--only takes one of {}, {COST_TASK}, not `{task}`",
                TASKS.join(", ")
            ));
        }
    }
    let load_before = load_average();
    let jiffies_before = cpu_jiffies();
    let mut figures = Vec::new();
    match args.only.as_deref() {
        Some(COST_TASK) => figures.extend(build_cost(root, args.quick)?),
        only => {
            figures.extend(runtime_figures(root, args.quick, only.unwrap_or("all"))?);
            if !args.skip_build_cost && only.is_none() {
                figures.extend(build_cost(root, args.quick)?);
            }
        }
    }
    let load_after = load_average();
    let steal = match (jiffies_before, cpu_jiffies()) {
        (Some(before), Some(after)) => steal_share(before, after),
        _ => None,
    };
    let conditions = Conditions {
        load_before,
        load_after,
        steal,
    };
    let path = root.join(&args.out);
    let report = match (&args.only, std::fs::read_to_string(&path)) {
        (Some(task), Ok(previous)) => merge(&previous, &figures, task, args, &conditions, root),
        _ => render(&figures, args, &conditions, root),
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&path, report).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Builds `wegnology-bench` and `xtask` in release mode (one build: the bench runs the release
/// `xtask regen` as a whole process), then runs `wegnology-bench <task>`; its progress shows on
/// stderr.
fn runtime_figures(root: &Path, quick: bool, task: &str) -> Result<Vec<Figure>, String> {
    eprintln!("building wegnology-bench and xtask (release)…");
    let build = cargo()
        .current_dir(root)
        .args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "wegnology-bench",
            "-p",
            "xtask",
        ])
        .args(["--message-format", "json-render-diagnostics"])
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !build.status.success() {
        return Err(format!("the release build failed ({})", build.status));
    }
    let executables = executables(&String::from_utf8_lossy(&build.stdout));
    let find = |name: &str| {
        executables
            .iter()
            .find(|(target, _)| target == name)
            .map(|(_, path)| path.clone())
            .ok_or_else(|| format!("cargo built no `{name}` binary"))
    };
    let (bench, xtask) = (find("wegnology-bench")?, find("xtask")?);
    eprintln!("running wegnology-bench {task}…");
    let mut command = Command::new(bench);
    command
        .current_dir(root)
        .arg("--root")
        .arg(root)
        .arg("--xtask")
        .arg(xtask);
    if quick {
        command.arg("--quick");
    }
    command.arg(task);
    let output = command
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!("wegnology-bench failed ({})", output.status));
    }
    let figures: Vec<Figure> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(Figure::parse)
        .collect();
    if figures.is_empty() {
        return Err("wegnology-bench printed no figures".into());
    }
    Ok(figures)
}

/// The binaries of `cargo build --message-format json` output: (target name, executable).
fn executables(messages: &str) -> Vec<(String, PathBuf)> {
    messages
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["reason"] == "compiler-artifact")
        .filter_map(|message| {
            let name = message["target"]["name"].as_str()?.to_string();
            let path = message["executable"].as_str()?;
            Some((name, PathBuf::from(path)))
        })
        .collect()
}

/// The section this module measures itself, not the bench binary (`--only cost`).
const COST_TASK: &str = "cost";

const BUILD: &str = "Cost of the client crate (`wegnology`): its build, a rebuild after a doc edit, its generated lines";

/// The clean debug build of the Me-only crate alone (dependencies built): the figure measured
/// on this machine kind before the crate was generated for the whole API. Used only where the
/// copy has no git history to build [`OLD_COMMIT`] from in the same run.
const OLD_ME_ONLY_SECONDS: f64 = 2.45;
/// Goals: the whole-API crate ≤ 8× the Me-only build; the Me-only build ≤ 1.2× the old crate's.
const FULL_GOAL: f64 = 8.0;
const ME_ONLY_GOAL: f64 = 1.2;

/// The last commit with the Me-only `crates/client/src/generated.rs`, and what it held: 1,643
/// lines for 20 actions and 21 schemas (`git show 160fb4c:crates/client/src/generated.rs | wc
/// -l`; the counts are `spec/generated/model.json`'s Me part at that commit). Read again from
/// git when the history is there.
const OLD_COMMIT: &str = "160fb4c";
const OLD_LINES: usize = 1_643;
const OLD_ACTIONS: usize = 20;
const OLD_SCHEMAS: usize = 21;

/// The feature sets timed: name, `cargo build` arguments.
const CONFIGS: [(&str, &[&str]); 3] = [
    ("`full` (the default)", &[]),
    (
        "only `me` (`--no-default-features --features me`)",
        &["--no-default-features", "--features", "me"],
    ),
    (
        "`devices` and `device` (`--no-default-features --features devices,device`)",
        &["--no-default-features", "--features", "devices,device"],
    ),
];

/// The resource page whose first description line the incremental rebuild edits.
const EDITED_PAGE: &str = "spec/published/wegnology-rest/docs/device.md";

fn figure(name: impl Into<String>, value: impl Into<String>) -> Figure {
    Figure {
        section: BUILD.into(),
        figure: name.into(),
        value: value.into(),
        ratio: String::new(),
        note: String::new(),
    }
}

impl Figure {
    fn ratio(mut self, ratio: impl Into<String>) -> Figure {
        self.ratio = ratio.into();
        self
    }

    fn note(mut self, note: impl Into<String>) -> Figure {
        self.note = note.into();
        self
    }
}

/// `met` or `not met`.
fn met(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "not met"
    }
}

/// The median (the mean of the middle two for an even count); NaN for no values.
fn median(mut values: Vec<f64>) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 0 {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    }
}

/// `lowest–highest` of `values`, one decimal.
fn range(values: &[f64]) -> String {
    let low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!("{low:.1}–{high:.1}")
}

/// The cost section, measured in a copy of the workspace with a target directory of its own.
fn build_cost(root: &Path, quick: bool) -> Result<Vec<Figure>, String> {
    let scratch = std::env::temp_dir().join(format!("wegnology-build-cost-{}", std::process::id()));
    let result = build_cost_in(root, &scratch, quick);
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

fn build_cost_in(root: &Path, scratch: &Path, quick: bool) -> Result<Vec<Figure>, String> {
    let workspace = scratch.join("workspace");
    let target = scratch.join("target");
    copy_tree(root, &workspace).map_err(|e| format!("copying the workspace: {e}"))?;
    let mut figures = generated_lines(root, &workspace)?;

    eprintln!("cost: building the client and its dependencies (debug)…");
    let first = timed_build(&workspace, &target, &[])?;
    for (_, args) in &CONFIGS[1..] {
        timed_build(&workspace, &target, args)?;
    }
    // The old Me-only crate, built in the same rounds (its own lock file, so its own target
    // directory), where git can give its tree.
    let old = scratch.join("old");
    let old_target = scratch.join("target-old");
    let old = match old_tree(root, &old) {
        Ok(()) => {
            eprintln!("cost: building the old Me-only crate ({OLD_COMMIT}) and its dependencies…");
            timed_build(&old, &old_target, &[])?;
            Some(old)
        }
        Err(why) => {
            eprintln!("cost: no old crate to build ({why}): its recorded time is used");
            None
        }
    };
    let mut old_times = Vec::new();
    let rounds = if quick { 2 } else { 5 };
    // Per configuration, one time per round; the configurations take turns in an order that
    // alternates from one round to the next (A B C, C B A, …), so load lands on all of them.
    let mut times = vec![Vec::new(); CONFIGS.len()];
    for round in 0..rounds {
        let mut order: Vec<usize> = (0..CONFIGS.len()).collect();
        if round % 2 == 1 {
            order.reverse();
        }
        for i in order {
            eprintln!("cost: round {}/{rounds}, {}…", round + 1, CONFIGS[i].0);
            clean_client(&workspace, &target)?;
            times[i].push(timed_build(&workspace, &target, CONFIGS[i].1)?);
            // Beside the Me-only build, in the same round.
            if let (1, Some(old)) = (i, &old) {
                eprintln!("cost: round {}/{rounds}, the old Me-only crate…", round + 1);
                clean_client(old, &old_target)?;
                old_times.push(timed_build(old, &old_target, &[])?);
            }
        }
    }
    let per_round = |a: usize, b: usize| -> Vec<f64> {
        times[a].iter().zip(&times[b]).map(|(x, y)| x / y).collect()
    };
    let full = median(times[0].clone());
    let me = median(times[1].clone());
    let full_vs_me = median(per_round(0, 1));
    let how = format!(
        "`cargo clean -p wegnology`, then `cargo build -p wegnology` (debug), dependencies built; median of {rounds} runs, the three feature sets interleaved (A B C, C B A, …); wall time of the cargo command; 2 cores shared with other builds, so times move by ±10% or more from run to run"
    );
    figures.push(
        figure(
            format!("clean debug build of the crate alone, {}", CONFIGS[0].0),
            format!("{full:.1} s (runs {} s)", range(&times[0])),
        )
        .ratio(format!(
            "{full_vs_me:.2}× only `me` — goal ≤ {FULL_GOAL:.0}×: {}",
            met(full_vs_me <= FULL_GOAL)
        ))
        .note(format!(
            "{how}; the ratio is the median of the per-round ratios"
        )),
    );
    let old_crate = format!(
        "the old Me-only crate (commit {OLD_COMMIT}: one `generated.rs` of {} lines, {OLD_ACTIONS} actions and {OLD_SCHEMAS} schemas)",
        thousands(OLD_LINES)
    );
    let (me_vs_old, old_figure, old_note) = if old_times.is_empty() {
        (
            me / OLD_ME_ONLY_SECONDS,
            format!("{OLD_ME_ONLY_SECONDS} s"),
            format!("{OLD_ME_ONLY_SECONDS} s is the recorded figure of {old_crate}, the same command, measured on this machine kind before the change (this copy has no git history to build it from)"),
        )
    } else {
        let ratios: Vec<f64> = times[1]
            .iter()
            .zip(&old_times)
            .map(|(x, y)| x / y)
            .collect();
        (
            median(ratios),
            format!("{:.1} s (runs {} s)", median(old_times.clone()), range(&old_times)),
            format!("the ratio is the median of the per-round ratios against {old_crate}, built right after the Me-only build in each round (`git archive {OLD_COMMIT}`, the same command, a target directory of its own with its dependencies built)"),
        )
    };
    figures.push(
        figure(
            format!("clean debug build of the crate alone, {}", CONFIGS[1].0),
            format!("{me:.1} s (runs {} s)", range(&times[1])),
        )
        .ratio(format!(
            "{me_vs_old:.2}× the old Me-only crate's {old_figure} — goal ≤ {ME_ONLY_GOAL}×: {}",
            met(me_vs_old <= ME_ONLY_GOAL)
        ))
        .note(format!("{how}; {old_note}")),
    );
    let devices = median(times[2].clone());
    figures.push(
        figure(
            format!("clean debug build of the crate alone, {}", CONFIGS[2].0),
            format!("{devices:.1} s (runs {} s)", range(&times[2])),
        )
        .ratio(format!(
            "{:.2}× only `me`; {:.2}× `full`",
            median(per_round(2, 1)),
            median(per_round(2, 0))
        ))
        .note(how.clone()),
    );
    figures.push(
        figure(
            "clean debug build, every dependency compiled too, `full`",
            format!("{first:.1} s"),
        )
        .note("the first build in the copy's own target directory; one run"),
    );

    // The base of the incremental rebuilds: the `full` build, up to date.
    timed_build(&workspace, &target, &[])?;
    figures.extend(incremental(
        &workspace,
        &target,
        full,
        if quick { 1 } else { 3 },
    )?);
    figures.extend(time_passes(&workspace, &target));
    Ok(figures)
}

/// Lines of the generated code per action and per schema: today's resource files and
/// `types.rs`, and the last Me-only `generated.rs`.
fn generated_lines(root: &Path, workspace: &Path) -> Result<Vec<Figure>, String> {
    let model_path = workspace.join("spec/generated/model.json");
    let model = std::fs::read_to_string(&model_path)
        .map_err(|e| format!("{}: {e}", model_path.display()))?;
    let model = wegnology_model::ApiModel::from_json(&model)
        .map_err(|e| format!("{}: {e}", model_path.display()))?;
    let (actions, schemas) = (model.actions.len(), model.schemas.len());
    let dir = workspace.join("crates/client/src/generated");
    let mut resources = Lines::default();
    let mut types = Lines::default();
    let mut facts = Lines::default();
    let mut files = 0;
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_none_or(|ext| ext != "rs") {
            continue;
        }
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        match path.file_name().and_then(|n| n.to_str()) {
            Some("types.rs") => types.add(&text),
            Some("mod.rs") => facts.add(&text),
            _ => {
                resources.add(&text);
                files += 1;
            }
        }
    }
    let (old, source) = match git_show(root, &format!("{OLD_COMMIT}:crates/client/src/generated.rs")) {
        Some(text) => (OldFile::split(&text), format!("`git show {OLD_COMMIT}:crates/client/src/generated.rs`")),
        None => (OldFile::recorded(), format!("the figure recorded from `git show {OLD_COMMIT}:crates/client/src/generated.rs` (no git history here)")),
    };
    let (old_actions, old_schemas) =
        git_show(root, &format!("{OLD_COMMIT}:spec/generated/model.json"))
            .and_then(|text| wegnology_model::ApiModel::from_json(&text).ok())
            .map(|m| m.subset(&["me"]))
            .map_or((OLD_ACTIONS, OLD_SCHEMAS), |m| {
                (m.actions.len(), m.schemas.len())
            });
    let today_total = resources.lines + types.lines + facts.lines;
    let per = |lines: usize, n: usize| lines as f64 / n as f64;
    Ok(vec![
        figure(
            "generated lines per action: the resource files ÷ actions",
            format!(
                "today {:.1} ({} lines in {files} resource files ÷ {actions} actions); before {:.1} ({} lines ÷ {old_actions})",
                per(resources.lines, actions),
                thousands(resources.lines),
                per(old.actions.lines, old_actions),
                thousands(old.actions.lines),
            ),
        )
        .ratio(format!("{:.2}× before", per(resources.lines, actions) / per(old.actions.lines, old_actions)))
        .note(format!(
            "doc comments {:.0}% of today's lines, {:.0}% before; before = the Me-only `generated.rs` from `pub struct MeApi` on (the handle, its builders); source: {source}",
            resources.doc_share(),
            old.actions.doc_share()
        )),
        figure(
            "generated lines per schema: `types.rs` ÷ schemas",
            format!(
                "today {:.1} ({} lines ÷ {schemas} schemas); before {:.1} ({} lines ÷ {old_schemas})",
                per(types.lines, schemas),
                thousands(types.lines),
                per(old.types.lines, old_schemas),
                thousands(old.types.lines),
            ),
        )
        .ratio(format!("{:.2}× before", per(types.lines, schemas) / per(old.types.lines, old_schemas)))
        .note(format!(
            "doc comments {:.0}% of today's lines, {:.0}% before; before = the Me-only `generated.rs` up to its `API` facts (the types and the enums of parameters); source: {source}",
            types.doc_share(),
            old.types.doc_share()
        )),
        figure(
            "generated lines in all, per action + schema",
            format!(
                "today {:.1} ({} lines ÷ {} actions + schemas); before {:.1} ({} lines ÷ {})",
                per(today_total, actions + schemas),
                thousands(today_total),
                actions + schemas,
                per(old.total, old_actions + old_schemas),
                thousands(old.total),
                old_actions + old_schemas
            ),
        )
        .ratio(format!(
            "{:.2}× before",
            per(today_total, actions + schemas) / per(old.total, old_actions + old_schemas)
        ))
        .note(format!(
            "today: `crates/client/src/generated/` ({} resource files, `types.rs`, and `mod.rs`: {} lines, the `API` facts and the modules); before: the whole `generated.rs` ({} lines of `API` facts between the two parts); source: {source}",
            files,
            thousands(facts.lines),
            old.total - old.types.lines - old.actions.lines
        )),
    ])
}

/// Lines of some code, and how many of them are doc comments.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Lines {
    lines: usize,
    docs: usize,
}

impl Lines {
    fn of(text: &str) -> Lines {
        let mut lines = Lines::default();
        lines.add(text);
        lines
    }

    fn add(&mut self, text: &str) {
        for line in text.lines() {
            self.lines += 1;
            let line = line.trim_start();
            if line.starts_with("///") || line.starts_with("//!") {
                self.docs += 1;
            }
        }
    }

    fn doc_share(self) -> f64 {
        self.docs as f64 * 100.0 / self.lines.max(1) as f64
    }
}

/// The Me-only `generated.rs`, in its two parts: the types (up to the `API` facts) and the
/// actions (the handle `MeApi` and its builders, to the end).
#[derive(Debug, PartialEq, Eq)]
struct OldFile {
    total: usize,
    types: Lines,
    actions: Lines,
}

impl OldFile {
    fn split(text: &str) -> OldFile {
        let lines: Vec<&str> = text.lines().collect();
        let facts = lines
            .iter()
            .position(|l| l.starts_with("pub static API"))
            .unwrap_or(lines.len());
        let handle = lines
            .iter()
            .position(|l| l.starts_with("pub struct MeApi"))
            .unwrap_or(lines.len());
        OldFile {
            total: lines.len(),
            types: Lines::of(&lines[..facts].join("\n")),
            actions: Lines::of(&lines[handle..].join("\n")),
        }
    }

    /// The figures of the file at [`OLD_COMMIT`], for a copy without that history.
    fn recorded() -> OldFile {
        OldFile {
            total: OLD_LINES,
            types: Lines {
                lines: 790,
                docs: 265,
            },
            actions: Lines {
                lines: 828,
                docs: 574,
            },
        }
    }
}

/// The tree of [`OLD_COMMIT`] written to `dir` (`git archive`, unpacked by `tar`).
fn old_tree(root: &Path, dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let archive = Command::new("git")
        .current_dir(root)
        .args(["archive", "--format=tar", OLD_COMMIT])
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !archive.status.success() {
        return Err(format!(
            "`git archive {OLD_COMMIT}` failed: {}",
            String::from_utf8_lossy(&archive.stderr).trim()
        ));
    }
    let mut tar = Command::new("tar")
        .current_dir(dir)
        .args(["-x", "-f", "-"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run tar: {e}"))?;
    if let Some(stdin) = tar.stdin.as_mut() {
        use std::io::Write as _;
        stdin
            .write_all(&archive.stdout)
            .map_err(|e| format!("writing to tar: {e}"))?;
    }
    drop(tar.stdin.take());
    let status = tar.wait().map_err(|e| format!("tar: {e}"))?;
    if !status.success() {
        return Err(format!("tar could not unpack `git archive {OLD_COMMIT}`"));
    }
    Ok(())
}

/// `git show <object>` in `root`, when git and the object are there.
fn git_show(root: &Path, object: &str) -> Option<String> {
    Command::new("git")
        .current_dir(root)
        .args(["show", object])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
}

/// `12345` → `12,345`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Edits one doc line of [`EDITED_PAGE`], regenerates with this xtask, rebuilds: `runs` times.
fn incremental(
    workspace: &Path,
    target: &Path,
    clean_full: f64,
    runs: usize,
) -> Result<Vec<Figure>, String> {
    let mut builds = Vec::new();
    let mut regens = Vec::new();
    let mut changed: Vec<Vec<String>> = Vec::new();
    for edit in 1..=runs {
        eprintln!("cost: incremental rebuild {edit}/{runs}…");
        edit_one_doc_line(workspace, EDITED_PAGE, edit)?;
        let before = snapshot(workspace).map_err(|e| format!("reading the copy: {e}"))?;
        let start = Instant::now();
        regen(workspace)?;
        regens.push(start.elapsed().as_secs_f64());
        let after = snapshot(workspace).map_err(|e| format!("reading the copy: {e}"))?;
        let files = changed_files(&before, &after);
        if !files.iter().any(|f| f.starts_with("crates/client/")) {
            return Err("the doc-line edit did not change the generated code".into());
        }
        changed.push(files);
        builds.push(timed_build(workspace, target, &[])?);
    }
    let build = median(builds.clone());
    let regen_time = median(regens.clone());
    let files = &changed[0];
    let same = changed.iter().all(|c| c == files);
    let client: Vec<&String> = files
        .iter()
        .filter(|f| f.starts_with("crates/client/src/generated/"))
        .collect();
    let others: Vec<&String> = files
        .iter()
        .filter(|f| !f.starts_with("crates/client/src/generated/"))
        .collect();
    let only_its_file = client.len() == 1 && client[0].ends_with("/device.rs");
    let list = |files: &[&String]| {
        if files.is_empty() {
            "none".to_string()
        } else {
            files
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let profile = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    Ok(vec![
        figure(
            format!("incremental debug build, `full`: one doc line of `{EDITED_PAGE}` changed, regen, rebuild"),
            format!(
                "{build:.1} s build (runs {} s), + {regen_time:.1} s regen",
                range(&builds)
            ),
        )
        .ratio(format!("{:.2}× the clean build of the crate alone", build / clean_full))
        .note(format!(
            "median of {runs} edit(s), each a new sentence at the end of the first action's description (`Delete`); regen: this xtask ({profile} build) run as `xtask --root <copy> regen`; `cargo build -p wegnology` (debug, incremental) after it; 2 cores shared with other builds"
        )),
        figure(
            "generated files the edit changed",
            list(&client),
        )
        .ratio(if only_its_file {
            "that resource's file only".to_string()
        } else {
            "more than that resource's file".to_string()
        })
        .note(format!(
            "the files of the copy that regen rewrote, compared byte for byte{}; outside the client crate: {}",
            if same { ", the same for every edit" } else { " (the edits did not all change the same files)" },
            list(&others)
        )),
    ])
}

/// Every file under `dir`, by path relative to it.
fn snapshot(dir: &Path) -> std::io::Result<std::collections::BTreeMap<String, Vec<u8>>> {
    fn walk(
        base: &Path,
        dir: &Path,
        out: &mut std::collections::BTreeMap<String, Vec<u8>>,
    ) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                walk(base, &path, out)?;
            } else {
                let name = path.strip_prefix(base).unwrap_or(&path);
                out.insert(name.to_string_lossy().into_owned(), std::fs::read(&path)?);
            }
        }
        Ok(())
    }
    let mut out = std::collections::BTreeMap::new();
    walk(dir, dir, &mut out)?;
    Ok(out)
}

/// The paths whose content differs between two snapshots (added and removed ones too).
fn changed_files(
    before: &std::collections::BTreeMap<String, Vec<u8>>,
    after: &std::collections::BTreeMap<String, Vec<u8>>,
) -> Vec<String> {
    let mut paths: Vec<String> = after
        .iter()
        .filter(|(path, content)| before.get(*path) != Some(content))
        .map(|(path, _)| path.clone())
        .collect();
    paths.extend(before.keys().filter(|p| !after.contains_key(*p)).cloned());
    paths.sort();
    paths
}

/// The passes of rustc that the figure is made of: (`-Z time-passes` name, what the report
/// calls it).
const PASSES: [(&str, &str); 6] = [
    (
        "expand_crate",
        "macro expansion (the serde derives included)",
    ),
    ("type_check_crate", "type check"),
    ("MIR_borrow_checking", "MIR borrow check"),
    (
        "codegen_crate",
        "codegen to LLVM IR (monomorphization included)",
    ),
    ("LLVM_passes", "LLVM passes"),
    ("link", "link"),
];

/// The `-Z time-passes` profile of the `full` clean build (`RUSTC_BOOTSTRAP=1`), when rustc
/// takes it: the crate's own total and its largest passes.
fn time_passes(workspace: &Path, target: &Path) -> Vec<Figure> {
    eprintln!("cost: the -Z time-passes profile of the full build…");
    let not_measured = |why: String| {
        vec![figure(
            "profile of the `full` build (`-Z time-passes`)",
            format!("not measured: {why}"),
        )]
    };
    if let Err(error) = clean_client(workspace, target) {
        return not_measured(error);
    }
    let output = cargo()
        .current_dir(workspace)
        .env("CARGO_TARGET_DIR", target)
        .env("RUSTC_BOOTSTRAP", "1")
        .args([
            "rustc",
            "-p",
            "wegnology",
            "--lib",
            "--",
            "-Z",
            "time-passes",
        ])
        .output();
    let output = match output {
        Ok(output) if output.status.success() => output,
        Ok(output) => {
            return not_measured(format!(
                "`cargo rustc … -Z time-passes` failed: {}",
                String::from_utf8_lossy(&output.stderr)
                    .lines()
                    .last()
                    .unwrap_or_default()
            ))
        }
        Err(error) => return not_measured(format!("cannot run cargo: {error}")),
    };
    let passes = parse_time_passes(&String::from_utf8_lossy(&output.stderr));
    let Some(total) = passes.get("total").copied() else {
        return not_measured("rustc printed no `total` pass".into());
    };
    let mut figures = vec![figure(
        "profile of the `full` build (`-Z time-passes`): total",
        format!("{total:.1} s"),
    )
    .ratio("1.00× of the total")
    .note("`RUSTC_BOOTSTRAP=1 cargo rustc -p wegnology --lib -- -Z time-passes` after `cargo clean -p wegnology`, one run: rustc's own times for the crate; the passes below overlap (LLVM runs beside codegen on other threads), so they do not add up to the total")];
    for (pass, name) in PASSES {
        if let Some(seconds) = passes.get(pass) {
            figures.push(
                figure(
                    format!("profile: {name} (`{pass}`)"),
                    format!("{seconds:.1} s"),
                )
                .ratio(format!("{:.2}× of the total", seconds / total)),
            );
        }
    }
    figures
}

/// `-Z time-passes` lines (`time:   1.234; rss: … <TAB>name`): the first time of each name.
fn parse_time_passes(stderr: &str) -> std::collections::HashMap<String, f64> {
    let mut passes = std::collections::HashMap::new();
    for line in stderr.lines() {
        let Some(rest) = line.strip_prefix("time:") else {
            continue;
        };
        let Some((seconds, _)) = rest.split_once(';') else {
            continue;
        };
        let (Ok(seconds), Some(name)) = (
            seconds.trim().parse::<f64>(),
            rest.split_whitespace().last(),
        ) else {
            continue;
        };
        passes.entry(name.to_string()).or_insert(seconds);
    }
    passes
}

/// `cargo clean -p wegnology` in `workspace`: its artifacts only, dependencies kept.
fn clean_client(workspace: &Path, target: &Path) -> Result<(), String> {
    let output = cargo()
        .current_dir(workspace)
        .env("CARGO_TARGET_DIR", target)
        .args(["clean", "--quiet", "-p", "wegnology"])
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo clean -p wegnology` failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(())
}

/// `cargo build -p wegnology <args>` (debug) in `workspace`, seconds.
fn timed_build(workspace: &Path, target: &Path, args: &[&str]) -> Result<f64, String> {
    let start = Instant::now();
    let output = cargo()
        .current_dir(workspace)
        .env("CARGO_TARGET_DIR", target)
        .args(["build", "--quiet", "-p", "wegnology"])
        .args(args)
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let seconds = start.elapsed().as_secs_f64();
    if !output.status.success() {
        return Err(format!(
            "debug build of the client ({}) in {} failed:\n{}",
            args.join(" "),
            workspace.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(seconds)
}

/// This xtask, run as `xtask --root <workspace> regen` (its own binary, no rebuild).
fn regen(workspace: &Path) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let output = Command::new(exe)
        .arg("--root")
        .arg(workspace)
        .arg("regen")
        .output()
        .map_err(|e| format!("cannot run regen: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "regen of the edited copy failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(())
}

/// Appends a sentence to the description of the first action of `page`: a doc-only change.
fn edit_one_doc_line(workspace: &Path, page: &str, edit: usize) -> Result<(), String> {
    let path = workspace.join(page);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let edited = with_doc_edit(&text, edit)
        .ok_or_else(|| format!("{page}: no `## ` action section with a description"))?;
    std::fs::write(&path, edited).map_err(|e| format!("{}: {e}", path.display()))
}

/// `text` with ` (Edit N for the build-cost benchmark.)` at the end of the first non-empty
/// line after its first `## ` heading; `None` without one.
fn with_doc_edit(text: &str, edit: usize) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let heading = lines.iter().position(|l| l.starts_with("## "))?;
    let description = (heading + 1..lines.len()).find(|&i| !lines[i].trim().is_empty())?;
    let mut edited: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    edited[description].push_str(&format!(" (Edit {edit} for the build-cost benchmark.)"));
    let mut out = edited.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    Some(out)
}

/// Copies the source tree: everything but `.git` and target directories.
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if name == ".git" || name == "target" {
            continue;
        }
        let kind = entry.file_type()?;
        if kind.is_dir() {
            copy_tree(&entry.path(), &to.join(&name))?;
        } else if kind.is_file() {
            std::fs::copy(entry.path(), to.join(&name))?;
        }
    }
    Ok(())
}

/// The 1-, 5- and 15-minute load averages, as `/proc/loadavg` gives them.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|t| t.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "unknown".into())
}

/// CPU time of all cores so far, in clock ticks, from the `cpu` line of `/proc/stat`: the
/// total and the part the hypervisor gave to other guests (steal).
fn cpu_jiffies() -> Option<(u64, u64)> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let fields: Vec<u64> = stat
        .lines()
        .next()?
        .strip_prefix("cpu ")?
        .split_whitespace()
        .take(8)
        .map(|f| f.parse().ok())
        .collect::<Option<_>>()?;
    let steal = *fields.get(7)?;
    Some((fields.iter().sum(), steal))
}

/// The share of CPU time stolen between two [`cpu_jiffies`] readings.
fn steal_share(before: (u64, u64), after: (u64, u64)) -> Option<f64> {
    let total = after.0.checked_sub(before.0)?;
    let steal = after.1.checked_sub(before.1)?;
    (total > 0).then(|| steal as f64 / total as f64)
}

/// What else was going on while the figures were measured.
struct Conditions {
    load_before: String,
    load_after: String,
    /// Share of CPU time the hypervisor took for other guests; `None` when unknown.
    steal: Option<f64>,
}

impl Conditions {
    /// ` Load average (1, 5, 15 min) … at the start, … at the end.` and the steal time, if known.
    fn sentence(&self) -> String {
        let steal = self.steal.map_or(String::new(), |share| {
            format!(
                " The hypervisor gave {:.0}% of this machine's CPU time to other guests during \
                 the run (steal time).",
                share * 100.0
            )
        });
        format!(
            " Load average (1, 5, 15 min) {} at the start, {} at the end.{steal}",
            self.load_before, self.load_after
        )
    }
}

/// Logical cores and the CPU model, from `/proc/cpuinfo`.
fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cores = cpuinfo
        .lines()
        .filter(|l| l.starts_with("processor"))
        .count();
    let cores = if cores == 0 {
        std::thread::available_parallelism().map_or(0, |n| n.get())
    } else {
        cores
    };
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .and_then(|rest| rest.split_once(':'))
        .map_or("unknown CPU".to_string(), |(_, name)| {
            name.trim().to_string()
        });
    format!("{cores} cores, {model}")
}

fn git_commit(root: &Path) -> String {
    Command::new("git")
        .current_dir(root)
        .args(["rev-parse", "--short", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// Today's date (UTC) as `YYYY-MM-DD`, from the system clock.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn render(figures: &[Figure], args: &BenchArgs, conditions: &Conditions, root: &Path) -> String {
    let mut out = String::new();
    out.push_str("# Benchmarks\n\n");
    out.push_str(&format!(
        "Written by `cargo xtask bench{}{}` on {} (commit {}). Run it again to refresh this file.\n\n",
        if args.quick { " --quick" } else { "" },
        if args.skip_build_cost { " --skip-build-cost" } else { "" },
        today(),
        git_commit(root),
    ));
    out.push_str(&format!(
        "**Machine:** {}.{} {}\n\n",
        machine(),
        conditions.sentence(),
        COMPARISONS
    ));
    out.push_str(HOW_TO_READ);
    for section in section_names(figures) {
        out.push_str(&render_section(figures, section));
    }
    out
}

/// How every comparison is measured, after the machine's conditions.
const COMPARISONS: &str =
    "Absolute rates are therefore noisy: every comparison is a ratio against a baseline \
     measured in the same run, in interleaved rounds, and the figure is the median of the \
     per-round ratios, with their range and how many rounds reached 1.00× beside it. Within a \
     round the two sides take short turns (A B B A A B …), so that a burst of load lands on \
     both.";

/// The paragraph saying what each section's ratios are.
const HOW_TO_READ: &str =
    "How to read the ratios: per call, generated ÷ hand-written calls per second (above \
         1.00× the generated client is faster), and hand-written ÷ generated CPU time per call \
         of the client's thread (above 1.00× the generated client costs less CPU; waiting for a \
         core does not count). The clients run on a current-thread runtime pinned to one core, \
         the server on a thread pinned to the other, so the client's thread does all of the \
         client's work and nothing else. Every side shares that thread and one keep-alive \
         loopback server (bare hyper, answering the documents' example bodies), sends the \
         generated client's user agent, times a whole call out after 60 s, and sends \
         byte-identical requests (checked by the bench crate's smoke test). Two hand-written \
         baselines, decoding with `.json()` into the same generated type: *built per call* \
         formats the URL, adds the three query defaults and the headers to each request, and \
         uses reqwest's client timeout; *set up once* is a careful user's: the headers set once \
         as the reqwest client's default headers (the token marked sensitive), the URL parsed \
         once with its query defaults and cloned per call (the call's path values and query \
         pairs added to the copy), and the generated client's timeout mechanism (a `tokio` \
         timeout around the whole call). One difference is the generated client's own design, \
         not its set-up: it turns reqwest's retry layer off (its retries are its own; reqwest's \
         copies every request to retry HTTP/2 refusals, which a client without HTTP/2 never \
         meets) and sends the user agent with its own headers, not as a reqwest default header \
         (looked up in every request); both baselines keep reqwest's defaults there, as their \
         users write them. Instructions: hand-written ÷ generated instructions per \
         call counted by callgrind (valgrind), a count that does not depend on the machine's \
         load; sequential against both baselines, and 64 in flight against the careful one. Regeneration: time ÷ the 1× spec's; growth is linear when the cost per added copy \
         of the documents stays the same from one size to the next (1.00× the first step's). \
         Memory: generated ÷ hand-written, and resident memory after the last call ÷ after call \
         1,000 (1.00× = no growth). Whole-API regeneration: the release `xtask regen` (and \
         `check`) as a whole process, its median wall time ÷ the 300 ms goal (below 1.00× the \
         goal is met); each stage's median time ÷ the total of the stages timed in the bench's \
         process, and that total ÷ the whole process's time. Cost: build times are wall times on \
         this shared machine (medians of interleaved runs, their range beside them), each with \
         its goal; generated lines are today's ÷ the last Me-only `generated.rs`'s.\n";

/// The sections of `figures`, in the order they first appear.
fn section_names(figures: &[Figure]) -> Vec<&str> {
    let mut sections: Vec<&str> = Vec::new();
    for figure in figures {
        if !sections.contains(&figure.section.as_str()) {
            sections.push(&figure.section);
        }
    }
    sections
}

/// `\n## <section>` and its table.
fn render_section(figures: &[Figure], section: &str) -> String {
    let mut out =
        format!("\n## {section}\n\n| figure | value | ratio | note |\n| --- | --- | --- | --- |\n");
    for f in figures.iter().filter(|f| f.section == section) {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            cell(&f.figure),
            cell(&f.value),
            cell(&f.ratio),
            cell(&f.note)
        ));
    }
    out
}

/// The report `previous` with the sections of `figures` (measured by `--only task`) replaced or
/// added, every other section kept as it was; the header keeps the full run's provenance and
/// adds a line for this one.
fn merge(
    previous: &str,
    figures: &[Figure],
    task: &str,
    args: &BenchArgs,
    conditions: &Conditions,
    root: &Path,
) -> String {
    let (preamble, old_sections) = split_report(previous);
    let new_sections = section_names(figures);
    let mut out = String::from("# Benchmarks\n\n");
    // The full run's provenance and machine, and earlier partial runs of other sections.
    for paragraph in preamble.split("\n\n").map(str::trim) {
        // An earlier partial run's line stays while a section it names is not re-measured now.
        let earlier_partial = paragraph.starts_with(REMEASURED)
            && paragraph
                .split('«')
                .skip(1)
                .filter_map(|rest| rest.split_once('»').map(|(name, _)| name))
                .any(|name| !new_sections.contains(&name));
        if paragraph.starts_with("Written by")
            || paragraph.starts_with("**Machine:**")
            || earlier_partial
        {
            out.push_str(paragraph);
            out.push_str("\n\n");
        }
    }
    out.push_str(&format!(
        "{REMEASURED} {} by `cargo xtask bench{} --only {task}` on {} (commit {}); {}.{}\n\n",
        new_sections
            .iter()
            .map(|s| format!("«{s}»"))
            .collect::<Vec<_>>()
            .join(", "),
        if args.quick { " --quick" } else { "" },
        today(),
        git_commit(root),
        machine(),
        conditions.sentence(),
    ));
    out.push_str(HOW_TO_READ);
    let mut added = false;
    let add_new = |out: &mut String| {
        for section in new_sections
            .iter()
            .filter(|s| !old_sections.iter().any(|(name, _)| name == *s))
        {
            out.push_str(&render_section(figures, section));
        }
    };
    for (name, text) in &old_sections {
        // Sections new to the report go before the build cost, which a full run writes last.
        if name == BUILD && !added {
            add_new(&mut out);
            added = true;
        }
        if new_sections.contains(&name.as_str()) {
            out.push_str(&render_section(figures, name));
        } else {
            out.push_str(text);
        }
    }
    if !added {
        add_new(&mut out);
    }
    out
}

/// How a partial run's header paragraph starts.
const REMEASURED: &str = "**Re-measured:**";

/// A report's text before its first section, and each section (`\n## name` up to the next) with
/// its name.
fn split_report(report: &str) -> (&str, Vec<(String, String)>) {
    let mut parts = report.split("\n## ");
    let preamble = parts.next().unwrap_or_default();
    let sections = parts
        .map(|part| {
            let name = part.lines().next().unwrap_or_default().trim().to_string();
            let mut text = format!("\n## {part}");
            if !text.ends_with('\n') {
                text.push('\n');
            }
            (name, text)
        })
        .collect();
    (preamble, sections)
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_parse_from_record_lines() {
        let figure = Figure::parse("RECORD\tMemory\tpeak\t9.1 MiB\t1.01×\tnote").unwrap();
        assert_eq!(figure.section, "Memory");
        assert_eq!(figure.ratio, "1.01×");
        assert!(Figure::parse("per call: get…").is_none());
        assert!(Figure::parse("RECORD\ttoo\tfew").is_none());
    }

    #[test]
    fn report_groups_figures_by_section_in_order() {
        let figure = |section: &str, name: &str| Figure {
            section: section.into(),
            figure: name.into(),
            value: "v|w".into(),
            ratio: "1.00×".into(),
            note: String::new(),
        };
        let args = BenchArgs {
            quick: true,
            skip_build_cost: true,
            out: "x.md".into(),
            only: None,
        };
        let conditions = Conditions {
            load_before: "1 1 1".into(),
            load_after: "2 2 2".into(),
            steal: Some(0.25),
        };
        let report = render(
            &[figure("B", "one"), figure("A", "two"), figure("B", "three")],
            &args,
            &conditions,
            Path::new("."),
        );
        assert!(report.contains("gave 25% of this machine's CPU time"));
        let b = report.find("## B").unwrap();
        let a = report.find("## A").unwrap();
        assert!(b < a);
        assert!(report.find("| three |").unwrap() < a);
        assert!(report.contains("v\\|w"));
        assert!(report.contains("`cargo xtask bench --quick --skip-build-cost`"));
    }

    #[test]
    fn a_partial_run_replaces_its_sections_and_keeps_the_others() {
        let figure = |section: &str, name: &str| Figure {
            section: section.into(),
            figure: name.into(),
            value: "v".into(),
            ratio: "1.00×".into(),
            note: String::new(),
        };
        let conditions = Conditions {
            load_before: "1 1 1".into(),
            load_after: "2 2 2".into(),
            steal: None,
        };
        let full = BenchArgs {
            quick: false,
            skip_build_cost: false,
            out: "x.md".into(),
            only: None,
        };
        let previous = render(
            &[
                figure("A", "old a"),
                figure("B", "old b"),
                figure(BUILD, "clean build"),
            ],
            &full,
            &conditions,
            Path::new("."),
        );
        let partial = BenchArgs {
            only: Some("b".into()),
            ..full
        };
        let merged = merge(
            &previous,
            &[figure("B", "new b"), figure("C", "new c")],
            "b",
            &partial,
            &conditions,
            Path::new("."),
        );
        assert!(merged.contains("| old a |"), "{merged}");
        assert!(merged.contains("| new b |") && !merged.contains("| old b |"));
        assert!(merged.contains("| clean build |"));
        // A section new to the report goes before the build cost, which stays last.
        let at = |s: &str| merged.find(s).unwrap();
        assert!(at("## A") < at("## B") && at("## B") < at("## C") && at("## C") < at(BUILD));
        assert_eq!(merged.matches("Written by `cargo xtask bench`").count(), 1);
        assert!(merged.contains("**Re-measured:** «B», «C» by `cargo xtask bench --only b`"));
        // A second partial run keeps the first one's line while it names a section not
        // re-measured again, and replaces it once all are.
        let again = merge(
            &merged,
            &[figure("B", "newer b")],
            "b",
            &partial,
            &conditions,
            Path::new("."),
        );
        assert_eq!(again.matches(REMEASURED).count(), 2, "{again}");
        assert!(again.contains("| newer b |") && again.contains("| new c |"));
        let both = merge(
            &again,
            &[figure("B", "b 3"), figure("C", "c 3")],
            "b",
            &partial,
            &conditions,
            Path::new("."),
        );
        assert_eq!(both.matches(REMEASURED).count(), 1, "{both}");
        assert!(both.contains("| b 3 |") && both.contains("| c 3 |"));
    }

    #[test]
    fn executables_are_read_from_cargo_messages() {
        let messages = concat!(
            r#"{"reason":"compiler-artifact","target":{"name":"xtask"},"executable":"/t/release/xtask"}"#,
            "\n",
            r#"{"reason":"compiler-artifact","target":{"name":"serde"},"executable":null}"#,
            "\n",
            r#"{"reason":"build-finished","success":true}"#,
            "\n"
        );
        assert_eq!(
            executables(messages),
            [("xtask".to_string(), PathBuf::from("/t/release/xtask"))]
        );
    }

    #[test]
    fn steal_share_is_the_stolen_part_of_the_elapsed_cpu_time() {
        assert_eq!(steal_share((1_000, 100), (1_400, 200)), Some(0.25));
        assert_eq!(steal_share((1_000, 100), (1_000, 100)), None);
        assert_eq!(steal_share((1_000, 100), (900, 100)), None);
        if let Some((total, steal)) = cpu_jiffies() {
            assert!(total >= steal);
        }
    }

    #[test]
    fn time_passes_are_read_from_rustc_output() {
        let stderr = concat!(
            "   Compiling wegnology v0.1.0\n",
            "time:   0.002; rss:   42MB ->   52MB (  +10MB)\texpand_crate\n",
            "time:   5.120; rss:   61MB ->   76MB (  +15MB)\ttype_check_crate\n",
            "time:   7.000; rss:   76MB ->   84MB (   +8MB)\tMIR_borrow_checking\n",
            "time:   0.500; rss:   84MB ->   84MB (   +0MB)\tLLVM_passes\n",
            "time:   0.700; rss:   84MB ->   84MB (   +0MB)\tLLVM_passes\n",
            "time:  21.000; rss:   28MB ->   72MB (  +45MB)\ttotal\n",
        );
        let passes = parse_time_passes(stderr);
        assert_eq!(passes["type_check_crate"], 5.12);
        assert_eq!(passes["MIR_borrow_checking"], 7.0);
        assert_eq!(passes["LLVM_passes"], 0.5, "the first of a repeated name");
        assert_eq!(passes["total"], 21.0);
        assert_eq!(passes.len(), 5);
    }

    #[test]
    fn the_old_file_splits_into_types_and_actions() {
        let text = "// @generated\n/// A type\npub struct A;\npub static API: X = X {\n};\n\
                    pub struct MeApi<'a>(H<'a>);\n/// get\npub fn get() {}\n";
        let old = OldFile::split(text);
        assert_eq!(old.total, 8);
        assert_eq!(old.types, Lines { lines: 3, docs: 1 });
        assert_eq!(old.actions, Lines { lines: 3, docs: 1 });
        let recorded = OldFile::recorded();
        assert_eq!(recorded.total, OLD_LINES);
        assert!(recorded.types.lines + recorded.actions.lines < OLD_LINES);
        // The recorded figures are the file's, where the history is there to read it.
        if let Some(text) = git_show(
            Path::new(env!("CARGO_MANIFEST_DIR")),
            &format!("{OLD_COMMIT}:crates/client/src/generated.rs"),
        ) {
            assert_eq!(OldFile::split(&text), recorded);
        }
    }

    #[test]
    fn a_doc_edit_changes_the_first_description_line_only() {
        let page = "# Device Actions\n\nIntro.\n\n##### Contents\n\n## Delete\n\nDeletes a device\n\nMore.\n";
        let edited = with_doc_edit(page, 2).unwrap();
        assert_eq!(
            edited,
            page.replace(
                "Deletes a device",
                "Deletes a device (Edit 2 for the build-cost benchmark.)"
            )
        );
        assert_eq!(with_doc_edit("# Title\n\nNo actions.\n", 1), None);
    }

    #[test]
    fn changed_files_are_the_differing_added_and_removed_ones() {
        let map = |items: &[(&str, &str)]| -> std::collections::BTreeMap<String, Vec<u8>> {
            items
                .iter()
                .map(|(p, c)| (p.to_string(), c.as_bytes().to_vec()))
                .collect()
        };
        let before = map(&[("a", "1"), ("b", "2"), ("gone", "x")]);
        let after = map(&[("a", "1"), ("b", "3"), ("new", "y")]);
        assert_eq!(changed_files(&before, &after), ["b", "gone", "new"]);
        assert!(changed_files(&before, &before).is_empty());
    }

    #[test]
    fn medians_ranges_and_thousands() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), 2.5);
        assert!(median(Vec::new()).is_nan());
        assert_eq!(range(&[2.46, 2.0, 3.04]), "2.0–3.0");
        assert_eq!(thousands(1_643), "1,643");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn civil_date_has_the_right_shape() {
        let date = today();
        assert_eq!(date.len(), 10);
        assert!(date.starts_with("20"));
    }
}
