//! The authority rules are data: ARCHITECTURE.md shows them, and placement follows them.

use wegnology_model::Location;
use wegnology_parser::authority;

#[test]
fn architecture_lists_the_rules_the_merge_uses() {
    let architecture = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../ARCHITECTURE.md"
    ))
    .unwrap();
    assert!(
        architecture.contains(&authority::markdown_table()),
        "ARCHITECTURE.md's merge table differs from crates/parser/src/authority.rs; it should read:\n{}",
        authority::markdown_table()
    );
}

#[test]
fn unplaced_parameters_go_where_the_official_clients_send_them() {
    assert_eq!(
        authority::unplaced_location("losantdomain"),
        Location::Header
    );
    for name in [
        "includeRecent",
        "summaryInclude",
        "summaryExclude",
        "anything",
    ] {
        assert_eq!(
            authority::unplaced_location(name),
            Location::Query,
            "{name}"
        );
    }
}
