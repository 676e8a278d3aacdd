//! Diagnostic: how each policy's learners gain and lose true mastery of skills on the way to
//! mastering all of them at once: skills truly mastered after 100, 200, … items, how often a truly
//! mastered skill is lost (forgotten) before the run's true mastery, and, for adaptive, the
//! engine's reasons for the items.
//! `cargo run --release -q -p adaptive-practice-simulator --example skill_timeline -- www/banks/algebra.json bkt 2 60`

use std::collections::BTreeMap;
use std::path::Path;

use adaptive_practice_simulator::{
    learner_seed, read_bank_file, simulate_learner, Policy, SimulationParameters, TruthModel,
};

fn main() -> Result<(), String> {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: skill_timeline BANK [bkt|growth] [SEED] [LEARNERS]";
    let bank = read_bank_file(Path::new(arguments.first().ok_or(usage)?))?;
    let truth =
        TruthModel::from_name(arguments.get(1).map_or("bkt", String::as_str)).ok_or(usage)?;
    let seed: u64 = arguments.get(2).and_then(|t| t.parse().ok()).unwrap_or(2);
    let learners: usize = arguments.get(3).and_then(|t| t.parse().ok()).unwrap_or(60);
    let parameters = SimulationParameters {
        truth,
        ..SimulationParameters::default()
    };
    let skill_count = bank.skills().len();
    for policy in [Policy::Adaptive, Policy::Fixed, Policy::Oracle] {
        let checkpoints = [50usize, 100, 200, 300, 400, 500];
        let mut mastered_at = vec![0.0; checkpoints.len()];
        let mut losses_per_skill = vec![0usize; skill_count];
        let mut items_per_skill = vec![0usize; skill_count];
        let mut items_on_mastered_per_skill = vec![0usize; skill_count];
        let mut reasons = BTreeMap::<String, usize>::new();
        let mut to_true = 0usize;
        for k in 0..learners {
            let run = simulate_learner(&bank, policy, &parameters, learner_seed(seed, k));
            let until = run.outcome.oracle.items;
            to_true += until;
            for (c, &at) in checkpoints.iter().enumerate() {
                let answer = run.answers.get(at.min(run.answers.len()) - 1);
                mastered_at[c] += answer.map_or(0, |a| {
                    a.skills_truly_mastered_when_shown
                        .iter()
                        .filter(|&&m| m)
                        .count()
                }) as f64;
            }
            for window in run.answers[..until].windows(2) {
                let (before, after) = (
                    &window[0].skills_truly_mastered_when_shown,
                    &window[1].skills_truly_mastered_when_shown,
                );
                for ((losses, &was), &is) in losses_per_skill.iter_mut().zip(before).zip(after) {
                    *losses += usize::from(was && !is);
                }
            }
            for answer in &run.answers[..until] {
                for &s in bank.skills_of_item(answer.item_position) {
                    items_per_skill[s] += 1;
                    if answer.skills_truly_mastered_when_shown[s] {
                        items_on_mastered_per_skill[s] += 1;
                    }
                }
                if let Some(reason) = &answer.reason {
                    let kind = format!("{reason:?}");
                    let kind = kind.split([' ', '{']).next().unwrap_or("").to_string();
                    *reasons.entry(kind).or_default() += 1;
                }
            }
        }
        let n = learners as f64;
        println!(
            "{} {} {}: {:.1} items to true mastery; skills truly mastered after {:?} items: {}",
            bank.id(),
            truth.name(),
            policy.name(),
            to_true as f64 / n,
            checkpoints,
            mastered_at
                .iter()
                .map(|m| format!("{:.1}", m / n))
                .collect::<Vec<_>>()
                .join(" ")
        );
        for s in 0..skill_count {
            println!(
                "    {:32} items {:6.1} (on truly mastered {:5.1}), losses {:4.2}",
                bank.skills()[s].id,
                items_per_skill[s] as f64 / n,
                items_on_mastered_per_skill[s] as f64 / n,
                losses_per_skill[s] as f64 / n
            );
        }
        if !reasons.is_empty() {
            let total: usize = reasons.values().sum();
            let parts: Vec<String> = reasons
                .iter()
                .map(|(kind, c)| format!("{kind} {:.0}%", 100.0 * *c as f64 / total as f64))
                .collect();
            println!("    reasons before true mastery: {}", parts.join(", "));
        }
    }
    Ok(())
}
