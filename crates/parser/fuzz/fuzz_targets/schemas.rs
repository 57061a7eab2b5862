//! The `_schemas.md` parser on arbitrary input: a result or a `SpecError`, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = wegnology_parser::text("_schemas.md", data.to_vec()) {
        let _ = wegnology_parser::schemas::parse(wegnology_parser::schemas::FILE, &text);
    }
});
