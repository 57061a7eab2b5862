//! What Rust an action becomes: a method on the `MeApi` handle returning a request builder whose
//! required parameters were its arguments, with a setter per optional parameter and `send()`.

use heck::{ToPascalCase, ToSnakeCase};
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
    let handle = format_ident!("{}Api", model.resource.to_pascal_case());
    let handle_doc = format!(
        " The actions of the {} resource: `client.{}()`.",
        model.resource,
        model.resource.to_snake_case()
    );
    let version = format!("^{}", model.api_version);
    let base_url = &model.base_url;
    quote! {
        /// The `Accept-Version` range this code was generated for.
        pub const ACCEPT_VERSION: &str = #version;
        /// The API origin the documents give.
        pub const DEFAULT_BASE_URL: &str = #base_url;

        #[doc = #handle_doc]
        #[derive(Debug, Clone, Copy)]
        pub struct #handle<'a> {
            client: &'a ::wegnology::Client,
        }

        impl<'a> #handle<'a> {
            /// The handle for `client`.
            pub fn new(client: &'a ::wegnology::Client) -> Self {
                Self { client }
            }
            #( #methods )*
        }

        #( #builders )*
    }
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
    }
}

/// How a value of the parameter's type becomes wire text.
fn to_wire(param: &Param, value: TokenStream) -> TokenStream {
    match &param.ty {
        ParamType::Enum { .. } => quote! { #value.as_str().to_string() },
        ParamType::String => quote! { #value },
        _ => quote! { #value.to_string() },
    }
}

/// Argument type and conversion for a required parameter or setter.
fn argument(param: &Param, ty: &TokenStream) -> (TokenStream, TokenStream) {
    let name = crate::types::field_ident(&param.name);
    match param.ty {
        ParamType::String => (
            quote! { impl ::std::convert::Into<::std::string::String> },
            quote! { #name.into() },
        ),
        _ => (ty.clone(), quote! { #name }),
    }
}

/// Stores one parameter's value in the request parts.
fn store(param: &Param, value: TokenStream) -> TokenStream {
    let wire = &param.name;
    match param.location {
        Location::Query => {
            let text = to_wire(param, value);
            quote! { parts.query(#wire, #text); }
        }
        Location::Header => {
            let text = to_wire(param, value);
            quote! { parts.header(#wire, #text); }
        }
        Location::Body => quote! { parts.json_body(&#value); },
        // Path parameters are placed when the path is built.
        Location::Path => quote! {},
    }
}

fn action_tokens(
    model: &ApiModel,
    action: &Action,
    types: &mut TypeSet,
) -> (TokenStream, TokenStream) {
    let method_name = crate::types::field_ident(&action.snake_name);
    let builder = format_ident!("{}Request", action.snake_name.to_pascal_case());
    let success = model
        .schema(&action.success.schema)
        .expect("the model resolves its schema links");
    let success_ty = ident(&TypeSet::schema_name(success));
    let http_method = format_ident!("{}", action.method.as_str());
    let action_name = &action.snake_name;

    // The path: `{name}` placeholders become percent-encoded arguments.
    let mut format = String::new();
    let mut path_args = Vec::new();
    let mut rest = action.path.as_str();
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
        format.push_str(&rest[..open]);
        format.push_str("{}");
        let name = crate::types::field_ident(&rest[open + 1..close]);
        path_args.push(quote! { ::wegnology::runtime::encode_path_segment(&#name) });
        rest = &rest[(close + 1).min(rest.len())..];
    }
    format.push_str(rest);

    let mut args = Vec::new();
    let mut conversions = Vec::new();
    let mut stores = Vec::new();
    let mut setters = Vec::new();
    for param in &action.params {
        let ty = param_type(param, types, model);
        let name = crate::types::field_ident(&param.name);
        let (arg_ty, convert) = argument(param, &ty);
        if param.required || param.location == Location::Path {
            args.push(quote! { #name: #arg_ty });
            let value = quote! { #name };
            conversions.push(quote! { let #name: #ty = #convert; });
            let stored = store(param, value);
            if !stored.is_empty() {
                stores.push(stored);
            }
        } else {
            let doc = doc_lines(&param_doc(param));
            let stored = store(param, quote! { #name });
            setters.push(quote! {
                #doc
                pub fn #name(mut self, #name: #arg_ty) -> Self {
                    let #name: #ty = #convert;
                    let parts = &mut self.parts;
                    #stored
                    self
                }
            });
        }
    }

    let path_expr = if path_args.is_empty() {
        quote! { #format.to_string() }
    } else {
        quote! { ::std::format!(#format, #( #path_args ),*) }
    };
    let mutability = if stores.is_empty() {
        quote! {}
    } else {
        quote! { mut }
    };
    let method_doc = doc_lines(&method_doc(model, action));
    let builder_doc = format!(
        " The `{}` request; set optional parameters, then `send()`.",
        action.snake_name
    );
    let method = quote! {
        #method_doc
        pub fn #method_name(&self, #( #args ),*) -> #builder<'a> {
            #( #conversions )*
            let #mutability parts = ::wegnology::runtime::RequestParts::new(#path_expr);
            #( #stores )*
            #builder { client: self.client, parts }
        }
    };
    let send_doc = format!(" Sends the request; the success body is a [`{success_ty}`].");
    let builder = quote! {
        #[doc = #builder_doc]
        #[must_use = "a request does nothing until it is sent"]
        pub struct #builder<'a> {
            client: &'a ::wegnology::Client,
            parts: ::wegnology::runtime::RequestParts,
        }

        impl<'a> #builder<'a> {
            #( #setters )*

            /// Overrides one of the query defaults every request carries (`_actions`, `_links`,
            /// `_embedded`) or adds another query pair.
            pub fn query_override(mut self, name: &'static str, value: impl ::std::fmt::Display) -> Self {
                self.parts.query(name, value.to_string());
                self
            }

            /// Sends the request and waits for the answer, for code without an async runtime
            /// (feature `blocking`; not for use inside one).
            #[cfg(feature = "blocking")]
            pub fn send_blocking(self) -> ::std::result::Result<#success_ty, ::wegnology::Error> {
                ::wegnology::runtime::block_on(self.send())
            }

            #[doc = #send_doc]
            pub async fn send(self) -> ::std::result::Result<#success_ty, ::wegnology::Error> {
                self.client.execute(#action_name, ::wegnology::runtime::Method::#http_method, self.parts).await
            }
        }
    };
    (method, builder)
}

fn param_doc(param: &Param) -> String {
    let mut text = format!(
        "`{}` ({:?}): {}",
        param.name, param.location, param.description
    )
    .to_lowercase_first();
    if let Some(default) = &param.default {
        text.push_str(&format!(" Default: `{default}`."));
    }
    if let Some(ParamExample::Literal(example)) = &param.example {
        text.push_str(&format!(" Example: `{example}`."));
    }
    text
}

trait LowercaseFirst {
    fn to_lowercase_first(self) -> String;
}

impl LowercaseFirst for String {
    /// Location names read as words: `(Query)` → `(query)`.
    fn to_lowercase_first(self) -> String {
        self.replacen("(Query)", "(query)", 1)
            .replacen("(Header)", "(header)", 1)
            .replacen("(Path)", "(path)", 1)
            .replacen("(Body)", "(body)", 1)
    }
}

fn method_doc(model: &ApiModel, action: &Action) -> String {
    let mut doc = format!(
        "{}.\n\n`{} {}`\n\nScopes (any one): {}.\n",
        action.description,
        action.method.as_str(),
        action.path,
        action
            .scopes
            .iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    doc.push_str("\n# Parameters\n");
    for param in &action.params {
        let required = if param.required {
            "required"
        } else {
            "optional, a setter on the request"
        };
        doc.push_str(&format!("- {} ({required})\n", param_doc(param)));
    }
    let success = model
        .schema(&action.success.schema)
        .map_or(String::new(), TypeSet::schema_name);
    doc.push_str(&format!(
        "\n# Returns\n{} [`{success}`]: {}.\n",
        action.success.status, action.success.description
    ));
    doc.push_str("\n# Errors\n");
    if action.errors.is_empty() {
        doc.push_str("None documented; any error status is still an [`Error::Api`](::wegnology::Error::Api).\n");
    }
    for error in &action.errors {
        doc.push_str(&format!("- {}: {}.\n", error.status, error.description));
    }
    let args: Vec<String> = action
        .params
        .iter()
        .filter(|p| p.required || p.location == Location::Path)
        .map(example_argument)
        .collect();
    // The body, when there is one, is the REST page's example of this very request.
    let body = match (action.body(), &action.body_example) {
        (Some(param), Some(example)) => format!(
            "let {} = serde_json::from_str(r#\"{example}\"#).unwrap();\n",
            crate::types::field_ident(&param.name)
        ),
        _ => String::new(),
    };
    doc.push_str(&format!(
        "\n# Example\n```no_run\n# async fn example(client: &wegnology::Client) -> Result<(), wegnology::Error> {{\n{body}let result = client.{}().{}({}).send().await?;\n# let _ = result;\n# Ok(()) }}\n```",
        model.resource.to_snake_case(),
        action.snake_name,
        args.join(", ")
    ));
    doc
}

fn example_argument(param: &Param) -> String {
    let literal = match &param.example {
        Some(ParamExample::Literal(text)) => text.clone(),
        _ => String::new(),
    };
    match &param.ty {
        ParamType::String => format!("{literal:?}"),
        ParamType::Boolean | ParamType::Integer => literal,
        ParamType::Enum { values } => {
            let value = if values.contains(&literal) {
                literal
            } else {
                values[0].clone()
            };
            let variant = value.to_pascal_case();
            let variant = if variant.starts_with(|c: char| c.is_ascii_digit()) {
                format!("V{variant}")
            } else {
                variant
            };
            format!("wegnology::{}::{variant}", param.name.to_pascal_case())
        }
        ParamType::Schema { .. } => param.name.to_snake_case(),
    }
}
