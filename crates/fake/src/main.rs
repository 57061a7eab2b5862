//! `cargo run -p wegnology-fake -- --port 8080`: serves the fake Me API on 127.0.0.1 and prints
//! the URL and a token to use, until Ctrl-C.

use clap::Parser;
use wegnology_fake::{FakeConfig, FakeServer};

/// An embedded fake of the WEGnology Me API, on 127.0.0.1.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Args {
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Seed for ids, tokens, two-factor keys and usage counts.
    #[arg(long, default_value_t = 0)]
    seed: u64,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let config = FakeConfig {
        seed: args.seed,
        port: args.port,
        ..FakeConfig::default()
    };
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
    println!("Ctrl-C to stop.");
    if let Err(error) = tokio::signal::ctrl_c().await {
        eprintln!("wegnology-fake: cannot wait for Ctrl-C: {error}");
    }
    server.shutdown().await;
    std::process::ExitCode::SUCCESS
}
