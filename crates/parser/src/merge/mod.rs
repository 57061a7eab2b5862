//! Joins the four documents into one model, and the one place that decides which document wins
//! when they disagree. Every disagreement or gap becomes a [`Diagnostic`]; a reference that
//! resolves to nothing is an error.
//!
//! Which document wins is data: the rules of [`crate::authority`]. This module decides the
//! model; `checks` only compares what the documents say against it and reports, and never
//! changes a value of the model.

use heck::{ToLowerCamelCase, ToSnakeCase};
use wegnology_model::{
    Action, ApiModel, Diagnostic, DiagnosticKind, Location, Param, ParamExample, ParamType,
    Resource, Response, Schema, SourceRef,
};

mod checks;
pub mod package;
pub mod whole;

use crate::authority;
use crate::error::SpecError;
use crate::js::{self, JsAction, JsPage};
use crate::reference::{
    self, ActionReference, ParamTable, ReferenceAction, ReferenceParam, ReferenceResponse,
    SchemaLink,
};
use crate::rest::{self, RestAction, RestPage};
use crate::schemas::{self, SchemaPage};
use crate::text::{accepted_values, normalize};

/// The parsed documents, before they are joined.
pub struct Parts {
    pub api_version: String,
    pub reference: ActionReference,
    pub rest: RestPage,
    pub js: JsPage,
    pub schemas: SchemaPage,
}

/// Joins the documents into the model.
pub fn merge(parts: Parts) -> Result<ApiModel, SpecError> {
    let Parts {
        api_version,
        reference,
        rest,
        js,
        schemas,
    } = parts;
    let resource = reference.resource.to_lower_camel_case();
    let mut merger = Merger {
        schemas: &schemas.schemas,
        diagnostics: schemas.repairs.clone(),
        resource: resource.clone(),
        api_version: api_version.clone(),
    };
    if rest.resource != reference.resource {
        return Err(SpecError::malformed(
            rest::FILE,
            1,
            format!(
                "the resource `{}` of {}, found `{}`",
                reference.resource,
                reference::FILE,
                rest.resource
            ),
        ));
    }
    // The action reference decides the list of actions (`authority::ACTIONS`): what only the
    // REST page documents is left out, and so is what no wire source places.
    for extra in rest
        .actions
        .iter()
        .filter(|r| !reference.actions.iter().any(|a| a.title == r.title))
    {
        merger.note(
            DiagnosticKind::Gap,
            at(rest::FILE, extra.line),
            &extra.title,
            format!(
                "{} documents `{}`, which {} does not",
                rest::FILE,
                extra.title,
                reference::FILE
            ),
            "the action left out".to_string(),
            authority::ACTIONS.why,
        );
    }
    let mut actions = Vec::new();
    for documented in &reference.actions {
        let Some(rest_action) = rest.actions.iter().find(|r| r.title == documented.title) else {
            merger.note(
                DiagnosticKind::Gap,
                at(reference::FILE, documented.line),
                &documented.title,
                format!(
                    "{} has no section for `{}`: no document gives its method and path",
                    rest::FILE,
                    documented.title
                ),
                "the action left out".to_string(),
                authority::WIRE.why,
            );
            continue;
        };
        let camel_name = documented.call.camel_case();
        let js_action = js.actions.iter().find(|j| j.camel_name == camel_name);
        actions.push(merger.action(documented, rest_action, js_action, camel_name)?);
    }
    merger.check_js_only_actions(&js, &reference, &rest);
    merger.check_nested_schemas();
    merger.check_one_ofs();
    let diagnostics = merger.diagnostics;
    let resources = vec![Resource {
        snake_name: reference.resource.to_snake_case(),
        camel_name: resource,
        path: common_path(actions.iter().map(|a| a.path.as_str())),
        api_version: api_version.clone(),
        name: reference.resource,
        source: at(reference::FILE, 1),
    }];
    Ok(ApiModel {
        api_version,
        base_url: rest.origin,
        query_defaults: authority::QUERY_DEFAULTS
            .iter()
            .map(|(name, value)| wegnology_model::QueryDefault {
                name: name.to_string(),
                value: value.to_string(),
            })
            .collect(),
        resources,
        actions,
        schemas: schemas.schemas,
        diagnostics,
    })
}

fn at(file: &str, line: usize) -> SourceRef {
    SourceRef {
        file: file.to_string(),
        line,
    }
}

struct Merger<'a> {
    schemas: &'a [Schema],
    diagnostics: Vec<Diagnostic>,
    /// The camel name of the resource being merged (`me`).
    resource: String,
    /// The API release of the documents being merged.
    api_version: String,
}

/// The longest path template every one of `paths` starts with, segment by segment:
/// `/me/invites` and `/me/invites/{inviteId}` → `/me/invites`.
pub(crate) fn common_path<'a>(paths: impl IntoIterator<Item = &'a str>) -> String {
    let mut common: Option<Vec<&str>> = None;
    for path in paths {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        common = Some(match common {
            None => segments,
            Some(prefix) => prefix
                .iter()
                .zip(&segments)
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| *a)
                .collect(),
        });
    }
    format!("/{}", common.unwrap_or_default().join("/"))
}

impl Merger<'_> {
    fn note(
        &mut self,
        kind: DiagnosticKind,
        source: SourceRef,
        action: &str,
        message: String,
        kept: String,
        reason: &str,
    ) {
        self.diagnostics.push(Diagnostic {
            kind,
            source,
            resource: Some(self.resource.clone()),
            action: Some(action.to_string()),
            schema: None,
            message,
            kept,
            reason: reason.to_string(),
        });
    }

    fn action(
        &mut self,
        doc: &ReferenceAction,
        rest: &RestAction,
        js: Option<&JsAction>,
        camel_name: String,
    ) -> Result<Action, SpecError> {
        let title = doc.title.as_str();
        let mut sources = vec![at(reference::FILE, doc.line), at(rest::FILE, rest.line)];
        match js {
            Some(js) => sources.push(at(js::FILE, js.line)),
            None => self.note(
                DiagnosticKind::Gap,
                at(reference::FILE, doc.line),
                title,
                format!("the JS page has no `client.me.{camel_name}` action"),
                format!(
                    "`{camel_name}`, derived from the Python name `{}`",
                    doc.call.snake_case()
                ),
                authority::CAMEL_NAMES.why,
            ),
        }

        self.compare_descriptions(doc, rest, js);
        self.check_scopes(doc, rest, js);
        self.note_older_shapes(doc, rest);
        let scopes = rest.scopes.clone(); // authority::SCOPES
                                          // An empty scope list is the REST page's "No api access token is required".
        let token_required = !scopes.is_empty();
        let mut params = Vec::new();
        for param in &doc.params {
            params.push(self.param(doc, rest, param)?);
        }
        self.rest_only_params(doc, rest, js, &mut params);
        self.cross_check_js_params(doc, js, &params);
        let path = self.path(doc, rest, &params)?;

        let successes = doc
            .success
            .iter()
            .map(|s| self.response(s))
            .collect::<Result<Vec<_>, _>>()?;
        let errors = doc
            .errors
            .iter()
            .map(|e| self.response(e))
            .collect::<Result<Vec<_>, _>>()?;
        self.compare_responses(doc, rest, js);
        if errors.is_empty() {
            let js_has_none = js.is_none_or(|j| j.errors.as_ref().is_none_or(Vec::is_empty));
            self.note(
                DiagnosticKind::Gap,
                at(reference::FILE, doc.errors_line),
                title,
                format!(
                    "`{title}` documents no error responses{}",
                    if rest.errors.is_empty() && js_has_none {
                        " in any document"
                    } else {
                        ""
                    }
                ),
                "an empty error list".to_string(),
                "nothing to document; the client still reports any error status as an API error",
            );
        }

        let body_example = match (
            params.iter().find(|p| p.location == Location::Body),
            &rest.body,
        ) {
            (Some(body), Some(rest_body)) => {
                self.compare_body_example(doc, body, rest_body);
                Some(rest_body.example.clone())
            }
            _ => None,
        };

        Ok(Action {
            resource: self.resource.clone(),
            api_version: self.api_version.clone(),
            title: doc.title.clone(),
            snake_name: doc.call.snake_case(),
            camel_name,
            description: doc.description.clone(),
            method: rest.method,
            path,
            scopes,
            token_required,
            params,
            body_example,
            successes,
            errors,
            sources,
        })
    }

    /// What an older release of the action reference leaves out: the model keeps the REST
    /// page's facts, and says so.
    fn note_older_shapes(&mut self, doc: &ReferenceAction, rest: &RestAction) {
        let title = doc.title.as_str();
        if doc.scopes.is_none() {
            self.note(
                DiagnosticKind::Gap,
                at(reference::FILE, doc.line),
                title,
                format!("`{title}` has no Authentication section"),
                if rest.scopes.is_empty() {
                    "no token required, as the REST page says".to_string()
                } else {
                    format!("the REST page's scopes `{}`", rest.scopes.join(", "))
                },
                authority::SCOPES.why,
            );
        }
        match doc.param_table {
            ParamTable::WithoutExample { line } => self.note(
                DiagnosticKind::Gap,
                at(reference::FILE, line),
                title,
                format!("the parameter table of `{title}` has no Example column"),
                "no documented examples".to_string(),
                authority::PARAMETERS.why,
            ),
            ParamTable::Absent => self.note(
                DiagnosticKind::Gap,
                at(reference::FILE, doc.line),
                title,
                format!("`{title}` has no Available Parameters section"),
                "only the parameters the REST page places".to_string(),
                authority::WIRE.why,
            ),
            ParamTable::WithExample { .. } => {}
        }
    }

    fn param(
        &mut self,
        doc: &ReferenceAction,
        rest: &RestAction,
        param: &ReferenceParam,
    ) -> Result<Param, SpecError> {
        let title = doc.title.as_str();
        let row = at(reference::FILE, param.line);
        let accepted = accepted_values(&param.description);
        let values: Vec<&str> = param
            .default
            .iter()
            .chain(param.example.iter())
            .map(String::as_str)
            .collect();
        let link = param.type_link.as_ref().and_then(SchemaLink::anchor);
        let ty = match (link, param.type_text.as_str()) {
            (Some(anchor), _) => {
                self.resolve(anchor, param.line)?;
                ParamType::Schema {
                    schema: anchor.to_string(),
                }
            }
            (None, "undefined") => {
                let inferred = infer_type(&accepted, &values);
                let why = if accepted.is_empty() {
                    format!(
                        "its documented values ({}) are all of that kind",
                        values.join(", ")
                    )
                } else {
                    "its description lists the accepted values".to_string()
                };
                self.note(
                    DiagnosticKind::Inference,
                    row.clone(),
                    title,
                    format!("`{}` has the type `undefined`", param.name),
                    type_name(&inferred),
                    &why,
                );
                inferred
            }
            (None, "string") => infer_type(&accepted, &values),
            (None, "boolean") => ParamType::Boolean,
            (None, "number" | "integer") => ParamType::Integer,
            (None, "array") => ParamType::Array {
                items: Box::new(ParamType::String),
            },
            (None, other) => {
                return Err(SpecError::malformed(reference::FILE, param.line, format!("a parameter type (string, boolean, number, array, undefined or a `_schemas.md` link), found `{other}`")));
            }
        };
        let example = match (&param.example_link, &param.example) {
            (Some(link), _) => {
                let anchor = link.strip_suffix("-example").filter(|a| {
                    self.schemas
                        .iter()
                        .any(|s| &s.anchor == a && s.example.is_some())
                });
                let anchor = anchor.ok_or_else(|| SpecError::malformed(reference::FILE, param.line, format!("a link to a schema example, found `_schemas.md#{link}`, which resolves to nothing")))?;
                Some(ParamExample::SchemaExample(anchor.to_string()))
            }
            (None, Some(text)) => Some(ParamExample::Literal(text.clone())),
            (None, None) => None,
        };

        let placeholder = rest
            .path_components
            .iter()
            .find(|c| c.placeholder.to_lower_camel_case() == param.name);
        let query = rest.query.iter().find(|q| q.name == param.name);
        let location = if let Some(component) = placeholder {
            if !param.required {
                self.note(
                    DiagnosticKind::Disagreement,
                    row.clone(),
                    title,
                    format!(
                        "`{}` is optional in {} but a path component",
                        param.name,
                        reference::FILE
                    ),
                    "required".to_string(),
                    "a path cannot be built without it",
                );
            }
            if normalize(&component.description) != normalize(&param.description) {
                self.note(
                    DiagnosticKind::Disagreement,
                    at(rest::FILE, component.line),
                    title,
                    format!(
                        "path component `{}` is described as `{}`",
                        component.placeholder, component.description
                    ),
                    format!("`{}`", param.description),
                    authority::PARAMETERS.why,
                );
            }
            Location::Path
        } else if let Some(query) = query {
            self.compare_query(title, doc.param_table, param, query);
            // A schema value travels as its JSON text, as the official Python client sends it.
            if matches!(ty, ParamType::Schema { .. }) {
                Location::QueryJson
            } else {
                Location::Query
            }
        } else if let ParamType::Schema { schema } = &ty {
            let body = rest.body.as_ref().ok_or_else(|| {
                SpecError::malformed(rest::FILE, rest.line, format!("a `Request Body` section in `{title}`: {} gives it the schema-typed parameter `{}` (line {})", reference::FILE, param.name, param.line))
            })?;
            let linked = self.resolve(schema, param.line)?;
            if linked.title != body.schema_title {
                self.resolve_title(&body.schema_title, rest::FILE, body.line)?;
                return Err(SpecError::malformed(rest::FILE, body.line, format!("the body of `{title}` to validate against `{}`, as {} line {} says, found `{}`", linked.title, reference::FILE, param.line, body.schema_title)));
            }
            self.note(
                DiagnosticKind::Gap,
                row.clone(),
                title,
                format!("{} lists `{}` as an ordinary parameter; only {} (line {}) says it is the request body", reference::FILE, param.name, rest::FILE, body.line),
                format!("`{}` sent as the JSON request body", param.name),
                authority::WIRE.why,
            );
            Location::Body
        } else {
            let location = authority::unplaced_location(&param.name);
            let kept = match location {
                Location::Header => "a request header of that name",
                _ => "a query parameter",
            };
            self.note(
                DiagnosticKind::Gap,
                row.clone(),
                title,
                format!(
                    "{} does not place `{}` in the path, the query or the body",
                    rest::FILE,
                    param.name
                ),
                format!("`{}` sent as {kept}", param.name),
                authority::UNPLACED.why,
            );
            location
        };
        Ok(documented_param(param, location, ty, example))
    }

    /// Query parameters the REST page documents and `me.md` does not (`asBytes` of Payload
    /// Counts): the REST page is the reference for the wire, so they are kept.
    fn rest_only_params(
        &mut self,
        doc: &ReferenceAction,
        rest: &RestAction,
        js: Option<&JsAction>,
        params: &mut Vec<Param>,
    ) {
        for (position, query) in rest.query.iter().enumerate() {
            if params.iter().any(|p| p.name == query.name) {
                continue;
            }
            let js_param = js
                .and_then(|j| j.params.as_ref())
                .and_then(|ps| ps.iter().find(|p| p.name == query.name));
            let values: Vec<&str> = query
                .default
                .iter()
                .chain(query.example.iter())
                .map(String::as_str)
                .collect();
            let ty = infer_type(&accepted_values(&query.description), &values);
            self.note(
                DiagnosticKind::Disagreement,
                at(rest::FILE, query.line),
                &doc.title,
                format!("{}{} the {} query parameter `{}`, which {} does not", rest::FILE, if js_param.is_some() { " and the JS page document" } else { " documents" }, if query.required { "required" } else { "optional" }, query.name, reference::FILE),
                format!("`{}`: {} {} query parameter", query.name, if query.required { "a required" } else { "an optional" }, type_name(&ty)),
                if js_param.is_some() { "the REST page is the reference for what goes on the wire, and the JS page agrees" } else { authority::WIRE.why },
            );
            // Keep the REST page's order: after the query parameter that precedes it there.
            let previous = rest.query[..position]
                .iter()
                .rev()
                .find_map(|q| params.iter().position(|p| p.name == q.name));
            let insert_at = previous.map_or(0, |i| i + 1);
            params.insert(
                insert_at,
                Param {
                    name: query.name.clone(),
                    location: Location::Query,
                    ty,
                    documented_type: js_param.map_or("string".to_string(), |p| p.type_text.clone()),
                    required: query.required,
                    description: query.description.clone(),
                    default: query.default.clone(),
                    example: query.example.clone().map(ParamExample::Literal),
                },
            );
        }
    }

    /// `/me/invites/INVITE_ID` → `/me/invites/{inviteId}`.
    fn path(
        &mut self,
        doc: &ReferenceAction,
        rest: &RestAction,
        params: &[Param],
    ) -> Result<String, SpecError> {
        let mut path = rest.path.clone();
        for component in &rest.path_components {
            let name = component.placeholder.to_lower_camel_case();
            if !params
                .iter()
                .any(|p| p.name == name && p.location == Location::Path)
            {
                return Err(SpecError::malformed(
                    reference::FILE,
                    doc.line,
                    format!(
                        "a parameter `{name}` in `{}` for the path component `{}` of {} line {}",
                        doc.title,
                        component.placeholder,
                        rest::FILE,
                        component.line
                    ),
                ));
            }
            if !path.contains(&component.placeholder) {
                return Err(SpecError::malformed(
                    rest::FILE,
                    rest.method_line,
                    format!(
                        "the path component `{}` (line {}) in the URL",
                        component.placeholder, component.line
                    ),
                ));
            }
            path = path.replace(&component.placeholder, &format!("{{{name}}}"));
        }
        Ok(path)
    }

    fn response(&mut self, response: &ReferenceResponse) -> Result<Response, SpecError> {
        let link = response.type_link.as_ref().and_then(SchemaLink::anchor);
        let anchor = link.ok_or_else(|| {
            SpecError::malformed(
                reference::FILE,
                response.line,
                format!(
                    "a `_schemas.md` link in the Type cell, found `{}`",
                    response.type_text
                ),
            )
        })?;
        self.resolve(anchor, response.line)?;
        Ok(Response {
            status: response.status,
            schema: Some(anchor.to_string()),
            description: response.description.clone(),
        })
    }

    fn resolve(&self, anchor: &str, line: usize) -> Result<&Schema, SpecError> {
        self.schemas.iter().find(|s| s.anchor == anchor).ok_or_else(|| {
            SpecError::malformed(reference::FILE, line, format!("a link to a schema of {}, found `_schemas.md#{anchor}`, which resolves to nothing", schemas::FILE))
        })
    }

    fn resolve_title(&self, title: &str, file: &str, line: usize) -> Result<&Schema, SpecError> {
        self.schemas
            .iter()
            .find(|s| s.title == title)
            .ok_or_else(|| {
                SpecError::malformed(
                    file,
                    line,
                    format!(
                        "the title of a schema of {}, found `{title}`",
                        schemas::FILE
                    ),
                )
            })
    }
}

/// The model's parameter for an action reference's row, once its place, type and example are
/// decided.
fn documented_param(
    param: &ReferenceParam,
    location: Location,
    ty: ParamType,
    example: Option<ParamExample>,
) -> Param {
    Param {
        name: param.name.clone(),
        location,
        ty,
        documented_type: param.type_text.clone(),
        // A path cannot be built without it, whatever the reference says (reported).
        required: param.required || location == Location::Path,
        description: param.description.clone(),
        default: param.default.clone(),
        example,
    }
}

/// The value type a parameter's documented values point to: accepted values make an enum;
/// values that are all `true`/`false` a boolean; all decimal integers an integer; else a string.
fn infer_type(accepted: &[String], values: &[&str]) -> ParamType {
    if !accepted.is_empty() {
        ParamType::Enum {
            values: accepted.to_vec(),
        }
    } else if !values.is_empty() && values.iter().all(|v| *v == "true" || *v == "false") {
        ParamType::Boolean
    } else if !values.is_empty()
        && values
            .iter()
            .all(|v| !v.is_empty() && v.len() <= 18 && v.bytes().all(|b| b.is_ascii_digit()))
    {
        ParamType::Integer
    } else {
        ParamType::String
    }
}

fn type_name(ty: &ParamType) -> String {
    match ty {
        ParamType::String => "string".to_string(),
        ParamType::Boolean => "boolean".to_string(),
        ParamType::Integer => "integer".to_string(),
        ParamType::Enum { values } => format!("one of {}", values.join(", ")),
        ParamType::Schema { schema } => format!("the `{schema}` schema"),
        ParamType::Array { items } => format!("a list of {}", type_name(items)),
        ParamType::File => "a file".to_string(),
    }
}

fn show(value: &Option<String>) -> String {
    value
        .as_ref()
        .map_or("none".to_string(), |v| format!("`{v}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_inference() {
        assert_eq!(infer_type(&[], &["true"]), ParamType::Boolean);
        assert_eq!(infer_type(&[], &["false", "true"]), ParamType::Boolean);
        assert_eq!(infer_type(&[], &["0"]), ParamType::Integer);
        assert_eq!(
            infer_type(&[], &["575ec8687ae143cd83dc4a97"]),
            ParamType::String
        );
        assert_eq!(infer_type(&[], &[]), ParamType::String);
        assert_eq!(
            infer_type(&["a".into(), "b".into()], &["a"]),
            ParamType::Enum {
                values: vec!["a".into(), "b".into()]
            }
        );
    }
}
