//! The request tables of the official JavaScript client: `wegnology-rest/lib/api/<resource>.js`
//! of the npm package `wegnology-rest`. The files are generated code, regular enough to read as
//! data: each action function says its HTTP method, its path template and, one line per
//! parameter, where the parameter travels (path, query, header, JSON body or multipart form).
//! The JSDoc comment above each action is read too, for its parameter types, responses and
//! errors, which cross-check the other documents.
//!
//! Every line is one of the shapes the generator writes; any other line is an error naming it,
//! so that a republish made by a changed generator is noticed rather than half read.
//! `index.js`, the client's hand-written runtime, is read only for a few facts ([`ClientFacts`]).

use wegnology_model::Method;

use crate::error::SpecError;
use crate::text::parse_scopes;

/// The directory of the request tables, relative to the published documents (`spec/published`).
pub const DIR: &str = "wegnology-rest/lib/api";
/// The client's runtime in [`DIR`], which [`parse_index`] reads; every other `.js` file there is
/// a request table.
pub const INDEX: &str = "index.js";

/// One resource file, e.g. `applicationApiToken.js`.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestTable {
    /// The camelCase resource name, the file name without `.js`: `applicationApiToken`.
    pub resource: String,
    /// The file, relative to `spec/published`: `wegnology-rest/lib/api/applicationApiToken.js`.
    pub file: String,
    /// In file order.
    pub actions: Vec<TableAction>,
}

/// One action function, `internals.<name> = function (params, opts, cb) { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct TableAction {
    /// `delete`, `sendCommand`.
    pub name: String,
    /// The line of `internals.<name> = function …`.
    pub line: usize,
    /// The request object's `method`; a stream has none and is sent as `GET`, the only method
    /// of an `EventSource`.
    pub method: Method,
    /// The line of `method: '…',`; `None` for a stream without one.
    pub method_line: Option<usize>,
    /// The URI template as written: `/applications/{applicationId}/devices/{deviceId}`.
    pub path: String,
    pub path_line: usize,
    /// A server-sent-event stream: the function returns `client.attachEventSource(…)` rather
    /// than `client.request(…)`.
    pub stream: bool,
    /// The request object starts with `data: {}` (every action but the `GET`s and streams).
    pub data: bool,
    /// The function sets `opts.multipartTypes = {}`: the body is sent as a multipart form.
    pub multipart: bool,
    /// The query parameters the request object always carries, as written:
    /// `[("_actions", "false"), ("_links", "true"), ("_embedded", "true")]`; none for a stream.
    pub query_defaults: Vec<(String, String)>,
    /// In file order.
    pub params: Vec<TableParam>,
    /// The JSDoc comment right above the function, if there is one.
    pub doc: Option<TableDoc>,
}

/// One `if ('undefined' !== typeof params.<name>) { … }` line.
#[derive(Debug, Clone, PartialEq)]
pub struct TableParam {
    pub name: String,
    pub line: usize,
    pub placement: Placement,
    /// The type the doc comment gives a parameter of this name, without braces: `string`,
    /// `hash`, `file`, `boolean`, `undefined`, `array`; `None` when the comment lists no such
    /// parameter.
    pub doc_type: Option<String>,
}

/// Where a parameter travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Placement {
    /// `pathParams.x = params.x`: substituted into the path template.
    Path,
    /// `req.params.x = params.x`: a query parameter.
    Query,
    /// `req.params.x = JSON.stringify(params.x)`: a query parameter holding JSON text.
    QueryJson,
    /// `req.headers.x = params.x`: a request header of that name.
    Header,
    /// `req.data = params.x`: the whole JSON body.
    Body,
    /// `req.data.x = params.x` after `opts.multipartTypes.x = '<kind>'`: a multipart form field.
    Multipart(MultipartKind),
}

impl Placement {
    /// `path`, `query`, `query-json`, `header`, `body`, `multipart-file`, `multipart-string`,
    /// `multipart-object`.
    pub fn as_str(self) -> &'static str {
        match self {
            Placement::Path => "path",
            Placement::Query => "query",
            Placement::QueryJson => "query-json",
            Placement::Header => "header",
            Placement::Body => "body",
            Placement::Multipart(MultipartKind::File) => "multipart-file",
            Placement::Multipart(MultipartKind::String) => "multipart-string",
            Placement::Multipart(MultipartKind::Object) => "multipart-object",
        }
    }
}

/// `opts.multipartTypes.x = 'file' | 'string' | 'object'`. The client's runtime (`index.js`)
/// appends a `file` field with a file name when it is given as a string, an `object` field as
/// JSON text, and a `string` field as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MultipartKind {
    File,
    String,
    Object,
}

/// The JSDoc comment above an action.
#[derive(Debug, Clone, PartialEq)]
pub struct TableDoc {
    /// The line of `/**`.
    pub line: usize,
    /// The paragraphs before the first titled one, each joined into one line, separated by a
    /// blank line.
    pub summary: String,
    /// The scopes the `Authentication:` paragraph lists, empty when it says no token is
    /// required; `None` without that paragraph.
    pub scopes: Option<Vec<String>>,
    /// `Parameters:`, `{type} name - description`.
    pub params: Vec<DocParam>,
    /// `Responses:`, `200 - description (…/#/definitions/<name>)`.
    pub responses: Vec<DocResponse>,
    /// `Errors:` (`Possible Errors:` on a stream).
    pub errors: Vec<DocResponse>,
    /// A stream's `It will have the following message event types:`, `name - description`.
    pub events: Vec<DocEvent>,
    /// A stream's `Returns a Promise for …` paragraph, joined into one line.
    pub returns: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocParam {
    pub line: usize,
    pub name: String,
    /// Without braces: `string`.
    pub doc_type: String,
    /// Without the trailing definition link.
    pub description: String,
    /// The name after `/#/definitions/` of a trailing `(https://…)` link: `apiTokenPatch`.
    pub definition: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocResponse {
    pub line: usize,
    pub status: u16,
    pub description: String,
    /// As [`DocParam::definition`]: `error`.
    pub definition: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocEvent {
    pub line: usize,
    /// `deviceCommand`.
    pub name: String,
    pub description: String,
    pub definition: Option<String>,
}

/// The facts of `index.js`, the client's runtime.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientFacts {
    /// The API release of the header comment's `* version: 1.24.5`.
    pub api_version: String,
    /// The `'Accept-Version': '^1.24.5'` header every request sends, as written.
    pub accept_version: String,
    /// The default of `opts.url || 'https://api.app.wnology.io'`.
    pub base_url: String,
    /// The resources of `internals.<name> = require('./<name>')(options, internals);`, in file
    /// order: one request table each.
    pub resources: Vec<String>,
}

const REQUIRE: &str = "var uriTemplate = require('uri-template');";
const EXPORTS: &str = "module.exports = function (options, client) {";
const INTERNALS: &str = "var internals = {};";
const RETURN_INTERNALS: &str = "return internals;";
const CLOSE: &str = "};";
const ACTION_LINE: &str = "an action `internals.<name> = function (params, opts, cb) {`";
/// The argument shuffling every action starts with.
const PROLOGUE: [&str; 7] = [
    "if ('function' === typeof params) {",
    "cb = params;",
    "params = {};",
    "opts = {};",
    "} else if ('function' === typeof opts) {",
    "cb = opts;",
    "opts = {};",
];
/// The branch of [`PROLOGUE`] that only request actions have (not streams).
const NO_OPTS: [&str; 2] = ["} else if (!opts) {", "opts = {};"];
const MULTIPART: &str = "opts.multipartTypes = {};";
const PARAMS_DEFAULT: &str = "params = params || {};";
const PATH_PARAMS: &str = "var pathParams = {};";
const REQ_OPEN: &str = "var req = {";
const DATA: &str = "data: {},";
const HEADERS: &str = "headers: {},";
const EXPAND: &str = "req.url = tpl.expand(pathParams);";
const RETURN_REQUEST: &str = "return client.request(req, opts, cb);";
const RETURN_STREAM: &str = "return client.attachEventSource(req, opts, cb);";
const PARAM_LINE: &str = "a parameter line `if ('undefined' !== typeof params.<name>) { … }`, \
     `opts.multipartTypes.<name> = '<kind>';` or `req.url = tpl.expand(pathParams);`";

/// The lines of one file, trimmed, with a position.
struct Lines<'a> {
    file: &'a str,
    lines: Vec<&'a str>,
    at: usize,
}

impl<'a> Lines<'a> {
    fn new(file: &'a str, text: &'a str) -> Lines<'a> {
        Lines {
            file,
            lines: text.lines().map(str::trim).collect(),
            at: 0,
        }
    }

    fn peek(&self) -> Option<&'a str> {
        self.lines.get(self.at).copied()
    }

    /// The next line and its 1-based number, or an error saying `expected` was not found
    /// before the end of the file.
    fn next(&mut self, expected: &str) -> Result<(usize, &'a str), SpecError> {
        let line = self.peek().ok_or_else(|| self.end_error(expected))?;
        self.at += 1;
        Ok((self.at, line))
    }

    /// The next line, which must be `exact`.
    fn expect(&mut self, exact: &str, context: &str) -> Result<usize, SpecError> {
        let expected = format!("`{exact}`{context}");
        let (n, line) = self.next(&expected)?;
        if line != exact {
            return Err(found(self.file, n, &expected, line));
        }
        Ok(n)
    }

    /// Consumes the next line if it is `exact`.
    fn take(&mut self, exact: &str) -> Option<usize> {
        (self.peek() == Some(exact)).then(|| {
            self.at += 1;
            self.at
        })
    }

    /// The text of the 1-based line `n`, empty past the end.
    fn text(&self, n: usize) -> &'a str {
        n.checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .copied()
            .unwrap_or_default()
    }

    fn skip_blank(&mut self) {
        while self.peek() == Some("") {
            self.at += 1;
        }
    }

    fn end_error(&self, expected: &str) -> SpecError {
        SpecError::malformed(
            self.file,
            self.lines.len().max(1),
            format!("{expected} before the end of the file"),
        )
    }
}

fn found(file: &str, line: usize, expected: &str, text: &str) -> SpecError {
    SpecError::malformed(file, line, format!("{expected}, found `{text}`"))
}

/// Parses one request table; `file` is its path relative to `spec/published`
/// (`wegnology-rest/lib/api/device.js`).
pub fn parse(file: &str, text: &str) -> Result<RequestTable, SpecError> {
    let name = file.rsplit('/').next().unwrap_or(file);
    let resource = name.strip_suffix(".js").unwrap_or(name).to_string();
    let mut lines = Lines::new(file, text);
    lines.expect(REQUIRE, "")?;
    lines.skip_blank();
    lines.expect(EXPORTS, "")?;
    lines.expect(INTERNALS, "")?;
    let mut actions: Vec<TableAction> = Vec::new();
    loop {
        lines.skip_blank();
        let expected = format!("a doc comment `/**`, {ACTION_LINE} or `{RETURN_INTERNALS}`");
        let (n, line) = lines.next(&expected)?;
        if line == RETURN_INTERNALS {
            break;
        }
        let (doc, n, line) = if line == "/**" {
            let doc = parse_doc(&mut lines, n)?;
            let (n, line) = lines.next(&format!(
                "{ACTION_LINE} after the doc comment of line {}",
                doc.line
            ))?;
            (Some(doc), n, line)
        } else {
            (None, n, line)
        };
        let Some(name) = action_name(line) else {
            let expected = match &doc {
                Some(doc) => format!("{ACTION_LINE} after the doc comment of line {}", doc.line),
                None => expected,
            };
            return Err(found(file, n, &expected, line));
        };
        if let Some(earlier) = actions.iter().find(|a| a.name == name) {
            return Err(found(
                file,
                n,
                &format!(
                    "one action `{name}` (the first is on line {})",
                    earlier.line
                ),
                line,
            ));
        }
        actions.push(parse_action(&mut lines, name, n, doc)?);
    }
    let close = lines.expect(CLOSE, " closing `module.exports`")?;
    lines.skip_blank();
    if let Some(line) = lines.peek() {
        return Err(found(
            file,
            lines.at + 1,
            &format!("the end of the file after `{CLOSE}` (line {close})"),
            line,
        ));
    }
    Ok(RequestTable {
        resource,
        file: file.to_string(),
        actions,
    })
}

/// `internals.<name> = function (params, opts, cb) {` → `<name>`.
fn action_name(line: &str) -> Option<&str> {
    let name = line
        .strip_prefix("internals.")?
        .strip_suffix(" = function (params, opts, cb) {")?;
    is_ident(name).then_some(name)
}

/// A JavaScript identifier as the generator writes them (ASCII).
fn is_ident(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// The body of an action, from the line after `internals.<name> = function …` to its `};`.
fn parse_action(
    lines: &mut Lines,
    name: &str,
    line: usize,
    doc: Option<TableDoc>,
) -> Result<TableAction, SpecError> {
    let file = lines.file;
    let context = format!(" in `internals.{name}` (line {line})");
    for exact in PROLOGUE {
        lines.expect(exact, &context)?;
    }
    if lines.take(NO_OPTS[0]).is_some() {
        lines.expect(NO_OPTS[1], &context)?;
    }
    lines.expect("}", &context)?;
    let multipart = lines.take(MULTIPART).is_some();
    lines.expect(PARAMS_DEFAULT, &context)?;

    let expected = format!("`var tpl = uriTemplate.parse('<path>');`{context}");
    let (path_line, text) = lines.next(&expected)?;
    let path = text
        .strip_prefix("var tpl = uriTemplate.parse('")
        .and_then(|rest| rest.strip_suffix("');"))
        .filter(|path| !path.contains(['\'', '\\']))
        .ok_or_else(|| found(file, path_line, &expected, text))?;
    let placeholders = placeholders(path).ok_or_else(|| {
        found(
            file,
            path_line,
            &format!(
                "a path template starting with `/` whose placeholders are `{{<name>}}`{context}"
            ),
            path,
        )
    })?;
    lines.expect(PATH_PARAMS, &context)?;
    let req_line = lines.expect(REQ_OPEN, &context)?;

    // The request object: `method: '…',`, `data: {},`, `headers: {},`, `params: { … }`, `};`.
    let mut method = None;
    if let Some(text) = lines.peek().filter(|l| l.starts_with("method:")) {
        lines.at += 1;
        let expected = format!("`method: '<METHOD>',`{context}");
        let parsed = text
            .strip_prefix("method: '")
            .and_then(|rest| rest.strip_suffix("',"))
            .and_then(Method::parse)
            .ok_or_else(|| found(file, lines.at, &expected, text))?;
        method = Some((parsed, lines.at));
    }
    let data = lines.take(DATA).is_some();
    lines.expect(HEADERS, &context)?;
    let expected =
        format!("the request object's query defaults `params: {{ <name>: <value>, … }}`{context}");
    let (n, text) = lines.next(&expected)?;
    let query_defaults = query_defaults(text).ok_or_else(|| found(file, n, &expected, text))?;
    lines.expect(
        CLOSE,
        &format!(" closing the request object of line {req_line}"),
    )?;

    let mut params: Vec<TableParam> = Vec::new();
    loop {
        let expected = format!("{PARAM_LINE}{context}");
        let (n, text) = lines.next(&expected)?;
        if text == EXPAND {
            break;
        }
        let (param, placement, param_line, text) = if let Some(rest) =
            text.strip_prefix("opts.multipartTypes.")
        {
            let (param, kind) = multipart_type(rest).ok_or_else(|| {
                found(
                    file,
                    n,
                    &format!(
                        "`opts.multipartTypes.<name> = 'file' | 'string' | 'object';`{context}"
                    ),
                    text,
                )
            })?;
            if !multipart {
                return Err(found(
                    file,
                    n,
                    &format!(
                        "`{MULTIPART}` before the line `opts.multipartTypes.{param} = …`{context}"
                    ),
                    text,
                ));
            }
            let expected = format!("`if ('undefined' !== typeof params.{param}) {{ req.data.{param} = params.{param}; }}` after `opts.multipartTypes.{param}` (line {n}){context}");
            let (m, text) = lines.next(&expected)?;
            match param_line(text) {
                Some((name, Target::DataField)) if name == param => {}
                _ => return Err(found(file, m, &expected, text)),
            }
            (param, Placement::Multipart(kind), m, text)
        } else {
            let (param, target) =
                param_line(text).ok_or_else(|| found(file, n, &expected, text))?;
            let placement = match target {
                Target::Path => Placement::Path,
                Target::Query => Placement::Query,
                Target::QueryJson => Placement::QueryJson,
                Target::Header => Placement::Header,
                Target::Body => Placement::Body,
                Target::DataField => {
                    return Err(found(
                        file,
                        n,
                        &format!("an `opts.multipartTypes.{param} = '<kind>';` line before `req.data.{param}`{context}"),
                        text,
                    ))
                }
            };
            (param, placement, n, text)
        };
        if let Some(earlier) = params.iter().find(|p| p.name == param) {
            return Err(found(
                file,
                param_line,
                &format!(
                    "one line for the parameter `{param}` (the first is line {}){context}",
                    earlier.line
                ),
                text,
            ));
        }
        if let Some(earlier) = params.iter().find(|p| {
            matches!(
                (p.placement, placement),
                (Placement::Body, Placement::Body | Placement::Multipart(_))
                    | (Placement::Multipart(_), Placement::Body)
            )
        }) {
            return Err(found(
                file,
                param_line,
                &format!(
                    "no second body for the parameter `{param}`: `{}` (line {}) is sent as the body{context}",
                    earlier.name, earlier.line
                ),
                text,
            ));
        }
        if placement == Placement::Path && !placeholders.contains(&param) {
            return Err(found(
                file,
                param_line,
                &format!("a placeholder `{{{param}}}` in the path template of line {path_line} for `pathParams.{param}`{context}"),
                text,
            ));
        }
        params.push(TableParam {
            name: param.to_string(),
            line: param_line,
            placement,
            doc_type: None,
        });
    }
    let expand_line = lines.at;
    if let Some(missing) = placeholders.iter().find(|p| {
        !params
            .iter()
            .any(|q| q.placement == Placement::Path && &q.name == *p)
    }) {
        return Err(found(
            file,
            expand_line,
            &format!("a `pathParams.{missing}` line for the placeholder `{{{missing}}}` of the path template (line {path_line}) before `{EXPAND}`{context}"),
            EXPAND,
        ));
    }

    let expected = format!("`{RETURN_REQUEST}` or `{RETURN_STREAM}`{context}");
    let (return_line, text) = lines.next(&expected)?;
    let stream = match text {
        RETURN_REQUEST => false,
        RETURN_STREAM => true,
        _ => return Err(found(file, return_line, &expected, text)),
    };
    let (method, method_line) = match (method, stream) {
        (Some((method, n)), false) => (method, Some(n)),
        (None, false) => {
            let n = req_line + 1;
            return Err(found(
                file,
                n,
                &format!("a `method: '<METHOD>',` line opening the request object of `internals.{name}` (line {line}), which returns `client.request` (line {return_line})"),
                lines.text(n),
            ));
        }
        (None, true) => (Method::Get, None),
        (Some((Method::Get, n)), true) => (Method::Get, Some(n)),
        (Some((_, n)), true) => {
            return Err(found(
                file,
                n,
                &format!("no method but `GET` in the stream `internals.{name}` (line {line}): it returns `client.attachEventSource` (line {return_line}), which sends `GET`"),
                lines.text(n),
            ));
        }
    };
    if stream {
        if let Some(body) = params
            .iter()
            .find(|p| matches!(p.placement, Placement::Body | Placement::Multipart(_)))
        {
            return Err(found(
                file,
                body.line,
                &format!("no body parameter in the stream `internals.{name}` (line {line}), which returns `client.attachEventSource` (line {return_line})"),
                lines.text(body.line),
            ));
        }
    }
    lines.expect(CLOSE, &format!(" closing `internals.{name}` (line {line})"))?;

    if let Some(doc) = &doc {
        for param in &mut params {
            param.doc_type = doc
                .params
                .iter()
                .find(|d| d.name == param.name)
                .map(|d| d.doc_type.clone());
        }
    }
    Ok(TableAction {
        name: name.to_string(),
        line,
        method,
        method_line,
        path: path.to_string(),
        path_line,
        stream,
        data,
        multipart,
        query_defaults,
        params,
        doc,
    })
}

/// Where the statement of a parameter line puts the parameter.
enum Target {
    Path,
    Query,
    QueryJson,
    Header,
    Body,
    /// `req.data.x`: a multipart field.
    DataField,
}

/// `if ('undefined' !== typeof params.<name>) { <target> = <value>; }` → the name and target,
/// when target and value name the same parameter.
fn param_line(line: &str) -> Option<(&str, Target)> {
    let (name, statement) = line
        .strip_prefix("if ('undefined' !== typeof params.")?
        .split_once(") { ")?;
    let (target, value) = statement.strip_suffix("; }")?.split_once(" = ")?;
    if !is_ident(name) {
        return None;
    }
    let plain = value.strip_prefix("params.") == Some(name);
    let json = value
        .strip_prefix("JSON.stringify(params.")
        .and_then(|v| v.strip_suffix(')'))
        == Some(name);
    let field = |prefix: &str| target.strip_prefix(prefix) == Some(name);
    let target = match (plain, json) {
        (true, _) if field("pathParams.") => Target::Path,
        (true, _) if field("req.params.") => Target::Query,
        (_, true) if field("req.params.") => Target::QueryJson,
        (true, _) if field("req.headers.") => Target::Header,
        (true, _) if target == "req.data" => Target::Body,
        (true, _) if field("req.data.") => Target::DataField,
        _ => return None,
    };
    Some((name, target))
}

/// `<name> = '<kind>';` after `opts.multipartTypes.`.
fn multipart_type(rest: &str) -> Option<(&str, MultipartKind)> {
    let (name, kind) = rest.split_once(" = ")?;
    let kind = match kind {
        "'file';" => MultipartKind::File,
        "'string';" => MultipartKind::String,
        "'object';" => MultipartKind::Object,
        _ => return None,
    };
    is_ident(name).then_some((name, kind))
}

/// `params: { _actions: false, _links: true }` → the pairs as written; `params: {}` → none.
fn query_defaults(line: &str) -> Option<Vec<(String, String)>> {
    let inner = line.strip_prefix("params: {")?.strip_suffix('}')?.trim();
    if inner.is_empty() {
        return Some(Vec::new());
    }
    inner
        .split(',')
        .map(|pair| {
            let (name, value) = pair.trim().split_once(": ")?;
            let value = value.trim();
            (is_ident(name) && !value.is_empty() && !value.contains(['{', '}', ':']))
                .then(|| (name.to_string(), value.to_string()))
        })
        .collect()
}

/// The placeholder names of a path template `/a/{b}/c/{d}` (`[b, d]`); `None` unless it starts
/// with `/` and every placeholder is a plain `{name}` (no URI-template operators).
fn placeholders(path: &str) -> Option<Vec<&str>> {
    let mut rest = path.strip_prefix('/')?;
    let mut names = Vec::new();
    loop {
        let (before, after) = match rest.split_once('{') {
            Some(split) => split,
            None => return (!rest.contains('}')).then_some(names),
        };
        let (name, after) = after.split_once('}')?;
        if before.contains('}') || !is_ident(name) || names.contains(&name) {
            return None;
        }
        names.push(name);
        rest = after;
    }
}

/// The titles of a doc comment's paragraphs.
const AUTHENTICATION: &str = "Authentication:";
const PARAMETERS: &str = "Parameters:";
const RESPONSES: &str = "Responses:";
const ERRORS: &str = "Errors:";
const POSSIBLE_ERRORS: &str = "Possible Errors:";
const EVENTS: &str = "It will have the following message event types:";
const RETURNS: &str = "Returns a Promise for";
const SEE_EVENT_SOURCE: &str = "for more information about EventSource instances.";

/// The doc comment opened by `/**` on line `open`, up to its `*/`.
fn parse_doc(lines: &mut Lines, open: usize) -> Result<TableDoc, SpecError> {
    let file = lines.file;
    // Paragraphs of (line, text), split at the blank `*` lines.
    let mut paragraphs: Vec<Vec<(usize, &str)>> = vec![Vec::new()];
    loop {
        let expected =
            format!("a doc-comment line `* …` or `*/` closing the doc comment of line {open}");
        let (n, text) = lines.next(&expected)?;
        if text == "*/" {
            break;
        }
        let content = match text.strip_prefix('*') {
            Some("") => None,
            Some(rest) if rest.starts_with(' ') => Some(rest.trim()),
            _ => return Err(found(file, n, &expected, text)),
        };
        match (content, paragraphs.last_mut()) {
            (Some(content), Some(last)) => last.push((n, content)),
            (None, Some(last)) if !last.is_empty() => paragraphs.push(Vec::new()),
            _ => {}
        }
    }
    paragraphs.retain(|p| !p.is_empty());

    let mut doc = TableDoc {
        line: open,
        summary: String::new(),
        scopes: None,
        params: Vec::new(),
        responses: Vec::new(),
        errors: Vec::new(),
        events: Vec::new(),
        returns: None,
    };
    let mut summary: Vec<String> = Vec::new();
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for paragraph in &paragraphs {
        let [(title_line, title), items @ ..] = paragraph.as_slice() else {
            continue;
        };
        let title = match *title {
            ERRORS | POSSIBLE_ERRORS => ERRORS,
            other => other,
        };
        let titled = [AUTHENTICATION, PARAMETERS, RESPONSES, ERRORS, EVENTS].contains(&title);
        if titled {
            if let Some((_, first)) = seen.iter().find(|(t, _)| *t == title) {
                return Err(found(
                    file,
                    *title_line,
                    &format!("one `{title}` paragraph in the doc comment of line {open} (the first is line {first})"),
                    paragraph[0].1,
                ));
            }
            seen.push((title, *title_line));
        }
        let joined = || {
            paragraph
                .iter()
                .map(|(_, t)| *t)
                .collect::<Vec<_>>()
                .join(" ")
        };
        match title {
            AUTHENTICATION => {
                let sentence = items.iter().map(|(_, t)| *t).collect::<Vec<_>>().join(" ");
                let scopes = parse_scopes(&sentence).ok_or_else(|| {
                    found(
                        file,
                        items.first().map_or(*title_line, |(n, _)| *n),
                        "an authentication sentence listing `the following scopes:` or saying no token is required",
                        &sentence,
                    )
                })?;
                doc.scopes = Some(scopes);
            }
            PARAMETERS => {
                for &(n, text) in items {
                    doc.params.push(doc_param(n, text).ok_or_else(|| {
                        found(file, n, "a parameter `{<type>} <name> - <description>`", text)
                    })?);
                }
            }
            RESPONSES | ERRORS => {
                for &(n, text) in items {
                    let response = doc_response(n, text).ok_or_else(|| {
                        found(file, n, "a response `<status> - <description>`", text)
                    })?;
                    if title == RESPONSES {
                        doc.responses.push(response);
                    } else {
                        doc.errors.push(response);
                    }
                }
            }
            EVENTS => {
                for &(n, text) in items {
                    let (name, description) = text
                        .split_once(" - ")
                        .filter(|(name, _)| is_ident(name))
                        .ok_or_else(|| found(file, n, "an event type `<name> - <description>`", text))?;
                    let (description, definition) = split_definition(description);
                    doc.events.push(DocEvent {
                        line: n,
                        name: name.to_string(),
                        description,
                        definition,
                    });
                }
            }
            _ if seen.is_empty() && doc.returns.is_none() => summary.push(joined()),
            _ if title.starts_with(RETURNS) && doc.returns.is_none() => doc.returns = Some(joined()),
            _ if title.starts_with("See https://")
                && paragraph.last().is_some_and(|(_, t)| *t == SEE_EVENT_SOURCE) => {}
            _ => {
                return Err(found(
                    file,
                    *title_line,
                    &format!(
                        "a doc-comment paragraph titled `{AUTHENTICATION}`, `{PARAMETERS}`, `{RESPONSES}`, \
                         `{ERRORS}`, `{POSSIBLE_ERRORS}` or `{EVENTS}`, or a stream's `{RETURNS} …`"
                    ),
                    paragraph[0].1,
                ))
            }
        }
    }
    doc.summary = summary.join("\n\n");
    Ok(doc)
}

/// `{string} applicationId - ID associated with the application`.
fn doc_param(line: usize, text: &str) -> Option<DocParam> {
    let (doc_type, rest) = text.strip_prefix('{')?.split_once("} ")?;
    let (name, description) = match rest.split_once(" - ") {
        Some(split) => split,
        None => (rest.strip_suffix(" -")?, ""),
    };
    if !is_ident(name) || doc_type.is_empty() || doc_type.contains(['{', '}', ' ']) {
        return None;
    }
    let (description, definition) = split_definition(description);
    Some(DocParam {
        line,
        name: name.to_string(),
        doc_type: doc_type.to_string(),
        description,
        definition,
    })
}

/// `404 - Error if device was not found (https://api.app.wnology.io/#/definitions/error)`.
fn doc_response(line: usize, text: &str) -> Option<DocResponse> {
    let (status, description) = match text.split_once(" - ") {
        Some(split) => split,
        None => (text.strip_suffix(" -")?, ""),
    };
    if status.len() != 3 || !status.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (description, definition) = split_definition(description);
    Some(DocResponse {
        line,
        status: status.parse().ok()?,
        description,
        definition,
    })
}

/// `text (https://…/#/definitions/name)` → (`text`, `name`); text without such a link as it is.
fn split_definition(text: &str) -> (String, Option<String>) {
    let link = text
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once(" (http"))
        .and_then(|(description, url)| {
            let (_, name) = url.rsplit_once("/#/definitions/")?;
            is_ident(name).then_some((description, name))
        });
    match link {
        Some((description, name)) => (description.trim().to_string(), Some(name.to_string())),
        None => (text.trim().to_string(), None),
    }
}

/// Parses the facts of `index.js`; `file` is its path relative to `spec/published`.
pub fn parse_index(file: &str, text: &str) -> Result<ClientFacts, SpecError> {
    let mut version: Option<(usize, String)> = None;
    let mut accept: Option<(usize, String)> = None;
    let mut base: Option<(usize, String)> = None;
    let mut resources: Vec<(usize, String)> = Vec::new();
    // A fact written more than once must be written the same way each time.
    let once = |slot: &mut Option<(usize, String)>, n: usize, value: &str, what: &str| match slot {
        Some((first, earlier)) if earlier != value => Err(found(
            file,
            n,
            &format!("{what} `{earlier}`, as on line {first}"),
            value,
        )),
        Some(_) => Ok(()),
        None => {
            *slot = Some((n, value.to_string()));
            Ok(())
        }
    };
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.trim();
        if let Some(value) = line.strip_prefix("* version:") {
            let value = value.trim();
            if !is_release(value) {
                return Err(found(
                    file,
                    n,
                    "an API release such as `* version: 1.24.5`",
                    line,
                ));
            }
            once(&mut version, n, value, "the API release")?;
        } else if let Some(value) = line.strip_prefix("'Accept-Version': '") {
            let value = value
                .strip_suffix("',")
                .or_else(|| value.strip_suffix('\''))
                .filter(|v| !v.is_empty() && !v.contains('\''))
                .ok_or_else(|| found(file, n, "`'Accept-Version': '<range>'`", line))?;
            once(&mut accept, n, value, "the Accept-Version")?;
        } else if let Some((_, rest)) = line.split_once("opts.url || '") {
            let value = rest
                .split_once('\'')
                .map(|(url, _)| url)
                .filter(|url| is_base_url(url))
                .ok_or_else(|| {
                    found(
                        file,
                        n,
                        "a base URL such as `opts.url || 'https://api.app.wnology.io'`",
                        line,
                    )
                })?;
            once(&mut base, n, value, "the base URL")?;
        } else if let Some(rest) = line
            .strip_prefix("internals.")
            .filter(|rest| rest.contains(" = require("))
        {
            let expected =
                "a resource `internals.<name> = require('./<name>')(options, internals);`";
            let name = rest
                .split_once(" = require('./")
                .and_then(|(name, path)| {
                    (path.strip_suffix("')(options, internals);") == Some(name) && is_ident(name))
                        .then_some(name)
                })
                .ok_or_else(|| found(file, n, expected, line))?;
            if let Some((first, _)) = resources.iter().find(|(_, r)| r == name) {
                return Err(found(
                    file,
                    n,
                    &format!("one resource `{name}` (the first is line {first})"),
                    line,
                ));
            }
            resources.push((n, name.to_string()));
        }
    }
    let last = text.lines().count().max(1);
    let missing =
        |what: &str| SpecError::malformed(file, last, format!("{what} before the end of the file"));
    Ok(ClientFacts {
        api_version: version
            .ok_or_else(|| missing("the API release `* version: <release>`"))?
            .1,
        accept_version: accept
            .ok_or_else(|| missing("a header `'Accept-Version': '<range>'`"))?
            .1,
        base_url: base
            .ok_or_else(|| missing("a default base URL `opts.url || '<url>'`"))?
            .1,
        resources: resources.into_iter().map(|(_, r)| r).collect(),
    })
}

/// `1.24.5`: three dot-separated decimal numbers.
fn is_release(text: &str) -> bool {
    text.split('.').count() == 3
        && text
            .split('.')
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// An `http(s)` origin without path, query or fragment: `https://api.app.wnology.io`.
fn is_base_url(text: &str) -> bool {
    url::Url::parse(text).is_ok_and(|url| {
        matches!(url.scheme(), "https" | "http")
            && url.host().is_some()
            && url.path() == "/"
            && !text.ends_with('/')
            && url.query().is_none()
            && url.fragment().is_none()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_plain_names() {
        assert_eq!(placeholders("/a/{b}/c/{d}"), Some(vec!["b", "d"]));
        assert_eq!(placeholders("/me"), Some(vec![]));
        assert_eq!(placeholders("/a/{?b}"), None);
        assert_eq!(placeholders("/a/{b"), None);
        assert_eq!(placeholders("/a/b}"), None);
        assert_eq!(placeholders("/a/{b}/{b}"), None);
        assert_eq!(placeholders("a/{b}"), None);
    }

    #[test]
    fn query_defaults_as_written() {
        assert_eq!(
            query_defaults("params: { _actions: false, _links: true }").unwrap(),
            [
                ("_actions".to_string(), "false".to_string()),
                ("_links".to_string(), "true".to_string())
            ]
        );
        assert_eq!(query_defaults("params: {}").unwrap(), []);
        assert_eq!(query_defaults("params: { _actions }"), None);
        assert_eq!(query_defaults("params: { a: 1,, b: 2 }"), None);
    }

    #[test]
    fn parameter_lines_name_one_parameter() {
        fn line(l: &str) -> Option<&str> {
            param_line(l).map(|(n, _)| n)
        }
        assert_eq!(
            line(
                "if ('undefined' !== typeof params.a) { req.params.a = JSON.stringify(params.a); }"
            ),
            Some("a")
        );
        assert_eq!(
            line("if ('undefined' !== typeof params.a) { req.params.b = params.a; }"),
            None
        );
        assert_eq!(
            line("if ('undefined' !== typeof params.a) { req.data = JSON.stringify(params.a); }"),
            None
        );
        assert_eq!(
            line("if ('undefined' !== typeof params.a) { req.query.a = params.a; }"),
            None
        );
    }

    #[test]
    fn definitions_split_off_descriptions() {
        assert_eq!(
            split_definition("Updated (https://api.app.wnology.io/#/definitions/apiToken)"),
            ("Updated".to_string(), Some("apiToken".to_string()))
        );
        assert_eq!(
            split_definition("No domain (rarely)"),
            ("No domain (rarely)".to_string(), None)
        );
    }

    #[test]
    fn base_urls_are_origins() {
        assert!(is_base_url("https://api.app.wnology.io"));
        assert!(!is_base_url("https://api.app.wnology.io/"));
        assert!(!is_base_url("https://api.app.wnology.io/v1"));
        assert!(!is_base_url("api.app.wnology.io"));
    }
}
