//! The conformance table: every action of the model called through the generated client with
//! its documented example values, by the value rules of `tools/js-recorder` (the recorder of
//! what the official JS client sends). `cargo xtask regen` writes it to
//! `crates/client/tests/conformance/calls.rs`, which `crates/client/tests/conformance.rs`
//! runs against a loopback recorder and compares with the JS client's recording.
//!
//! The value rules (`tools/js-recorder/README.md`): a parameter without example is left out
//! (a required one gets a placeholder, said in the call's docs); a literal is the example text,
//! HTML entities decoded, as the parameter's type (an enum text the documents do not list is the
//! enum's `Unknown`); an `array` literal is split into items; every file is the same 54-byte
//! `example.txt`; a schema example is the example of that schema in the model, decoded into the
//! parameter's type. Names come from the generator's own functions, so the calls are those a user
//! writes.

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use serde_json::Value;
use wegnology_model::{Action, ApiModel, Location, Param, ParamExample, ParamType, Resource};

use crate::examples::json_tokens;
use crate::names::Names;
use crate::types::{field_ident, ident, variant_idents, Shapes, Ty};
use crate::{doc_lines, module_ident};

/// The file name every `file` parameter is sent as (rule 4 of the value rules).
pub const FILE_NAME: &str = "example.txt";
/// The content of that file: 54 bytes of UTF-8.
pub const FILE_TEXT: &str = "example file content from the wegnology-rest recorder\n";

/// Rust source of the conformance table of `model`: a module per resource holding a function per
/// action that makes the action's call with its documented example values (required arguments,
/// a setter per optional parameter with an example, `losantdomain` included) and sends it,
/// giving the result of `send()` without its value (so a success body that does not decode is an
/// error); `calls()`, every action's id (`Action::id`, `device.get`) with its function, in model
/// order; and `example_ids(id)`, the documented example of each path parameter of an action.
/// A function takes the values of its path parameters (`Ids`, by wire name) at run time: the
/// wire comparison gives it the documented examples, a test against a stateful server the ids of
/// items it created. The source names the client crate `::wegnology` and is meant for
/// `include!` in one of its tests.
pub fn calls(model: &ApiModel) -> TokenStream {
    let names = Names::decide(model);
    let usage = crate::Usage::of(model);
    let (_, shapes) = crate::types_parts(model, &usage, crate::Options::CLIENT_CRATE);
    let mut entries = Vec::new();
    let mut example_arms = Vec::new();
    let mut modules = Vec::new();
    for resource in &model.resources {
        let module = module_ident(&resource.snake_name);
        let mut functions = Vec::new();
        for action in model.actions_of(&resource.camel_name) {
            let function = field_ident(&action.snake_name);
            let id = action.id();
            entries.push(quote! { (#id, #module::#function as Call) });
            let (function, ids) = call_function(model, &names, &shapes, resource, action);
            functions.push(function);
            if !ids.is_empty() {
                let ids = ids.iter().map(|(name, value)| {
                    quote! { (#name.to_string(), ::std::string::String::from(#value)) }
                });
                example_arms.push(quote! { #id => Ids::from([ #( #ids ),* ]), });
            }
        }
        let doc = doc_lines(&format!(
            "The calls of the {} resource's actions.",
            resource.name
        ));
        modules.push(quote! {
            #doc
            pub mod #module {
                #( #functions )*
            }
        });
    }
    let count = entries.len();
    let table_doc = doc_lines(&format!(
        "Every action of the model ({count}), by its id (`resource.camelAction`), with the \
         function that calls it with its documented example values, in model order."
    ));
    quote! {
        /// The values of a call's path parameters, by wire name (`applicationId`).
        pub type Ids = ::std::collections::BTreeMap<::std::string::String, ::std::string::String>;

        /// What a call's function gives: the call, sent when awaited; the result of `send()`
        /// without its value (an error status, a transport failure, or a success body that does
        /// not decode into the documented type).
        pub type Sent<'c> = ::std::pin::Pin<
            ::std::boxed::Box<
                dyn ::std::future::Future<Output = ::std::result::Result<(), ::wegnology::Error>>
                    + ::std::marker::Send
                    + 'c,
            >,
        >;

        /// A function calling one action on the client it is given, with the values of its path
        /// parameters from the `Ids` it is given (it panics if one is missing).
        pub type Call = for<'c> fn(&'c ::wegnology::Client, &'c Ids) -> Sent<'c>;

        #table_doc
        pub fn calls() -> ::std::vec::Vec<(&'static str, Call)> {
            ::std::vec::Vec::from([ #( #entries ),* ])
        }

        /// The documented example values of the path parameters of the action `id`
        /// (`resource.camelAction`), by wire name: empty for an action without any.
        pub fn example_ids(id: &str) -> Ids {
            match id {
                #( #example_arms )*
                _ => Ids::new(),
            }
        }

        /// The value of the path parameter `name` in `ids`.
        pub fn path_value(ids: &Ids, name: &str) -> ::std::string::String {
            match ids.get(name) {
                ::std::option::Option::Some(value) => value.clone(),
                ::std::option::Option::None => {
                    ::std::panic!("no value given for the path parameter `{name}`")
                }
            }
        }

        /// The file every `file` parameter is given (`tools/js-recorder`'s value rule 4).
        pub fn example_file() -> ::wegnology::FilePart {
            ::wegnology::FilePart::new(#FILE_TEXT.as_bytes().to_vec(), #FILE_NAME)
        }

        #( #modules )*
    }
}

/// The function calling one action, and the documented example (or stand-in) of each path
/// parameter it takes from its `Ids`, by wire name.
fn call_function(
    model: &ApiModel,
    names: &Names,
    shapes: &Shapes,
    resource: &Resource,
    action: &Action,
) -> (TokenStream, Vec<(String, TokenStream)>) {
    let values = Values {
        model,
        names,
        shapes,
        resource,
        action,
    };
    let accessor = module_ident(&resource.snake_name);
    let method = field_ident(&action.snake_name);
    let mut notes = Vec::new();
    let mut args = Vec::new();
    let mut setters = Vec::new();
    let mut ids = Vec::new();
    for param in &action.params {
        // Required arguments as the generated method takes them: required parameters and every
        // path parameter, in model order (the runtime's `losantdomain` is a setter).
        let is_argument = param.required || param.location == Location::Path;
        // A path parameter taken as text comes from the call's `Ids`; its example goes to
        // `example_ids`.
        if param.location == Location::Path && param.ty == ParamType::String {
            let name = &param.name;
            let example = match values.example(param) {
                Ok(value) => value,
                Err(why) => {
                    let placeholder = values.placeholder(param);
                    notes.push(format!(
                        "`{}` is required and {why}: a placeholder is sent, `{}`.",
                        param.name,
                        compact(&placeholder)
                    ));
                    placeholder
                }
            };
            ids.push((name.clone(), example));
            args.push(quote! { super::path_value(ids, #name) });
            continue;
        }
        match values.example(param) {
            Ok(value) if is_argument => args.push(value),
            Ok(value) => {
                let setter = field_ident(&param.name);
                setters.push(quote! { .#setter(#value) });
            }
            Err(why) if is_argument => {
                let placeholder = values.placeholder(param);
                notes.push(format!(
                    "`{}` is required and {why}: a placeholder is sent, `{}`.",
                    param.name,
                    compact(&placeholder)
                ));
                args.push(placeholder);
            }
            Err(why) => notes.push(format!("`{}` {why}: left out.", param.name)),
        }
    }
    let mut doc = format!(
        "`{}`: `{} {}`.",
        action.id(),
        action.method.as_str(),
        action.path
    );
    for note in notes {
        doc.push_str(&format!("\n\n{note}"));
    }
    let doc = doc_lines(&doc);
    let ids_param = if ids.is_empty() {
        quote! { _ids }
    } else {
        quote! { ids }
    };
    let function = quote! {
        #doc
        pub fn #method<'c>(
            client: &'c ::wegnology::Client,
            #ids_param: &'c super::Ids,
        ) -> super::Sent<'c> {
            ::std::boxed::Box::pin(async move {
                client
                    .#accessor()
                    .#method( #( #args ),* )
                    #( #setters )*
                    .send()
                    .await
                    .map(|_| ())
            })
        }
    };
    (function, ids)
}

/// Tokens as one line, for the docs.
fn compact(tokens: &TokenStream) -> String {
    let file: Result<syn::Expr, _> = syn::parse2(tokens.clone());
    match file {
        Ok(expr) => {
            let text = prettyplease::unparse(&syn::parse_quote! { const _: () = #expr; });
            let text = text.trim();
            let text = text
                .strip_prefix("const _: () = ")
                .and_then(|t| t.strip_suffix(';'))
                .unwrap_or(text);
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        }
        Err(_) => tokens.to_string(),
    }
}

/// What one action's values are made from.
struct Values<'a> {
    model: &'a ApiModel,
    names: &'a Names,
    /// What the generated types are made of: schema values are built as struct literals.
    shapes: &'a Shapes,
    resource: &'a Resource,
    action: &'a Action,
}

impl Values<'_> {
    /// The value of `param` by the value rules, or why it has none.
    fn example(&self, param: &Param) -> Result<TokenStream, String> {
        if param.ty == ParamType::File {
            return Ok(quote! { super::example_file() });
        }
        match &param.example {
            None => Err("has no documented example".to_string()),
            Some(ParamExample::Literal(text)) => {
                self.literal(param, &param.ty, &decode_entities(text))
            }
            Some(ParamExample::SchemaExample(anchor)) => {
                let Some(schema) = self.model.schema(anchor) else {
                    return Err(format!(
                        "links to the schema `{anchor}`, which the model lacks"
                    ));
                };
                let Some(example) = &schema.example else {
                    return Err(format!(
                        "links to the schema `{anchor}`, which has no example"
                    ));
                };
                self.json_value(&param.ty, example)
                    .map_err(|why| format!("has the example of schema `{anchor}`, {why}"))
            }
        }
    }

    /// A JSON value as a value of type `ty`: a generated type's as the literal that builds it,
    /// a string's as its text (taken as `impl Into<String>`), another's decoded.
    fn json_value(&self, ty: &ParamType, value: &Value) -> Result<TokenStream, String> {
        match (ty, value) {
            (ParamType::Schema { schema }, _) => {
                let Some(schema) = self.model.schema(schema) else {
                    return Err(format!("of a schema `{schema}` the model lacks"));
                };
                let ty = Ty::Named(crate::names::schema_type(schema));
                self.shapes
                    .literal(&ty, value, &quote! { ::wegnology })
                    .map_err(|why| format!("which is no value of its type: {why}"))
            }
            (ParamType::String, Value::String(text)) => Ok(quote! { #text }),
            (ParamType::Array { items }, Value::Array(values)) => {
                let values = values
                    .iter()
                    .map(|v| match (items.as_ref(), v) {
                        (ParamType::String, Value::String(text)) => {
                            Ok(quote! { #text.to_string() })
                        }
                        _ => self.json_value(items, v),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(quote! { ::std::vec![ #( #values ),* ] })
            }
            _ => {
                let json = json_tokens(value);
                Ok(quote! {
                    ::serde_json::from_value(::serde_json::json!(#json)).expect("the example decodes")
                })
            }
        }
    }

    /// A literal example `text` as a value of type `ty`.
    fn literal(&self, param: &Param, ty: &ParamType, text: &str) -> Result<TokenStream, String> {
        match ty {
            ParamType::String => Ok(quote! { #text }),
            ParamType::Integer => text
                .parse::<i64>()
                .map(|n| {
                    let magnitude = Literal::u64_unsuffixed(n.unsigned_abs());
                    if n < 0 {
                        quote! { -#magnitude }
                    } else {
                        quote! { #magnitude }
                    }
                })
                .map_err(|_| format!("has the example `{text}`, which is no integer")),
            ParamType::Boolean => match text {
                "true" => Ok(quote! { true }),
                "false" => Ok(quote! { false }),
                _ => Err(format!("has the example `{text}`, which is no boolean")),
            },
            ParamType::Enum { values } => {
                let path = self.enum_path(param);
                match values.iter().position(|v| v == text) {
                    Some(index) => {
                        let variant = &variant_idents(values)[index];
                        Ok(quote! { #path::#variant })
                    }
                    // Not one of the documented values: the enum's fallback sends the text.
                    None => Ok(quote! { #path::Unknown(#text.to_string()) }),
                }
            }
            ParamType::Array { items } => {
                let items = split_array_cell(text)
                    .iter()
                    .map(|item| self.item(param, items, item))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(quote! { ::std::vec![ #( #items ),* ] })
            }
            // A cell is text: a schema's value from it is that string.
            ParamType::Schema { .. } => self
                .json_value(ty, &Value::String(text.to_string()))
                .map_err(|why| format!("has the example `{text}`, {why}")),
            ParamType::File => Ok(quote! { super::example_file() }),
        }
    }

    /// One item of a list: strings are owned (`Vec<String>`).
    fn item(&self, param: &Param, ty: &ParamType, text: &str) -> Result<TokenStream, String> {
        match ty {
            ParamType::String => Ok(quote! { #text.to_string() }),
            other => self.literal(param, other, text),
        }
    }

    /// `::wegnology::<resource>::<Enum>` of an enum parameter.
    fn enum_path(&self, param: &Param) -> TokenStream {
        let module = module_ident(&self.resource.snake_name);
        let name = ident(&self.names.param_enum(
            &self.resource.camel_name,
            &self.action.snake_name,
            param,
        ));
        quote! { ::wegnology::#module::#name }
    }

    /// A value of the parameter's type where the documents give no usable example.
    fn placeholder(&self, param: &Param) -> TokenStream {
        match &param.ty {
            ParamType::String => {
                let name = &param.name;
                quote! { #name }
            }
            ParamType::Integer => quote! { 0 },
            ParamType::Boolean => quote! { false },
            ParamType::Enum { values } => {
                let path = self.enum_path(param);
                match variant_idents(values).first() {
                    Some(first) => quote! { #path::#first },
                    None => quote! { #path::Unknown(::std::string::String::new()) },
                }
            }
            ParamType::Schema { .. } => quote! { ::std::default::Default::default() },
            ParamType::Array { .. } => quote! { ::std::vec::Vec::new() },
            ParamType::File => quote! { super::example_file() },
        }
    }
}

/// Decodes the HTML entities the documents use, as the recorder does: `&#NN;`, `&#xHH;` and
/// `&amp; &lt; &gt; &quot; &apos; &nbsp;`; any other `&…;` stays.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let decoded = after.find(';').and_then(|end| {
            let reference = &after[..end];
            entity(reference).map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character of one entity reference (between `&` and `;`).
fn entity(reference: &str) -> Option<char> {
    if let Some(number) = reference.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()) => {
                u32::from_str_radix(hex, 16).ok()?
            }
            Some(_) => return None,
            None if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) => {
                number.parse().ok()?
            }
            None => return None,
        };
        return char::from_u32(code);
    }
    match reference {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => None,
    }
}

/// An `array` cell as its items: brackets around the whole cell dropped, split at commas, each
/// item trimmed and one pair of matching `'…'` or `"…"` quotes removed, empty items dropped.
pub fn split_array_cell(text: &str) -> Vec<String> {
    let mut inner = text.trim();
    if inner.len() >= 2 && inner.starts_with('[') && inner.ends_with(']') {
        inner = &inner[1..inner.len() - 1];
    }
    inner
        .split(',')
        .map(str::trim)
        .map(|item| {
            let quoted = item.len() >= 2
                && (item.starts_with('\'') || item.starts_with('"'))
                && item.ends_with(&item[..1]);
            if quoted {
                &item[1..item.len() - 1]
            } else {
                item
            }
        })
        .filter(|item| !item.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_are_decoded_as_the_recorder_does() {
        assert_eq!(
            decode_entities("[ &#x27;gps&#x27;, &#39;aws&#39; ]"),
            "[ 'gps', 'aws' ]"
        );
        assert_eq!(
            decode_entities("a &amp; b &lt;c&gt; &quot;&apos;"),
            "a & b <c> \"'"
        );
        assert_eq!(decode_entities("&nbsp;"), "\u{a0}");
        assert_eq!(decode_entities("&copy; &#xZZ; & &;"), "&copy; &#xZZ; & &;");
    }

    #[test]
    fn every_action_is_called_and_a_missing_example_is_a_placeholder_said_in_its_docs() {
        let json = include_str!("../../../spec/generated/model.json");
        let mut model = ApiModel::from_json(json).unwrap();
        let text = crate::format_file(calls(&model));
        assert_eq!(text.matches(" as Call").count(), model.actions.len());
        assert!(!text.contains("placeholder"));
        let get = model
            .actions
            .iter_mut()
            .find(|a| a.id() == "device.get")
            .unwrap();
        let device_id = get
            .params
            .iter_mut()
            .find(|p| p.name == "deviceId")
            .unwrap();
        device_id.example = None;
        let text = crate::format_file(calls(&model));
        assert!(
            text.contains(
                "`deviceId` is required and has no documented example: a placeholder is sent, \
                 `\"deviceId\"`."
            ),
            "{text}"
        );
    }

    #[test]
    fn path_parameters_come_from_the_ids_given_and_their_examples_from_example_ids() {
        let json = include_str!("../../../spec/generated/model.json");
        let model = ApiModel::from_json(json).unwrap();
        let text = crate::format_file(calls(&model));
        let start = text.find("pub fn get<'c>(").unwrap();
        let get = &text[start..];
        let get = &get[..get.find("\n    }\n").unwrap()];
        assert!(get.contains("ids: &'c super::Ids"), "{get}");
        assert!(
            get.contains("super::path_value(ids, \"applicationId\")"),
            "{get}"
        );
        assert!(get.contains(".send()\n"), "{get}");
        assert!(get.contains(".map(|_| ())"), "{get}");
        // An action without path parameters ignores the ids.
        assert!(text.contains("_ids: &'c super::Ids"));
        let arm = text
            .find("\"device.get\" =>")
            .expect("device.get has example ids");
        let arm = &text[arm..];
        let arm = &arm[..arm.find("])").unwrap()];
        assert!(arm.contains("\"applicationId\".to_string()"), "{arm}");
        assert!(arm.contains("\"575ec8687ae143cd83dc4a97\""), "{arm}");
    }

    #[test]
    fn array_cells_are_split_as_the_recorder_does() {
        assert_eq!(split_array_cell("[ 'gps', 'aws' ]"), ["gps", "aws"]);
        assert_eq!(split_array_cell("a, \"b\", ,'c"), ["a", "b", "'c"]);
        assert!(split_array_cell("[]").is_empty());
    }
}
