//! The endpoint model: what the WEGnology API documents say, as plain data.
//!
//! This is the one contract between the document parser (`wegnology-parser`), the code generator
//! (`wegnology-codegen`) and the fake server (`wegnology-fake`). It is serialized to
//! `spec/generated/model.json` by `cargo xtask regen`, so a change to the documents shows up first as a
//! readable diff of this model.
//!
//! [`diff`] compares two models for a maintainer reviewing a republish; [`one_of`] is the rule
//! both the parser (its diagnostic) and the generator (its enum) use for `oneOf` schemas.
//!
//! [`is_secret_property`] is the rule by which the generator makes a property a `Secret` and the
//! fake redacts it in its journal, one rule so the two cannot drift apart. [`ApiModel::definition`]
//! is what a `#/definitions/<name>` reference points to, for the generator, the fake and the
//! OpenAPI export alike.
//!
//! Must not depend on: anything but serde (and heck, for the words of a name). No parsing, no
//! code generation, no HTTP.

mod definitions;
pub mod diff;
pub mod one_of;
mod reach;
mod secrets;

pub use definitions::{definition_key, definition_name, Definition};
pub use secrets::is_secret_property;

use serde::{Deserialize, Serialize};

/// The whole API as its documents describe it: every resource, its actions, the schemas they
/// use, and every place where the documents disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiModel {
    /// The newest API release among the documents, e.g. `1.26.2`. Each action keeps the
    /// release of the documents it came from ([`Action::api_version`]).
    pub api_version: String,
    /// Origin every action path is appended to, e.g. `https://api.app.wnology.io`.
    pub base_url: String,
    /// Query parameters every action sends unless a call overrides them, as the official
    /// clients' request tables give them (`_actions=false`, `_links=true`, `_embedded=true`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub query_defaults: Vec<QueryDefault>,
    /// Every resource, in the order of its reference page's file name.
    pub resources: Vec<Resource>,
    /// Every action, grouped by resource in the order of [`ApiModel::resources`], each
    /// resource's actions in the order of its action reference.
    pub actions: Vec<Action>,
    /// Every named schema: the newer release's schemas first, in the order of its schemas page,
    /// then those only the older release has.
    pub schemas: Vec<Schema>,
    /// Every disagreement or gap between the documents, and how the model resolved it.
    pub diagnostics: Vec<Diagnostic>,
}

/// A query parameter every action sends unless a call overrides it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryDefault {
    pub name: String,
    /// As the official clients write it on the wire: `false`.
    pub value: String,
}

/// One resource of the API: `Device`, `Devices`, `Me`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resource {
    /// Name from the reference page's title (`# Device Actions` → `Device`).
    pub name: String,
    /// The official clients' name of the resource: `client.applicationApiToken` in JavaScript.
    /// Actions refer to their resource by it ([`Action::resource`]).
    pub camel_name: String,
    /// `application_api_token`: the Python client's name, and the generated module's.
    pub snake_name: String,
    /// The longest path template every action of the resource starts with, e.g.
    /// `/applications/{applicationId}/devices/{deviceId}`.
    pub path: String,
    /// The API release of the documents the resource's actions come from.
    pub api_version: String,
    /// The resource's reference page.
    pub source: SourceRef,
}

/// One API action: an HTTP request with its parameters and documented responses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// The resource it belongs to, by [`Resource::camel_name`]: an action is identified by
    /// (resource, action), `device.get` and `devices.get` being two actions.
    pub resource: String,
    /// The API release of the documents it came from, sent as `Accept-Version: ^<release>`.
    pub api_version: String,
    /// Title as documented, e.g. `Respond to Invite`.
    pub title: String,
    /// Python client name, e.g. `respond_to_invite`.
    pub snake_name: String,
    /// JavaScript client name and scope suffix, e.g. `respondToInvite`.
    pub camel_name: String,
    /// One-line description, e.g. `Accepts or rejects an invitation to an organization`.
    pub description: String,
    pub method: Method,
    /// Path template relative to [`ApiModel::base_url`], e.g. `/me/invites/{inviteId}`.
    /// Every `{name}` is a [`Param`] with [`Location::Path`].
    pub path: String,
    /// A token must carry at least one of these scopes (none when no token is required).
    pub scopes: Vec<String>,
    /// Whether the action needs an API access token. An action whose documents say "No api
    /// access token is required" needs none (authentication actions); the client still sends a
    /// token it holds, as the official clients do. Absent in `model.json` when true.
    #[serde(default = "needs_token", skip_serializing_if = "is_true")]
    pub token_required: bool,
    /// Parameters in documentation order.
    pub params: Vec<Param>,
    /// The request body example of the REST page, when the action has a body.
    pub body_example: Option<serde_json::Value>,
    /// The documented success responses, in documented order: one, or several of different
    /// statuses (`200` Bulk Deletion Response and `202` Job Enqueued API Result).
    pub successes: Vec<Response>,
    /// Documented error responses (may be empty: `Get` documents none).
    pub errors: Vec<Response>,
    /// Where each document describes this action.
    pub sources: Vec<SourceRef>,
}

fn needs_token() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

impl Action {
    /// `device.get`: the identity of the action across the whole API.
    pub fn id(&self) -> String {
        format!("{}.{}", self.resource, self.camel_name)
    }

    /// The first documented success response: the answer of most actions.
    pub fn success(&self) -> &Response {
        &self.successes[0]
    }

    /// The one parameter sent as the JSON request body, if any.
    pub fn body(&self) -> Option<&Param> {
        self.params.iter().find(|p| p.location == Location::Body)
    }

    /// Parameters at one location, in documentation order.
    pub fn params_in(&self, location: Location) -> impl Iterator<Item = &Param> {
        self.params.iter().filter(move |p| p.location == location)
    }
}

/// HTTP method of an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    pub fn parse(text: &str) -> Option<Method> {
        Some(match text {
            "GET" => Method::Get,
            "POST" => Method::Post,
            "PUT" => Method::Put,
            "PATCH" => Method::Patch,
            "DELETE" => Method::Delete,
            _ => return None,
        })
    }
}

/// Where a parameter travels in the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Location {
    /// Substituted into the path template.
    Path,
    /// A query-string pair; the value is a string on the wire (a list or an object flattened
    /// into indexed pairs, `name[0]=a`, `name[0][key]=v`).
    Query,
    /// A query-string pair whose value is the parameter's JSON text
    /// (`query={"$or":[…]}`).
    QueryJson,
    /// A request header of the parameter's name (`losantdomain`).
    Header,
    /// The JSON request body.
    Body,
    /// One part of a `multipart/form-data` body (a file, or a field sent as text or JSON text).
    Multipart,
}

/// One parameter of an action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Param {
    /// Name on the wire (query key, header name, path placeholder), e.g. `itemType`.
    pub name: String,
    pub location: Location,
    /// The type the model settled on (see [`ParamType`]).
    #[serde(rename = "type")]
    pub ty: ParamType,
    /// The type cell exactly as the action reference writes it (`string`, `undefined`,
    /// `Recent Item`), kept so the resolution in `ty` can be audited.
    pub documented_type: String,
    pub required: bool,
    pub description: String,
    /// Documented default, as text (`86400000`, `false`).
    pub default: Option<String>,
    pub example: Option<ParamExample>,
}

/// The type of a parameter value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ParamType {
    String,
    /// `true`/`false` on the wire.
    Boolean,
    /// A decimal integer on the wire.
    Integer,
    /// One of a fixed list of string values ("Accepted values are: …"), in documented order.
    Enum {
        values: Vec<String>,
    },
    /// A JSON value of the named schema; `schema` is its anchor in `_schemas.md`. In the query
    /// it is flattened into indexed pairs (`tagFilter[0][key]=Floor`), as both official clients
    /// send it; only a `QueryJson` parameter travels as JSON text.
    Schema {
        schema: String,
    },
    /// A list of values of `items` (`array` in the action reference). In the query it is
    /// flattened to `name[0]=…&name[1]=…`, as the official clients send it.
    Array {
        items: Box<ParamType>,
    },
    /// A file's bytes, sent as a multipart part with a file name.
    File,
}

/// A documented example value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum ParamExample {
    /// A literal value, as text: `575ec8687ae143cd83dc4a97`, `true`.
    Literal(String),
    /// A link to a schema's example; the value is the schema's anchor.
    SchemaExample(String),
}

/// A documented response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub status: u16,
    /// Anchor of the body's schema in `_schemas.md`, e.g. `recent-item-list`; none when the
    /// documents give the type `undefined` (a `204` without a body).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub description: String,
}

/// A named schema of `_schemas.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Schema {
    /// Title, e.g. `Recent Item List`. Nested copies of this schema inside other schemas carry
    /// the same `title` keyword.
    pub title: String,
    /// Anchor, e.g. `recent-item-list`; links are `_schemas.md#<anchor>`.
    pub anchor: String,
    pub description: Option<String>,
    /// The JSON Schema (draft-07), in document key order.
    pub json_schema: serde_json::Value,
    /// The documented example, where upstream has one.
    pub example: Option<serde_json::Value>,
    pub source: SourceRef,
}

/// A place in one of the documents.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SourceRef {
    /// File name relative to `spec/published`, e.g. `me/me.md`.
    pub file: String,
    /// 1-based line.
    pub line: usize,
}

/// A disagreement or gap between the documents, and what the model did about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    /// Where the differing (or missing) value is documented.
    pub source: SourceRef,
    /// The resource concerned, by [`Resource::camel_name`], if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// The action concerned, by title, if any.
    pub action: Option<String>,
    /// The schema concerned, by anchor, when the finding is about a schema rather than an
    /// action (two releases' `Device` schemas differ; a repaired schema).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// What differs.
    pub message: String,
    /// The value the model keeps.
    pub kept: String,
    /// Why it keeps that one.
    pub reason: String,
}

impl Diagnostic {
    /// The diagnostic's identity across republished documents: its kind, resource, action,
    /// schema and message, with the numbers of line references masked (a republish moves
    /// lines; `line 15` and `me.md:15` become `line #`, `me.md:#`). `regen`'s `new` marks,
    /// `xtask diff` and the snapshots all use this one identity.
    pub fn key(&self) -> String {
        format!(
            "{}|{}|{}|{}|{}",
            self.kind.as_str(),
            self.resource.as_deref().unwrap_or(""),
            self.action.as_deref().unwrap_or(""),
            self.schema.as_deref().unwrap_or(""),
            mask_line_numbers(&self.message)
        )
    }

    /// The one-line form `regen` prints and the snapshots keep:
    /// `gap me/me.md:51 [me: Add Recent Item] …; kept …: <reason>`.
    pub fn line(&self) -> String {
        let subject = match (&self.resource, &self.action, &self.schema) {
            (Some(resource), Some(action), _) => format!(" [{resource}: {action}]"),
            (Some(resource), None, _) => format!(" [{resource}]"),
            (None, Some(action), _) => format!(" [{action}]"),
            (None, None, Some(schema)) => format!(" [schema {schema}]"),
            (None, None, None) => String::new(),
        };
        format!(
            "{} {}:{}{subject} {}; kept {}: {}",
            self.kind.as_str(),
            self.source.file,
            self.source.line,
            self.message,
            self.kept,
            self.reason
        )
    }
}

/// `(line 15)` → `(line #)`, `me.md:15` → `me.md:#`: the numbers that move when a document
/// is edited elsewhere. Other numbers (a status `404`, a count) are part of the finding.
fn mask_line_numbers(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut chars = message.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        out.push(c);
        let before = &message[..=at];
        let introduces_line = before.ends_with("line ")
            || before.ends_with("lines ")
            || (c == ':' && before[..at].ends_with(|p: char| p.is_ascii_alphanumeric()));
        if introduces_line && chars.peek().is_some_and(|(_, d)| d.is_ascii_digit()) {
            while chars.peek().is_some_and(|(_, d)| d.is_ascii_digit()) {
                chars.next();
            }
            out.push('#');
        }
    }
    out
}

/// What sort of finding a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticKind {
    /// Two documents state different values for the same thing.
    Disagreement,
    /// One document lacks what another has.
    Gap,
    /// A value the documents leave unusable (e.g. type `undefined`) that the model infers.
    Inference,
    /// A document's content is malformed and the model repairs it.
    Repair,
}

impl DiagnosticKind {
    /// `disagreement`, `gap`, `inference`, `repair`.
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticKind::Disagreement => "disagreement",
            DiagnosticKind::Gap => "gap",
            DiagnosticKind::Inference => "inference",
            DiagnosticKind::Repair => "repair",
        }
    }
}

impl ApiModel {
    /// The named schema with this anchor.
    pub fn schema(&self, anchor: &str) -> Option<&Schema> {
        self.schemas.iter().find(|s| s.anchor == anchor)
    }

    /// The named schema with this title (nested copies are recognised by their `title` keyword).
    pub fn schema_by_title(&self, title: &str) -> Option<&Schema> {
        self.schemas.iter().find(|s| s.title == title)
    }

    /// The action of `resource` (its camel name, `me`) with this snake_case name.
    pub fn action(&self, resource: &str, snake_name: &str) -> Option<&Action> {
        self.actions
            .iter()
            .find(|a| a.resource == resource && a.snake_name == snake_name)
    }

    /// The resource with this camel name (`applicationApiToken`).
    pub fn resource(&self, camel_name: &str) -> Option<&Resource> {
        self.resources.iter().find(|r| r.camel_name == camel_name)
    }

    /// The actions of one resource, in documented order.
    pub fn actions_of<'a>(&'a self, resource: &'a str) -> impl Iterator<Item = &'a Action> + 'a {
        self.actions.iter().filter(move |a| a.resource == resource)
    }

    /// The anchors of the named schemas the actions of `resources` reach: those their
    /// parameters, examples and answers link to, and the named schemas nested in those.
    pub fn schemas_reached_by(&self, resources: &[&str]) -> std::collections::BTreeSet<&str> {
        let actions: Vec<Action> = self
            .actions
            .iter()
            .filter(|a| resources.contains(&a.resource.as_str()))
            .cloned()
            .collect();
        reach::schemas(self, &actions)
    }

    /// The anchors of the named schemas reachable from `anchors` (themselves included): the
    /// named schemas nested in them, transitively.
    pub fn schemas_reached_from<'m>(
        &'m self,
        anchors: impl IntoIterator<Item = &'m str>,
    ) -> std::collections::BTreeSet<&'m str> {
        reach::from_anchors(self, anchors.into_iter().collect())
    }

    /// The part of the model that `resources` (camel names) need: their actions, the named
    /// schemas those reach (through links and nested `title`s, in model order) and their
    /// diagnostics (and those of no resource that concern a kept schema).
    pub fn subset(&self, resources: &[&str]) -> ApiModel {
        let actions: Vec<Action> = self
            .actions
            .iter()
            .filter(|a| resources.contains(&a.resource.as_str()))
            .cloned()
            .collect();
        let reached = reach::schemas(self, &actions);
        let schemas: Vec<Schema> = self
            .schemas
            .iter()
            .filter(|s| reached.contains(s.anchor.as_str()))
            .cloned()
            .collect();
        let diagnostics = self
            .diagnostics
            .iter()
            .filter(|d| match &d.resource {
                Some(resource) => resources.contains(&resource.as_str()),
                None => d
                    .schema
                    .as_ref()
                    .is_none_or(|s| reached.contains(s.as_str())),
            })
            .cloned()
            .collect();
        ApiModel {
            api_version: self.api_version.clone(),
            base_url: self.base_url.clone(),
            query_defaults: self.query_defaults.clone(),
            resources: self
                .resources
                .iter()
                .filter(|r| resources.contains(&r.camel_name.as_str()))
                .cloned()
                .collect(),
            actions,
            schemas,
            diagnostics,
        }
    }

    /// Parses the model from its JSON form (`spec/generated/model.json`).
    pub fn from_json(text: &str) -> Result<ApiModel, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The model's stable, readable JSON form, ending with a newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("the model serializes to JSON");
        text.push('\n');
        text
    }
}
