//! What Rust a JSON Schema becomes: structs, enums with a fallback (through the runtime's
//! `string_enum!`), maps, vectors, aliases.

use std::collections::BTreeMap;

use heck::{ToPascalCase, ToSnakeCase};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;
use wegnology_model::one_of::{classify, OneOf};
use wegnology_model::{ApiModel, Schema};

use crate::doc_lines;

/// Property names whose values are secrets: they become `Secret`, whose Debug output is redacted.
pub(crate) use wegnology_model::SECRET_PROPERTIES;

/// Names the client runtime exports next to the generated code.
const RUNTIME_NAMES: [&str; 7] = [
    "Error",
    "Client",
    "ClientBuilder",
    "Secret",
    "FilePart",
    "Response",
    "RetryPolicy",
];

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
    /// The names of the named schemas: nested types never take one of them.
    reserved: Vec<String>,
}

/// Where a nested type sits, for its name and its doc comment.
#[derive(Clone, Copy)]
pub(crate) struct Place<'a> {
    /// The type holding it (a struct, or the named schema itself).
    pub(crate) owner: &'a str,
    /// The wire name of the property it is the value of (empty at the top of a schema).
    pub(crate) property: &'a str,
    /// The anchor of the named schema it is part of.
    pub(crate) anchor: &'a str,
    pub(crate) role: Role,
}

/// What a nested type is to its property.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Role {
    /// The property's value.
    Value,
    /// An item of the property's array.
    Item,
    /// A value of the property's map.
    MapValue,
}

impl Place<'_> {
    fn with_role(self, role: Role) -> Self {
        Place { role, ..self }
    }

    /// The name a nested type here takes: owner + property (+ `Item`/`Value`).
    fn type_name(&self) -> String {
        let suffix = match self.role {
            Role::Value => "",
            Role::Item => "Item",
            Role::MapValue => "Value",
        };
        format!("{}{}{suffix}", self.owner, self.property.to_pascal_case())
    }

    /// The doc comment of a nested type here.
    fn doc(&self) -> String {
        let (owner, property) = (self.owner, self.property);
        match self.role {
            Role::Value => format!("The `{property}` object of [`{owner}`]."),
            Role::Item => format!("An item of the `{property}` array of [`{owner}`]."),
            Role::MapValue => format!("A value of the `{property}` map of [`{owner}`]."),
        }
    }
}

impl<'m> TypeSet<'m> {
    pub(crate) fn new(model: &'m ApiModel) -> TypeSet<'m> {
        TypeSet {
            model,
            items: Vec::new(),
            enums: BTreeMap::new(),
            reserved: model.schemas.iter().map(Self::schema_name).collect(),
        }
    }

    pub(crate) fn into_tokens(self) -> TokenStream {
        let items = self.items.into_iter().map(|(_, tokens)| tokens);
        quote! { #( #items )* }
    }

    fn has(&self, name: &str) -> bool {
        self.items.iter().any(|(n, _)| n == name)
    }

    /// `name`, or `name2`, `name3`, … if a generated or named type already has it.
    fn unique(&self, name: &str) -> String {
        let taken = |n: &str| self.has(n) || self.reserved.iter().any(|r| r == n);
        let mut candidate = name.to_string();
        let mut counter = 1;
        while taken(&candidate) {
            counter += 1;
            candidate = format!("{name}{counter}");
        }
        candidate
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
        if self.has(&name) {
            return;
        }
        if json.get("properties").is_some() {
            self.object(&name, &schema.anchor, json, doc);
        } else {
            // A map, a list or a scalar: an alias of what it is.
            let place = Place {
                owner: &name,
                property: "",
                anchor: &schema.anchor,
                role: Role::Value,
            };
            let ty = self.type_of(place, json);
            let ident = ident(&name);
            self.items
                .push((name, quote! { #doc pub type #ident = #ty; }));
        }
    }

    /// A struct for an object schema.
    fn object(&mut self, name: &str, anchor: &str, json: &Value, doc: TokenStream) {
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
                let place = Place {
                    owner: name,
                    property: wire,
                    anchor,
                    role: Role::Value,
                };
                self.type_of(place, property)
            };
            let doc = property_doc(wire, property);
            let is_required = required.contains(&wire.as_str());
            defaultable &= !is_required
                || (property.get("enum").is_none() && classify(property) != OneOf::Distinguishable);
            // `rename` only where the field's name is not the wire name.
            let rename = (field.to_string().trim_start_matches("r#") != wire)
                .then(|| quote! { rename = #wire, });
            let attrs = if is_required {
                rename
                    .map(|rename| quote! { #[serde(#rename)] })
                    .unwrap_or_default()
            } else {
                ty = quote! { ::std::option::Option<#ty> };
                // No `default`: serde decodes a missing `Option` field as `None` by itself.
                quote! { #[serde(#rename skip_serializing_if = "Option::is_none")] }
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

    /// The Rust type of the schema `json` at `place`; nested objects and enums are generated.
    pub(crate) fn type_of(&mut self, place: Place, json: &Value) -> TokenStream {
        if let Some(title) = json.get("title").and_then(Value::as_str) {
            if let Some(named) = self.model.schema_by_title(title) {
                let ident = ident(&Self::schema_name(named));
                return quote! { #ident };
            }
        }
        // Object branches an untagged enum tells apart; other `oneOf`s are any JSON value (the
        // parser reports those).
        if classify(json) == OneOf::Distinguishable {
            return self.untagged(place, json);
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
                    .find(|(a, p, _)| *a == place.anchor && *p == place.property)
                    .map(|(_, _, n)| n.to_string());
                let fallback = match place.property {
                    "" => place.type_name(),
                    property => property.to_pascal_case(),
                };
                let ident = ident(&self.string_enum(&values, preferred.unwrap_or(fallback)));
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
                let item = self.type_of(place.with_role(Role::Item), &item);
                quote! { ::std::vec::Vec<#item> }
            }
            Some("object") => {
                if let Some(pattern) = json
                    .get("patternProperties")
                    .and_then(Value::as_object)
                    .and_then(|p| p.values().next())
                {
                    let value = self.type_of(place.with_role(Role::MapValue), pattern);
                    quote! { ::std::collections::BTreeMap<::std::string::String, #value> }
                } else if json.get("properties").is_some() {
                    let name = self.unique(&place.type_name());
                    self.object(&name, place.anchor, json, doc_lines(&place.doc()));
                    let ident = ident(&name);
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

    /// An untagged enum of a `oneOf`'s object branches, tried in document order; a branch is
    /// its named schema's type where it carries that title, else a struct of its own.
    fn untagged(&mut self, place: Place, json: &Value) -> TokenStream {
        let name = self.unique(&place.type_name());
        // Reserve the name first: the branches' structs are generated below.
        self.items.push((name.clone(), TokenStream::new()));
        let mut variants = Vec::new();
        let branches = json
            .get("oneOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten();
        for (i, branch) in branches.enumerate() {
            let title = branch.get("title").and_then(Value::as_str);
            let variant = title.map_or(format!("Option{}", i + 1), |t| t.to_pascal_case());
            let ty = match title.and_then(|t| self.model.schema_by_title(t)) {
                Some(named) => ident(&Self::schema_name(named)),
                None => {
                    let branch_name = self.unique(&format!("{name}{variant}"));
                    let doc = doc_lines(&format!("Branch {} of [`{name}`].", i + 1));
                    self.object(&branch_name, place.anchor, branch, doc);
                    ident(&branch_name)
                }
            };
            let variant = ident(&variant);
            variants.push(quote! { #variant(#ty), });
        }
        let doc = doc_lines(&format!(
            "{} One of several object shapes, told apart by their required properties.",
            place.doc()
        ));
        let ident = ident(&name);
        let tokens = quote! {
            #doc
            #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
            #[serde(untagged)]
            pub enum #ident { #( #variants )* }
        };
        if let Some(slot) = self.items.iter_mut().find(|(n, _)| *n == name) {
            slot.1 = tokens;
        }
        quote! { #ident }
    }

    /// An enum of string values with a fallback variant that keeps unknown values.
    pub(crate) fn string_enum(&mut self, values: &[String], preferred: String) -> String {
        if let Some(existing) = self.enums.get(values) {
            return existing.clone();
        }
        let name = self.unique(&preferred);
        self.enums.insert(values.to_vec(), name.clone());
        let variants = variant_idents(values);
        let ident = ident(&name);
        // The runtime's macro derives the rest from the values: docs, serde, `as_str`, `Display`.
        let tokens = quote! {
            ::wegnology::string_enum! {
                #ident { #( #variants => #values ),* }
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

/// An identifier for `name` (made of letters, digits and `_`): raw where it is a keyword
/// (`type` → `r#type`), with `_` appended where even that is not allowed (`self` → `self_`) and
/// prefixed where it starts with a digit (`2fa` → `_2fa`).
pub(crate) fn ident(name: &str) -> Ident {
    if name.is_empty() {
        return Ident::new("_empty", Span::call_site());
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return format_ident!("_{}", name);
    }
    if syn::parse_str::<Ident>(name).is_ok() {
        return Ident::new(name, Span::call_site());
    }
    match name {
        "self" | "Self" | "super" | "crate" | "_" => format_ident!("{}_", name),
        _ => Ident::new_raw(name, Span::call_site()),
    }
}

/// A field name: snake_case (`widgetId` → `widget_id`).
pub(crate) fn field_ident(wire: &str) -> Ident {
    ident(&wire.to_snake_case())
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

/// Variant names for `values`, numbered where two would be equal (`dark-blue`, `Dark_Blue` →
/// `DarkBlue`, `DarkBlue2`).
pub(crate) fn variant_idents(values: &[String]) -> Vec<Ident> {
    let mut names: Vec<String> = Vec::new();
    for value in values {
        let base = variant_ident(value).to_string();
        let mut name = base.clone();
        let mut counter = 1;
        while names.contains(&name) || name == "Unknown" {
            counter += 1;
            name = format!("{base}{counter}");
        }
        names.push(name);
    }
    names.iter().map(|n| ident(n)).collect()
}

/// The expression sending `value` as JSON text: a schema value or a list in a header or path
/// (query values go through the runtime's `query_json`/`query_list`). Encoding cannot fail: generated
/// types derive `Serialize` and their maps have string keys.
pub(crate) fn json_text(value: &TokenStream) -> TokenStream {
    quote! { ::serde_json::to_string(&#value).unwrap_or_default() }
}

/// The authentication line of an action's docs.
pub(crate) fn scopes_doc(action: &wegnology_model::Action) -> String {
    if !action.token_required {
        return "Needs no API access token (the client still sends one it holds).".to_string();
    }
    format!(
        "Scopes (any one): {}.",
        action
            .scopes
            .iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}
