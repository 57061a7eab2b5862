//! Usage counts for a range: devices, notebook minutes and payloads, day by day over the last
//! seven days. Runs against the embedded fake:
//!
//! ```sh
//! cargo run --example usage_range
//! ```
//!
//! The API takes `start` and `end` in milliseconds since the epoch; chrono does the dates.

use chrono::{Duration, Utc};
use wegnology::me::Resolution;
use wegnology::Client;
use wegnology_fake::FakeServer;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fake = FakeServer::start().await?;
    let client = Client::builder()
        .base_url(fake.url())
        .token(fake.token())
        .build()?;
    let me = client.me();

    let end = Utc::now();
    let start = end - Duration::days(7);
    let (start_ms, end_ms) = (start.timestamp_millis(), end.timestamp_millis());
    println!(
        "usage from {} to {}",
        start.format("%Y-%m-%d %H:%M"),
        end.format("%Y-%m-%d %H:%M UTC")
    );

    let devices = me
        .device_counts()
        .start(start_ms)
        .end(end_ms)
        .send()
        .await?;
    println!("\ndevices, day by day:");
    for day in devices.counts.unwrap_or_default() {
        println!(
            "  {}  {:>4} in all, {:>3} created, {:>3} deleted",
            day.date
                .map_or("?".to_owned(), |d| d.format("%Y-%m-%d").to_string()),
            day.total.unwrap_or(0),
            day.created.unwrap_or(0),
            day.deleted.unwrap_or(0)
        );
    }

    let notebooks = me
        .notebook_minute_counts()
        .start(start_ms)
        .end(end_ms)
        .send()
        .await?;
    let minutes: i64 = notebooks
        .counts
        .unwrap_or_default()
        .iter()
        .filter_map(|day| day.minutes)
        .sum();
    println!("\nnotebook minutes over the range: {minutes}");

    let payloads = me
        .payload_counts_breakdown()
        .start(start_ms)
        .end(end_ms)
        .resolution(Resolution::V86400000)
        .send()
        .await?;
    println!("\npayloads, day by day:");
    for day in payloads.counts.unwrap_or_default() {
        println!(
            "  {}  {:>7}",
            day.date
                .map_or("?".to_owned(), |d| d.format("%Y-%m-%d").to_string()),
            day.value.unwrap_or(0)
        );
    }

    fake.shutdown().await;
    Ok(())
}
