//! The names of the generated items, decided before any code is emitted and from where each
//! item's schema or parameter is, never from which other items exist, so that adding a resource
//! or a schema renames nothing that existed:
//!
//! - a named schema is its title in PascalCase (`Device Patch` → `DevicePatch`), in `types`;
//!   a title that is one of the client crate's own names (`Error`, `Client`, …) takes `Body`;
//! - a type nested in a schema (an object, an enum, a `oneOf`) is its owner's name and its
//!   property's (`Device` + `deviceClass` → `DeviceDeviceClass`), with `Item` for an array's
//!   items and `Value` for a map's values;
//! - a resource's items live in its module (`devices::`), so they never meet another
//!   resource's: its handle `DevicesApi`, a builder per action (`GetRequest`), an enum per
//!   parameter with a fixed list of values, named after the parameter (`SortField`), or, where
//!   two actions of the resource list different values under one parameter name, after the
//!   action and the parameter (`GetSortField`), and an enum of the answers of an action with
//!   several (`ImportAnswer`).

use std::collections::BTreeMap;

use heck::ToPascalCase;
use wegnology_model::{ApiModel, Param, ParamType, Resource, Schema};

/// Names the client runtime exports next to the generated code (at the crate root).
pub const RUNTIME_NAMES: [&str; 7] = [
    "Error",
    "Client",
    "ClientBuilder",
    "Secret",
    "FilePart",
    "Response",
    "RetryPolicy",
];

/// The names of a model's items that depend on more than one place: the enums of parameters.
pub struct Names {
    /// (resource camel name, action snake name, parameter name) → enum name in the module.
    param_enums: BTreeMap<(String, String, String), String>,
}

impl Names {
    /// Decides the names of `model`'s parameter enums, resource by resource.
    pub fn decide(model: &ApiModel) -> Names {
        let mut param_enums = BTreeMap::new();
        for resource in &model.resources {
            // Parameter name → the value lists the resource's actions give it.
            let mut lists: BTreeMap<&str, Vec<&Vec<String>>> = BTreeMap::new();
            for action in model.actions_of(&resource.camel_name) {
                for param in &action.params {
                    if let Some(values) = enum_values(&param.ty) {
                        let seen = lists.entry(param.name.as_str()).or_default();
                        if !seen.contains(&values) {
                            seen.push(values);
                        }
                    }
                }
            }
            for action in model.actions_of(&resource.camel_name) {
                for param in &action.params {
                    if enum_values(&param.ty).is_none() {
                        continue;
                    }
                    let shared = lists.get(param.name.as_str()).is_some_and(|l| l.len() == 1);
                    let name = if shared {
                        param.name.to_pascal_case()
                    } else {
                        format!(
                            "{}{}",
                            action.snake_name.to_pascal_case(),
                            param.name.to_pascal_case()
                        )
                    };
                    param_enums.insert(
                        (
                            resource.camel_name.clone(),
                            action.snake_name.clone(),
                            param.name.clone(),
                        ),
                        name,
                    );
                }
            }
        }
        Names { param_enums }
    }

    /// The enum of `param` of the action `action` (snake name) of `resource` (camel name).
    pub fn param_enum(&self, resource: &str, action: &str, param: &Param) -> String {
        self.param_enums
            .get(&(resource.to_string(), action.to_string(), param.name.clone()))
            .cloned()
            .unwrap_or_else(|| param.name.to_pascal_case())
    }
}

/// The values of an enum parameter, or of the items of a list of them.
fn enum_values(ty: &ParamType) -> Option<&Vec<String>> {
    match ty {
        ParamType::Enum { values } => Some(values),
        ParamType::Array { items } => enum_values(items),
        _ => None,
    }
}

/// The type name of a named schema.
pub fn schema_type(schema: &Schema) -> String {
    let name = schema.title.to_pascal_case();
    if RUNTIME_NAMES.contains(&name.as_str()) {
        format!("{name}Body")
    } else {
        name
    }
}

/// The name of a resource's handle: `DevicesApi`.
pub fn handle(resource: &Resource) -> String {
    format!("{}Api", resource.name.to_pascal_case())
}

/// The name of an action's request builder, in its resource's module: `GetRequest`.
pub fn builder(action_snake_name: &str) -> String {
    format!("{}Request", action_snake_name.to_pascal_case())
}

/// The name of the enum of an action's several answers, in its resource's module.
pub fn answer_enum(action_snake_name: &str) -> String {
    format!("{}Answer", action_snake_name.to_pascal_case())
}

/// The variant of an answer enum for a success status: its reason phrase (`202` → `Accepted`).
pub fn status_variant(status: u16) -> String {
    match status {
        200 => "Ok".to_string(),
        201 => "Created".to_string(),
        202 => "Accepted".to_string(),
        203 => "NonAuthoritativeInformation".to_string(),
        204 => "NoContent".to_string(),
        206 => "PartialContent".to_string(),
        207 => "MultiStatus".to_string(),
        other => format!("Status{other}"),
    }
}
