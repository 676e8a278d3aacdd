//! Diagnostic: the adaptive policy alone, learner by learner (for paired comparisons of two
//! builds: the other policies do not depend on the engine's choice): one line per learner with
//! the items to true mastery, the items to the claim and the skills claimed at the claim stop
//! that are truly not mastered.
//! `cargo run --release -q -p adaptive-practice-simulator --example adaptive_items -- [--truth
//! bkt] [--learners 60] [--seed 2] www/banks/fractions.json ... [oatutor]`

#[path = "common/arguments.rs"]
mod arguments;

use adaptive_practice_simulator::run::default_item_cap;
use adaptive_practice_simulator::{learner_seed, simulate_learner, Policy, SimulationParameters};

fn main() -> Result<(), String> {
    let arguments::Arguments {
        truths,
        learners,
        seed,
        paths,
    } = arguments::read()?;
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
