//! The whole in-memory pipeline on one spec: parse → model → code generation. Code generation
//! panics when the code it produced does not parse, so this finds spec text that breaks the
//! generated Rust (keywords, odd names, hostile enum values), not only parser crashes.
#![no_main]

use std::path::Path;

use client_generator::codegen::generate_crate;
use client_generator::model::build_api;
use client_generator::parse::parse_spec;
use libfuzzer_sys::fuzz_target;

/// Files without a folder (any scope is accepted), named like awkward method ids.
const PATHS: [&str; 4] = ["getThing.md", "type.md", "self.md", "new.md"];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let path = Path::new(PATHS[usize::from(selector) % PATHS.len()]);
    let Ok(spec) = parse_spec(path, text) else {
        return;
    };
    if let Ok(api) = build_api(&[spec]) {
        let _ = generate_crate(&api);
    }
});
