//! The documents' JSON Schemas, compiled once at start-up.

use std::collections::HashMap;

use jsonschema::Validator;
use serde_json::Value;
use wegnology_model::ApiModel;

/// Most schema violations reported in one error message.
const MAX_REPORTED_VIOLATIONS: usize = 5;

/// A compiled validator for every named schema of the model.
pub struct Schemas {
    validators: HashMap<String, Validator>,
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
    /// supported: the crate's default regex engine is fancy-regex).
    pub fn compile(model: &ApiModel) -> Result<Schemas, SchemaError> {
        let mut validators = HashMap::new();
        for schema in &model.schemas {
            let validator = jsonschema::options()
                .with_draft(jsonschema::Draft::Draft7)
                .should_validate_formats(true)
                .build(&schema.json_schema)
                .map_err(|error| SchemaError {
                    anchor: schema.anchor.clone(),
                    message: error.to_string(),
                })?;
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
