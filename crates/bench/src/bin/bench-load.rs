//! The widget's load path, natively, phase by phase, on the benchmark's bank of 1,000 items and
//! 500 skills (or `bench-load ITEMS`): the JSON tree alone, `read_bank` (tree, typed bank and
//! every check but the texts'), the texts' checks, and `IndexedBank::new`. Prints the median of
//! `RUNS` runs of each in microseconds, one line each. Figures are printed, never asserted: the
//! profile to start from before changing the reader (`cargo run --release -p
//! adaptive-practice-bench --bin bench-load`).

use std::time::Instant;

use adaptive_practice_bench::{generate_bank, median};
use adaptive_practice_engine::bank_check::{read_bank, BankRead};
use adaptive_practice_engine::json;
use adaptive_practice_engine::IndexedBank;

const SKILLS: usize = 500;
const RUNS: usize = 41;

fn main() {
    let items = match std::env::args().nth(1) {
        Some(items) => items
            .parse()
            .unwrap_or_else(|_| fail("ITEMS must be a whole number")),
        None => 1_000,
    };
    let text = generate_bank(items, SKILLS);
    let mut tree = Vec::new();
    let mut read = Vec::new();
    let mut texts = Vec::new();
    let mut index = Vec::new();
    let mut total = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let parsed = json::parse(&text);
        tree.push(elapsed_us(start));
        drop(parsed);

        let start = Instant::now();
        let BankRead::Checked {
            bank,
            texts: checks,
        } = read_bank(&text)
        else {
            fail("the bank was refused");
        };
        let after_read = elapsed_us(start);
        read.push(after_read);
        let start_index = Instant::now();
        let indexed = IndexedBank::new(*bank);
        let indexed_us = elapsed_us(start_index);
        index.push(indexed_us);
        let start_texts = Instant::now();
        let diagnostics = checks.check();
        texts.push(elapsed_us(start_texts));
        total.push(after_read + indexed_us);
        std::hint::black_box((indexed, diagnostics));
    }
    println!(
        "bank: {items} items, {SKILLS} skills, {} bytes; median of {RUNS} runs",
        text.len()
    );
    println!(
        "json tree alone                  {:>8.0} us",
        median(&mut tree)
    );
    println!(
        "read_bank (tree, bank, checks)   {:>8.0} us",
        median(&mut read)
    );
    println!(
        "IndexedBank::new                 {:>8.0} us",
        median(&mut index)
    );
    println!(
        "first item needs (read + index)  {:>8.0} us",
        median(&mut total)
    );
    println!(
        "texts checked (after first paint){:>8.0} us",
        median(&mut texts)
    );
}

fn elapsed_us(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1e6
}

fn fail(message: &str) -> ! {
    eprintln!("bench-load: {message}");
    std::process::exit(1);
}
