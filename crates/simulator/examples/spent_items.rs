//! Diagnostic: where the adaptive policy spends its items before the hidden truth masters every
//! skill, with what the engine saw at each choice. Each item before true mastery is put in one
//! class: on a skill the learner truly knows (by the engine's reason, and by what else the engine
//! could have chosen: a truly unknown skill it had open, one it counted unlocked but held back,
//! or only truly unknown skills it kept locked or had claimed), on a truly unknown skill whose
//! prerequisites are known (first learning, or relearning a forgotten skill), or blocked.
//! `cargo run --release -q -p adaptive-practice-simulator --example spent_items -- [--truth bkt]
//! [--learners 60] [--seed 2] www/banks/fractions.json ... [oatutor]`

use std::collections::BTreeMap;

use adaptive_practice_engine::choose::{skills_unlocked_and_open, what_opens_dependents};
use adaptive_practice_engine::{ChoiceOptions, ChoiceReason, SkillState};
use adaptive_practice_simulator::run::{simulate_learner_observed, ChoiceSeen};
use adaptive_practice_simulator::{
    learner_seed, HiddenLearner, Policy, SimulationParameters, TruthModel,
};

fn reason_kind(reason: Option<&ChoiceReason>) -> &'static str {
    match reason {
        Some(ChoiceReason::ReviewDue { .. }) => "review",
        Some(ChoiceReason::ChosenSkill { .. }) => "chosen",
        Some(ChoiceReason::Learning { .. }) => "learning",
        Some(ChoiceReason::MasteryCheck { .. }) => "check",
        Some(ChoiceReason::NewSkill { .. }) => "new",
        Some(ChoiceReason::Placement { .. }) => "probe",
        Some(ChoiceReason::DelayedRecheck { .. }) => "recheck",
        Some(ChoiceReason::KeepPractising { .. }) => "keep",
        Some(ChoiceReason::Resumed) => "resumed",
        None => "-",
    }
}

fn ever_known_now_forgotten(learner: &HiddenLearner, skill: usize, now: i64) -> bool {
    match learner {
        HiddenLearner::Bkt(l) => l.states[skill]
            .known_until
            .is_some_and(|until| until.0 <= now),
        HiddenLearner::Growth(_) => false,
    }
}

/// A facet of an item's class: the part of its key it is counted by.
type Facet = fn(&str) -> String;

#[derive(Default)]
struct Tally {
    counts: BTreeMap<String, usize>,
    total: usize,
    learners: usize,
}

impl Tally {
    fn add(&mut self, key: String) {
        *self.counts.entry(key).or_default() += 1;
    }
}

fn main() -> Result<(), String> {
    let mut arguments = std::env::args().skip(1);
    let (mut truth, mut learners, mut seed, mut paths) = (TruthModel::Bkt, 60, 2, Vec::new());
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--truth" => {
                truth = arguments
                    .next()
                    .and_then(|t| TruthModel::from_name(&t))
                    .ok_or("--truth bkt|growth")?
            }
            "--learners" => learners = arguments.next().and_then(|n| n.parse().ok()).unwrap_or(60),
            "--seed" => seed = arguments.next().and_then(|n| n.parse().ok()).unwrap_or(2),
            _ => paths.push(argument),
        }
    }
    for path in &paths {
        let bank = adaptive_practice_simulator::banks::bank_from_argument(path)?;
        let parameters = SimulationParameters {
            truth,
            item_cap: adaptive_practice_simulator::run::default_item_cap(&bank),
            ..SimulationParameters::default()
        };
        let mut tally = Tally::default();
        for k in 0..learners {
            let mut seen: Vec<String> = Vec::new();
            let run = simulate_learner_observed(
                &bank,
                Policy::Adaptive,
                &parameters,
                learner_seed(seed, k),
                &mut |choice: &ChoiceSeen| seen.push(classify(choice)),
            );
            let until = run.outcome.oracle.items.min(seen.len());
            for key in &seen[..until] {
                tally.add(key.clone());
            }
            tally.total += until;
            tally.learners += 1;
        }
        println!(
            "{} {}: {:.1} items per learner before true mastery ({} learners, seed {seed})",
            bank.id(),
            truth.name(),
            tally.total as f64 / tally.learners as f64,
            tally.learners
        );
        let mut groups: BTreeMap<String, usize> = BTreeMap::new();
        for (key, n) in &tally.counts {
            *groups
                .entry(key.split(' ').next().unwrap_or("").to_string())
                .or_default() += n;
        }
        // The known items by one facet at a time.
        let facets: [(&str, Facet); 6] = [
            ("what else", |key| {
                key.rsplit(" / ")
                    .next()
                    .unwrap_or("")
                    .split(" by")
                    .next()
                    .unwrap_or("")
                    .to_string()
            }),
            ("what locks", |key| {
                key.rsplit(" by ")
                    .next()
                    .filter(|_| key.contains(" by "))
                    .unwrap_or("")
                    .split(" est")
                    .next()
                    .unwrap_or("")
                    .to_string()
            }),
            ("failing own-answer conditions", |key| {
                key.rsplit(" by ")
                    .next()
                    .filter(|_| key.contains(" by "))
                    .unwrap_or("")
                    .split(" & ")
                    .map(|h| {
                        h.split('[')
                            .nth(1)
                            .unwrap_or("")
                            .trim_end_matches(']')
                            .to_string()
                    })
                    .collect::<Vec<_>>()
                    .join("&")
            }),
            ("reason", |key| {
                key.split(' ').nth(1).unwrap_or("").to_string()
            }),
            ("engine state, estimate", |key| {
                key.split(['(', ','])
                    .skip(1)
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(",")
            }),
            ("streak", |key| {
                key.split(", ")
                    .nth(2)
                    .unwrap_or("")
                    .split(')')
                    .next()
                    .unwrap_or("")
                    .to_string()
            }),
        ];
        for (name, facet) in facets {
            let mut by: BTreeMap<String, usize> = BTreeMap::new();
            for (key, n) in tally.counts.iter().filter(|(k, _)| k.starts_with("known ")) {
                *by.entry(facet(key)).or_default() += n;
            }
            let parts: Vec<String> = by
                .iter()
                .map(|(k, n)| format!("{k} {:.1}", *n as f64 / tally.learners as f64))
                .collect();
            println!("  known, by {name} (per learner): {}", parts.join("; "));
        }
        for (group, n) in &groups {
            println!(
                "  {group:<10} {:5.1}%  {:6.1} per learner",
                100.0 * *n as f64 / tally.total as f64,
                *n as f64 / tally.learners as f64
            );
            let mut rows: Vec<(&String, &usize)> = tally
                .counts
                .iter()
                .filter(|(key, _)| key.split(' ').next() == Some(group.as_str()))
                .collect();
            rows.sort_by(|a, b| b.1.cmp(a.1));
            for (key, n) in rows.iter().take(14) {
                println!(
                    "      {:5.1}%  {}",
                    100.0 * **n as f64 / tally.total as f64,
                    key
                );
            }
        }
    }
    Ok(())
}

/// One item's class (its first word is the group).
fn classify(choice: &ChoiceSeen) -> String {
    let (bank, learner, now) = (choice.bank, choice.learner, choice.shown);
    let model = &choice.progress.model;
    let masteries = model.skill_masteries(bank, now);
    let (unlocked, open) = skills_unlocked_and_open(bank, model, now, &ChoiceOptions::default());
    let kind = reason_kind(choice.reason);
    let skills = bank.skills_of_item(choice.item_position);
    let known = |s: usize| learner.is_truly_mastered(s, now);
    let truly_open: Vec<usize> = (0..bank.skills().len())
        .filter(|&s| !known(s) && learner.prerequisites_truly_mastered(s, now))
        .collect();
    let bucket = |m: f64| format!("{:.1}", (m * 10.0).floor() / 10.0);
    if skills.iter().all(|&s| known(s)) {
        let main = skills[0];
        let m = &masteries[main];
        let state = match m.state {
            SkillState::NotStarted => "new",
            SkillState::Learning => "learning",
            SkillState::Mastered | SkillState::DueForReview => "claimed",
        };
        let learnable = |s: usize| !masteries[s].state.counts_as_mastered() && unlocked[s];
        let alternative = if truly_open.iter().any(|&s| open[s]) {
            "unknown-skill-open".to_string()
        } else if truly_open.iter().any(|&s| learnable(s)) {
            "unknown-skill-held-back".to_string()
        } else if truly_open
            .iter()
            .any(|&s| !masteries[s].state.counts_as_mastered())
        {
            // What holds the first such skill: its prerequisites that open nothing yet.
            let vouch = what_opens_dependents(bank, model, now);
            let locked = truly_open
                .iter()
                .copied()
                .find(|&s| !masteries[s].state.counts_as_mastered())
                .unwrap_or(0);
            let holders: Vec<String> = bank
                .prerequisites_of(locked)
                .iter()
                .filter(|&&p| vouch[p] == '-')
                .map(|&p| {
                    let streak = model
                        .skills
                        .get(&bank.skills()[p].id)
                        .map_or(0, |r| r.streak);
                    // Which of own_answers' conditions fail (whole items only).
                    let (mut right, mut answered) = (0, 0);
                    for &i in bank.items_of_skill(p) {
                        if let Some(last) = model
                            .items
                            .get(&bank.items()[i].id)
                            .and_then(|r| r.last_correct)
                        {
                            answered += 1;
                            right += u32::from(last);
                        }
                    }
                    let attempts = masteries[p].attempts;
                    let mut fails = String::new();
                    if attempts < 4 {
                        fails.push('n');
                    }
                    if answered < 4 {
                        fails.push('i');
                    }
                    if right * 4 < answered * 3 {
                        fails.push('r');
                    }
                    if streak == 0 {
                        fails.push('w');
                    }
                    if masteries[p].mastery < 0.55 {
                        fails.push('e');
                    }
                    if bank
                        .prerequisites_of(p)
                        .iter()
                        .any(|&q| !matches!(vouch[q], 'M' | 'p'))
                    {
                        fails.push('d');
                    }
                    format!(
                        "{}est {} s{} [{}]",
                        if p == main { "this " } else { "other " },
                        bucket(masteries[p].mastery),
                        streak.min(4),
                        fails
                    )
                })
                .collect();
            format!("unknown-skill-locked by {}", holders.join(" & "))
        } else {
            "unknown-skill-claimed".to_string()
        };
        let streak = model
            .skills
            .get(&bank.skills()[main].id)
            .map_or(0, |r| r.streak);
        format!(
            "known {kind} ({state}, est {}, streak {}) / {alternative}",
            bucket(m.mastery),
            streak.min(4)
        )
    } else if skills
        .iter()
        .all(|&s| known(s) || learner.prerequisites_truly_mastered(s, now))
    {
        let relearn = skills
            .iter()
            .any(|&s| !known(s) && ever_known_now_forgotten(learner, s, now.0));
        format!(
            "unknown {kind} {}",
            if relearn { "relearning" } else { "first" }
        )
    } else {
        // Which prerequisite of the item's unknown skill is unknown, as the engine sees it.
        let main = skills
            .iter()
            .copied()
            .find(|&s| !known(s) && !learner.prerequisites_truly_mastered(s, now))
            .unwrap_or(skills[0]);
        let engine_view = if unlocked[main] {
            "engine-unlocked"
        } else {
            "engine-locked"
        };
        format!("blocked {kind} {engine_view}")
    }
}
