//! What the merge makes of the shapes older releases of `me.md` had: the model of the fixture
//! `tests/fixtures/older-me` (release 1.26.2's Me documents with three actions in older shapes,
//! one action only on the REST page and one only in `me.md`; see the fixtures' README), one
//! test per shape.

mod common;

use wegnology_model::{Action, ApiModel, Location, ParamType};

fn model() -> ApiModel {
    wegnology_parser::load(&common::fixture_dir("older-me")).expect("the fixture parses")
}

/// The model of the documents the fixture was edited from.
fn unedited() -> ApiModel {
    wegnology_parser::load(&common::fixture_dir("release-1.26.2")).expect("the fixture parses")
}

fn action<'m>(model: &'m ApiModel, snake_name: &str) -> &'m Action {
    model
        .action("me", snake_name)
        .unwrap_or_else(|| panic!("no action me.{snake_name}"))
}

/// The diagnostics of one action, by title, as `regen` prints them.
fn lines_about(model: &ApiModel, title: &str) -> Vec<String> {
    model
        .diagnostics
        .iter()
        .filter(|d| d.action.as_deref() == Some(title))
        .map(|d| d.line())
        .collect()
}

/// An action without the document lines it was found on, which the edits moved.
fn without_sources(action: &Action) -> Action {
    Action {
        sources: Vec::new(),
        ..action.clone()
    }
}

const NO_EXAMPLE_COLUMN: &str = "gap me/me.md:446 [me: Notebook Minute Counts] the parameter table of `Notebook Minute Counts` has no Example column; kept no documented examples: me.md is the parameter reference";
const NO_AUTHENTICATION: &str = "gap me/me.md:688 [me: Verify Email] `Verify Email` has no Authentication section; kept the REST page's scopes `all.User, me.*, me.verifyEmail`: the REST page documents the endpoint the server enforces";
const NO_PARAMETER_TABLE: &str = "gap me/me.md:581 [me: Refresh Token] `Refresh Token` has no Available Parameters section; kept only the parameters the REST page places: the REST page is the reference for what goes on the wire";
const JS_PARAMETER_OF_REFRESH_TOKEN: &str = "disagreement me/js-client-me.txt:717 [me: Refresh Token] the JS page documents a parameter `losantdomain` that no other document has; kept no such parameter: neither the action reference nor the REST page places it in the request";
const ONLY_ON_THE_REST_PAGE: &str = "gap me/rest-api-me.txt:302 [me: Invites] me/rest-api-me.txt documents `Invites`, which me/me.md does not; kept the action left out: me.md is the action reference";
const ONLY_IN_ME_MD: &str = "gap me/me.md:212 [me: Disconnect Github] me/rest-api-me.txt has no section for `Disconnect Github`: no document gives its method and path; kept the action left out: the REST page is the reference for what goes on the wire";

#[test]
fn the_edits_add_exactly_these_diagnostics() {
    let model = model();
    let unedited = unedited();
    // By identity (`Diagnostic::key`, which masks the line numbers the edits moved).
    let added: Vec<String> = model
        .diagnostics
        .iter()
        .filter(|d| !unedited.diagnostics.iter().any(|u| u.key() == d.key()))
        .map(|d| d.line())
        .collect();
    assert_eq!(
        added,
        [
            ONLY_ON_THE_REST_PAGE,
            ONLY_IN_ME_MD,
            NO_EXAMPLE_COLUMN,
            NO_PARAMETER_TABLE,
            JS_PARAMETER_OF_REFRESH_TOKEN,
            NO_AUTHENTICATION,
        ]
    );
    // And take away those of what they removed: the left-out actions' findings, and Refresh
    // Token's `losantdomain`.
    let removed: Vec<String> = unedited
        .diagnostics
        .iter()
        .filter(|u| !model.diagnostics.iter().any(|d| d.key() == u.key()))
        .map(|u| {
            format!(
                "{} {}",
                u.action.as_deref().unwrap_or_default(),
                u.source.file
            )
        })
        .collect();
    assert_eq!(
        removed,
        [
            "Disconnect Github me/me.md",
            "Invites me/me.md",
            "Invites me/me.md",
            "Invites me/js-client-me.txt",
            "Refresh Token me/me.md",
        ]
    );
}

#[test]
fn the_other_actions_are_unchanged() {
    let model = model();
    let unedited = unedited();
    let edited = [
        "notebook_minute_counts",
        "verify_email",
        "refresh_token",
        "invites",
        "disconnect_github",
    ];
    let names: Vec<&str> = model
        .actions
        .iter()
        .map(|a| a.snake_name.as_str())
        .collect();
    let expected: Vec<&str> = unedited
        .actions
        .iter()
        .map(|a| a.snake_name.as_str())
        .filter(|n| !["invites", "disconnect_github"].contains(n))
        .collect();
    assert_eq!(names, expected);
    for action in &model.actions {
        if edited.contains(&action.snake_name.as_str()) {
            continue;
        }
        let before = unedited.action("me", &action.snake_name).unwrap();
        assert_eq!(
            without_sources(action),
            without_sources(before),
            "{}",
            action.id()
        );
    }
    assert_eq!(model.schemas, unedited.schemas);
}

#[test]
fn a_parameter_table_without_the_example_column() {
    let model = model();
    let counts = action(&model, "notebook_minute_counts");
    let found: Vec<(&str, Location, &ParamType, bool, bool)> = counts
        .params
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.location,
                &p.ty,
                p.required,
                p.example.is_some(),
            )
        })
        .collect();
    // Without examples nothing points `start` and `end` to integers: they stay strings.
    assert_eq!(
        found,
        [
            ("start", Location::Query, &ParamType::String, false, false),
            ("end", Location::Query, &ParamType::String, false, false),
            (
                "losantdomain",
                Location::Header,
                &ParamType::String,
                false,
                false
            ),
        ]
    );
    // One gap for the missing column, not a disagreement per example the REST page has.
    assert_eq!(
        lines_about(&model, "Notebook Minute Counts"),
        [
            NO_EXAMPLE_COLUMN,
            "gap me/me.md:450 [me: Notebook Minute Counts] me/rest-api-me.txt does not place `losantdomain` in the path, the query or the body; kept `losantdomain` sent as a request header of that name: the official clients send every parameter that is neither in the path nor the body as a query parameter, except `losantdomain`, which they send as a request header of that name",
            "gap me/js-client-me.txt:480 [me: Notebook Minute Counts] the JS page has no success table for `notebookMinuteCounts`; kept 200 Notebook Minute Counts: me.md is the response reference; the JS page only cross-checks it",
        ]
    );
}

#[test]
fn an_action_without_an_authentication_section() {
    let model = model();
    let verify = action(&model, "verify_email");
    assert_eq!(verify.scopes, ["all.User", "me.*", "me.verifyEmail"]);
    assert!(verify.token_required);
    assert_eq!(
        without_sources(verify),
        without_sources(unedited().action("me", "verify_email").unwrap()),
        "the REST page's scopes are the ones me.md had"
    );
    assert_eq!(
        lines_about(&model, "Verify Email"),
        [
            NO_AUTHENTICATION,
            "gap me/me.md:702 [me: Verify Email] me/rest-api-me.txt does not place `losantdomain` in the path, the query or the body; kept `losantdomain` sent as a request header of that name: the official clients send every parameter that is neither in the path nor the body as a query parameter, except `losantdomain`, which they send as a request header of that name",
        ]
    );
}

#[test]
fn an_action_without_parameters_or_a_parameter_table() {
    let model = model();
    let refresh = action(&model, "refresh_token");
    assert!(refresh.params.is_empty());
    assert_eq!(refresh.path, "/me/refreshToken");
    assert_eq!(refresh.scopes, ["all.User", "me.*"]);
    assert_eq!(
        refresh.success().schema.as_deref(),
        Some("authenticated-user")
    );
    assert_eq!(
        lines_about(&model, "Refresh Token"),
        [
            NO_PARAMETER_TABLE,
            JS_PARAMETER_OF_REFRESH_TOKEN,
            "gap me/js-client-me.txt:700 [me: Refresh Token] the JS page has no success table for `refreshToken`; kept 200 Authenticated User: me.md is the response reference; the JS page only cross-checks it",
        ]
    );
}

#[test]
fn an_action_only_the_rest_page_documents_is_left_out() {
    let model = model();
    assert!(model.action("me", "invites").is_none());
    assert_eq!(lines_about(&model, "Invites"), [ONLY_ON_THE_REST_PAGE]);
    // The JS page documents it too, but it is no JS-only action: nothing else reports it.
    let mentions: Vec<String> = model
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("`invites`") || d.message.contains("`Invites`"))
        .map(|d| d.line())
        .collect();
    assert_eq!(mentions, [ONLY_ON_THE_REST_PAGE]);
}

#[test]
fn an_action_only_me_md_documents_is_left_out() {
    let model = model();
    assert!(model.action("me", "disconnect_github").is_none());
    assert_eq!(lines_about(&model, "Disconnect Github"), [ONLY_IN_ME_MD]);
    // The JS page documents it too; the gap above says why it is left out, and nothing claims
    // that neither me.md nor the REST page has it.
    let mentions: Vec<String> = model
        .diagnostics
        .iter()
        .filter(|d| {
            d.message.contains("`disconnectGithub`") || d.message.contains("`Disconnect Github`")
        })
        .map(|d| d.line())
        .collect();
    assert_eq!(mentions, [ONLY_IN_ME_MD]);
}
