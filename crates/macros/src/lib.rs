//! `generate!("path/to/spec")`: the Me client, generated at compile time from the documents.
//!
//! The path is relative to the calling crate's `CARGO_MANIFEST_DIR`. The expansion is exactly
//! `wegnology_codegen::generate` of the parsed model, the code `cargo xtask regen` writes to
//! `crates/client/src/generated.rs`; the generated code calls the runtime as `::wegnology::…`,
//! so the calling crate depends on `wegnology`. A malformed document becomes a `compile_error!`
//! with the parser's message.
//!
//! Must not depend on: the client crate (it generates code for it).

use std::path::Path;

use proc_macro2::TokenStream;
use quote::quote;

#[proc_macro]
pub fn generate(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let dir = match syn::parse::<syn::LitStr>(input) {
        Ok(path) => path.value(),
        Err(error) => return error.to_compile_error().into(),
    };
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    expand(&Path::new(&manifest_dir).join(dir)).into()
}

/// The expansion for the documents in `dir`: a dependency on each document, then the code.
fn expand(dir: &Path) -> TokenStream {
    match code(dir) {
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

/// The files read and the generated code for the documents in `dir`, or the parser's message.
fn code(dir: &Path) -> Result<(Vec<String>, TokenStream), String> {
    let docs = wegnology_parser::Documents::read(dir).map_err(|error| error.to_string())?;
    let model = wegnology_parser::parse(&docs).map_err(|error| error.to_string())?;
    let code = wegnology_codegen::generate(&model.subset(wegnology_codegen::RESOURCES));
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
    fn expansion_is_the_code_regen_writes() {
        let model = wegnology_parser::load(&spec_dir()).unwrap();
        let generated = wegnology_codegen::generate(&model.subset(wegnology_codegen::RESOURCES));
        let (files, code) = code(&spec_dir()).unwrap();
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
            expand(&spec_dir()).to_string(),
            quote! { #markers #generated }.to_string()
        );
        // And the file `cargo xtask regen` writes is that code, formatted.
        let file: syn::File = syn::parse2(code).unwrap();
        let written = include_str!("../../client/src/generated.rs");
        assert_eq!(
            written,
            format!(
                "{}{}",
                wegnology_codegen::HEADER,
                prettyplease::unparse(&file)
            )
        );
    }

    #[test]
    fn a_malformed_spec_is_a_compile_error() {
        let dir = std::env::temp_dir().join(format!("wegnology-macro-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("me")).unwrap();
        for file in wegnology_parser::FILES {
            std::fs::copy(spec_dir().join(file), dir.join(file)).unwrap();
        }
        std::fs::write(dir.join("me/API_VERSION"), "one\n").unwrap();
        let expanded = expand(&dir).to_string();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(expanded, "compile_error ! (\"me/API_VERSION:1: expected an API release such as `1.26.2`, found `one`\") ;");
    }
}
