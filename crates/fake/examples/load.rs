//! `cargo run --release -p wegnology-fake --example load [-- CLIENTS REQUESTS IDLE_SOCKETS]`
//!
//! 1. 64 concurrent clients send 10,000 mixed requests (profile reads and PATCHes, recent
//!    items, usage counts, `refreshToken` and `changePassword` with token rotation), then every
//!    client's recent list is checked against what it added: no accepted update may be lost,
//!    no profile seen half-written, no status other than 200.
//! 2. 1,000 idle sockets are opened (a tenth of them with an unfinished request head); a normal
//!    client must be served while they are open, and the server must close them all within
//!    its idle timeout.
//!
//! Prints the figures; exits non-zero when a check fails. Traffic stays on 127.0.0.1 and the
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
    let load_ok = report.unexpected() == 0
        && report.lost_updates == 0
        && report.torn_profiles == 0
        && !report.unknown_final_profile;

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
