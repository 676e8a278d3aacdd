//! The widget's load path, natively, phase by phase, on the benchmark's bank of 1,000 items and
//! 500 skills (or `bench-load ITEMS`): the JSON tree alone, `read_bank` (tree, typed bank and
//! the bank's structure checked), the later checks (answers and texts), and `IndexedBank::new`. Prints the median and
//! the fastest of `RUNS` runs of each in microseconds of the thread's CPU time (on a shared
//! machine the wall clock also counts the time other work had the core), one line each. Release
//! profile, opt-level "z", as the widget's wasm. Figures are printed, never asserted: the
//! profile to start from before changing the reader (`cargo run --release -p
//! adaptive-practice-bench --bin bench-load`).

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
        let start = cpu_now();
        let parsed = json::parse(&text);
        tree.push(elapsed_us(start));
        drop(parsed);

        let start = cpu_now();
        let BankRead::Checked { bank, later } = read_bank(&text) else {
            fail("the bank was refused");
        };
        let after_read = elapsed_us(start);
        read.push(after_read);
        let start_index = cpu_now();
        let indexed = IndexedBank::new(*bank);
        let indexed_us = elapsed_us(start_index);
        index.push(indexed_us);
        let start_texts = cpu_now();
        let diagnostics = later.check(indexed.bank());
        texts.push(elapsed_us(start_texts));
        total.push(after_read + indexed_us);
        std::hint::black_box((indexed, diagnostics));
    }
    println!(
        "bank: {items} items, {SKILLS} skills, {} bytes; {RUNS} runs: median (fastest)",
        text.len()
    );
    for (label, times) in [
        ("json tree alone", &mut tree),
        ("read_bank (tree, bank, structure)", &mut read),
        ("IndexedBank::new", &mut index),
        ("first item needs (read + index)", &mut total),
        ("later checks (after first paint)", &mut texts),
    ] {
        let fastest = times.iter().copied().fold(f64::INFINITY, f64::min);
        println!("{label:<34} {:>8.0} us ({fastest:.0})", median(times));
    }
}

/// The CPU time this thread has used, in microseconds.
fn cpu_now() -> f64 {
    let mut time = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `time` is a valid, writable timespec for the call's duration.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut time) };
    if status != 0 {
        fail("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    }
    time.tv_sec as f64 * 1e6 + time.tv_nsec as f64 / 1e3
}

fn elapsed_us(start: f64) -> f64 {
    cpu_now() - start
}

fn fail(message: &str) -> ! {
    eprintln!("bench-load: {message}");
    std::process::exit(1);
}
