//! The documents' JSON Schemas, compiled once at start-up.
//!
//! Some schemas refer to others the way the API's own definitions are named
//! (`"$ref": "#/definitions/advancedDeviceQuery"`), which their JSON has no `definitions` for:
//! such a reference resolves by the model's rule (`ApiModel::definition`: the named schema
//! whose title reads the same), added to the referring schema's own `definitions` (with those
//! it refers to in turn), so recursive schemas validate.
//!
//! Two slips of the documents' JSON are read as they are meant before compiling: a brace
//! in a `pattern` that starts no repetition (`.*{{.+}}.*`, a template placeholder) is a
//! literal brace, and a list nested in an `anyOf`/`oneOf`/`allOf` list is spliced into it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use jsonschema::Validator;
use serde_json::Value;
use wegnology_model::{ApiModel, Definition};

/// Most schema violations reported in one error message.
const MAX_REPORTED_VIOLATIONS: usize = 5;

/// A compiled validator for every named schema of the model.
pub struct Schemas {
    validators: HashMap<String, Arc<Validator>>,
}

/// Validators already compiled in this process, by the text of the schema they check: every
/// server of the same documents shares them, so starting another one compiles nothing.
fn compiled() -> &'static Mutex<HashMap<String, Arc<Validator>>> {
    static COMPILED: OnceLock<Mutex<HashMap<String, Arc<Validator>>>> = OnceLock::new();
    COMPILED.get_or_init(Mutex::default)
}

impl std::fmt::Debug for Schemas {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut anchors: Vec<&String> = self.validators.keys().collect();
        anchors.sort();
        f.debug_struct("Schemas")
            .field("anchors", &anchors)
            .finish()
    }
}

/// A schema of the model that the jsonschema crate refuses to compile.
#[derive(Debug, thiserror::Error)]
#[error("schema `{anchor}` does not compile: {message}")]
pub struct SchemaError {
    pub anchor: String,
    pub message: String,
}

impl Schemas {
    /// Compiles every schema of `model` (draft-07, formats checked, look-ahead patterns
    /// supported: the crate's default regex engine is fancy-regex), or takes it from those
    /// this process compiled before.
    pub fn compile(model: &ApiModel) -> Result<Schemas, SchemaError> {
        let mut validators = HashMap::new();
        for schema in &model.schemas {
            let mut json_schema = complete(model, &schema.json_schema);
            repair(&mut json_schema);
            let text = json_schema.to_string();
            let known = compiled()
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .get(&text)
                .cloned();
            let validator = match known {
                Some(validator) => validator,
                None => {
                    let validator = Arc::new(
                        jsonschema::options()
                            .with_draft(jsonschema::Draft::Draft7)
                            .should_validate_formats(true)
                            .build(&json_schema)
                            .map_err(|error| SchemaError {
                                anchor: schema.anchor.clone(),
                                message: error.to_string(),
                            })?,
                    );
                    compiled()
                        .lock()
                        .unwrap_or_else(|poisoned| poisoned.into_inner())
                        .insert(text, validator.clone());
                    validator
                }
            };
            validators.insert(schema.anchor.clone(), validator);
        }
        Ok(Schemas { validators })
    }

    /// Checks `value` against the schema with this anchor. The error lists what is wrong, by
    /// JSON pointer, without echoing the offending values (they may be passwords).
    pub fn check(&self, anchor: &str, value: &Value) -> Result<(), String> {
        let Some(validator) = self.validators.get(anchor) else {
            return Err(format!("no schema named `{anchor}`"));
        };
        let mut violations: Vec<String> = validator
            .iter_errors(value)
            .take(MAX_REPORTED_VIOLATIONS + 1)
            .map(|error| {
                let pointer = error.instance_path().to_string();
                let place = if pointer.is_empty() {
                    "the body".to_string()
                } else {
                    format!("`{pointer}`")
                };
                format!("{place}: {}", error.masked())
            })
            .collect();
        if violations.is_empty() {
            return Ok(());
        }
        if violations.len() > MAX_REPORTED_VIOLATIONS {
            violations.truncate(MAX_REPORTED_VIOLATIONS);
            violations.push("…".to_string());
        }
        Err(violations.join("; "))
    }
}

/// The names `#/definitions/<name>` references use in a schema.
fn definition_refs(value: &Value, names: &mut Vec<String>) {
    match value {
        Value::Object(members) => {
            if let Some(name) = members
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(wegnology_model::definition_name)
            {
                if !names.iter().any(|known| known == name) {
                    names.push(name.to_string());
                }
            }
            members
                .values()
                .for_each(|child| definition_refs(child, names));
        }
        Value::Array(items) => items.iter().for_each(|child| definition_refs(child, names)),
        _ => {}
    }
}

/// `schema` with a `definitions` entry for each `#/definitions/<name>` it (or a definition it
/// gains) refers to and does not define, by the model's rule; a name that is no schema's is left
/// unresolved.
fn complete(model: &ApiModel, schema: &Value) -> Value {
    let mut names = Vec::new();
    definition_refs(schema, &mut names);
    let named = |name: &str| match model.definition(schema, name) {
        Definition::Named(named) => Some(named),
        Definition::Own | Definition::Unknown => None,
    };
    if names.iter().all(|name| named(name).is_none()) {
        return schema.clone();
    }
    let mut completed = schema.clone();
    let mut added = serde_json::Map::new();
    let mut index = 0;
    while index < names.len() {
        let name = names[index].clone();
        index += 1;
        if let Some(named) = named(&name) {
            let mut definition = named.json_schema.clone();
            if let Value::Object(members) = &mut definition {
                members.remove("$schema");
            }
            definition_refs(&definition, &mut names);
            added.insert(name, definition);
        }
    }
    if let Value::Object(members) = &mut completed {
        let definitions = members
            .entry("definitions")
            .or_insert_with(|| Value::Object(Default::default()));
        if let Value::Object(definitions) = definitions {
            definitions.extend(added);
        }
    }
    completed
}

/// Reads the documents' slips as meant (see the module's documentation), at every depth.
fn repair(value: &mut Value) {
    match value {
        Value::Object(members) => {
            if let Some(Value::String(pattern)) = members.get_mut("pattern") {
                *pattern = literal_braces(pattern);
            }
            if let Some(Value::Object(patterns)) = members.get_mut("patternProperties") {
                let repaired: serde_json::Map<String, Value> = std::mem::take(patterns)
                    .into_iter()
                    .map(|(pattern, schema)| (literal_braces(&pattern), schema))
                    .collect();
                *patterns = repaired;
            }
            for keyword in ["anyOf", "oneOf", "allOf"] {
                if let Some(Value::Array(branches)) = members.get_mut(keyword) {
                    if branches.iter().any(Value::is_array) {
                        let spliced = std::mem::take(branches)
                            .into_iter()
                            .flat_map(|branch| match branch {
                                Value::Array(inner) => inner,
                                other => vec![other],
                            })
                            .collect();
                        *branches = spliced;
                    }
                }
            }
            members.values_mut().for_each(repair);
        }
        Value::Array(items) => items.iter_mut().for_each(repair),
        _ => {}
    }
}

/// `pattern` with each `{` or `}` that is not part of a repetition (`{2}`, `{1,255}`, `{3,}`)
/// escaped.
fn literal_braces(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len());
    let mut index = 0;
    while index < chars.len() {
        match chars[index] {
            '\\' => {
                out.push('\\');
                if let Some(next) = chars.get(index + 1) {
                    out.push(*next);
                }
                index += 2;
                continue;
            }
            '{' => {
                let close = chars[index..].iter().position(|c| *c == '}');
                let repetition = close.is_some_and(|close| {
                    let inner: String = chars[index + 1..index + close].iter().collect();
                    let (low, high) = inner.split_once(',').unwrap_or((&inner, "0"));
                    index > 0
                        && !low.is_empty()
                        && low.chars().all(|c| c.is_ascii_digit())
                        && high.chars().all(|c| c.is_ascii_digit())
                });
                if let (true, Some(close)) = (repetition, close) {
                    out.extend(&chars[index..=index + close]);
                    index += close + 1;
                    continue;
                }
                out.push_str("\\{");
            }
            '}' => out.push_str("\\}"),
            other => out.push(other),
        }
        index += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn braces_that_start_no_repetition_are_literal() {
        assert_eq!(literal_braces(".*{{.+}}.*"), ".*\\{\\{.+\\}\\}.*");
        assert_eq!(literal_braces("^[0-9a-z_-]{1,255}$"), "^[0-9a-z_-]{1,255}$");
        assert_eq!(literal_braces("^a{2}b{3,}\\{$"), "^a{2}b{3,}\\{$");
        let mut schema =
            json!({"anyOf": [[{"type": "string"}, {"type": "number"}], {"type": "null"}]});
        repair(&mut schema);
        assert_eq!(schema["anyOf"].as_array().map(Vec::len), Some(3));
    }
}
