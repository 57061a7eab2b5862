//! `cargo run -p wegnology-fake -- --port 8080`: serves the fake WEGnology API (every resource,
//! Me's user and a seeded store of applications with their devices) on 127.0.0.1 and prints the
//! URL, a token and the seeded applications to use, until Ctrl-C.

use std::time::Duration;

use clap::Parser;
use wegnology_fake::{FakeConfig, FakeServer, FaultRule, RateLimit};

/// An embedded fake of the WEGnology API (every resource), on 127.0.0.1.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Args {
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Seed for ids (of the seeded applications, devices and the rest), tokens, two-factor
    /// keys, usage counts and fault draws.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// A fault rule, repeatable: e.g. `status=429,retry-after=2,next=3`,
    /// `status=503,fraction=0.1`, `delay=500ms,action=get`, `reset,next=1`, `truncate`.
    #[arg(long = "fault", value_name = "RULE")]
    faults: Vec<FaultRule>,
    /// Requests per second allowed per token (429 with Retry-After past it); off by default.
    #[arg(long, value_name = "N")]
    rate_limit: Option<u32>,
    /// Seconds a connection may wait without a complete request head before it is closed.
    #[arg(long, default_value_t = FakeConfig::DEFAULT_IDLE_TIMEOUT.as_secs_f64())]
    idle_timeout: f64,
    /// Most connections open at once.
    #[arg(long, default_value_t = FakeConfig::DEFAULT_MAX_CONNECTIONS)]
    max_connections: usize,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let Some(idle_timeout) = Duration::try_from_secs_f64(args.idle_timeout)
        .ok()
        .filter(|timeout| !timeout.is_zero())
    else {
        eprintln!("wegnology-fake: --idle-timeout must be a positive number of seconds");
        return std::process::ExitCode::FAILURE;
    };
    let config = FakeConfig {
        seed: args.seed,
        port: args.port,
        faults: args.faults,
        rate_limit: args.rate_limit.map(RateLimit::per_second),
        idle_timeout,
        max_connections: args.max_connections,
        ..FakeConfig::default()
    };
    let server_faults = config.faults.clone();
    let server = match FakeServer::start_with(config).await {
        Ok(server) => server,
        Err(error) => {
            eprintln!("wegnology-fake: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    // Printing the token is this binary's purpose: it is a fake's, valid only here.
    println!("WEGnology fake Me API at {}", server.url());
    println!("token:    {}", server.token());
    println!("email:    {}", server.email());
    println!("password: {}", server.password());
    let model = server.model();
    println!(
        "serving:  {} resources, {} actions",
        model.resources.len(),
        model.actions.len()
    );
    let stored = server.stored_paths();
    for id in server.application_ids() {
        let devices = format!("/applications/{id}/devices/");
        let count = stored
            .iter()
            .filter(|path| {
                path.strip_prefix(&devices)
                    .is_some_and(|rest| !rest.contains('/'))
            })
            .count();
        println!("app:      {id} ({count} devices: GET /applications/{id}/devices)");
    }
    for rule in &server_faults {
        println!("fault:    {rule}");
    }
    println!("Ctrl-C to stop.");
    if let Err(error) = tokio::signal::ctrl_c().await {
        eprintln!("wegnology-fake: cannot wait for Ctrl-C: {error}");
    }
    server.shutdown().await;
    std::process::ExitCode::SUCCESS
}
