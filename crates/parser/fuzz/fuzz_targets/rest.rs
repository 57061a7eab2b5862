//! The `rest-api-me.txt` parser on arbitrary input: a result or a `SpecError`, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = wegnology_parser::text("rest-api-me.txt", data.to_vec()) {
        let _ = wegnology_parser::rest::parse(&text);
    }
});
