//! The benchmark harness works: every side of the comparisons sends the same request, rounds run
//! as many calls as asked, synthetic specs parse into N times the actions. Tiny counts and no
//! timed assertions; the figures themselves come from `cargo xtask bench`.

use std::sync::Arc;

use reqwest::Method;
use wegnology::{Device, Devices, Me, PayloadCountsBreakdown};
use wegnology_bench::calls::{
    careful_http, generated_client, insert_device_routes, patch_body, target, CallKind, Careful,
    GeneratedBreakdown, GeneratedDevice, GeneratedDevices, GeneratedGet, GeneratedGetRecent,
    GeneratedPatch, Handwritten, Target,
};
use wegnology_bench::harness::{compare, Caller, Mode};
use wegnology_bench::server::{CannedServer, Routes};
use wegnology_bench::{
    default_root, fake, load_model, load_whole_model, memory, process, regen, stages,
};

/// One call of `kind` by each side: the generated client, built per call, set up once.
async fn every_side(
    kind: CallKind,
    model: &wegnology_model::ApiModel,
    client: &wegnology::Client,
    url: &str,
) {
    let body = Arc::new(patch_body(model).unwrap());
    let version = format!("^{}", model.api_version);
    let http = careful_http(&version).unwrap();
    let target = target(model, kind, &body).unwrap();
    macro_rules! sides {
        ($generated:expr, $answer:ty) => {{
            $generated.call().await.unwrap();
            Handwritten::<$answer>::new(url, target.clone())
                .unwrap()
                .call()
                .await
                .unwrap();
            Careful::<$answer>::new(&http, &version, url, target.clone())
                .unwrap()
                .call()
                .await
                .unwrap();
        }};
    }
    let client = client.clone();
    match kind {
        CallKind::Get => sides!(GeneratedGet(client), Me),
        CallKind::GetRecent => sides!(GeneratedGetRecent(client), Me),
        CallKind::Patch => sides!(GeneratedPatch(client, body.clone()), Me),
        CallKind::Breakdown => sides!(GeneratedBreakdown(client), PayloadCountsBreakdown),
        CallKind::Device => sides!(GeneratedDevice(client), Device),
        CallKind::Devices => sides!(GeneratedDevices(client), Devices),
    }
}

#[tokio::test]
async fn every_side_sends_the_same_request() {
    let model = load_whole_model(&default_root()).unwrap();
    let mut routes = Routes::from_model(&model);
    insert_device_routes(&model, &mut routes).unwrap();
    let server = CannedServer::start_recording(routes).unwrap();
    let url = server.url();
    let client = generated_client(&url).unwrap();
    for kind in CallKind::ALL {
        // The breakdown's body comes from the fake in the bench (the documents have no
        // example); its request is a plain `GET` of a fixed path, as `get`'s is.
        if kind == CallKind::Breakdown {
            continue;
        }
        let before = server.seen().len();
        every_side(kind, &model, &client, &url).await;
        let seen = &server.seen()[before..];
        assert_eq!(seen.len(), 3, "{}", kind.figure());
        assert_eq!(
            seen[0],
            seen[1],
            "{}: generated vs built per call",
            kind.figure()
        );
        assert_eq!(
            seen[0],
            seen[2],
            "{}: generated vs set up once",
            kind.figure()
        );
    }
    let seen = server.seen();
    let target = |n: usize| seen[3 * n].target.as_str();
    assert!(target(0).starts_with("/me?"), "{}", target(0));
    assert!(target(1).ends_with("&includeRecent=true"), "{}", target(1));
    assert_eq!(seen[6].method, "PATCH");
    let sent: serde_json::Value = serde_json::from_slice(&seen[6].body).unwrap();
    assert_eq!(
        Some(&sent),
        model.schema("me-patch").unwrap().example.as_ref(),
        "the patch body is the documented example"
    );
    assert_eq!(
        target(3),
        "/applications/575ec8687ae143cd83dc4a97/devices/575ecf887ae143cd83dc4aa2\
         ?_actions=false&_links=true&_embedded=true"
    );
    assert_eq!(
        target(4),
        "/applications/575ec8687ae143cd83dc4a97/devices\
         ?_actions=false&_links=true&_embedded=true&page=0&perPage=10"
    );
    // The devices' actions are of another release: every side says so.
    let version = |n: usize| {
        seen[3 * n]
            .headers
            .iter()
            .find(|(name, _)| name == "accept-version")
            .map(|(_, value)| value.clone())
    };
    assert_eq!(version(0).as_deref(), Some("^1.26.2"));
    assert_eq!(version(3).as_deref(), Some("^1.24.5"));
    assert_eq!(version(4).as_deref(), Some("^1.24.5"));
}

#[tokio::test]
async fn interleaved_rounds_make_the_calls_asked_for() {
    let model = load_model(&default_root()).unwrap();
    let server = CannedServer::start_recording(Routes::from_model(&model)).unwrap();
    let url = server.url();
    let generated = GeneratedGet(generated_client(&url).unwrap());
    let get = Target::of(&model, "me", "get", Method::GET, "/me").unwrap();
    let handwritten = Handwritten::<Me>::new(&url, get).unwrap();

    for mode in [Mode::Sequential, Mode::InFlight(4)] {
        let before = server.seen().len();
        // Eight calls a round, in three turns per side (3 + 3 + 2).
        let comparison = compare(&generated, &handwritten, mode, 2, 8, 3)
            .await
            .unwrap();
        assert_eq!(comparison.rounds.len(), 2);
        assert!(comparison
            .rounds
            .iter()
            .all(|(a, b)| a.is_finite() && *a > 0.0 && b.is_finite() && *b > 0.0));
        assert!(comparison.median_ratio() > 0.0);
        // Per side: a warm-up of a quarter round, then two rounds of eight.
        assert_eq!(server.seen().len() - before, 2 * (2 + 2 * 8));
    }
}

#[tokio::test]
async fn a_failing_call_stops_the_comparison() {
    let model = load_model(&default_root()).unwrap();
    // No routes: every call answers 404.
    let server = CannedServer::start(Routes::default()).unwrap();
    let url = server.url();
    let generated = GeneratedGet(generated_client(&url).unwrap());
    let get = Target::of(&model, "me", "get", Method::GET, "/me").unwrap();
    let handwritten = Handwritten::<Me>::new(&url, get).unwrap();
    assert!(compare(&generated, &handwritten, Mode::Sequential, 1, 2, 1)
        .await
        .is_err());
}

#[test]
fn synthetic_spec_has_n_times_the_actions() {
    let root = default_root();
    let once = regen::measure(&root.join("spec/published"), 1, 1).unwrap();
    let twice = regen::measure(&root.join("spec/published"), 2, 1).unwrap();
    let thrice = regen::measure(&root.join("spec/published"), 3, 1).unwrap();
    assert_eq!(thrice.actions, 3 * once.actions);
    // Each copy adds its actions' code, the same for every copy (the types are shared): the
    // code grows linearly with the actions. (Not "more than twice": per-action code is now a
    // smaller share of the file than the shared types.)
    let added = twice.generated_lines - once.generated_lines;
    assert!(added > 0, "{once:?} {twice:?}");
    assert_eq!(thrice.generated_lines - twice.generated_lines, added);
}

#[test]
fn synthetic_copies_join_across_all_documents() {
    let root = default_root();
    let mut docs = wegnology_parser::Documents::read(&root.join("spec/published")).unwrap();
    docs.package = None;
    let model = wegnology_parser::parse(&docs).unwrap();
    let tripled = wegnology_bench::synthetic::repeat(&docs, &model, 3).unwrap();
    let big = wegnology_parser::parse(&tripled).unwrap();
    let get_v3 = big.action("me", "get_v3").expect("a renamed copy of `get`");
    assert_eq!(get_v3.title, "Get V3");
    assert_eq!(get_v3.camel_name, "getV3");
    assert!(get_v3.scopes.contains(&"me.getV3".to_string()));
    // Each copy finds its REST and JS sections: per-action diagnostics grow with the copies
    // (a copy missing its JS section would add a gap of its own).
    let per_action =
        |m: &wegnology_model::ApiModel| m.diagnostics.iter().filter(|d| d.action.is_some()).count();
    assert_eq!(per_action(&big), 3 * per_action(&model));
}

#[test]
fn memory_figures_are_read() {
    let (rss, peak) = memory::rss_kib().expect("/proc/self/status on Linux");
    assert!(rss > 0 && peak >= rss);
}

#[test]
fn mixed_reads_cover_the_read_actions() {
    let model = load_model(&default_root()).unwrap();
    let targets = fake::read_targets(&model);
    assert!(targets.iter().any(|t| t == "/me"));
    assert!(targets.iter().all(|t| t.starts_with("/me")));
    let routes = fake::baseline_routes(&model);
    for target in &targets {
        let path = target.split('?').next().unwrap();
        assert!(routes.body("GET", path).is_some(), "{target}");
    }
}

#[test]
fn the_whole_api_stages_are_the_whole_regeneration() {
    let published = default_root().join("spec/published");
    let pass = stages::pass(&published).unwrap();
    // Every stage, in order, once.
    let names: Vec<&str> = pass.stages.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, stages::STAGES);
    // The stages are parts of the pass: each took some time, together no more than the pass.
    assert!(pass.stages.iter().all(|(_, s)| s.is_finite() && *s >= 0.0));
    let sum: f64 = pass.stages.iter().map(|(_, s)| s).sum();
    assert!(sum <= pass.total, "stages {sum} s, pass {} s", pass.total);
    // Reproduced stage by stage, the job gives what the library's one-call functions give.
    let model = wegnology_parser::load(&published).unwrap();
    assert!(pass.model == model, "the staged parse differs from `load`");
    assert_eq!(pass.model_json, model.to_json());
    assert_eq!(
        pass.openapi_json,
        wegnology_openapi::to_json(&model).unwrap()
    );
    let files: String =
        wegnology_codegen::render_files(&model, wegnology_codegen::Options::CLIENT_CRATE)
            .into_iter()
            .filter(|(name, _)| name.ends_with(".rs"))
            .map(|(_, text)| text)
            .collect();
    assert_eq!(pass.code, files);
    // The whole API: every resource, not only Me's.
    assert!(model.resources.len() > 1);

    let figures = stages::measure(&published, 1).unwrap();
    assert_eq!(figures.repetitions, 1);
    assert_eq!(figures.stages.len(), stages::STAGES.len());
    assert_eq!(
        (figures.resources, figures.actions, figures.schemas),
        (
            model.resources.len(),
            model.actions.len(),
            model.schemas.len()
        )
    );
    assert_eq!(figures.output_bytes[0], pass.model_json.len());
    assert_eq!(figures.output_bytes[2], pass.code.len());
}

#[test]
fn the_scratch_copy_holds_what_regen_reads_and_writes() {
    let root = default_root();
    let scratch = process::Scratch::copy_of(&root).unwrap();
    for item in process::COPIED {
        assert!(scratch.root().join(item).exists(), "{item}");
    }
    let model = "spec/generated/model.json";
    assert_eq!(
        std::fs::read(scratch.root().join(model)).unwrap(),
        std::fs::read(root.join(model)).unwrap()
    );
    assert!(scratch
        .root()
        .join("crates/parser/tests/fixtures/one-of")
        .is_dir());
}

#[cfg(unix)]
#[test]
fn a_whole_process_run_must_find_the_outputs_up_to_date() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // Stand-ins for the xtask binary: one whose outputs are up to date, one that found them stale.
    let script = |name: &str, out: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, format!("#!/bin/sh\necho '{out}'\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    };
    let fresh = script("fresh", "up to date: spec/generated/model.json");
    let stale = script(
        "stale",
        "action needed: review and commit spec/generated/model.json",
    );
    let run = process::run(&fresh, dir.path(), "check").unwrap();
    assert!(run.seconds > 0.0);
    assert!(run.cpu_seconds.is_nan() || run.cpu_seconds >= 0.0);
    assert!(process::run(&stale, dir.path(), "regen").is_err());
    let figure = process::measure(&fresh, dir.path(), "check", 3).unwrap();
    assert_eq!(figure.repetitions, 3);
    assert!(figure.fastest <= figure.seconds && figure.seconds <= figure.slowest);
}
