//! The schemas page (`_schemas.md`): `## Title`, an optional description, a `Schema` JSON block
//! (JSON Schema draft-07) and an optional `Example` JSON block per named schema.

use serde_json::Value;
use wegnology_model::{Diagnostic, DiagnosticKind, Schema, SourceRef};

use crate::error::SpecError;
use crate::markdown::{blocks, Block, Inline};
use crate::text::{push_index, push_key};

/// Me's schemas page, relative to `spec/published`.
pub const FILE: &str = "me/_schemas.md";

/// The parsed schemas page, with the repairs made to upstream's JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaPage {
    pub schemas: Vec<Schema>,
    pub repairs: Vec<Diagnostic>,
}

/// Which JSON block the next code block is.
#[derive(Clone, Copy, PartialEq)]
enum Awaiting {
    Nothing,
    Schema,
    Example,
}

/// Parses a schemas page; `file` is its name relative to `spec/published` (Me's is [`FILE`],
/// the package's `wegnology-rest/docs/_schemas.md`), which every error and source names.
pub fn parse(file: &str, text: &str) -> Result<SchemaPage, SpecError> {
    let blocks = blocks(file, text)?;
    let mut contents: Vec<(usize, Inline)> = Vec::new();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut awaiting = Awaiting::Nothing;

    for block in &blocks {
        match block {
            Block::List { items, .. } if drafts.is_empty() => {
                contents.extend(items.iter().cloned())
            }
            Block::Heading {
                level: 2,
                line,
                inline,
            } => {
                drafts.push(Draft {
                    title: inline.text.clone(),
                    line: *line,
                    anchor: None,
                    description: None,
                    schema: None,
                    example: None,
                });
                awaiting = Awaiting::Nothing;
            }
            Block::Heading {
                level: 3,
                line,
                inline,
            } => {
                let Some(draft) = drafts.last_mut() else {
                    continue;
                };
                let anchor = inline.anchor.as_deref().unwrap_or_default();
                awaiting = match (
                    inline.text.as_str(),
                    anchor.strip_suffix("-schema"),
                    anchor.strip_suffix("-example"),
                ) {
                    ("Schema", Some(name), _) => {
                        draft.anchor = Some(name.to_string());
                        Awaiting::Schema
                    }
                    ("Example", _, Some(_)) => Awaiting::Example,
                    _ => {
                        return Err(SpecError::malformed(file, *line, format!("`### <a name=\"<anchor>-schema\"></a> Schema` or `… Example`, found `{}`", inline.text)));
                    }
                };
            }
            Block::Paragraph { inline, .. } if awaiting == Awaiting::Nothing => {
                if let Some(draft) = drafts
                    .last_mut()
                    .filter(|d| d.schema.is_none() && d.description.is_none())
                {
                    draft.description = Some(inline.text.clone());
                }
            }
            Block::Code { line, text, .. } if awaiting != Awaiting::Nothing => {
                let Some(draft) = drafts.last_mut() else {
                    continue;
                };
                // The fence is on `line`; the JSON starts on the next.
                let value: Value = serde_json::from_str(text).map_err(|e| {
                    SpecError::malformed(
                        file,
                        line + e.line().max(1),
                        format!(
                            "valid JSON in the {} block of `{}` ({e})",
                            if awaiting == Awaiting::Schema {
                                "Schema"
                            } else {
                                "Example"
                            },
                            draft.title
                        ),
                    )
                })?;
                match awaiting {
                    Awaiting::Schema => draft.schema = Some((value, *line)),
                    _ => draft.example = Some(value),
                }
                awaiting = Awaiting::Nothing;
            }
            _ => {}
        }
    }

    // The last line, for the errors that say something is missing before the end (counted only
    // then: the package's page has 140,000 lines).
    let end = || text.lines().count().max(1);
    let mut page = SchemaPage {
        schemas: Vec::new(),
        repairs: Vec::new(),
    };
    for draft in drafts {
        let (Some(anchor), Some((mut json_schema, schema_line))) = (draft.anchor, draft.schema)
        else {
            return Err(SpecError::malformed(
                file,
                end(),
                format!(
                    "a `Schema` JSON block for `{}` (line {}) before the end of the file",
                    draft.title, draft.line
                ),
            ));
        };
        if !json_schema.is_object() {
            return Err(SpecError::malformed(
                file,
                schema_line + 1,
                format!("a JSON Schema object for `{}`", draft.title),
            ));
        }
        let source = SourceRef {
            file: file.to_string(),
            line: schema_line,
        };
        // A repair of this schema: what the document says, what the model keeps, and why.
        let repair = |message: String, kept: String, reason: &str| Diagnostic {
            kind: DiagnosticKind::Repair,
            source: source.clone(),
            resource: None,
            action: None,
            schema: Some(anchor.clone()),
            message,
            kept,
            reason: reason.to_string(),
        };
        for path in repair_misplaced_keywords(&mut json_schema, "") {
            page.repairs.push(repair(
                format!("`{}` has the schema keywords `title`, `description`, `type` and `properties` inside `{path}/properties`, where each entry must be a property's schema", draft.title),
                format!("those keywords moved up to `{path}`"),
                "as written, the properties would be named `title`, `type`, … with strings for schemas, which is not valid JSON Schema; the description and nested properties show the intended item schema",
            ));
        }
        for (path, text) in repair_quoted_numbers(&mut json_schema, "") {
            page.repairs.push(repair(
                format!("`{}` gives `{path}` as the string \"{text}\"", draft.title),
                format!("the number {text}"),
                "the keyword takes a number; validators and OpenAPI tools reject a string there",
            ));
        }
        for (path, name) in repair_self_references(&mut json_schema, &draft.title) {
            page.repairs.push(repair(
                format!("`{}` refers to itself (`#/definitions/{name}`) at `{path}`, which is no query's operand", draft.title),
                "any JSON value there".to_string(),
                "in these documents a schema holds itself only in a query's `$and`/`$or`; elsewhere they mean another schema, which the reference does not name",
            ));
        }
        page.schemas.push(Schema {
            title: draft.title,
            anchor,
            description: draft.description,
            json_schema,
            example: draft.example,
            source,
        });
    }
    for (line, item) in &contents {
        let anchor = item
            .link
            .as_deref()
            .and_then(|l| l.strip_prefix('#'))
            .unwrap_or_default();
        if !page.schemas.iter().any(|s| s.anchor == anchor) {
            return Err(SpecError::malformed(file, end(), format!("a `## {}` section (`#{anchor}`), listed in the contents on line {line}, before the end of the file", item.text)));
        }
    }
    Ok(page)
}

struct Draft {
    title: String,
    line: usize,
    anchor: Option<String>,
    description: Option<String>,
    schema: Option<(Value, usize)>,
    example: Option<Value>,
}

/// Finds objects whose `properties` holds a schema's own keywords rather than property schemas
/// (a string where a schema must be an object) and lifts those keywords into the object.
/// Returns the JSON pointer of each repaired object.
fn repair_misplaced_keywords(schema: &mut Value, pointer: &str) -> Vec<String> {
    let mut repaired = Vec::new();
    lift_misplaced_keywords(schema, &mut pointer.to_string(), &mut repaired);
    repaired
}

/// [`repair_misplaced_keywords`] below `pointer` (the schema's on entry, and again on return).
fn lift_misplaced_keywords(schema: &mut Value, pointer: &mut String, repaired: &mut Vec<String>) {
    let Value::Object(object) = schema else {
        return;
    };
    let misplaced = object
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|props| {
            props.get("type").is_some_and(Value::is_string)
                && props.get("properties").is_some_and(Value::is_object)
        });
    if misplaced {
        if let Some(Value::Object(inner)) = object.remove("properties") {
            for (key, value) in inner {
                object.insert(key, value);
            }
        }
        repaired.push(if pointer.is_empty() {
            "/".to_string()
        } else {
            pointer.clone()
        });
    }
    for (key, child) in object.iter_mut() {
        let len = push_key(pointer, key);
        lift_misplaced_keywords(child, pointer, repaired);
        pointer.truncate(len);
    }
}

/// Keywords whose value is a number in every JSON Schema draft.
const NUMERIC_KEYWORDS: [&str; 11] = [
    "maxItems",
    "minItems",
    "maxLength",
    "minLength",
    "maxProperties",
    "minProperties",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
];

/// `"maxItems": "10"` → `"maxItems": 10`, wherever a schema keyword (not a property of that
/// name) holds a number as a string. Returns each repaired keyword's pointer and its text.
fn repair_quoted_numbers(schema: &mut Value, pointer: &str) -> Vec<(String, String)> {
    let mut repaired = Vec::new();
    unquote_numbers(schema, &mut pointer.to_string(), &mut repaired);
    repaired
}

/// [`repair_quoted_numbers`] below `pointer` (the schema's on entry, and again on return).
fn unquote_numbers(schema: &mut Value, pointer: &mut String, repaired: &mut Vec<(String, String)>) {
    match schema {
        Value::Object(object) => {
            for (key, child) in object.iter_mut() {
                let len = push_key(pointer, key);
                if NUMERIC_KEYWORDS.contains(&key.as_str()) {
                    if let Value::String(text) = child {
                        if let Ok(number) = text.parse::<serde_json::Number>() {
                            repaired.push((pointer.clone(), text.clone()));
                            *child = Value::Number(number);
                        }
                    }
                } else if matches!(
                    key.as_str(),
                    "properties" | "patternProperties" | "definitions" | "$defs"
                ) {
                    // Their keys are names, their values schemas.
                    if let Value::Object(named) = child {
                        for (name, sub) in named.iter_mut() {
                            let at = push_key(pointer, name);
                            unquote_numbers(sub, pointer, repaired);
                            pointer.truncate(at);
                        }
                    }
                } else {
                    unquote_numbers(child, pointer, repaired);
                }
                pointer.truncate(len);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter_mut().enumerate() {
                let len = push_index(pointer, index);
                unquote_numbers(item, pointer, repaired);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// A `#/definitions/<name>` reference to the schema it is in (its name reads as the schema's
/// title, by the model's rule) from anywhere but a query's operand (a property named with `$`:
/// `$and`, `$or`, where a query holds queries), and not to a definition of the schema's own:
/// the documents name the schema itself where they mean another (`Instance Organization
/// Members`' `items`, which are its members, not collections). The reference is dropped, so
/// that place is any JSON value for the generator, the fake and the export alike. Returns each
/// repaired place's pointer and the name it gave.
fn repair_self_references(schema: &mut Value, title: &str) -> Vec<(String, String)> {
    let own: Vec<String> = schema
        .get("definitions")
        .and_then(Value::as_object)
        .map(|definitions| definitions.keys().cloned().collect())
        .unwrap_or_default();
    let is_self = |name: &str| {
        !own.iter().any(|defined| defined == name)
            && wegnology_model::definition_key(name) == wegnology_model::definition_key(title)
    };
    let mut repaired = Vec::new();
    drop_self_references(schema, &mut String::new(), false, &is_self, &mut repaired);
    repaired
}

/// [`repair_self_references`] below `pointer`; `operand` says whether the nearest enclosing
/// property is named with `$`.
fn drop_self_references(
    schema: &mut Value,
    pointer: &mut String,
    operand: bool,
    is_self: &dyn Fn(&str) -> bool,
    repaired: &mut Vec<(String, String)>,
) {
    match schema {
        Value::Object(object) => {
            let named = object
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(wegnology_model::definition_name)
                .map(str::to_string);
            if let Some(name) = named {
                if !operand && is_self(&name) {
                    object.shift_remove("$ref");
                    repaired.push((pointer.clone(), name));
                }
            }
            for (key, child) in object.iter_mut() {
                let len = push_key(pointer, key);
                if matches!(key.as_str(), "properties" | "patternProperties") {
                    // Their keys are property names, their values schemas.
                    if let Value::Object(properties) = child {
                        for (name, sub) in properties.iter_mut() {
                            let at = push_key(pointer, name);
                            drop_self_references(
                                sub,
                                pointer,
                                name.starts_with('$'),
                                is_self,
                                repaired,
                            );
                            pointer.truncate(at);
                        }
                    }
                } else {
                    drop_self_references(child, pointer, operand, is_self, repaired);
                }
                pointer.truncate(len);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter_mut().enumerate() {
                let len = push_index(pointer, index);
                drop_self_references(item, pointer, operand, is_self, repaired);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_quoted_number_keyword_is_repaired_but_not_a_property_so_named() {
        let mut schema = json!({"type": "object", "properties": {
            "members": {"type": "array", "maxItems": "10"},
            "maxItems": {"type": "string", "maxLength": 3}
        }});
        let repaired = repair_quoted_numbers(&mut schema, "");
        assert_eq!(
            repaired,
            [("/properties/members/maxItems".to_string(), "10".to_string())]
        );
        assert_eq!(schema["properties"]["members"]["maxItems"], json!(10));
        assert_eq!(schema["properties"]["maxItems"]["maxLength"], json!(3));
    }

    #[test]
    fn a_self_reference_outside_a_query_operand_is_dropped() {
        let mut schema = json!({"type": "object", "properties": {
            "items": {"type": "array", "items": {"$ref": "#/definitions/instanceOrgMembers"}},
            "query": {"type": "object", "properties": {
                "$and": {"type": "array", "items": {"$ref": "#/definitions/instanceOrgMembers"}}
            }},
            "other": {"$ref": "#/definitions/advancedDeviceQuery"}
        }});
        let repaired = repair_self_references(&mut schema, "Instance Organization Members");
        assert_eq!(
            repaired,
            [(
                "/properties/items/items".to_string(),
                "instanceOrgMembers".to_string()
            )]
        );
        assert_eq!(schema["properties"]["items"]["items"], json!({}));
        // A query's operand holds the query; another schema's name stays.
        assert_eq!(
            schema["properties"]["query"]["properties"]["$and"]["items"]["$ref"],
            "#/definitions/instanceOrgMembers"
        );
        assert_eq!(
            schema["properties"]["other"]["$ref"],
            "#/definitions/advancedDeviceQuery"
        );

        // A definition of the schema's own is not the schema.
        let mut own = json!({"definitions": {"tree": {"type": "object"}},
            "properties": {"children": {"type": "array", "items": {"$ref": "#/definitions/tree"}}}});
        assert!(repair_self_references(&mut own, "Tree").is_empty());
    }

    const PAGE: &str = "# Schemas

*   [Error](#error)
*   [Invitations](#invitations)

<br/>

## Error

Schema for errors returned by the API

### <a name=\"error-schema\"></a> Schema

```json
{
  \"type\": \"object\",
  \"properties\": { \"type\": { \"type\": \"string\" } }
}
```
### <a name=\"error-example\"></a> Example

```json
{ \"type\": \"NotFound\" }
```

<br/>

## Invitations

### <a name=\"invitations-schema\"></a> Schema

```json
{
  \"type\": \"array\",
  \"items\": {
    \"type\": \"object\",
    \"properties\": {
      \"title\": \"Invitation\",
      \"type\": \"object\",
      \"properties\": { \"id\": { \"type\": \"string\" } }
    }
  }
}
```
";

    #[test]
    fn parses_schemas_and_repairs_misplaced_keywords() {
        let page = parse(FILE, PAGE).unwrap();
        assert_eq!(page.schemas.len(), 2);
        let error = &page.schemas[0];
        assert_eq!(
            (error.title.as_str(), error.anchor.as_str()),
            ("Error", "error")
        );
        assert_eq!(
            error.description.as_deref(),
            Some("Schema for errors returned by the API")
        );
        assert_eq!(error.example, Some(json!({"type": "NotFound"})));
        assert_eq!(error.source.line, 14);

        let invitations = &page.schemas[1];
        assert_eq!(invitations.description, None);
        assert_eq!(invitations.example, None);
        assert_eq!(
            invitations.json_schema["items"],
            json!({"type": "object", "title": "Invitation", "properties": {"id": {"type": "string"}}})
        );
        assert_eq!(page.repairs.len(), 1);
        assert!(
            page.repairs[0].message.contains("`/items/properties`"),
            "{}",
            page.repairs[0].message
        );
    }

    #[test]
    fn invalid_json_names_the_line() {
        let doc = PAGE.replace("{ \"type\": \"NotFound\" }", "{ \"type\": NotFound }");
        let err = parse(FILE, &doc).unwrap_err().to_string();
        assert!(
            err.starts_with(
                "me/_schemas.md:23: expected valid JSON in the Example block of `Error`"
            ),
            "{err}"
        );
    }

    #[test]
    fn truncated_page() {
        let cut = &PAGE[..PAGE.find("```json\n{\n  \"type\": \"array\"").unwrap()];
        let err = parse(FILE, cut).unwrap_err().to_string();
        assert!(
            err.contains(
                "a `Schema` JSON block for `Invitations` (line 28) before the end of the file"
            ),
            "{err}"
        );
    }

    #[test]
    fn unterminated_json_block() {
        let cut = &PAGE[..PAGE.find("      \"properties\": { \"id\"").unwrap()];
        let err = parse(FILE, cut).unwrap_err().to_string();
        assert!(
            err.contains("expected valid JSON in the Schema block of `Invitations`"),
            "{err}"
        );
    }
}
