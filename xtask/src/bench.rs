//! `cargo xtask bench`: runs the benchmark suite and writes `docs/benchmarks.md`.
//!
//! The runtime figures (per call, the fake, regeneration, memory, the whole API's regeneration)
//! come from the `wegnology-bench` binary, built in release mode with the release `xtask` it
//! times, and run here; it prints one `RECORD` line per figure. The build-cost figures are
//! measured here: clean and incremental builds of the client crate in a copy of the workspace
//! with a target directory of its own, so they are real clean builds and the edit they make to
//! `spec/` never touches this tree.
//!
//! `--only <task>` runs one of the bench binary's tasks and rewrites only its sections of the
//! existing report, keeping the others as they were measured (and saying so in the header).

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

/// The line prefix of the bench binary's figures (`wegnology_bench::report::Record`).
const RECORD: &str = "RECORD\t";

#[derive(clap::Args)]
pub struct BenchArgs {
    /// Fewer rounds and calls, and a debug build only for the build cost: rough figures fast.
    #[arg(long)]
    quick: bool,
    /// Skip the clean and incremental builds (the slow part: several minutes).
    #[arg(long)]
    skip_build_cost: bool,
    /// Where the report goes, relative to the project root.
    #[arg(long, default_value = "docs/benchmarks.md")]
    out: PathBuf,
    /// Run only this task of the bench binary (`calls`, `instructions`, `fake`, `regen`,
    /// `memory`, `whole-regen`; no build cost) and replace only its sections of the report.
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
        if !TASKS.contains(&task.as_str()) {
            return Err(format!(
                "--only takes one of {}, not `{task}`",
                TASKS.join(", ")
            ));
        }
    }
    let load_before = load_average();
    let jiffies_before = cpu_jiffies();
    let task = args.only.as_deref().unwrap_or("all");
    let mut figures = runtime_figures(root, args.quick, task)?;
    if !args.skip_build_cost && args.only.is_none() {
        figures.extend(build_cost(root, args.quick)?);
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

const BUILD: &str = "Build cost of the client crate (`wegnology`)";

/// Clean and incremental builds of the client crate in a copy of the workspace.
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
    let generated = workspace.join("crates/client/src/generated.rs");
    let size = std::fs::metadata(&generated)
        .map_err(|e| format!("{}: {e}", generated.display()))?
        .len();
    let lines = std::fs::read_to_string(&generated)
        .map(|t| t.lines().count())
        .unwrap_or(0);
    let mut figures = vec![Figure {
        section: BUILD.into(),
        figure: "size of `crates/client/src/generated.rs`".into(),
        value: format!("{:.0} KiB, {lines} lines", size as f64 / 1024.0),
        ratio: String::new(),
        note: "as committed".into(),
    }];
    let profiles: &[&str] = if quick {
        &["debug"]
    } else {
        &["debug", "release"]
    };
    for (n, profile) in profiles.iter().enumerate() {
        eprintln!("build cost: clean {profile} build…");
        let clean = timed_build(&workspace, &target, profile)?;
        edit_one_doc_line(&workspace, n + 1)?;
        let before = std::fs::read_to_string(&generated).unwrap_or_default();
        let regen_start = Instant::now();
        regen(&workspace)?;
        let regen_secs = regen_start.elapsed().as_secs_f64();
        if std::fs::read_to_string(&generated).unwrap_or_default() == before {
            return Err("the doc-line edit did not change the generated code".into());
        }
        eprintln!("build cost: incremental {profile} build…");
        let incremental = timed_build(&workspace, &target, profile)?;
        figures.push(Figure {
            section: BUILD.into(),
            figure: format!("clean {profile} build"),
            value: format!("{clean:.1} s"),
            ratio: "1.00×".into(),
            note: "every dependency compiled too, target directory of its own".into(),
        });
        figures.push(Figure {
            section: BUILD.into(),
            figure: format!(
                "incremental {profile} build: one doc line of `spec/published/me/me.md` changed, regen, rebuild"
            ),
            value: format!("{incremental:.1} s build (+ {regen_secs:.1} s `cargo xtask regen`)"),
            ratio: format!("{:.2}× of clean", incremental / clean),
            note: "only the client crate recompiles".into(),
        });
    }
    Ok(figures)
}

/// `cargo build -p wegnology` in `workspace`, seconds.
fn timed_build(workspace: &Path, target: &Path, profile: &str) -> Result<f64, String> {
    let mut command = cargo();
    command
        .current_dir(workspace)
        .env("CARGO_TARGET_DIR", target)
        .args(["build", "--quiet", "-p", "wegnology"]);
    if profile == "release" {
        command.arg("--release");
    }
    let start = Instant::now();
    let output = command
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let seconds = start.elapsed().as_secs_f64();
    if !output.status.success() {
        return Err(format!(
            "{profile} build of the client in {} failed:\n{}",
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

/// Appends a sentence to the description of the first action of `me.md`: a doc-only change.
fn edit_one_doc_line(workspace: &Path, edit: usize) -> Result<(), String> {
    let path = workspace.join("spec/published/me/me.md");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let lines: Vec<&str> = text.lines().collect();
    let heading = lines
        .iter()
        .position(|l| l.starts_with("## "))
        .ok_or("spec/published/me/me.md has no `## ` action section")?;
    let description = (heading + 1..lines.len())
        .find(|&i| !lines[i].trim().is_empty())
        .ok_or("spec/published/me/me.md: the first action has no description")?;
    let mut edited: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    edited[description].push_str(&format!(" (Edit {edit} for the build-cost benchmark.)"));
    let mut out = edited.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    std::fs::write(&path, out).map_err(|e| format!("{}: {e}", path.display()))
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
         client's work and nothing else. Both sides share that thread and one keep-alive \
         loopback server (bare hyper, answering the documents' example bodies), are configured \
         alike (user agent, 60 s timeout), and send byte-identical requests (checked by the bench \
         crate's smoke test). The hand-written side formats the URL, adds the three query \
         defaults and the headers, and decodes with `.json()` into the same generated type. \
         Instructions: hand-written ÷ generated instructions per call counted by callgrind \
         (valgrind), a count that does not depend on the machine's load. Regeneration: time ÷ \
         the 1× spec's; growth is linear when the cost per added copy of the documents stays the \
         same from one size to the next (1.00× the first step's). Memory: generated ÷ \
         hand-written, and resident memory after the last call ÷ after call 1,000 (1.00× = no \
         growth). Whole-API regeneration: the release `xtask regen` (and `check`) as a whole \
         process, its median wall time ÷ the 300 ms goal (below 1.00× the goal is met); each \
         stage's median time ÷ the total of the stages timed in the bench's process, and that \
         total ÷ the whole process's time.\n";

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
    fn civil_date_has_the_right_shape() {
        let date = today();
        assert_eq!(date.len(), 10);
        assert!(date.starts_with("20"));
    }
}
