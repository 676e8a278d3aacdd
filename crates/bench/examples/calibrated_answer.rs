//! Per-answer time (model update + next item choice) on a bank of 10,000 items and 500 skills,
//! without and with a calibration block, and the time to fit that block from a simulated class
//! of 30 learners × 500 answers (`bank_calibration::fit_bank_calibration`; and with loadings of the default rank added to that block, what the teacher page
//! and `make calibrate` run). `cargo run --release -p adaptive-practice-bench --example
//! calibrated_answer`; figures are printed, never asserted.

use std::time::Instant;

use adaptive_practice_bench::{generate_bank, index_bank, median, SimulatedLearner};
use adaptive_practice_engine::bank_calibration::{fit_bank_calibration, ClassAnswer};
use adaptive_practice_engine::calibrated_model::ModelSettings;
use adaptive_practice_engine::math::sigmoid;
use adaptive_practice_engine::seeded::SeededSequence;
use adaptive_practice_engine::IndexedBank;

const ITEMS: usize = 10_000;
const SKILLS: usize = 500;
const ANSWERS_TIMED: u32 = 1_000;
const RUNS: usize = 3;
const CLASS_LEARNERS: usize = 30;
const ANSWERS_PER_LEARNER: usize = 500;

fn main() {
    let text = generate_bank(ITEMS, SKILLS);
    let plain = index_bank(&text).unwrap_or_else(|problems| panic!("{problems}"));
    let mut random = SeededSequence(13);
    let mut answers = Vec::new();
    for learner in 0..CLASS_LEARNERS {
        let ability = 2.0 * random.unit() - 1.0;
        for step in 0..ANSWERS_PER_LEARNER {
            let item = &plain.items()[random.below(ITEMS as u64) as usize];
            let learned = ability + 0.004 * step as f64;
            answers.push(ClassAnswer {
                learner: learner.to_string(),
                item_id: item.id.clone(),
                part: None,
                correct: random.unit() < sigmoid(learned - item.prior_difficulty()),
                seconds: 60.0 * step as f64,
            });
        }
    }
    // The fit without the learner vector, then with it (the default rank): wall and CPU time.
    let mut fits = Vec::new();
    for factor_rank in [0, ModelSettings::default().factor_rank] {
        let (start, cpu) = (Instant::now(), thread_cpu());
        let settings = ModelSettings {
            factor_rank,
            ..ModelSettings::default()
        };
        let fitted = fit_bank_calibration(plain.bank(), &answers, settings, &mut |_, _| {})
            .expect("the class answered items of the bank");
        println!(
            "fit, learner vector of rank {factor_rank}: {CLASS_LEARNERS} learners x {ANSWERS_PER_LEARNER} answers, {} items: {:.2} s ({:.2} s CPU)",
            fitted.items,
            start.elapsed().as_secs_f64(),
            (thread_cpu() - cpu).as_secs_f64()
        );
        fits.push(fitted);
    }
    let fitted = fits.pop().expect("two fits");
    let mut bank = plain.bank().clone();
    bank.calibration = fitted.calibration;
    let calibrated = IndexedBank::new(bank.clone());
    // The same block with loadings on a learner vector of the default rank for every item of the
    // block (the simulated class has no kinds of learners for the fit to find).
    let rank = ModelSettings::default().factor_rank;
    if let Some(block) = bank.calibration.as_mut() {
        block.version = 2;
        for entry in block.items.values_mut() {
            entry.loadings = (0..rank).map(|_| random.unit() - 0.5).collect();
        }
    }
    let with_loadings = IndexedBank::new(bank);
    for (name, bank) in [
        ("without calibration", &plain),
        ("with calibration", &calibrated),
        ("with calibration and loadings", &with_loadings),
    ] {
        let (mut per_answer_us, mut cpu_us) = (Vec::new(), Vec::new());
        for _ in 0..RUNS {
            let mut learner = SimulatedLearner::new(bank.clone());
            let (start, cpu) = (Instant::now(), thread_cpu());
            for _ in 0..ANSWERS_TIMED {
                learner.answer_one();
            }
            per_answer_us.push(start.elapsed().as_secs_f64() * 1e6 / f64::from(ANSWERS_TIMED));
            cpu_us.push((thread_cpu() - cpu).as_secs_f64() * 1e6 / f64::from(ANSWERS_TIMED));
        }
        println!(
            "{ITEMS} items, {SKILLS} skills, {name}: {:.0} us per answer, {:.0} us CPU (medians of {RUNS} runs of {ANSWERS_TIMED})",
            median(&mut per_answer_us),
            median(&mut cpu_us)
        );
    }
}

/// The CPU time this thread has used (0 where /proc/thread-self/schedstat cannot be read).
fn thread_cpu() -> std::time::Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|text| text.split_whitespace().next()?.parse().ok())
        .map_or(std::time::Duration::ZERO, std::time::Duration::from_nanos)
}
