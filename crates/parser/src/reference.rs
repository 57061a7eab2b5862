//! The action reference (`me.md`): one `##` section per action with Authentication, Available
//! Parameters, Successful Responses and Error Responses tables. It alone gives parameter types,
//! schema links, defaults, examples and the Python (snake_case) names.

use crate::error::SpecError;
use crate::markdown::{blocks, Block, Inline, TableRow};
use crate::text::{parse_scopes, required_cell, PARAM_HEADER, RESPONSE_HEADER};

pub(crate) const FILE: &str = "me/me.md";

/// The parsed action reference.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionReference {
    /// `Me` from `# Me Actions`.
    pub resource: String,
    pub actions: Vec<ReferenceAction>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceAction {
    pub title: String,
    pub line: usize,
    pub description: String,
    /// From the Python example: `client.me.add_recent_item(…)` → `add_recent_item`.
    pub snake_name: String,
    pub scopes: Vec<String>,
    pub scopes_line: usize,
    pub params: Vec<ReferenceParam>,
    pub success: Vec<ReferenceResponse>,
    pub errors: Vec<ReferenceResponse>,
    /// Line of the `#### Error Responses` heading (its table may be empty).
    pub errors_line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceParam {
    pub line: usize,
    pub name: String,
    /// The Type cell's text: `string`, `undefined`, or a schema title such as `Recent Item`.
    pub type_text: String,
    /// Anchor of the linked schema, when the Type cell is a `_schemas.md#…` link.
    pub type_link: Option<String>,
    pub required: bool,
    pub description: String,
    pub default: Option<String>,
    pub example: Option<String>,
    /// Anchor of the linked example, when the Example cell is a `_schemas.md#…` link.
    pub example_link: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceResponse {
    pub line: usize,
    pub status: u16,
    pub type_text: String,
    pub type_link: Option<String>,
    pub description: String,
}

/// Parses `me.md`.
pub fn parse(text: &str) -> Result<ActionReference, SpecError> {
    let blocks = blocks(FILE, text)?;
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
                section = match inline.text.as_str() {
                    "Authentication" => Section::Authentication,
                    "Available Parameters" => Section::Parameters,
                    "Successful Responses" => Section::Success,
                    "Error Responses" => {
                        if let Some(action) = actions.last_mut() {
                            action.errors_line = Some(*line);
                        }
                        Section::Errors
                    }
                    other => {
                        return Err(SpecError::malformed(
                            FILE,
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
                            SpecError::malformed(FILE, *line, "a sentence listing the required scopes (`… the following scopes: a, b, or c.`)")
                        })?;
                        action.scopes = Some((scopes, *line));
                    }
                    _ => {}
                }
            }
            Block::Code { line, text, .. } => {
                if let (Some(action), Section::Description) = (actions.last_mut(), section) {
                    action.snake_name = Some(python_call_name(text).ok_or_else(|| {
                        SpecError::malformed(
                            FILE,
                            *line,
                            "a Python example calling `client.<resource>.<action>(…)`",
                        )
                    })?);
                }
            }
            Block::Table { line, header, rows } => {
                let Some(action) = actions.last_mut() else {
                    continue;
                };
                match section {
                    Section::Parameters => {
                        check_header(header, &PARAM_HEADER, *line)?;
                        action.params = Some(rows.iter().map(param).collect::<Result<_, _>>()?);
                    }
                    Section::Success => {
                        check_header(header, &RESPONSE_HEADER, *line)?;
                        action.success = Some(rows.iter().map(response).collect::<Result<_, _>>()?);
                    }
                    Section::Errors => {
                        check_header(header, &RESPONSE_HEADER, *line)?;
                        action.errors = Some(rows.iter().map(response).collect::<Result<_, _>>()?);
                    }
                    _ => {
                        return Err(SpecError::malformed(FILE, *line, "a table only under Available Parameters, Successful Responses or Error Responses"))
                    }
                }
            }
            _ => {}
        }
    }

    let end = text.lines().count().max(1);
    let resource =
        resource.ok_or_else(|| SpecError::malformed(FILE, 1, "a `# <Resource> Actions` title"))?;
    let actions = actions
        .into_iter()
        .map(|draft| draft.finish(end))
        .collect::<Result<Vec<_>, _>>()?;
    check_contents(&contents, &actions, end)?;
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
    snake_name: Option<String>,
    scopes: Option<(Vec<String>, usize)>,
    params: Option<Vec<ReferenceParam>>,
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
            snake_name: None,
            scopes: None,
            params: None,
            success: None,
            errors: None,
            errors_line: None,
        }
    }

    /// The finished action, or an error naming the first missing part. `end` is the last line
    /// of the file: a truncated file most often loses the last action's final sections.
    fn finish(self, end: usize) -> Result<ReferenceAction, SpecError> {
        let missing = |what: &str| {
            SpecError::malformed(
                FILE,
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
        let snake_name = self
            .snake_name
            .clone()
            .ok_or_else(|| missing("a Python example"))?;
        let (scopes, scopes_line) = self
            .scopes
            .clone()
            .ok_or_else(|| missing("an `#### Authentication` section"))?;
        let params = self
            .params
            .clone()
            .ok_or_else(|| missing("an `#### Available Parameters` table"))?;
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
            snake_name,
            scopes,
            scopes_line,
            params,
            success,
            errors,
            errors_line,
        })
    }
}

fn check_header(found: &[String], expected: &[&str], line: usize) -> Result<(), SpecError> {
    if found
        .iter()
        .map(String::as_str)
        .eq(expected.iter().copied())
    {
        Ok(())
    } else {
        Err(SpecError::malformed(
            FILE,
            line,
            format!(
                "a table header `{}`, found `{}`",
                expected.join(" | "),
                found.join(" | ")
            ),
        ))
    }
}

fn param(row: &TableRow) -> Result<ReferenceParam, SpecError> {
    let [name, ty, required, description, default, example] = &row.cells[..] else {
        return Err(SpecError::malformed(
            FILE,
            row.line,
            "6 cells (Name | Type | Required | Description | Default | Example)",
        ));
    };
    if name.text.is_empty() {
        return Err(SpecError::malformed(
            FILE,
            row.line,
            "a parameter name in the Name cell",
        ));
    }
    if ty.text.is_empty() {
        return Err(SpecError::malformed(
            FILE,
            row.line,
            format!("a type for parameter `{}`", name.text),
        ));
    }
    Ok(ReferenceParam {
        line: row.line,
        name: name.text.clone(),
        type_text: ty.text.clone(),
        type_link: schema_link(ty, row.line)?,
        required: required_cell(FILE, &required.text, row.line)?,
        description: description.text.clone(),
        default: non_empty(&default.text),
        example: non_empty(&example.text),
        example_link: schema_link(example, row.line)?,
    })
}

fn response(row: &TableRow) -> Result<ReferenceResponse, SpecError> {
    let [code, ty, description] = &row.cells[..] else {
        return Err(SpecError::malformed(
            FILE,
            row.line,
            "3 cells (Code | Type | Description)",
        ));
    };
    Ok(ReferenceResponse {
        line: row.line,
        status: status_code(&code.text).ok_or_else(|| {
            SpecError::malformed(
                FILE,
                row.line,
                format!(
                    "an HTTP status code in the Code cell, found `{}`",
                    code.text
                ),
            )
        })?,
        type_text: ty.text.clone(),
        type_link: schema_link(ty, row.line)?,
        description: description.text.clone(),
    })
}

/// `_schemas.md#recent-item` → `recent-item`. A link elsewhere is an error.
fn schema_link(cell: &Inline, line: usize) -> Result<Option<String>, SpecError> {
    let Some(link) = &cell.link else {
        return Ok(None);
    };
    match link.strip_prefix("_schemas.md#") {
        Some(anchor) if !anchor.is_empty() => Ok(Some(anchor.to_string())),
        _ => Err(SpecError::malformed(
            FILE,
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

/// `result = client.me.add_recent_item(data=my_data)` → `add_recent_item`.
fn python_call_name(code: &str) -> Option<String> {
    let (_, call) = code.split_once("client.")?;
    let (path, _) = call.split_once('(')?;
    let name = path.rsplit('.').next()?;
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    valid.then(|| name.to_string())
}

/// Every entry of the Contents list has its section, and every section is listed: a file cut
/// short loses sections its Contents still names.
fn check_contents(
    contents: &[(usize, Inline)],
    actions: &[ReferenceAction],
    end: usize,
) -> Result<(), SpecError> {
    for (line, item) in contents {
        if !actions.iter().any(|a| a.title == item.text) {
            return Err(SpecError::malformed(FILE, end, format!("a `## {}` section, listed in Contents on line {line}, before the end of the file", item.text)));
        }
    }
    if let Some(action) = actions
        .iter()
        .find(|a| !contents.iter().any(|(_, item)| item.text == a.title))
    {
        return Err(SpecError::malformed(
            FILE,
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

    #[test]
    fn parses_an_action() {
        let doc = parse(ONE).unwrap();
        assert_eq!(doc.resource, "Me");
        let get = &doc.actions[0];
        assert_eq!(get.title, "Get");
        assert_eq!(get.line, 7);
        assert_eq!(get.snake_name, "get");
        assert_eq!(get.description, "Retrieves information on the current user");
        assert_eq!(get.scopes, ["all.User", "all.User.read", "me.*", "me.get"]);
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
        assert_eq!(data.type_link.as_deref(), Some("recent-item"));
        assert_eq!(data.example_link.as_deref(), Some("recent-item-example"));
        assert_eq!(get.success[0].status, 200);
        assert_eq!(get.success[0].type_link.as_deref(), Some("me"));
        assert_eq!(get.errors[0].status, 404);
    }

    #[test]
    fn missing_cell_names_the_line() {
        let doc = ONE.replace("| includeRecent | undefined | N | Should the user include recent app/dashboard info |  | true |", "| includeRecent | undefined | N | Should the user include recent app/dashboard info | true |");
        let err = parse(&doc).unwrap_err().to_string();
        assert!(
            err.starts_with("me/me.md:24: expected a table row of 6 cells"),
            "{err}"
        );
    }

    #[test]
    fn truncated_file_is_an_error() {
        let cut = &ONE[..ONE.find("#### Error Responses").unwrap()];
        let err = parse(cut).unwrap_err().to_string();
        assert!(err.contains("an `#### Error Responses` table in action `Get` (line 7) before the end of the file"), "{err}");
    }

    #[test]
    fn contents_without_section_is_an_error() {
        let doc = ONE.replace("*   [Get](#get)", "*   [Get](#get)\n*   [Patch](#patch)");
        let err = parse(&doc).unwrap_err().to_string();
        assert!(
            err.contains("a `## Patch` section, listed in Contents on line 6"),
            "{err}"
        );
    }

    #[test]
    fn bad_required_cell() {
        let doc = ONE.replace("| undefined | N |", "| undefined | maybe |");
        let err = parse(&doc).unwrap_err().to_string();
        assert_eq!(
            err,
            "me/me.md:24: expected `Y` or `N` in the Required cell, found `maybe`"
        );
    }

    #[test]
    fn python_names() {
        assert_eq!(
            python_call_name("result = client.me.respond_to_invite(\n inviteId=x)").as_deref(),
            Some("respond_to_invite")
        );
        assert_eq!(python_call_name("print(x)"), None);
    }
}
