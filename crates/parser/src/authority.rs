//! Which document decides what, as data: the merge decides with these rules and its diagnostics
//! quote them, and ARCHITECTURE.md's merge table lists them (a test keeps the three in step).

use wegnology_model::Location;

/// One rule of the merge: for `what`, the model keeps what `authority` says, because `why`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub what: &'static str,
    pub authority: &'static str,
    /// The reason a diagnostic gives when this rule decides.
    pub why: &'static str,
}

/// The action list, titles and descriptions.
pub const ACTIONS: Rule = Rule {
    what: "the list of actions, their titles and descriptions",
    authority: "`me.md`",
    why: "me.md is the action reference",
};

/// Parameter names, types, requiredness, defaults and examples.
pub const PARAMETERS: Rule = Rule {
    what: "parameter names, types, requiredness, defaults, examples",
    authority: "`me.md`",
    why: "me.md is the parameter reference",
};

/// Success and error responses.
pub const RESPONSES: Rule = Rule {
    what: "success and error responses",
    authority: "`me.md`",
    why: "me.md is the response reference",
};

/// Method, path, and which parameters travel in the path, the query or the body.
pub const WIRE: Rule = Rule {
    what: "method, path, which parameters go in the path, the query or the body; query parameters only it lists (`asBytes`)",
    authority: "the REST page",
    why: "the REST page is the reference for what goes on the wire",
};

/// A non-body parameter the REST page places nowhere: see [`unplaced_location`].
pub const UNPLACED: Rule = Rule {
    what: "a non-body parameter the REST page places nowhere",
    authority: "the official clients: `losantdomain` is a request header, every other one a query parameter",
    why: "the official clients send every parameter that is neither in the path nor the body as a query parameter, except `losantdomain`, which they send as a request header of that name",
};

/// Required scopes.
pub const SCOPES: Rule = Rule {
    what: "scopes",
    authority: "the REST page",
    why: "the REST page documents the endpoint the server enforces",
};

/// The camelCase (JavaScript) names.
pub const CAMEL_NAMES: Rule = Rule {
    what: "camelCase action names",
    authority: "derived from the Python name, cross-checked with the JS page",
    why: "the names of the two clients are the same words in different cases",
};

/// The JS page decides nothing.
pub const JS_PAGE: Rule = Rule {
    what: "anything the JS page documents",
    authority: "nothing: it only cross-checks the others",
    why: "the JS page only cross-checks the other documents",
};

/// The other resources' actions, parameters, scopes and responses.
pub const PACKAGE_REFERENCE: Rule = Rule {
    what: "for a resource without a REST page: the list of actions, their parameters (names, types, requiredness, defaults, examples), scopes and responses",
    authority: "its reference page in the JS client's package (`wegnology-rest/docs/<resource>.md`)",
    why: "the package's reference page is the action reference of a resource without a REST page",
};

/// The other resources' wire: method, path, where each parameter travels.
pub const REQUEST_TABLE: Rule = Rule {
    what: "for a resource without a REST page: method, path template, and where each parameter travels (path, query, JSON-text query, header, JSON body, multipart field)",
    authority: "the package's request table (`wegnology-rest/lib/api/<resource>.js`)",
    why: "the request table is what the official JS client sends: the wire source where no REST page exists",
};

/// Me, described by both Me's documents and the package's older page.
pub const NEWER_RELEASE: Rule = Rule {
    what: "a resource both Me's documents and the package describe (Me), and the base URL",
    authority: "the newer release (Me's documents); the package's page only cross-checks",
    why: "the newer release decides; the older one only cross-checks it",
};

/// A schema title both schemas pages define.
pub const SCHEMA_RELEASE: Rule = Rule {
    what: "a schema title both schemas pages define",
    authority: "the newer release's schemas page (Me's `_schemas.md`)",
    why: "the newer release's schema is the one the API documents today",
};

/// Every rule, in the order ARCHITECTURE.md's table lists them.
pub const RULES: [Rule; 12] = [
    ACTIONS,
    PARAMETERS,
    RESPONSES,
    WIRE,
    UNPLACED,
    SCOPES,
    CAMEL_NAMES,
    JS_PAGE,
    PACKAGE_REFERENCE,
    REQUEST_TABLE,
    NEWER_RELEASE,
    SCHEMA_RELEASE,
];

/// The query pairs the official clients send with every request, which Me's documents do not
/// state: the model of Me's documents alone carries these; the package's request tables state
/// them for every action (`merge::package`).
pub const QUERY_DEFAULTS: [(&str, &str); 3] = [
    ("_actions", "false"),
    ("_links", "true"),
    ("_embedded", "true"),
];

/// Parameters the official clients send as a request header of their name.
pub const HEADER_PARAMS: [&str; 1] = ["losantdomain"];

/// Where a non-body parameter goes when the REST page does not place it ([`UNPLACED`]).
pub fn unplaced_location(name: &str) -> Location {
    if HEADER_PARAMS.contains(&name) {
        Location::Header
    } else {
        Location::Query
    }
}

/// The Markdown table ARCHITECTURE.md shows for these rules.
pub fn markdown_table() -> String {
    let mut table = String::from("| what | authority | why |\n| --- | --- | --- |\n");
    for rule in RULES {
        table.push_str(&format!(
            "| {} | {} | {} |\n",
            rule.what, rule.authority, rule.why
        ));
    }
    table
}
