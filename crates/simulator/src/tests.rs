//! Simulator tests: each is one call to a `check_*` helper with input and expected output.

use std::path::Path;

use adaptive_practice_engine::{load_bank, ChoiceReason, IndexedBank, Timestamp};

use crate::banks::{convert_oatutor_course, missing_sample_decision, oatutor_sample_folder};
use crate::policy::{oracle_choice, recent_window, Policy, NO_REPEAT_WINDOW};
use crate::random::SplitMix64;
use crate::run::{
    draw_learner, engine_claims_every_skill, item_truth, simulate_hidden_learner, simulate_learner,
    ItemTruth, SimulationParameters, START,
};
use crate::summary::{
    format_row_line, parse_row_line, ratio_interval, Interval, RowSummary, StopRule,
};
use crate::truth::{HiddenLearner, TruthModel};

const FRACTIONS_BANK: &str = include_str!("../../../www/banks/fractions.json");
const PERCENTAGES_BANK: &str = include_str!("../../../www/banks/percentages.json");
const ITEM_TYPES_BANK: &str = include_str!("../../../www/banks/item-types.json");

fn indexed(text: &str) -> IndexedBank {
    let loaded = load_bank(text);
    let errors: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    IndexedBank::new(
        loaded
            .bank
            .unwrap_or_else(|| panic!("bank does not load: {errors:?}")),
    )
}

fn parameters(truth: TruthModel, item_cap: usize) -> SimulationParameters {
    SimulationParameters {
        truth,
        item_cap,
        ..SimulationParameters::default()
    }
}

fn check_generator_outputs(seed: u64, expected: &[u64]) {
    let mut random = SplitMix64::new(seed);
    let produced: Vec<u64> = expected.iter().map(|_| random.next_u64()).collect();
    assert_eq!(produced, expected, "SplitMix64 from seed {seed}");
}

#[test]
fn generator_matches_the_splitmix64_reference_outputs() {
    check_generator_outputs(
        1_234_567,
        &[
            6_457_827_717_110_365_317,
            3_203_168_211_198_807_973,
            9_817_491_932_198_370_423,
        ],
    );
}

/// Seeded invariants over the policies and every truth model: every chosen item is in the bank
/// and none repeats within the window.
fn check_every_choice_allowed(
    bank_text: &str,
    policies: &[Policy],
    seeds: std::ops::Range<u64>,
    item_cap: usize,
) {
    let bank = indexed(bank_text);
    let window = NO_REPEAT_WINDOW.min(bank.items().len() - 1);
    for truth in TruthModel::ALL {
        for &policy in policies {
            for seed in seeds.clone() {
                let run = simulate_learner(&bank, policy, &parameters(truth, item_cap), seed);
                assert!(
                    !run.answers.is_empty(),
                    "{policy:?} {truth:?} seed {seed}: no answer"
                );
                let positions: Vec<usize> = run.answers.iter().map(|a| a.item_position).collect();
                for (k, answer) in run.answers.iter().enumerate() {
                    let label = format!("{policy:?} {truth:?} seed {seed} answer {k}");
                    assert_eq!(
                        bank.item_position(&answer.item_id),
                        Some(answer.item_position),
                        "{label}: not the bank's item"
                    );
                    let recent = &positions[k.saturating_sub(window)..k];
                    assert!(
                        !recent.contains(&answer.item_position),
                        "{label}: {} repeats within the last {window} items",
                        answer.item_id
                    );
                }
            }
        }
    }
}

/// The engine narrows its window to the items of the pool it chooses from (a review of a skill
/// with two items may repeat the item before last), so on a bank with such small skills
/// (item-types) only the simulator's own policies are held to the whole window.
#[test]
fn every_chosen_item_is_in_the_bank_and_not_repeated_within_the_window() {
    check_every_choice_allowed(PERCENTAGES_BANK, &Policy::ALL, 0..6, 300);
    check_every_choice_allowed(FRACTIONS_BANK, &Policy::ALL, 0..3, 300);
    check_every_choice_allowed(
        ITEM_TYPES_BANK,
        &[Policy::Fixed, Policy::Random, Policy::Oracle],
        0..4,
        80,
    );
}

/// Reviews happen: an adaptive learner who practises `items` items gets due reviews, and the
/// stops count them.
fn check_reviews_happen(bank_text: &str, truth: TruthModel, seed: u64, items: usize) {
    let bank = indexed(bank_text);
    let run = simulate_learner(
        &bank,
        Policy::Adaptive,
        &SimulationParameters {
            item_budget: Some(items),
            ..parameters(truth, items)
        },
        seed,
    );
    let reviews = run
        .answers
        .iter()
        .filter(|a| matches!(a.reason, Some(ChoiceReason::ReviewDue { .. })))
        .count();
    assert!(
        reviews > 0,
        "{truth:?} seed {seed}: no review in {items} items"
    );
    let budget = run.outcome.budget.expect("a budget was set");
    assert_eq!(
        (budget.items, budget.review_choices as usize),
        (items, reviews)
    );
}

#[test]
fn the_adaptive_policy_schedules_reviews() {
    check_reviews_happen(PERCENTAGES_BANK, TruthModel::Bkt, 3, 250);
    check_reviews_happen(PERCENTAGES_BANK, TruthModel::Growth, 3, 250);
}

/// The same stop rule for every policy: each policy's claim stop comes at the first answer after
/// which the engine claims every skill (one answer fewer, the run has no claim stop).
fn check_claim_stop_is_the_engine_claim(bank_text: &str, truth: TruthModel, seed: u64) {
    let bank = indexed(bank_text);
    for policy in Policy::ALL {
        let run = simulate_learner(&bank, policy, &parameters(truth, 800), seed);
        let claim = &run.outcome.claim;
        assert!(
            claim.reached,
            "{policy:?}: no claim by 800 items (pick another seed)"
        );
        let last = &run.answers[claim.items - 1];
        assert!(
            engine_claims_every_skill(&bank, &run.progress_at_claim, last.timestamp),
            "{policy:?}: stopped while the engine does not claim every skill"
        );
        let shorter = simulate_learner(&bank, policy, &parameters(truth, claim.items - 1), seed);
        assert!(
            !shorter.outcome.claim.reached,
            "{policy:?}: the engine already claimed every skill one answer earlier"
        );
        assert_eq!(claim.skills_claimed, bank.skills().len(), "{policy:?}");
    }
}

#[test]
fn every_policy_is_stopped_by_the_engine_claim() {
    check_claim_stop_is_the_engine_claim(PERCENTAGES_BANK, TruthModel::Growth, 6);
    check_claim_stop_is_the_engine_claim(PERCENTAGES_BANK, TruthModel::Bkt, 6);
}

fn check_same_seed_same_run(bank_text: &str, policy: Policy, truth: TruthModel, seed: u64) {
    let bank = indexed(bank_text);
    let parameters = parameters(truth, 200);
    let first = simulate_learner(&bank, policy, &parameters, seed);
    let second = simulate_learner(&bank, policy, &parameters, seed);
    assert_eq!(
        first, second,
        "two runs of {policy:?} with seed {seed} differ"
    );
    let other = simulate_learner(&bank, policy, &parameters, seed + 1);
    assert_ne!(
        first.answers,
        other.answers,
        "seeds {seed} and {} agree",
        seed + 1
    );
}

#[test]
fn the_same_seed_gives_the_same_run() {
    check_same_seed_same_run(FRACTIONS_BANK, Policy::Adaptive, TruthModel::Bkt, 7);
    check_same_seed_same_run(PERCENTAGES_BANK, Policy::Oracle, TruthModel::Growth, 11);
}

fn check_fixed_policy_follows_bank_order(bank_text: &str, truth: TruthModel, seed: u64) {
    let bank = indexed(bank_text);
    let parameters = parameters(truth, 2 * bank.items().len());
    let learner = draw_learner(&bank, truth, seed).with_every_skill(false);
    let run = simulate_hidden_learner(&bank, Policy::Fixed, &parameters, seed, learner);
    let expected: Vec<&str> = bank
        .items()
        .iter()
        .chain(bank.items())
        .map(|i| i.id.as_str())
        .collect();
    let practised: Vec<&str> = run.answers.iter().map(|a| a.item_id.as_str()).collect();
    assert_eq!(practised, expected);
}

#[test]
fn the_fixed_policy_cycles_through_the_bank_in_order() {
    check_fixed_policy_follows_bank_order(PERCENTAGES_BANK, TruthModel::Growth, 5);
}

/// An expert learner (every skill known) answers about 1 - slip; a beginner about the guess.
fn check_expected_accuracy(bank_text: &str, truth: TruthModel, expert: bool, low: f64, high: f64) {
    let bank = indexed(bank_text);
    let learner = draw_learner(&bank, truth, 3).with_every_skill(expert);
    let accuracy = learner.expected_accuracy_over_bank(START);
    assert!(
        (low..=high).contains(&accuracy),
        "{truth:?} expert={expert}: accuracy {accuracy:.3} not in [{low}, {high}]"
    );
    assert_eq!(learner.every_skill_truly_mastered(START), expert);
}

#[test]
fn experts_answer_almost_everything_and_beginners_only_guess() {
    check_expected_accuracy(FRACTIONS_BANK, TruthModel::Bkt, true, 0.8, 0.99);
    check_expected_accuracy(FRACTIONS_BANK, TruthModel::Bkt, false, 0.0, 0.3);
    check_expected_accuracy(FRACTIONS_BANK, TruthModel::Growth, true, 0.85, 0.99);
    check_expected_accuracy(FRACTIONS_BANK, TruthModel::Growth, false, 0.0, 0.3);
}

/// Both truths forget: what a learner has just learned is partly gone after `days`.
fn check_forgetting(truth: TruthModel, learners: u64, days: f64, most_kept: f64) {
    let bank = indexed(PERCENTAGES_BANK);
    let later = Timestamp(START.0 + (days * 86_400_000.0) as i64);
    let (mut before, mut after) = (0.0, 0.0);
    for seed in 0..learners {
        let mut learner = draw_learner(&bank, truth, seed).with_every_skill(false);
        let mut chance = SplitMix64::new(seed);
        for k in 0..200 {
            let moment = Timestamp(START.0 + k * 60_000);
            learner.practise(k as usize % bank.items().len(), true, moment, &mut chance);
        }
        let end = Timestamp(START.0 + 200 * 60_000);
        before += learner.expected_accuracy_over_bank(end);
        after += learner.expected_accuracy_over_bank(Timestamp(later.0 + end.0 - START.0));
    }
    assert!(
        after < most_kept * before,
        "{truth:?}: accuracy {before:.2} fell only to {after:.2} after {days} days"
    );
}

#[test]
fn both_truth_models_forget() {
    check_forgetting(TruthModel::Bkt, 20, 60.0, 0.9);
    check_forgetting(TruthModel::Growth, 20, 60.0, 0.9);
}

/// The oracle practises the weakest open skill: with every skill mastered but `weak`, an item
/// of `weak`.
fn check_oracle_picks_the_weak_skill(bank_text: &str, truth: TruthModel, weak: &str) {
    let bank = indexed(bank_text);
    let weak_position = bank.skill_position(weak).expect("the skill is in the bank");
    let expert = draw_learner(&bank, truth, 1).with_every_skill(true);
    let learner = match (
        expert,
        draw_learner(&bank, truth, 1).with_every_skill(false),
    ) {
        (HiddenLearner::Growth(mut strong), HiddenLearner::Growth(weak_one)) => {
            strong.levels[weak_position] = weak_one.levels[weak_position].clone();
            HiddenLearner::Growth(strong)
        }
        (HiddenLearner::Bkt(mut strong), HiddenLearner::Bkt(weak_one)) => {
            strong.states[weak_position] = weak_one.states[weak_position].clone();
            HiddenLearner::Bkt(strong)
        }
        _ => unreachable!("the same truth model"),
    };
    let chosen = oracle_choice(&bank, &learner, &[], START).expect("an item");
    assert!(
        bank.skills_of_item(chosen).contains(&weak_position),
        "{truth:?}: the oracle chose {} instead of an item of {weak}",
        bank.items()[chosen].id
    );
}

#[test]
fn the_oracle_practises_the_weakest_open_skill() {
    let first_skill = indexed(PERCENTAGES_BANK).skills()[0].id.clone();
    check_oracle_picks_the_weak_skill(PERCENTAGES_BANK, TruthModel::Growth, &first_skill);
    check_oracle_picks_the_weak_skill(PERCENTAGES_BANK, TruthModel::Bkt, &first_skill);
}

#[test]
fn the_window_is_the_last_items_and_shrinks_for_small_banks() {
    assert_eq!(recent_window(&[1, 2, 3, 4, 5], 10), &[3, 4, 5]);
    assert_eq!(recent_window(&[1, 2, 3, 4, 5], 3), &[4, 5]);
    assert_eq!(recent_window(&[], 10), &[] as &[usize]);
}

fn example_row(policy: Policy, stop: StopRule) -> RowSummary {
    let interval = |mean: f64| Interval {
        mean,
        half_width: 0.01,
    };
    RowSummary {
        bank_id: "fractions".into(),
        truth: TruthModel::Bkt,
        policy,
        stop,
        learners: 200,
        items: interval(123.456),
        learners_not_stopped_by_cap: 0,
        post_test: interval(0.81234),
        retention: interval(0.7),
        false_mastery: interval(0.04321),
        false_claims_at_claim_moment: interval(0.01),
        learners_truly_mastering_every_skill: 190,
        review_choices: interval(3.0),
    }
}

fn check_row_line(row: RowSummary, expected_line: &str) {
    let line = format_row_line(&row);
    assert_eq!(line, expected_line);
    let parsed = parse_row_line(&line).unwrap_or_else(|| panic!("the line does not parse: {line}"));
    assert_eq!(
        (
            parsed.policy,
            parsed.truth,
            parsed.stop,
            parsed.bank_id.as_str()
        ),
        (row.policy, row.truth, row.stop, row.bank_id.as_str())
    );
    assert!(parse_row_line(&line.replace(" posttest=", " post_test=")).is_none());
}

#[test]
fn the_row_line_has_the_documented_format_and_parses() {
    check_row_line(
        example_row(Policy::Adaptive, StopRule::Claim),
        "policy=adaptive truth=bkt bank=fractions stop=claim items=123.5 posttest=0.812 retention30=0.700 false_mastery=0.043",
    );
    check_row_line(
        example_row(Policy::Oracle, StopRule::Oracle),
        "policy=oracle truth=bkt bank=fractions stop=oracle items=123.5 posttest=0.812 retention30=0.700 false_mastery=0.043",
    );
}

#[test]
fn a_pooled_ratio_has_a_delta_method_interval() {
    let interval = ratio_interval(&[(1.0, 2.0), (0.0, 2.0), (1.0, 2.0), (0.0, 2.0)]);
    assert!((interval.mean - 0.25).abs() < 1e-12);
    // Residuals (part - 0.25 * 2)² = 0.25 each, summed (1.0) over n(n-1) = 12, divided by the
    // mean whole squared (4).
    let expected = 1.96 * (1.0 / 12.0 / 4.0_f64).sqrt();
    assert!(
        (interval.half_width - expected).abs() < 1e-12,
        "{interval:?}"
    );
    assert_eq!(ratio_interval(&[(0.0, 0.0)]).mean, 0.0);
}

#[test]
fn a_missing_sample_fails_unless_allowed() {
    let folder = Path::new("/nowhere/oatutor");
    assert!(missing_sample_decision(folder, false, false).is_err());
    assert_eq!(missing_sample_decision(folder, false, true), Ok(None));
    assert_eq!(
        missing_sample_decision(folder, true, false),
        Ok(Some(folder.to_path_buf()))
    );
}

#[test]
fn the_oatutor_course_converts_into_a_bank_with_skills() {
    let Some(folder) = oatutor_sample_folder().expect("the sample, or leave to go without") else {
        return;
    };
    let bank = convert_oatutor_course(&folder).expect("the sample converts");
    assert!(bank.skills().len() >= 2 && bank.items().len() >= 10);
    assert!(bank.id().starts_with("oatutor"), "{}", bank.id());
}

/// Where an item stands in the truth: for an expert every item is on mastered skills; for a
/// beginner an item of a skill without prerequisites is open, one of a skill with some blocked.
fn check_item_truth(bank_text: &str, truth: TruthModel) {
    let bank = indexed(bank_text);
    let expert = draw_learner(&bank, truth, 2).with_every_skill(true);
    let beginner = draw_learner(&bank, truth, 2).with_every_skill(false);
    for item in 0..bank.items().len() {
        assert_eq!(item_truth(&bank, &expert, item, START), ItemTruth::Mastered);
        let needs_prerequisites = bank
            .skills_of_item(item)
            .iter()
            .any(|&s| !bank.skills()[s].prerequisites.is_empty());
        let expected = if needs_prerequisites {
            ItemTruth::Blocked
        } else {
            ItemTruth::Open
        };
        assert_eq!(
            item_truth(&bank, &beginner, item, START),
            expected,
            "{truth:?}: {}",
            bank.items()[item].id
        );
    }
}

#[test]
fn items_are_placed_as_mastered_open_or_blocked_in_the_truth() {
    check_item_truth(PERCENTAGES_BANK, TruthModel::Bkt);
    check_item_truth(FRACTIONS_BANK, TruthModel::Growth);
}
