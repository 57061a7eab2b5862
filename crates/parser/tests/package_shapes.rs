//! What the merge makes of each shape of the JS client's package: the model of the fixture
//! `tests/fixtures/package-shapes` (Me's documents of release 1.26.2 beside a made-up package;
//! see the fixtures' README), one test per shape.

mod common;

use wegnology_model::{
    Action, ApiModel, Location, Method, ParamExample, ParamType, QueryDefault, Resource, Response,
    SourceRef,
};

fn model() -> ApiModel {
    wegnology_parser::load(&common::fixture_dir("package-shapes")).expect("the fixture parses")
}

/// The model of Me's documents alone: what the package must not change.
fn me_alone() -> ApiModel {
    wegnology_parser::load(&common::fixture_dir("release-1.26.2")).expect("the fixture parses")
}

fn action<'m>(model: &'m ApiModel, resource: &str, snake_name: &str) -> &'m Action {
    model
        .action(resource, snake_name)
        .unwrap_or_else(|| panic!("no action {resource}.{snake_name}"))
}

/// Each parameter's name, location, type and requiredness.
fn params(action: &Action) -> Vec<(&str, Location, &ParamType, bool)> {
    action
        .params
        .iter()
        .map(|p| (p.name.as_str(), p.location, &p.ty, p.required))
        .collect()
}

/// The diagnostics of one resource (and action title, if given), as `regen` prints them.
fn lines_about(model: &ApiModel, resource: &str, action: Option<&str>) -> Vec<String> {
    model
        .diagnostics
        .iter()
        .filter(|d| d.resource.as_deref() == Some(resource))
        .filter(|d| action.is_none_or(|a| d.action.as_deref() == Some(a)))
        .map(|d| d.line())
        .collect()
}

fn at(file: &str, line: usize) -> SourceRef {
    SourceRef {
        file: file.to_string(),
        line,
    }
}

fn success(status: u16, schema: Option<&str>, description: &str) -> Response {
    Response {
        status,
        schema: schema.map(str::to_string),
        description: description.to_string(),
    }
}

fn schema(anchor: &str) -> ParamType {
    ParamType::Schema {
        schema: anchor.to_string(),
    }
}

const GADGET_SCOPES: [&str; 4] = [
    "all.Application",
    "all.Organization",
    "all.User",
    "gadget.*",
];

fn gadget_scopes(action: &str) -> Vec<String> {
    GADGET_SCOPES
        .iter()
        .map(|s| s.to_string())
        .chain([format!("gadget.{action}")])
        .collect()
}

// Every diagnostic the package adds, as `Diagnostic::line` prints it.

const FETCH_APPLICATIONS_LEFT_OUT: &str = "gap wegnology-rest/docs/me.md:15 [me: Fetch Applications] the package's release 1.20.0 documents `me.fetchApplications`, which Me's documents (1.26.2) do not; kept the action left out: the newer release decides; the older one only cross-checks it";
const REFRESH_TOKEN_PLACEMENT: &str = "disagreement wegnology-rest/docs/me.md:59 [me: Refresh Token] release 1.20.0 has `losantdomain` as Query optional String; kept Header optional String (release 1.26.2): the newer release decides; the older one only cross-checks it";
const REFRESH_TOKEN_ANSWER: &str = "disagreement wegnology-rest/docs/me.md:59 [me: Refresh Token] release 1.20.0 answers 200 success; kept 200 authenticated-user (release 1.26.2): the newer release decides; the older one only cross-checks it";
const VERIFY_EMAIL_PATH: &str = "disagreement wegnology-rest/docs/me.md:103 [me: Verify Email] release 1.20.0 sends `verifyEmail` as POST /me/verifyEmail; kept POST /me/verify-email (release 1.26.2): the newer release decides; the older one only cross-checks it";
const VERIFY_EMAIL_EMAIL: &str = "disagreement wegnology-rest/docs/me.md:103 [me: Verify Email] release 1.20.0 has the parameter `email`; kept no `email` (release 1.26.2): the newer release decides; the older one only cross-checks it";
const VERIFY_EMAIL_REDIRECT: &str = "disagreement wegnology-rest/docs/me.md:103 [me: Verify Email] release 1.20.0 has the parameter `redirect`; kept no `redirect` (release 1.26.2): the newer release decides; the older one only cross-checks it";
const VERIFY_EMAIL_DOMAIN: &str = "disagreement wegnology-rest/docs/me.md:103 [me: Verify Email] release 1.20.0 lacks the parameter `losantdomain`; kept `losantdomain` (release 1.26.2): the newer release decides; the older one only cross-checks it";
const VERIFY_EMAIL_SCOPES: &str = "disagreement wegnology-rest/docs/me.md:103 [me: Verify Email] release 1.20.0 lists the scopes `all.User, me.verifyEmail`; kept `all.User, me.*, me.verifyEmail` (release 1.26.2): the newer release decides; the older one only cross-checks it";
const BASE_URL: &str = "disagreement wegnology-rest/lib/api/index.js:1 the package's base URL is `https://api.gadgets.example.test`; kept `https://api.app.wnology.io`: the newer release decides; the older one only cross-checks it";
const SUCCESS_SCHEMA: &str = "disagreement wegnology-rest/docs/_schemas.md:312 [schema success] the package's `Success` schema differs from Me's at `/properties/success/enum` (only in Me's); kept Me's `Success` (release 1.26.2): the newer release's schema is the one the API documents today";
const CALIBRATE_LEFT_OUT: &str = "gap wegnology-rest/docs/gadget.md:18 [gadget: Calibrate] wegnology-rest/lib/api/gadget.js has no action `gadget.calibrate`; kept the action left out: no document gives its method and path: the request table is what the official JS client sends: the wire source where no REST page exists";
const FIELDS_TABLE_ONLY: &str = "disagreement wegnology-rest/lib/api/gadget.js:110 [gadget: Get] wegnology-rest/lib/api/gadget.js sends `fields` (query), which wegnology-rest/docs/gadget.md does not document; kept `fields`: an optional string parameter, placed as the table says: the request table is what the official JS client sends: the wire source where no REST page exists";
const DRY_RUN_UNPLACED: &str = "gap wegnology-rest/docs/gadget.md:205 [gadget: Patch] wegnology-rest/lib/api/gadget.js does not send `dryRun`; kept `dryRun` sent as a query parameter: the official clients send every parameter that is neither in the path nor the body as a query parameter, except `losantdomain`, which they send as a request header of that name";
const NOTES_KIND: &str = "disagreement wegnology-rest/docs/gadget.md:311 [gadget: Upload Firmware] `notes` has the type `string` but the request table sends it as multipart-object; kept the type `string`, placed as the table says: the request table is what the official JS client sends: the wire source where no REST page exists";
const RESET_LEFT_OUT: &str = "gap wegnology-rest/lib/api/gadget.js:254 [gadget] wegnology-rest/lib/api/gadget.js has the action `gadget.reset`, which wegnology-rest/docs/gadget.md does not document; kept `gadget.reset` left out: the package's reference page is the action reference of a resource without a REST page";
const BLINK_STREAM_LEFT_OUT: &str = "gap wegnology-rest/lib/api/gadget.js:376 [gadget] wegnology-rest/lib/api/gadget.js has the server-sent-event stream `gadget.blinkStream`, which wegnology-rest/docs/gadget.md does not document; kept `gadget.blinkStream` left out: the package's reference page is the action reference of a resource without a REST page";
const GADGETS_GET_NO_AUTHENTICATION: &str = "gap wegnology-rest/docs/gadgets.md:14 [gadgets: Get] `Get` has no Authentication section; kept the request table's scopes `all.Application, all.Organization, all.User, gadgets.*, gadgets.get`: the package's reference page is the action reference of a resource without a REST page";
const GADGETS_POST_STATUS: &str = "disagreement wegnology-rest/lib/api/gadgets.js:60 [gadgets: Post] wegnology-rest/lib/api/gadgets.js documents the success statuses [200], wegnology-rest/docs/gadgets.md [201]; kept [201]: the package's reference page is the action reference of a resource without a REST page";
const GIZMO_NO_TABLE: &str = "gap wegnology-rest/docs/gizmo.md:1 [gizmo] no request table `wegnology-rest/lib/api/gizmo.js` places the actions of `gizmo`; kept none of its actions: without a method and a path there is nothing to call: the request table is what the official JS client sends: the wire source where no REST page exists";
const SPROCKET_NO_PAGE: &str = "gap wegnology-rest/lib/api/sprocket.js:1 [sprocket] wegnology-rest/lib/api/sprocket.js has no reference page `wegnology-rest/docs/sprocket.md`; kept none of the actions of `sprocket`: the package's reference page is the action reference of a resource without a REST page";
const GADGETS_POST_QUERY_DEFAULTS: &str = "disagreement wegnology-rest/lib/api/gadgets.js:81 [gadgets: Post] `gadgets.post` sends the query defaults [(\"_actions\", \"false\")]; kept [(\"_actions\", \"false\"), (\"_links\", \"true\"), (\"_embedded\", \"true\")], which every other action sends: the request table is what the official JS client sends: the wire source where no REST page exists";

#[test]
fn the_package_adds_exactly_these_diagnostics_to_mes() {
    let model = model();
    let (mine, package): (Vec<_>, Vec<_>) = model
        .diagnostics
        .iter()
        .partition(|d| d.source.file.starts_with("me/"));
    // Me's own diagnostics are those of Me's documents alone, first and unchanged.
    assert_eq!(
        mine.into_iter().cloned().collect::<Vec<_>>(),
        me_alone().diagnostics
    );
    assert!(model.diagnostics[..me_alone().diagnostics.len()]
        .iter()
        .all(|d| d.source.file.starts_with("me/")));
    let package: Vec<String> = package.iter().map(|d| d.line()).collect();
    assert_eq!(
        package,
        [
            FETCH_APPLICATIONS_LEFT_OUT,
            REFRESH_TOKEN_PLACEMENT,
            REFRESH_TOKEN_ANSWER,
            VERIFY_EMAIL_PATH,
            VERIFY_EMAIL_EMAIL,
            VERIFY_EMAIL_REDIRECT,
            VERIFY_EMAIL_DOMAIN,
            VERIFY_EMAIL_SCOPES,
            BASE_URL,
            SUCCESS_SCHEMA,
            CALIBRATE_LEFT_OUT,
            FIELDS_TABLE_ONLY,
            DRY_RUN_UNPLACED,
            NOTES_KIND,
            RESET_LEFT_OUT,
            BLINK_STREAM_LEFT_OUT,
            GADGETS_GET_NO_AUTHENTICATION,
            GADGETS_POST_STATUS,
            GIZMO_NO_TABLE,
            SPROCKET_NO_PAGE,
            GADGETS_POST_QUERY_DEFAULTS,
        ]
    );
}

#[test]
fn resources_come_from_pages_with_request_tables() {
    let model = model();
    assert_eq!(model.api_version, "1.26.2", "the newest release of the two");
    assert_eq!(model.base_url, "https://api.app.wnology.io", "Me's");
    assert_eq!(
        model.query_defaults,
        [
            ("_actions", "false"),
            ("_links", "true"),
            ("_embedded", "true")
        ]
        .map(|(n, v)| {
            QueryDefault {
                name: n.to_string(),
                value: v.to_string(),
            }
        })
    );
    let gadget = Resource {
        name: "Gadget".to_string(),
        camel_name: "gadget".to_string(),
        snake_name: "gadget".to_string(),
        path: "/applications/{applicationId}/gadgets/{gadgetId}".to_string(),
        api_version: "1.20.0".to_string(),
        source: at("wegnology-rest/docs/gadget.md", 1),
    };
    let gadgets = Resource {
        name: "Gadgets".to_string(),
        camel_name: "gadgets".to_string(),
        snake_name: "gadgets".to_string(),
        path: "/applications/{applicationId}/gadgets".to_string(),
        api_version: "1.20.0".to_string(),
        source: at("wegnology-rest/docs/gadgets.md", 1),
    };
    // `gizmo` (a page without a table) and `sprocket` (a table without a page) are no
    // resources; Me is the one of Me's documents.
    assert_eq!(
        model.resources,
        [gadget, gadgets, me_alone().resources[0].clone()]
    );
    let ids: Vec<String> = model.actions.iter().map(Action::id).collect();
    let me: Vec<String> = me_alone().actions.iter().map(Action::id).collect();
    assert_eq!(
        ids[..7],
        [
            "gadget.delete",
            "gadget.get",
            "gadget.patch",
            "gadget.rebuild",
            "gadget.uploadFirmware",
            "gadgets.get",
            "gadgets.post",
        ]
    );
    assert_eq!(ids[7..], me[..]);
    for action in model
        .actions_of("gadget")
        .chain(model.actions_of("gadgets"))
    {
        assert_eq!(action.api_version, "1.20.0", "{}", action.id());
    }
    assert_eq!(
        lines_about(&model, "gizmo", None),
        [GIZMO_NO_TABLE],
        "a page without a request table"
    );
    assert_eq!(
        lines_about(&model, "sprocket", None),
        [SPROCKET_NO_PAGE],
        "a request table without a page"
    );
}

#[test]
fn a_page_action_merged_with_its_table_action() {
    let model = model();
    let get = action(&model, "gadget", "get");
    assert_eq!(get.title, "Get");
    assert_eq!(get.camel_name, "get");
    assert_eq!(get.description, "Retrieves information on a gadget");
    // The table decides method and path, and where each parameter travels.
    assert_eq!(get.method, Method::Get);
    assert_eq!(get.path, "/applications/{applicationId}/gadgets/{gadgetId}");
    assert_eq!(
        params(get),
        [
            ("applicationId", Location::Path, &ParamType::String, true),
            ("gadgetId", Location::Path, &ParamType::String, true),
            ("since", Location::Query, &ParamType::Integer, false),
            (
                "query",
                Location::QueryJson,
                &schema("advanced-gadget-query"),
                false
            ),
            ("losantdomain", Location::Header, &ParamType::String, false),
            ("fields", Location::Query, &ParamType::String, false),
        ]
    );
    // The page decides types, examples, scopes and answers.
    let query = &get.params[3];
    assert_eq!(query.documented_type, "Advanced Gadget Query");
    assert_eq!(
        query.example,
        Some(ParamExample::SchemaExample("advanced-gadget-query".into()))
    );
    assert_eq!(get.scopes, gadget_scopes("get"));
    assert!(get.token_required);
    assert_eq!(
        get.successes,
        [success(200, Some("gadget"), "Gadget information")]
    );
    let errors: Vec<(u16, Option<&str>)> = get
        .errors
        .iter()
        .map(|e| (e.status, e.schema.as_deref()))
        .collect();
    assert_eq!(errors, [(400, Some("error")), (404, Some("error"))]);
    assert_eq!(
        get.sources,
        [
            at("wegnology-rest/docs/gadget.md", 118),
            at("wegnology-rest/lib/api/gadget.js", 87)
        ]
    );
    assert_eq!(get.body_example, None);

    let patch = action(&model, "gadget", "patch");
    assert_eq!(patch.method, Method::Patch);
    assert_eq!(patch.path, get.path);
    assert_eq!(
        params(patch),
        [
            ("applicationId", Location::Path, &ParamType::String, true),
            ("gadgetId", Location::Path, &ParamType::String, true),
            ("gadget", Location::Body, &schema("gadget-patch"), true),
            ("dryRun", Location::Query, &ParamType::Boolean, false),
            ("losantdomain", Location::Header, &ParamType::String, false),
        ]
    );
    assert_eq!(patch.body().map(|b| b.name.as_str()), Some("gadget"));
    assert_eq!(
        lines_about(&model, "gadget", Some("Get")),
        [FIELDS_TABLE_ONLY]
    );
    assert_eq!(
        lines_about(&model, "gadget", Some("Patch")),
        [DRY_RUN_UNPLACED],
        "a parameter the table does not send goes where the official clients send it"
    );
}

#[test]
fn a_parameter_only_the_table_sends() {
    let model = model();
    let get = action(&model, "gadget", "get");
    let fields = get.params.iter().find(|p| p.name == "fields").unwrap();
    assert_eq!(fields.location, Location::Query);
    assert_eq!(fields.ty, ParamType::String);
    assert_eq!(fields.documented_type, "string", "the table comment's type");
    assert!(!fields.required);
    assert_eq!(fields.description, "");
    assert_eq!((&fields.default, &fields.example), (&None, &None));
    assert!(model
        .diagnostics
        .iter()
        .any(|d| d.line() == FIELDS_TABLE_ONLY));
    // The query defaults the table also sends (`_actions`, …) are the API's, not parameters.
    for action in model
        .actions_of("gadget")
        .chain(model.actions_of("gadgets"))
    {
        assert!(
            action.params.iter().all(|p| !p.name.starts_with('_')),
            "{}",
            action.id()
        );
    }
}

#[test]
fn a_multipart_action() {
    let model = model();
    let upload = action(&model, "gadget", "upload_firmware");
    assert_eq!(upload.camel_name, "uploadFirmware");
    assert_eq!(upload.method, Method::Post);
    assert_eq!(
        upload.path,
        "/applications/{applicationId}/gadgets/{gadgetId}/firmware"
    );
    assert_eq!(
        params(upload),
        [
            ("applicationId", Location::Path, &ParamType::String, true),
            ("gadgetId", Location::Path, &ParamType::String, true),
            ("firmware", Location::Multipart, &ParamType::File, true),
            ("label", Location::Multipart, &ParamType::String, false),
            (
                "options",
                Location::Multipart,
                &schema("firmware-options"),
                false
            ),
            ("notes", Location::Multipart, &ParamType::String, false),
            ("losantdomain", Location::Header, &ParamType::String, false),
        ]
    );
    let firmware = &upload.params[2];
    assert_eq!(firmware.documented_type, "file");
    assert_eq!(firmware.example, None, "the page writes `undefined`");
    assert!(upload.body().is_none(), "a multipart form is no JSON body");
    assert_eq!(
        upload.successes,
        [success(
            200,
            Some("gadget"),
            "The gadget with its new firmware"
        )]
    );
    assert_eq!(
        lines_about(&model, "gadget", Some("Upload Firmware")),
        [NOTES_KIND],
        "only `notes`, which the page and the table type differently"
    );
}

#[test]
fn a_204_success_without_a_body() {
    let model = model();
    let delete = action(&model, "gadget", "delete");
    assert_eq!(delete.method, Method::Delete);
    assert_eq!(
        delete.path,
        "/applications/{applicationId}/gadgets/{gadgetId}"
    );
    assert_eq!(
        delete.successes,
        [success(204, None, "If the gadget was successfully deleted")]
    );
    assert_eq!(
        params(delete),
        [
            ("applicationId", Location::Path, &ParamType::String, true),
            ("gadgetId", Location::Path, &ParamType::String, true),
            ("losantdomain", Location::Header, &ParamType::String, false),
        ]
    );
    assert!(lines_about(&model, "gadget", Some("Delete")).is_empty());
    // `model.json` leaves the schema out rather than writing `null`.
    let json = serde_json::to_value(&delete.successes[0]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"status": 204, "description": "If the gadget was successfully deleted"})
    );
}

#[test]
fn two_success_answers_of_different_schemas() {
    let model = model();
    let rebuild = action(&model, "gadget", "rebuild");
    assert_eq!(rebuild.method, Method::Post);
    assert_eq!(
        rebuild.path,
        "/applications/{applicationId}/gadgets/{gadgetId}/rebuild"
    );
    assert_eq!(
        rebuild.successes,
        [
            success(200, Some("gadget"), "The rebuilt gadget"),
            success(
                202,
                Some("job-enqueued-api-result"),
                "If a job was enqueued to rebuild the gadget"
            ),
        ]
    );
    assert_eq!(rebuild.success().status, 200);
    assert_eq!(rebuild.scopes, gadget_scopes("rebuild"));
    assert!(
        lines_about(&model, "gadget", Some("Rebuild")).is_empty(),
        "the table's comment lists the same two statuses"
    );
}

#[test]
fn a_recursive_schema_used_by_an_action() {
    let model = model();
    let query = model.schema("advanced-gadget-query").unwrap();
    assert_eq!(query.title, "Advanced Gadget Query");
    assert_eq!(query.source, at("wegnology-rest/docs/_schemas.md", 21));
    // Kept as written: the `$ref`s to itself are not expanded.
    for combinator in ["$and", "$or"] {
        assert_eq!(
            query.json_schema["properties"][combinator]["items"],
            serde_json::json!({"$ref": "#/definitions/advancedGadgetQuery"}),
            "{combinator}"
        );
    }
    assert_eq!(
        query.example,
        Some(serde_json::json!({"$or": [{"name": "left"}, {"name": "right"}]}))
    );
    let get = action(&model, "gadget", "get");
    assert!(get
        .params
        .iter()
        .any(|p| p.ty == schema("advanced-gadget-query")));
    // The action reaches it, and nothing reports it.
    let subset = model.subset(&["gadget"]);
    let reached: Vec<&str> = subset.schemas.iter().map(|s| s.anchor.as_str()).collect();
    assert_eq!(
        reached,
        [
            "error",
            "advanced-gadget-query",
            "firmware-options",
            "gadget",
            "gadget-patch",
            "job-enqueued-api-result"
        ]
    );
    assert!(model
        .diagnostics
        .iter()
        .all(|d| d.schema.as_deref() != Some("advanced-gadget-query")
            && !d.message.contains("Advanced Gadget Query")));
}

#[test]
fn actions_only_the_page_or_only_the_table_has_are_left_out() {
    let model = model();
    for snake_name in ["calibrate", "reset", "blink_stream"] {
        assert!(model.action("gadget", snake_name).is_none(), "{snake_name}");
    }
    assert_eq!(
        lines_about(&model, "gadget", Some("Calibrate")),
        [CALIBRATE_LEFT_OUT],
        "only the page has it"
    );
    let of_the_resource: Vec<String> = model
        .diagnostics
        .iter()
        .filter(|d| d.resource.as_deref() == Some("gadget") && d.action.is_none())
        .map(|d| d.line())
        .collect();
    assert_eq!(
        of_the_resource,
        [RESET_LEFT_OUT, BLINK_STREAM_LEFT_OUT],
        "only the table has them"
    );
}

#[test]
fn a_page_action_without_an_authentication_section_takes_the_tables_scopes() {
    let model = model();
    let get = action(&model, "gadgets", "get");
    assert_eq!(
        get.scopes,
        [
            "all.Application",
            "all.Organization",
            "all.User",
            "gadgets.*",
            "gadgets.get"
        ]
    );
    assert!(get.token_required);
    assert_eq!(
        params(get),
        [
            ("applicationId", Location::Path, &ParamType::String, true),
            (
                "sortField",
                Location::Query,
                &ParamType::Enum {
                    values: vec!["name".into(), "id".into()]
                },
                false
            ),
            ("page", Location::Query, &ParamType::Integer, false),
            ("losantdomain", Location::Header, &ParamType::String, false),
        ]
    );
    assert_eq!(
        lines_about(&model, "gadgets", Some("Get")),
        [GADGETS_GET_NO_AUTHENTICATION]
    );
}

#[test]
fn the_page_decides_the_answers_and_one_set_of_query_defaults_is_kept() {
    let model = model();
    let post = action(&model, "gadgets", "post");
    assert_eq!(
        post.successes,
        [success(201, Some("gadget"), "Successfully created gadget")]
    );
    assert_eq!(
        params(post),
        [
            ("applicationId", Location::Path, &ParamType::String, true),
            ("gadget", Location::Body, &schema("gadget-post"), true),
            ("losantdomain", Location::Header, &ParamType::String, false),
        ]
    );
    assert_eq!(
        lines_about(&model, "gadgets", Some("Post")),
        [GADGETS_POST_STATUS, GADGETS_POST_QUERY_DEFAULTS]
    );
}

#[test]
fn the_older_me_page_only_cross_checks_mes_newer_documents() {
    let model = model();
    let alone = me_alone();
    // Me is exactly what Me's documents say; the package's `me` adds no action.
    assert_eq!(
        model.actions_of("me").collect::<Vec<_>>(),
        alone.actions_of("me").collect::<Vec<_>>()
    );
    assert!(model.action("me", "fetch_applications").is_none());
    let cross_checks: Vec<String> = model
        .diagnostics
        .iter()
        .filter(|d| d.source.file == "wegnology-rest/docs/me.md")
        .map(|d| d.line())
        .collect();
    assert_eq!(
        cross_checks,
        [
            FETCH_APPLICATIONS_LEFT_OUT,
            REFRESH_TOKEN_PLACEMENT,
            REFRESH_TOKEN_ANSWER,
            VERIFY_EMAIL_PATH,
            VERIFY_EMAIL_EMAIL,
            VERIFY_EMAIL_REDIRECT,
            VERIFY_EMAIL_DOMAIN,
            VERIFY_EMAIL_SCOPES,
        ]
    );
    // The package's own findings about its `me` (`redirect`, which only `me.js` sends) are
    // not kept: its `me` is replaced.
    assert!(model
        .diagnostics
        .iter()
        .all(|d| d.source.file != "wegnology-rest/lib/api/me.js"));
    assert!(model.diagnostics.iter().any(|d| d.line() == BASE_URL));
}

#[test]
fn a_schema_both_releases_define_is_the_newer_ones() {
    let model = model();
    let alone = me_alone();
    // Me's schemas first, as Me's documents give them (`Success` and `Error` included), then
    // those only the package has, in its page's order.
    assert_eq!(model.schemas[..alone.schemas.len()], alone.schemas[..]);
    let added: Vec<&str> = model.schemas[alone.schemas.len()..]
        .iter()
        .map(|s| s.anchor.as_str())
        .collect();
    assert_eq!(
        added,
        [
            "advanced-gadget-query",
            "firmware-options",
            "gadget",
            "gadget-patch",
            "gadget-post",
            "gadgets",
            "job-enqueued-api-result"
        ]
    );
    let success = model.schema("success").unwrap();
    assert_eq!(success.source, at("me/_schemas.md", 1532));
    assert_eq!(
        success.json_schema["properties"]["success"]["enum"],
        serde_json::json!([true])
    );
    let about_schemas: Vec<String> = model
        .diagnostics
        .iter()
        .filter(|d| d.schema.is_some() && d.source.file.starts_with("wegnology-rest/"))
        .map(|d| d.line())
        .collect();
    // `Error` is the same in both: nothing to report.
    assert_eq!(about_schemas, [SUCCESS_SCHEMA]);
}
