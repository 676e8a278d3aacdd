//! Our JSON reader on arbitrary bytes (as UTF-8): it returns a tree or an error with a position
//! inside the text, never panics; a tree it read is written back and reads as the same tree.
#![no_main]
use adaptive_practice_engine::json::{parse, to_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse(text) {
        Ok(value) => assert_eq!(parse(&to_text(&value)).as_ref(), Ok(&value)),
        Err(error) => assert!(error.line >= 1 && error.column <= text.len()),
    }
});
