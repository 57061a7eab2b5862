//! A synthetic republish (`tests/fixtures/republish`, made from the 1.26.2 documents; its
//! README lists the edits): a newer `me/me.md` adds query parameters the older REST page lacks, a
//! scope is added, a parameter type is fixed, an action added and a parameter removed. The
//! model follows it, and the diff from the older release lists each change with its mark.

mod common;

use wegnology_model::diff::{diff, report, ChangeKind, Impact};
use wegnology_model::{ApiModel, DiagnosticKind, Location, ParamType};

fn models() -> (ApiModel, ApiModel) {
    let old = wegnology_parser::parse(&common::documents()).expect("the 1.26.2 fixture parses");
    let new = wegnology_parser::parse(&common::fixture("republish")).expect("the republish parses");
    (old, new)
}

#[test]
fn parameters_the_rest_page_does_not_place_go_in_the_query() {
    let (_, model) = models();
    let patch_actions = [
        "disable_two_factor_auth",
        "disconnect_github",
        "enable_two_factor_auth",
        "generate_two_factor_auth",
    ];
    for name in patch_actions {
        let action = model.action("me", name).unwrap();
        for (param, ty) in [
            ("includeRecent", ParamType::Boolean),
            ("summaryExclude", ParamType::String),
            ("summaryInclude", ParamType::String),
        ] {
            let found = action.params.iter().find(|p| p.name == param).unwrap();
            assert_eq!(
                (found.location, &found.ty, found.required),
                (Location::Query, &ty, false),
                "{name} {param}"
            );
            // The gap is reported, and the diagnostic says what the model keeps.
            let gap = model
                .diagnostics
                .iter()
                .find(|d| {
                    d.action.as_deref() == Some(action.title.as_str())
                        && d.message.contains(&format!("place `{param}`"))
                })
                .unwrap();
            assert_eq!(gap.kind, DiagnosticKind::Gap);
            assert_eq!(gap.kept, format!("`{param}` sent as a query parameter"));
        }
        // The one header stays a header.
        let domain = action
            .params
            .iter()
            .find(|p| p.name == "losantdomain")
            .unwrap();
        assert_eq!(domain.location, Location::Header, "{name}");
    }
    let patch = model.action("me", "patch").unwrap();
    assert_eq!(
        patch
            .params_in(Location::Query)
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["summaryExclude", "summaryInclude", "includeRecent"]
    );
}

#[test]
fn the_other_edits_reach_the_model() {
    let (old, new) = models();
    assert_eq!(new.api_version, "1.27.0");
    assert_eq!(new.actions.len(), old.actions.len() + 1);
    assert!(new.action("me", "verify_phone").is_some());
    let breakdown = new.action("me", "payload_counts_breakdown").unwrap();
    assert!(!breakdown
        .params
        .iter()
        .any(|p| p.name == "includeNonBillable"));
    assert_eq!(
        new.action("me", "transfer_resources").unwrap().scopes[0],
        "all.Organization"
    );
    let include_recent = new
        .action("me", "get")
        .unwrap()
        .params
        .iter()
        .find(|p| p.name == "includeRecent")
        .unwrap();
    assert_eq!(include_recent.documented_type, "boolean");
    assert!(!new
        .diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::Inference && d.message.contains("includeRecent")));
}

#[test]
fn the_diff_marks_each_change() {
    let (old, new) = models();
    let changes = diff(&old, &new);
    let find = |kind: ChangeKind, action: &str, needle: &str| {
        changes
            .iter()
            .filter(|c| {
                c.kind == kind && c.action.as_deref() == Some(action) && c.detail.contains(needle)
            })
            .map(|c| c.impact)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        find(
            ChangeKind::ParamAdded,
            "disconnect_github",
            "`includeRecent`"
        ),
        [Impact::Compatible]
    );
    assert_eq!(
        find(
            ChangeKind::ParamRemoved,
            "payload_counts_breakdown",
            "`includeNonBillable`"
        ),
        [Impact::Breaking]
    );
    assert_eq!(
        find(
            ChangeKind::ActionAdded,
            "verify_phone",
            "POST /me/verify-phone"
        ),
        [Impact::Compatible]
    );
    assert_eq!(
        find(
            ChangeKind::ScopesChanged,
            "transfer_resources",
            "all.Organization"
        ),
        [Impact::Compatible]
    );
    assert_eq!(
        find(
            ChangeKind::ParamTypeChanged,
            "get",
            "`undefined` → `boolean`"
        ),
        [Impact::Compatible]
    );
    insta::assert_snapshot!("republish_diff", report(&changes));
}
