//! Cross-checks: what each document says, compared against the model the merge decided.
//! Everything here only reports a [`Diagnostic`]; nothing changes a value of the model.

use heck::ToLowerCamelCase;
use serde_json::Value;
use wegnology_model::one_of::{classify, OneOf};
use wegnology_model::{Diagnostic, DiagnosticKind, Param, ParamExample};

use super::{at, show, type_name, Merger};
use crate::authority;
use crate::js::{self, JsAction, JsPage};
use crate::reference::{self, ActionReference, ParamTable, ReferenceAction, ReferenceParam};
use crate::rest::{self, RestAction, RestPage, RestQueryParam};
use crate::text::{normalize, push_index, push_key};

impl Merger<'_> {
    /// A `oneOf` of objects whose branches an untagged enum cannot tell apart: the generator
    /// makes it any JSON value (the rule is `wegnology_model::one_of`).
    pub(super) fn check_one_ofs(&mut self) {
        let mut found = Vec::new();
        for schema in self.schemas {
            every_node(
                &schema.json_schema,
                &mut String::new(),
                &mut |pointer, node| {
                    if let OneOf::Ambiguous(why) = classify(node) {
                        found.push((schema, pointer.to_string(), why));
                    }
                },
            );
        }
        for (schema, pointer, why) in found {
            self.diagnostics.push(Diagnostic {
                kind: DiagnosticKind::Inference,
                source: schema.source.clone(),
                resource: None,
                action: None,
                schema: Some(schema.anchor.clone()),
                message: format!(
                    "`{}` has a `oneOf` of objects at `{}` whose branches cannot be told apart: {why}",
                    schema.title,
                    if pointer.is_empty() { "/" } else { &pointer }
                ),
                kept: "any JSON value (`serde_json::Value`) there".to_string(),
                reason: "an untagged enum would take a value of one branch for another's".to_string(),
            });
        }
    }

    /// Actions only the JS page documents: without the REST page there is nothing to call.
    /// An action me.md or the REST page documents too is not one of them: if it is left out,
    /// the diagnostic that left it out says why.
    pub(super) fn check_js_only_actions(
        &mut self,
        js: &JsPage,
        reference: &ActionReference,
        rest: &RestPage,
    ) {
        for extra in js.actions.iter().filter(|j| {
            !reference
                .actions
                .iter()
                .any(|a| a.call.camel_case() == j.camel_name)
                && !rest
                    .actions
                    .iter()
                    .any(|r| r.title.to_lower_camel_case() == j.camel_name)
        }) {
            self.diagnostics.push(Diagnostic {
                kind: DiagnosticKind::Gap,
                source: at(js::FILE, extra.line),
                resource: Some(self.resource.clone()),
                action: None,
                schema: None,
                message: format!(
                    "the JS page documents `{}`, which neither {} nor {} has",
                    extra.camel_name,
                    reference::FILE,
                    rest::FILE
                ),
                kept: "no such action".to_string(),
                reason: "without the REST page there is no method or path to call".to_string(),
            });
        }
    }

    /// Scopes that differ from the REST page's, which the model keeps.
    pub(super) fn check_scopes(
        &mut self,
        doc: &ReferenceAction,
        rest: &RestAction,
        js: Option<&JsAction>,
    ) {
        let js_agrees = js.is_some_and(|j| j.scopes == rest.scopes);
        // No Authentication section (older releases): nothing to compare.
        if let Some(scopes) = doc.scopes.as_ref().filter(|s| **s != rest.scopes) {
            self.note(
                DiagnosticKind::Disagreement,
                at(reference::FILE, doc.scopes_line),
                &doc.title,
                format!("{} lists the scopes `{}`; {} lists `{}`", reference::FILE, scopes.join(", "), rest::FILE, rest.scopes.join(", ")),
                format!("`{}`", rest.scopes.join(", ")),
                if js_agrees { "the REST page documents the endpoint the server enforces, and the JS page agrees with it" } else { authority::SCOPES.why },
            );
        }
        if let Some(js) = js.filter(|j| j.scopes != rest.scopes) {
            self.note(
                DiagnosticKind::Disagreement,
                at(js::FILE, js.scopes_line),
                &doc.title,
                format!(
                    "{} lists the scopes `{}`; {} lists `{}`",
                    js::FILE,
                    js.scopes.join(", "),
                    rest::FILE,
                    rest.scopes.join(", ")
                ),
                format!("`{}`", rest.scopes.join(", ")),
                authority::SCOPES.why,
            );
        }
    }

    pub(super) fn compare_descriptions(
        &mut self,
        doc: &ReferenceAction,
        rest: &RestAction,
        js: Option<&JsAction>,
    ) {
        let ours = normalize(&doc.description);
        let others = [
            (rest::FILE, rest.line, Some(rest.description.as_str())),
            (
                js::FILE,
                js.map_or(0, |j| j.line),
                js.map(|j| j.description.as_str()),
            ),
        ];
        for (file, line, text) in others {
            if let Some(text) = text.filter(|t| normalize(t) != ours) {
                self.note(
                    DiagnosticKind::Disagreement,
                    at(file, line),
                    &doc.title,
                    format!(
                        "description `{text}` differs from {}'s `{}`",
                        reference::FILE,
                        doc.description
                    ),
                    format!("`{}`", doc.description),
                    authority::ACTIONS.why,
                );
            }
        }
    }

    /// `table` is the action's parameter table: one without the Example column documents no
    /// examples, so there are none to compare (its gap diagnostic says so once).
    pub(super) fn compare_query(
        &mut self,
        title: &str,
        table: ParamTable,
        param: &ReferenceParam,
        query: &RestQueryParam,
    ) {
        let source = at(rest::FILE, query.line);
        if query.required != param.required {
            self.note(
                DiagnosticKind::Disagreement,
                source.clone(),
                title,
                format!(
                    "`{}` is {} on the REST page",
                    param.name,
                    if query.required {
                        "required"
                    } else {
                        "optional"
                    }
                ),
                if param.required {
                    "required"
                } else {
                    "optional"
                }
                .to_string(),
                authority::PARAMETERS.why,
            );
        }
        if normalize(&query.description) != normalize(&param.description) {
            self.note(
                DiagnosticKind::Disagreement,
                source.clone(),
                title,
                format!(
                    "`{}` is described as `{}` on the REST page",
                    param.name, query.description
                ),
                format!("`{}`", param.description),
                authority::PARAMETERS.why,
            );
        }
        for (what, ours, theirs) in [
            ("default", &param.default, &query.default),
            ("example", &param.example, &query.example),
        ] {
            let undocumented =
                what == "example" && matches!(table, ParamTable::WithoutExample { .. });
            if ours != theirs && !undocumented {
                self.note(
                    DiagnosticKind::Disagreement,
                    source.clone(),
                    title,
                    format!(
                        "`{}` has the {what} {} on the REST page and {} in {}",
                        param.name,
                        show(theirs),
                        show(ours),
                        reference::FILE
                    ),
                    show(ours),
                    authority::PARAMETERS.why,
                );
            }
        }
    }

    pub(super) fn cross_check_js_params(
        &mut self,
        doc: &ReferenceAction,
        js: Option<&JsAction>,
        params: &[Param],
    ) {
        let Some(js) = js else { return };
        let Some(js_params) = &js.params else {
            self.note(
                DiagnosticKind::Gap,
                at(js::FILE, js.line),
                &doc.title,
                format!("the JS page has no parameter table for `{}`", js.camel_name),
                format!("{}'s parameters", reference::FILE),
                "me.md is the parameter reference; the JS page only cross-checks it",
            );
            return;
        };
        for js_param in js_params {
            let Some(ours) = params.iter().find(|p| p.name == js_param.name) else {
                self.note(
                    DiagnosticKind::Disagreement,
                    at(js::FILE, js_param.line),
                    &doc.title,
                    format!(
                        "the JS page documents a parameter `{}` that no other document has",
                        js_param.name
                    ),
                    "no such parameter".to_string(),
                    "neither the action reference nor the REST page places it in the request",
                );
                continue;
            };
            if js_param.required != ours.required
                || normalize(&js_param.description) != normalize(&ours.description)
                || js_param.type_text != ours.documented_type
            {
                self.note(
                    DiagnosticKind::Disagreement,
                    at(js::FILE, js_param.line),
                    &doc.title,
                    format!(
                        "the JS page documents `{}` differently (type `{}`, required {}, `{}`)",
                        js_param.name, js_param.type_text, js_param.required, js_param.description
                    ),
                    format!(
                        "type {} (documented as `{}`), {}",
                        type_name(&ours.ty),
                        ours.documented_type,
                        if ours.required {
                            "required"
                        } else {
                            "optional"
                        }
                    ),
                    authority::PARAMETERS.why,
                );
            }
        }
        for name in &js.example_params {
            if !params.iter().any(|p| &p.name == name && p.required) {
                self.note(
                    DiagnosticKind::Disagreement,
                    at(js::FILE, js.line),
                    &doc.title,
                    format!("the JS example passes `{name}`, which is not a required parameter"),
                    "the documented parameters".to_string(),
                    authority::PARAMETERS.why,
                );
            }
        }
    }

    pub(super) fn compare_responses(
        &mut self,
        doc: &ReferenceAction,
        rest: &RestAction,
        js: Option<&JsAction>,
    ) {
        let ours: Vec<(u16, &str)> = doc
            .success
            .iter()
            .chain(&doc.errors)
            .map(|r| (r.status, r.type_text.as_str()))
            .collect();
        let theirs: Vec<(u16, &str)> = rest
            .success
            .iter()
            .chain(&rest.errors)
            .map(|r| (r.status, r.type_title.as_str()))
            .collect();
        for r in rest.success.iter().chain(&rest.errors) {
            if self
                .resolve_title(&r.type_title, rest::FILE, r.line)
                .is_err()
            {
                self.note(
                    DiagnosticKind::Disagreement,
                    at(rest::FILE, r.line),
                    &doc.title,
                    format!("the response type `{}` names no schema", r.type_title),
                    "me.md's linked schema".to_string(),
                    "me.md links its types",
                );
            }
        }
        if ours != theirs {
            self.note(
                DiagnosticKind::Disagreement,
                at(rest::FILE, rest.line),
                &doc.title,
                format!(
                    "the REST page documents the responses {theirs:?}; {} documents {ours:?}",
                    reference::FILE
                ),
                format!("{ours:?}"),
                authority::RESPONSES.why,
            );
        }
        let Some(js) = js else { return };
        match &js.success {
            None => self.note(
                DiagnosticKind::Gap,
                at(js::FILE, js.line),
                &doc.title,
                format!("the JS page has no success table for `{}`", js.camel_name),
                format!("{} {}", doc.success[0].status, doc.success[0].type_text),
                "me.md is the response reference; the JS page only cross-checks it",
            ),
            Some(success) => {
                let js_success: Vec<(u16, &str)> = success
                    .iter()
                    .map(|r| (r.status, r.type_title.as_str()))
                    .collect();
                let doc_success: Vec<(u16, &str)> = doc
                    .success
                    .iter()
                    .map(|r| (r.status, r.type_text.as_str()))
                    .collect();
                if js_success != doc_success {
                    self.note(
                        DiagnosticKind::Disagreement,
                        at(js::FILE, success[0].line),
                        &doc.title,
                        format!("the JS page documents the success responses {js_success:?}"),
                        format!("{doc_success:?}"),
                        authority::RESPONSES.why,
                    );
                }
            }
        }
        let js_errors: Vec<(u16, &str)> = js
            .errors
            .iter()
            .flatten()
            .map(|r| (r.status, r.type_title.as_str()))
            .collect();
        let doc_errors: Vec<(u16, &str)> = doc
            .errors
            .iter()
            .map(|r| (r.status, r.type_text.as_str()))
            .collect();
        if js_errors != doc_errors {
            self.note(
                DiagnosticKind::Disagreement,
                at(js::FILE, js.line),
                &doc.title,
                format!("the JS page documents the error responses {js_errors:?}"),
                format!("{doc_errors:?}"),
                authority::RESPONSES.why,
            );
        }
    }

    pub(super) fn compare_body_example(
        &mut self,
        doc: &ReferenceAction,
        body: &Param,
        rest_body: &rest::RestBody,
    ) {
        let Some(ParamExample::SchemaExample(anchor)) = &body.example else {
            return;
        };
        let schema_example = self
            .schemas
            .iter()
            .find(|s| &s.anchor == anchor)
            .and_then(|s| s.example.as_ref());
        if schema_example != Some(&rest_body.example) {
            self.note(
                DiagnosticKind::Disagreement,
                at(rest::FILE, rest_body.line),
                &doc.title,
                format!("the REST page's body example differs from the `{anchor}` schema example"),
                "the REST page's body example".to_string(),
                "it is the example of this very request",
            );
        }
    }

    /// A nested schema that carries a named schema's `title` must be that schema: the generator
    /// reuses the named type for it.
    pub(super) fn check_nested_schemas(&mut self) {
        let schemas = self.schemas;
        let mut found = Vec::new();
        for schema in schemas {
            nested_titled(
                &schema.json_schema,
                &mut String::new(),
                true,
                &mut |pointer, nested| found.push((schema, pointer.to_string(), nested)),
            );
        }
        for (outer, pointer, nested) in found {
            let title = nested
                .get("title")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let Some(named) = schemas.iter().find(|s| s.title == title) else {
                self.diagnostics.push(Diagnostic {
                    kind: DiagnosticKind::Gap,
                    source: outer.source.clone(),
                    resource: None,
                    action: None,
                    schema: Some(outer.anchor.clone()),
                    message: format!("`{}` nests a schema titled `{title}` at `{pointer}` that {} does not define", outer.title, outer.source.file),
                    kept: "the nested schema as written".to_string(),
                    reason: "there is no named schema to reuse".to_string(),
                });
                continue;
            };
            if !equal_but_annotations(nested, &named.json_schema) {
                self.diagnostics.push(Diagnostic {
                    kind: DiagnosticKind::Disagreement,
                    source: outer.source.clone(),
                    resource: None,
                    action: None,
                    schema: Some(outer.anchor.clone()),
                    message: format!("`{}` nests `{title}` at `{pointer}` with a different definition than its own section", outer.title),
                    kept: format!("the named `{title}` schema"),
                    reason: "the title names the schema; its own section is its definition".to_string(),
                });
            }
        }
    }
}

/// Calls `visit` on every nested object schema carrying a `title`, below the root, with its
/// JSON pointer (`pointer` is the value's on entry, and again on return).
fn nested_titled<'v>(
    value: &'v Value,
    pointer: &mut String,
    root: bool,
    visit: &mut dyn FnMut(&str, &'v Value),
) {
    match value {
        Value::Object(object) => {
            if !root
                && object.get("title").is_some_and(Value::is_string)
                && object.contains_key("type")
            {
                visit(pointer, value);
            }
            for (key, child) in object {
                let len = push_key(pointer, key);
                nested_titled(child, pointer, false, visit);
                pointer.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let len = push_index(pointer, i);
                nested_titled(child, pointer, false, visit);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// Whether two schemas are equal but for the annotations that differ between a root and its
/// nested copies (`$schema`, `title`, `description`), compared in place.
fn equal_but_annotations(a: &Value, b: &Value) -> bool {
    let (Value::Object(a), Value::Object(b)) = (a, b) else {
        return a == b;
    };
    let kept = |key: &str| !matches!(key, "$schema" | "title" | "description");
    // As maps: the same kept keys, each with an equal value, in any order.
    a.keys().filter(|k| kept(k)).count() == b.keys().filter(|k| kept(k)).count()
        && a.iter()
            .filter(|(k, _)| kept(k))
            .all(|(k, v)| b.get(k) == Some(v))
}

/// Calls `visit` on `value` and every schema nested in it, with its JSON pointer (`pointer` is
/// the value's on entry, and again on return).
fn every_node(value: &Value, pointer: &mut String, visit: &mut dyn FnMut(&str, &Value)) {
    match value {
        Value::Object(object) => {
            visit(pointer, value);
            for (key, child) in object {
                let len = push_key(pointer, key);
                every_node(child, pointer, visit);
                pointer.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let len = push_index(pointer, i);
                every_node(child, pointer, visit);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}
