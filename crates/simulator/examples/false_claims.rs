//! Diagnostic: under the `growth` truth, which skills the engine counts as mastered at the claim
//! stop while the learner truly has not, and what the engine and the truth say of them.
//! `cargo run --release -q -p adaptive-practice-simulator --example false_claims -- BANK [N]`

use std::path::Path;

use adaptive_practice_simulator::run::{draw_learner, engine_claimed_skills};
use adaptive_practice_simulator::{
    learner_seed, read_bank_file, simulate_learner, Policy, SimulationParameters, SplitMix64,
    TruthModel,
};

fn main() -> Result<(), String> {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: false_claims BANK [LEARNERS]";
    let path = arguments.first().ok_or(usage)?;
    let bank = if Path::new(path).is_dir() {
        adaptive_practice_simulator::banks::convert_oatutor_course(Path::new(path))?
    } else {
        read_bank_file(Path::new(path))?
    };
    let learners: usize = arguments.get(1).and_then(|t| t.parse().ok()).unwrap_or(30);
    let parameters = SimulationParameters {
        truth: TruthModel::Growth,
        item_cap: adaptive_practice_simulator::run::default_item_cap(&bank),
        ..SimulationParameters::default()
    };
    for index in 0..learners {
        let seed = learner_seed(1, index);
        let run = simulate_learner(&bank, Policy::Adaptive, &parameters, seed);
        let mut learner = draw_learner(&bank, TruthModel::Growth, seed);
        let mut random = SplitMix64::new(0);
        let stop = run.outcome.claim.items;
        for answer in &run.answers[..stop] {
            learner.practise(
                answer.item_position,
                answer.correct,
                answer.timestamp,
                &mut random,
            );
        }
        let Some(now) = run.answers.get(stop.max(1) - 1).map(|a| a.timestamp) else {
            continue;
        };
        let claimed = engine_claimed_skills(&bank, &run.progress_at_claim, now);
        for (skill, &c) in claimed.iter().enumerate() {
            if c && !learner.is_truly_mastered(skill, now) {
                let m = run.progress_at_claim.model.skill_mastery(&bank, skill, now);
                let last = run.answers[..stop]
                    .iter()
                    .rposition(|a| bank.skills_of_item(a.item_position).contains(&skill))
                    .map_or(0, |p| stop - p);
                println!(
                    "learner {index:3} skill {:40} items {:2} true p {:.2} engine {:.2} {:?} attempts {} recall {:.2} answers since {}",
                    bank.skills()[skill].id,
                    bank.items_of_skill(skill).len(),
                    learner.typical_success_probability(skill, now),
                    m.mastery,
                    m.state,
                    m.attempts,
                    m.recall,
                    last
                );
            }
        }
    }
    Ok(())
}
