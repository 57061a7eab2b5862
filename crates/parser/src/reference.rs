//! The action reference: one page per resource with one `##` section per action, each with
//! Authentication, Available Parameters, Successful Responses and Error Responses sections. It
//! alone gives parameter types, schema links, defaults, examples and the clients' call names.
//!
//! Two flavours share the shape, and [`parse`] reads both:
//! - the Python client's (`me/me.md`): a ```python example `result = client.me.get(…)` with
//!   snake_case names, schema links `[Me](_schemas.md#me)` ([`SchemaLink::Anchor`]);
//! - the JavaScript client's (`wegnology-rest/docs/<resource>.md`): a ```javascript example
//!   `client.device.delete(params, function (err, result) {` with camelCase names, schema links
//!   `[Recent Item](../lib/schemas/recentItem.json)` whose text is the schema's title
//!   ([`SchemaLink::Title`]; the file name does not reliably give it).
//!
//! Older releases of `me.md` left out parts that today's always have; each is accepted and
//! reported in the result rather than refused: a parameter table without the Example column
//! ([`ParamTable::WithoutExample`]), an action without an Authentication section
//! ([`ReferenceAction::scopes`] is `None`), an action without parameters and without an
//! Available Parameters section ([`ParamTable::Absent`]). Anything else missing or out of shape
//! is a [`SpecError`] naming the file, the line and what was expected.

use heck::{ToLowerCamelCase, ToSnakeCase};

use crate::error::SpecError;
use crate::markdown::{blocks, Block, Inline, TableRow};
use crate::text::{parse_scopes, required_cell, PARAM_HEADER, RESPONSE_HEADER};

/// Me's action reference, relative to `spec/published`.
pub const FILE: &str = "me/me.md";

/// The parsed action reference of one resource.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionReference {
    /// `Me` from `# Me Actions`, `Application Api Token` from `# Application Api Token Actions`.
    pub resource: String,
    pub actions: Vec<ReferenceAction>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceAction {
    pub title: String,
    pub line: usize,
    pub description: String,
    /// The call of the example: `client.me.add_recent_item(…)` (Python) or
    /// `client.me.addRecentItem(params…)` (JavaScript). Every action of a page has the same
    /// flavour and resource.
    pub call: CallName,
    /// Line of the example's first call.
    pub call_line: usize,
    /// The scopes the Authentication section lists; empty when it says no token is required.
    /// `None` when the action has no `#### Authentication` section (older releases).
    pub scopes: Option<Vec<String>>,
    /// Line of the scope sentence; the action's title line when `scopes` is `None`.
    pub scopes_line: usize,
    /// Empty when the parameter table has no rows or is [`ParamTable::Absent`].
    pub params: Vec<ReferenceParam>,
    /// Which parameter table the action has.
    pub param_table: ParamTable,
    /// At least one.
    pub success: Vec<ReferenceResponse>,
    pub errors: Vec<ReferenceResponse>,
    /// Line of the `#### Error Responses` heading (its table may be empty).
    pub errors_line: usize,
}

/// Which client's example an action comes with, and so the case of its names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    /// snake_case: `client.application_api_token.get(…)`.
    Python,
    /// camelCase: `client.applicationApiToken.get(params…)`.
    JavaScript,
}

/// The resource and action names of an example's `client.<resource>.<action>(…)`, in the case
/// of its [`Flavour`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallName {
    pub resource: String,
    pub action: String,
    pub flavour: Flavour,
}

impl CallName {
    /// The action's snake_case name: the Python name as written, the JavaScript one converted
    /// (`addRecentItem` → `add_recent_item`).
    pub fn snake_case(&self) -> String {
        match self.flavour {
            Flavour::Python => self.action.clone(),
            Flavour::JavaScript => self.action.to_snake_case(),
        }
    }

    /// The action's camelCase name: the JavaScript name as written, the Python one converted
    /// (`add_recent_item` → `addRecentItem`).
    pub fn camel_case(&self) -> String {
        match self.flavour {
            Flavour::Python => self.action.to_lower_camel_case(),
            Flavour::JavaScript => self.action.clone(),
        }
    }
}

/// Where a Type cell's link points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaLink {
    /// `[Me](_schemas.md#me)` → `me`: an anchor of `_schemas.md`.
    Anchor(String),
    /// `[Recent Item](../lib/schemas/recentItem.json)` → `Recent Item`: the schema's title, the
    /// link's text.
    Title(String),
}

impl SchemaLink {
    /// The anchor of an [`SchemaLink::Anchor`].
    pub fn anchor(&self) -> Option<&str> {
        match self {
            SchemaLink::Anchor(anchor) => Some(anchor),
            SchemaLink::Title(_) => None,
        }
    }
}

/// An action's Available Parameters table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamTable {
    /// `Name | Type | Required | Description | Default | Example`, the table heading on `line`.
    WithExample { line: usize },
    /// `Name | Type | Required | Description | Default` (older releases): every parameter's
    /// `example` and `example_link` are `None`.
    WithoutExample { line: usize },
    /// No `#### Available Parameters` section (older releases, for an action without
    /// parameters): `params` is empty.
    Absent,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceParam {
    pub line: usize,
    pub name: String,
    /// The Type cell's text: `string`, `undefined`, `file`, or a schema title such as
    /// `Recent Item`.
    pub type_text: String,
    /// The linked schema, when the Type cell is a link.
    pub type_link: Option<SchemaLink>,
    pub required: bool,
    pub description: String,
    pub default: Option<String>,
    /// `None` when the cell is empty or the table has no Example column.
    pub example: Option<String>,
    /// Anchor of the linked example, when the Example cell is a `_schemas.md#…` link.
    pub example_link: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceResponse {
    pub line: usize,
    pub status: u16,
    /// A schema title such as `Me`, or `undefined` (no body).
    pub type_text: String,
    /// The linked schema; `None` exactly when `type_text` is `undefined`.
    pub type_link: Option<SchemaLink>,
    pub description: String,
}

/// Parses an action reference page; `file` is its name relative to `spec/published`
/// (`me/me.md`, `wegnology-rest/docs/device.md`), which every error names.
pub fn parse(file: &str, text: &str) -> Result<ActionReference, SpecError> {
    let blocks = blocks(file, text)?;
    let mut resource = None;
    let mut contents: Vec<(usize, Inline)> = Vec::new();
    let mut actions: Vec<Draft> = Vec::new();
    // The `####` section the next paragraph or table belongs to.
    let mut section = Section::Intro;

    for block in &blocks {
        match block {
            Block::Heading {
                level: 1, inline, ..
            } => {
                resource = inline.text.strip_suffix(" Actions").map(str::to_string);
            }
            Block::Heading {
                level: 2,
                line,
                inline,
            } => {
                actions.push(Draft::new(inline.text.clone(), *line));
                section = Section::Description;
            }
            Block::Heading {
                level: 4,
                line,
                inline,
            } => {
                let action = actions.last_mut();
                section = match inline.text.as_str() {
                    "Authentication" => {
                        if let Some(action) = action {
                            action.auth_line = Some(*line);
                        }
                        Section::Authentication
                    }
                    "Available Parameters" => {
                        if let Some(action) = action {
                            action.params_line = Some(*line);
                        }
                        Section::Parameters
                    }
                    "Successful Responses" => Section::Success,
                    "Error Responses" => {
                        if let Some(action) = action {
                            action.errors_line = Some(*line);
                        }
                        Section::Errors
                    }
                    other => {
                        return Err(SpecError::malformed(
                            file,
                            *line,
                            format!("an action section heading (Authentication, Available Parameters, Successful Responses or Error Responses), found `{other}`"),
                        ))
                    }
                };
            }
            Block::Heading { .. } => section = Section::Intro,
            Block::List { items, .. } if actions.is_empty() => {
                contents.extend(items.iter().cloned())
            }
            Block::Paragraph { line, inline } => {
                let Some(action) = actions.last_mut() else {
                    continue;
                };
                match section {
                    Section::Description if action.description.is_none() => {
                        action.description = Some(inline.text.clone());
                    }
                    Section::Authentication => {
                        let scopes = parse_scopes(&inline.text).ok_or_else(|| {
                            SpecError::malformed(file, *line, "a sentence listing the required scopes (`… the following scopes: a, b, or c.`)")
                        })?;
                        action.scopes = Some((scopes, *line));
                    }
                    _ => {}
                }
            }
            Block::Code { line, lang, text } => {
                if section != Section::Description {
                    continue;
                }
                let Some(index) = actions.len().checked_sub(1) else {
                    continue;
                };
                let (call, call_line) = example_call(file, *line, lang, text)?;
                if let Some((first, first_line)) = &actions[index].call {
                    return Err(SpecError::malformed(
                        file,
                        call_line,
                        format!(
                            "one example in action `{}`, found a second (the first on line {first_line} calls `client.{}.{}`)",
                            actions[index].title, first.resource, first.action
                        ),
                    ));
                }
                if let Some(other) = actions[..index].iter().find_map(|a| a.call.as_ref()) {
                    check_same_page(file, other, &call, call_line)?;
                }
                actions[index].call = Some((call, call_line));
            }
            Block::Table { line, header, rows } => {
                let Some(action) = actions.last_mut() else {
                    continue;
                };
                match section {
                    Section::Parameters => {
                        let columns = param_columns(file, header, *line)?;
                        action.params = Some(
                            rows.iter()
                                .map(|row| param(file, row, columns))
                                .collect::<Result<_, _>>()?,
                        );
                        action.param_table = Some(match columns {
                            Columns::WithExample => ParamTable::WithExample { line: *line },
                            Columns::WithoutExample => ParamTable::WithoutExample { line: *line },
                        });
                    }
                    Section::Success => {
                        check_header(file, header, &RESPONSE_HEADER, *line)?;
                        action.success = Some(
                            rows.iter()
                                .map(|row| response(file, row))
                                .collect::<Result<_, _>>()?,
                        );
                    }
                    Section::Errors => {
                        check_header(file, header, &RESPONSE_HEADER, *line)?;
                        action.errors = Some(
                            rows.iter()
                                .map(|row| response(file, row))
                                .collect::<Result<_, _>>()?,
                        );
                    }
                    _ => {
                        return Err(SpecError::malformed(file, *line, "a table only under Available Parameters, Successful Responses or Error Responses"))
                    }
                }
            }
            _ => {}
        }
    }

    let end = text.lines().count().max(1);
    let resource =
        resource.ok_or_else(|| SpecError::malformed(file, 1, "a `# <Resource> Actions` title"))?;
    let actions = actions
        .into_iter()
        .map(|draft| draft.finish(file, end))
        .collect::<Result<Vec<_>, _>>()?;
    check_contents(file, &contents, &actions, end)?;
    Ok(ActionReference { resource, actions })
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    Intro,
    Description,
    Authentication,
    Parameters,
    Success,
    Errors,
}

/// An action section while its parts are being found.
struct Draft {
    title: String,
    line: usize,
    description: Option<String>,
    call: Option<(CallName, usize)>,
    auth_line: Option<usize>,
    scopes: Option<(Vec<String>, usize)>,
    params_line: Option<usize>,
    params: Option<Vec<ReferenceParam>>,
    param_table: Option<ParamTable>,
    success: Option<Vec<ReferenceResponse>>,
    errors: Option<Vec<ReferenceResponse>>,
    errors_line: Option<usize>,
}

impl Draft {
    fn new(title: String, line: usize) -> Draft {
        Draft {
            title,
            line,
            description: None,
            call: None,
            auth_line: None,
            scopes: None,
            params_line: None,
            params: None,
            param_table: None,
            success: None,
            errors: None,
            errors_line: None,
        }
    }

    /// The finished action, or an error naming the first missing part. `end` is the last line
    /// of the file: a truncated file most often loses the last action's final sections.
    fn finish(self, file: &str, end: usize) -> Result<ReferenceAction, SpecError> {
        let missing = |what: &str| {
            SpecError::malformed(
                file,
                end,
                format!(
                    "{what} in action `{}` (line {}) before the end of the file",
                    self.title, self.line
                ),
            )
        };
        let description = self
            .description
            .clone()
            .ok_or_else(|| missing("a description paragraph"))?;
        let (call, call_line) = self.call.clone().ok_or_else(|| {
            missing("a ```python or ```javascript example calling `client.<resource>.<action>(…)`")
        })?;
        let (scopes, scopes_line) = match (&self.scopes, self.auth_line) {
            (Some((scopes, line)), _) => (Some(scopes.clone()), *line),
            (None, Some(auth_line)) => {
                return Err(missing(&format!(
                    "a sentence listing the required scopes under `#### Authentication` (line {auth_line})"
                )))
            }
            (None, None) => (None, self.line),
        };
        let (params, param_table) = match (&self.params, self.param_table, self.params_line) {
            (Some(params), Some(table), _) => (params.clone(), table),
            (_, _, Some(_)) => return Err(missing("an `#### Available Parameters` table")),
            _ => (Vec::new(), ParamTable::Absent),
        };
        let success = self
            .success
            .clone()
            .ok_or_else(|| missing("a `#### Successful Responses` table"))?;
        if success.is_empty() {
            return Err(missing("a success response row"));
        }
        let errors_line = self
            .errors_line
            .ok_or_else(|| missing("an `#### Error Responses` table"))?;
        let errors = self
            .errors
            .clone()
            .ok_or_else(|| missing("an `#### Error Responses` table"))?;
        Ok(ReferenceAction {
            title: self.title,
            line: self.line,
            description,
            call,
            call_line,
            scopes,
            scopes_line,
            params,
            param_table,
            success,
            errors,
            errors_line,
        })
    }
}

/// The columns a parameter table has.
#[derive(Clone, Copy, PartialEq)]
enum Columns {
    WithExample,
    WithoutExample,
}

fn param_columns(file: &str, found: &[String], line: usize) -> Result<Columns, SpecError> {
    let is = |expected: &[&str]| {
        found
            .iter()
            .map(String::as_str)
            .eq(expected.iter().copied())
    };
    if is(&PARAM_HEADER) {
        Ok(Columns::WithExample)
    } else if is(&PARAM_HEADER[..5]) {
        Ok(Columns::WithoutExample)
    } else {
        Err(SpecError::malformed(
            file,
            line,
            format!(
                "a table header `{}` (or without `| Example`), found `{}`",
                PARAM_HEADER.join(" | "),
                found.join(" | ")
            ),
        ))
    }
}

fn check_header(
    file: &str,
    found: &[String],
    expected: &[&str],
    line: usize,
) -> Result<(), SpecError> {
    if found
        .iter()
        .map(String::as_str)
        .eq(expected.iter().copied())
    {
        Ok(())
    } else {
        Err(SpecError::malformed(
            file,
            line,
            format!(
                "a table header `{}`, found `{}`",
                expected.join(" | "),
                found.join(" | ")
            ),
        ))
    }
}

fn param(file: &str, row: &TableRow, columns: Columns) -> Result<ReferenceParam, SpecError> {
    let (name, ty, required, description, default, example) = match (&row.cells[..], columns) {
        ([name, ty, required, description, default, example], Columns::WithExample) => {
            (name, ty, required, description, default, Some(example))
        }
        ([name, ty, required, description, default], Columns::WithoutExample) => {
            (name, ty, required, description, default, None)
        }
        (_, Columns::WithExample) => {
            return Err(SpecError::malformed(
                file,
                row.line,
                "6 cells (Name | Type | Required | Description | Default | Example)",
            ))
        }
        (_, Columns::WithoutExample) => {
            return Err(SpecError::malformed(
                file,
                row.line,
                "5 cells (Name | Type | Required | Description | Default)",
            ))
        }
    };
    if name.text.is_empty() {
        return Err(SpecError::malformed(
            file,
            row.line,
            "a parameter name in the Name cell",
        ));
    }
    if ty.text.is_empty() {
        return Err(SpecError::malformed(
            file,
            row.line,
            format!("a type for parameter `{}`", name.text),
        ));
    }
    Ok(ReferenceParam {
        line: row.line,
        name: name.text.clone(),
        type_text: ty.text.clone(),
        type_link: schema_link(file, ty, row.line)?,
        required: required_cell(file, &required.text, row.line)?,
        description: description.text.clone(),
        default: non_empty(&default.text),
        example: example.and_then(|e| non_empty(&e.text)),
        example_link: match example {
            Some(example) => example_link(file, example, row.line)?,
            None => None,
        },
    })
}

fn response(file: &str, row: &TableRow) -> Result<ReferenceResponse, SpecError> {
    let [code, ty, description] = &row.cells[..] else {
        return Err(SpecError::malformed(
            file,
            row.line,
            "3 cells (Code | Type | Description)",
        ));
    };
    let status = status_code(&code.text).ok_or_else(|| {
        SpecError::malformed(
            file,
            row.line,
            format!(
                "an HTTP status code in the Code cell, found `{}`",
                code.text
            ),
        )
    })?;
    let type_link = schema_link(file, ty, row.line)?;
    if type_link.is_none() && ty.text != "undefined" {
        return Err(SpecError::malformed(
            file,
            row.line,
            format!(
                "a schema link or `undefined` in the Type cell, found `{}`",
                ty.text
            ),
        ));
    }
    Ok(ReferenceResponse {
        line: row.line,
        status,
        type_text: ty.text.clone(),
        type_link,
        description: description.text.clone(),
    })
}

/// `[Me](_schemas.md#me)` → `Anchor("me")`; `[Recent Item](../lib/schemas/recentItem.json)` →
/// `Title("Recent Item")`. A link elsewhere is an error.
fn schema_link(file: &str, cell: &Inline, line: usize) -> Result<Option<SchemaLink>, SpecError> {
    let Some(link) = &cell.link else {
        return Ok(None);
    };
    if let Some(anchor) = link.strip_prefix("_schemas.md#") {
        if !anchor.is_empty() {
            return Ok(Some(SchemaLink::Anchor(anchor.to_string())));
        }
    }
    let json = link
        .strip_prefix("../lib/schemas/")
        .and_then(|name| name.strip_suffix(".json"));
    match json {
        Some(name) if !name.is_empty() && !name.contains('/') => {
            if cell.text.is_empty() {
                Err(SpecError::malformed(
                    file,
                    line,
                    format!("the schema's title as the text of the link to `{link}`"),
                ))
            } else {
                Ok(Some(SchemaLink::Title(cell.text.clone())))
            }
        }
        _ => Err(SpecError::malformed(
            file,
            line,
            format!(
                "a link to `_schemas.md#<anchor>` or `../lib/schemas/<name>.json`, found `{link}`"
            ),
        )),
    }
}

/// `[Me Example](_schemas.md#me-example)` → `me-example`. A link elsewhere is an error.
fn example_link(file: &str, cell: &Inline, line: usize) -> Result<Option<String>, SpecError> {
    let Some(link) = &cell.link else {
        return Ok(None);
    };
    match link.strip_prefix("_schemas.md#") {
        Some(anchor) if !anchor.is_empty() => Ok(Some(anchor.to_string())),
        _ => Err(SpecError::malformed(
            file,
            line,
            format!("a link to `_schemas.md#<anchor>`, found `{link}`"),
        )),
    }
}

pub(crate) fn status_code(text: &str) -> Option<u16> {
    text.parse().ok().filter(|code| (100..600).contains(code))
}

fn non_empty(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_string())
}

/// The call of an action's example (the code block of `lang` on `line`) and the line of its
/// first call. A JavaScript example calls the action twice (with a callback, with promises):
/// the calls must agree.
fn example_call(
    file: &str,
    line: usize,
    lang: &str,
    code: &str,
) -> Result<(CallName, usize), SpecError> {
    let flavour = match lang {
        "python" => Flavour::Python,
        "javascript" => Flavour::JavaScript,
        "" => {
            return Err(SpecError::malformed(
                file,
                line,
                "a ```python or ```javascript example, found a code block without a language",
            ))
        }
        other => {
            return Err(SpecError::malformed(
                file,
                line,
                format!("a ```python or ```javascript example, found ```{other}"),
            ))
        }
    };
    // The code starts on the line after the fence.
    let line_of = |offset: usize| line + 1 + code[..offset].matches('\n').count();
    let mut first: Option<(CallName, usize)> = None;
    for (offset, found) in client_calls(code) {
        let call = found
            .and_then(|(resource, action)| {
                let valid = match flavour {
                    Flavour::Python => is_snake_identifier,
                    Flavour::JavaScript => is_camel_identifier,
                };
                (valid(resource) && valid(action)).then(|| CallName {
                    resource: resource.to_string(),
                    action: action.to_string(),
                    flavour,
                })
            })
            .ok_or_else(|| SpecError::malformed(file, line_of(offset), expected_call(flavour)))?;
        match &first {
            None => first = Some((call, line_of(offset))),
            Some((seen, seen_line)) if *seen != call => {
                return Err(SpecError::malformed(
                    file,
                    line_of(offset),
                    format!(
                        "the call `client.{}.{}` of line {seen_line} again, found `client.{}.{}`",
                        seen.resource, seen.action, call.resource, call.action
                    ),
                ))
            }
            Some(_) => {}
        }
    }
    first.ok_or_else(|| SpecError::malformed(file, line, expected_call(flavour)))
}

fn expected_call(flavour: Flavour) -> &'static str {
    match flavour {
        Flavour::Python => "a Python example calling `client.<resource>.<action>(…)` in snake_case",
        Flavour::JavaScript => {
            "a JavaScript example calling `client.<resource>.<action>(…)` in camelCase"
        }
    }
}

/// Every `client.` that starts a word in `code`, with its offset and, when it is followed by
/// `<resource>.<action>(`, those two names (not yet checked for their case).
fn client_calls(code: &str) -> impl Iterator<Item = (usize, Option<(&str, &str)>)> {
    code.match_indices("client.")
        .filter(|(offset, _)| {
            !code[..*offset]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
        })
        .map(|(offset, prefix)| {
            let rest = &code[offset + prefix.len()..];
            let names = rest
                .split_once('(')
                .and_then(|(path, _)| path.split_once('.'))
                .filter(|(_, action)| !action.contains('.'));
            (offset, names)
        })
}

/// `add_recent_item`, `get_v3`.
fn is_snake_identifier(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `addRecentItem`, `applicationApiToken`.
fn is_camel_identifier(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// A page documents one resource in one flavour: an action's call must match an earlier one's.
fn check_same_page(
    file: &str,
    earlier: &(CallName, usize),
    call: &CallName,
    line: usize,
) -> Result<(), SpecError> {
    let (seen, seen_line) = earlier;
    if seen.flavour != call.flavour {
        let name = |flavour| match flavour {
            Flavour::Python => "Python",
            Flavour::JavaScript => "JavaScript",
        };
        return Err(SpecError::malformed(
            file,
            line,
            format!(
                "a {} example like the one on line {seen_line}, found a {} one",
                name(seen.flavour),
                name(call.flavour)
            ),
        ));
    }
    if seen.resource != call.resource {
        return Err(SpecError::malformed(
            file,
            line,
            format!(
                "a call on `client.{}` like the one on line {seen_line}, found `client.{}.{}`",
                seen.resource, call.resource, call.action
            ),
        ));
    }
    Ok(())
}

/// Every entry of the Contents list has its section, and every section is listed: a file cut
/// short loses sections its Contents still names.
fn check_contents(
    file: &str,
    contents: &[(usize, Inline)],
    actions: &[ReferenceAction],
    end: usize,
) -> Result<(), SpecError> {
    for (line, item) in contents {
        if !actions.iter().any(|a| a.title == item.text) {
            return Err(SpecError::malformed(file, end, format!("a `## {}` section, listed in Contents on line {line}, before the end of the file", item.text)));
        }
    }
    if let Some(action) = actions
        .iter()
        .find(|a| !contents.iter().any(|(_, item)| item.text == a.title))
    {
        return Err(SpecError::malformed(
            file,
            action.line,
            format!("`{}` to be listed in the Contents", action.title),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = "# Me Actions

##### Contents

*   [Get](#get)

## Get

Retrieves information on the current user

```python
result = client.me.get(**optional_params)
```

#### Authentication
The client must be configured with a valid api access token to call this
action. The token must include at least one of the following scopes:
all.User, all.User.read, me.*, or me.get.

#### Available Parameters

| Name | Type | Required | Description | Default | Example |
| ---- | ---- | -------- | ----------- | ------- | ------- |
| includeRecent | undefined | N | Should the user include recent app/dashboard info |  | true |
| data | [Recent Item](_schemas.md#recent-item) | Y | Object |  | [Recent Item Example](_schemas.md#recent-item-example) |

#### Successful Responses

| Code | Type | Description |
| ---- | ---- | ----------- |
| 200 | [Me](_schemas.md#me) | Current user information |

#### Error Responses

| Code | Type | Description |
| ---- | ---- | ----------- |
| 404 | [Error](_schemas.md#error) | Error if not found |
";

    fn parse_one(text: &str) -> Result<ActionReference, SpecError> {
        parse(FILE, text)
    }

    #[test]
    fn parses_an_action() {
        let doc = parse_one(ONE).unwrap();
        assert_eq!(doc.resource, "Me");
        let get = &doc.actions[0];
        assert_eq!(get.title, "Get");
        assert_eq!(get.line, 7);
        assert_eq!(
            get.call,
            CallName {
                resource: "me".into(),
                action: "get".into(),
                flavour: Flavour::Python
            }
        );
        assert_eq!(get.call_line, 12);
        assert_eq!(get.description, "Retrieves information on the current user");
        assert_eq!(
            get.scopes.as_deref(),
            Some(&["all.User", "all.User.read", "me.*", "me.get"].map(String::from)[..])
        );
        assert_eq!(get.scopes_line, 16);
        assert_eq!(get.param_table, ParamTable::WithExample { line: 22 });
        assert_eq!(get.params.len(), 2);
        let recent = &get.params[0];
        assert_eq!(
            (
                recent.name.as_str(),
                recent.type_text.as_str(),
                recent.required
            ),
            ("includeRecent", "undefined", false)
        );
        assert_eq!(recent.example.as_deref(), Some("true"));
        assert_eq!(recent.default, None);
        let data = &get.params[1];
        assert_eq!(
            data.type_link,
            Some(SchemaLink::Anchor("recent-item".into()))
        );
        assert_eq!(data.example_link.as_deref(), Some("recent-item-example"));
        assert_eq!(get.success[0].status, 200);
        assert_eq!(
            get.success[0].type_link,
            Some(SchemaLink::Anchor("me".into()))
        );
        assert_eq!(get.errors[0].status, 404);
    }

    #[test]
    fn missing_cell_names_the_line() {
        let doc = ONE.replace("| includeRecent | undefined | N | Should the user include recent app/dashboard info |  | true |", "| includeRecent | undefined | N | Should the user include recent app/dashboard info | true |");
        let err = parse_one(&doc).unwrap_err().to_string();
        assert!(
            err.starts_with("me/me.md:24: expected a table row of 6 cells"),
            "{err}"
        );
    }

    #[test]
    fn errors_name_the_file_given() {
        let doc = ONE.replace("| undefined | N |", "| undefined | maybe |");
        let err = parse("wegnology-rest/docs/me.md", &doc)
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "wegnology-rest/docs/me.md:24: expected `Y` or `N` in the Required cell, found `maybe`"
        );
    }

    #[test]
    fn truncated_file_is_an_error() {
        let cut = &ONE[..ONE.find("#### Error Responses").unwrap()];
        let err = parse_one(cut).unwrap_err().to_string();
        assert!(err.contains("an `#### Error Responses` table in action `Get` (line 7) before the end of the file"), "{err}");
    }

    #[test]
    fn contents_without_section_is_an_error() {
        let doc = ONE.replace("*   [Get](#get)", "*   [Get](#get)\n*   [Patch](#patch)");
        let err = parse_one(&doc).unwrap_err().to_string();
        assert!(
            err.contains("a `## Patch` section, listed in Contents on line 6"),
            "{err}"
        );
    }

    #[test]
    fn bad_required_cell() {
        let doc = ONE.replace("| undefined | N |", "| undefined | maybe |");
        let err = parse_one(&doc).unwrap_err().to_string();
        assert_eq!(
            err,
            "me/me.md:24: expected `Y` or `N` in the Required cell, found `maybe`"
        );
    }

    fn call(code: &str, lang: &str) -> Result<(CallName, usize), String> {
        example_call("t.md", 10, lang, code).map_err(|e| e.to_string())
    }

    #[test]
    fn python_calls() {
        let (name, line) = call(
            "result = client.me.respond_to_invite(\n inviteId=x)",
            "python",
        )
        .unwrap();
        assert_eq!(
            (name.resource.as_str(), name.action.as_str(), line),
            ("me", "respond_to_invite", 11)
        );
        assert_eq!(name.camel_case(), "respondToInvite");
        assert_eq!(name.snake_case(), "respond_to_invite");
        assert_eq!(
            call("print(x)", "python").unwrap_err(),
            "t.md:10: expected a Python example calling `client.<resource>.<action>(…)` in snake_case"
        );
        assert_eq!(
            call("x = 1\nclient.me.addRecentItem()", "python").unwrap_err(),
            "t.md:12: expected a Python example calling `client.<resource>.<action>(…)` in snake_case"
        );
    }

    #[test]
    fn javascript_calls() {
        let code = "var params = {};\n\nclient.applicationApiToken.getV3(params, function (err, result) {\n});\n\nclient.applicationApiToken.getV3(params)\n  .then(console.log);\n";
        let (name, line) = call(code, "javascript").unwrap();
        assert_eq!(
            name,
            CallName {
                resource: "applicationApiToken".into(),
                action: "getV3".into(),
                flavour: Flavour::JavaScript
            }
        );
        assert_eq!(line, 13);
        assert_eq!(name.snake_case(), "get_v3");
        assert_eq!(name.camel_case(), "getV3");
        let differing = code.replacen("getV3(params)", "get(params)", 1);
        assert_eq!(
            call(&differing, "javascript").unwrap_err(),
            "t.md:16: expected the call `client.applicationApiToken.getV3` of line 13 again, found `client.applicationApiToken.get`"
        );
        assert_eq!(
            call("client.me.get()", "ruby").unwrap_err(),
            "t.md:10: expected a ```python or ```javascript example, found ```ruby"
        );
        assert_eq!(
            call("client.me.get()", "").unwrap_err(),
            "t.md:10: expected a ```python or ```javascript example, found a code block without a language"
        );
    }
}
