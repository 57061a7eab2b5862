//! The `reference` parser on the flavours of the action reference page: the JavaScript
//! client's (`tests/fixtures/reference-js`), the shapes older releases of the Python one used
//! (`tests/fixtures/reference-older`), and malformed pages of each, whose errors name the
//! file, the line and what was expected.

mod common;

use wegnology_parser::reference::{
    self, ActionReference, CallName, Flavour, ParamTable, ReferenceAction, ReferenceParam,
    ReferenceResponse, SchemaLink,
};

const JS: &str = "reference-js/gadget.md";
const OLDER: &str = "reference-older/widget.md";

fn text(file: &str) -> String {
    std::fs::read_to_string(common::fixture_dir(file)).expect("the fixture is readable")
}

fn parse(file: &str) -> ActionReference {
    reference::parse(file, &text(file)).unwrap_or_else(|e| panic!("{e}"))
}

/// The error of `file` with the first `from` replaced by `to`.
fn error(file: &str, from: &str, to: &str) -> String {
    let edited = common::edit(&text(file), from, to);
    reference::parse(file, &edited)
        .expect_err("the page is malformed")
        .to_string()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn call(resource: &str, action: &str, flavour: Flavour) -> CallName {
    CallName {
        resource: resource.into(),
        action: action.into(),
        flavour,
    }
}

fn title(title: &str) -> Option<SchemaLink> {
    Some(SchemaLink::Title(title.into()))
}

fn anchor(anchor: &str) -> Option<SchemaLink> {
    Some(SchemaLink::Anchor(anchor.into()))
}

fn response(
    line: usize,
    status: u16,
    link: Option<SchemaLink>,
    description: &str,
) -> ReferenceResponse {
    let type_text = match &link {
        Some(SchemaLink::Title(title)) => title.clone(),
        Some(SchemaLink::Anchor(_)) => panic!("give the title of an anchor link by hand"),
        None => "undefined".into(),
    };
    ReferenceResponse {
        line,
        status,
        type_text,
        type_link: link,
        description: description.into(),
    }
}

fn anchored(
    line: usize,
    status: u16,
    text: &str,
    to: &str,
    description: &str,
) -> ReferenceResponse {
    ReferenceResponse {
        line,
        status,
        type_text: text.into(),
        type_link: anchor(to),
        description: description.into(),
    }
}

/// A string parameter with a literal example (or none) and no default.
fn string_param(
    line: usize,
    name: &str,
    required: bool,
    description: &str,
    example: Option<&str>,
) -> ReferenceParam {
    ReferenceParam {
        line,
        name: name.into(),
        type_text: "string".into(),
        type_link: None,
        required,
        description: description.into(),
        default: None,
        example: example.map(str::to_string),
        example_link: None,
    }
}

#[test]
fn reference_parser_reads_the_javascript_flavour() {
    let page = parse(JS);
    let expected = ActionReference {
        resource: "Gadget".into(),
        actions: vec![
            ReferenceAction {
                title: "Find Owner".into(),
                line: 13,
                description: "Finds the owner of a gadget by e-mail".into(),
                call: call("gadget", "findOwner", Flavour::JavaScript),
                call_line: 23,
                scopes: Some(Vec::new()),
                scopes_line: 35,
                params: vec![string_param(
                    41,
                    "email",
                    true,
                    "The owner's e-mail",
                    Some("owner@example.com"),
                )],
                param_table: ParamTable::WithExample { line: 39 },
                success: vec![
                    response(47, 200, title("Gadget Owner"), "The owner"),
                    response(48, 204, None, "Nobody owns it"),
                ],
                errors: vec![response(
                    54,
                    400,
                    title("Error"),
                    "Error if malformed request",
                )],
                errors_line: 50,
            },
            ReferenceAction {
                title: "Rebuild".into(),
                line: 58,
                description: "Rebuilds a gadget from an uploaded blueprint".into(),
                call: call("gadget", "rebuild", Flavour::JavaScript),
                call_line: 68,
                scopes: Some(strings(&["all.Gadget", "gadget.*", "gadget.rebuild"])),
                scopes_line: 80,
                params: vec![
                    string_param(
                        88,
                        "gadgetId",
                        true,
                        "ID of the gadget",
                        Some("575ec8687ae143cd83dc4a97"),
                    ),
                    ReferenceParam {
                        line: 89,
                        name: "blueprint".into(),
                        type_text: "file".into(),
                        type_link: None,
                        required: false,
                        description: "The zip file of the blueprint".into(),
                        default: None,
                        example: Some("undefined".into()),
                        example_link: None,
                    },
                    ReferenceParam {
                        line: 90,
                        name: "wait".into(),
                        type_text: "undefined".into(),
                        type_link: None,
                        required: false,
                        description: "Wait for the rebuild to finish".into(),
                        default: Some("false".into()),
                        example: Some("true".into()),
                        example_link: None,
                    },
                ],
                param_table: ParamTable::WithExample { line: 86 },
                success: vec![
                    response(96, 200, title("Gadget"), "The rebuilt gadget"),
                    response(
                        97,
                        202,
                        title("Job Enqueued API Result"),
                        "If the rebuild was enqueued",
                    ),
                ],
                errors: vec![response(
                    103,
                    404,
                    title("Error"),
                    "Error if gadget was not found",
                )],
                errors_line: 99,
            },
            ReferenceAction {
                title: "Patch".into(),
                line: 107,
                description: "Updates a gadget".into(),
                call: call("gadget", "patch", Flavour::JavaScript),
                call_line: 118,
                scopes: Some(strings(&["all.Gadget", "gadget.patch"])),
                scopes_line: 130,
                params: vec![
                    string_param(
                        138,
                        "gadgetId",
                        true,
                        "ID of the gadget",
                        Some("575ec8687ae143cd83dc4a97"),
                    ),
                    ReferenceParam {
                        line: 139,
                        name: "gadget".into(),
                        // The title is the link's text, whatever the file is called.
                        type_text: "Gadget Patch Fields".into(),
                        type_link: title("Gadget Patch Fields"),
                        required: true,
                        description: "What to change".into(),
                        default: None,
                        example: Some("Gadget Patch Example".into()),
                        example_link: Some("gadget-patch-example".into()),
                    },
                ],
                param_table: ParamTable::WithExample { line: 136 },
                success: vec![response(145, 200, title("Gadget"), "The updated gadget")],
                errors: Vec::new(),
                errors_line: 147,
            },
        ],
    };
    assert_eq!(page, expected);
    let rebuild = &page.actions[1].call;
    assert_eq!(
        (rebuild.snake_case(), rebuild.camel_case()),
        ("rebuild".into(), "rebuild".into())
    );
    let find = &page.actions[0].call;
    assert_eq!(
        (find.snake_case(), find.camel_case()),
        ("find_owner".into(), "findOwner".into())
    );
}

#[test]
fn reference_parser_reads_the_older_python_shapes() {
    let page = parse(OLDER);
    let expected = ActionReference {
        resource: "Widget".into(),
        actions: vec![
            ReferenceAction {
                title: "Get".into(),
                line: 13,
                description: "Retrieves a widget".into(),
                call: call("widget", "get", Flavour::Python),
                call_line: 18,
                scopes: Some(strings(&["all.User", "widget.*", "widget.get"])),
                scopes_line: 24,
                params: vec![
                    string_param(32, "widgetId", true, "ID of the widget", None),
                    ReferenceParam {
                        line: 33,
                        name: "summary".into(),
                        type_text: "undefined".into(),
                        type_link: None,
                        required: false,
                        description: "Include a summary".into(),
                        default: Some("true".into()),
                        example: None,
                        example_link: None,
                    },
                ],
                // No Example column: the examples are unknown, not empty.
                param_table: ParamTable::WithoutExample { line: 30 },
                success: vec![anchored(39, 200, "Widget", "widget", "The widget")],
                errors: vec![anchored(
                    45,
                    404,
                    "Error",
                    "error",
                    "Error if widget was not found",
                )],
                errors_line: 41,
            },
            ReferenceAction {
                title: "Ping".into(),
                line: 49,
                description: "Checks that the widget service answers".into(),
                call: call("widget", "ping", Flavour::Python),
                call_line: 54,
                // No Authentication section: the scopes are unknown; the line is the action's.
                scopes: None,
                scopes_line: 49,
                params: vec![string_param(
                    63,
                    "losantdomain",
                    false,
                    "Domain scope of request (rarely needed)",
                    None,
                )],
                param_table: ParamTable::WithoutExample { line: 61 },
                success: vec![anchored(
                    69,
                    200,
                    "Success",
                    "success",
                    "The service answers",
                )],
                errors: Vec::new(),
                errors_line: 71,
            },
            ReferenceAction {
                title: "Refresh".into(),
                line: 78,
                description: "Refreshes the widget cache".into(),
                call: call("widget", "refresh", Flavour::Python),
                call_line: 83,
                scopes: Some(strings(&["all.User", "widget.refresh"])),
                scopes_line: 89,
                // No Available Parameters section.
                params: Vec::new(),
                param_table: ParamTable::Absent,
                success: vec![anchored(
                    97,
                    200,
                    "Success",
                    "success",
                    "The cache was refreshed",
                )],
                errors: vec![anchored(
                    103,
                    400,
                    "Error",
                    "error",
                    "Error if malformed request",
                )],
                errors_line: 99,
            },
        ],
    };
    assert_eq!(page, expected);
}

#[test]
fn reference_parser_errors_on_malformed_pages() {
    let cases = [
        (
            JS,
            "client.gadget.rebuild(params)\n",
            "client.gadget.rebuilt(params)\n",
            "reference-js/gadget.md:74: expected the call `client.gadget.rebuild` of line 68 again, found `client.gadget.rebuilt`",
        ),
        (
            JS,
            "client.gadget.findOwner(params, function",
            "client.gadget.find_owner(params, function",
            "reference-js/gadget.md:23: expected a JavaScript example calling `client.<resource>.<action>(…)` in camelCase",
        ),
        (
            JS,
            "```javascript\nvar params = {\n  gadgetId: myGadgetId\n};",
            "```js\nvar params = {\n  gadgetId: myGadgetId\n};",
            "reference-js/gadget.md:62: expected a ```python or ```javascript example, found ```js",
        ),
        (
            JS,
            "| 204 | undefined | Nobody owns it |",
            "| 204 | nothing | Nobody owns it |",
            "reference-js/gadget.md:48: expected a schema link or `undefined` in the Type cell, found `nothing`",
        ),
        (
            JS,
            "[Gadget](../lib/schemas/gadget.json) | The rebuilt gadget",
            "[Gadget](../lib/gadget.json) | The rebuilt gadget",
            "reference-js/gadget.md:96: expected a link to `_schemas.md#<anchor>` or `../lib/schemas/<name>.json`, found `../lib/gadget.json`",
        ),
        (
            JS,
            "[Gadget](../lib/schemas/gadget.json) | The rebuilt gadget",
            "[](../lib/schemas/gadget.json) | The rebuilt gadget",
            "reference-js/gadget.md:96: expected the schema's title as the text of the link to `../lib/schemas/gadget.json`",
        ),
        (
            JS,
            "[Gadget Patch Example](_schemas.md#gadget-patch-example)",
            "[Gadget Patch Example](../lib/schemas/gadgetPatch.json)",
            "reference-js/gadget.md:139: expected a link to `_schemas.md#<anchor>`, found `../lib/schemas/gadgetPatch.json`",
        ),
        (
            JS,
            "| blueprint | file | N |",
            "| blueprint | file | maybe |",
            "reference-js/gadget.md:89: expected `Y` or `N` in the Required cell, found `maybe`",
        ),
        (
            JS,
            "No api access token is required to call this action.",
            "Anyone may call this action.",
            "reference-js/gadget.md:35: expected a sentence listing the required scopes (`… the following scopes: a, b, or c.`)",
        ),
        (
            JS,
            "#### Authentication\nNo api access token is required to call this action.\n",
            "#### Authentication\n",
            "reference-js/gadget.md:149: expected a sentence listing the required scopes under `#### Authentication` (line 34) in action `Find Owner` (line 13) before the end of the file",
        ),
        (
            JS,
            "| Name | Type | Required | Description | Default | Example |\n| ---- | ---- | -------- | ----------- | ------- | ------- |\n| email | string | Y | The owner&#x27;s e-mail |  | owner@example.com |",
            "| Name | Type | Required | Description | Example |\n| ---- | ---- | -------- | ----------- | ------- |\n| email | string | Y | The owner&#x27;s e-mail | owner@example.com |",
            "reference-js/gadget.md:39: expected a table header `Name | Type | Required | Description | Default | Example` (or without `| Example`), found `Name | Type | Required | Description | Example`",
        ),
        (
            JS,
            "```\n\n#### Authentication\nThe client must be configured with a valid api access token to call this\naction. The token must include at least one of the following scopes:\nall.Gadget, or gadget.patch.",
            "```\n\n```javascript\nclient.gadget.patch(params);\n```\n\n#### Authentication\nThe client must be configured with a valid api access token to call this\naction. The token must include at least one of the following scopes:\nall.Gadget, or gadget.patch.",
            "reference-js/gadget.md:130: expected one example in action `Patch`, found a second (the first on line 118 calls `client.gadget.patch`)",
        ),
        (
            OLDER,
            "result = client.widget.get(widgetId=my_widget_id)",
            "result = client.widget.getWidget(widgetId=my_widget_id)",
            "reference-older/widget.md:18: expected a Python example calling `client.<resource>.<action>(…)` in snake_case",
        ),
        (
            OLDER,
            "```python\nresult = client.widget.ping(**optional_params)\n\nprint(result)\n```",
            "```javascript\nclient.widget.ping(params)\n```",
            "reference-older/widget.md:54: expected a Python example like the one on line 18, found a JavaScript one",
        ),
        (
            OLDER,
            "result = client.widget.refresh()",
            "result = client.gadget.refresh()",
            "reference-older/widget.md:83: expected a call on `client.widget` like the one on line 18, found `client.gadget.refresh`",
        ),
        (
            OLDER,
            "| Name | Type | Required | Description | Default |\n| ---- | ---- | -------- | ----------- | ------- |\n| losantdomain | string | N | Domain scope of request (rarely needed) |  |\n",
            "",
            "reference-older/widget.md:100: expected an `#### Available Parameters` table in action `Ping` (line 49) before the end of the file",
        ),
        (
            OLDER,
            "| summary | undefined | N | Include a summary | true |",
            "| summary | undefined | N | Include a summary | true | true |",
            "reference-older/widget.md:33: expected a table row of 5 cells (Name | Type | Required | Description | Default), found 6",
        ),
        (
            OLDER,
            "\n## Refresh\n",
            "\n## Refresh\n\n#### Successful Responses\n",
            "reference-older/widget.md:105: expected a description paragraph in action `Refresh` (line 78) before the end of the file",
        ),
    ];
    for (file, from, to, expected) in cases {
        assert_eq!(error(file, from, to), expected, "{file}: {from:?} → {to:?}");
    }
}

/// Line ends are not content: CRLF pages give the same result.
#[test]
fn reference_parser_reads_crlf_pages_alike() {
    for file in [JS, OLDER] {
        let crlf = text(file).replace('\n', "\r\n");
        assert_eq!(
            reference::parse(file, &crlf).unwrap(),
            parse(file),
            "{file}"
        );
    }
}
