//! Diagnostic: the adaptive policy alone, learner by learner (for paired comparisons of two
//! builds: the other policies do not depend on the engine's choice): one line per learner with
//! the items to true mastery, the items to the claim and the skills claimed at the claim stop
//! that are truly not mastered.
//! `cargo run --release -q -p adaptive-practice-simulator --example adaptive_items -- [--truth
//! bkt] [--learners 60] [--seed 2] www/banks/fractions.json ... [oatutor]`

use adaptive_practice_simulator::run::default_item_cap;
use adaptive_practice_simulator::{
    learner_seed, simulate_learner, Policy, SimulationParameters, TruthModel,
};

fn main() -> Result<(), String> {
    let mut arguments = std::env::args().skip(1);
    let (mut truths, mut learners, mut seed, mut paths) =
        (TruthModel::ALL.to_vec(), 60, 2, Vec::new());
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--truth" => {
                truths = vec![arguments
                    .next()
                    .and_then(|t| TruthModel::from_name(&t))
                    .ok_or("--truth bkt|growth")?]
            }
            "--learners" => learners = arguments.next().and_then(|n| n.parse().ok()).unwrap_or(60),
            "--seed" => seed = arguments.next().and_then(|n| n.parse().ok()).unwrap_or(2),
            _ => paths.push(argument),
        }
    }
    for path in &paths {
        let bank = adaptive_practice_simulator::banks::bank_from_argument(path)?;
        for &truth in &truths {
            let parameters = SimulationParameters {
                truth,
                item_cap: default_item_cap(&bank),
                ..SimulationParameters::default()
            };
            for k in 0..learners {
                let run =
                    simulate_learner(&bank, Policy::Adaptive, &parameters, learner_seed(seed, k));
                let (oracle, claim) = (&run.outcome.oracle, &run.outcome.claim);
                println!(
                    "{} {} {k} {} {} {} {}",
                    bank.id(),
                    truth.name(),
                    oracle.items,
                    claim.items,
                    claim.skills_claimed,
                    claim.skills_claimed_truly_not
                );
            }
        }
    }
    Ok(())
}
