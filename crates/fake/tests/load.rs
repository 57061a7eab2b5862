//! The load run, scaled down: 8 concurrent clients on 2 applications, 400 requests mixing
//! device creates, listings, PATCHes and deletes with Me's reads, PATCHes, recent items and
//! token rotation. The full run is `cargo run --release -p wegnology-fake --example load`.

mod common;

use common::load::{run, LoadPlan};
use wegnology_fake::FakeServer;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_clients_lose_no_update_list_no_deleted_device_and_keep_counts() {
    let server = FakeServer::start().await.expect("fake starts");
    let report = run(
        &server,
        LoadPlan {
            clients: 8,
            requests: 400,
            applications: 2,
        },
    )
    .await;
    println!("{report}");
    assert_eq!(report.requests, 400);
    assert_eq!(report.violations(), 0, "{report}");
    assert_eq!(report.unexpected(), 0, "{report}");
    assert_eq!(report.lost_updates(), 0, "{report}");
    assert_eq!(report.listed_after_delete, 0, "{report}");
    assert_eq!(report.count_mismatches, 0, "{report}");
    assert_eq!(report.torn_profiles, 0, "{report}");
    assert!(!report.unknown_final_profile, "{report}");
    // Each client went through the whole mix at least twice (50 requests, a mix of 20):
    // devices created, patched, listed and deleted, tokens rotated by both routes.
    assert!(report.devices_created >= 8 * 4, "{report}");
    assert!(report.devices_deleted >= 8 * 3, "{report}");
    assert!(report.device_patches >= 8 * 6, "{report}");
    assert!(report.listings >= 8 * 8, "{report}");
    assert!(report.password_changes >= 8 * 2, "{report}");
    assert!(report.token_rotations >= 8 * 4, "{report}");
}
