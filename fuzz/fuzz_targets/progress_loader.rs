//! The progress loader and the progress import on arbitrary bytes (as UTF-8): they return a
//! `ProgressError` or an `ImportRefusal`, never panic; progress that loads saves and loads back
//! the same, and the plausibility rules run on it.
#![no_main]
use std::sync::OnceLock;

use adaptive_practice_engine::progress::{import_progress, plausibility::check_progress};
use adaptive_practice_engine::{load_bank, load_progress, save_progress, IndexedBank, Timestamp};
use libfuzzer_sys::fuzz_target;

const BANK: &str = r#"{"id": "fractions", "version": "1.0.0", "title": "Fuzz",
  "skills": [{"id": "fraction-meaning", "name": "Meaning"}],
  "items": [{"id": "meaning-01", "skills": ["fraction-meaning"], "type": "numeric",
             "prompt": "1/2 as a decimal", "answer": 0.5}]}"#;
const NOW: Timestamp = Timestamp(1_800_000_000_000);

fn bank() -> &'static IndexedBank {
    static BANK_INDEX: OnceLock<IndexedBank> = OnceLock::new();
    BANK_INDEX.get_or_init(|| IndexedBank::new(load_bank(BANK).bank.expect("the fuzz bank loads")))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(progress) = load_progress(text, "fractions") {
        let saved = save_progress(&progress);
        assert_eq!(load_progress(&saved, "fractions").as_ref(), Ok(&progress));
        let _ = check_progress(&progress, 4, NOW);
    }
    if let Err(refusal) = import_progress(text, bank(), NOW) {
        let _ = refusal.to_string();
    }
});
