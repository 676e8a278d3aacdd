//! Diagnostic: issue 14's goal cells for the adaptive policy alone, fast, for tuning a choice
//! rule. The fixed and oracle policies do not depend on the engine's choice, so their outcomes
//! are read from a cache (`target/goal-cells-cache/`, written on the first run) and only adaptive
//! is simulated. Prints per bank and truth model: adaptive's items to true mastery, the share
//! fewer than fixed, the share of the oracle's saving, adaptive − fixed post-test and 30-day
//! retention at the claim stop (paired, ± 95%), false mastery, and the cells met of 5; then the
//! total. The same learners and formulas as `simulate` (`goals.rs`), without the budget stop.
//! `cargo run --release -q -p adaptive-practice-simulator --example goal_cells -- [--truth bkt]
//! [--learners 60] [--seed 2] www/banks/fractions.json ... [oatutor]`

#[path = "common/arguments.rs"]
mod arguments;

use std::fs;
use std::path::PathBuf;

use adaptive_practice_simulator::goals::{
    FALSE_MASTERY_GOAL, ITEM_REDUCTION_GOAL, ORACLE_SAVING_SHARE_GOAL,
};
use adaptive_practice_simulator::run::default_item_cap;
use adaptive_practice_simulator::summary::interval_of;
use adaptive_practice_simulator::{learner_seed, simulate_learner, Policy, SimulationParameters};

/// What a goal needs of one learner's run: items to true mastery, post-test and retention at
/// the claim stop, skills claimed and claimed truly not at the claim stop.
type Row = [f64; 5];

fn run_rows(
    bank: &adaptive_practice_engine::IndexedBank,
    policy: Policy,
    parameters: &SimulationParameters,
    learners: usize,
    seed: u64,
) -> Vec<Row> {
    (0..learners)
        .map(|k| {
            let o = simulate_learner(bank, policy, parameters, learner_seed(seed, k)).outcome;
            [
                o.oracle.items as f64,
                o.claim.post_test,
                o.claim.retention,
                o.claim.skills_claimed as f64,
                o.claim.skills_claimed_truly_not as f64,
            ]
        })
        .collect()
}

fn cached_rows(
    bank: &adaptive_practice_engine::IndexedBank,
    policy: Policy,
    parameters: &SimulationParameters,
    learners: usize,
    seed: u64,
) -> Vec<Row> {
    let folder = PathBuf::from("target/goal-cells-cache");
    let path = folder.join(format!(
        "{}-{}-{}-{seed}-{learners}.txt",
        bank.id(),
        parameters.truth.name(),
        policy.name()
    ));
    if let Ok(text) = fs::read_to_string(&path) {
        return text
            .lines()
            .map(|line| {
                let mut row = [0.0; 5];
                for (cell, value) in row.iter_mut().zip(line.split(' ')) {
                    *cell = value.parse().unwrap_or(0.0);
                }
                row
            })
            .collect();
    }
    let rows = run_rows(bank, policy, parameters, learners, seed);
    let text: String = rows
        .iter()
        .map(|r| format!("{} {} {} {} {}\n", r[0], r[1], r[2], r[3], r[4]))
        .collect();
    let _ = fs::create_dir_all(&folder);
    let _ = fs::write(&path, text);
    rows
}

fn main() -> Result<(), String> {
    let arguments::Arguments {
        truths,
        learners,
        seed,
        paths,
    } = arguments::read()?;
    let (mut met_total, mut cells_total) = (0, 0);
    for &truth in &truths {
        for path in &paths {
            let bank = adaptive_practice_simulator::banks::bank_from_argument(path)?;
            let parameters = SimulationParameters {
                truth,
                item_cap: default_item_cap(&bank),
                ..SimulationParameters::default()
            };
            let fixed = cached_rows(&bank, Policy::Fixed, &parameters, learners, seed);
            let oracle = cached_rows(&bank, Policy::Oracle, &parameters, learners, seed);
            let adaptive = run_rows(&bank, Policy::Adaptive, &parameters, learners, seed);
            let mean = |rows: &[Row], i: usize| {
                interval_of(&rows.iter().map(|r| r[i]).collect::<Vec<_>>())
            };
            let (a, f, o) = (
                mean(&adaptive, 0).mean,
                mean(&fixed, 0).mean,
                mean(&oracle, 0).mean,
            );
            let reduction = 1.0 - a / f;
            let share = (f - a) / (f - o);
            let paired = |i: usize| {
                interval_of(
                    &adaptive
                        .iter()
                        .zip(&fixed)
                        .map(|(x, y)| x[i] - y[i])
                        .collect::<Vec<_>>(),
                )
            };
            let (post, retention) = (paired(1), paired(2));
            let claimed: f64 = adaptive.iter().map(|r| r[3]).sum();
            let truly_not: f64 = adaptive.iter().map(|r| r[4]).sum();
            let false_mastery = if claimed > 0.0 {
                truly_not / claimed
            } else {
                0.0
            };
            let met = [
                reduction >= ITEM_REDUCTION_GOAL,
                share >= ORACLE_SAVING_SHARE_GOAL,
                post.mean + post.half_width >= 0.0,
                retention.mean + retention.half_width >= 0.0,
                false_mastery <= FALSE_MASTERY_GOAL,
            ];
            let count = met.iter().filter(|&&m| m).count();
            met_total += count;
            cells_total += 5;
            let mark = |m: bool| if m { "" } else { "!" };
            println!(
                "{} {} items {a:.1} (fixed {f:.1}, oracle {o:.1}) {}{:.0}% {}{:.0}%-of-saving post {}{:+.3}±{:.3} ret {}{:+.3}±{:.3} fm {}{:.1}% met {count}/5",
                truth.name(),
                bank.id(),
                mark(met[0]),
                100.0 * reduction,
                mark(met[1]),
                100.0 * share,
                mark(met[2]),
                post.mean,
                post.half_width,
                mark(met[3]),
                retention.mean,
                retention.half_width,
                mark(met[4]),
                100.0 * false_mastery,
            );
        }
    }
    println!("met {met_total} of {cells_total}");
    Ok(())
}
