//! `generate!("path/to/spec")`: the client, generated at compile time from the documents.
//!
//! The path is relative to the calling crate's `CARGO_MANIFEST_DIR`. The expansion is exactly
//! `wegnology_codegen::generate` of the parsed model with `Options::DOWNSTREAM`: the modules
//! `cargo xtask regen` writes to `crates/client/src/generated/`, inline, without the cargo
//! feature gates (the calling crate has no such features) and without `Client`'s accessors
//! (only the client crate can declare those: a handle is `devices::DevicesApi::new(&client)`).
//! `generate!("path", resources = ["me", "devices"])` generates only those resources (camel
//! names) and the types they use; the names are the same as in the whole API's code. The
//! generated code calls the runtime as `::wegnology::…`, so the calling crate depends on
//! `wegnology` (and on `serde`, `serde_json` and `chrono`, which the types name). A malformed document becomes a `compile_error!` with the parser's message.
//!
//! Must not depend on: the client crate (it generates code for it).

use std::path::Path;

use proc_macro2::TokenStream;
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{bracketed, LitStr, Token};

/// The macro's input: the documents' directory and, optionally, the resources to generate.
struct Input {
    dir: LitStr,
    resources: Option<Vec<String>>,
}

impl Parse for Input {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let dir: LitStr = input.parse()?;
        if input.is_empty() {
            return Ok(Input {
                dir,
                resources: None,
            });
        }
        input.parse::<Token![,]>()?;
        let key: syn::Ident = input.parse()?;
        if key != "resources" {
            return Err(syn::Error::new(
                key.span(),
                "expected `resources = [\"…\", …]`",
            ));
        }
        input.parse::<Token![=]>()?;
        let content;
        bracketed!(content in input);
        let names = Punctuated::<LitStr, Token![,]>::parse_terminated(&content)?;
        input.parse::<Option<Token![,]>>()?;
        Ok(Input {
            dir,
            resources: Some(names.iter().map(LitStr::value).collect()),
        })
    }
}

#[proc_macro]
pub fn generate(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = match syn::parse::<Input>(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error().into(),
    };
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    expand(
        &Path::new(&manifest_dir).join(input.dir.value()),
        input.resources.as_deref(),
    )
    .into()
}

/// The expansion for the documents in `dir`: a dependency on each document, then the code.
fn expand(dir: &Path, resources: Option<&[String]>) -> TokenStream {
    match code(dir, resources) {
        Ok((files, code)) => {
            // `include_bytes!` makes cargo rebuild the caller when a document changes.
            let files = files.iter().map(|f| dir.join(f).display().to_string());
            quote! {
                #( const _: &[u8] = include_bytes!(#files); )*
                #code
            }
        }
        Err(message) => quote! { compile_error!(#message); },
    }
}

/// The files read and the generated code for the documents in `dir`, or the parser's message
/// (or a resource the documents do not have).
fn code(dir: &Path, resources: Option<&[String]>) -> Result<(Vec<String>, TokenStream), String> {
    let docs = wegnology_parser::Documents::read(dir).map_err(|error| error.to_string())?;
    let mut model = wegnology_parser::parse(&docs).map_err(|error| error.to_string())?;
    if let Some(resources) = resources {
        for resource in resources {
            if !model.resources.iter().any(|r| &r.camel_name == resource) {
                return Err(format!(
                    "generate!: the documents have no resource `{resource}` (resources are \
                     named by their camel names, such as `me` or `applicationKeys`)"
                ));
            }
        }
        let names: Vec<&str> = resources.iter().map(String::as_str).collect();
        model = model.subset(&names);
    }
    let code = wegnology_codegen::generate(&model, wegnology_codegen::Options::DOWNSTREAM);
    Ok((docs.files(), code))
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn spec_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec/published")
    }

    #[test]
    fn expansion_is_the_downstream_code_of_the_whole_api() {
        let model = wegnology_parser::load(&spec_dir()).unwrap();
        let generated = wegnology_codegen::generate(&model, wegnology_codegen::Options::DOWNSTREAM);
        let (files, code) = code(&spec_dir(), None).unwrap();
        assert_eq!(code.to_string(), generated.to_string());
        // A marker for every document read: Me's, and every file of the package on disk.
        let on_disk = |dir: &str| {
            std::fs::read_dir(spec_dir().join(dir))
                .unwrap()
                .filter(|e| e.as_ref().unwrap().path().is_file())
                .count()
        };
        assert_eq!(
            files.len(),
            wegnology_parser::FILES.len()
                + 1
                + on_disk("wegnology-rest/docs")
                + on_disk("wegnology-rest/lib/api")
        );
        // The expansion is the dependency markers, then exactly that code.
        let markers: TokenStream = files
            .iter()
            .map(|f| spec_dir().join(f).display().to_string())
            .map(|f| quote! { const _: &[u8] = include_bytes!(#f); })
            .collect();
        assert_eq!(
            expand(&spec_dir(), None).to_string(),
            quote! { #markers #generated }.to_string()
        );
    }

    /// The files `cargo xtask regen` wrote, their modules inline.
    fn written_code() -> syn::File {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../client/src/generated");
        let parse = |name: &str| -> syn::File {
            syn::parse_file(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap()
        };
        let mut root = parse("mod.rs");
        for item in &mut root.items {
            if let syn::Item::Mod(module) = item {
                let file = parse(&format!("{}.rs", module.ident));
                module.content = Some((Default::default(), file.items));
                module.semi = None;
            }
        }
        root
    }

    /// `items` without `cfg` and `cfg_attr` attributes (features) and without
    /// `impl ::wegnology::Client` blocks (the client crate's accessors), in every module.
    fn without_gates_and_accessors(items: Vec<syn::Item>) -> Vec<syn::Item> {
        items
            .into_iter()
            .filter(|item| match item {
                syn::Item::Impl(block) => {
                    let ty = &block.self_ty;
                    quote!(#ty).to_string() != quote!(::wegnology::Client).to_string()
                }
                _ => true,
            })
            .map(|mut item| {
                let attrs = match &mut item {
                    syn::Item::Struct(i) => Some(&mut i.attrs),
                    syn::Item::Enum(i) => Some(&mut i.attrs),
                    syn::Item::Type(i) => Some(&mut i.attrs),
                    syn::Item::Impl(i) => Some(&mut i.attrs),
                    syn::Item::Macro(i) => Some(&mut i.attrs),
                    syn::Item::Mod(i) => {
                        if let Some((_, inner)) = i.content.take() {
                            i.content =
                                Some((Default::default(), without_gates_and_accessors(inner)));
                        }
                        Some(&mut i.attrs)
                    }
                    _ => None,
                };
                if let Some(attrs) = attrs {
                    attrs.retain(|attr| {
                        !attr.path().is_ident("cfg") && !attr.path().is_ident("cfg_attr")
                    });
                }
                item
            })
            .collect()
    }

    #[test]
    fn expansion_is_what_regen_writes_but_for_gates_and_accessors() {
        let (_, expanded) = code(&spec_dir(), None).unwrap();
        let expanded: syn::File = syn::parse2(expanded).unwrap();
        let written = written_code();
        let written = without_gates_and_accessors(written.items);
        // Compared as formatted code: a doc comment read from a file is a raw string token.
        let format = |items: Vec<syn::Item>| {
            prettyplease::unparse(&syn::File {
                shebang: None,
                attrs: Vec::new(),
                items,
            })
        };
        let (written, expanded) = (format(written), format(expanded.items));
        let at = written
            .char_indices()
            .zip(expanded.chars())
            .find(|((_, a), b)| a != b)
            .map_or(written.len().min(expanded.len()), |((i, _), _)| i);
        let context = |text: &str| {
            let start = text.floor_char_boundary(at.saturating_sub(200));
            let end = text.ceil_char_boundary((at + 200).min(text.len()));
            text[start..end].to_string()
        };
        assert!(
            written == expanded,
            "the expansion of generate! differs from crates/client/src/generated/ (stale? run \
             `cargo xtask regen`): regen wrote …{}… where the macro has …{}…",
            context(&written),
            context(&expanded)
        );
    }

    #[test]
    fn a_chosen_resource_is_generated_alone_with_its_types() {
        let only_me = vec!["me".to_string()];
        let (_, expanded) = code(&spec_dir(), Some(&only_me)).unwrap();
        let file: syn::File = syn::parse2(expanded).unwrap();
        let modules: Vec<String> = file
            .items
            .iter()
            .filter_map(|item| match item {
                syn::Item::Mod(module) => Some(module.ident.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(modules, ["types", "me"]);
        let unknown = vec!["gadgets".to_string()];
        let message = code(&spec_dir(), Some(&unknown)).unwrap_err();
        assert!(message.contains("no resource `gadgets`"), "{message}");
    }

    #[test]
    fn a_malformed_spec_is_a_compile_error() {
        let dir = std::env::temp_dir().join(format!("wegnology-macro-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("me")).unwrap();
        for file in wegnology_parser::FILES {
            std::fs::copy(spec_dir().join(file), dir.join(file)).unwrap();
        }
        std::fs::write(dir.join("me/API_VERSION"), "one\n").unwrap();
        let expanded = expand(&dir, None).to_string();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(expanded, "compile_error ! (\"me/API_VERSION:1: expected an API release such as `1.26.2`, found `one`\") ;");
    }
}
