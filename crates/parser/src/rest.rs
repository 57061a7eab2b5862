//! The REST API page (`rest-api-me.txt`): plain text where section titles are bare lines and
//! tables are pipe rows. It alone gives each action's HTTP method and URL, which parameters go in
//! the path or the query, and the request body's schema and example.

use wegnology_model::Method;

use crate::error::SpecError;
use crate::reference::status_code;
use crate::text::{parse_scopes, required_cell, split_pipe_row};

pub(crate) const FILE: &str = "me/rest-api-me.txt";

const METHOD_AND_URL: &str = "Method And Url";
const AUTHENTICATION: &str = "Authentication";
const PATH_COMPONENTS: &str = "Request Path Components";
const QUERY_PARAMETERS: &str = "Request Query Parameters";
const HEADERS: &str = "Request Headers";
const BODY: &str = "Request Body";
const CURL: &str = "Curl Example";
const SUCCESS: &str = "Successful Responses";
const ERRORS: &str = "Error Responses";
const SECTIONS: [&str; 9] = [
    METHOD_AND_URL,
    AUTHENTICATION,
    PATH_COMPONENTS,
    QUERY_PARAMETERS,
    HEADERS,
    BODY,
    CURL,
    SUCCESS,
    ERRORS,
];

/// The parsed REST page.
#[derive(Debug, Clone, PartialEq)]
pub struct RestPage {
    /// `Me` from the first line, `Me Actions`.
    pub resource: String,
    /// Origin of every URL on the page, e.g. `https://api.app.wnology.io`.
    pub origin: String,
    pub actions: Vec<RestAction>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RestAction {
    pub title: String,
    pub line: usize,
    pub description: String,
    pub method: Method,
    /// Path as written, e.g. `/me/invites/INVITE_ID`.
    pub path: String,
    pub method_line: usize,
    pub scopes: Vec<String>,
    pub scopes_line: usize,
    pub path_components: Vec<RestPathComponent>,
    pub query: Vec<RestQueryParam>,
    pub headers: Vec<String>,
    pub body: Option<RestBody>,
    pub success: Vec<RestResponse>,
    pub errors: Vec<RestResponse>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RestPathComponent {
    pub line: usize,
    /// As written in the URL, e.g. `INVITE_ID`.
    pub placeholder: String,
    pub description: String,
    pub example: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RestQueryParam {
    pub line: usize,
    pub name: String,
    pub required: bool,
    pub description: String,
    pub default: Option<String>,
    pub example: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RestBody {
    pub line: usize,
    /// The schema the body "validates against", by title, e.g. `Recent Item`.
    pub schema_title: String,
    pub example: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RestResponse {
    pub line: usize,
    pub status: u16,
    /// Schema title, e.g. `Recent Item List`.
    pub type_title: String,
    pub description: String,
}

/// Parses the REST page.
pub fn parse(text: &str) -> Result<RestPage, SpecError> {
    let mut cursor = Cursor {
        lines: text.lines().collect(),
        at: 0,
    };
    let title = cursor.next_line().unwrap_or_default();
    let resource = title
        .strip_suffix(" Actions")
        .ok_or_else(|| {
            SpecError::malformed(
                FILE,
                1,
                format!("a `<Resource> Actions` title, found `{title}`"),
            )
        })?
        .to_string();
    let resource_url = cursor.next_line().unwrap_or_default();
    let origin = origin(resource_url).ok_or_else(|| {
        SpecError::malformed(FILE, 2, format!("the resource URL, found `{resource_url}`"))
    })?;

    let mut actions = Vec::new();
    loop {
        // Free lines up to the next section title: the action's title and description (and,
        // before the first action, the page's introduction; after the last, its footer).
        let start = cursor.at;
        while cursor.peek().is_some_and(|line| !is_section(line)) {
            cursor.at += 1;
        }
        let free = &cursor.lines[start..cursor.at];
        let Some(section) = cursor.peek() else { break };
        if section != METHOD_AND_URL {
            let title = free.first().map_or(String::new(), |t| {
                format!(" after `{t}` (line {})", start + 1)
            });
            return Err(SpecError::malformed(
                FILE,
                cursor.at + 1,
                format!("`{METHOD_AND_URL}`{title}, found `{section}`"),
            ));
        }
        let intro_lines = if actions.is_empty() {
            free.len().saturating_sub(2)
        } else {
            0
        };
        if free.len() - intro_lines != 2 {
            return Err(SpecError::malformed(
                FILE,
                cursor.at + 1,
                format!("an action title and a one-line description before `{METHOD_AND_URL}`"),
            ));
        }
        let title_line = start + intro_lines + 1;
        let (title, description) = (
            free[intro_lines].trim().to_string(),
            free[intro_lines + 1].trim().to_string(),
        );
        actions.push(parse_action(
            &mut cursor,
            &origin,
            title,
            title_line,
            description,
        )?);
    }
    Ok(RestPage {
        resource,
        origin,
        actions,
    })
}

struct Cursor<'a> {
    lines: Vec<&'a str>,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<&'a str> {
        self.lines.get(self.at).map(|l| l.trim())
    }

    fn next_line(&mut self) -> Option<&'a str> {
        let line = self.peek();
        self.at += 1;
        line
    }

    /// 1-based number of the line `peek` returns.
    fn line(&self) -> usize {
        self.at + 1
    }

    /// A pipe table at the cursor: header, separator and rows with at least `min_cells` cells.
    fn table(
        &mut self,
        what: &str,
        min_cells: usize,
    ) -> Result<Vec<(usize, Vec<String>)>, SpecError> {
        let header_line = self.line();
        let header = self
            .next_line()
            .filter(|l| l.contains('|'))
            .ok_or_else(|| {
                SpecError::malformed(FILE, header_line, format!("the header of the {what} table"))
            })?;
        let header = split_pipe_row(header);
        let separator_line = self.line();
        let separator = self.next_line().unwrap_or_default();
        if separator.is_empty() || !separator.chars().all(|c| c == '-' || c == '|' || c == ' ') {
            return Err(SpecError::malformed(
                FILE,
                separator_line,
                format!("a `---|---|` separator under the {what} table header"),
            ));
        }
        let mut rows = Vec::new();
        while let Some(line) = self.peek().filter(|l| l.contains('|') && !is_section(l)) {
            let cells = split_pipe_row(line);
            if cells.len() < min_cells || cells.len() > header.len() {
                return Err(SpecError::malformed(
                    FILE,
                    self.line(),
                    format!(
                        "a {what} row of {min_cells} to {} cells ({}), found {}",
                        header.len(),
                        header.join(" | "),
                        cells.len()
                    ),
                ));
            }
            rows.push((self.line(), cells));
            self.at += 1;
        }
        Ok(rows)
    }
}

fn is_section(line: &str) -> bool {
    SECTIONS.contains(&line.trim())
}

/// `https://api.app.wnology.io/me` → `https://api.app.wnology.io`.
fn origin(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    parsed
        .has_host()
        .then(|| parsed.origin().ascii_serialization())
}

fn parse_action(
    cursor: &mut Cursor,
    origin: &str,
    title: String,
    line: usize,
    description: String,
) -> Result<RestAction, SpecError> {
    let mut method = None;
    let mut scopes = None;
    let mut path_components = Vec::new();
    let mut query = Vec::new();
    let mut headers = Vec::new();
    let mut body = None;
    let mut success = None;

    loop {
        let section_line = cursor.line();
        let Some(section) = cursor.next_line() else {
            return Err(SpecError::malformed(FILE, cursor.lines.len(), format!("an `{ERRORS}` section in action `{title}` (line {line}) before the end of the file")));
        };
        match section {
            METHOD_AND_URL if method.is_none() => {
                let at = cursor.line();
                let text = cursor.next_line().unwrap_or_default();
                method = Some((method_and_path(text, origin, at)?, at));
            }
            AUTHENTICATION => {
                let at = cursor.line();
                let sentence = cursor.next_line().unwrap_or_default();
                let list = parse_scopes(sentence).ok_or_else(|| SpecError::malformed(FILE, at, "a sentence listing the required scopes (`… the following scopes: a, b, or c.`)"))?;
                scopes = Some((list, at));
            }
            PATH_COMPONENTS => {
                for (row_line, cells) in cursor.table("path component", 2)? {
                    path_components.push(RestPathComponent {
                        line: row_line,
                        placeholder: cells[0].clone(),
                        description: cells[1].clone(),
                        example: cells.get(2).filter(|e| !e.is_empty()).cloned(),
                    });
                }
            }
            QUERY_PARAMETERS => {
                for (row_line, cells) in cursor.table("query parameter", 3)? {
                    query.push(query_param(row_line, &cells)?);
                }
            }
            HEADERS => {
                headers = cursor
                    .table("request header", 3)?
                    .into_iter()
                    .map(|(_, cells)| cells[0].clone())
                    .collect();
            }
            BODY => body = Some(request_body(cursor)?),
            CURL => {
                while cursor.peek().is_some_and(|l| !is_section(l)) {
                    cursor.at += 1;
                }
            }
            SUCCESS => success = Some(responses(cursor.table("response", 3)?)?),
            ERRORS => {
                let errors = responses(cursor.table("response", 3)?)?;
                let ((method, path), method_line) = method.ok_or_else(|| {
                    SpecError::malformed(
                        FILE,
                        line,
                        format!("a `{METHOD_AND_URL}` section in action `{title}`"),
                    )
                })?;
                let (scopes, scopes_line) = scopes.ok_or_else(|| {
                    SpecError::malformed(
                        FILE,
                        line,
                        format!("an `{AUTHENTICATION}` section in action `{title}`"),
                    )
                })?;
                let success = success.ok_or_else(|| {
                    SpecError::malformed(
                        FILE,
                        section_line,
                        format!("a `{SUCCESS}` section before `{ERRORS}` in action `{title}`"),
                    )
                })?;
                return Ok(RestAction {
                    title,
                    line,
                    description,
                    method,
                    path,
                    method_line,
                    scopes,
                    scopes_line,
                    path_components,
                    query,
                    headers,
                    body,
                    success,
                    errors,
                });
            }
            other => {
                return Err(SpecError::malformed(
                    FILE,
                    section_line,
                    format!(
                        "a section title ({}) in action `{title}`, found `{other}`",
                        SECTIONS[1..].join(", ")
                    ),
                ));
            }
        }
    }
}

/// `POST https://api.app.wnology.io/me/recentItems` → (POST, `/me/recentItems`).
fn method_and_path(text: &str, origin: &str, line: usize) -> Result<(Method, String), SpecError> {
    let expected = || {
        SpecError::malformed(
            FILE,
            line,
            format!("`<METHOD> {origin}/<path>` under `{METHOD_AND_URL}`, found `{text}`"),
        )
    };
    let (method, url) = text.split_once(' ').ok_or_else(expected)?;
    let method = Method::parse(method).ok_or_else(expected)?;
    let path = url
        .trim()
        .strip_prefix(origin)
        .filter(|p| p.starts_with('/'))
        .ok_or_else(expected)?;
    Ok((method, path.to_string()))
}

/// A query-parameter row. The page writes examples as query fragments (`start=0`) and defaults as
/// bare values, and where a parameter has no default the example sits in the Default column: the
/// form of a value, not its column, says which it is.
fn query_param(line: usize, cells: &[String]) -> Result<RestQueryParam, SpecError> {
    let name = cells[0].clone();
    let required = required_cell(FILE, &cells[1], line)?;
    let (mut default, mut example) = (None, None);
    for value in cells[3..].iter().filter(|v| !v.is_empty()) {
        match value.strip_prefix(&format!("{name}=")) {
            Some(fragment) => example = Some(fragment.to_string()),
            None => default = Some(value.clone()),
        }
    }
    Ok(RestQueryParam {
        line,
        name,
        required,
        description: cells[2].clone(),
        default,
        example,
    })
}

/// The Request Body section: a sentence naming the schema, then the JSON example.
fn request_body(cursor: &mut Cursor) -> Result<RestBody, SpecError> {
    let line = cursor.line();
    let sentence = cursor.next_line().unwrap_or_default();
    let schema_title = sentence
        .split_once("validates against the ")
        .and_then(|(_, rest)| rest.split_once(" schema"))
        .map(|(title, _)| title.to_string())
        .ok_or_else(|| {
            SpecError::malformed(
                FILE,
                line,
                "a sentence naming the schema the body `validates against`",
            )
        })?;
    let json_start = cursor.at;
    while cursor.peek().is_some_and(|l| !is_section(l)) {
        cursor.at += 1;
    }
    let json = cursor.lines[json_start..cursor.at].join("\n");
    let example = serde_json::from_str(&json).map_err(|e| {
        SpecError::malformed(
            FILE,
            json_start + e.line().max(1),
            format!("a JSON body example ({e})"),
        )
    })?;
    Ok(RestBody {
        line,
        schema_title,
        example,
    })
}

fn responses(rows: Vec<(usize, Vec<String>)>) -> Result<Vec<RestResponse>, SpecError> {
    rows.into_iter()
        .map(|(line, cells)| {
            let status = status_code(&cells[0]).ok_or_else(|| {
                SpecError::malformed(
                    FILE,
                    line,
                    format!("an HTTP status code in the Code cell, found `{}`", cells[0]),
                )
            })?;
            Ok(RestResponse {
                line,
                status,
                type_title: cells[1].clone(),
                description: cells[2].clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Me Actions
https://api.app.wnology.io/me
Below are the various requests.
Payload Counts
Returns payload counts
Method And Url
GET https://api.app.wnology.io/me/payloadCounts
Authentication
A valid api access token is required to access this endpoint. The token must include at least one of the following scopes: all.User, all.User.read, me.*, or me.payloadCounts.
Request Query Parameters
Name | Required | Description | Default | Example |
---|---|---|---|---|
start | N | Start of range | start=0 | |
asBytes | N | As bytes | false | asBytes=true |
end | N | End of range | end=1465790400000 |
Request Headers
Name | Required | Description | Default |
---|---|---|---|
Authorization | Y | The token for authenticating the request, prepended with Bearer |
Curl Example
curl -X GET \\
https://api.app.wnology.io/me/payloadCounts
Successful Responses
Code | Type | Description |
---|---|---|
200 | Payload Stats | Payload counts |
Error Responses
Code | Type | Description |
---|---|---|
400 | Error | Error if malformed request |
Respond to Invite
Accepts or rejects an invitation
Method And Url
POST https://api.app.wnology.io/me/invites/INVITE_ID
Authentication
The token must include at least one of the following scopes: all.User, me.*, or me.respondToInvite.
Request Path Components
Path Component | Description | Example |
---|---|---|
INVITE_ID | ID associated with the invitation | 575ec8687ae143cd83dc4a97 |
Request Body
The body of the request should be serialized JSON that validates against the Organization Invitation Action For User schema. For example:
{
\"action\": \"accept\"
}
Successful Responses
Code | Type | Description |
---|---|---|
200 | Organization Invitation Result For User | Result |
Error Responses
Code | Type | Description |
---|
Was this page helpful?
";

    #[test]
    fn parses_actions() {
        let page = parse(PAGE).unwrap();
        assert_eq!(page.resource, "Me");
        assert_eq!(page.origin, "https://api.app.wnology.io");
        assert_eq!(page.actions.len(), 2);
        let counts = &page.actions[0];
        assert_eq!(
            (counts.title.as_str(), counts.line, counts.method),
            ("Payload Counts", 4, Method::Get)
        );
        assert_eq!(counts.path, "/me/payloadCounts");
        assert_eq!(
            counts.scopes,
            ["all.User", "all.User.read", "me.*", "me.payloadCounts"]
        );
        assert_eq!(counts.headers, ["Authorization"]);
        let q: Vec<_> = counts
            .query
            .iter()
            .map(|q| (q.name.as_str(), q.default.as_deref(), q.example.as_deref()))
            .collect();
        assert_eq!(
            q,
            [
                ("start", None, Some("0")),
                ("asBytes", Some("false"), Some("true")),
                ("end", None, Some("1465790400000"))
            ]
        );
        assert_eq!(counts.success[0].type_title, "Payload Stats");
        assert_eq!(counts.errors[0].status, 400);

        let respond = &page.actions[1];
        assert_eq!(respond.path, "/me/invites/INVITE_ID");
        assert_eq!(respond.path_components[0].placeholder, "INVITE_ID");
        let body = respond.body.as_ref().unwrap();
        assert_eq!(body.schema_title, "Organization Invitation Action For User");
        assert_eq!(body.example, serde_json::json!({"action": "accept"}));
        assert!(respond.errors.is_empty());
    }

    #[test]
    fn action_without_method_is_an_error() {
        let page = PAGE.replace(
            "Method And Url\nPOST https://api.app.wnology.io/me/invites/INVITE_ID\n",
            "",
        );
        let err = parse(&page).unwrap_err().to_string();
        assert_eq!(err, "me/rest-api-me.txt:33: expected `Method And Url` after `Respond to Invite` (line 31), found `Authentication`");
    }

    #[test]
    fn bad_method_line() {
        let page = PAGE.replace(
            "GET https://api.app.wnology.io/me/payloadCounts",
            "FETCH /me/payloadCounts",
        );
        let err = parse(&page).unwrap_err().to_string();
        assert!(
            err.starts_with(
                "me/rest-api-me.txt:7: expected `<METHOD> https://api.app.wnology.io/<path>`"
            ),
            "{err}"
        );
    }

    #[test]
    fn row_missing_cells() {
        let page = PAGE.replace(
            "asBytes | N | As bytes | false | asBytes=true |",
            "asBytes | N |",
        );
        let err = parse(&page).unwrap_err().to_string();
        assert!(
            err.starts_with(
                "me/rest-api-me.txt:14: expected a query parameter row of 3 to 5 cells"
            ),
            "{err}"
        );
    }

    #[test]
    fn invalid_body_json() {
        let page = PAGE.replace("\"action\": \"accept\"", "\"action\": accept");
        let err = parse(&page).unwrap_err().to_string();
        assert!(
            err.starts_with("me/rest-api-me.txt:44: expected a JSON body example"),
            "{err}"
        );
    }

    #[test]
    fn truncated_page() {
        let cut = &PAGE[..PAGE.find("Successful Responses\nCode | Type | Description |\n---|---|---|\n200 | Organization").unwrap()];
        let err = parse(cut).unwrap_err().to_string();
        assert!(err.contains("an `Error Responses` section in action `Respond to Invite` (line 31) before the end of the file"), "{err}");
        assert!(err.starts_with("me/rest-api-me.txt:45:"), "{err}");
    }
}
