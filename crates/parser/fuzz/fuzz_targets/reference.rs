//! The `me.md` parser on arbitrary input: a result or a `SpecError`, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = wegnology_parser::text("me.md", data.to_vec()) {
        let _ = wegnology_parser::reference::parse(wegnology_parser::reference::FILE, &text);
    }
});
