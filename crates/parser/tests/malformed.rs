//! Malformed documents give an error naming the file, the line and what was expected.

mod common;

use common::{documents, edit};
use wegnology_parser::{parse, Documents};

fn error(docs: &Documents) -> String {
    parse(docs)
        .expect_err("the documents are malformed")
        .to_string()
}

#[test]
fn table_row_with_a_missing_cell() {
    let mut docs = documents();
    docs.reference = edit(&docs.reference, "| inviteId | string | Y | ID associated with the invitation |  | 575ec8687ae143cd83dc4a97 |", "| inviteId | string | Y | ID associated with the invitation | 575ec8687ae143cd83dc4a97 |");
    assert_eq!(error(&docs), "me/me.md:412: expected a table row of 6 cells (Name | Type | Required | Description | Default | Example), found 5");
}

#[test]
fn rest_row_with_a_missing_cell() {
    let mut docs = documents();
    docs.rest = edit(
        &docs.rest,
        "200 | Device Counts | Device counts by day |",
        "200 | Device Counts |",
    );
    assert!(
        error(&docs).starts_with("me/rest-api-me.txt:123: expected a response row of 3 to 3 cells"),
        "{}",
        error(&docs)
    );
}

#[test]
fn js_row_with_a_missing_cell() {
    let mut docs = documents();
    docs.js = edit(
        &docs.js,
        "Object containing recent item info |\n|\n",
        "Object containing recent item info |\n",
    );
    assert!(error(&docs).starts_with("me/js-client-me.txt:26: expected table rows of 6 cells (Name | Type | Required | Description | Default | Example), found 11 cells: a row is missing a cell"), "{}", error(&docs));
}

#[test]
fn action_without_a_method() {
    let mut docs = documents();
    docs.rest = edit(
        &docs.rest,
        "Method And Url\nPOST https://api.app.wnology.io/me/delete\n",
        "",
    );
    assert_eq!(error(&docs), "me/rest-api-me.txt:70: expected `Method And Url` after `Delete` (line 68), found `Authentication`");
}

#[test]
fn schema_link_to_nothing() {
    let mut docs = documents();
    docs.reference = edit(
        &docs.reference,
        "[Recent Item List](_schemas.md#recent-item-list) | Updated recent item list",
        "[Recent Item List](_schemas.md#recent-items-list) | Updated recent item list",
    );
    assert_eq!(error(&docs), "me/me.md:58: expected a link to a schema of me/_schemas.md, found `_schemas.md#recent-items-list`, which resolves to nothing");
}

#[test]
fn example_link_to_nothing() {
    let mut docs = documents();
    docs.reference = edit(
        &docs.reference,
        "[Me Patch Example](_schemas.md#me-patch-example)",
        "[Me Patch Example](_schemas.md#me-patches-example)",
    );
    assert!(
        error(&docs).contains("which resolves to nothing"),
        "{}",
        error(&docs)
    );
}

#[test]
fn invalid_json_in_a_schema_block() {
    let mut docs = documents();
    docs.schemas = edit(&docs.schemas, "\"minLength\": 52,", "\"minLength\": 52");
    assert!(error(&docs).starts_with("me/_schemas.md:213: expected valid JSON in the Schema block of `Enable Multi-Factor Authentication`"), "{}", error(&docs));
}

#[test]
fn truncated_action_reference() {
    let mut docs = documents();
    let cut = docs.reference.find("## Transfer Resources").unwrap() + 400;
    docs.reference.truncate(cut);
    let err = error(&docs);
    assert!(err.starts_with("me/me.md:"), "{err}");
    assert!(
        err.contains("in action `Transfer Resources`")
            && err.contains("before the end of the file"),
        "{err}"
    );
}

#[test]
fn truncated_rest_page() {
    let mut docs = documents();
    // Cut before the last action's Error Responses section.
    docs.rest
        .truncate(docs.rest.rfind("Error Responses").unwrap());
    let err = error(&docs);
    assert!(
        err.contains("an `Error Responses` section in action `Verify Email`")
            && err.starts_with("me/rest-api-me.txt:"),
        "{err}"
    );
}

#[test]
fn truncated_rest_page_between_actions() {
    // The page still parses; the action it lost has no method and path, so it is left out,
    // with a diagnostic saying so (not an error: the action reference decides the list).
    let mut docs = documents();
    docs.rest
        .truncate(docs.rest.find("Verify Email\n").unwrap());
    let model = parse(&docs).unwrap();
    assert!(model.action("me", "verify_email").is_none());
    let gap = model
        .diagnostics
        .iter()
        .find(|d| d.action.as_deref() == Some("Verify Email"))
        .expect("a diagnostic for the action left out");
    assert_eq!(
        gap.line(),
        "gap me/me.md:730 [me: Verify Email] me/rest-api-me.txt has no section for `Verify Email`: no document gives its method and path; kept the action left out: the REST page is the reference for what goes on the wire"
    );
}

#[test]
fn truncated_schemas_page() {
    let mut docs = documents();
    docs.schemas
        .truncate(docs.schemas.find("## User Credentials").unwrap() + 300);
    let err = error(&docs);
    assert!(err.starts_with("me/_schemas.md:"), "{err}");
    assert!(err.contains("User Credentials"), "{err}");
}

#[test]
fn truncated_js_page() {
    let mut docs = documents();
    let cut = docs
        .js
        .find("client.me.verifyEmail(params, function")
        .unwrap()
        + 500;
    docs.js.truncate(cut);
    docs.js.push_str("Code |\nType |\n");
    assert!(
        error(&docs).starts_with("me/js-client-me.txt:"),
        "{}",
        error(&docs)
    );
}

#[test]
fn rest_body_for_another_schema() {
    let mut docs = documents();
    docs.rest = edit(
        &docs.rest,
        "validates against the Recent Item schema",
        "validates against the Recent Item List schema",
    );
    assert!(error(&docs).starts_with("me/rest-api-me.txt:15: expected the body of `Add Recent Item` to validate against `Recent Item`"), "{}", error(&docs));
}

#[test]
fn bad_api_version() {
    let mut docs = documents();
    docs.api_version = "latest\n".to_string();
    assert_eq!(
        error(&docs),
        "me/API_VERSION:1: expected an API release such as `1.26.2`, found `latest`"
    );
}

/// Cut each document at many points: the result is a model or an error naming that document,
/// never a panic.
#[test]
fn every_truncation_is_an_error_or_a_model() {
    let docs = documents();
    let docs_model = parse(&docs).unwrap();
    type Field = fn(&mut Documents) -> &mut String;
    let fields: [(&str, Field); 4] = [
        ("me/me.md", |d| &mut d.reference),
        ("me/rest-api-me.txt", |d| &mut d.rest),
        ("me/js-client-me.txt", |d| &mut d.js),
        ("me/_schemas.md", |d| &mut d.schemas),
    ];
    for (file, field) in fields {
        let mut len = 0;
        let mut errors = 0;
        let full = field(&mut docs.clone()).clone();
        for cut in (0..full.len())
            .step_by(89)
            .filter(|&c| full.is_char_boundary(c))
        {
            let mut cut_docs = docs.clone();
            field(&mut cut_docs).truncate(cut);
            let result = parse(&cut_docs);
            if let Ok(model) = &result {
                // A cut that leaves whole sections: every action it lost is reported.
                for action in &docs_model.actions {
                    let kept = model.action("me", &action.snake_name).is_some();
                    let reported = model
                        .diagnostics
                        .iter()
                        .any(|d| d.action.as_deref() == Some(action.title.as_str()));
                    assert!(
                        kept || reported,
                        "cut {file} at {cut}: `{}` dropped silently",
                        action.title
                    );
                }
            }
            if let Err(error) = result {
                errors += 1;
                let message = error.to_string();
                assert!(
                    message.starts_with(&format!("{file}:"))
                        || message.starts_with("me/rest-api-me.txt:")
                        || message.starts_with("me/me.md:"),
                    "cut {file} at {cut}: {message}"
                );
            }
            len += 1;
        }
        // Nearly every cut loses something the format requires; a REST page cut between two
        // actions is whole, and leaves out the actions after the cut (checked above).
        let share = if file == "me/rest-api-me.txt" { 8 } else { 9 };
        assert!(
            errors * 10 >= len * share,
            "{file}: only {errors} of {len} cuts were errors"
        );
    }
}
