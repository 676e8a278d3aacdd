//! Simulated learners practising a bank, to measure whether the engine's item choice beats a
//! fixed order and a random order: hidden truth in `learner`, one run in `run`, many in
//! `simulate_bank`, summaries and the script-readable line in `summary`, the table in `report`.
//!
//! All randomness comes from the simulator's own seeded `random::SplitMix64`; the engine only
//! ever receives seeds and `Timestamp`s, as in the widget.

pub mod learner;
pub mod random;
pub mod report;
pub mod response;
pub mod run;
pub mod summary;

pub use learner::{HiddenLearner, PopulationParameters};
pub use random::SplitMix64;
pub use run::{
    simulate_hidden_learner, simulate_learner, Policy, RunOutcome, SimulatedAnswer, SimulatedRun,
    SimulationParameters,
};
pub use summary::{
    format_summary_line, parse_summary_line, summarize_outcomes, Interval, ParsedSummaryLine,
    PolicySummary,
};

use adaptive_practice_engine::{load_bank, IndexedBank, Severity};

#[cfg(test)]
mod tests;

/// Every policy's outcomes on one bank, learner by learner (the same learners in the same order).
#[derive(Debug, Clone, PartialEq)]
pub struct BankSimulation {
    pub bank_id: String,
    pub skill_count: usize,
    pub item_cap: usize,
    pub outcomes_by_policy: Vec<(Policy, Vec<RunOutcome>)>,
}

/// The seed of learner number `learner_index` in a simulation seeded with `seed`.
pub fn learner_seed(seed: u64, learner_index: usize) -> u64 {
    random::derive_seed(seed, 0x1_0000 + learner_index as u64)
}

/// Simulates `learners` learners under every policy; learner k has the same seed under each.
pub fn simulate_bank(
    bank: &IndexedBank,
    parameters: &SimulationParameters,
    learners: usize,
    seed: u64,
) -> BankSimulation {
    let outcomes_by_policy = Policy::ALL
        .iter()
        .map(|&policy| {
            let outcomes = (0..learners)
                .map(|k| simulate_learner(bank, policy, parameters, learner_seed(seed, k)).outcome)
                .collect();
            (policy, outcomes)
        })
        .collect();
    BankSimulation {
        bank_id: bank.id().to_string(),
        skill_count: bank.skills().len(),
        item_cap: parameters.item_cap,
        outcomes_by_policy,
    }
}

/// One summary per policy, in `Policy::ALL` order.
pub fn summarize_bank(simulation: &BankSimulation) -> Vec<PolicySummary> {
    simulation
        .outcomes_by_policy
        .iter()
        .map(|(policy, outcomes)| {
            summarize_outcomes(
                &simulation.bank_id,
                *policy,
                outcomes,
                simulation.item_cap,
                simulation.skill_count,
            )
        })
        .collect()
}

/// Reads and indexes a bank file for the command-line tools: warnings go to stderr, errors make
/// the message returned.
pub fn read_bank_file(path: &std::path::Path) -> Result<IndexedBank, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let loaded = load_bank(&text);
    for diagnostic in loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
    {
        eprintln!("{}: {diagnostic}", path.display());
    }
    match loaded.bank {
        Some(bank) => Ok(IndexedBank::new(bank)),
        None => {
            let errors: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
            Err(format!(
                "{} is not a usable bank:\n  {}",
                path.display(),
                errors.join("\n  ")
            ))
        }
    }
}
