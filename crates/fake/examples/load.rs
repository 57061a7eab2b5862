//! `cargo run --release -p wegnology-fake --example load [-- CLIENTS REQUESTS IDLE_SOCKETS APPLICATIONS]`
//!
//! 1. 4 applications are created through the API; then 64 concurrent clients (16 per
//!    application) send 10,000 requests mixing resources: devices created, listed (all of the
//!    application's in one page, or a walk of pages of 4), patched, read and deleted, while
//!    Me's profile is read and patched, recent items are added and listed and tokens rotate
//!    (`refreshToken`, `changePassword`, each client going on with its new token). Every
//!    answer is checked as it arrives and the end state once all clients are done:
//!    - no lost update: each device belongs to the client that created it, which sends one
//!      request at a time, so its last accepted write (a description and a tag carrying the
//!      write's number) is exactly what every later GET, listing and PATCH answer shows, and
//!      a created device is listed until its owner deletes it (Me's recent items and profile
//!      are checked the same way);
//!    - no device listed after its delete: a listing or GET sent after a DELETE was answered
//!      must not hold that device;
//!    - counts: `count` and `totalCount` agree with the items of every page, and at the end
//!      the walk of every page agrees with the one-page listing, which holds exactly the
//!      devices the clients own;
//!    - only documented statuses: each action's successes and errors from the endpoint model
//!      (and each the one expected: 201 for a create, 404 for a deleted device).
//! 2. 1,000 idle sockets are opened (a tenth of them with an unfinished request head); a normal
//!    client must be served while they are open, and the server must close them all within
//!    its idle timeout.
//!
//! Prints the figures (requests, duration, requests/s, devices created and deleted, the
//! violations of each kind, resident memory before and after); prints each violation on a
//! line of its own and exits non-zero when a check fails. Traffic stays on 127.0.0.1 and the
//! run is bounded in requests and time.

#[path = "../tests/common/load.rs"]
mod load;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use wegnology_fake::{FakeConfig, FakeServer};

fn argument(position: usize, default: usize) -> usize {
    std::env::args()
        .nth(position)
        .and_then(|text| text.parse().ok())
        .unwrap_or(default)
}

/// Opens `count` idle sockets, times a normal request among them, then times how long the
/// server takes to close them all. Returns whether every check held.
async fn idle_connections(count: usize) -> bool {
    let idle_timeout = Duration::from_secs(2);
    let server = FakeServer::start_with(FakeConfig {
        idle_timeout,
        max_connections: count + 64,
        ..FakeConfig::default()
    })
    .await
    .expect("the fake starts");
    let rss_before = load::resident_kib();
    let opened = Instant::now();
    let mut sockets = Vec::with_capacity(count);
    for n in 0..count {
        let Ok(mut socket) = TcpStream::connect(server.address()).await else {
            println!("could open only {n} sockets (file descriptor limit?)");
            return false;
        };
        if n % 10 == 0 {
            let _ = socket.write_all(b"GET /me HTTP/1.1\r\nHost: x\r\n").await;
        }
        sockets.push(socket);
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let open_at_peak = server.open_connections();
    let rss_peak = load::resident_kib();
    let asked = Instant::now();
    let served = tokio::time::timeout(
        Duration::from_secs(5),
        reqwest::Client::new()
            .get(format!("{}/me", server.url()))
            .bearer_auth(server.token())
            .send(),
    )
    .await;
    let normal_latency = asked.elapsed();
    let normal_ok = matches!(&served, Ok(Ok(response)) if response.status().is_success());

    let mut last_closed = Duration::ZERO;
    let mut still_open = 0;
    let deadline = opened + idle_timeout + Duration::from_secs(5);
    for socket in &mut sockets {
        let mut buffer = [0u8; 256];
        let closed = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match tokio::time::timeout(left, socket.read(&mut buffer)).await {
                Err(_) => break false,
                Ok(Ok(0)) | Ok(Err(_)) => break true,
                Ok(Ok(_)) => continue,
            }
        };
        if closed {
            last_closed = last_closed.max(opened.elapsed());
        } else {
            still_open += 1;
        }
    }
    let kib = |v: Option<u64>| v.map_or("unknown".to_string(), |v| format!("{v} KiB"));
    println!("idle sockets: {count} opened ({open_at_peak} connections open at the server)");
    println!(
        "normal request while they were open: {} in {normal_latency:.2?}",
        if normal_ok { "200" } else { "FAILED" }
    );
    println!(
        "idle timeout {idle_timeout:?}: all closed {last_closed:.2?} after the first was opened; still open: {still_open}"
    );
    println!(
        "resident memory: before {}, with the sockets open {}",
        kib(rss_before),
        kib(rss_peak)
    );
    server.shutdown().await;
    normal_ok && still_open == 0
}

#[tokio::main]
async fn main() -> ExitCode {
    let plan = load::LoadPlan {
        clients: argument(1, 64).max(1),
        requests: argument(2, 10_000),
        applications: argument(4, 4).max(1),
    };
    let idle = argument(3, 1_000);
    let server = FakeServer::start_with(FakeConfig {
        max_connections: plan.clients * 2,
        ..FakeConfig::default()
    })
    .await
    .expect("the fake starts");
    println!("== load ==");
    let report = load::run(&server, plan).await;
    println!("{report}");
    server.shutdown().await;
    let failures = [
        ("lost updates", report.lost_updates()),
        (
            "devices listed after their delete",
            report.listed_after_delete,
        ),
        ("count mismatches", report.count_mismatches),
        ("undocumented statuses", report.undocumented_statuses),
        (
            "documented but unexpected statuses",
            report.unexpected_statuses,
        ),
        ("requests without an answer", report.transport_errors),
        ("torn profiles", report.torn_profiles),
        (
            "final profiles no PATCH wrote",
            usize::from(report.unknown_final_profile),
        ),
    ];
    for (what, count) in failures.iter().filter(|(_, count)| *count > 0) {
        println!("CHECK FAILED: {count} {what}");
    }
    let load_ok = report.violations() == 0;

    println!("== idle connections ==");
    let idle_ok = idle_connections(idle).await;

    if load_ok && idle_ok {
        println!("all checks held");
        ExitCode::SUCCESS
    } else {
        println!("CHECKS FAILED");
        ExitCode::FAILURE
    }
}
