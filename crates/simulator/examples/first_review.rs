//! Diagnostic: when adaptive's first review comes. For seeds `0..SEEDS` (raw seeds, as the
//! simulator's tests use them), the seeds whose learner gets no review in the first ITEMS items
//! and the mean item of the first review among the others; then, for `LEARNERS` learners of
//! seed 2 at the default cap, adaptive's mean items to true mastery and its false mastery share
//! at the claim stop.
//! `cargo run --release -q -p adaptive-practice-simulator --example first_review -- www/banks/percentages.json bkt 30 250 60`

use std::path::Path;

use adaptive_practice_engine::ChoiceReason;
use adaptive_practice_simulator::run::default_item_cap;
use adaptive_practice_simulator::{
    learner_seed, read_bank_file, simulate_learner, Policy, SimulationParameters, TruthModel,
};

fn main() -> Result<(), String> {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: first_review BANK [bkt|growth] [SEEDS] [ITEMS] [LEARNERS]";
    let bank = read_bank_file(Path::new(arguments.first().ok_or(usage)?))?;
    let truth =
        TruthModel::from_name(arguments.get(1).map_or("bkt", String::as_str)).ok_or(usage)?;
    let number = |k: usize, default: usize| {
        arguments
            .get(k)
            .and_then(|t| t.parse().ok())
            .unwrap_or(default)
    };
    let (seeds, items, learners) = (number(2, 30) as u64, number(3, 250), number(4, 60));
    let budget = SimulationParameters {
        truth,
        item_cap: items,
        item_budget: Some(items),
        ..SimulationParameters::default()
    };
    let mut without_review = Vec::new();
    let mut first_reviews = Vec::new();
    for seed in 0..seeds {
        let run = simulate_learner(&bank, Policy::Adaptive, &budget, seed);
        match run
            .answers
            .iter()
            .position(|a| matches!(a.reason, Some(ChoiceReason::ReviewDue { .. })))
        {
            Some(k) => first_reviews.push(k + 1),
            None => without_review.push(seed),
        }
    }
    let full = SimulationParameters {
        truth,
        item_cap: default_item_cap(&bank),
        ..SimulationParameters::default()
    };
    let (mut to_true, mut claimed, mut claimed_truly_not) = (0usize, 0usize, 0usize);
    for k in 0..learners {
        let run = simulate_learner(&bank, Policy::Adaptive, &full, learner_seed(2, k));
        to_true += run.outcome.oracle.items;
        claimed += run.outcome.claim.skills_claimed;
        claimed_truly_not += run.outcome.claim.skills_claimed_truly_not;
    }
    println!(
        "{} {}: seeds without a review in {items} items: {without_review:?} of {seeds}; \
         first review at item {:.0} on average; {:.1} items to true mastery, false mastery \
         {:.1}% ({learners} learners, seed 2)",
        bank.id(),
        truth.name(),
        first_reviews.iter().sum::<usize>() as f64 / first_reviews.len().max(1) as f64,
        to_true as f64 / learners.max(1) as f64,
        100.0 * claimed_truly_not as f64 / claimed.max(1) as f64
    );
    Ok(())
}
