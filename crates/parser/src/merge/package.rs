//! Joins the JS client package's documents into a model of every resource it describes: for
//! each resource, its reference page (`docs/<resource>.md`) decides the actions, parameters,
//! scopes and responses, and its request table (`lib/api/<resource>.js`) decides the method,
//! the path and where each parameter travels ([`authority::PACKAGE_REFERENCE`],
//! [`authority::REQUEST_TABLE`]). What only one of the two documents has is left out or kept
//! as the rules say, with a diagnostic; it never stops the merge.

use heck::ToSnakeCase;
use wegnology_model::{
    Action, ApiModel, DiagnosticKind, Location, Param, ParamExample, ParamType, QueryDefault,
    Resource, Response,
};

use super::{at, common_path, documented_param, infer_type, type_name, Merger};
use crate::authority;
use crate::error::SpecError;
use crate::package;
use crate::reference::{ActionReference, ParamTable, ReferenceAction, ReferenceParam, SchemaLink};
use crate::request_table::{ClientFacts, MultipartKind, Placement, RequestTable, TableAction};
use crate::schemas::SchemaPage;
use crate::text::accepted_values;

/// The package's parsed documents.
pub struct Parts {
    /// `package.json`'s release, e.g. `2.12.5`.
    pub package_version: String,
    /// `index.js`: the API release and base URL.
    pub client: ClientFacts,
    pub schemas: SchemaPage,
    /// Each reference page with its file name.
    pub pages: Vec<(String, ActionReference)>,
    pub tables: Vec<RequestTable>,
}

/// The model of every resource the package documents (its `me` included: the whole merge
/// decides what becomes of it).
pub fn merge(parts: Parts) -> Result<ApiModel, SpecError> {
    let Parts {
        package_version: _,
        client,
        schemas,
        pages,
        tables,
    } = parts;
    let mut merger = Merger {
        schemas: &schemas.schemas,
        diagnostics: schemas.repairs.clone(),
        resource: String::new(),
        api_version: client.api_version.clone(),
    };
    let mut resources = Vec::new();
    let mut actions = Vec::new();
    for (file, page) in &pages {
        let camel = package::resource_of(file).to_string();
        merger.resource = camel.clone();
        let table = tables.iter().find(|t| t.resource == camel);
        let Some(table) = table else {
            merger.note_resource(
                DiagnosticKind::Gap,
                at(file, 1),
                format!(
                    "no request table `{}/{camel}.js` places the actions of `{camel}`",
                    package::TABLES
                ),
                "none of its actions: without a method and a path there is nothing to call"
                    .to_string(),
                authority::REQUEST_TABLE.why,
            );
            continue;
        };
        let start = actions.len();
        for documented in &page.actions {
            let name = documented.call.camel_case();
            match table.actions.iter().find(|t| t.name == name) {
                Some(wire) => actions.push(merger.package_action(file, documented, table, wire)?),
                None => merger.note(
                    DiagnosticKind::Gap,
                    at(file, documented.line),
                    &documented.title,
                    format!("{} has no action `{camel}.{name}`", table.file),
                    "the action left out: no document gives its method and path".to_string(),
                    authority::REQUEST_TABLE.why,
                ),
            }
        }
        for wire in &table.actions {
            if !page
                .actions
                .iter()
                .any(|a| a.call.camel_case() == wire.name)
            {
                let what = if wire.stream {
                    "the server-sent-event stream"
                } else {
                    "the action"
                };
                merger.note_resource(
                    DiagnosticKind::Gap,
                    at(&table.file, wire.line),
                    format!(
                        "{} has {what} `{camel}.{}`, which {file} does not document",
                        table.file, wire.name
                    ),
                    format!("`{camel}.{}` left out", wire.name),
                    authority::PACKAGE_REFERENCE.why,
                );
            }
        }
        if actions.len() == start {
            continue;
        }
        resources.push(Resource {
            name: page.resource.clone(),
            snake_name: camel.to_snake_case(),
            path: common_path(actions[start..].iter().map(|a| a.path.as_str())),
            camel_name: camel,
            api_version: client.api_version.clone(),
            source: at(file, 1),
        });
    }
    for table in &tables {
        if !pages
            .iter()
            .any(|(file, _)| package::resource_of(file) == table.resource)
        {
            merger.resource = table.resource.clone();
            merger.note_resource(
                DiagnosticKind::Gap,
                at(&table.file, 1),
                format!(
                    "{} has no reference page `{}/{}.md`",
                    table.file,
                    package::DOCS,
                    table.resource
                ),
                format!("none of the actions of `{}`", table.resource),
                authority::PACKAGE_REFERENCE.why,
            );
        }
    }
    merger.resource = String::new();
    let query_defaults = merger.query_defaults(&tables, &pages);
    merger.check_nested_schemas();
    merger.check_one_ofs();
    let diagnostics = merger.diagnostics;
    Ok(ApiModel {
        api_version: client.api_version,
        base_url: client.base_url,
        query_defaults,
        resources,
        actions,
        schemas: schemas.schemas,
        diagnostics,
    })
}

impl Merger<'_> {
    /// The query defaults of the request tables' first action; an action with others is
    /// reported (the model keeps one set for the whole API), by its page's title, or as one of
    /// its resource when no page documents it.
    fn query_defaults(
        &mut self,
        tables: &[RequestTable],
        pages: &[(String, ActionReference)],
    ) -> Vec<QueryDefault> {
        let mut requests = tables
            .iter()
            .flat_map(|t| t.actions.iter().map(move |a| (t, a)))
            .filter(|(_, a)| !a.stream);
        let Some((_, first)) = requests.next() else {
            return Vec::new();
        };
        let defaults = first.query_defaults.clone();
        for (table, action) in requests {
            if action.query_defaults != defaults {
                self.resource = table.resource.clone();
                let message = format!(
                    "`{}.{}` sends the query defaults {:?}",
                    table.resource, action.name, action.query_defaults
                );
                let kept = format!("{defaults:?}, which every other action sends");
                let title = pages
                    .iter()
                    .filter(|(file, _)| package::resource_of(file) == table.resource)
                    .flat_map(|(_, page)| &page.actions)
                    .find(|a| a.call.camel_case() == action.name)
                    .map(|a| a.title.clone());
                let source = at(&table.file, action.line);
                let why = authority::REQUEST_TABLE.why;
                match title {
                    Some(title) => self.note(
                        DiagnosticKind::Disagreement,
                        source,
                        &title,
                        message,
                        kept,
                        why,
                    ),
                    None => {
                        self.note_resource(DiagnosticKind::Disagreement, source, message, kept, why)
                    }
                }
            }
        }
        self.resource = String::new();
        defaults
            .into_iter()
            .map(|(name, value)| QueryDefault { name, value })
            .collect()
    }

    fn package_action(
        &mut self,
        file: &str,
        doc: &ReferenceAction,
        table: &RequestTable,
        wire: &TableAction,
    ) -> Result<Action, SpecError> {
        let title = doc.title.as_str();
        let mut params = Vec::new();
        for param in &doc.params {
            params.push(self.package_param(file, doc, table, wire, param)?);
        }
        for extra in &wire.params {
            // A query default (`_actions`) is the API's, not a parameter of the action.
            let is_default = wire
                .query_defaults
                .iter()
                .any(|(name, _)| name == &extra.name);
            if is_default || doc.params.iter().any(|p| p.name == extra.name) {
                continue;
            }
            self.note(
                DiagnosticKind::Disagreement,
                at(&table.file, extra.line),
                title,
                format!(
                    "{} sends `{}` ({}), which {file} does not document",
                    table.file,
                    extra.name,
                    extra.placement.as_str()
                ),
                format!(
                    "`{}`: an optional string parameter, placed as the table says",
                    extra.name
                ),
                authority::REQUEST_TABLE.why,
            );
            params.push(Param {
                name: extra.name.clone(),
                location: location(extra.placement),
                ty: match extra.placement {
                    Placement::Multipart(MultipartKind::File) => ParamType::File,
                    _ => ParamType::String,
                },
                documented_type: extra
                    .doc_type
                    .clone()
                    .unwrap_or_else(|| "string".to_string()),
                required: extra.placement == Placement::Path,
                description: String::new(),
                default: None,
                example: None,
            });
        }
        if let ParamTable::WithoutExample { line } = doc.param_table {
            self.note(
                DiagnosticKind::Gap,
                at(file, line),
                title,
                format!("the parameter table of `{title}` has no Example column"),
                "no documented examples".to_string(),
                authority::PACKAGE_REFERENCE.why,
            );
        }
        let (scopes, token_required) = self.package_scopes(file, doc, wire);
        let successes = doc
            .success
            .iter()
            .map(|r| self.package_response(file, r))
            .collect::<Result<Vec<_>, _>>()?;
        let errors = doc
            .errors
            .iter()
            .map(|r| self.package_response(file, r))
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(comment) = &wire.doc {
            let documented: Vec<u16> = doc.success.iter().map(|r| r.status).collect();
            let sent: Vec<u16> = comment.responses.iter().map(|r| r.status).collect();
            if documented != sent {
                self.note(
                    DiagnosticKind::Disagreement,
                    at(&table.file, comment.line),
                    title,
                    format!(
                        "{} documents the success statuses {sent:?}, {file} {documented:?}",
                        table.file
                    ),
                    format!("{documented:?}"),
                    authority::PACKAGE_REFERENCE.why,
                );
            }
        }
        Ok(Action {
            resource: self.resource.clone(),
            api_version: self.api_version.clone(),
            title: doc.title.clone(),
            snake_name: doc.call.snake_case(),
            camel_name: doc.call.camel_case(),
            description: doc.description.clone(),
            method: wire.method,
            path: wire.path.clone(),
            scopes,
            token_required,
            params,
            body_example: None,
            successes,
            errors,
            sources: vec![at(file, doc.line), at(&table.file, wire.line)],
        })
    }

    /// The page's scopes; without an Authentication section, the request table's comment's,
    /// else none known (the client still sends its token).
    fn package_scopes(
        &mut self,
        file: &str,
        doc: &ReferenceAction,
        wire: &TableAction,
    ) -> (Vec<String>, bool) {
        if let Some(scopes) = &doc.scopes {
            return (scopes.clone(), !scopes.is_empty());
        }
        let from_table = wire.doc.as_ref().and_then(|d| d.scopes.clone());
        let (kept, scopes, required) = match from_table {
            Some(scopes) => (
                format!("the request table's scopes `{}`", scopes.join(", ")),
                scopes.clone(),
                !scopes.is_empty(),
            ),
            None => (
                "no scopes: a token is still sent, and the server decides".to_string(),
                Vec::new(),
                true,
            ),
        };
        self.note(
            DiagnosticKind::Gap,
            at(file, doc.line),
            &doc.title,
            format!("`{}` has no Authentication section", doc.title),
            kept,
            authority::PACKAGE_REFERENCE.why,
        );
        (scopes, required)
    }

    fn package_param(
        &mut self,
        file: &str,
        doc: &ReferenceAction,
        table: &RequestTable,
        wire: &TableAction,
        param: &ReferenceParam,
    ) -> Result<Param, SpecError> {
        let title = doc.title.as_str();
        let row = at(file, param.line);
        let values: Vec<&str> = param
            .default
            .iter()
            .chain(param.example.iter())
            .map(String::as_str)
            .filter(|v| *v != "undefined")
            .collect();
        let accepted = accepted_values(&param.description);
        let ty = match (&param.type_link, param.type_text.as_str()) {
            (Some(link), _) => ParamType::Schema {
                schema: self.resolve_link(file, param.line, link)?.to_string(),
            },
            (None, "file") => ParamType::File,
            (None, "undefined") => {
                let inferred = infer_type(&accepted, &values);
                self.note(
                    DiagnosticKind::Inference,
                    row.clone(),
                    title,
                    format!("`{}` has the type `undefined`", param.name),
                    type_name(&inferred),
                    "its documented values and description point to it",
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
                return Err(SpecError::malformed(file, param.line, format!("a parameter type (string, boolean, number, array, file, undefined or a schema link), found `{other}`")));
            }
        };
        let example = match (&param.example_link, &param.example) {
            (Some(link), _) => {
                let anchor = link.strip_suffix("-example").filter(|a| {
                    self.schemas
                        .iter()
                        .any(|s| &s.anchor == a && s.example.is_some())
                });
                let anchor = anchor.ok_or_else(|| SpecError::malformed(file, param.line, format!("a link to a schema example, found `_schemas.md#{link}`, which resolves to nothing")))?;
                Some(ParamExample::SchemaExample(anchor.to_string()))
            }
            // The package writes `undefined` where it has no example.
            (None, Some(text)) if text != "undefined" => Some(ParamExample::Literal(text.clone())),
            _ => None,
        };
        let location = match wire.params.iter().find(|p| p.name == param.name) {
            Some(placed) => {
                self.check_placement(file, title, param, &ty, placed.placement);
                location(placed.placement)
            }
            None => {
                let location = authority::unplaced_location(&param.name);
                self.note(
                    DiagnosticKind::Gap,
                    row.clone(),
                    title,
                    format!("{} does not send `{}`", table.file, param.name),
                    format!(
                        "`{}` sent as {}",
                        param.name,
                        if location == Location::Header {
                            "a request header of that name"
                        } else {
                            "a query parameter"
                        }
                    ),
                    authority::UNPLACED.why,
                );
                location
            }
        };
        if location == Location::Path && !param.required {
            self.note(
                DiagnosticKind::Disagreement,
                row.clone(),
                title,
                format!(
                    "`{}` is optional in {file} but a path component",
                    param.name
                ),
                "required".to_string(),
                "a path cannot be built without it",
            );
        }
        Ok(documented_param(param, location, ty, example))
    }

    /// A multipart field's kind and the page's type say the same (a file is `file`, an object
    /// a schema, a string text).
    fn check_placement(
        &mut self,
        file: &str,
        title: &str,
        param: &ReferenceParam,
        ty: &ParamType,
        placement: Placement,
    ) {
        let agrees = match placement {
            Placement::Multipart(MultipartKind::File) => *ty == ParamType::File,
            Placement::Multipart(MultipartKind::Object) => {
                matches!(ty, ParamType::Schema { .. })
            }
            Placement::Multipart(MultipartKind::String) => {
                !matches!(ty, ParamType::File | ParamType::Schema { .. })
            }
            _ => *ty != ParamType::File,
        };
        if !agrees {
            self.note(
                DiagnosticKind::Disagreement,
                at(file, param.line),
                title,
                format!(
                    "`{}` has the type `{}` but the request table sends it as {}",
                    param.name,
                    param.type_text,
                    placement.as_str()
                ),
                format!("the type `{}`, placed as the table says", type_name(ty)),
                authority::REQUEST_TABLE.why,
            );
        }
    }

    fn package_response(
        &mut self,
        file: &str,
        response: &crate::reference::ReferenceResponse,
    ) -> Result<Response, SpecError> {
        let schema = match &response.type_link {
            Some(link) => Some(self.resolve_link(file, response.line, link)?.to_string()),
            None => None,
        };
        Ok(Response {
            status: response.status,
            schema,
            description: response.description.clone(),
        })
    }

    /// The anchor a page's schema link resolves to: `../lib/schemas/*.json` by the link's
    /// text (the schema's title), `_schemas.md#…` by anchor.
    fn resolve_link(&self, file: &str, line: usize, link: &SchemaLink) -> Result<&str, SpecError> {
        let found = match link {
            SchemaLink::Title(title) => self.schemas.iter().find(|s| &s.title == title),
            SchemaLink::Anchor(anchor) => self.schemas.iter().find(|s| &s.anchor == anchor),
        };
        found.map(|s| s.anchor.as_str()).ok_or_else(|| {
            SpecError::malformed(
                file,
                line,
                format!(
                    "a link to a schema of {}, found {}, which resolves to nothing",
                    package::SCHEMAS,
                    match link {
                        SchemaLink::Title(title) => format!("the title `{title}`"),
                        SchemaLink::Anchor(anchor) => format!("`_schemas.md#{anchor}`"),
                    }
                ),
            )
        })
    }

    /// A diagnostic of the resource being merged, of no one action.
    fn note_resource(
        &mut self,
        kind: DiagnosticKind,
        source: wegnology_model::SourceRef,
        message: String,
        kept: String,
        reason: &str,
    ) {
        self.diagnostics.push(wegnology_model::Diagnostic {
            kind,
            source,
            resource: Some(self.resource.clone()),
            action: None,
            schema: None,
            message,
            kept,
            reason: reason.to_string(),
        });
    }
}

/// Where the model says a parameter the request table places travels.
fn location(placement: Placement) -> Location {
    match placement {
        Placement::Path => Location::Path,
        Placement::Query => Location::Query,
        Placement::QueryJson => Location::QueryJson,
        Placement::Header => Location::Header,
        Placement::Body => Location::Body,
        Placement::Multipart(_) => Location::Multipart,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_placement_has_its_location() {
        assert_eq!(location(Placement::QueryJson), Location::QueryJson);
        assert_eq!(
            location(Placement::Multipart(MultipartKind::Object)),
            Location::Multipart
        );
        assert_eq!(location(Placement::Header), Location::Header);
    }
}
