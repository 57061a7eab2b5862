//! `wegnology-bench`: runs the benchmarks and prints one `RECORD` line per figure (see
//! `wegnology_bench::report`); progress goes to stderr. `cargo xtask bench` runs it in release
//! mode and writes the report; run it alone with
//! `cargo run --release -p wegnology-bench -- [--quick] all`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};
use reqwest::Method;
use wegnology::{Me, PayloadCountsBreakdown};
use wegnology_bench::calls::{
    generated_client, patch_body, GeneratedBreakdown, GeneratedGet, GeneratedPatch, Handwritten,
};
use wegnology_bench::harness::{self, compare, CallError, Caller, Mode};
use wegnology_bench::report::{thousands, times, Record};
use wegnology_bench::server::{CannedServer, Routes};
use wegnology_bench::{fake, load_model, memory, regen};

#[derive(Parser)]
#[command(about = "Benchmarks of the generated WEGnology client")]
struct Cli {
    /// Workspace root (holding `spec/`); defaults to this source tree.
    #[arg(long, global = true)]
    root: Option<PathBuf>,
    /// Fewer rounds and calls: a rough figure in well under a minute.
    #[arg(long, global = true)]
    quick: bool,
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Everything below, in turn.
    All,
    /// Generated client vs hand-written reqwest: get, patch, the largest response.
    Calls,
    /// The fake server's throughput, mixed reads.
    Fake,
    /// Regeneration of spec/ at 1×, 10× and 100× its size.
    Regen,
    /// Resident memory over 10,000 sequential calls (each side in a process of its own).
    Memory,
    /// One side of the `get` comparison alone, for a profiler (`perf record -- wegnology-bench
    /// profile --side generated`): prints its rate.
    Profile {
        #[arg(long)]
        side: Side,
        /// Calls in flight; 1 is sequential.
        #[arg(long, default_value_t = 1)]
        in_flight: usize,
        #[arg(long, default_value_t = 20_000)]
        calls: usize,
    },
    /// One side of `memory`, run as a child process: prints `SAMPLE calls rss_kib peak_kib`.
    #[command(hide = true)]
    MemoryProbe {
        #[arg(long)]
        side: Side,
        #[arg(long)]
        calls: usize,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Side {
    Generated,
    Handwritten,
}

/// How much to measure.
struct Settings {
    rounds: usize,
    sequential_calls: usize,
    in_flight_calls: usize,
    fake_calls: usize,
    /// Repetitions of regeneration at 1×, 10×, 100×.
    regen: [(usize, usize); 3],
    memory_calls: usize,
}

impl Settings {
    fn new(quick: bool) -> Settings {
        if quick {
            Settings {
                rounds: 5,
                sequential_calls: 300,
                in_flight_calls: 64 * 20,
                fake_calls: 800,
                regen: [(1, 3), (10, 1), (100, 1)],
                memory_calls: 10_000,
            }
        } else {
            Settings {
                rounds: 15,
                sequential_calls: 2_000,
                in_flight_calls: 64 * 200,
                fake_calls: 4_000,
                regen: [(1, 10), (10, 5), (100, 3)],
                memory_calls: 10_000,
            }
        }
    }
}

/// Calls in flight in the concurrent mode.
const IN_FLIGHT: usize = 64;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = cli.root.unwrap_or_else(wegnology_bench::default_root);
    let settings = Settings::new(cli.quick);
    let result = match cli.task {
        Task::All => run_all(&root, &settings),
        Task::Calls => runtime().and_then(|rt| rt.block_on(per_call(&root, &settings))),
        Task::Fake => runtime().and_then(|rt| rt.block_on(fake_throughput(&root, &settings))),
        Task::Regen => regeneration(&root, &settings),
        Task::Memory => memory_figures(&root, &settings),
        Task::Profile {
            side,
            in_flight,
            calls,
        } => runtime().and_then(|rt| rt.block_on(profile(&root, side, in_flight, calls))),
        Task::MemoryProbe { side, calls } => {
            return match runtime().and_then(|rt| rt.block_on(memory_probe(&root, side, calls))) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("error: {error}");
                    ExitCode::FAILURE
                }
            };
        }
    };
    match result {
        Ok(records) => {
            for record in records {
                println!("{record}");
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn runtime() -> Result<tokio::runtime::Runtime, CallError> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}

fn run_all(root: &Path, settings: &Settings) -> Result<Vec<Record>, CallError> {
    let runtime = runtime()?;
    let mut records = runtime.block_on(per_call(root, settings))?;
    records.extend(runtime.block_on(fake_throughput(root, settings))?);
    drop(runtime);
    records.extend(regeneration(root, settings)?);
    records.extend(memory_figures(root, settings)?);
    Ok(records)
}

const PER_CALL: &str = "Per call: generated client vs hand-written reqwest";

async fn per_call(root: &Path, settings: &Settings) -> Result<Vec<Record>, CallError> {
    let model = load_model(root)?;
    let mut routes = Routes::from_model(&model);
    let breakdown = breakdown_body().await?;
    let breakdown_note = format!(
        "a week of hourly counts from the embedded fake ({} bytes)",
        breakdown.len()
    );
    routes.insert("GET", "/me/payloadCountsBreakdown", breakdown);
    let me_bytes = routes.body("GET", "/me").map_or(0, |b| b.len());
    let server = CannedServer::start(routes)?;
    let url = server.url();
    let client = generated_client(&url)?;
    let body = Arc::new(patch_body(&model)?);

    let mut records = Vec::new();
    records.extend(
        both_modes(
            "`me().get()` → `Me`",
            &format!("the `Me` example of `_schemas.md` ({me_bytes} bytes)"),
            &GeneratedGet(client.clone()),
            &Handwritten::<Me>::new(&model, &url, Method::GET, "/me", None)?,
            settings,
        )
        .await?,
    );
    records.extend(
        both_modes(
            "`me().patch(body)` → `Me`",
            "JSON body: the `Me Patch` example",
            &GeneratedPatch(client.clone(), body.clone()),
            &Handwritten::<Me>::new(&model, &url, Method::PATCH, "/me", Some(body))?,
            settings,
        )
        .await?,
    );
    records.extend(
        both_modes(
            "`me().payload_counts_breakdown()` → `PayloadCountsBreakdown`",
            &breakdown_note,
            &GeneratedBreakdown(client.clone()),
            &Handwritten::<PayloadCountsBreakdown>::new(
                &model,
                &url,
                Method::GET,
                "/me/payloadCountsBreakdown",
                None,
            )?,
            settings,
        )
        .await?,
    );
    Ok(records)
}

/// The largest response type has no example in the documents; the fake makes a realistic one.
async fn breakdown_body() -> Result<Vec<u8>, CallError> {
    let fake =
        wegnology_fake::FakeServer::start_with(wegnology_fake::FakeConfig::default()).await?;
    const HOUR_MS: u64 = 3_600_000;
    let end: u64 = 1_465_790_400_000;
    let url = format!(
        "{}/me/payloadCountsBreakdown?start={}&end={end}&resolution={HOUR_MS}",
        fake.url(),
        end - 7 * 24 * HOUR_MS
    );
    let body = reqwest::Client::new()
        .get(url)
        .bearer_auth(fake.token())
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?
        .to_vec();
    fake.shutdown().await;
    Ok(body)
}

async fn both_modes<A: Caller, B: Caller>(
    figure: &str,
    body: &str,
    generated: &A,
    handwritten: &B,
    settings: &Settings,
) -> Result<Vec<Record>, CallError> {
    let mut records = Vec::new();
    for (mode, calls) in [
        (Mode::Sequential, settings.sequential_calls),
        (Mode::InFlight(IN_FLIGHT), settings.in_flight_calls),
    ] {
        eprintln!("per call: {figure}, {}…", mode.label());
        let comparison = compare(generated, handwritten, mode, settings.rounds, calls).await?;
        let (low, high) = comparison.ratio_range();
        records.push(
            Record::new(
                PER_CALL,
                format!("{figure}, {}", mode.label()),
                format!(
                    "{} calls/s generated, {} hand-written",
                    thousands(comparison.median_rate_a()),
                    thousands(comparison.median_rate_b())
                ),
            )
            .ratio(format!(
                "{} (rounds {:.2}–{:.2}); CPU per call {}",
                times(comparison.median_ratio()),
                low,
                high,
                times(comparison.median_cpu_ratio())
            ))
            .note(format!(
                "{} rounds × {} calls; CPU per call {:.1} µs generated, {:.1} µs hand-written (whole process); {body}",
                settings.rounds,
                thousands(calls as f64),
                comparison.median_cpu_per_call().0 / 1e3,
                comparison.median_cpu_per_call().1 / 1e3,
            )),
        );
    }
    Ok(records)
}

const FAKE: &str = "The embedded fake: throughput";

async fn fake_throughput(root: &Path, settings: &Settings) -> Result<Vec<Record>, CallError> {
    let model = load_model(root)?;
    let targets = fake::read_targets(&model);
    let fake_server =
        wegnology_fake::FakeServer::start_with(wegnology_fake::FakeConfig::default()).await?;
    let canned = CannedServer::start(fake::baseline_routes(&model))?;
    let on_fake = fake::MixedReads::new(&fake_server.url(), fake_server.token(), targets.clone());
    let on_canned = fake::MixedReads::new(&canned.url(), "unchecked", targets.clone());
    let mode = Mode::InFlight(16);
    eprintln!("fake: mixed reads, {}…", mode.label());
    let comparison = compare(
        &on_fake,
        &on_canned,
        mode,
        settings.rounds,
        settings.fake_calls,
    )
    .await?;
    fake_server.shutdown().await;
    Ok(vec![Record::new(
        FAKE,
        format!("mixed reads ({} GET actions in turn), {}", targets.len(), mode.label()),
        format!(
            "{} requests/s (canned server: {})",
            thousands(comparison.median_rate_a()),
            thousands(comparison.median_rate_b())
        ),
    )
    .ratio(format!("{} of the canned server", times(comparison.median_ratio())))
    .note(format!(
        "{} rounds × {} requests; the fake checks the token and scopes and builds each answer; reqwest, bodies read, not decoded",
        settings.rounds,
        thousands(settings.fake_calls as f64)
    ))])
}

const REGEN: &str = "Regeneration: parse + merge + generate + format";

fn regeneration(root: &Path, settings: &Settings) -> Result<Vec<Record>, CallError> {
    let spec = root.join("spec");
    let mut records = Vec::new();
    // Linear growth means a constant cost per added copy of the documents: the slope from
    // one size to the next stays the same. Fixed costs (the shared schemas, start-up) make the
    // 1× figure larger per action than the others, so slopes are compared, not per-action means.
    let mut previous: Option<(usize, f64)> = None;
    let mut first_slope = None;
    let mut base_total = None;
    for (copies, repetitions) in settings.regen {
        eprintln!("regen: {copies}× spec…");
        let figure = regen::measure(&spec, copies, repetitions)?;
        let total = figure.total().as_secs_f64();
        let base = *base_total.get_or_insert(total);
        let slope = previous.map(|(n, t)| (total - t) / (copies - n) as f64);
        let slope_note = match (slope, first_slope) {
            (Some(slope), None) => {
                first_slope = Some(slope);
                format!("; {:.1} ms per added copy", slope * 1e3)
            }
            (Some(slope), Some(first)) => format!(
                "; {:.1} ms per added copy, {} the first step's",
                slope * 1e3,
                times(slope / first)
            ),
            _ => String::new(),
        };
        previous = Some((copies, total));
        records.push(
            Record::new(
                REGEN,
                format!("{copies}× spec ({} actions)", figure.actions),
                format!(
                    "{:.1} ms (parse + merge {:.1} ms, generate + format {:.1} ms)",
                    total * 1e3,
                    figure.load.as_secs_f64() * 1e3,
                    figure.render.as_secs_f64() * 1e3
                ),
            )
            .ratio(format!("{} of 1×", times(total / base)))
            .note(format!(
                "median of {repetitions}; generated file {} KiB, {} lines{slope_note}",
                thousands(figure.generated_bytes as f64 / 1024.0),
                thousands(figure.generated_lines as f64)
            )),
        );
    }
    Ok(records)
}

const MEMORY: &str = "Memory: sequential `me().get()` calls";

fn memory_figures(root: &Path, settings: &Settings) -> Result<Vec<Record>, CallError> {
    let exe = std::env::current_exe()?;
    let run = |side: &str| -> Result<Vec<memory::Sample>, CallError> {
        eprintln!("memory: {side}, {} calls…", settings.memory_calls);
        let output = std::process::Command::new(&exe)
            .arg("--root")
            .arg(root)
            .args(["memory-probe", "--side", side, "--calls"])
            .arg(settings.memory_calls.to_string())
            .output()?;
        if !output.status.success() {
            return Err(format!(
                "memory probe ({side}) failed: {}",
                String::from_utf8_lossy(&output.stderr)
            )
            .into());
        }
        let samples: Vec<memory::Sample> = String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| {
                let mut fields = line.strip_prefix("SAMPLE ")?.split(' ');
                Some(memory::Sample {
                    calls: fields.next()?.parse().ok()?,
                    rss_kib: fields.next()?.parse().ok()?,
                    peak_kib: fields.next()?.parse().ok()?,
                })
            })
            .collect();
        if samples.len() < 2 {
            return Err(format!("memory probe ({side}) printed no samples").into());
        }
        Ok(samples)
    };
    let generated = run("generated")?;
    let handwritten = run("handwritten")?;
    let last = |s: &[memory::Sample]| *s.last().expect("checked above");
    let at = |s: &[memory::Sample], calls: usize| {
        s.iter()
            .find(|sample| sample.calls == calls)
            .copied()
            .unwrap_or(s[0])
    };
    let mib = |kib: u64| format!("{:.1} MiB", kib as f64 / 1024.0);
    let (g, h) = (last(&generated), last(&handwritten));
    let (g1, h1) = (at(&generated, 1_000), at(&handwritten, 1_000));
    let growth =
        |early: memory::Sample, late: memory::Sample| late.rss_kib as i64 - early.rss_kib as i64;
    Ok(vec![
        Record::new(
            MEMORY,
            format!(
                "peak resident memory over {} calls",
                thousands(g.calls as f64)
            ),
            format!(
                "{} generated, {} hand-written",
                mib(g.peak_kib),
                mib(h.peak_kib)
            ),
        )
        .ratio(times(g.peak_kib as f64 / h.peak_kib as f64))
        .note("whole process, canned server thread included; each side in a fresh process"),
        Record::new(
            MEMORY,
            format!(
                "resident memory after {} calls vs after {}",
                thousands(g.calls as f64),
                thousands(g1.calls as f64)
            ),
            format!(
                "{} → {} generated ({:+} KiB), {} → {} hand-written ({:+} KiB)",
                mib(g1.rss_kib),
                mib(g.rss_kib),
                growth(g1, g),
                mib(h1.rss_kib),
                mib(h.rss_kib),
                growth(h1, h)
            ),
        )
        .ratio(format!(
            "{} generated, {} hand-written",
            times(g.rss_kib as f64 / g1.rss_kib as f64),
            times(h.rss_kib as f64 / h1.rss_kib as f64)
        ))
        .note("ratio 1.00× = no growth with the number of calls"),
    ])
}

async fn profile(
    root: &Path,
    side: Side,
    in_flight: usize,
    calls: usize,
) -> Result<Vec<Record>, CallError> {
    let model = load_model(root)?;
    let server = CannedServer::start(Routes::from_model(&model))?;
    let url = server.url();
    let mode = if in_flight > 1 {
        Mode::InFlight(in_flight)
    } else {
        Mode::Sequential
    };
    let rate = match side {
        Side::Generated => {
            harness::rate(&GeneratedGet(generated_client(&url)?), mode, calls).await?
        }
        Side::Handwritten => {
            let caller = Handwritten::<Me>::new(&model, &url, Method::GET, "/me", None)?;
            harness::rate(&caller, mode, calls).await?
        }
    };
    Ok(vec![Record::new(
        "Profile",
        format!("`me().get()`, {}", mode.label()),
        format!("{} calls/s", thousands(rate)),
    )])
}

async fn memory_probe(root: &Path, side: Side, calls: usize) -> Result<(), CallError> {
    let model = load_model(root)?;
    let server = CannedServer::start(Routes::from_model(&model))?;
    let url = server.url();
    let checkpoints = [100, 1_000, calls / 2, calls];
    let samples = match side {
        Side::Generated => {
            memory::probe(&GeneratedGet(generated_client(&url)?), calls, &checkpoints).await?
        }
        Side::Handwritten => {
            let caller = Handwritten::<Me>::new(&model, &url, Method::GET, "/me", None)?;
            memory::probe(&caller, calls, &checkpoints).await?
        }
    };
    for sample in samples {
        println!(
            "SAMPLE {} {} {}",
            sample.calls, sample.rss_kib, sample.peak_kib
        );
    }
    Ok(())
}
