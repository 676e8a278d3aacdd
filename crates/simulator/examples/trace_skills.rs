//! Diagnostic: one simulated learner's run, item by item, with every skill as the engine and the
//! hidden truth see it when the item is shown: the engine's estimate and state (`-` not started,
//! `l` learning, `M` claimed; `+` unlocked, `o` open for the choice) and the truth (`K` known).
//! `cargo run --release -q -p adaptive-practice-simulator --example trace_skills -- BANK SEED
//! LEARNER [bkt|growth] [items]`

use adaptive_practice_engine::choose::skills_unlocked_and_open;
use adaptive_practice_engine::{ChoiceOptions, SkillState};
use adaptive_practice_simulator::run::{simulate_learner_observed, ChoiceSeen};
use adaptive_practice_simulator::{learner_seed, Policy, SimulationParameters, TruthModel};

fn main() -> Result<(), String> {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: trace_skills BANK SEED LEARNER [bkt|growth] [items]";
    let path = arguments.first().ok_or(usage)?;
    let bank = adaptive_practice_simulator::banks::bank_from_argument(path)?;
    let compact = std::env::var_os("TRACE_COMPACT").is_some();
    let number = |i: usize| arguments.get(i).and_then(|t| t.parse::<u64>().ok());
    let (seed, learner) = (number(1).ok_or(usage)?, number(2).ok_or(usage)? as usize);
    let truth =
        TruthModel::from_name(arguments.get(3).map_or("bkt", String::as_str)).ok_or(usage)?;
    let limit = number(4).unwrap_or(400) as usize;
    let parameters = SimulationParameters {
        truth,
        ..SimulationParameters::default()
    };
    let mut lines = Vec::new();
    let run = simulate_learner_observed(
        &bank,
        Policy::Adaptive,
        &parameters,
        learner_seed(seed, learner),
        &mut |choice: &ChoiceSeen| {
            let (bank, now) = (choice.bank, choice.shown);
            let model = &choice.progress.model;
            let (unlocked, open) =
                skills_unlocked_and_open(bank, model, now, &ChoiceOptions::default());
            let mut skills = String::new();
            for (s, m) in model.skill_masteries(bank, now).iter().enumerate() {
                let chosen = bank.skills_of_item(choice.item_position).contains(&s);
                if compact && !chosen && choice.learner.is_truly_mastered(s, now) {
                    continue;
                }
                if compact {
                    skills.push_str(&format!(" #{s}"));
                }
                let state = match m.state {
                    SkillState::NotStarted => '-',
                    SkillState::Learning => 'l',
                    _ => 'M',
                };
                let streak = model.skills.get(&m.skill_id).map_or(0, |r| r.streak);
                skills.push_str(&format!(
                    " {}{}{}{:.2}{}s{}",
                    if choice.learner.is_truly_mastered(s, now) {
                        'K'
                    } else {
                        '.'
                    },
                    state,
                    if open[s] {
                        'o'
                    } else if unlocked[s] {
                        '+'
                    } else {
                        ' '
                    },
                    m.mastery,
                    if chosen { '*' } else { ' ' },
                    streak.min(9)
                ));
            }
            let reason = choice.reason.map_or(String::new(), |r| {
                format!("{r:?}")
                    .split([' ', '{'])
                    .next()
                    .unwrap_or("")
                    .to_string()
            });
            lines.push(format!("{:<15}|{skills}", reason));
        },
    );
    for (k, (line, answer)) in lines.iter().zip(&run.answers).enumerate().take(limit) {
        println!(
            "{k:4} {:<22} {} {line}",
            answer.item_id.chars().take(22).collect::<String>(),
            if answer.correct { "R" } else { "w" }
        );
    }
    println!(
        "true mastery at {} items, claim at {}",
        run.outcome.oracle.items, run.outcome.claim.items
    );
    Ok(())
}
