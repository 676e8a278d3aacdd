//! Diagnostic: where each policy's items go before the hidden truth masters everything (on
//! skills already truly mastered, open to learn, or blocked by an unmastered prerequisite), how
//! many of adaptive's are reviews (and the engine's reasons for the items on mastered skills), and
//! how long the engine's claim lags behind true mastery.
//! `cargo run --release -q -p adaptive-practice-simulator --example where_items_go -- www/banks/fractions.json`

use std::path::Path;

use adaptive_practice_simulator::run::ItemTruth;
use adaptive_practice_simulator::{
    learner_seed, read_bank_file, simulate_learner, Policy, SimulationParameters, TruthModel,
};

const LEARNERS: usize = 200;

fn main() -> Result<(), String> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    for path in &paths {
        let bank = read_bank_file(Path::new(path))?;
        for truth in TruthModel::ALL {
            let parameters = SimulationParameters {
                truth,
                ..SimulationParameters::default()
            };
            for policy in [Policy::Adaptive, Policy::Fixed, Policy::Oracle] {
                let (mut counts, mut reviews, mut total) = ([0usize; 3], 0usize, 0usize);
                let (mut lag_sum, mut lag_learners) = (0usize, 0usize);
                let mut reasons_on_mastered = std::collections::BTreeMap::<String, usize>::new();
                for k in 0..LEARNERS {
                    let run = simulate_learner(&bank, policy, &parameters, learner_seed(1, k));
                    let until = run.outcome.oracle.items;
                    for answer in &run.answers[..until] {
                        total += 1;
                        if answer.truth_when_shown == ItemTruth::Mastered {
                            if let Some(reason) = &answer.reason {
                                let kind = format!("{reason:?}");
                                let kind = kind.split([' ', '{']).next().unwrap_or("").to_string();
                                *reasons_on_mastered.entry(kind).or_default() += 1;
                            }
                        }
                        counts[match answer.truth_when_shown {
                            ItemTruth::Mastered => 0,
                            ItemTruth::Open => 1,
                            ItemTruth::Blocked => 2,
                        }] += 1;
                        reviews += usize::from(matches!(
                            answer.reason,
                            Some(adaptive_practice_engine::ChoiceReason::ReviewDue { .. })
                        ));
                    }
                    if run.outcome.oracle.reached && run.outcome.claim.reached {
                        lag_sum += run.outcome.claim.items.saturating_sub(until);
                        lag_learners += 1;
                    }
                }
                let share = |n: usize| 100.0 * n as f64 / total.max(1) as f64;
                println!(
                    "{} {:<7} {:<9} before true mastery: {:4.1}% on mastered skills, {:4.1}% open, {:4.1}% blocked, {:4.1}% reviews; claim {:5.1} items after true mastery ({} learners)",
                    bank.id(),
                    truth.name(),
                    policy.name(),
                    share(counts[0]),
                    share(counts[1]),
                    share(counts[2]),
                    share(reviews),
                    lag_sum as f64 / lag_learners.max(1) as f64,
                    lag_learners
                );
                if !reasons_on_mastered.is_empty() {
                    let on_mastered: usize = reasons_on_mastered.values().sum();
                    let parts: Vec<String> = reasons_on_mastered
                        .iter()
                        .map(|(kind, n)| {
                            format!(
                                "{kind} {:.0}%",
                                share(*n) * total as f64 / on_mastered as f64
                            )
                        })
                        .collect();
                    println!(
                        "    the engine's reasons for items on truly mastered skills: {}",
                        parts.join(", ")
                    );
                }
            }
        }
    }
    Ok(())
}
