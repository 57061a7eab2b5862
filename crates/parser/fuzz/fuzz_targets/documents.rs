//! The four parsers and the merge: the input is split at NUL bytes into `me.md`, the REST page,
//! the JS page and `_schemas.md`. A model or a `SpecError`, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.split('\0').map(str::to_string);
    let docs = wegnology_parser::Documents {
        api_version: "1.26.2".to_string(),
        reference: parts.next().unwrap_or_default(),
        rest: parts.next().unwrap_or_default(),
        js: parts.next().unwrap_or_default(),
        schemas: parts.next().unwrap_or_default(),
    };
    let _ = wegnology_parser::parse(&docs);
});
