//! `cargo xtask bench`: runs the benchmark suite and writes `docs/benchmarks.md`.
//!
//! The runtime figures (per call, the fake, regeneration, memory) come from the
//! `wegnology-bench` binary, built in release mode and run here; it prints one `RECORD` line per
//! figure. The build-cost figures are measured here: clean and incremental builds of the client
//! crate in a copy of the workspace with a target directory of its own, so they are real clean
//! builds and the edit they make to `spec/` never touches this tree.

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
}

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
    let load_before = load_average();
    let jiffies_before = cpu_jiffies();
    let mut figures = runtime_figures(root, args.quick)?;
    if !args.skip_build_cost {
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
    let report = render(&figures, args, &conditions, root);
    let path = root.join(&args.out);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&path, report).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Builds and runs `wegnology-bench all` in release mode; its progress shows on stderr.
fn runtime_figures(root: &Path, quick: bool) -> Result<Vec<Figure>, String> {
    eprintln!("building and running wegnology-bench (release)…");
    let mut command = cargo();
    command
        .current_dir(root)
        .args(["run", "--release", "--quiet", "-p", "wegnology-bench", "--"])
        .arg("--root")
        .arg(root);
    if quick {
        command.arg("--quick");
    }
    command.arg("all");
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
    let steal = conditions.steal.map_or(String::new(), |share| {
        format!(
            " The hypervisor gave {:.0}% of this machine's CPU time to other guests during the \
             run (steal time).",
            share * 100.0
        )
    });
    out.push_str(&format!(
        "**Machine:** {}. Load average (1, 5, 15 min) {} at the start, {} at the end.{steal} \
         Absolute rates are therefore noisy: every comparison is a ratio against a baseline \
         measured in the same run, in interleaved rounds, and the figure is the median of the \
         per-round ratios, with their range and how many rounds reached 1.00× beside it. Within a \
         round the two sides take short turns (A B B A A B …), so that a burst of load lands on \
         both.\n\n",
        machine(),
        conditions.load_before,
        conditions.load_after,
    ));
    out.push_str(
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
         growth).\n",
    );
    let mut sections: Vec<&str> = Vec::new();
    for figure in figures {
        if !sections.contains(&figure.section.as_str()) {
            sections.push(&figure.section);
        }
    }
    for section in sections {
        out.push_str(&format!(
            "\n## {section}\n\n| figure | value | ratio | note |\n| --- | --- | --- | --- |\n"
        ));
        for f in figures.iter().filter(|f| f.section == section) {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                cell(&f.figure),
                cell(&f.value),
                cell(&f.ratio),
                cell(&f.note)
            ));
        }
    }
    out
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
