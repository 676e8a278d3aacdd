//! Diagnostic: why the engine's claim comes after true mastery. For each learner, the policy's
//! run is cut at the item where the hidden truth first has every skill mastered, and each skill's
//! record is printed: claimed or not, the estimate, its spread, the streak, the memory stability;
//! then the share of skills claimed at that moment and the mean estimate (seed 2, the tuning seed).
//! `cargo run --release -q -p adaptive-practice-simulator --example claim_lag -- BANK [bkt|growth] [fixed|adaptive] [N]`

use std::path::Path;

use adaptive_practice_simulator::run::default_item_cap;
use adaptive_practice_simulator::{
    learner_seed, read_bank_file, simulate_learner, Policy, SimulationParameters, TruthModel,
};

fn main() -> Result<(), String> {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: claim_lag BANK [bkt|growth] [POLICY] [LEARNERS]";
    let bank = read_bank_file(Path::new(arguments.first().ok_or(usage)?))?;
    let truth =
        TruthModel::from_name(arguments.get(1).map_or("growth", String::as_str)).ok_or(usage)?;
    let policy =
        Policy::from_name(arguments.get(2).map_or("fixed", String::as_str)).ok_or(usage)?;
    let learners: usize = arguments.get(3).and_then(|t| t.parse().ok()).unwrap_or(10);
    let parameters = SimulationParameters {
        truth,
        item_cap: default_item_cap(&bank),
        ..SimulationParameters::default()
    };
    let (mut skills_seen, mut skills_claimed, mut estimate_sum) = (0usize, 0usize, 0.0);
    for index in 0..learners {
        let seed = learner_seed(2, index);
        let run = simulate_learner(&bank, policy, &parameters, seed);
        let true_items = run.outcome.oracle.items;
        println!(
            "learner {index}: true mastery at {true_items}, claim at {}",
            run.outcome.claim.items
        );
        let cut = SimulationParameters {
            item_cap: true_items,
            ..parameters.clone()
        };
        let cut_run = simulate_learner(&bank, policy, &cut, seed);
        let Some(now) = cut_run.answers.last().map(|a| a.timestamp) else {
            continue;
        };
        let model = &cut_run.progress_at_claim.model;
        for (s, skill) in bank.skills().iter().enumerate() {
            let m = model.skill_mastery(&bank, s, now);
            let Some(record) = model.skills.get(&skill.id) else {
                continue;
            };
            skills_seen += 1;
            skills_claimed += usize::from(m.state.counts_as_mastered());
            estimate_sum += m.mastery;
            println!(
                "  {:28} {:?} est {:.2} ability {:.2} sd {:.2} streak {} attempts {} stab {:.1} last {:.1}d ago",
                skill.id,
                m.state,
                m.mastery,
                record.ability,
                record.variance.sqrt(),
                record.streak,
                record.attempts,
                record.stability_days,
                now.days_since(record.last_practiced)
            );
        }
    }
    println!(
        "at true mastery: {skills_claimed} of {skills_seen} practised skills claimed, mean estimate {:.3}",
        estimate_sum / skills_seen.max(1) as f64
    );
    Ok(())
}
