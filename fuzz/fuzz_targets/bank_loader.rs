//! The bank loader on arbitrary bytes (as UTF-8): it returns diagnostics, never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = adaptive_practice_engine::load_bank(text);
    }
});
