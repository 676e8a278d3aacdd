//! The markup parser (Markdown and LaTeX) on arbitrary text.
#![no_main]
use adaptive_practice_engine::markup::{check_markup, parse_markup};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = parse_markup(text);
        let _ = check_markup(text);
    }
});
