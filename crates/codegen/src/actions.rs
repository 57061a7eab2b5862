//! What Rust a resource becomes: a module holding its handle (`DevicesApi`, a method per
//! action returning a request builder whose required parameters were its arguments), a builder
//! per action with a setter per optional parameter, and the enums of its parameters and of its
//! answers. A builder is a newtype over the runtime's generic `Request`; `__request_builder!`
//! (in the runtime) gives it what every request has (`send`, `send_with_response`, `timeout`,
//! `retries`, `losantdomain`, `IntoFuture`, `Debug`), so the generated code holds only what
//! differs per action. What is the same for every action of the API is one data item, `API`
//! (`ApiFacts`), in the root module, that each handle gives its requests.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;
use wegnology_model::{
    is_secret_property, Action, ApiModel, Location, Param, ParamExample, ParamType, Resource,
    Schema,
};

use crate::names::{self, Names};
use crate::types::{ident, string_enum, Shapes, Ty, TypeSet};
use crate::{doc_lines, module_ident, resource_gate, Options};

/// The root module: the API's facts, the shared types, a module per resource and, in the
/// client crate, `Client`'s accessor of each.
pub(crate) fn root(model: &ApiModel, options: Options) -> TokenStream {
    let version = format!("^{}", model.api_version);
    let base_url = &model.base_url;
    let fixed_paths = fixed_paths(model);
    let (default_names, default_values): (Vec<&str>, Vec<&str>) = model
        .query_defaults
        .iter()
        .map(|d| (d.name.as_str(), d.value.as_str()))
        .unzip();
    let mut modules = Vec::new();
    let mut accessors = Vec::new();
    for resource in &model.resources {
        let gate = resource_gate(&resource.snake_name, options);
        let module = module_ident(&resource.snake_name);
        let handle = ident(&names::handle(resource));
        let feature = if options.features {
            format!(" (cargo feature `{}`)", resource.snake_name)
        } else {
            String::new()
        };
        // The same in the client crate and downstream: only the accessor speaks of features.
        let doc = doc_lines(&format!(
            "The {} resource: [`{handle}`]({module}::{handle}), its request builders and the \
             enums of their parameters and answers.",
            resource.name
        ));
        modules.push(quote! { #doc #gate pub mod #module; });
        if options.client_accessors {
            let doc = doc_lines(&format!(
                "The actions of the {} resource{feature}.",
                resource.name
            ));
            accessors.push(quote! {
                #gate
                impl ::wegnology::Client {
                    #doc
                    #[inline]
                    pub fn #module(&self) -> #module::#handle<'_> {
                        #module::#handle::new(self)
                    }
                }
            });
        }
    }
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

        /// The types of the documents' named schemas, shared by the resources that use them.
        pub mod types;
        pub use types::*;

        #( #modules )*
        #( #accessors )*
    }
}

/// The module of one resource.
pub(crate) fn resource_module(
    model: &ApiModel,
    resource: &Resource,
    names: &Names,
    shapes: &Shapes,
) -> TokenStream {
    let mut module = Module {
        model,
        resource,
        names,
        shapes,
        enums: Vec::new(),
    };
    let mut methods = Vec::new();
    let mut builders = Vec::new();
    for action in model.actions_of(&resource.camel_name) {
        let (method, builder) = module.action_tokens(action);
        methods.push(method);
        builders.push(builder);
    }
    let handle = ident(&names::handle(resource));
    let handle_doc = doc_lines(&format!(
        "The actions of the {} resource: `client.{}()`.",
        resource.name, resource.snake_name
    ));
    let enums = module.enums.iter().map(|(_, tokens)| tokens);
    quote! {
        #handle_doc
        #[derive(Debug, Clone, Copy)]
        pub struct #handle<'a>(::wegnology::runtime::Handle<'a>);

        impl<'a> #handle<'a> {
            /// The handle for `client`.
            #[inline]
            pub fn new(client: &'a ::wegnology::Client) -> Self {
                Self(::wegnology::runtime::Handle::new(client, &super::API))
            }
            #( #methods )*
        }

        #( #builders )*
        #( #enums )*
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

/// What one resource's module is made of while it is generated.
struct Module<'a> {
    model: &'a ApiModel,
    resource: &'a Resource,
    names: &'a Names,
    /// What the shared types are made of: the doc examples build their bodies from them.
    shapes: &'a Shapes,
    /// The module's enums (of parameters, of answers), by name, in the order first used.
    enums: Vec<(String, TokenStream)>,
}

/// What an action answers.
enum Output<'a> {
    /// One schema for every success status.
    Schema(&'a Schema),
    /// No body (`undefined`): `()`.
    Nothing,
    /// Different bodies by status: an enum of them.
    ByStatus(Vec<(u16, Option<&'a Schema>)>),
    /// A schema the model does not hold: any JSON value.
    Json,
}

impl<'a> Module<'a> {
    /// The enum of an enum parameter, declared in the module on first use.
    fn param_enum(&mut self, action: &Action, param: &Param, values: &[String]) -> String {
        let name = self
            .names
            .param_enum(&self.resource.camel_name, &action.snake_name, param);
        if !self.enums.iter().any(|(n, _)| *n == name) {
            let tokens = string_enum(&name, values, &TokenStream::new());
            self.enums.push((name.clone(), tokens));
        }
        name
    }

    /// The Rust type of a parameter value.
    fn param_type(&mut self, action: &Action, param: &Param, ty: &ParamType) -> TokenStream {
        match ty {
            ParamType::String => quote! { ::std::string::String },
            ParamType::Boolean => quote! { bool },
            ParamType::Integer => quote! { i64 },
            ParamType::Enum { values } => {
                let name = ident(&self.param_enum(action, param, values));
                quote! { #name }
            }
            ParamType::Schema { schema } => match self.model.schema(schema) {
                Some(schema) => TypeSet::schema_path(schema),
                None => quote! { ::serde_json::Value },
            },
            ParamType::Array { items } => {
                let item = self.param_type(action, param, items);
                quote! { ::std::vec::Vec<#item> }
            }
            ParamType::File => quote! { ::wegnology::runtime::FilePart },
        }
    }

    fn output(&self, action: &'a Action) -> Output<'a> {
        let answers: Vec<(u16, Option<&Schema>, bool)> = action
            .successes
            .iter()
            .map(|answer| {
                let schema = answer.schema.as_deref().and_then(|a| self.model.schema(a));
                (answer.status, schema, answer.schema.is_some())
            })
            .collect();
        if answers
            .iter()
            .any(|(_, schema, linked)| *linked && schema.is_none())
        {
            return Output::Json;
        }
        let first = answers.first().and_then(|(_, schema, _)| *schema);
        let same = answers
            .iter()
            .all(|(_, schema, _)| schema.map(|s| &s.anchor) == first.map(|s| &s.anchor));
        match (same, first) {
            (true, Some(schema)) => Output::Schema(schema),
            (true, None) => Output::Nothing,
            (false, _) => {
                Output::ByStatus(answers.iter().map(|(s, schema, _)| (*s, *schema)).collect())
            }
        }
    }

    /// The type of an action's answer and the endpoint call that decodes it, declaring the
    /// answer enum of an action with several.
    fn output_type(&mut self, action: &Action, output: &Output) -> (TokenStream, TokenStream) {
        match output {
            Output::Schema(schema) => (TypeSet::schema_path(schema), quote! {}),
            Output::Json => (quote! { ::serde_json::Value }, quote! {}),
            Output::Nothing => (
                quote! { () },
                quote! { .decode_with(::wegnology::runtime::decode::nothing) },
            ),
            Output::ByStatus(answers) => {
                let name = names::answer_enum(&action.snake_name);
                let ident = ident(&name);
                let mut variants = Vec::new();
                let mut arms = Vec::new();
                for (status, schema) in answers {
                    let variant = crate::types::ident(&names::status_variant(*status));
                    let description = action
                        .successes
                        .iter()
                        .find(|a| a.status == *status)
                        .map_or("", |a| a.description.as_str());
                    let doc = doc_lines(&format!("`{status}`: {}", sentence(description)));
                    match schema {
                        Some(schema) => {
                            let ty = TypeSet::schema_path(schema);
                            variants.push(quote! { #doc #variant(#ty), });
                            arms.push(quote! {
                                #status => ::wegnology::runtime::decode::json(status, body).map(#ident::#variant),
                            });
                        }
                        None => {
                            variants.push(quote! { #doc #variant, });
                            arms.push(
                                quote! { #status => ::std::result::Result::Ok(#ident::#variant), },
                            );
                        }
                    }
                }
                let doc = doc_lines(&format!(
                    "What [`{}`] answers, by status.",
                    names::builder(&action.snake_name)
                ));
                let tokens = quote! {
                    #doc
                    // Returned once per call and matched at once: not worth a box.
                    #[allow(clippy::large_enum_variant)]
                    #[derive(Debug, Clone, PartialEq)]
                    pub enum #ident { #( #variants )* }

                    impl ::wegnology::runtime::Answer for #ident {
                        #[inline]
                        fn decode(
                            status: ::wegnology::runtime::StatusCode,
                            body: &[u8],
                        ) -> ::std::result::Result<Self, ::serde_json::Error> {
                            match status.as_u16() {
                                #( #arms )*
                                _ => ::std::result::Result::Err(::wegnology::runtime::decode::undocumented(status)),
                            }
                        }
                    }
                };
                self.enums.push((name, tokens));
                (quote! { #ident }, quote! {})
            }
        }
    }

    fn action_tokens(&mut self, action: &'a Action) -> (TokenStream, TokenStream) {
        let method_name = crate::types::field_ident(&action.snake_name);
        let builder = format_ident!("{}", names::builder(&action.snake_name));
        let output = self.output(action);
        let (output_ty, decode) = self.output_type(action, &output);
        // `Handle::get(…)`, `Handle::patch(…)`, …: one constructor per method of the model.
        let endpoint = format_ident!("{}", action.method.as_str().to_lowercase());
        let action_id = action.id();
        let path = &action.path;

        // What the runtime must know of the action beyond its method and path (its API's facts,
        // the `Accept-Version` among them, come from the handle).
        let mut endpoint_flags = Vec::new();
        if action.api_version != self.model.api_version {
            let version = format!("^{}", action.api_version);
            endpoint_flags.push(quote! { .accept_version(#version) });
        }
        // The official clients send the query parameters in documented order, whatever order
        // a call sets them in: where that can differ, the runtime is told the order.
        let query_names: Vec<&str> = action
            .params
            .iter()
            .filter(|p| matches!(p.location, Location::Query | Location::QueryJson))
            .map(|p| p.name.as_str())
            .collect();
        if query_names.len() > 1 {
            endpoint_flags.push(quote! { .query_order(&[ #( #query_names ),* ]) });
        }
        let answered: Vec<&Schema> = match &output {
            Output::Schema(schema) => vec![schema],
            Output::ByStatus(answers) => answers.iter().filter_map(|(_, s)| *s).collect(),
            _ => Vec::new(),
        };
        if answered
            .iter()
            .any(|schema| holds_secrets(&schema.json_schema, &schema.title))
        {
            endpoint_flags.push(quote! { .secret_answer() });
        }
        if answered.iter().any(|schema| {
            schema
                .json_schema
                .get("properties")
                .is_some_and(|p| p.get("token").is_some())
        }) {
            endpoint_flags.push(quote! { .issues_token() });
        }
        endpoint_flags.push(decode);

        let mut args = Vec::new();
        let mut stores = Vec::new();
        let mut setters = Vec::new();
        // The path's values, filled in by one runtime call in the template's order.
        let mut path_values = Vec::new();
        for param in action.params.iter().filter(|p| !is_runtime_setter(p)) {
            let ty = self.param_type(action, param, &param.ty);
            let name = crate::types::field_ident(&param.name);
            let (arg_ty, value) = argument(param, &ty);
            if param.location == Location::Path {
                args.push(quote! { #name: #arg_ty });
                let at = action.path.find(&format!("{{{}}}", param.name));
                path_values.push((at, &param.name, value));
            } else if param.required {
                args.push(quote! { #name: #arg_ty });
                stores.push(store(param, value));
            } else {
                let doc = doc_lines(&setter_doc(param));
                let stored = store(param, value);
                setters.push(quote! {
                    #doc
                    #[inline]
                    pub fn #name(self, #name: #arg_ty) -> Self {
                        Self(self.0 #stored)
                    }
                });
            }
        }
        if !path_values.is_empty() {
            path_values.sort_by_key(|(at, _, _)| *at);
            let pairs = path_values
                .iter()
                .map(|(_, wire, value)| quote! { (#wire, #value) });
            stores.insert(0, quote! { .path_params(&[ #( #pairs ),* ]) });
        }
        if let Output::Schema(schema) = &output {
            setters.extend(pagination(action, schema));
        }

        let method_doc = doc_lines(&self.method_doc(action, &output));
        let method = quote! {
            #method_doc
            #[inline]
            pub fn #method_name(&self, #( #args ),*) -> #builder<'a> {
                #builder(self.0.#endpoint(#action_id, #path) #( #endpoint_flags )* #( #stores )*)
            }
        };
        let setters = if setters.is_empty() {
            quote! {}
        } else {
            quote! { impl<'a> #builder<'a> { #( #setters )* } }
        };
        let builder = quote! {
            ::wegnology::__request_builder!(#builder => #output_ty, #action_id);
            #setters
        };
        (method, builder)
    }

    fn method_doc(&mut self, action: &Action, output: &Output) -> String {
        let mut doc = format!(
            "{}\n\n`{} {}`\n\n{}\n",
            sentence(&action.description),
            action.method.as_str(),
            action.path,
            crate::types::scopes_doc(action)
        );
        doc.push_str("\n# Parameters\n");
        let builder = names::builder(&action.snake_name);
        let params: Vec<&Param> = action
            .params
            .iter()
            .filter(|p| !is_runtime_setter(p))
            .collect();
        if params.is_empty() {
            doc.push_str("None but those every request has.\n");
        }
        for param in params {
            doc.push_str(&format!("{}\n", param_line(param, &builder)));
        }
        doc.push_str("\n# Returns\n");
        for answer in &action.successes {
            let ty = match output {
                Output::Schema(schema) => {
                    format!(" [`{0}`](super::types::{0})", names::schema_type(schema))
                }
                Output::Nothing => " `()`".to_string(),
                Output::Json => " a JSON value".to_string(),
                Output::ByStatus(_) => format!(
                    " [`{}::{}`]",
                    names::answer_enum(&action.snake_name),
                    names::status_variant(answer.status)
                ),
            };
            doc.push_str(&format!(
                "- {}{ty}: {}\n",
                answer.status,
                sentence(&answer.description)
            ));
        }
        if let Output::Schema(schema) = output {
            if let Some(kind) = paged_by(action, schema) {
                doc.push_str(&format!(
                    "\nIts pages and their items are streams: [`{builder}::pages`], \
                     [`{builder}::items`] (by {kind}).\n"
                ));
            }
        }
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
                .and_then(|anchor| self.model.schema(anchor))
            {
                Some(schema) if schema.title != "Error" => doc.push_str(&format!(
                    " The body is a [`{}`](super::types::{0}), kept as text in `Error::Api`'s `body`.",
                    names::schema_type(schema)
                )),
                _ => {}
            }
            doc.push('\n');
        }
        let resource = &self.resource.snake_name;
        let method = crate::types::field_ident(&action.snake_name);
        let mut call = format!("client.{resource}().{method}(");
        let required: Vec<&Param> = action
            .params
            .iter()
            .filter(|p| p.required || p.location == Location::Path)
            .collect();
        let mut args = Vec::new();
        let mut lets = String::new();
        for param in required {
            let value = self
                .example_value(action, param)
                .unwrap_or_else(|| self.placeholder(action, param));
            args.push(value);
        }
        call.push_str(&args.join(", "));
        call.push(')');
        // Optional query parameters with a documented example show how the setters chain.
        for param in action
            .params
            .iter()
            .filter(|p| !p.required && p.location == Location::Query)
        {
            if let Some(value) = self.example_value(action, param) {
                let setter = crate::types::field_ident(&param.name);
                call.push_str(&format!("\n    .{setter}({value})"));
            }
        }
        // The body, when there is one, is the REST page's example of this very request, or its
        // schema's example in `_schemas.md`, built as the value it is.
        if let Some(param) = action.body() {
            if let (true, Some(body)) = (param.required, self.body_literal(action, param)) {
                lets = format!(
                    "let {} = {};\n",
                    crate::types::field_ident(&param.name),
                    crate::examples::expression_text(&body)
                );
            }
        }
        doc.push_str(&format!(
            "\n# Example\n```no_run\n# async fn example(client: &wegnology::Client) -> Result<(), wegnology::Error> {{\n{lets}let answer = {call}\n    .send()\n    .await?;\n# let _ = answer;\n# Ok(()) }}\n```",
        ));
        doc
    }

    /// The documented example of a body: the REST page's for this request, else its schema's.
    fn body_example(&self, action: &'a Action, param: &'a Param) -> Option<&'a Value> {
        if let Some(example) = &action.body_example {
            return Some(example);
        }
        match &param.example {
            Some(ParamExample::SchemaExample(anchor)) => self
                .model
                .schema(anchor)
                .and_then(|schema| schema.example.as_ref()),
            _ => None,
        }
    }

    /// The expression building the documented example of a body, where it is a value of the
    /// body's type.
    fn body_literal(&self, action: &'a Action, param: &'a Param) -> Option<TokenStream> {
        let example = self.body_example(action, param)?;
        let ParamType::Schema { schema } = &param.ty else {
            return None;
        };
        let schema = self.model.schema(schema)?;
        let ty = Ty::Named(names::schema_type(schema));
        self.shapes
            .literal(&ty, example, &quote! { wegnology })
            .ok()
    }

    /// The documented example of a parameter as a Rust expression, where it has one.
    fn example_value(&mut self, action: &Action, param: &Param) -> Option<String> {
        if let (ParamType::Schema { .. }, Location::Body) = (&param.ty, param.location) {
            // The body is a variable the example declares.
            return self
                .body_literal(action, param)
                .map(|_| crate::types::field_ident(&param.name).to_string());
        }
        let Some(ParamExample::Literal(literal)) = &param.example else {
            return None;
        };
        let resource = &self.resource.snake_name;
        match &param.ty {
            ParamType::String => Some(format!("{literal:?}")),
            ParamType::Boolean => literal.parse::<bool>().ok().map(|b| b.to_string()),
            ParamType::Integer => literal.parse::<i64>().ok().map(|i| i.to_string()),
            ParamType::Enum { values } => {
                let index = values.iter().position(|v| v == literal)?;
                let ty = self.param_enum(action, param, values);
                let variant = &crate::types::variant_idents(values)[index];
                Some(format!("wegnology::{resource}::{ty}::{variant}"))
            }
            ParamType::Schema { .. } | ParamType::Array { .. } | ParamType::File => None,
        }
    }

    /// A value of the parameter's type for an example, where the documents give none.
    fn placeholder(&mut self, action: &Action, param: &Param) -> String {
        let resource = &self.resource.snake_name;
        match &param.ty {
            ParamType::Boolean => "false".to_string(),
            ParamType::Integer => "0".to_string(),
            ParamType::Enum { values } => {
                let ty = self.param_enum(action, param, values);
                match crate::types::variant_idents(values).first() {
                    Some(first) => format!("wegnology::{resource}::{ty}::{first}"),
                    None => format!("wegnology::{resource}::{ty}::Unknown(String::new())"),
                }
            }
            ParamType::String => format!("{:?}", param.name),
            ParamType::Schema { .. } => "Default::default()".to_string(),
            ParamType::Array { .. } => "Vec::new()".to_string(),
            ParamType::File => {
                "wegnology::FilePart::new(b\"...\".to_vec(), \"upload.bin\")".to_string()
            }
        }
    }
}

/// `pages()` and `items()` of a list action: one whose answer is a page of a collection
/// (`items` and `totalCount`) and which takes `page` (or `offset`) as an optional integer.
fn pagination(action: &Action, schema: &Schema) -> Option<TokenStream> {
    let kind = paged_by(action, schema)?;
    let (paginate, setter) = match kind {
        "page" => (quote! { paginate }, quote! { page }),
        _ => (quote! { paginate_offset }, quote! { offset }),
    };
    let doc = format!(
        " The pages of this list, one request each, from this request's own {kind} on (its \
         other parameters and options apply to every page), until `totalCount` items."
    );
    Some(quote! {
        #[doc = #doc]
        #[inline]
        pub fn pages(self) -> ::wegnology::runtime::Pages<'a, Self> {
            ::wegnology::runtime::#paginate(self, |request, n| {
                request.#setter(i64::try_from(n).unwrap_or(i64::MAX))
            })
        }

        /// The items of this list's pages, one after the other (see `pages`).
        #[inline]
        pub fn items(self) -> ::wegnology::runtime::Items<'a, Self> {
            self.pages().items()
        }
    })
}

/// How an action's list is paged, `page` or `offset`, where it is one.
fn paged_by(action: &Action, schema: &Schema) -> Option<&'static str> {
    let properties = schema.json_schema.get("properties")?;
    let is = |value: Option<&Value>, ty: &str| {
        value.and_then(|v| v.get("type")).and_then(Value::as_str) == Some(ty)
    };
    if !is(properties.get("items"), "array") || !is(properties.get("totalCount"), "integer") {
        return None;
    }
    let optional_integer = |name: &str| {
        action.params.iter().any(|p| {
            p.name == name
                && p.location == Location::Query
                && !p.required
                && p.ty == ParamType::Integer
        })
    };
    if optional_integer("page") && optional_integer("perPage") {
        Some("page")
    } else if optional_integer("offset") {
        Some("offset")
    } else {
        None
    }
}

/// Whether values of `json` hold a secret property (the properties `types.rs` makes `Secret`).
fn holds_secrets(json: &Value, title: &str) -> bool {
    let own = json
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|properties| {
            properties.iter().any(|(name, property)| {
                is_secret_property(name, Some(title)) || holds_secrets(property, title)
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
        .any(|nested| holds_secrets(nested, title))
}

/// Argument type of a required parameter or setter, and the expression of its value: strings
/// are taken as `impl Into<String>`, but a path value as `impl AsRef<str>`: it is copied into
/// the path, so an owned `String` of it would be one allocation more per call.
fn argument(param: &Param, ty: &TokenStream) -> (TokenStream, TokenStream) {
    let name = crate::types::field_ident(&param.name);
    match param.ty {
        ParamType::String if param.location == Location::Path => {
            (quote! { impl AsRef<str> }, quote! { #name.as_ref() })
        }
        // The prelude's names: the full paths would wrap every setter's signature.
        ParamType::String => (quote! { impl Into<String> }, quote! { #name.into() }),
        _ => (ty.clone(), quote! { #name }),
    }
}

/// The call that stores one parameter's `value` in the runtime request: query and header values
/// are their wire text, the body is encoded JSON, a path value fills its `{placeholder}`, a
/// multipart field is a part. The method of an action stores its path values together.
fn store(param: &Param, value: TokenStream) -> TokenStream {
    let wire = &param.name;
    // Structured query values: the runtime encodes them as the official clients do.
    match (param.location, &param.ty) {
        (Location::QueryJson, _) => return quote! { .query_json(#wire, &#value) },
        (Location::Query, ParamType::Array { .. }) => return quote! { .query_list(#wire, &#value) },
        // A schema value is flattened as the official clients flatten it (`tagFilter[0][key]`).
        (Location::Query, ParamType::Schema { .. }) => {
            return quote! { .query_flat(#wire, &#value) }
        }
        (_, ParamType::File) => return quote! { .multipart_file(#wire, #value) },
        (Location::Multipart, ParamType::String) => {
            return quote! { .multipart_text(#wire, #value) }
        }
        (Location::Multipart, ParamType::Enum { .. }) => {
            return quote! { .multipart_text(#wire, #value.as_str()) }
        }
        (Location::Multipart, ParamType::Boolean | ParamType::Integer) => {
            return quote! { .multipart_text(#wire, #value.to_string()) }
        }
        (Location::Multipart, _) => return quote! { .multipart_json(#wire, &#value) },
        // Their text without an allocation.
        (Location::Query, ParamType::Integer) => return quote! { .query_int(#wire, #value) },
        (Location::Query, ParamType::Boolean) => return quote! { .query_bool(#wire, #value) },
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
        Location::Query | Location::QueryJson | Location::Multipart => {
            quote! { .query(#wire, #text) }
        }
        Location::Header => quote! { .header(#wire, #text) },
        Location::Body => quote! { .json_body(&#value) },
        // A lone path value; an action's are given together, in the template's order.
        Location::Path => quote! { .path_params(&[(#wire, #value)]) },
    }
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
