//! Feeds arbitrary bytes to the spec parser, as `parse_dir` would: non-UTF-8 input is
//! rejected before parsing, everything else must come back as `Ok` or diagnostics, never a
//! panic, a hang or a crash. File names vary too (the method id and scope come from them).
#![no_main]

use std::path::PathBuf;

use client_generator::parse::parse_spec;
use libfuzzer_sys::fuzz_target;

const PATHS: [&str; 4] = [
    "specs/things/getThing.md",
    "specs/things/get-thing.md",
    "specs/type/getThing.md",
    "getThing.md",
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let path = PathBuf::from(PATHS[usize::from(selector) % PATHS.len()]);
    if let Err(diags) = parse_spec(&path, text) {
        // Rendering is part of the error path users see.
        for d in &diags.0 {
            let _ = d.render_with_source(text);
        }
        let _ = diags.to_string();
    }
});
