//! The model of the fixture of API release 1.26.2 (the documents as upstream published them),
//! each action checked against what those documents say. Today's `spec/` is checked only by the
//! snapshots of `spec_snapshots.rs`.

mod common;

use wegnology_model::{ApiModel, DiagnosticKind, Location, Method, ParamType};

fn model() -> ApiModel {
    wegnology_parser::parse(&common::documents()).expect("the documents parse")
}

#[test]
fn counts_and_origin() {
    let model = model();
    assert_eq!(model.resources.len(), 1);
    let me = &model.resources[0];
    assert_eq!(
        (
            me.name.as_str(),
            me.camel_name.as_str(),
            me.snake_name.as_str(),
            me.path.as_str()
        ),
        ("Me", "me", "me", "/me")
    );
    assert!(model
        .actions
        .iter()
        .all(|a| a.resource == "me" && a.api_version == "1.26.2"));
    assert_eq!(model.api_version, "1.26.2");
    assert_eq!(model.base_url, "https://api.app.wnology.io");
    assert_eq!(model.actions.len(), 20);
    assert_eq!(model.schemas.len(), 21);
    assert_eq!(
        model.schemas.iter().filter(|s| s.example.is_none()).count(),
        7
    );
}

/// (snake name, method, path, success schema, error statuses, scopes), read off the documents.
type ExpectedAction = (
    &'static str,
    Method,
    &'static str,
    &'static str,
    &'static [u16],
    &'static [&'static str],
);
/// (name, location, type, required)
type ExpectedParam<'a> = (&'a str, Location, ParamType, bool);

const ACTIONS: &[ExpectedAction] = &[
    (
        "add_recent_item",
        Method::Post,
        "/me/recentItems",
        "recent-item-list",
        &[400],
        &["all.User", "me.*", "me.addRecentItem"],
    ),
    (
        "change_password",
        Method::Patch,
        "/me/changePassword",
        "authenticated-user",
        &[400],
        &["all.User", "me.*", "me.changePassword"],
    ),
    (
        "delete",
        Method::Post,
        "/me/delete",
        "success",
        &[400],
        &["all.User", "me.*", "me.delete"],
    ),
    (
        "device_counts",
        Method::Get,
        "/me/deviceCounts",
        "device-counts",
        &[400],
        &["all.User", "all.User.read", "me.*", "me.deviceCounts"],
    ),
    (
        "disable_two_factor_auth",
        Method::Patch,
        "/me/disableTwoFactorAuth",
        "me",
        &[400],
        &["all.User", "me.*", "me.disableTwoFactorAuth"],
    ),
    (
        "disconnect_github",
        Method::Patch,
        "/me/disconnectGithub",
        "me",
        &[400],
        &["all.User", "me.*", "me.disconnectGithub"],
    ),
    (
        "enable_two_factor_auth",
        Method::Patch,
        "/me/enableTwoFactorAuth",
        "me",
        &[400],
        &["all.User", "me.*", "me.enableTwoFactorAuth"],
    ),
    (
        "fetch_recent_items",
        Method::Get,
        "/me/recentItems",
        "recent-item-list",
        &[400],
        &["all.User", "all.User.read", "me.*", "me.fetchRecentItems"],
    ),
    (
        "generate_two_factor_auth",
        Method::Patch,
        "/me/generateTwoFactorAuth",
        "multi-factor-authentication-info",
        &[400],
        &["all.User", "me.*", "me.generateTwoFactorAuth"],
    ),
    (
        "get",
        Method::Get,
        "/me",
        "me",
        &[],
        &["all.User", "all.User.read", "me.*", "me.get"],
    ),
    (
        "invite",
        Method::Get,
        "/me/invites/{inviteId}",
        "organization-invitation-information-for-user",
        &[400, 404],
        &["all.User", "all.User.read", "me.*", "me.invite"],
    ),
    (
        "invites",
        Method::Get,
        "/me/invites",
        "user-organization-invitations",
        &[400],
        &["all.User", "all.User.read", "me.*", "me.invites"],
    ),
    (
        "notebook_minute_counts",
        Method::Get,
        "/me/notebookMinuteCounts",
        "notebook-minute-counts",
        &[400],
        &[
            "all.User",
            "all.User.read",
            "me.*",
            "me.notebookMinuteCounts",
        ],
    ),
    (
        "patch",
        Method::Patch,
        "/me",
        "me",
        &[400],
        &["all.User", "me.*", "me.patch"],
    ),
    (
        "payload_counts",
        Method::Get,
        "/me/payloadCounts",
        "payload-stats",
        &[400],
        &["all.User", "all.User.read", "me.*", "me.payloadCounts"],
    ),
    (
        "payload_counts_breakdown",
        Method::Get,
        "/me/payloadCountsBreakdown",
        "payload-counts-breakdown",
        &[400],
        &[
            "all.User",
            "all.User.read",
            "me.*",
            "me.payloadCountsBreakdown",
        ],
    ),
    (
        "refresh_token",
        Method::Get,
        "/me/refreshToken",
        "authenticated-user",
        &[400, 401],
        &["all.User", "me.*"],
    ),
    (
        "respond_to_invite",
        Method::Post,
        "/me/invites/{inviteId}",
        "organization-invitation-result-for-user",
        &[400, 404, 410],
        &["all.User", "me.*", "me.respondToInvite"],
    ),
    (
        "transfer_resources",
        Method::Patch,
        "/me/transferResources",
        "success",
        &[400],
        &["all.User", "me.*", "me.transferResources"],
    ),
    (
        "verify_email",
        Method::Post,
        "/me/verify-email",
        "success",
        &[400],
        &["all.User", "me.*", "me.verifyEmail"],
    ),
];

#[test]
fn every_action_matches_the_documents() {
    let model = model();
    let names: Vec<&str> = model
        .actions
        .iter()
        .map(|a| a.snake_name.as_str())
        .collect();
    let expected: Vec<&str> = ACTIONS.iter().map(|a| a.0).collect();
    assert_eq!(names, expected);
    for &(name, method, path, success, errors, scopes) in ACTIONS {
        let action = model.action("me", name).unwrap();
        assert_eq!(action.method, method, "{name}");
        assert_eq!(action.path, path, "{name}");
        assert_eq!(action.successes.len(), 1, "{name}");
        assert_eq!(action.success().status, 200, "{name}");
        assert_eq!(action.success().schema.as_deref(), Some(success), "{name}");
        assert_eq!(
            action.errors.iter().map(|e| e.status).collect::<Vec<_>>(),
            errors,
            "{name}"
        );
        assert!(
            action
                .errors
                .iter()
                .all(|e| e.schema.as_deref() == Some("error")),
            "{name}"
        );
        assert_eq!(action.scopes, scopes, "{name}");
        assert!(model.schema(success).is_some(), "{name}");
        // Every action takes the optional domain header, last.
        let last = action.params.last().unwrap();
        assert_eq!(
            (last.name.as_str(), last.location, last.required),
            ("losantdomain", Location::Header, false),
            "{name}"
        );
    }
}

fn str_enum(values: &[&str]) -> ParamType {
    ParamType::Enum {
        values: values.iter().map(|v| v.to_string()).collect(),
    }
}

fn schema(anchor: &str) -> ParamType {
    ParamType::Schema {
        schema: anchor.to_string(),
    }
}

#[test]
fn every_parameter_matches_the_documents() {
    use Location::*;
    let model = model();
    let item_types = str_enum(&["application", "device", "flow", "dashboard", "organization"]);
    // (action, [(name, location, type, required)]) without the `losantdomain` header.
    let expected: Vec<(&str, Vec<ExpectedParam>)> = vec![
        (
            "add_recent_item",
            vec![("data", Body, schema("recent-item"), true)],
        ),
        (
            "change_password",
            vec![("data", Body, schema("change-password"), true)],
        ),
        (
            "delete",
            vec![("credentials", Body, schema("user-credentials"), true)],
        ),
        (
            "device_counts",
            vec![
                ("start", Query, ParamType::Integer, false),
                ("end", Query, ParamType::Integer, false),
            ],
        ),
        (
            "disable_two_factor_auth",
            vec![(
                "data",
                Body,
                schema("disable-multi-factor-authentication"),
                true,
            )],
        ),
        ("disconnect_github", vec![]),
        (
            "enable_two_factor_auth",
            vec![(
                "data",
                Body,
                schema("enable-multi-factor-authentication"),
                true,
            )],
        ),
        (
            "fetch_recent_items",
            vec![
                ("parentId", Query, ParamType::String, false),
                ("itemType", Query, item_types, true),
            ],
        ),
        ("generate_two_factor_auth", vec![]),
        (
            "get",
            vec![
                ("includeRecent", Query, ParamType::Boolean, false),
                ("summaryExclude", Query, ParamType::String, false),
                ("summaryInclude", Query, ParamType::String, false),
            ],
        ),
        ("invite", vec![("inviteId", Path, ParamType::String, true)]),
        ("invites", vec![]),
        (
            "notebook_minute_counts",
            vec![
                ("start", Query, ParamType::Integer, false),
                ("end", Query, ParamType::Integer, false),
            ],
        ),
        (
            "patch",
            vec![
                ("user", Body, schema("me-patch"), true),
                ("summaryExclude", Query, ParamType::String, false),
                ("summaryInclude", Query, ParamType::String, false),
            ],
        ),
        (
            "payload_counts",
            vec![
                ("start", Query, ParamType::Integer, false),
                ("end", Query, ParamType::Integer, false),
                ("asBytes", Query, ParamType::Boolean, false),
            ],
        ),
        (
            "payload_counts_breakdown",
            vec![
                ("start", Query, ParamType::Integer, false),
                ("end", Query, ParamType::Integer, false),
                (
                    "resolution",
                    Query,
                    str_enum(&["86400000", "3600000"]),
                    false,
                ),
                ("asBytes", Query, ParamType::Boolean, false),
                ("includeNonBillable", Query, ParamType::Boolean, false),
            ],
        ),
        ("refresh_token", vec![]),
        (
            "respond_to_invite",
            vec![
                ("inviteId", Path, ParamType::String, true),
                (
                    "response",
                    Body,
                    schema("organization-invitation-action-for-user"),
                    true,
                ),
            ],
        ),
        (
            "transfer_resources",
            vec![("transfer", Body, schema("resource-transfer"), true)],
        ),
        ("verify_email", vec![]),
    ];
    for (name, params) in expected {
        let action = model.action("me", name).unwrap();
        let found: Vec<ExpectedParam> = action
            .params
            .iter()
            .filter(|p| p.name != "losantdomain")
            .map(|p| (p.name.as_str(), p.location, p.ty.clone(), p.required))
            .collect();
        assert_eq!(found, params, "{name}");
    }
}

#[test]
fn defaults_examples_and_bodies() {
    let model = model();
    let breakdown = model.action("me", "payload_counts_breakdown").unwrap();
    let resolution = breakdown
        .params
        .iter()
        .find(|p| p.name == "resolution")
        .unwrap();
    assert_eq!(resolution.default.as_deref(), Some("86400000"));
    let as_bytes = breakdown
        .params
        .iter()
        .find(|p| p.name == "asBytes")
        .unwrap();
    assert_eq!(as_bytes.default.as_deref(), Some("false"));
    assert_eq!(as_bytes.documented_type, "string");

    let recent = model.action("me", "add_recent_item").unwrap();
    assert_eq!(
        recent.body_example,
        Some(
            serde_json::json!({"itemType": "device", "parentId": "575ec8687ae143cd83dc4a97", "itemId": "575ecf887ae143cd83dc4aa2"})
        )
    );
    assert!(model.action("me", "get").unwrap().body_example.is_none());

    let invites = model.schema("user-organization-invitations").unwrap();
    assert_eq!(
        invites.json_schema["items"]["title"],
        "Organization Invitation Information For User"
    );
    assert!(invites.json_schema["items"]["properties"]["orgName"].is_object());
}

/// The disagreements known between the 1.26.2 documents are each reported.
#[test]
fn documented_disagreements_are_reported() {
    let model = model();
    let find = |kind: DiagnosticKind, action: &str, needle: &str| {
        model
            .diagnostics
            .iter()
            .filter(|d| {
                d.kind == kind && d.action.as_deref() == Some(action) && d.message.contains(needle)
            })
            .count()
    };
    assert_eq!(
        find(DiagnosticKind::Disagreement, "Invite", "all.User.read"),
        1
    );
    assert_eq!(
        find(DiagnosticKind::Disagreement, "Invites", "all.User.read"),
        1
    );
    assert_eq!(
        find(DiagnosticKind::Disagreement, "Payload Counts", "`asBytes`"),
        1
    );
    assert_eq!(
        find(
            DiagnosticKind::Inference,
            "Get",
            "`includeRecent` has the type `undefined`"
        ),
        1
    );
    assert_eq!(
        find(
            DiagnosticKind::Inference,
            "Fetch Recent Items",
            "`itemType` has the type `undefined`"
        ),
        1
    );
    for action in [
        "Disable Two Factor Auth",
        "Enable Two Factor Auth",
        "Respond to Invite",
    ] {
        assert_eq!(
            find(DiagnosticKind::Gap, action, "no parameter table"),
            1,
            "{action}"
        );
    }
    let missing_success = model
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("no success table"))
        .count();
    assert_eq!(missing_success, 10);
    assert_eq!(
        find(DiagnosticKind::Gap, "Get", "documents no error responses"),
        1
    );
    for (action, body) in [
        ("Add Recent Item", "data"),
        ("Change Password", "data"),
        ("Delete", "credentials"),
        ("Patch", "user"),
        ("Transfer Resources", "transfer"),
        ("Respond to Invite", "response"),
    ] {
        assert_eq!(
            find(
                DiagnosticKind::Gap,
                action,
                &format!("lists `{body}` as an ordinary parameter")
            ),
            1,
            "{action}"
        );
    }
    // Each diagnostic says where, what was kept and why.
    for d in &model.diagnostics {
        assert!(
            d.source.line > 0 && !d.kept.is_empty() && !d.reason.is_empty(),
            "{d:?}"
        );
    }
}

#[test]
fn scopes_keep_the_rest_page_and_name_the_line() {
    let model = model();
    let d = model
        .diagnostics
        .iter()
        .find(|d| d.action.as_deref() == Some("Invite") && d.kind == DiagnosticKind::Disagreement)
        .unwrap();
    assert_eq!((d.source.file.as_str(), d.source.line), ("me/me.md", 404));
    assert_eq!(d.kept, "`all.User, all.User.read, me.*, me.invite`");
}
