//! How long parsing and merging the four documents takes: `cargo bench -p wegnology-parser`.
//! A plain bench binary: best and median of repeated runs, printed per stage.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use wegnology_parser::{js, parse, reference, rest, schemas, Documents};

fn measure(name: &str, bytes: usize, mut run: impl FnMut()) {
    // Warm up, then time batches so each sample is well above the clock's resolution.
    for _ in 0..20 {
        run();
    }
    let batch = 20u32;
    let mut samples: Vec<Duration> = (0..30)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                run();
            }
            start.elapsed() / batch
        })
        .collect();
    samples.sort();
    let median = samples[samples.len() / 2];
    let mib_per_s = bytes as f64 / median.as_secs_f64() / (1024.0 * 1024.0);
    println!(
        "{name:<24} best {:>9.1?}  median {:>9.1?}  ({bytes} bytes, {mib_per_s:.1} MiB/s)",
        samples[0], median
    );
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec/published");
    let docs = Documents::read(&dir).expect("spec/ is readable");
    measure("me.md", docs.reference.len(), || {
        black_box(reference::parse(reference::FILE, black_box(&docs.reference)).unwrap());
    });
    measure("rest-api-me.txt", docs.rest.len(), || {
        black_box(rest::parse(black_box(&docs.rest)).unwrap());
    });
    measure("js-client-me.txt", docs.js.len(), || {
        black_box(js::parse(black_box(&docs.js)).unwrap());
    });
    measure("_schemas.md", docs.schemas.len(), || {
        black_box(schemas::parse(schemas::FILE, black_box(&docs.schemas)).unwrap());
    });
    let total = docs.reference.len() + docs.rest.len() + docs.js.len() + docs.schemas.len();
    measure("all + merge", total, || {
        black_box(parse(black_box(&docs)).unwrap());
    });
}
