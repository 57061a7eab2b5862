//! What Rust a JSON Schema becomes: structs, enums with a fallback, maps, vectors, aliases.

use std::collections::BTreeMap;

use heck::{ToPascalCase, ToSnakeCase};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;
use wegnology_model::{ApiModel, Schema};

use crate::doc_lines;

/// Property names whose values are secrets: they become `Secret`, whose Debug output is redacted.
const SECRET_PROPERTIES: [&str; 7] = [
    "password",
    "newPassword",
    "token",
    "twoFactorCode",
    "twoFactorAuthKey",
    "key",
    "keyUri",
];

/// Names the client runtime exports next to the generated code.
const RUNTIME_NAMES: [&str; 4] = ["Error", "Client", "ClientBuilder", "Secret"];

/// Enum names chosen by us where the property name alone would be too generic or shadow a
/// prelude type: (schema anchor, property) → type name.
const ENUM_NAMES: [(&str, &str, &str); 2] = [
    (
        "organization-invitation-action-for-user",
        "action",
        "InviteAction",
    ),
    (
        "organization-invitation-result-for-user",
        "result",
        "InviteResult",
    ),
];

/// Every generated type, by name, in the order first generated.
pub(crate) struct TypeSet<'m> {
    model: &'m ApiModel,
    items: Vec<(String, TokenStream)>,
    /// Enum values → generated enum name, so equal value lists share one type.
    enums: BTreeMap<Vec<String>, String>,
}

impl<'m> TypeSet<'m> {
    pub(crate) fn new(model: &'m ApiModel) -> TypeSet<'m> {
        TypeSet {
            model,
            items: Vec::new(),
            enums: BTreeMap::new(),
        }
    }

    pub(crate) fn into_tokens(self) -> TokenStream {
        let items = self.items.into_iter().map(|(_, tokens)| tokens);
        quote! { #( #items )* }
    }

    fn has(&self, name: &str) -> bool {
        self.items.iter().any(|(n, _)| n == name)
    }

    /// The type name of a named schema.
    pub(crate) fn schema_name(schema: &Schema) -> String {
        let name = schema.title.to_pascal_case();
        // The runtime's own names win; the schema of an error body becomes `ErrorBody`.
        if RUNTIME_NAMES.contains(&name.as_str()) {
            format!("{name}Body")
        } else {
            name
        }
    }

    pub(crate) fn named_schema(&mut self, schema: &Schema) {
        let name = Self::schema_name(schema);
        let doc = doc_lines(&format!(
            "{}\n\nSchema `{}` of `_schemas.md`.",
            schema.description.as_deref().unwrap_or(&schema.title),
            schema.title
        ));
        let json = &schema.json_schema;
        if json.get("type").and_then(Value::as_str) == Some("object") {
            self.object(&name, &schema.anchor, json, doc);
        } else {
            let ty = self.type_of(&name, &schema.anchor, "", json);
            let ident = ident(&name);
            self.items
                .push((name, quote! { #doc pub type #ident = #ty; }));
        }
    }

    /// A struct for an object schema.
    fn object(&mut self, name: &str, anchor: &str, json: &Value, doc: TokenStream) {
        if self.has(name) {
            return;
        }
        // Reserve the name first: nested types are generated while the fields are.
        self.items.push((name.to_string(), TokenStream::new()));
        let required: Vec<&str> = json
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut fields = Vec::new();
        // `Default` only where every required field has one (generated enums do not).
        let mut defaultable = true;
        for (wire, property) in json
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let field = field_ident(wire);
            let mut ty = if SECRET_PROPERTIES.contains(&wire.as_str())
                && property.get("type").and_then(Value::as_str) == Some("string")
            {
                quote! { ::wegnology::runtime::Secret }
            } else {
                self.type_of(
                    &format!("{name}{}", wire.to_pascal_case()),
                    anchor,
                    wire,
                    property,
                )
            };
            let doc = property_doc(wire, property);
            let is_required = required.contains(&wire.as_str());
            defaultable &= !is_required || property.get("enum").is_none();
            let attrs = if is_required {
                quote! { #[serde(rename = #wire)] }
            } else {
                ty = quote! { ::std::option::Option<#ty> };
                quote! { #[serde(rename = #wire, default, skip_serializing_if = "Option::is_none")] }
            };
            fields.push(quote! { #doc #attrs pub #field: #ty, });
        }
        let ident = ident(name);
        let default = if defaultable {
            quote! { Default, }
        } else {
            quote! {}
        };
        let tokens = quote! {
            #doc
            #[derive(Debug, Clone, PartialEq, #default ::serde::Serialize, ::serde::Deserialize)]
            pub struct #ident { #( #fields )* }
        };
        if let Some(slot) = self.items.iter_mut().find(|(n, _)| n == name) {
            slot.1 = tokens;
        }
    }

    /// The Rust type of a property schema; `name` is the name a nested type would take.
    pub(crate) fn type_of(
        &mut self,
        name: &str,
        anchor: &str,
        property: &str,
        json: &Value,
    ) -> TokenStream {
        if let Some(title) = json.get("title").and_then(Value::as_str) {
            if let Some(named) = self.model.schema_by_title(title) {
                let ident = ident(&Self::schema_name(named));
                return quote! { #ident };
            }
        }
        if let Some(values) = json.get("enum").and_then(Value::as_array) {
            if json.get("type").and_then(Value::as_str) == Some("string") {
                let values: Vec<String> = values
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect();
                let preferred = ENUM_NAMES
                    .iter()
                    .find(|(a, p, _)| *a == anchor && *p == property)
                    .map(|(_, _, n)| n.to_string());
                let ident = ident(&self.string_enum(
                    &values,
                    preferred.unwrap_or_else(|| property.to_pascal_case()),
                ));
                return quote! { #ident };
            }
        }
        match json.get("type").and_then(Value::as_str) {
            Some("string") if json.get("format").and_then(Value::as_str) == Some("date-time") => {
                quote! { ::chrono::DateTime<::chrono::Utc> }
            }
            Some("string") => quote! { ::std::string::String },
            Some("integer") => quote! { i64 },
            Some("number") => quote! { f64 },
            Some("boolean") => quote! { bool },
            Some("array") => {
                let item = json.get("items").cloned().unwrap_or(Value::Bool(true));
                let item = self.type_of(&format!("{name}Item"), anchor, property, &item);
                quote! { ::std::vec::Vec<#item> }
            }
            Some("object") => {
                if let Some(pattern) = json
                    .get("patternProperties")
                    .and_then(Value::as_object)
                    .and_then(|p| p.values().next())
                {
                    let value = self.type_of(&format!("{name}Value"), anchor, property, pattern);
                    quote! { ::std::collections::BTreeMap<::std::string::String, #value> }
                } else if json.get("properties").is_some() {
                    self.object(
                        name,
                        anchor,
                        json,
                        doc_lines(&format!(
                            "The `{property}` object of [`{}`].",
                            name.trim_end_matches(&property.to_pascal_case())
                        )),
                    );
                    let ident = ident(name);
                    quote! { #ident }
                } else {
                    quote! { ::serde_json::Map<::std::string::String, ::serde_json::Value> }
                }
            }
            // `oneOf` of strings (requested scopes) is a string on the wire.
            _ if all_strings(json) => quote! { ::std::string::String },
            _ => quote! { ::serde_json::Value },
        }
    }

    /// An enum of string values with a fallback variant that keeps unknown values.
    pub(crate) fn string_enum(&mut self, values: &[String], preferred: String) -> String {
        if let Some(existing) = self.enums.get(values) {
            return existing.clone();
        }
        let mut name = preferred;
        while self.has(&name) {
            name.push('_');
        }
        self.enums.insert(values.to_vec(), name.clone());
        let variants: Vec<Ident> = values.iter().map(|v| variant_ident(v)).collect();
        let docs = values.iter().map(|v| format!(" `{v}`"));
        let ident = ident(&name);
        let doc = format!(
            " One of {}; unknown values are kept in `Unknown`.",
            values
                .iter()
                .map(|v| format!("`{v}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let tokens = quote! {
            #[doc = #doc]
            #[derive(Debug, Clone, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
            pub enum #ident {
                #( #[doc = #docs] #[serde(rename = #values)] #variants, )*
                /// A value these documents do not list.
                #[serde(untagged)]
                Unknown(::std::string::String),
            }
            impl #ident {
                /// The value on the wire.
                pub fn as_str(&self) -> &str {
                    match self {
                        #( #ident::#variants => #values, )*
                        #ident::Unknown(value) => value,
                    }
                }
            }
            impl ::std::fmt::Display for #ident {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }
        };
        self.items.push((name.clone(), tokens));
        name
    }
}

fn all_strings(json: &Value) -> bool {
    match json.get("oneOf").and_then(Value::as_array) {
        Some(branches) => !branches.is_empty() && branches.iter().all(all_strings),
        None => json.get("type").and_then(Value::as_str) == Some("string"),
    }
}

fn property_doc(wire: &str, property: &Value) -> TokenStream {
    let mut text = format!("`{wire}`");
    if let Some(description) = property.get("description").and_then(Value::as_str) {
        text = format!("{description} (`{wire}`)");
    }
    if let Some(format) = property.get("format").and_then(Value::as_str) {
        text.push_str(&format!(", format `{format}`"));
    }
    if let Some(pattern) = property.get("pattern").and_then(Value::as_str) {
        text.push_str(&format!(", pattern `{pattern}`"));
    }
    doc_lines(&text)
}

pub(crate) fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// A field name: snake_case, raw where it is a keyword (`type` → `r#type`).
pub(crate) fn field_ident(wire: &str) -> Ident {
    let name = wire.to_snake_case();
    syn::parse_str::<Ident>(&name).unwrap_or_else(|_| Ident::new_raw(&name, Span::call_site()))
}

/// A variant name: PascalCase, prefixed where the value starts with a digit (`86400000` → `V86400000`).
pub(crate) fn variant_ident(value: &str) -> Ident {
    let name = value.to_pascal_case();
    if name.starts_with(|c: char| c.is_ascii_digit()) || name.is_empty() {
        format_ident!("V{}", name)
    } else {
        ident(&name)
    }
}
