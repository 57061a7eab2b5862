//! The load run, scaled down: 8 concurrent clients, 400 mixed requests with token rotation.
//! The full run is `cargo run --release -p wegnology-fake --example load`.

mod common;

use common::load::{run, LoadPlan};
use wegnology_fake::FakeServer;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_clients_lose_no_update_and_see_no_torn_profile() {
    let server = FakeServer::start().await.expect("fake starts");
    let report = run(
        &server,
        LoadPlan {
            clients: 8,
            requests: 400,
        },
    )
    .await;
    println!("{report}");
    assert_eq!(report.requests, 400);
    assert_eq!(report.unexpected(), 0, "{report}");
    assert_eq!(report.lost_updates, 0, "{report}");
    assert_eq!(report.torn_profiles, 0, "{report}");
    assert!(!report.unknown_final_profile, "{report}");
    // Every client rotated its token by both routes and went on with the new one.
    assert!(report.password_changes >= 8 * 4, "{report}");
    assert!(report.token_rotations >= 8 * 9, "{report}");
}
