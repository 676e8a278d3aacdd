//! The template engine on an arbitrary item: the first 8 bytes are the variant seed, the rest
//! an item as JSON, read as the widget reads it (most inputs are not an item; the fuzzer finds
//! the shape from the seed corpus).
#![no_main]
use adaptive_practice_engine::{bank_read::read_item, json, template::instantiate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 8 {
        return;
    }
    let seed = u64::from_le_bytes(data[..8].try_into().unwrap_or([0; 8]));
    let Ok(text) = std::str::from_utf8(&data[8..]) else {
        return;
    };
    if let Ok(item) = json::parse(text)
        .map_err(|e| e.to_string())
        .and_then(|v| read_item(&v))
    {
        let _ = instantiate(&item, seed);
    }
});
