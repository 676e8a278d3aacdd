//! Where `load_bank`'s time goes on a bank file, phase by phase, natively (median of the runs):
//! its parts (the JSON parse, the texts' fields and markup), then its two halves as the widget
//! runs them (`read_bank` before the first item, `LaterChecks::check` after its first frame).
//! A diagnostic, not a test: timings are never asserted.
//!
//! `cargo run --release -p adaptive-practice-engine --example load_timing -- FILE [RUNS]`
//! (the bench bank: `bench/generated/banks/bank-1000.json`, written by `make bench`).

use std::time::{Duration, Instant};

use adaptive_practice_engine::bank_check::{read_bank, texts_as_shown, BankRead};
use adaptive_practice_engine::json;
use adaptive_practice_engine::load_bank;
use adaptive_practice_engine::markup::{check_block_markup, check_inline_markup};
use adaptive_practice_engine::text_fields::{collect_text_fields, TextShape};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: load_timing FILE [RUNS]");
    let runs: usize = args.next().map_or(21, |runs| runs.parse().expect("RUNS"));
    let text = std::fs::read_to_string(&path).expect("the bank file");
    let phases = [
        "json parse",
        "text fields",
        "texts as shown",
        "markup checks",
        "read_bank",
        "later checks",
        "load_bank",
    ];
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); phases.len()];
    for _ in 0..runs {
        let mut lap = Lap(Instant::now());
        let root = json::parse(&text).expect("JSON");
        times[0].push(lap.next());
        let fields = collect_text_fields(&root);
        times[1].push(lap.next());
        let shown = texts_as_shown(&root, &fields);
        times[2].push(lap.next());
        let mut problems = 0;
        for (field, shown) in fields.iter().zip(&shown) {
            let Some(shown) = shown else { continue };
            problems += match field.shape {
                TextShape::Block => check_block_markup(shown).problems.len(),
                TextShape::Inline => check_inline_markup(shown).len(),
            };
        }
        times[3].push(lap.next());
        let read = read_bank(&text);
        times[4].push(lap.next());
        if let BankRead::Checked { bank, later } = read {
            problems += later.check(&bank).len();
        }
        times[5].push(lap.next());
        let load = load_bank(&text);
        times[6].push(lap.next());
        assert!(load.bank.is_some() || problems > 0 || !load.diagnostics.is_empty());
    }
    println!("{path}: {} bytes, median of {runs} runs", text.len());
    for (phase, mut samples) in phases.iter().zip(times) {
        samples.sort();
        let median = samples[samples.len() / 2];
        println!("{phase:>16}: {:8.2} ms", median.as_secs_f64() * 1000.0);
    }
}

struct Lap(Instant);

impl Lap {
    fn next(&mut self) -> Duration {
        let now = Instant::now();
        let elapsed = now - self.0;
        self.0 = now;
        elapsed
    }
}
