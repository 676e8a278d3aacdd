//! Simulated learners practising a bank, to compare the engine's item choice (`adaptive`) with a
//! fixed order, a random order and a learner-aware oracle, all stopped by the same rule (the
//! engine's mastery claim) and also where the hidden truth first masters everything, and at equal
//! numbers of items. Hidden truth in `truth` (two models unlike the engine's), policies in
//! `policy`, one run in `run`, rows and the script-readable line in `summary`, the goals in
//! `goals`, the table in `report`, the banks in `banks`.
//!
//! All randomness comes from the simulator's own seeded `random::SplitMix64`; the engine only
//! ever receives seeds and `Timestamp`s, as in the widget.

pub mod banks;
pub mod goals;
pub mod policy;
pub mod random;
pub mod report;
pub mod response;
pub mod run;
pub mod summary;
pub mod truth;

pub use banks::read_bank_file;
pub use policy::Policy;
pub use random::SplitMix64;
pub use run::{
    simulate_hidden_learner, simulate_learner, RunOutcome, SimulatedAnswer, SimulatedRun,
    SimulationParameters, StopMeasure,
};
pub use summary::{format_row_line, parse_row_line, summarize_row, Interval, RowSummary, StopRule};
pub use truth::{HiddenLearner, TruthModel};

use adaptive_practice_engine::IndexedBank;

#[cfg(test)]
mod tests;

/// Every policy's outcomes on one bank with one truth model, learner by learner (the same
/// learners in the same order under every policy).
#[derive(Debug, Clone, PartialEq)]
pub struct CellSimulation {
    pub bank_id: String,
    pub truth: TruthModel,
    pub skill_count: usize,
    pub item_count: usize,
    pub item_cap: usize,
    pub outcomes_by_policy: Vec<(Policy, Vec<RunOutcome>)>,
}

impl CellSimulation {
    pub fn outcomes_of(&self, policy: Policy) -> &[RunOutcome] {
        self.outcomes_by_policy
            .iter()
            .find(|(p, _)| *p == policy)
            .map_or(&[], |(_, outcomes)| outcomes.as_slice())
    }
}

/// The seed of learner number `learner_index` in a simulation seeded with `seed`.
pub fn learner_seed(seed: u64, learner_index: usize) -> u64 {
    random::derive_seed(seed, 0x1_0000 + learner_index as u64)
}

/// Simulates `learners` learners of the `truth` model under every policy. Each learner is also
/// measured after as many items as the adaptive policy needed for the engine to claim every
/// skill for that learner (the comparison at equal numbers of items).
pub fn simulate_cell(
    bank: &IndexedBank,
    truth: TruthModel,
    parameters: &SimulationParameters,
    learners: usize,
    seed: u64,
) -> CellSimulation {
    let parameters = SimulationParameters {
        truth,
        item_budget: None,
        ..parameters.clone()
    };
    let budgets: Vec<usize> = (0..learners)
        .map(|k| {
            simulate_learner(bank, Policy::Adaptive, &parameters, learner_seed(seed, k))
                .outcome
                .claim
                .items
        })
        .collect();
    let outcomes_by_policy = Policy::ALL
        .iter()
        .map(|&policy| {
            let outcomes = budgets
                .iter()
                .enumerate()
                .map(|(k, &budget)| {
                    let with_budget = SimulationParameters {
                        item_budget: Some(budget),
                        ..parameters.clone()
                    };
                    simulate_learner(bank, policy, &with_budget, learner_seed(seed, k)).outcome
                })
                .collect();
            (policy, outcomes)
        })
        .collect();
    CellSimulation {
        bank_id: bank.id().to_string(),
        truth,
        skill_count: bank.skills().len(),
        item_count: bank.items().len(),
        item_cap: parameters.item_cap,
        outcomes_by_policy,
    }
}

/// The rows of a cell: each policy at the claim stop, then at the oracle stop.
pub fn summarize_cell(cell: &CellSimulation) -> Vec<RowSummary> {
    cell.outcomes_by_policy
        .iter()
        .flat_map(|(policy, outcomes)| {
            StopRule::ALL
                .iter()
                .map(move |&stop| summarize_row(&cell.bank_id, cell.truth, *policy, stop, outcomes))
        })
        .collect()
}
