//! When the branches of a `oneOf` of objects can be told apart: the one rule the parser reports
//! with and the generator builds with (an untagged enum, else any JSON value).
//!
//! An untagged enum tries its variants in order and ignores unknown properties, so a value of a
//! later branch is taken for an earlier one whenever it carries every property the earlier one
//! requires. The branches can be told apart when each requires at least one property and no
//! branch's required properties are all required by a later branch too.

use serde_json::Value;

/// What a schema's `oneOf` is, for the generator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OneOf {
    /// No `oneOf`, or one whose branches are not all objects with properties.
    NotObjects,
    /// Object branches an untagged enum tells apart, in document order.
    Distinguishable,
    /// Object branches it cannot tell apart, and why.
    Ambiguous(String),
}

/// Classifies `schema`'s `oneOf`.
pub fn classify(schema: &Value) -> OneOf {
    let Some(branches) = schema.get("oneOf").and_then(Value::as_array) else {
        return OneOf::NotObjects;
    };
    let is_object = |b: &Value| {
        b.get("type").and_then(Value::as_str) == Some("object")
            && b.get("properties").is_some_and(Value::is_object)
    };
    if branches.len() < 2 || !branches.iter().all(is_object) {
        return OneOf::NotObjects;
    }
    let required: Vec<Vec<&str>> = branches
        .iter()
        .map(|b| {
            b.get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default()
        })
        .collect();
    if let Some(i) = required.iter().position(Vec::is_empty) {
        return OneOf::Ambiguous(format!("branch {} requires no property", i + 1));
    }
    for (i, earlier) in required.iter().enumerate() {
        for (j, later) in required.iter().enumerate().skip(i + 1) {
            if earlier.iter().all(|p| later.contains(p)) {
                return OneOf::Ambiguous(format!(
                    "every property branch {} requires ({}) is required by branch {} too",
                    i + 1,
                    earlier.join(", "),
                    j + 1
                ));
            }
        }
    }
    OneOf::Distinguishable
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(required: &[&str]) -> Value {
        json!({"type": "object", "required": required, "properties": {"a": {}, "b": {}, "c": {}}})
    }

    #[test]
    fn rules() {
        assert_eq!(classify(&json!({"type": "string"})), OneOf::NotObjects);
        assert_eq!(
            classify(&json!({"oneOf": [{"type": "string"}, object(&["a"])]})),
            OneOf::NotObjects
        );
        assert_eq!(
            classify(&json!({"oneOf": [object(&["a"]), object(&["b"])]})),
            OneOf::Distinguishable
        );
        // A later branch with more required properties comes first: still told apart.
        assert_eq!(
            classify(&json!({"oneOf": [object(&["a", "b"]), object(&["a"])]})),
            OneOf::Distinguishable
        );
        assert!(matches!(
            classify(&json!({"oneOf": [object(&["a"]), object(&["a", "b"])]})),
            OneOf::Ambiguous(why) if why.contains("branch 1 requires (a) is required by branch 2")
        ));
        assert!(matches!(
            classify(&json!({"oneOf": [object(&[]), object(&["b"])]})),
            OneOf::Ambiguous(why) if why == "branch 1 requires no property"
        ));
    }
}
