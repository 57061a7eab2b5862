//! `_schemas.md`'s draft-07 JSON Schemas as OpenAPI 3.1 component schemas (JSON Schema 2020-12).
//!
//! What differs between the two dialects, and what the conversion does about it:
//!
//! - `$schema` names draft-07; a component schema is in the document's dialect: dropped.
//! - `$id` (and draft-04's `id`) would re-base every reference inside the schema away from
//!   the OpenAPI document: dropped. Only keyword positions are touched; a property named `id`
//!   stays.
//! - `definitions` is `$defs`, and `$ref`s into the schema's own root (`#`, `#/definitions/x`)
//!   point into its component (`#/components/schemas/Name`, `…/Name/$defs/x`), since `#` is
//!   now the OpenAPI document. A `#/definitions/x` the schema does not define is the API's
//!   definition of that name (`ApiModel::definition`: the named schema whose title reads as
//!   it), a reference to that component. A link to another named schema
//!   (`_schemas.md#anchor`) is a reference to that component too.
//! - In draft-07 the siblings of a `$ref` are ignored; in 2020-12 they apply. Only the
//!   annotations `title`, `description` and `$comment` are kept beside a `$ref`.
//! - Tuple `items: [...]` with `additionalItems` is `prefixItems` with `items`; `additionalItems`
//!   beside a single `items` schema had no effect and is dropped.
//! - `dependencies` splits into `dependentRequired` (arrays of names) and `dependentSchemas`.
//! - A nested copy of a named schema (it carries the named schema's `title`, as `_schemas.md`
//!   writes them) that matches it is a `$ref` to that component, keeping its description.
//! - The documented example becomes the schema's `examples`.

use heck::ToUpperCamelCase;
use serde_json::{json, Map, Value};
use wegnology_model::{definition_name, ApiModel, Definition, Schema};

use crate::OpenApiError;

/// The component name of each named schema: its title in UpperCamelCase (`Recent Item List` →
/// `RecentItemList`), numbered in model order when two titles give the same name.
pub struct ComponentNames {
    /// (anchor, title, component name), in model order.
    entries: Vec<(String, String, String)>,
}

impl ComponentNames {
    pub fn new(model: &ApiModel) -> ComponentNames {
        let mut entries: Vec<(String, String, String)> = Vec::new();
        for schema in &model.schemas {
            let mut base: String = schema
                .title
                .to_upper_camel_case()
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
                .collect();
            if base.is_empty() {
                base = "Schema".into();
            }
            let mut name = base.clone();
            let mut n = 2;
            while entries.iter().any(|(_, _, taken)| *taken == name) {
                name = format!("{base}{n}");
                n += 1;
            }
            entries.push((schema.anchor.clone(), schema.title.clone(), name));
        }
        ComponentNames { entries }
    }

    /// The component name of the schema with this anchor.
    ///
    /// # Panics
    /// When the model has no such schema; use [`ComponentNames::reference`] for untrusted anchors.
    pub fn name(&self, anchor: &str) -> &str {
        self.find(|(a, _, _)| a == anchor)
            .expect("every schema of the model is named")
    }

    /// `{"$ref": "#/components/schemas/Name"}` for the schema with this anchor.
    pub fn reference(&self, anchor: &str) -> Option<Value> {
        self.find(|(a, _, _)| a == anchor).map(component_ref)
    }

    fn by_title(&self, title: &str) -> Option<(&str, &str)> {
        self.entries
            .iter()
            .find(|(_, t, _)| t == title)
            .map(|(anchor, _, name)| (anchor.as_str(), name.as_str()))
    }

    fn find(&self, pred: impl Fn(&(String, String, String)) -> bool) -> Option<&str> {
        self.entries
            .iter()
            .find(|e| pred(e))
            .map(|(_, _, name)| name.as_str())
    }
}

/// Whether two schema objects are equal once `title`, `description` and `$schema` are left out
/// of both (as maps: in any order), without copying either.
fn equal_but_annotations(a: &Map<String, Value>, b: &Map<String, Value>) -> bool {
    let kept = |key: &str| !matches!(key, "title" | "description" | "$schema");
    a.keys().filter(|k| kept(k)).count() == b.keys().filter(|k| kept(k)).count()
        && a.iter()
            .filter(|(k, _)| kept(k))
            .all(|(k, v)| b.get(k) == Some(v))
}

fn component_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

/// The component schema of one named schema: its title, description, converted JSON Schema and
/// example.
pub fn component(
    model: &ApiModel,
    names: &ComponentNames,
    named: &Schema,
) -> Result<Value, OpenApiError> {
    let converter = Converter {
        model,
        names,
        component: names.name(&named.anchor),
        title: &named.title,
        root: &named.json_schema,
    };
    let mut out = Map::new();
    out.insert("title".into(), json!(named.title));
    if let Some(description) = &named.description {
        out.insert("description".into(), json!(description));
    }
    match converter.schema(&named.json_schema, true)? {
        Value::Object(converted) => {
            for (key, value) in converted {
                // The model's title and description are the ones the schemas page shows.
                if !out.contains_key(&key) {
                    out.insert(key, value);
                }
            }
        }
        // A boolean schema (`true`/`false`) as a 2020-12 `allOf` keeps the annotations beside it.
        other => {
            out.insert("allOf".into(), json!([other]));
        }
    }
    if let Some(example) = &named.example {
        out.insert("examples".into(), json!([example]));
    }
    Ok(Value::Object(out))
}

struct Converter<'a> {
    model: &'a ApiModel,
    names: &'a ComponentNames,
    /// The component being converted, for references into its own root.
    component: &'a str,
    /// Its title, so that its own root is never replaced by a reference to itself.
    title: &'a str,
    /// Its JSON Schema, whose own `definitions` a `#/definitions/…` reference names first.
    root: &'a Value,
}

/// Keywords whose value is one subschema.
const SUBSCHEMA: &[&str] = &[
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
];
/// Keywords whose value is a list of subschemas.
const SUBSCHEMA_LIST: &[&str] = &["allOf", "anyOf", "oneOf"];
/// Keywords whose value maps names (not keywords) to subschemas.
const SUBSCHEMA_MAP: &[&str] = &[
    "properties",
    "patternProperties",
    "$defs",
    "dependentSchemas",
];
/// Annotations that stay beside a `$ref`.
const REF_ANNOTATIONS: &[&str] = &["title", "description", "$comment"];

impl Converter<'_> {
    fn schema(&self, value: &Value, is_root: bool) -> Result<Value, OpenApiError> {
        let Value::Object(object) = value else {
            // Boolean schemas mean the same in both dialects.
            return Ok(value.clone());
        };
        if let Some(reference) = self.copy_of_named(object, is_root) {
            return Ok(reference);
        }
        if let Some(Value::String(reference)) = object.get("$ref") {
            let mut out = Map::new();
            out.insert("$ref".into(), json!(self.reference(reference)?));
            for key in REF_ANNOTATIONS {
                if let Some(annotation) = object.get(*key) {
                    out.insert((*key).into(), annotation.clone());
                }
            }
            return Ok(Value::Object(out));
        }
        let tuple = matches!(object.get("items"), Some(Value::Array(_)));
        let mut out = Map::new();
        for (key, value) in object {
            match key.as_str() {
                "$schema" | "$id" | "id" => {}
                "definitions" | "$defs" => {
                    out.insert("$defs".into(), self.schema_map(value)?);
                }
                "items" if tuple => {
                    out.insert("prefixItems".into(), self.schema_list(value)?);
                }
                "items" => {
                    out.insert("items".into(), self.schema(value, false)?);
                }
                "additionalItems" if tuple => {
                    out.insert("items".into(), self.schema(value, false)?);
                }
                "additionalItems" => {}
                "dependencies" => self.dependencies(value, &mut out)?,
                k if SUBSCHEMA.contains(&k) => {
                    out.insert(key.clone(), self.schema(value, false)?);
                }
                k if SUBSCHEMA_LIST.contains(&k) => {
                    out.insert(key.clone(), self.schema_list(value)?);
                }
                k if SUBSCHEMA_MAP.contains(&k) => {
                    out.insert(key.clone(), self.schema_map(value)?);
                }
                // Data (`enum`, `const`, `default`, `required`, …) and plain keywords.
                _ => {
                    out.insert(key.clone(), value.clone());
                }
            }
        }
        Ok(Value::Object(out))
    }

    fn schema_list(&self, value: &Value) -> Result<Value, OpenApiError> {
        match value {
            Value::Array(items) => items
                .iter()
                .map(|item| self.schema(item, false))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Array),
            other => Ok(other.clone()),
        }
    }

    fn schema_map(&self, value: &Value) -> Result<Value, OpenApiError> {
        match value {
            Value::Object(entries) => {
                let mut out = Map::new();
                for (name, sub) in entries {
                    out.insert(name.clone(), self.schema(sub, false)?);
                }
                Ok(Value::Object(out))
            }
            other => Ok(other.clone()),
        }
    }

    fn dependencies(
        &self,
        value: &Value,
        out: &mut Map<String, Value>,
    ) -> Result<(), OpenApiError> {
        let Value::Object(entries) = value else {
            return Ok(());
        };
        let mut required = Map::new();
        let mut schemas = Map::new();
        for (name, dependency) in entries {
            if dependency.is_array() {
                required.insert(name.clone(), dependency.clone());
            } else {
                schemas.insert(name.clone(), self.schema(dependency, false)?);
            }
        }
        if !required.is_empty() {
            out.insert("dependentRequired".into(), Value::Object(required));
        }
        if !schemas.is_empty() {
            out.insert("dependentSchemas".into(), Value::Object(schemas));
        }
        Ok(())
    }

    /// A nested object carrying a named schema's `title` and otherwise equal to it is a
    /// reference to that component (its own description kept, an annotation).
    fn copy_of_named(&self, object: &Map<String, Value>, is_root: bool) -> Option<Value> {
        let Some(Value::String(title)) = object.get("title") else {
            return None;
        };
        if is_root && title == self.title {
            return None;
        }
        let (anchor, name) = self.names.by_title(title)?;
        let named = self.model.schema(anchor)?;
        let Value::Object(named_object) = &named.json_schema else {
            return None;
        };
        if !equal_but_annotations(object, named_object) {
            return None;
        }
        let mut reference = component_ref(name);
        if let Some(description) = object.get("description") {
            reference
                .as_object_mut()
                .expect("a reference is an object")
                .insert("description".into(), description.clone());
        }
        Some(reference)
    }

    fn reference(&self, reference: &str) -> Result<String, OpenApiError> {
        let unresolvable = |why| OpenApiError::UnresolvableRef {
            schema: self.title.to_owned(),
            reference: reference.to_owned(),
            why,
        };
        let own = format!("#/components/schemas/{}", self.component);
        if reference == "#" {
            return Ok(own);
        }
        if let Some(name) = definition_name(reference) {
            return match self.model.definition(self.root, name) {
                Definition::Own => Ok(format!("{own}/$defs/{name}")),
                Definition::Named(schema) => Ok(format!(
                    "#/components/schemas/{}",
                    self.names.name(&schema.anchor)
                )),
                Definition::Unknown => Err(unresolvable(
                    "the schema defines no such name, and no schema's title reads as it",
                )),
            };
        }
        if let Some(pointer) = reference.strip_prefix("#/") {
            let pointer = match pointer.strip_prefix("definitions/") {
                Some(rest) => format!("$defs/{rest}"),
                None => pointer.to_owned(),
            };
            return Ok(format!("{own}/{pointer}"));
        }
        // `_schemas.md#anchor` (or `#anchor`): another named schema.
        if let Some((file, anchor)) = reference.split_once('#') {
            if !(file.is_empty() || file.ends_with("_schemas.md")) {
                return Err(unresolvable("it points outside the schemas page"));
            }
            return match self.names.reference(anchor) {
                Some(Value::Object(r)) => Ok(r["$ref"].as_str().unwrap_or_default().to_owned()),
                _ => Err(unresolvable("no named schema has that anchor")),
            };
        }
        Err(unresolvable(
            "only references within the schemas page can be resolved",
        ))
    }
}
