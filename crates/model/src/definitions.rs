//! What a `"$ref": "#/definitions/<name>"` reference points to.
//!
//! The documents' schemas are the API's definitions inlined, each kept only by its title. A
//! recursive one still refers to itself, or to another, as the API's source names it
//! (`#/definitions/advancedDeviceQuery` inside `Advanced Device Query`), and most of their JSON
//! has no `definitions` for that name. The rule: a `definitions` entry of the referring
//! schema's own root comes first; otherwise the reference is the named schema whose title reads
//! the same as the name, once letter case, spaces and punctuation are left out and the titles'
//! longer words are read as the definitions' shorter ones (`Workflow` as `Flow`, `Organization`
//! as `Org`: `advancedFlowQuery` is `Advanced Workflow Query`, `instanceOrgMembers` is
//! `Instance Organization Members`); no such schema, and it points nowhere.
//!
//! One rule, so that the generated types, the fake's validators and the OpenAPI export resolve
//! every reference alike.

use serde_json::Value;

use crate::{ApiModel, Schema};

/// What a `#/definitions/<name>` reference of a schema points to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Definition<'m> {
    /// The referring schema's own `definitions/<name>`.
    Own,
    /// The model's named schema of that name.
    Named(&'m Schema),
    /// Nothing the documents define.
    Unknown,
}

/// The name a reference gives, if it is a `#/definitions/<name>` reference.
pub fn definition_name(reference: &str) -> Option<&str> {
    reference.strip_prefix("#/definitions/")
}

/// A definition's name or a schema's title as the rule compares them: lower-case letters and
/// digits only, `workflow` as `flow` and `organization` as `org`.
pub fn definition_key(name: &str) -> String {
    let letters: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    letters
        .replace("workflow", "flow")
        .replace("organization", "org")
}

impl ApiModel {
    /// What `#/definitions/<name>` means in the schema whose root is `root` (the module's rule).
    /// Two named schemas whose titles read the same: the first, in model order.
    pub fn definition(&self, root: &Value, name: &str) -> Definition<'_> {
        if root
            .get("definitions")
            .and_then(|definitions| definitions.get(name))
            .is_some()
        {
            return Definition::Own;
        }
        let key = definition_key(name);
        self.schemas
            .iter()
            .find(|schema| definition_key(&schema.title) == key)
            .map_or(Definition::Unknown, Definition::Named)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SourceRef;

    fn schema(title: &str) -> Schema {
        Schema {
            title: title.to_string(),
            anchor: title.to_lowercase().replace(' ', "-"),
            description: None,
            json_schema: serde_json::json!({"type": "object"}),
            example: None,
            source: SourceRef {
                file: "_schemas.md".to_string(),
                line: 1,
            },
        }
    }

    fn model(titles: &[&str]) -> ApiModel {
        ApiModel {
            api_version: "1.0.0".to_string(),
            base_url: "https://api.example.com".to_string(),
            query_defaults: Vec::new(),
            resources: Vec::new(),
            actions: Vec::new(),
            schemas: titles.iter().map(|t| schema(t)).collect(),
            diagnostics: Vec::new(),
        }
    }

    fn named<'m>(definition: Definition<'m>) -> Option<&'m str> {
        match definition {
            Definition::Named(schema) => Some(&schema.title),
            _ => None,
        }
    }

    #[test]
    fn a_definition_is_the_schema_whose_title_reads_the_same() {
        let model = model(&[
            "Advanced Device Query",
            "Advanced Workflow Query",
            "Instance Organization Members",
            "Device",
        ]);
        let root = serde_json::json!({"type": "object"});
        assert_eq!(
            named(model.definition(&root, "advancedDeviceQuery")),
            Some("Advanced Device Query")
        );
        assert_eq!(
            named(model.definition(&root, "advancedFlowQuery")),
            Some("Advanced Workflow Query")
        );
        assert_eq!(
            named(model.definition(&root, "instanceOrgMembers")),
            Some("Instance Organization Members")
        );
        assert_eq!(
            model.definition(&root, "advancedQuery"),
            Definition::Unknown
        );
    }

    #[test]
    fn the_schema_s_own_definitions_come_first() {
        let model = model(&["Device"]);
        let root = serde_json::json!({"definitions": {"device": {"type": "string"}}});
        assert_eq!(model.definition(&root, "device"), Definition::Own);
        assert_eq!(
            named(model.definition(&serde_json::json!({}), "device")),
            Some("Device")
        );
    }

    #[test]
    fn only_definitions_references_name_a_definition() {
        assert_eq!(definition_name("#/definitions/tag"), Some("tag"));
        assert_eq!(definition_name("#/properties/tag"), None);
        assert_eq!(definition_name("_schemas.md#device"), None);
    }
}
