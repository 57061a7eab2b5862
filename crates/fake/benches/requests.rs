//! How fast the fake answers over loopback HTTP: `cargo bench -p wegnology-fake`.
//! A plain bench binary: median latency of sequential requests per action kind, and
//! throughput of concurrent ones.

use std::time::{Duration, Instant};

use serde_json::json;
use wegnology_fake::FakeServer;

async fn measure(name: &str, mut run: impl AsyncFnMut()) {
    for _ in 0..50 {
        run().await;
    }
    let mut samples: Vec<Duration> = Vec::with_capacity(300);
    for _ in 0..300 {
        let start = Instant::now();
        run().await;
        samples.push(start.elapsed());
    }
    samples.sort();
    println!(
        "{name:<36} best {:>9.1?}  median {:>9.1?}  p99 {:>9.1?}",
        samples[0],
        samples[samples.len() / 2],
        samples[samples.len() * 99 / 100]
    );
}

#[tokio::main]
async fn main() {
    let fake = FakeServer::start().await.expect("the fake starts");
    let http = reqwest::Client::new();
    let url = fake.url();
    let token = fake.token().to_string();

    let get = |path: &'static str| {
        let request = http.get(format!("{url}{path}")).bearer_auth(&token);
        async move {
            let response = request.send().await.expect("request");
            assert!(response.status().is_success());
            response.bytes().await.expect("body");
        }
    };
    measure("GET /me", || get("/me")).await;
    measure("GET /me?summaryInclude=payloadCount", || {
        get("/me?summaryInclude=payloadCount")
    })
    .await;
    measure("GET /me/payloadCountsBreakdown (1000 h)", || {
        get("/me/payloadCountsBreakdown?start=0&end=1465790400000&resolution=3600000")
    })
    .await;
    let body = json!({"itemType": "device", "itemId": "575ecf887ae143cd83dc4aa2"});
    measure("POST /me/recentItems (schema check)", || {
        let request = http
            .post(format!("{url}/me/recentItems"))
            .bearer_auth(&token)
            .json(&body);
        async move {
            let response = request.send().await.expect("request");
            assert!(response.status().is_success());
        }
    })
    .await;

    let total = 4_000;
    let start = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..16 {
        let http = http.clone();
        let url = url.clone();
        let token = token.clone();
        tasks.push(tokio::spawn(async move {
            for _ in (worker..total).step_by(16) {
                let response = http
                    .get(format!("{url}/me/invites"))
                    .bearer_auth(&token)
                    .send()
                    .await
                    .expect("request");
                response.bytes().await.expect("body");
            }
        }));
    }
    for task in tasks {
        task.await.expect("worker");
    }
    let elapsed = start.elapsed();
    println!(
        "{total} GET /me/invites, 16 at a time: {elapsed:.2?} ({:.0} requests/s)",
        total as f64 / elapsed.as_secs_f64()
    );
    fake.shutdown().await;
}
