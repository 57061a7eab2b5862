//! What Rust an action becomes: a method on the `MeApi` handle returning a request builder whose
//! required parameters were its arguments, with a setter per optional parameter. The builder is
//! a newtype over the runtime's generic `Request`; `__request_builder!` (in the runtime) gives it
//! what every request has (`send`, `send_with_response`, `timeout`, `retries`, `losantdomain`,
//! `IntoFuture`, `Debug`), so the generated code holds only what differs per action. What is the
//! same for every action of the API is one data item, `API` (`ApiFacts`), that the handle gives
//! each request.

use heck::ToPascalCase;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use wegnology_model::{Action, ApiModel, Location, Param, ParamExample, ParamType};

use crate::doc_lines;
use crate::types::{ident, TypeSet};

pub(crate) fn generate(model: &ApiModel, types: &mut TypeSet) -> TokenStream {
    let mut methods = Vec::new();
    let mut builders = Vec::new();
    for action in &model.actions {
        let (method, builder) = action_tokens(model, action, types);
        methods.push(method);
        builders.push(builder);
    }
    // One resource per generated file until the whole-API client lands (`crate::RESOURCES`).
    let resource = &model.resources[0];
    let handle = format_ident!("{}Api", resource.name.to_pascal_case());
    let handle_doc = format!(
        " The actions of the {} resource: `client.{}()`.",
        resource.name, resource.snake_name
    );
    let version = format!("^{}", model.api_version);
    let base_url = &model.base_url;
    let fixed_paths = fixed_paths(model);
    let (default_names, default_values): (Vec<&str>, Vec<&str>) = model
        .query_defaults
        .iter()
        .map(|d| (d.name.as_str(), d.value.as_str()))
        .unzip();
    quote! {
        /// What the runtime is told about the API these documents describe: the default base
        /// URL, the `Accept-Version` of their release, the query defaults the official clients
        /// send, and the paths without parameters (whose URLs a client builds once).
        pub static API: ::wegnology::runtime::ApiFacts = ::wegnology::runtime::ApiFacts {
            base_url: #base_url,
            accept_version: #version,
            query_defaults: &[ #( (#default_names, #default_values) ),* ],
            fixed_paths: &[ #( #fixed_paths ),* ],
        };

        #[doc = #handle_doc]
        #[derive(Debug, Clone, Copy)]
        pub struct #handle<'a>(::wegnology::runtime::Handle<'a>);

        impl<'a> #handle<'a> {
            /// The handle for `client`.
            pub fn new(client: &'a ::wegnology::Client) -> Self {
                Self(::wegnology::runtime::Handle::new(client, &API))
            }
            #( #methods )*
        }

        #( #builders )*
    }
}

/// The parameter every action takes as a request header, whose setter the runtime's
/// `__request_builder!` gives every builder: it is not generated per action.
const RUNTIME_HEADER: &str = "losantdomain";

/// Whether `param` is the runtime's `losantdomain` setter rather than one of the action's own.
fn is_runtime_setter(param: &Param) -> bool {
    param.name == RUNTIME_HEADER && param.location == Location::Header && !param.required
}

/// The distinct action paths with no `{parameter}`, sorted (the runtime looks them up by binary
/// search).
fn fixed_paths(model: &ApiModel) -> Vec<&str> {
    let mut paths: Vec<&str> = model
        .actions
        .iter()
        .map(|action| action.path.as_str())
        .filter(|path| !path.contains('{'))
        .collect();
    paths.sort_unstable();
    paths.dedup();
    paths
}

/// The Rust type of a parameter value.
fn param_type(param: &Param, types: &mut TypeSet, model: &ApiModel) -> TokenStream {
    match &param.ty {
        ParamType::String => quote! { ::std::string::String },
        ParamType::Boolean => quote! { bool },
        ParamType::Integer => quote! { i64 },
        ParamType::Enum { values } => {
            let name = ident(&types.string_enum(values, param.name.to_pascal_case()));
            quote! { #name }
        }
        ParamType::Schema { schema } => {
            let schema = model
                .schema(schema)
                .expect("the model resolves its schema links");
            let name = ident(&TypeSet::schema_name(schema));
            quote! { #name }
        }
        ParamType::Array { items } => {
            let item = Param {
                ty: (**items).clone(),
                ..param.clone()
            };
            let item = param_type(&item, types, model);
            quote! { ::std::vec::Vec<#item> }
        }
        ParamType::File => {
            quote! { compile_error!("file parameters are not generated yet") }
        }
    }
}

/// Argument type of a required parameter or setter, and the expression of its value: strings
/// are taken as `impl Into<String>`.
fn argument(param: &Param, ty: &TokenStream) -> (TokenStream, TokenStream) {
    let name = crate::types::field_ident(&param.name);
    match param.ty {
        // The prelude's names: the full paths would wrap every setter's signature.
        ParamType::String => (quote! { impl Into<String> }, quote! { #name.into() }),
        _ => (ty.clone(), quote! { #name }),
    }
}

/// The call that stores one parameter's `value` in the runtime request: query and header values
/// are their wire text, the body is encoded JSON, a path value fills its `{placeholder}`.
fn store(param: &Param, value: TokenStream) -> TokenStream {
    let wire = &param.name;
    // Structured query values: the runtime encodes them as the official clients do.
    match (param.location, &param.ty) {
        (Location::QueryJson, _) => return quote! { .query_json(#wire, &#value) },
        (Location::Query, ParamType::Array { .. }) => return quote! { .query_list(#wire, &#value) },
        (Location::Query, ParamType::Schema { .. }) => {
            return quote! { .query_json(#wire, &#value) }
        }
        (Location::Multipart, _) | (_, ParamType::File) => {
            return quote! { compile_error!("multipart parameters are not generated yet") }
        }
        _ => {}
    }
    let text = match &param.ty {
        ParamType::Enum { .. } => quote! { #value.as_str().to_string() },
        ParamType::String => value.clone(),
        ParamType::Schema { .. } | ParamType::Array { .. } if param.location != Location::Body => {
            crate::types::json_text(&value)
        }
        _ => quote! { #value.to_string() },
    };
    match param.location {
        Location::Query | Location::QueryJson => quote! { .query(#wire, #text) },
        Location::Multipart => {
            quote! { compile_error!("multipart parameters are not generated yet") }
        }
        Location::Header => quote! { .header(#wire, #text) },
        Location::Body => quote! { .json_body(&#value) },
        Location::Path => {
            quote! { .path_param(#wire, #text) }
        }
    }
}

/// Actions the documents make safe to repeat besides `GET` (retried like one). None so far:
/// every other action changes state and its documents say nothing of repeating it.
const SAFE_TO_REPEAT: [&str; 0] = [];

/// Whether values of `json` hold a secret property (the properties `types.rs` makes `Secret`).
fn holds_secrets(json: &serde_json::Value) -> bool {
    use serde_json::Value;
    let own = json
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|properties| {
            properties.iter().any(|(name, property)| {
                crate::types::SECRET_PROPERTIES.contains(&name.as_str()) || holds_secrets(property)
            })
        });
    own || ["items", "additionalProperties"]
        .iter()
        .filter_map(|key| json.get(*key))
        .chain(
            json.get("patternProperties")
                .and_then(Value::as_object)
                .into_iter()
                .flat_map(|p| p.values()),
        )
        .chain(
            ["oneOf", "anyOf", "allOf"]
                .iter()
                .filter_map(|key| json.get(*key).and_then(Value::as_array))
                .flatten(),
        )
        .any(holds_secrets)
}

fn action_tokens(
    model: &ApiModel,
    action: &Action,
    types: &mut TypeSet,
) -> (TokenStream, TokenStream) {
    let method_name = crate::types::field_ident(&action.snake_name);
    let builder = format_ident!("{}Request", action.snake_name.to_pascal_case());
    let success = action
        .success()
        .schema
        .as_deref()
        .and_then(|anchor| model.schema(anchor))
        .expect("the generated resources' actions answer a documented schema");
    let success_ty = ident(&TypeSet::schema_name(success));
    // `Handle::get(…)`, `Handle::patch(…)`, …: one constructor per method of the model.
    let endpoint = format_ident!("{}", action.method.as_str().to_lowercase());
    let action_name = &action.snake_name;
    let path = &action.path;

    // What the runtime must know of the action beyond its method and path (its API's facts,
    // the `Accept-Version` among them, come from the handle).
    let mut endpoint_flags = Vec::new();
    if SAFE_TO_REPEAT.contains(&action.snake_name.as_str()) {
        endpoint_flags.push(quote! { .repeatable() });
    }
    if holds_secrets(&success.json_schema) {
        endpoint_flags.push(quote! { .secret_answer() });
    }
    if success
        .json_schema
        .get("properties")
        .is_some_and(|p| p.get("token").is_some())
    {
        endpoint_flags.push(quote! { .issues_token() });
    }

    let mut args = Vec::new();
    let mut stores = Vec::new();
    let mut setters = Vec::new();
    for param in action.params.iter().filter(|p| !is_runtime_setter(p)) {
        let ty = param_type(param, types, model);
        let name = crate::types::field_ident(&param.name);
        let (arg_ty, value) = argument(param, &ty);
        if param.required || param.location == Location::Path {
            args.push(quote! { #name: #arg_ty });
            stores.push(store(param, value));
        } else {
            let doc = doc_lines(&setter_doc(param));
            let stored = store(param, value);
            setters.push(quote! {
                #doc
                pub fn #name(self, #name: #arg_ty) -> Self {
                    Self(self.0 #stored)
                }
            });
        }
    }

    let method_doc = doc_lines(&method_doc(model, action, types));
    let method = quote! {
        #method_doc
        pub fn #method_name(&self, #( #args ),*) -> #builder<'a> {
            #builder(self.0.#endpoint(#action_name, #path) #( #endpoint_flags )* #( #stores )*)
        }
    };
    let setters = if setters.is_empty() {
        quote! {}
    } else {
        quote! { impl<'a> #builder<'a> { #( #setters )* } }
    };
    let builder = quote! {
        ::wegnology::__request_builder!(#builder => #success_ty, #action_name);
        #setters
    };
    (method, builder)
}

/// `text` as a sentence: ending with a full stop.
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// Where a parameter travels, in words: ``query parameter `itemType` ``.
fn wire_place(param: &Param) -> String {
    let place = match param.location {
        Location::Path => "path parameter",
        Location::Query => "query parameter",
        Location::QueryJson => return format!("query parameter `{}` (its JSON text)", param.name),
        Location::Multipart => "multipart field",
        Location::Header => "header",
        // The body parameter's name is the documents' label; it is not on the wire.
        Location::Body => return "JSON request body".to_string(),
    };
    format!("{place} `{}`", param.name)
}

/// The documented default and example, as sentences (or nothing).
fn default_and_example(param: &Param) -> String {
    let mut text = String::new();
    if let Some(default) = &param.default {
        text.push_str(&format!(" Default: `{default}`."));
    }
    if let Some(ParamExample::Literal(example)) = &param.example {
        text.push_str(&format!(" Example: `{example}`."));
    }
    text
}

/// The doc comment of an optional parameter's setter.
fn setter_doc(param: &Param) -> String {
    format!(
        "{}{}\n\nSent as the {}.",
        sentence(&param.description),
        default_and_example(param),
        wire_place(param)
    )
}

/// One line of a method's parameter list.
fn param_line(param: &Param, builder: &str) -> String {
    let name = crate::types::field_ident(&param.name).to_string();
    let name = name.trim_start_matches("r#");
    let how = if param.required || param.location == Location::Path {
        "required argument".to_string()
    } else {
        format!("optional: [`{builder}::{name}`]")
    };
    format!(
        "- `{name}` ({how}; {}): {}{}",
        wire_place(param),
        sentence(&param.description),
        default_and_example(param)
    )
}

fn method_doc(model: &ApiModel, action: &Action, types: &mut TypeSet) -> String {
    let mut doc = format!(
        "{}\n\n`{} {}`\n\n{}\n",
        sentence(&action.description),
        action.method.as_str(),
        action.path,
        crate::types::scopes_doc(action)
    );
    doc.push_str("\n# Parameters\n");
    let builder = format!("{}Request", action.snake_name.to_pascal_case());
    for param in action.params.iter().filter(|p| !is_runtime_setter(p)) {
        doc.push_str(&format!("{}\n", param_line(param, &builder)));
    }
    let answer = action.success();
    let success = answer
        .schema
        .as_deref()
        .and_then(|anchor| model.schema(anchor))
        .map_or(String::new(), TypeSet::schema_name);
    doc.push_str(&format!(
        "\n# Returns\n{} [`{success}`]: {}.\n",
        answer.status, answer.description
    ));
    // What every error status becomes is the runtime's to say (the crate docs, `Error::Api`):
    // only the statuses, and a body of another schema than `Error`, are the action's.
    doc.push_str("\n# Errors\n");
    if action.errors.is_empty() {
        doc.push_str("None documented.\n");
    }
    for error in &action.errors {
        doc.push_str(&format!("- {}: {}.", error.status, error.description));
        match error
            .schema
            .as_deref()
            .and_then(|anchor| model.schema(anchor))
        {
            Some(schema) if schema.title != "Error" => doc.push_str(&format!(
                " The body is a [`{}`], kept as text in `Error::Api`'s `body`.",
                TypeSet::schema_name(schema)
            )),
            _ => {}
        }
        doc.push('\n');
    }
    let resource = &model.resources[0].snake_name;
    let mut call = format!("client.{resource}().{}(", action.snake_name);
    let required = action
        .params
        .iter()
        .filter(|p| p.required || p.location == Location::Path);
    let args: Vec<String> = required
        .map(|p| example_value(p, types).unwrap_or_else(|| placeholder(p, types)))
        .collect();
    call.push_str(&args.join(", "));
    call.push(')');
    // Optional query parameters with a documented example show how the setters chain.
    for param in action.params_in(Location::Query).filter(|p| !p.required) {
        if let Some(value) = example_value(param, types) {
            let setter = crate::types::field_ident(&param.name);
            call.push_str(&format!("\n    .{setter}({value})"));
        }
    }
    // The body, when there is one, is the REST page's example of this very request.
    let body = match (action.body(), &action.body_example) {
        (Some(param), Some(example)) => format!(
            "let {} = serde_json::from_str(r##\"{example}\"##).unwrap();\n",
            crate::types::field_ident(&param.name)
        ),
        _ => String::new(),
    };
    doc.push_str(&format!(
        "\n# Example\n```no_run\n# async fn example(client: &wegnology::Client) -> Result<(), wegnology::Error> {{\n{body}let result = {call}\n    .send()\n    .await?;\n# let _ = result;\n# Ok(()) }}\n```",
    ));
    doc
}

/// The documented example of a parameter as a Rust expression, where it has one.
fn example_value(param: &Param, types: &mut TypeSet) -> Option<String> {
    if let (ParamType::Schema { .. }, Location::Body) = (&param.ty, param.location) {
        // The body is a variable the example declares.
        return Some(crate::types::field_ident(&param.name).to_string());
    }
    let Some(ParamExample::Literal(literal)) = &param.example else {
        return None;
    };
    match &param.ty {
        ParamType::String => Some(format!("{literal:?}")),
        ParamType::Boolean => literal.parse::<bool>().ok().map(|b| b.to_string()),
        ParamType::Integer => literal.parse::<i64>().ok().map(|i| i.to_string()),
        ParamType::Enum { values } => {
            let index = values.iter().position(|v| v == literal)?;
            let ty = types.string_enum(values, param.name.to_pascal_case());
            let variant = &crate::types::variant_idents(values)[index];
            Some(format!("wegnology::{ty}::{variant}"))
        }
        ParamType::Schema { .. } | ParamType::Array { .. } | ParamType::File => None,
    }
}

/// A value of the parameter's type for an example, where the documents give none.
fn placeholder(param: &Param, types: &mut TypeSet) -> String {
    match &param.ty {
        ParamType::Boolean => "false".to_string(),
        ParamType::Integer => "0".to_string(),
        ParamType::Enum { values } => {
            let ty = types.string_enum(values, param.name.to_pascal_case());
            match crate::types::variant_idents(values).first() {
                Some(first) => format!("wegnology::{ty}::{first}"),
                None => format!("wegnology::{ty}::Unknown(String::new())"),
            }
        }
        ParamType::String | ParamType::Schema { .. } => format!("{:?}", param.name),
        ParamType::Array { .. } => "Vec::new()".to_string(),
        ParamType::File => "Vec::new()".to_string(),
    }
}
