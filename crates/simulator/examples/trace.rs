//! Diagnostic: one simulated learner's run, item by item (the engine's reason and the hidden
//! P(correct) beside each answer), then what was measured at each stop.
//! `cargo run --release -q -p adaptive-practice-simulator --example trace -- www/banks/fractions.json 3 bkt adaptive`

use std::path::Path;

use adaptive_practice_simulator::{
    learner_seed, read_bank_file, simulate_learner, Policy, SimulationParameters, TruthModel,
};

fn main() -> Result<(), String> {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: trace BANK LEARNER [bkt|growth] [adaptive|fixed|random|oracle]";
    let bank = read_bank_file(Path::new(arguments.first().ok_or(usage)?))?;
    let learner: usize = arguments
        .get(1)
        .and_then(|text| text.parse().ok())
        .ok_or(usage)?;
    let truth =
        TruthModel::from_name(arguments.get(2).map_or("growth", String::as_str)).ok_or(usage)?;
    let policy =
        Policy::from_name(arguments.get(3).map_or("adaptive", String::as_str)).ok_or(usage)?;
    let parameters = SimulationParameters {
        truth,
        ..SimulationParameters::default()
    };
    let run = simulate_learner(&bank, policy, &parameters, learner_seed(1, learner));
    for (k, answer) in run.answers.iter().enumerate() {
        let reason = answer
            .reason
            .as_ref()
            .map_or_else(String::new, |r| format!("{r:?}"));
        println!(
            "{:4} {:24} p={:.2} {} {}",
            k + 1,
            answer.item_id,
            answer.hidden_success_probability,
            if answer.correct { "+" } else { "." },
            reason
        );
    }
    println!("claim stop: {:?}", run.outcome.claim);
    println!("oracle stop: {:?}", run.outcome.oracle);
    Ok(())
}
