//! What a call's future weighs: every task with a call in flight carries one, so its size is a
//! cost per call (memory moved and touched). The bound fails when a wrapper starts storing a
//! second copy of what it awaits again: the call future of `me().get()` was 5,016 bytes (release)
//! when the runtime nested `async fn` wrappers and kept futures in locals before awaiting them.

use std::mem::size_of_val;

use wegnology::{Client, MePatch};

/// A little above what the runtime's futures take today (1,632 bytes for `get().send()`, debug
/// and release alike), far below the nested layout's 4,992.
const BOUND: usize = 2_048;

fn client() -> Client {
    Client::builder()
        .base_url("http://127.0.0.1:9")
        .token("t")
        .build()
        .expect("a loopback base URL is accepted")
}

#[test]
fn a_call_future_stays_small() {
    let client = client();
    let get = client.me().get().send();
    let with_response = client.me().get().send_with_response();
    let with_body = client.me().patch(MePatch::default()).send();
    for (name, size) in [
        ("get().send()", size_of_val(&get)),
        ("get().send_with_response()", size_of_val(&with_response)),
        ("patch(body).send()", size_of_val(&with_body)),
    ] {
        assert!(size <= BOUND, "{name}: {size} bytes, bound {BOUND}");
    }
}
