//! The `request_table` parser: the official JavaScript client's generated request tables
//! (`wegnology-rest/lib/api/<resource>.js`) and the facts of its runtime (`index.js`).
//!
//! The shapes are tested on made-up fixtures (`tests/fixtures/request-table`); the published
//! files are only parsed whole, checked for counts and invariants, and snapshotted.

use std::collections::BTreeMap;
use std::path::PathBuf;

use proptest::prelude::*;
use wegnology_model::Method;
use wegnology_parser::request_table::{
    parse, parse_index, ClientFacts, DocEvent, DocParam, DocResponse, MultipartKind, Placement,
    RequestTable, TableAction, TableDoc, TableParam, DIR, INDEX,
};
use wegnology_parser::SpecError;

const GADGET: &str = "wegnology-rest/lib/api/gadget.js";
const GADGET_INDEX: &str = "wegnology-rest/lib/api/index.js";

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/request-table")
        .join(name);
    std::fs::read_to_string(&path).expect("the fixture is readable")
}

fn gadget() -> RequestTable {
    parse(GADGET, &fixture("gadget.js")).expect("the fixture parses")
}

/// `text` with the first occurrence of `from` replaced; panics if `from` is absent, so an edit
/// that no longer applies fails the test instead of testing nothing.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "`{from}` is not in the text");
    text.replacen(from, to, 1)
}

/// The error of parsing the edited gadget fixture, as displayed.
fn gadget_error(from: &str, to: &str) -> String {
    let text = edit(&fixture("gadget.js"), from, to);
    parse(GADGET, &text)
        .expect_err("the edited fixture is malformed")
        .to_string()
}

fn param(name: &str, line: usize, placement: Placement, doc_type: Option<&str>) -> TableParam {
    TableParam {
        name: name.to_string(),
        line,
        placement,
        doc_type: doc_type.map(str::to_string),
    }
}

fn defaults(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn doc_param(line: usize, doc_type: &str, name: &str, description: &str) -> DocParam {
    DocParam {
        line,
        name: name.to_string(),
        doc_type: doc_type.to_string(),
        description: description.to_string(),
        definition: None,
    }
}

fn response(line: usize, status: u16, description: &str, definition: Option<&str>) -> DocResponse {
    DocResponse {
        line,
        status,
        description: description.to_string(),
        definition: definition.map(str::to_string),
    }
}

/// `resource.action METHOD path[ (stream)][ (multipart)]  name:placement …`.
fn summary(table: &RequestTable, action: &TableAction) -> String {
    let mut line = format!(
        "{}.{} {} {}",
        table.resource,
        action.name,
        action.method.as_str(),
        action.path
    );
    if action.stream {
        line.push_str(" (stream)");
    }
    if action.multipart {
        line.push_str(" (multipart)");
    }
    line.push(' ');
    for param in &action.params {
        line.push_str(&format!(" {}:{}", param.name, param.placement.as_str()));
    }
    line
}

#[test]
fn request_table_get_with_path_query_json_and_header_parameters() {
    let table = gadget();
    assert_eq!(table.resource, "gadget");
    assert_eq!(table.file, GADGET);
    let get = &table.actions[0];
    let expected = TableAction {
        name: "get".to_string(),
        line: 31,
        method: Method::Get,
        method_line: Some(46),
        path: "/workshops/{workshopId}/gadgets/{gadgetId}".to_string(),
        path_line: 43,
        stream: false,
        data: false,
        multipart: false,
        query_defaults: defaults(&[("_actions", "false"), ("_links", "true")]),
        params: vec![
            param("workshopId", 50, Placement::Path, Some("string")),
            param("gadgetId", 51, Placement::Path, Some("string")),
            param("since", 52, Placement::Query, Some("string")),
            param("filter", 53, Placement::QueryJson, Some("hash")),
            param("losantdomain", 54, Placement::Header, Some("string")),
            param("_actions", 55, Placement::Query, Some("boolean")),
        ],
        doc: Some(TableDoc {
            line: 6,
            summary: "Looks up one gadget of a workshop".to_string(),
            scopes: Some(vec![
                "all.Workshop".to_string(),
                "gadget.*".to_string(),
                "gadget.get".to_string(),
            ]),
            params: vec![
                doc_param(17, "string", "workshopId", "ID of the workshop"),
                doc_param(18, "string", "gadgetId", "ID of the gadget"),
                doc_param(19, "string", "since", "Only changes after this time"),
                DocParam {
                    definition: Some("gadgetFilter".to_string()),
                    ..doc_param(20, "hash", "filter", "Which parts to return")
                },
                doc_param(
                    21,
                    "string",
                    "losantdomain",
                    "Domain scope of request (rarely needed)",
                ),
                doc_param(
                    22,
                    "boolean",
                    "_actions",
                    "Return resource actions in response",
                ),
            ],
            responses: vec![
                response(25, 200, "The gadget", Some("gadget")),
                response(26, 204, "The gadget has not changed since then", None),
            ],
            errors: vec![response(29, 404, "No such gadget", Some("error"))],
            events: vec![],
            returns: None,
        }),
    };
    assert_eq!(get, &expected);
}

#[test]
fn request_table_body_multipart_stream_and_undocumented_actions() {
    let table = gadget();
    let lines: Vec<String> = table.actions.iter().map(|a| summary(&table, a)).collect();
    assert_eq!(
        lines,
        [
            "gadget.get GET /workshops/{workshopId}/gadgets/{gadgetId}  workshopId:path gadgetId:path since:query filter:query-json losantdomain:header _actions:query",
            "gadget.rename PATCH /gadgets/{gadgetId}/name  gadgetId:path gadget:body",
            "gadget.uploadFirmware POST /firmware (multipart)  firmware:multipart-file label:multipart-string flashing:multipart-object",
            "gadget.blinkStream GET /gadgets/{gadgetId}/blinks (stream)  gadgetId:path every:query",
            "gadget.remove DELETE /gadgets  undocumented:query",
        ]
    );

    let rename = &table.actions[1];
    assert!(rename.data && !rename.stream && !rename.multipart);
    assert_eq!(rename.method_line, Some(91));
    assert_eq!(
        rename.params[1],
        param("gadget", 97, Placement::Body, Some("hash"))
    );
    let doc = rename.doc.as_ref().unwrap();
    assert_eq!(doc.scopes, Some(vec![]), "no token is required");

    let upload = &table.actions[2];
    assert!(upload.multipart && upload.data);
    assert_eq!(
        upload.params,
        [
            param(
                "firmware",
                138,
                Placement::Multipart(MultipartKind::File),
                Some("file")
            ),
            param(
                "label",
                140,
                Placement::Multipart(MultipartKind::String),
                Some("string")
            ),
            param(
                "flashing",
                142,
                Placement::Multipart(MultipartKind::Object),
                Some("hash")
            ),
        ]
    );
    let doc = upload.doc.as_ref().unwrap();
    assert_eq!(doc.scopes, None, "no Authentication paragraph");
    assert_eq!(
        doc.responses,
        [response(111, 202, "Flashing has started", None)]
    );

    let stream = &table.actions[3];
    assert!(stream.stream && !stream.data && !stream.multipart);
    assert_eq!((stream.method, stream.method_line), (Method::Get, None));
    assert_eq!(stream.query_defaults, []);
    assert_eq!((stream.line, stream.path_line), (166, 176));
    let doc = stream.doc.as_ref().unwrap();
    assert_eq!(
        doc.summary,
        "Follows a gadget's blinking using Server Sent Events (SSE)"
    );
    assert_eq!(
        doc.returns.as_deref(),
        Some("Returns a Promise for (or calls the provided callback with) an EventSource instance of blinks")
    );
    assert_eq!(
        doc.events,
        [DocEvent {
            line: 158,
            name: "blink".to_string(),
            description: "One blink".to_string(),
            definition: Some("blink".to_string()),
        }]
    );
    assert_eq!(
        doc.errors,
        [response(164, 404, "No such gadget", Some("error"))]
    );
    assert!(doc.responses.is_empty());

    let remove = &table.actions[4];
    assert_eq!(remove.doc, None);
    assert_eq!(
        remove.params,
        [param("undocumented", 208, Placement::Query, None)]
    );
}

#[test]
fn request_table_crlf_line_ends_parse_alike() {
    let text = fixture("gadget.js").replace('\n', "\r\n");
    assert_eq!(parse(GADGET, &text).unwrap(), gadget());
}

#[test]
fn request_table_index_facts() {
    let facts = parse_index(GADGET_INDEX, &fixture("index.js")).unwrap();
    assert_eq!(
        facts,
        ClientFacts {
            api_version: "3.1.4".to_string(),
            accept_version: "^3.1.4".to_string(),
            base_url: "https://gadgets.example.test".to_string(),
            resources: vec!["gadget".to_string(), "gadgets".to_string()],
        }
    );
}

#[test]
fn request_table_unknown_line_in_an_action() {
    assert_eq!(
        gadget_error(
            "    req.url = tpl.expand(pathParams);\n    return client.request(req, opts, cb);\n  };\n\n  /**\n   * Renames",
            "    req.params.extra = 1;\n    req.url = tpl.expand(pathParams);\n    return client.request(req, opts, cb);\n  };\n\n  /**\n   * Renames",
        ),
        "wegnology-rest/lib/api/gadget.js:56: expected a parameter line \
         `if ('undefined' !== typeof params.<name>) { … }`, `opts.multipartTypes.<name> = '<kind>';` \
         or `req.url = tpl.expand(pathParams);` in `internals.get` (line 31), found `req.params.extra = 1;`"
    );
}

#[test]
fn request_table_parameter_sent_under_another_name() {
    assert_eq!(
        gadget_error(
            "{ req.params.since = params.since; }",
            "{ req.params.after = params.since; }"
        ),
        "wegnology-rest/lib/api/gadget.js:52: expected a parameter line \
         `if ('undefined' !== typeof params.<name>) { … }`, `opts.multipartTypes.<name> = '<kind>';` \
         or `req.url = tpl.expand(pathParams);` in `internals.get` (line 31), \
         found `if ('undefined' !== typeof params.since) { req.params.after = params.since; }`"
    );
}

#[test]
fn request_table_missing_method() {
    assert_eq!(
        gadget_error("      method: 'PATCH',\n", ""),
        "wegnology-rest/lib/api/gadget.js:91: expected a `method: '<METHOD>',` line opening the \
         request object of `internals.rename` (line 76), which returns `client.request` (line 98), \
         found `data: {},`"
    );
}

#[test]
fn request_table_unknown_method() {
    assert_eq!(
        gadget_error("method: 'PATCH',", "method: 'TRACE',"),
        "wegnology-rest/lib/api/gadget.js:91: expected `method: '<METHOD>',` in `internals.rename` \
         (line 76), found `method: 'TRACE',`"
    );
}

#[test]
fn request_table_truncated_file() {
    let text = fixture("gadget.js");
    let cut = text.find("    req.url = tpl.expand(pathParams);").unwrap();
    let error = parse(GADGET, &text[..cut]).unwrap_err().to_string();
    assert_eq!(
        error,
        "wegnology-rest/lib/api/gadget.js:55: expected a parameter line \
         `if ('undefined' !== typeof params.<name>) { … }`, `opts.multipartTypes.<name> = '<kind>';` \
         or `req.url = tpl.expand(pathParams);` in `internals.get` (line 31) before the end of the file"
    );
    let error = parse(GADGET, text.trim_end().strip_suffix("};").unwrap())
        .unwrap_err()
        .to_string();
    assert_eq!(
        error,
        "wegnology-rest/lib/api/gadget.js:213: expected `};` closing `module.exports` before the end of the file"
    );
}

#[test]
fn request_table_text_after_the_end() {
    let text = format!("{}\nmodule.exports.extra = 1;\n", fixture("gadget.js"));
    assert_eq!(
        parse(GADGET, &text).unwrap_err().to_string(),
        "wegnology-rest/lib/api/gadget.js:216: expected the end of the file after `};` (line 214), \
         found `module.exports.extra = 1;`"
    );
}

#[test]
fn request_table_multipart_field_without_its_kind() {
    assert_eq!(
        gadget_error("    opts.multipartTypes.label = 'string';\n", ""),
        "wegnology-rest/lib/api/gadget.js:139: expected an `opts.multipartTypes.label = '<kind>';` \
         line before `req.data.label` in `internals.uploadFirmware` (line 116), \
         found `if ('undefined' !== typeof params.label) { req.data.label = params.label; }`"
    );
    assert_eq!(
        gadget_error("opts.multipartTypes.label = 'string';", "opts.multipartTypes.label = 'blob';"),
        "wegnology-rest/lib/api/gadget.js:139: expected `opts.multipartTypes.<name> = 'file' | 'string' | 'object';` \
         in `internals.uploadFirmware` (line 116), found `opts.multipartTypes.label = 'blob';`"
    );
    assert_eq!(
        gadget_error("    opts.multipartTypes = {};\n", ""),
        "wegnology-rest/lib/api/gadget.js:136: expected `opts.multipartTypes = {};` before the line \
         `opts.multipartTypes.firmware = …` in `internals.uploadFirmware` (line 116), \
         found `opts.multipartTypes.firmware = 'file';`"
    );
}

#[test]
fn request_table_two_bodies() {
    assert_eq!(
        gadget_error(
            "{ req.data = params.gadget; }",
            "{ req.data = params.gadget; }\n    if ('undefined' !== typeof params.more) { req.data = params.more; }"
        ),
        "wegnology-rest/lib/api/gadget.js:98: expected no second body for the parameter `more`: \
         `gadget` (line 97) is sent as the body in `internals.rename` (line 76), \
         found `if ('undefined' !== typeof params.more) { req.data = params.more; }`"
    );
}

#[test]
fn request_table_multipart_field_beside_a_body() {
    assert_eq!(
        gadget_error(
            "    opts.multipartTypes.firmware = 'file';",
            "    if ('undefined' !== typeof params.raw) { req.data = params.raw; }\n    opts.multipartTypes.firmware = 'file';"
        ),
        "wegnology-rest/lib/api/gadget.js:139: expected no second body for the parameter `firmware`: \
         `raw` (line 137) is sent as the body in `internals.uploadFirmware` (line 116), \
         found `if ('undefined' !== typeof params.firmware) { req.data.firmware = params.firmware; }`"
    );
}

#[test]
fn request_table_placeholders_and_path_parameters_agree() {
    assert_eq!(
        gadget_error("'/gadgets/{gadgetId}/name'", "'/gadgets/{gadgetId}/name/{nameId}'"),
        "wegnology-rest/lib/api/gadget.js:98: expected a `pathParams.nameId` line for the placeholder \
         `{nameId}` of the path template (line 88) before `req.url = tpl.expand(pathParams);` \
         in `internals.rename` (line 76), found `req.url = tpl.expand(pathParams);`"
    );
    assert_eq!(
        gadget_error("'/gadgets/{gadgetId}/name'", "'/gadgets/name'"),
        "wegnology-rest/lib/api/gadget.js:96: expected a placeholder `{gadgetId}` in the path \
         template of line 88 for `pathParams.gadgetId` in `internals.rename` (line 76), \
         found `if ('undefined' !== typeof params.gadgetId) { pathParams.gadgetId = params.gadgetId; }`"
    );
    assert_eq!(
        gadget_error("'/gadgets/{gadgetId}/name'", "'/gadgets{?gadgetId}'"),
        "wegnology-rest/lib/api/gadget.js:88: expected a path template starting with `/` whose \
         placeholders are `{<name>}` in `internals.rename` (line 76), found `/gadgets{?gadgetId}`"
    );
}

#[test]
fn request_table_stream_without_a_body_or_another_method() {
    assert_eq!(
        gadget_error(
            "{ req.params.every = params.every; }",
            "{ req.data = params.every; }"
        ),
        "wegnology-rest/lib/api/gadget.js:183: expected no body parameter in the stream \
         `internals.blinkStream` (line 166), which returns `client.attachEventSource` (line 185), \
         found `if ('undefined' !== typeof params.every) { req.data = params.every; }`"
    );
    assert_eq!(
        gadget_error(
            "    var req = {\n      headers: {},\n      params: {}",
            "    var req = {\n      method: 'POST',\n      headers: {},\n      params: {}"
        ),
        "wegnology-rest/lib/api/gadget.js:179: expected no method but `GET` in the stream \
         `internals.blinkStream` (line 166): it returns `client.attachEventSource` (line 186), \
         which sends `GET`, found `method: 'POST',`"
    );
    assert_eq!(
        gadget_error(
            "return client.attachEventSource(req, opts, cb);",
            "return client.stream(req, opts, cb);"
        ),
        "wegnology-rest/lib/api/gadget.js:185: expected `return client.request(req, opts, cb);` or \
         `return client.attachEventSource(req, opts, cb);` in `internals.blinkStream` (line 166), \
         found `return client.stream(req, opts, cb);`"
    );
}

#[test]
fn request_table_doc_comments() {
    assert_eq!(
        gadget_error("   * Possible Errors:", "   * Known Errors:"),
        "wegnology-rest/lib/api/gadget.js:163: expected a doc-comment paragraph titled \
         `Authentication:`, `Parameters:`, `Responses:`, `Errors:`, `Possible Errors:` or \
         `It will have the following message event types:`, or a stream's `Returns a Promise for …`, \
         found `Known Errors:`"
    );
    assert_eq!(
        gadget_error("   *  {string} since - ", "   *  string since - "),
        "wegnology-rest/lib/api/gadget.js:19: expected a parameter `{<type>} <name> - <description>`, \
         found `string since - Only changes after this time`"
    );
    assert_eq!(
        gadget_error("   *  204 - The gadget", "   *  2O4 - The gadget"),
        "wegnology-rest/lib/api/gadget.js:26: expected a response `<status> - <description>`, \
         found `2O4 - The gadget has not changed since then`"
    );
    assert_eq!(
        gadget_error(
            "   * must include at least one of the following scopes:\n   * all.Workshop",
            "   * must include a scope:\n   * all.Workshop"
        ),
        "wegnology-rest/lib/api/gadget.js:11: expected an authentication sentence listing \
         `the following scopes:` or saying no token is required, found `The client must be configured \
         with a valid api access token to call this action. The token must include a scope: \
         all.Workshop, gadget.*, or gadget.get.`"
    );
    assert_eq!(
        gadget_error("   */\n  internals.rename", "   */\n\n  internals.rename"),
        "wegnology-rest/lib/api/gadget.js:76: expected an action `internals.<name> = function (params, opts, cb) {` \
         after the doc comment of line 60, found ``"
    );
    assert_eq!(
        gadget_error("   * Renames a gadget", "   Renames a gadget"),
        "wegnology-rest/lib/api/gadget.js:61: expected a doc-comment line `* …` or `*/` closing the \
         doc comment of line 60, found `Renames a gadget`"
    );
}

#[test]
fn request_table_duplicates() {
    assert_eq!(
        gadget_error("internals.remove = function", "internals.rename = function"),
        "wegnology-rest/lib/api/gadget.js:188: expected one action `rename` (the first is on line 76), \
         found `internals.rename = function (params, opts, cb) {`"
    );
    assert_eq!(
        gadget_error(
            "{ req.params.since = params.since; }",
            "{ req.params.since = params.since; }\n    if ('undefined' !== typeof params.since) { req.headers.since = params.since; }"
        ),
        "wegnology-rest/lib/api/gadget.js:53: expected one line for the parameter `since` (the first \
         is line 52) in `internals.get` (line 31), \
         found `if ('undefined' !== typeof params.since) { req.headers.since = params.since; }`"
    );
}

#[test]
fn request_table_index_malformed() {
    let index = fixture("index.js");
    let error = |text: &str| parse_index(GADGET_INDEX, text).unwrap_err().to_string();
    assert_eq!(
        error(&edit(&index, " * version: 3.1.4\n", "")),
        "wegnology-rest/lib/api/index.js:31: expected the API release `* version: <release>` before the end of the file"
    );
    assert_eq!(
        error(&edit(&index, "version: 3.1.4", "version: 3.1")),
        "wegnology-rest/lib/api/index.js:5: expected an API release such as `* version: 1.24.5`, found `* version: 3.1`"
    );
    assert_eq!(
        error(&edit(
            &index,
            "var fullUrl = (opts.url || 'https://gadgets.example.test')",
            "var fullUrl = (opts.url || 'https://other.example.test')"
        )),
        "wegnology-rest/lib/api/index.js:27: expected the base URL `https://gadgets.example.test`, \
         as on line 22, found `https://other.example.test`"
    );
    assert_eq!(
        error(&edit(&index, "'https://gadgets.example.test')", "'https://gadgets.example.test/v2')")),
        "wegnology-rest/lib/api/index.js:22: expected a base URL such as \
         `opts.url || 'https://api.app.wnology.io'`, found `req.url = (opts.url || 'https://gadgets.example.test/v2') + req.url;`"
    );
    assert_eq!(
        error(&edit(&index, "require('./gadgets')", "require('./gizmos')")),
        "wegnology-rest/lib/api/index.js:12: expected a resource \
         `internals.<name> = require('./<name>')(options, internals);`, \
         found `internals.gadgets = require('./gizmos')(options, internals);`"
    );
}

/// The published request tables, by file name (without `index.js`), and the runtime's facts.
fn published() -> (Vec<RequestTable>, ClientFacts) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../spec/published")
        .join(DIR);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("spec/published/wegnology-rest/lib/api is readable")
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".js"))
        .collect();
    names.sort();
    let read = |name: &str| {
        let path = dir.join(name);
        let bytes = std::fs::read(&path).unwrap();
        wegnology_parser::text(&format!("{DIR}/{name}"), bytes).unwrap()
    };
    let facts =
        parse_index(&format!("{DIR}/{INDEX}"), &read(INDEX)).unwrap_or_else(|e| panic!("{e}"));
    let tables = names
        .iter()
        .filter(|name| name.as_str() != INDEX)
        .map(|name| parse(&format!("{DIR}/{name}"), &read(name)).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    (tables, facts)
}

#[test]
fn request_table_published_files() {
    let (tables, facts) = published();
    assert_eq!(tables.len(), 85);
    assert_eq!(facts.api_version, "1.24.5");
    assert_eq!(facts.accept_version, format!("^{}", facts.api_version));
    assert_eq!(facts.base_url, "https://api.app.wnology.io");
    let mut resources = facts.resources.clone();
    resources.sort();
    let files: Vec<&str> = tables.iter().map(|t| t.resource.as_str()).collect();
    assert_eq!(resources, files, "index.js requires every resource file");

    let actions: Vec<(&RequestTable, &TableAction)> = tables
        .iter()
        .flat_map(|t| t.actions.iter().map(move |a| (t, a)))
        .collect();
    assert_eq!(actions.len(), 322);
    let streams: Vec<String> = actions
        .iter()
        .filter(|(_, a)| a.stream)
        .map(|(t, a)| format!("{}.{}", t.resource, a.name))
        .collect();
    assert_eq!(
        streams,
        [
            "application.mqttSubscriptionStream",
            "device.commandStream",
            "device.stateStream"
        ]
    );
    let documented = actions
        .iter()
        .filter(|(_, a)| !a.stream && a.doc.as_ref().is_some_and(|d| !d.responses.is_empty()))
        .count();
    assert_eq!(documented, 319);

    for (table, action) in &actions {
        let name = format!("{}.{}", table.resource, action.name);
        let doc = action
            .doc
            .as_ref()
            .unwrap_or_else(|| panic!("{name} has a doc comment"));
        // The doc comment lists the table's parameters, in its order, and types each.
        let documented: Vec<&str> = doc.params.iter().map(|p| p.name.as_str()).collect();
        let table_params: Vec<&str> = action.params.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(documented, table_params, "{name}");
        assert!(action.params.iter().all(|p| p.doc_type.is_some()), "{name}");
        assert!(doc.scopes.is_some(), "{name}");
        if action.stream {
            assert!(action.query_defaults.is_empty(), "{name}");
            assert_eq!(action.method_line, None, "{name}");
            assert!(!doc.events.is_empty() && doc.returns.is_some(), "{name}");
        } else {
            assert_eq!(
                action.query_defaults.first().map(|(k, _)| k.as_str()),
                Some("_actions"),
                "{name}"
            );
            assert_eq!(action.data, action.method != Method::Get, "{name}");
        }
        assert_eq!(
            action.multipart,
            action
                .params
                .iter()
                .any(|p| matches!(p.placement, Placement::Multipart(_))),
            "{name}"
        );
        // The multipart kinds agree with the documented types.
        for p in &action.params {
            if let Placement::Multipart(kind) = p.placement {
                let expected = match kind {
                    MultipartKind::File => "file",
                    MultipartKind::String => "string",
                    MultipartKind::Object => "hash",
                };
                assert_eq!(p.doc_type.as_deref(), Some(expected), "{name} {}", p.name);
            }
        }
    }
    let without_errors: Vec<String> = actions
        .iter()
        .filter(|(_, a)| a.doc.as_ref().is_some_and(|d| d.errors.is_empty()))
        .map(|(t, a)| format!("{}.{}", t.resource, a.name))
        .collect();
    assert_eq!(without_errors, ["me.get"], "an empty `Errors:` paragraph");
    let multipart: Vec<String> = actions
        .iter()
        .filter(|(_, a)| a.multipart)
        .map(|(t, a)| format!("{}.{}", t.resource, a.name))
        .collect();
    assert_eq!(
        multipart,
        [
            "application.import",
            "applications.import",
            "file.upload",
            "notebook.upload"
        ]
    );
    let fields: usize = actions
        .iter()
        .flat_map(|(_, a)| &a.params)
        .filter(|p| matches!(p.placement, Placement::Multipart(_)))
        .count();
    assert_eq!(fields, 13);
}

#[test]
fn request_table_published_snapshot() {
    let (tables, facts) = published();
    let mut placements: BTreeMap<&str, usize> = BTreeMap::new();
    let mut doc_types: BTreeMap<String, usize> = BTreeMap::new();
    let mut lines = Vec::new();
    for table in &tables {
        for action in &table.actions {
            for p in &action.params {
                *placements.entry(p.placement.as_str()).or_default() += 1;
                *doc_types
                    .entry(p.doc_type.clone().unwrap_or_else(|| "-".to_string()))
                    .or_default() += 1;
            }
            lines.push(summary(table, action));
        }
    }
    let mut out = format!(
        "API {} ({}), {}\n{} resources, {} actions\nplacements: {placements:?}\ndoc types: {doc_types:?}\n\n",
        facts.api_version,
        facts.accept_version,
        facts.base_url,
        tables.len(),
        lines.len()
    );
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
    insta::assert_snapshot!("published_request_tables", out);
}

/// One edit of a request table or of `index.js`; positions are taken modulo the length.
#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    DropLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    ReplaceLine(usize, String),
    InsertLine(usize, String),
}

/// Lines in the shapes of the tables, and arbitrary text.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "",
            "  };",
            "  /**",
            "   */",
            "   *",
            "   * Parameters:",
            "   * Errors:",
            "   *  {string} x - y",
            "   *  200 - ok (https://x/#/definitions/y)",
            "    opts.multipartTypes = {};",
            "    opts.multipartTypes.x = 'file';",
            "    if ('undefined' !== typeof params.x) { req.data.x = params.x; }",
            "    if ('undefined' !== typeof params.x) { req.data = params.x; }",
            "    if ('undefined' !== typeof params.x) { pathParams.x = params.x; }",
            "    req.url = tpl.expand(pathParams);",
            "    return client.attachEventSource(req, opts, cb);",
            "      method: 'GET',",
            "      params: { _actions: false }",
            "  internals.x = function (params, opts, cb) {",
            "  return internals;",
            " * version: 1.2.3",
            "    'Accept-Version': '^9'",
            "  var url = opts.url || 'https://x.test';",
        ])
        .prop_map(str::to_string),
        any::<String>(),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        any::<usize>().prop_map(Mutation::DropLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (any::<usize>(), line()).prop_map(|(at, l)| Mutation::ReplaceLine(at, l)),
        (any::<usize>(), line()).prop_map(|(at, l)| Mutation::InsertLine(at, l)),
    ]
}

fn apply(text: &str, mutation: &Mutation) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let n = lines.len();
    match mutation {
        Mutation::Truncate(at) => {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            return text[..at].to_string();
        }
        Mutation::DropLine(at) => {
            lines.remove(at % n);
        }
        Mutation::DuplicateLine(at) => lines.insert(at % n, lines[at % n].clone()),
        Mutation::SwapLines(a, b) => lines.swap(a % n, b % n),
        Mutation::ReplaceLine(at, line) => lines[at % n] = line.clone(),
        Mutation::InsertLine(at, line) => lines.insert(at % (n + 1), line.clone()),
    }
    lines.join("\n")
}

/// A failure is a document error naming `file` and a line of `text`.
fn check(file: &str, text: &str, result: Result<(), SpecError>) -> Result<(), TestCaseError> {
    let Err(error) = result else { return Ok(()) };
    let SpecError::Malformed {
        file: named, line, ..
    } = &error
    else {
        return Err(TestCaseError::fail(format!(
            "not a document error: {error}"
        )));
    };
    prop_assert_eq!(named.as_str(), file);
    let lines = text.lines().count().max(1);
    prop_assert!(
        *line >= 1 && *line <= lines,
        "{}: line outside 1..={}",
        error,
        lines
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn request_table_mutations_never_panic(mutations in prop::collection::vec(mutation(), 1..4)) {
        let mut text = fixture("gadget.js");
        for m in &mutations {
            text = apply(&text, m);
        }
        check(GADGET, &text, parse(GADGET, &text).map(drop))?;
    }

    #[test]
    fn request_table_index_mutations_never_panic(mutations in prop::collection::vec(mutation(), 1..4)) {
        let mut text = fixture("index.js");
        for m in &mutations {
            text = apply(&text, m);
        }
        check(GADGET_INDEX, &text, parse_index(GADGET_INDEX, &text).map(drop))?;
    }

    #[test]
    fn request_table_arbitrary_text_never_panics(text in any::<String>()) {
        check(GADGET, &text, parse(GADGET, &text).map(drop))?;
        check(GADGET_INDEX, &text, parse_index(GADGET_INDEX, &text).map(drop))?;
    }
}
