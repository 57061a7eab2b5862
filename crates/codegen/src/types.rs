//! What Rust a JSON Schema becomes: structs, enums with a fallback (through the runtime's
//! `string_enum!`), untagged enums of object shapes, maps, vectors, aliases; each shared type
//! gated by the features of the resources that use it, and serialized only where it is sent.

use std::collections::{BTreeMap, HashMap};

use heck::{ToPascalCase, ToSnakeCase};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;
use wegnology_model::one_of::{classify, OneOf};
use wegnology_model::{definition_name, is_secret_property, ApiModel, Definition, Schema};

use crate::names;
use crate::{doc_lines, Options, Usage};

/// Every shared type, by name, in the order first generated.
pub(crate) struct TypeSet<'m> {
    by_title: HashMap<&'m str, &'m Schema>,
    /// What `#/definitions/…` references point to (`ApiModel::definition`).
    model: &'m ApiModel,
    /// The JSON of the named schema being generated, whose own `definitions` come first.
    root: Option<&'m Value>,
    usage: &'m Usage,
    options: Options,
    items: Vec<(String, TokenStream)>,
    /// The names of the named schemas: a nested type never takes one of them.
    reserved: BTreeMap<String, &'m str>,
    /// What the named schema being generated gives each of its types.
    context: Context,
    /// The type names of the titled schemas being generated, outermost first: a reference back
    /// to one of them, held directly, is boxed (a recursive type).
    titled: Vec<String>,
    /// What each generated type is made of, by name: what an example value is built from.
    shapes: Shapes,
}

/// What the named schema being generated gives every type made for it.
#[derive(Default, Clone)]
struct Context {
    /// Its `cfg` attribute.
    gate: TokenStream,
    /// Its title (the secret rule's context).
    title: String,
    /// Sent in a request: `Serialize`.
    sent: bool,
    /// Received in an answer, or in no action at all: `Deserialize`.
    received: bool,
}

/// Where a nested type sits, for its name and its doc comment.
#[derive(Clone, Copy)]
pub(crate) struct Place<'a> {
    /// The type holding it (a struct, or the named schema itself).
    pub(crate) owner: &'a str,
    /// The wire name of the property it is the value of (empty at the top of a schema).
    pub(crate) property: &'a str,
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
        if property.is_empty() {
            return format!("The value of [`{owner}`].");
        }
        match self.role {
            Role::Value => format!("The `{property}` value of [`{owner}`]."),
            Role::Item => format!("An item of the `{property}` array of [`{owner}`]."),
            Role::MapValue => format!("A value of the `{property}` map of [`{owner}`]."),
        }
    }
}

impl<'m> TypeSet<'m> {
    pub(crate) fn new(model: &'m ApiModel, usage: &'m Usage, options: Options) -> TypeSet<'m> {
        TypeSet {
            by_title: model
                .schemas
                .iter()
                .map(|s| (s.title.as_str(), s))
                .collect(),
            model,
            root: None,
            usage,
            options,
            items: Vec::new(),
            reserved: model
                .schemas
                .iter()
                .map(|s| (names::schema_type(s), s.anchor.as_str()))
                .collect(),
            context: Context::default(),
            titled: Vec::new(),
            shapes: Shapes::default(),
        }
    }

    /// The code of every type, and what each is made of.
    pub(crate) fn into_parts(self) -> (TokenStream, Shapes) {
        let items = self.items.into_iter().map(|(_, tokens)| tokens);
        (quote! { #( #items )* }, self.shapes)
    }

    fn has(&self, name: &str) -> bool {
        self.items.iter().any(|(n, _)| n == name)
    }

    /// `name` for a nested type, or, where a named schema or another nested type has it
    /// already, `name` with `Inner` (then a number) appended: the one place a name can depend
    /// on another schema, documented in ARCHITECTURE.md (the published documents have none).
    fn claim(&self, name: &str) -> String {
        let taken = |n: &str| self.has(n) || self.reserved.contains_key(n);
        if !taken(name) {
            return name.to_string();
        }
        let mut candidate = format!("{name}Inner");
        let mut counter = 1;
        while taken(&candidate) {
            counter += 1;
            candidate = format!("{name}Inner{counter}");
        }
        candidate
    }

    /// The type of a named schema, as the resource modules name it.
    pub(crate) fn schema_path(schema: &Schema) -> TokenStream {
        let ident = ident(&names::schema_type(schema));
        quote! { super::types::#ident }
    }

    pub(crate) fn named_schema(&mut self, schema: &'m Schema) {
        let name = names::schema_type(schema);
        if self.has(&name) {
            return;
        }
        self.context = Context {
            gate: self.usage.gate(&schema.anchor, self.options),
            title: schema.title.clone(),
            sent: self.usage.sent(&schema.anchor),
            received: self.usage.received(&schema.anchor),
        };
        self.titled = vec![name.clone()];
        self.root = Some(&schema.json_schema);
        let doc = doc_lines(&format!(
            "{}\n\nSchema `{}` of `_schemas.md`.",
            schema.description.as_deref().unwrap_or(&schema.title),
            schema.title
        ));
        let json = &schema.json_schema;
        let place = Place {
            owner: &name,
            property: "",
            role: Role::Value,
        };
        if json.get("properties").is_some() {
            self.object(&name, json, doc);
        } else if let Some(values) = string_values(json) {
            self.string_enum_item(&name, &values);
        } else if classify(json) == OneOf::Distinguishable {
            self.untagged(&name, place, json, doc);
        } else {
            // A map, a list or a scalar: an alias of what it is.
            let ty = self.type_of(place, json);
            let ident = ident(&name);
            let gate = self.context.gate.clone();
            let tokens = ty.tokens();
            self.shapes.insert(name.clone(), Shape::Alias(ty));
            self.items
                .push((name, quote! { #doc #gate pub type #ident = #tokens; }));
        }
    }

    /// The derives of a struct or enum of the current schema.
    fn derives(&self, default: bool) -> TokenStream {
        let default = default.then(|| quote! { Default, });
        // A type is serialized where it is sent and decoded where it is received (or where no
        // action names it): the serde impls are most of the compile time of the types.
        // A type only sent decodes too under the client crate's `deserialize-requests`
        // feature, for users who read bodies from files.
        let serialize = self.context.sent.then(|| quote! { ::serde::Serialize, });
        let deserialize = self
            .context
            .received
            .then(|| quote! { ::serde::Deserialize, });
        let on_request = (!self.context.received && self.options.features).then(|| {
            let feature = crate::DESERIALIZE_REQUESTS;
            quote! { #[cfg_attr(feature = #feature, derive(::serde::Deserialize))] }
        });
        quote! {
            #[derive(Debug, Clone, PartialEq, #default #serialize #deserialize)]
            #on_request
        }
    }

    /// A struct for an object schema.
    fn object(&mut self, name: &str, json: &Value, doc: TokenStream) {
        // Reserve the name first: nested types are generated while the fields are.
        self.items.push((name.to_string(), TokenStream::new()));
        let titled = json.get("title").and_then(Value::as_str);
        if titled.is_some() {
            self.titled.push(name.to_string());
        }
        let required: Vec<&str> = json
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut fields = Vec::new();
        let mut shape_fields = Vec::new();
        // `Default` only where every required field has one (generated enums do not).
        let mut defaultable = true;
        // The item type of `items` (and whether it is required): a collection's page.
        let mut page_items = None;
        let mut total_optional = false;
        let title = self.context.title.clone();
        for (wire, property) in json
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let field = field_ident(wire);
            let is_required = required.contains(&wire.as_str());
            let kind = property.get("type").and_then(Value::as_str);
            let ty = if kind == Some("string") && is_secret_property(wire, Some(&title)) {
                Ty::Secret
            } else if wire == "items" && kind == Some("array") {
                // The array branch of `type_of`, keeping the item type for `Page`.
                let item = property.get("items").cloned().unwrap_or(Value::Bool(true));
                let place = Place {
                    owner: name,
                    property: wire,
                    role: Role::Item,
                };
                let item = self.type_of(place, &item);
                page_items = Some((item.tokens(), is_required));
                Ty::Vec(Box::new(item))
            } else {
                let place = Place {
                    owner: name,
                    property: wire,
                    role: Role::Value,
                };
                self.type_of(place, property)
            };
            if wire == "totalCount" {
                total_optional = !is_required;
            }
            let doc = property_doc(wire, property);
            defaultable &= !is_required
                || (property.get("enum").is_none() && classify(property) != OneOf::Distinguishable);
            // `rename` only where the field's name is not the wire name.
            let rename = (field.to_string().trim_start_matches("r#") != wire)
                .then(|| quote! { rename = #wire, });
            // A date-time is sent as the JS client sends a `Date` (`toISOString`: milliseconds).
            let date_time = self.context.sent && ty == Ty::DateTime;
            let keep_null =
                !is_required && self.context.sent && admits_null(property) && ty == Ty::Json;
            let mut ty_tokens = ty.tokens();
            shape_fields.push(FieldShape {
                wire: wire.clone(),
                ty,
                required: is_required,
                keep_null,
            });
            let attrs = if is_required {
                let with = date_time.then(|| {
                    quote! { serialize_with = "::wegnology::runtime::date_time::serialize", }
                });
                if rename.is_none() && with.is_none() {
                    quote! {}
                } else {
                    quote! { #[serde(#rename #with)] }
                }
            } else {
                // A `null` the schema allows is a value to send (`"version": null` unsets the
                // version): decoded as `Some(Value::Null)`, not as a missing member.
                ty_tokens = quote! { ::std::option::Option<#ty_tokens> };
                let with = if date_time {
                    quote! { serialize_with = "::wegnology::runtime::date_time::serialize_option", }
                } else if keep_null {
                    quote! { default, deserialize_with = "::wegnology::runtime::keep_null", }
                } else {
                    quote! {}
                };
                // No `default` otherwise: serde decodes a missing `Option` field as `None`.
                quote! { #[serde(#rename #with skip_serializing_if = "Option::is_none")] }
            };
            fields.push(quote! { #doc #attrs pub #field: #ty_tokens, });
        }
        let mut other = None;
        if let Some(value) = self.other_members(name, json) {
            let named: Vec<String> = json
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flat_map(|p| p.keys())
                .map(|wire| field_ident(wire).to_string())
                .collect();
            let mut field = format_ident!("other");
            while named.contains(&field.to_string()) {
                field = format_ident!("{field}_members");
            }
            let value_tokens = value.tokens();
            other = Some((field.to_string(), value));
            let value = value_tokens;
            fields.push(quote! {
                /// The members besides those above that the schema allows (its
                /// `patternProperties` or `additionalProperties`), by name.
                #[serde(flatten)]
                pub #field: ::std::collections::BTreeMap<::std::string::String, #value>,
            });
        }
        if titled.is_some() {
            self.titled.pop();
        }
        self.shapes.insert(
            name.to_string(),
            Shape::Struct(StructShape {
                fields: shape_fields,
                other,
                default: defaultable,
            }),
        );
        let ident = ident(name);
        let derives = self.derives(defaultable);
        let gate = self.context.gate.clone();
        let mut tokens = quote! {
            #doc
            #gate
            #derives
            pub struct #ident { #( #fields )* }
        };
        let has_total = json
            .get("properties")
            .and_then(|p| p.get("totalCount"))
            .is_some_and(|t| t.get("type").and_then(Value::as_str) == Some("integer"));
        if let (Some((item, items_required)), true) = (page_items, has_total) {
            tokens.extend(page_impl(
                &ident,
                &gate,
                &item,
                items_required,
                total_optional,
            ));
        }
        if let Some(slot) = self.items.iter_mut().find(|(n, _)| n == name) {
            slot.1 = tokens;
        }
    }

    /// The type of the members an object schema with `properties` allows besides them: those of
    /// its `patternProperties` (one pattern: its schema; several: any JSON value) or of a schema
    /// (or `true`) in `additionalProperties`; `None` where it allows none it names.
    fn other_members(&mut self, name: &str, json: &Value) -> Option<Ty> {
        let patterns: Vec<&Value> = json
            .get("patternProperties")
            .and_then(Value::as_object)
            .map(|p| p.values().collect())
            .unwrap_or_default();
        let additional = json
            .get("additionalProperties")
            .filter(|a| a.is_object() || **a == Value::Bool(true));
        let place = Place {
            owner: name,
            property: "",
            role: Role::MapValue,
        };
        match (patterns.as_slice(), additional) {
            ([], None) => None,
            ([pattern], None) => Some(self.type_of(place, pattern)),
            ([], Some(schema)) if schema.is_object() => Some(self.type_of(place, schema)),
            _ => Some(Ty::Json),
        }
    }

    /// The Rust type of the schema `json` at `place`; nested objects and enums are generated.
    pub(crate) fn type_of(&mut self, place: Place, json: &Value) -> Ty {
        if let Some(title) = json.get("title").and_then(Value::as_str) {
            if let Some(named) = self.by_title.get(title).copied() {
                let name = names::schema_type(named);
                return self.boxed_if_recursive(&name, place);
            }
        }
        if let Some(reference) = json.get("$ref").and_then(Value::as_str) {
            return self.reference(place, reference);
        }
        // Object branches an untagged enum tells apart; other `oneOf`s are any JSON value (the
        // parser reports those).
        if classify(json) == OneOf::Distinguishable {
            let name = self.claim(&place.type_name());
            let doc = doc_lines(&format!(
                "{} One of several object shapes, told apart by their required properties.",
                place.doc()
            ));
            self.untagged(&name, place, json, doc);
            return Ty::Named(name);
        }
        if let Some(values) = string_values(json) {
            let name = self.claim(&place.type_name());
            self.string_enum_item(&name, &values);
            return Ty::Named(name);
        }
        match json.get("type").and_then(Value::as_str) {
            Some("string") if json.get("format").and_then(Value::as_str) == Some("date-time") => {
                Ty::DateTime
            }
            Some("string") => Ty::String,
            Some("integer") => Ty::Integer,
            Some("number") => Ty::Number,
            Some("boolean") => Ty::Boolean,
            Some("array") => {
                let item = json.get("items").cloned().unwrap_or(Value::Bool(true));
                Ty::Vec(Box::new(self.type_of(place.with_role(Role::Item), &item)))
            }
            Some("object") => {
                if let Some(pattern) = json
                    .get("patternProperties")
                    .and_then(Value::as_object)
                    .and_then(|p| p.values().next())
                {
                    Ty::Map(Box::new(
                        self.type_of(place.with_role(Role::MapValue), pattern),
                    ))
                } else if json.get("properties").is_some() {
                    let name = self.claim(&place.type_name());
                    self.object(&name, json, doc_lines(&place.doc()));
                    Ty::Named(name)
                } else {
                    Ty::JsonObject
                }
            }
            // `oneOf` of strings (requested scopes) is a string on the wire.
            _ if all_strings(json) => Ty::String,
            _ => Ty::Json,
        }
    }

    /// The type a `#/definitions/<name>` reference points to, by the model's rule
    /// (`ApiModel::definition`): a named schema's type; the schema's own definitions, and a
    /// name that is no schema's, are any JSON value.
    fn reference(&mut self, place: Place, reference: &str) -> Ty {
        let Some(name) = definition_name(reference) else {
            return Ty::Json;
        };
        match self
            .model
            .definition(self.root.unwrap_or(&Value::Null), name)
        {
            Definition::Named(schema) => {
                let name = names::schema_type(schema);
                self.boxed_if_recursive(&name, place)
            }
            Definition::Own | Definition::Unknown => Ty::Json,
        }
    }

    /// The generated type `name`, boxed where it is a type being generated held directly as a
    /// field's value (a recursive type needs the indirection a `Vec` or a map gives by itself).
    fn boxed_if_recursive(&self, name: &str, place: Place) -> Ty {
        let enclosing = self.titled.iter().any(|n| n == name) || place.owner == name;
        let ty = Ty::Named(name.to_string());
        if enclosing && place.role == Role::Value {
            Ty::Boxed(Box::new(ty))
        } else {
            ty
        }
    }

    /// An untagged enum of a `oneOf`'s object branches, tried in document order; a branch is
    /// its named schema's type where it carries that title, else a struct of its own.
    fn untagged(&mut self, name: &str, place: Place, json: &Value, doc: TokenStream) {
        // Reserve the name first: the branches' structs are generated below.
        self.items.push((name.to_string(), TokenStream::new()));
        let mut variants = Vec::new();
        let branches = json
            .get("oneOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten();
        let mut variant_names: Vec<String> = Vec::new();
        let mut shape_variants = Vec::new();
        for (i, branch) in branches.enumerate() {
            let title = branch.get("title").and_then(Value::as_str);
            let mut variant = title.map_or(format!("Option{}", i + 1), |t| t.to_pascal_case());
            if variant_names.contains(&variant) {
                variant = format!("{variant}{}", i + 1);
            }
            variant_names.push(variant.clone());
            let ty = match title.and_then(|t| self.by_title.get(t).copied()) {
                Some(named) => self.boxed_if_recursive(&names::schema_type(named), place),
                None => {
                    let branch_name = self.claim(&format!("{name}{variant}"));
                    let doc = doc_lines(&format!("Branch {} of [`{name}`].", i + 1));
                    self.object(&branch_name, branch, doc);
                    Ty::Named(branch_name)
                }
            };
            let ty_tokens = ty.tokens();
            shape_variants.push((variant.clone(), ty));
            let variant_doc = format!(
                " Branch {} of the `oneOf`{}.",
                i + 1,
                title.map_or(String::new(), |t| format!(", `{t}`"))
            );
            let variant = ident(&variant);
            variants.push(quote! { #[doc = #variant_doc] #variant(#ty_tokens), });
        }
        self.shapes
            .insert(name.to_string(), Shape::Untagged(shape_variants));
        let ident = ident(name);
        let derives = self.derives(false);
        let gate = self.context.gate.clone();
        let tokens = quote! {
            #doc
            #gate
            #derives
            #[serde(untagged)]
            pub enum #ident { #( #variants )* }
        };
        if let Some(slot) = self.items.iter_mut().find(|(n, _)| n == name) {
            slot.1 = tokens;
        }
    }

    /// A string enum of the current schema, named `name`.
    fn string_enum_item(&mut self, name: &str, values: &[String]) {
        self.shapes
            .insert(name.to_string(), Shape::StringEnum(values.to_vec()));
        let tokens = string_enum(name, values, &self.context.gate);
        self.items.push((name.to_string(), tokens));
    }
}

/// An enum of string values with a fallback variant that keeps unknown values; the runtime's
/// macro derives the rest from the values: docs, serde, `as_str`, `Display`.
pub(crate) fn string_enum(name: &str, values: &[String], gate: &TokenStream) -> TokenStream {
    let variants = variant_idents(values);
    let ident = ident(name);
    quote! {
        #gate
        ::wegnology::string_enum! {
            #ident { #( #variants => #values ),* }
        }
    }
}

/// `Page` for a collection answer: its items and `totalCount`.
fn page_impl(
    ident: &Ident,
    gate: &TokenStream,
    item: &TokenStream,
    items_required: bool,
    total_optional: bool,
) -> TokenStream {
    let (borrowed, owned) = if items_required {
        (quote! { &self.items }, quote! { self.items })
    } else {
        (
            quote! { self.items.as_deref().unwrap_or_default() },
            quote! { self.items.unwrap_or_default() },
        )
    };
    let total = if total_optional {
        quote! { self.total_count.and_then(|n| u64::try_from(n).ok()) }
    } else {
        quote! { u64::try_from(self.total_count).ok() }
    };
    quote! {
        #gate
        impl ::wegnology::runtime::Page for #ident {
            type Item = #item;
            #[inline]
            fn items(&self) -> &[#item] { #borrowed }
            #[inline]
            fn into_items(self) -> ::std::vec::Vec<#item> { #owned }
            #[inline]
            fn total_count(&self) -> ::std::option::Option<u64> { #total }
        }
    }
}

/// Whether a value of the schema `json` can be `null`: `null` among its types or those of one of
/// its `oneOf`/`anyOf` branches.
fn admits_null(json: &Value) -> bool {
    let null_type = match json.get("type") {
        Some(Value::String(ty)) => ty == "null",
        Some(Value::Array(types)) => types.iter().any(|t| t == "null"),
        _ => false,
    };
    null_type
        || ["oneOf", "anyOf"]
            .iter()
            .filter_map(|key| json.get(*key).and_then(Value::as_array))
            .flatten()
            .any(admits_null)
}

/// The values of a string enum schema.
fn string_values(json: &Value) -> Option<Vec<String>> {
    let values = json.get("enum").and_then(Value::as_array)?;
    if json.get("type").and_then(Value::as_str) != Some("string") {
        return None;
    }
    Some(
        values
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
    )
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

/// The Rust type at one place of a schema: what the emitted code names, and what an example
/// value of it is built as (`examples`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ty {
    /// A generated type (a struct, an enum or an alias), by name.
    Named(String),
    /// A recursive type held directly.
    Boxed(Box<Ty>),
    String,
    Secret,
    Integer,
    Number,
    Boolean,
    DateTime,
    Vec(Box<Ty>),
    /// `BTreeMap<String, T>`: an object of one pattern's values.
    Map(Box<Ty>),
    /// Any JSON object.
    JsonObject,
    /// Any JSON value.
    Json,
}

impl Ty {
    /// The type as the generated code names it (a generated type by its name alone: the
    /// types live in one module).
    pub(crate) fn tokens(&self) -> TokenStream {
        match self {
            Ty::Named(name) => {
                let ident = ident(name);
                quote! { #ident }
            }
            Ty::Boxed(inner) => {
                let inner = inner.tokens();
                quote! { ::std::boxed::Box<#inner> }
            }
            Ty::String => quote! { ::std::string::String },
            Ty::Secret => quote! { ::wegnology::runtime::Secret },
            Ty::Integer => quote! { i64 },
            Ty::Number => quote! { f64 },
            Ty::Boolean => quote! { bool },
            Ty::DateTime => quote! { ::chrono::DateTime<::chrono::Utc> },
            Ty::Vec(item) => {
                let item = item.tokens();
                quote! { ::std::vec::Vec<#item> }
            }
            Ty::Map(value) => {
                let value = value.tokens();
                quote! { ::std::collections::BTreeMap<::std::string::String, #value> }
            }
            Ty::JsonObject => {
                quote! { ::serde_json::Map<::std::string::String, ::serde_json::Value> }
            }
            Ty::Json => quote! { ::serde_json::Value },
        }
    }
}

/// What one generated type is made of.
#[derive(Debug)]
pub(crate) enum Shape {
    Struct(StructShape),
    /// An untagged enum: its variants' names and types, in the order serde tries them.
    Untagged(Vec<(String, Ty)>),
    /// A string enum: its documented values (the variants are `variant_idents` of them).
    StringEnum(Vec<String>),
    Alias(Ty),
}

#[derive(Debug)]
pub(crate) struct StructShape {
    /// The fields, in document order.
    pub(crate) fields: Vec<FieldShape>,
    /// The field of the other members (its name) and their type, where the schema allows them.
    pub(crate) other: Option<(String, Ty)>,
    /// Whether the struct derives `Default`.
    pub(crate) default: bool,
}

#[derive(Debug)]
pub(crate) struct FieldShape {
    /// The member's name on the wire (the field is `field_ident` of it).
    pub(crate) wire: String,
    /// Its type, without the `Option` of an optional field.
    pub(crate) ty: Ty,
    pub(crate) required: bool,
    /// An optional field whose `null` is a value (`Some(Value::Null)`).
    pub(crate) keep_null: bool,
}

/// Every generated type's shape, by name.
#[derive(Debug, Default)]
pub(crate) struct Shapes {
    pub(crate) by_name: HashMap<String, Shape>,
}

impl Shapes {
    pub(crate) fn insert(&mut self, name: String, shape: Shape) {
        self.by_name.insert(name, shape);
    }
}
