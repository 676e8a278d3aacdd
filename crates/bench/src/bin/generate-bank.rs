//! Writes synthetic banks for the benchmark: `generate-bank DIR` writes the standard set
//! (`bank-100.json`, `bank-1000.json`, `bank-10000.json`, 500 skills each, and
//! `bank-10000-calibrated.json`, the last with a calibration block) into DIR;
//! `generate-bank ITEMS SKILLS` prints one bank on standard output.

use std::path::PathBuf;

use adaptive_practice_bench::{generate_bank, generate_calibrated_bank};

/// The bank sizes every benchmark uses, all with `STANDARD_SKILLS` skills.
const STANDARD_ITEMS: [usize; 3] = [100, 1_000, 10_000];
const STANDARD_SKILLS: usize = 500;
/// The calibrated bank's size: the largest, where the per-answer aim (< 1 ms) is set.
const CALIBRATED_ITEMS: usize = 10_000;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [items, skills] => match (items.parse(), skills.parse()) {
            (Ok(items), Ok(skills)) => println!("{}", generate_bank(items, skills)),
            _ => fail("ITEMS and SKILLS must be whole numbers"),
        },
        [dir] => {
            let dir = PathBuf::from(dir);
            if let Err(error) = std::fs::create_dir_all(&dir) {
                fail(&format!("cannot create {}: {error}", dir.display()));
            }
            for items in STANDARD_ITEMS {
                let path = dir.join(format!("bank-{items}.json"));
                if let Err(error) = std::fs::write(&path, generate_bank(items, STANDARD_SKILLS)) {
                    fail(&format!("cannot write {}: {error}", path.display()));
                }
            }
            let path = dir.join(format!("bank-{CALIBRATED_ITEMS}-calibrated.json"));
            let text = generate_calibrated_bank(CALIBRATED_ITEMS, STANDARD_SKILLS);
            if let Err(error) = std::fs::write(&path, text) {
                fail(&format!("cannot write {}: {error}", path.display()));
            }
        }
        _ => fail("usage: generate-bank DIR | generate-bank ITEMS SKILLS"),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("generate-bank: {message}");
    std::process::exit(2);
}
