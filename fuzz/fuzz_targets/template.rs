//! The template engine on an arbitrary item: the first 8 bytes are the variant seed, the rest
//! an item as JSON (most inputs are not an item; the fuzzer finds the shape from the seed corpus).
#![no_main]
use adaptive_practice_engine::{template::instantiate, Item};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 8 {
        return;
    }
    let seed = u64::from_le_bytes(data[..8].try_into().unwrap_or([0; 8]));
    let Ok(text) = std::str::from_utf8(&data[8..]) else {
        return;
    };
    if let Ok(item) = serde_json::from_str::<Item>(text) {
        let _ = instantiate(&item, seed);
    }
});
