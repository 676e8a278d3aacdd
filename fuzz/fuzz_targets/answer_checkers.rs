//! The answer checkers: an arbitrary item kind and an arbitrary response, as JSON
//! `[kind, response]`, judged by `check_response`.
#![no_main]
use adaptive_practice_engine::{check_response, ItemKind, Response};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok((kind, response)) = serde_json::from_str::<(ItemKind, Response)>(text) {
        let _ = check_response(&kind, &response);
    }
});
