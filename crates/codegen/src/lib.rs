//! Generates the typed Me client (Rust tokens) from the endpoint model.

use wegnology_model::ApiModel;

/// The client code for `model`, as tokens.
pub fn generate(_model: &ApiModel) -> proc_macro2::TokenStream {
    proc_macro2::TokenStream::new()
}

/// The client code for `model`, formatted as the checked-in file.
pub fn render(model: &ApiModel) -> String {
    let file: syn::File = syn::parse2(generate(model)).expect("generated code parses");
    prettyplease::unparse(&file)
}
