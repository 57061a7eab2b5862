//! `wegnology-bench`: runs the benchmarks and prints one `RECORD` line per figure (see
//! `wegnology_bench::report`); progress goes to stderr. `cargo xtask bench` runs it in release
//! mode and writes the report; run it alone with
//! `cargo run --release -p wegnology-bench -- [--quick] all`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};
use reqwest::Method;
use wegnology::{Device, Devices, Me, MePatch, PayloadCountsBreakdown};
use wegnology_bench::calls::{
    careful_http, generated_client, insert_device_routes, patch_body, target, CallKind, Careful,
    GeneratedBreakdown, GeneratedDevice, GeneratedDevices, GeneratedGet, GeneratedGetRecent,
    GeneratedPatch, Handwritten, Target, APPLICATION_ID, DEVICE_ID,
};
use wegnology_bench::harness::{self, compare, CallError, Caller, Mode};
use wegnology_bench::instructions::{self, InstructionCount};
use wegnology_bench::report::{thousands, times, Record};
use wegnology_bench::server::{CannedServer, Routes};
use wegnology_bench::{fake, load_model, load_whole_model, memory, process, regen, stages};
use wegnology_model::ApiModel;

#[derive(Parser)]
#[command(about = "Benchmarks of the generated WEGnology client")]
struct Cli {
    /// Workspace root (holding `spec/`); defaults to this source tree.
    #[arg(long, global = true)]
    root: Option<PathBuf>,
    /// Fewer rounds and calls: a rough figure in well under a minute.
    #[arg(long, global = true)]
    quick: bool,
    /// The release `xtask` binary that `whole-regen` runs [default: `xtask` beside this binary].
    #[arg(long, global = true)]
    xtask: Option<PathBuf>,
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Everything below, in turn.
    All,
    /// Generated client vs hand-written reqwest (built per call, and set up once): get, a
    /// query parameter, patch, the largest response, path parameters, another resource's list.
    Calls,
    /// The fake server's throughput, mixed reads.
    Fake,
    /// Regeneration of spec/ at 1×, 10× and 100× its size.
    Regen,
    /// Resident memory over 10,000 sequential calls (each side in a process of its own).
    Memory,
    /// Regeneration of the whole API: the release `xtask regen` and `check`, whole process, and
    /// the stages of the same job timed in this process.
    WholeRegen,
    /// Instructions per call of each side, counted by valgrind's callgrind (when installed).
    Instructions,
    /// One side of one comparison alone, on the same runtime as the comparison, for a profiler
    /// (`perf record -- wegnology-bench profile --side generated`): prints its rate.
    Profile {
        #[arg(long)]
        side: Side,
        #[arg(long, value_enum, default_value_t = CallKind::Get)]
        call: CallKind,
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
    /// Hand-written reqwest, the request built per call ([`Handwritten`]).
    Handwritten,
    /// Hand-written reqwest set up once, as a careful user writes it ([`Careful`]).
    Careful,
}

impl Side {
    /// How the report names a baseline.
    fn baseline(self) -> &'static str {
        match self {
            Side::Generated => "generated",
            Side::Handwritten => "hand-written, built per call",
            Side::Careful => "hand-written, set up once",
        }
    }
}

/// The command-line name clap gives `value` (what a child process is passed).
fn arg_name(value: impl ValueEnum) -> String {
    value
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

/// Runs `$body` with `$generated` bound to the generated side of `$kind` and the type
/// `$answer` to its answer type (one arm per call, so every caller is a concrete type).
macro_rules! per_kind {
    ($setup:expr, $kind:expr, |$generated:ident: $answer:ident| $body:expr) => {{
        let setup: &CallSetup = $setup;
        match $kind {
            CallKind::Get => {
                type $answer = Me;
                let $generated = GeneratedGet(setup.client.clone());
                $body
            }
            CallKind::GetRecent => {
                type $answer = Me;
                let $generated = GeneratedGetRecent(setup.client.clone());
                $body
            }
            CallKind::Patch => {
                type $answer = Me;
                let $generated = GeneratedPatch(setup.client.clone(), setup.patch_body.clone());
                $body
            }
            CallKind::Breakdown => {
                type $answer = PayloadCountsBreakdown;
                let $generated = GeneratedBreakdown(setup.client.clone());
                $body
            }
            CallKind::Device => {
                type $answer = Device;
                let $generated = GeneratedDevice(setup.client.clone());
                $body
            }
            CallKind::Devices => {
                type $answer = Devices;
                let $generated = GeneratedDevices(setup.client.clone());
                $body
            }
        }
    }};
}

/// How much to measure.
struct Settings {
    quick: bool,
    rounds: usize,
    /// Rounds of the per-call comparisons: many short ones, so that the median is steady.
    call_rounds: usize,
    sequential_calls: usize,
    /// Turns per side in a round of sequential calls.
    sequential_turns: usize,
    in_flight_calls: usize,
    in_flight_turns: usize,
    fake_calls: usize,
    /// Repetitions of regeneration at 1×, 10×, 100×.
    regen: [(usize, usize); 3],
    memory_calls: usize,
    /// Runs of the whole `xtask` process (after a warm-up), and passes of the stages.
    whole_runs: usize,
    stage_passes: usize,
}

impl Settings {
    fn new(quick: bool) -> Settings {
        if quick {
            Settings {
                quick,
                rounds: 5,
                call_rounds: 11,
                sequential_calls: 300,
                sequential_turns: 3,
                in_flight_calls: 64 * 20,
                in_flight_turns: 2,
                fake_calls: 800,
                regen: [(1, 3), (10, 1), (100, 1)],
                memory_calls: 10_000,
                whole_runs: 5,
                stage_passes: 5,
            }
        } else {
            Settings {
                quick,
                rounds: 15,
                call_rounds: 41,
                sequential_calls: 1_000,
                sequential_turns: 10,
                in_flight_calls: 64 * 100,
                in_flight_turns: 5,
                fake_calls: 4_000,
                regen: [(1, 10), (10, 5), (100, 3)],
                memory_calls: 10_000,
                whole_runs: 11,
                stage_passes: 11,
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
    let xtask = cli.xtask.or_else(process::default_xtask);
    let result = match cli.task {
        Task::All => run_all(&root, &settings, xtask.as_deref()),
        Task::Calls => per_call_on_pinned_thread(&root, &settings),
        Task::Instructions => instruction_figures(&root, &settings),
        Task::Fake => runtime().and_then(|rt| rt.block_on(fake_throughput(&root, &settings))),
        Task::Regen => regeneration(&root, &settings),
        Task::Memory => memory_figures(&root, &settings),
        Task::WholeRegen => whole_regeneration(&root, &settings, xtask.as_deref()),
        Task::Profile {
            side,
            call,
            in_flight,
            calls,
        } => client_runtime()
            .and_then(|rt| rt.block_on(profile(&root, side, call, in_flight, calls))),
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

/// The runtime the compared clients run on: one thread, so that its CPU time is the client's
/// whole cost and the clients' tasks never wait for a second worker.
fn client_runtime() -> Result<tokio::runtime::Runtime, CallError> {
    Ok(tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?)
}

/// The client's core, when pinned; the canned server gets the other.
const CLIENT_CORE: usize = 0;
const SERVER_CORE: usize = 1;

/// [`per_call`] on a thread of its own pinned to [`CLIENT_CORE`] (a pinned main thread would
/// pass its pinning on to the threads and processes started later).
fn per_call_on_pinned_thread(root: &Path, settings: &Settings) -> Result<Vec<Record>, CallError> {
    let (rounds, sequential_calls, sequential_turns, in_flight_calls, in_flight_turns) = (
        settings.call_rounds,
        settings.sequential_calls,
        settings.sequential_turns,
        settings.in_flight_calls,
        settings.in_flight_turns,
    );
    let root = root.to_path_buf();
    let thread = std::thread::Builder::new()
        .name("bench-client".into())
        .spawn(move || -> Result<Vec<Record>, String> {
            let pinned = harness::pin_to_core(CLIENT_CORE);
            let plan = CallPlan {
                rounds,
                sequential_calls,
                sequential_turns,
                in_flight_calls,
                in_flight_turns,
                pinned,
            };
            client_runtime()
                .and_then(|rt| rt.block_on(per_call(&root, &plan)))
                .map_err(|e| e.to_string())
        })?;
    match thread.join() {
        Ok(result) => Ok(result?),
        Err(_) => Err("the bench client thread panicked".into()),
    }
}

fn run_all(
    root: &Path,
    settings: &Settings,
    xtask: Option<&Path>,
) -> Result<Vec<Record>, CallError> {
    let mut records = per_call_on_pinned_thread(root, settings)?;
    records.extend(instruction_figures(root, settings)?);
    let runtime = runtime()?;
    records.extend(runtime.block_on(fake_throughput(root, settings))?);
    drop(runtime);
    records.extend(regeneration(root, settings)?);
    records.extend(memory_figures(root, settings)?);
    records.extend(whole_regeneration(root, settings, xtask)?);
    Ok(records)
}

/// The per-call comparisons, one section per baseline.
const PER_CALL: &str = "Per call: generated client vs hand-written reqwest built per call";
const PER_CALL_CAREFUL: &str =
    "Per call: generated client vs hand-written reqwest set up once (a careful user's)";

/// The goal of the generated client against the best hand-written use.
const CALL_GOAL: f64 = 1.00;

/// How the per-call comparisons run.
struct CallPlan {
    rounds: usize,
    sequential_calls: usize,
    sequential_turns: usize,
    in_flight_calls: usize,
    in_flight_turns: usize,
    /// The client's thread and the server's are pinned to cores of their own.
    pinned: bool,
}

/// What the per-call figures share: the whole model, the canned server answering every call,
/// one generated client, and the reqwest client of the careful hand-written side.
struct CallSetup {
    model: ApiModel,
    _server: CannedServer,
    url: String,
    client: wegnology::Client,
    careful_http: reqwest::Client,
    /// `Accept-Version` of the careful client's default headers: the API's release.
    default_version: String,
    patch_body: Arc<MePatch>,
    /// What each call's answer is, for the notes.
    answers: Vec<(CallKind, String)>,
}

impl CallSetup {
    async fn start(root: &Path, server_core: Option<usize>) -> Result<CallSetup, CallError> {
        let model = load_whole_model(root)?;
        let mut routes = Routes::from_model(&model);
        let breakdown = breakdown_body().await?;
        let breakdown_note = format!(
            "a week of hourly counts from the embedded fake ({} bytes)",
            breakdown.len()
        );
        routes.insert("GET", "/me/payloadCountsBreakdown", breakdown);
        insert_device_routes(&model, &mut routes)?;
        let devices = format!("/applications/{APPLICATION_ID}/devices");
        let bytes = |path: &str| routes.body("GET", path).map_or(0, |b| b.len());
        let me_note = format!("the `Me` example of `_schemas.md` ({} bytes)", bytes("/me"));
        let answers = vec![
            (CallKind::Get, me_note.clone()),
            (CallKind::GetRecent, me_note),
            (CallKind::Patch, "JSON body: the `Me Patch` example".into()),
            (CallKind::Breakdown, breakdown_note),
            (
                CallKind::Device,
                format!(
                    "the `Device` example ({} bytes); `Accept-Version` of the devices' release",
                    bytes(&format!("{devices}/{DEVICE_ID}"))
                ),
            ),
            (
                CallKind::Devices,
                format!(
                    "the `Devices` example ({} bytes); `Accept-Version` of the devices' release",
                    bytes(&devices)
                ),
            ),
        ];
        let server = match server_core {
            Some(core) => CannedServer::start_on_core(routes, core)?,
            None => CannedServer::start(routes)?,
        };
        let url = server.url();
        let client = generated_client(&url)?;
        let patch_body = Arc::new(patch_body(&model)?);
        let default_version = format!("^{}", model.api_version);
        Ok(CallSetup {
            careful_http: careful_http(&default_version)?,
            default_version,
            answers,
            model,
            _server: server,
            url,
            client,
            patch_body,
        })
    }

    /// What the hand-written sides send for `kind`.
    fn target(&self, kind: CallKind) -> Result<Target, CallError> {
        target(&self.model, kind, &self.patch_body)
    }

    fn handwritten<T>(&self, kind: CallKind) -> Result<Handwritten<T>, CallError> {
        Handwritten::new(&self.url, self.target(kind)?)
    }

    fn careful<T>(&self, kind: CallKind) -> Result<Careful<T>, CallError> {
        Careful::new(
            &self.careful_http,
            &self.default_version,
            &self.url,
            self.target(kind)?,
        )
    }

    fn answer(&self, kind: CallKind) -> &str {
        self.answers
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or("", |(_, note)| note.as_str())
    }
}

async fn per_call(root: &Path, plan: &CallPlan) -> Result<Vec<Record>, CallError> {
    let setup = CallSetup::start(root, plan.pinned.then_some(SERVER_CORE)).await?;
    let mut records = Vec::new();
    for (section, baseline, kinds) in [
        (PER_CALL, Side::Handwritten, &CallKind::ALL[..]),
        (PER_CALL_CAREFUL, Side::Careful, &CallKind::CAREFUL[..]),
    ] {
        for &kind in kinds {
            let note = setup.answer(kind);
            let compared = Compared {
                section,
                kind,
                baseline,
                answer: note,
            };
            records.extend(per_kind!(&setup, kind, |generated: Answer| {
                if baseline == Side::Careful {
                    let careful = setup.careful::<Answer>(kind)?;
                    both_modes(&compared, &generated, &careful, plan).await?
                } else {
                    let handwritten = setup.handwritten::<Answer>(kind)?;
                    both_modes(&compared, &generated, &handwritten, plan).await?
                }
            }));
        }
    }
    Ok(records)
}

/// What one comparison is, for its records.
struct Compared<'a> {
    section: &'static str,
    kind: CallKind,
    baseline: Side,
    answer: &'a str,
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
    compared: &Compared<'_>,
    generated: &A,
    handwritten: &B,
    plan: &CallPlan,
) -> Result<Vec<Record>, CallError> {
    let figure = compared.kind.figure();
    let baseline = compared.baseline.baseline();
    let placement = if plan.pinned {
        "client on one pinned core (current-thread runtime), canned server on the other"
    } else {
        "client on a current-thread runtime, not pinned (one core)"
    };
    let goal = if compared.baseline == Side::Careful {
        "; goal ≥ 1.00× (calls/s)"
    } else {
        ""
    };
    let mut records = Vec::new();
    for (mode, calls) in [
        (Mode::Sequential, plan.sequential_calls),
        (Mode::InFlight(IN_FLIGHT), plan.in_flight_calls),
    ] {
        eprintln!("per call: {figure}, {}, vs {baseline}…", mode.label());
        let turns = match mode {
            Mode::Sequential => plan.sequential_turns,
            Mode::InFlight(_) => plan.in_flight_turns,
        };
        let comparison = compare(generated, handwritten, mode, plan.rounds, calls, turns).await?;
        let (low, high) = comparison.ratio_range();
        let (cpu_generated, cpu_handwritten) = comparison.median_cpu_per_call();
        let met = if compared.baseline != Side::Careful {
            String::new()
        } else if comparison.median_ratio() >= CALL_GOAL {
            " — goal met".to_string()
        } else {
            " — goal not met".to_string()
        };
        records.push(
            Record::new(
                compared.section,
                format!("{figure}, {}", mode.label()),
                format!(
                    "{} calls/s generated, {} {baseline}",
                    thousands(comparison.median_rate_a()),
                    thousands(comparison.median_rate_b())
                ),
            )
            .ratio(format!(
                "{}{met} (rounds {:.2}–{:.2}; {} of {} rounds ≥ 1.00); client CPU per call {}",
                times(comparison.median_ratio()),
                low,
                high,
                comparison.rounds_at_least(1.0),
                comparison.rounds.len(),
                times(comparison.median_cpu_ratio())
            ))
            .note(format!(
                "{} rounds × {} calls per side, each round in {} turns per side (A B B A …); client CPU per call {:.1} µs generated, {:.1} µs {baseline}; {placement}; {}{goal}",
                plan.rounds,
                thousands(calls as f64),
                turns,
                cpu_generated / 1e3,
                cpu_handwritten / 1e3,
                compared.answer,
            )),
        );
    }
    Ok(records)
}

const INSTRUCTIONS: &str = "Per call: instructions executed (callgrind)";

/// Instructions per call of each side, from valgrind's callgrind: a count, not a time, so it
/// is the same whatever else the machine is doing. Each side runs `profile` twice, with `few`
/// and `many` calls; the difference divided by the extra calls cancels start-up. Sequential
/// calls against both baselines; 64 in flight against the careful one.
fn instruction_figures(root: &Path, settings: &Settings) -> Result<Vec<Record>, CallError> {
    let found = std::process::Command::new("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        eprintln!("instructions: valgrind not found, skipped");
        return Ok(vec![Record::new(
            INSTRUCTIONS,
            "every call",
            "not measured: valgrind is not installed",
        )]);
    }
    let (kinds, few, many): (&[CallKind], usize, usize) = if settings.quick {
        (&[CallKind::Get], 200, 600)
    } else {
        (&CallKind::ALL, 500, 1_500)
    };
    let exe = std::env::current_exe()?;
    let scratch = tempfile::tempdir()?;
    let mut records = Vec::new();
    // Sequential against every baseline; 64 in flight against the careful one (the goal's), in
    // runs of whole batches of 64.
    let modes = [
        (1, few, many),
        (
            IN_FLIGHT,
            few.next_multiple_of(IN_FLIGHT),
            many.next_multiple_of(IN_FLIGHT),
        ),
    ];
    for &kind in kinds {
        for &(in_flight, few, many) in &modes {
            let mut sides = vec![Side::Generated];
            if in_flight == 1 {
                sides.push(Side::Handwritten);
            }
            if CallKind::CAREFUL.contains(&kind) {
                sides.push(Side::Careful);
            }
            if sides.len() == 1 {
                continue;
            }
            let mode = if in_flight == 1 {
                "sequential".to_string()
            } else {
                format!("{in_flight} in flight")
            };
            // Per side: instructions per call of the client's thread, and of the whole process.
            let mut per_side = Vec::new();
            for &side in &sides {
                eprintln!(
                    "instructions: {}, {mode}, {}…",
                    kind.figure(),
                    arg_name(side)
                );
                let count = |calls: usize| {
                    callgrind_count(&exe, root, scratch.path(), side, kind, in_flight, calls)
                };
                // Both runs at once: a count does not depend on what else the machine runs,
                // and valgrind runs a process's threads one at a time, on one core.
                let (few_count, many_count) = std::thread::scope(|scope| {
                    let few_run = scope.spawn(|| count(few));
                    let many_count = count(many);
                    (few_run.join(), many_count)
                });
                let few_count = few_count.map_err(|_| "a callgrind run panicked")??;
                let many_count = many_count?;
                let extra = (many - few) as f64;
                per_side.push((
                    side,
                    many_count.client.saturating_sub(few_count.client) as f64 / extra,
                    many_count.process.saturating_sub(few_count.process) as f64 / extra,
                ));
            }
            let (_, client_g, process_g) = per_side[0];
            for &(side, client_h, process_h) in &per_side[1..] {
                let baseline = side.baseline();
                let goal = match side {
                    Side::Careful if client_h / client_g >= CALL_GOAL => "; goal ≥ 1.00×: met",
                    Side::Careful => "; goal ≥ 1.00×: not met",
                    _ => "",
                };
                records.push(
                    Record::new(
                        INSTRUCTIONS,
                        format!("{}, {mode}, vs {baseline}", kind.figure()),
                        format!(
                            "{} instructions per call generated, {} {baseline} (the client's thread)",
                            thousands(client_g),
                            thousands(client_h)
                        ),
                    )
                    .ratio(format!(
                        "{} fewer{goal}; whole process {}",
                        times(client_h / client_g),
                        times(process_h / process_g)
                    ))
                    .note(format!(
                        "{baseline} ÷ generated; runs of {} and {} calls, the difference per call; whole process (canned server included) {} generated, {} {baseline}",
                        thousands(few as f64),
                        thousands(many as f64),
                        thousands(process_g),
                        thousands(process_h)
                    )),
                );
            }
        }
    }
    Ok(records)
}

fn callgrind_count(
    exe: &Path,
    root: &Path,
    scratch: &Path,
    side: Side,
    kind: CallKind,
    in_flight: usize,
    calls: usize,
) -> Result<InstructionCount, CallError> {
    let stem = format!(
        "callgrind.{}.{}.{in_flight}.{calls}",
        arg_name(side),
        arg_name(kind)
    );
    let output = std::process::Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg("--separate-threads=yes")
        .arg(format!(
            "--callgrind-out-file={}",
            scratch.join(&stem).display()
        ))
        .arg(exe)
        .arg("--root")
        .arg(root)
        .args(["profile", "--side"])
        .arg(arg_name(side))
        .arg("--call")
        .arg(arg_name(kind))
        .arg("--in-flight")
        .arg(in_flight.to_string())
        .arg("--calls")
        .arg(calls.to_string())
        .output()?;
    if !output.status.success() {
        return Err(format!(
            "callgrind run failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    Ok(instructions::read_counts(scratch, &stem)?)
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
        4,
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
        "{} rounds × {} requests per side, in 4 turns; the fake checks the token and scopes and builds each answer; reqwest, bodies read, not decoded",
        settings.rounds,
        thousands(settings.fake_calls as f64)
    ))])
}

const REGEN: &str = "Regeneration: parse + merge + generate + format";

fn regeneration(root: &Path, settings: &Settings) -> Result<Vec<Record>, CallError> {
    let spec = root.join("spec/published");
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

const WHOLE: &str = "Regeneration of the whole API: release `xtask regen`, and its stages";

/// The whole-API regeneration's goal on this machine, wall-clock.
const WHOLE_GOAL_SECONDS: f64 = 0.300;

/// The release `xtask regen` and `check` as whole processes in a scratch copy of the project
/// (median wall time ÷ [`WHOLE_GOAL_SECONDS`]), then the same job's stages timed in this
/// process (each stage ÷ their total).
fn whole_regeneration(
    root: &Path,
    settings: &Settings,
    xtask: Option<&Path>,
) -> Result<Vec<Record>, CallError> {
    let mut records = Vec::new();
    eprintln!("whole regen: the stages, in this process…");
    let figures = stages::measure(&root.join("spec/published"), settings.stage_passes)?;
    let scope = format!(
        "{} resources, {} actions, {} schemas",
        figures.resources, figures.actions, figures.schemas
    );
    let mut regen_wall = None;
    match xtask {
        None => records.push(Record::new(
            WHOLE,
            "`xtask regen`, whole process",
            "not measured: no release `xtask` beside this binary (`cargo build --release -p xtask`, or pass --xtask)",
        )),
        Some(xtask) => {
            let scratch = process::Scratch::copy_of(root)?;
            for (task, what) in [
                ("regen", "the job: it parses, computes every output, lists the diagnostics against the previous model.json, compares each output with its file and writes none (the copy is up to date)"),
                ("check", "every output computed and compared with its file, nothing printed but one line"),
            ] {
                eprintln!("whole regen: `xtask {task}`, {} runs…", settings.whole_runs);
                let figure = process::measure(xtask, scratch.root(), task, settings.whole_runs)?;
                if task == "regen" {
                    regen_wall = Some(figure.seconds);
                }
                eprintln!("whole regen: `xtask {task}` under callgrind…");
                let instructions = match process::instructions(xtask, scratch.root(), task)? {
                    Some(count) => format!("; {} instructions", thousands(count as f64)),
                    None => String::new(),
                };
                records.push(
                    Record::new(
                        WHOLE,
                        format!("`xtask {task}`, whole process ({scope})"),
                        format!(
                            "{:.0} ms wall (runs {:.0}–{:.0} ms), CPU {:.0} ms{instructions}",
                            figure.seconds * 1e3,
                            figure.fastest * 1e3,
                            figure.slowest * 1e3,
                            figure.cpu_seconds * 1e3
                        ),
                    )
                    .ratio(format!(
                        "{} of the {:.0} ms goal",
                        times(figure.seconds / WHOLE_GOAL_SECONDS),
                        WHOLE_GOAL_SECONDS * 1e3
                    ))
                    .note(format!(
                        "`target/release/xtask --root <scratch> {task}`, median of {} runs after a warm-up; {what}; the scratch copy holds {}; CPU = user + system (the children's times of /proc/self/stat, 10 ms ticks); instructions: callgrind, one run, a count the machine's load does not move",
                        figure.repetitions,
                        process::COPIED.join(", ")
                    )),
                );
            }
        }
    }
    let total = figures.total;
    let [model_bytes, openapi_bytes, code_bytes] = figures.output_bytes;
    records.push(
        Record::new(
            WHOLE,
            "in process: the stages below, one pass",
            format!("{:.1} ms", total * 1e3),
        )
        .ratio(match regen_wall {
            Some(wall) => format!("{} of the whole `xtask regen`", times(total / wall)),
            None => String::new(),
        })
        .note(format!(
            "median of {} passes after a warm-up, in the bench's (release) process: `wegnology_parser::load`'s stages in its order (a parser run over several documents is one stage, the sum of its runs), then the outputs (model.json {} KiB, openapi.json {} KiB, generated.rs {} KiB); the rest of the whole process is start-up, the four fixtures' outputs, reading the files to compare with, and the printing",
            figures.repetitions,
            thousands(model_bytes as f64 / 1024.0),
            thousands(openapi_bytes as f64 / 1024.0),
            thousands(code_bytes as f64 / 1024.0),
        )),
    );
    for (stage, seconds) in &figures.stages {
        records.push(
            Record::new(
                WHOLE,
                format!("stage: {stage}"),
                format!("{:.1} ms", seconds * 1e3),
            )
            .ratio(format!(
                "{} of the stages' total ({:.0}%)",
                times(seconds / total),
                seconds / total * 100.0
            ))
            .note(format!("median of {} passes", figures.repetitions)),
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
    let generated = run(&arg_name(Side::Generated))?;
    let handwritten = run(&arg_name(Side::Handwritten))?;
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
    kind: CallKind,
    in_flight: usize,
    calls: usize,
) -> Result<Vec<Record>, CallError> {
    let setup = CallSetup::start(root, None).await?;
    let mode = if in_flight > 1 {
        Mode::InFlight(in_flight)
    } else {
        Mode::Sequential
    };
    let rate = per_kind!(&setup, kind, |generated: Answer| match side {
        Side::Generated => harness::rate(&generated, mode, calls).await?,
        Side::Handwritten => {
            harness::rate(&setup.handwritten::<Answer>(kind)?, mode, calls).await?
        }
        Side::Careful => harness::rate(&setup.careful::<Answer>(kind)?, mode, calls).await?,
    });
    Ok(vec![Record::new(
        "Profile",
        format!("{}, {}, {}", kind.figure(), mode.label(), side.baseline()),
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
            let target = Target::of(&model, "me", "get", Method::GET, "/me")?;
            let caller = Handwritten::<Me>::new(&url, target)?;
            memory::probe(&caller, calls, &checkpoints).await?
        }
        Side::Careful => {
            let target = Target::of(&model, "me", "get", Method::GET, "/me")?;
            let default_version = format!("^{}", model.api_version);
            let http = careful_http(&default_version)?;
            let caller = Careful::<Me>::new(&http, &default_version, &url, target)?;
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
