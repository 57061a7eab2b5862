//! The JavaScript client's page (`js-client-me.txt`), flattened to text: no titles, one table
//! cell per line, and some tables missing. It alone gives the camelCase action names; the merge
//! uses it to cross-check the other documents.

use crate::error::SpecError;
use crate::reference::status_code;
use crate::text::{parse_scopes, required_cell, NO_TOKEN, PARAM_HEADER, RESPONSE_HEADER};

pub(crate) const FILE: &str = "me/js-client-me.txt";

#[derive(Debug, Clone, PartialEq)]
pub struct JsPage {
    pub actions: Vec<JsAction>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct JsAction {
    /// From `client.me.addRecentItem(params, …)`.
    pub camel_name: String,
    /// Line of the `client.<resource>.<name>(params, function …` call.
    pub line: usize,
    pub description: String,
    /// Names in the example's `var params = { … }` (the required parameters).
    pub example_params: Vec<String>,
    pub scopes: Vec<String>,
    pub scopes_line: usize,
    /// `None` where the page has no parameter table for the action.
    pub params: Option<Vec<JsParam>>,
    /// `None` where the page has no success table for the action.
    pub success: Option<Vec<JsResponse>>,
    pub errors: Option<Vec<JsResponse>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct JsParam {
    pub line: usize,
    pub name: String,
    pub type_text: String,
    pub required: bool,
    pub description: String,
    pub default: Option<String>,
    pub example: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct JsResponse {
    pub line: usize,
    pub status: u16,
    pub type_title: String,
    pub description: String,
}

/// Parses the JS page. Each action starts at its `var params` line; the line before it is the
/// description.
pub fn parse(text: &str) -> Result<JsPage, SpecError> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("var params"))
        .collect();
    let mut actions = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        // The next action's description line ends this action's region.
        let end = starts.get(n + 1).map_or(lines.len(), |&next| next - 1);
        actions.push(parse_action(&lines, start, end)?);
    }
    Ok(JsPage { actions })
}

fn parse_action(lines: &[&str], start: usize, end: usize) -> Result<JsAction, SpecError> {
    let description = start
        .checked_sub(1)
        .map(|i| lines[i].to_string())
        .filter(|d| !d.is_empty())
        .ok_or_else(|| {
            SpecError::malformed(FILE, start + 1, "a description line before `var params`")
        })?;

    let mut at = start;
    let mut example_params = Vec::new();
    if !lines[at].ends_with("{};") && !lines[at].contains("{}; //") {
        at += 1;
        while at < end && !lines[at].starts_with("};") {
            let name = lines[at].split(':').next().unwrap_or_default().trim();
            example_params.push(name.to_string());
            at += 1;
        }
    }
    let call = (at..end)
        .find_map(|i| callback_call_name(lines[i]).map(|name| (i, name)))
        .ok_or_else(|| SpecError::malformed(FILE, start + 1, "a `client.<resource>.<action>(params, function (err, result) {` call after `var params`"))?;
    let (line, camel_name) = (call.0 + 1, call.1);

    let auth = (at..end)
        .find(|&i| {
            lines[i].starts_with("The client must be configured") || lines[i].starts_with(NO_TOKEN)
        })
        .ok_or_else(|| {
            SpecError::malformed(
                FILE,
                line,
                format!("the authentication sentence of `{camel_name}`"),
            )
        })?;
    // The sentence is wrapped over lines; it ends at the line that closes the scope list.
    let close = (auth..end)
        .find(|&i| {
            let sentence = lines[auth..=i].join(" ");
            lines[i].ends_with('.') && (sentence.contains("scopes:") || sentence.contains(NO_TOKEN))
        })
        .ok_or_else(|| {
            SpecError::malformed(FILE, auth + 1, "a sentence listing the required scopes")
        })?;
    let scopes = parse_scopes(&lines[auth..=close].join(" ")).ok_or_else(|| {
        SpecError::malformed(FILE, auth + 1, "a sentence listing the required scopes")
    })?;

    let mut action = JsAction {
        camel_name,
        line,
        description,
        example_params,
        scopes,
        scopes_line: auth + 1,
        params: None,
        success: None,
        errors: None,
    };
    for table in tables(lines, close + 1, end)? {
        if table.header == PARAM_HEADER {
            action.params = Some(
                table
                    .rows
                    .iter()
                    .map(|(l, cells)| param(*l, cells))
                    .collect::<Result<_, _>>()?,
            );
        } else {
            for (row_line, cells) in &table.rows {
                let status = status_code(&cells[0]).ok_or_else(|| {
                    SpecError::malformed(
                        FILE,
                        *row_line,
                        format!("an HTTP status code, found `{}`", cells[0]),
                    )
                })?;
                let response = JsResponse {
                    line: *row_line,
                    status,
                    type_title: cells[1].clone(),
                    description: cells[2].clone(),
                };
                // The page does not say which table is which; the status does.
                let list = if status < 300 {
                    &mut action.success
                } else {
                    &mut action.errors
                };
                list.get_or_insert_with(Vec::new).push(response);
            }
        }
    }
    Ok(action)
}

/// `client.me.addRecentItem(params, function (err, result) {` → `addRecentItem`.
fn callback_call_name(line: &str) -> Option<String> {
    let call = line.strip_prefix("client.")?;
    let (path, rest) = call.split_once('(')?;
    rest.starts_with("params, function")
        .then(|| path.rsplit('.').next().unwrap_or(path).to_string())
}

struct Table {
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

/// The flattened tables between `from` and `end`: every line is one cell ending in `|`; a
/// header is recognised by its first cell (`Name` or `Code`) and fixes the row width.
fn tables(lines: &[&str], from: usize, end: usize) -> Result<Vec<Table>, SpecError> {
    let mut out: Vec<Table> = Vec::new();
    let mut at = from;
    while at < end {
        let header: &[&str] = match cell(lines[at]) {
            Some("Name") => &PARAM_HEADER,
            Some("Code") => &RESPONSE_HEADER,
            _ => {
                return Err(SpecError::malformed(
                    FILE,
                    at + 1,
                    format!(
                        "a table header cell (`Name |` or `Code |`), found `{}`",
                        lines[at]
                    ),
                ))
            }
        };
        for (i, expected) in header.iter().enumerate() {
            if lines.get(at + i).and_then(|l| cell(l)) != Some(*expected) || at + i >= end {
                return Err(SpecError::malformed(
                    FILE,
                    at + i + 1,
                    format!("the header cell `{expected} |`"),
                ));
            }
        }
        at += header.len();
        let mut table = Table {
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
        };
        let width = header.len();
        let first = at;
        while at < end && !is_header_start(lines, at) {
            if cell(lines[at]).is_none() {
                return Err(SpecError::malformed(
                    FILE,
                    at + 1,
                    format!("a table cell ending in `|`, found `{}`", lines[at]),
                ));
            }
            at += 1;
        }
        // Cells carry no row markers: a lost cell shows only as a count that is not a whole
        // number of rows.
        if (at - first) % width != 0 {
            return Err(SpecError::malformed(
                FILE,
                first + 1,
                format!(
                    "table rows of {width} cells ({}), found {} cells: a row is missing a cell",
                    header.join(" | "),
                    at - first
                ),
            ));
        }
        for row_start in (first..at).step_by(width) {
            let row = (row_start..row_start + width)
                .map(|i| cell(lines[i]).unwrap_or_default().to_string())
                .collect();
            table.rows.push((row_start + 1, row));
        }
        out.push(table);
    }
    Ok(out)
}

/// A table header starts here: `Name |` or `Code |` followed by `Type |`.
fn is_header_start(lines: &[&str], at: usize) -> bool {
    matches!(cell(lines[at]), Some("Name") | Some("Code"))
        && lines.get(at + 1).and_then(|l| cell(l)) == Some("Type")
}

/// `Recent Item |` → `Recent Item`; a lone `|` is an empty cell; other lines are not cells.
fn cell(line: &str) -> Option<&str> {
    line.strip_suffix('|').map(str::trim)
}

fn param(line: usize, cells: &[String]) -> Result<JsParam, SpecError> {
    let required = required_cell(FILE, &cells[2], line + 2)?;
    let optional = |s: &String| (!s.is_empty()).then(|| s.clone());
    Ok(JsParam {
        line,
        name: cells[0].clone(),
        type_text: cells[1].clone(),
        required,
        description: cells[3].clone(),
        default: optional(&cells[4]),
        example: optional(&cells[5]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Details on the various actions.
Retrieves information for an invitation
var params = {
inviteId: myInviteId
};
// with callbacks
client.me.invite(params, function (err, result) {
if (err) { return console.error(err); }
});
The client must be configured with a valid api access token to call this
action. The token must include at least one of the following scopes:
all.User, all.User.read, me.*, or me.invite.
Name |
Type |
Required |
Description |
Default |
Example |
inviteId |
string |
Y |
ID associated with the invitation |
|
575ec8687ae143cd83dc4a97 |
Code |
Type |
Description |
404 |
Error |
Error if invite not found |
Enables multi-factor authentication
var params = {}; // all params are optional
client.me.enableTwoFactorAuth(params, function (err, result) {
The client must be configured with a valid api access token to call this
action. The token must include at least one of the following scopes:
all.User, me.*, or me.enableTwoFactorAuth.
Code |
Type |
Description |
200 |
Me |
Updated user information |
";

    #[test]
    fn parses_actions() {
        let page = parse(PAGE).unwrap();
        assert_eq!(page.actions.len(), 2);
        let invite = &page.actions[0];
        assert_eq!((invite.camel_name.as_str(), invite.line), ("invite", 7));
        assert_eq!(
            invite.description,
            "Retrieves information for an invitation"
        );
        assert_eq!(invite.example_params, ["inviteId"]);
        assert_eq!(
            invite.scopes,
            ["all.User", "all.User.read", "me.*", "me.invite"]
        );
        let params = invite.params.as_ref().unwrap();
        assert_eq!(
            (
                params[0].name.as_str(),
                params[0].required,
                params[0].default.as_deref()
            ),
            ("inviteId", true, None)
        );
        assert_eq!(invite.success, None);
        assert_eq!(invite.errors.as_ref().unwrap()[0].status, 404);

        let enable = &page.actions[1];
        assert_eq!(enable.camel_name, "enableTwoFactorAuth");
        assert!(enable.example_params.is_empty());
        assert_eq!(enable.params, None);
        assert_eq!(enable.success.as_ref().unwrap()[0].type_title, "Me");
        assert_eq!(enable.errors, None);
    }

    #[test]
    fn row_missing_a_cell() {
        let page = PAGE.replacen(
            "|\n575ec8687ae143cd83dc4a97 |\n",
            "575ec8687ae143cd83dc4a97 |\n",
            1,
        );
        let err = parse(&page).unwrap_err().to_string();
        assert_eq!(err, "me/js-client-me.txt:19: expected table rows of 6 cells (Name | Type | Required | Description | Default | Example), found 5 cells: a row is missing a cell");
    }
}
