//! Simulator tests: each is one call to a `check_*` helper with input and expected output.

use adaptive_practice_engine::{load_bank, IndexedBank, Timestamp};

use crate::learner::{HiddenLearner, PopulationParameters};
use crate::random::SplitMix64;
use crate::run::{simulate_hidden_learner, simulate_learner, Policy, SimulationParameters};
use crate::summary::{format_summary_line, parse_summary_line, Interval, PolicySummary};

const FRACTIONS_BANK: &str = include_str!("../../../www/banks/fractions.json");
const PERCENTAGES_BANK: &str = include_str!("../../../www/banks/percentages.json");

fn indexed(text: &str) -> IndexedBank {
    let loaded = load_bank(text);
    let errors: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    IndexedBank::new(
        loaded
            .bank
            .unwrap_or_else(|| panic!("bank does not load: {errors:?}")),
    )
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

fn check_same_seed_same_run(bank_text: &str, policy: Policy, seed: u64) {
    let bank = indexed(bank_text);
    let parameters = SimulationParameters::default();
    let first = simulate_learner(&bank, policy, &parameters, seed);
    let second = simulate_learner(&bank, policy, &parameters, seed);
    assert!(!first.answers.is_empty(), "the run answered nothing");
    assert_eq!(
        first, second,
        "two runs of {policy:?} with seed {seed} differ"
    );
    let other = simulate_learner(&bank, policy, &parameters, seed + 1);
    assert_ne!(
        first.answers,
        other.answers,
        "seeds {seed} and {} gave the same answers",
        seed + 1
    );
}

#[test]
fn the_same_seed_gives_the_same_run() {
    check_same_seed_same_run(FRACTIONS_BANK, Policy::Adaptive, 7);
    check_same_seed_same_run(FRACTIONS_BANK, Policy::Fixed, 7);
    check_same_seed_same_run(PERCENTAGES_BANK, Policy::Random, 11);
}

fn check_accuracy_of_a_strong_learner(
    bank_text: &str,
    level: f64,
    answers: usize,
    lowest_accuracy: f64,
) {
    let bank = indexed(bank_text);
    let mut traits = SplitMix64::new(3);
    let learner = HiddenLearner::draw(&bank, &PopulationParameters::default(), &mut traits)
        .with_every_starting_level(level);
    let mut luck = SplitMix64::new(4);
    let now = Timestamp(0);
    let correct = (0..answers)
        .filter(|k| luck.next_bernoulli(learner.success_probability(k % bank.items().len(), now)))
        .count();
    let accuracy = correct as f64 / answers as f64;
    assert!(
        accuracy >= lowest_accuracy,
        "a learner at level {level} answered only {accuracy:.3} correctly"
    );
    assert!(
        learner.every_skill_truly_mastered(now),
        "a learner at level {level} is not truly mastering everything"
    );
}

#[test]
fn a_learner_with_a_very_high_level_answers_almost_all_correctly() {
    check_accuracy_of_a_strong_learner(FRACTIONS_BANK, 10.0, 5_000, 0.88);
}

fn check_first_adaptive_items_have_no_prerequisites(
    bank_text: &str,
    seeds: std::ops::Range<u64>,
    first_items: usize,
) {
    let bank = indexed(bank_text);
    let parameters = SimulationParameters::default();
    for seed in seeds {
        let run = simulate_learner(&bank, Policy::Adaptive, &parameters, seed);
        for answer in run.answers.iter().take(first_items) {
            let item = &bank.items()[bank.item_position(&answer.item_id).unwrap_or(usize::MAX)];
            for skill_id in &item.skills {
                let skill = &bank.skills()[bank.skill_position(skill_id).unwrap_or(usize::MAX)];
                assert!(
                    skill.prerequisites.is_empty(),
                    "seed {seed}: {} practises {skill_id}, which has prerequisites",
                    item.id
                );
            }
        }
    }
}

#[test]
fn the_adaptive_policy_starts_with_skills_without_prerequisites() {
    check_first_adaptive_items_have_no_prerequisites(FRACTIONS_BANK, 0..20, 4);
    check_first_adaptive_items_have_no_prerequisites(PERCENTAGES_BANK, 0..20, 4);
}

fn check_fixed_policy_follows_bank_order(bank_text: &str, seed: u64) {
    let bank = indexed(bank_text);
    let parameters = SimulationParameters {
        item_cap: 2 * bank.items().len(),
        ..SimulationParameters::default()
    };
    let mut traits = SplitMix64::new(seed);
    let learner = HiddenLearner::draw(&bank, &parameters.population, &mut traits)
        .with_every_starting_level(-8.0);
    let run = simulate_hidden_learner(&bank, Policy::Fixed, &parameters, seed, learner);
    let expected: Vec<&str> = bank
        .items()
        .iter()
        .chain(bank.items())
        .map(|i| i.id.as_str())
        .collect();
    let practised: Vec<&str> = run.answers.iter().map(|a| a.item_id.as_str()).collect();
    assert_eq!(practised, expected);
    assert_eq!(
        run.outcome.items_to_true_mastery, None,
        "a learner at -8 truly mastered everything"
    );
}

#[test]
fn the_fixed_policy_cycles_through_the_bank_in_order() {
    check_fixed_policy_follows_bank_order(PERCENTAGES_BANK, 5);
}

fn check_summary_line_round_trip(summary: PolicySummary, expected_line: &str) {
    let line = format_summary_line(&summary);
    assert_eq!(line, expected_line);
    let parsed =
        parse_summary_line(&line).unwrap_or_else(|| panic!("the line does not parse: {line}"));
    assert_eq!(parsed.bank_id, summary.bank_id);
    assert_eq!(parsed.policy_name, summary.policy.name());
    assert_eq!(parsed.learners, summary.learners);
    assert_eq!(
        parsed.false_mastery_rate.is_some(),
        summary.false_mastery_rate.is_some()
    );
    assert!((parsed.post_test.mean - summary.post_test_accuracy.mean).abs() < 5e-4);
    assert!(
        parse_summary_line(&line.replace(" post_test=", " posttest=")).is_none(),
        "a misnamed field parsed"
    );
}

fn example_summary(policy: Policy, false_mastery_rate: Option<f64>) -> PolicySummary {
    PolicySummary {
        bank_id: "fractions".into(),
        policy,
        learners: 200,
        items_to_true_mastery: Interval {
            mean: 123.456,
            half_width: 7.89,
        },
        learners_not_truly_mastered_by_cap: 0,
        items_practised: Interval {
            mean: 98.7,
            half_width: 3.21,
        },
        post_test_accuracy: Interval {
            mean: 0.81234,
            half_width: 0.0123,
        },
        retention_accuracy: Interval {
            mean: 0.7,
            half_width: 0.01,
        },
        false_mastery_rate,
        mastery_claims: 0,
        false_mastery_claims: 0,
        learners_stopped_by_rule: 0,
        learners_truly_mastered_at_stop: 0,
        skills_truly_mastered_at_stop: Interval {
            mean: 0.0,
            half_width: 0.0,
        },
    }
}

#[test]
fn the_summary_line_has_the_documented_format_and_parses() {
    check_summary_line_round_trip(
        example_summary(Policy::Adaptive, Some(0.04321)),
        "bank=fractions policy=adaptive learners=200 items_to_true_mastery=123.5±7.9 items_practised=98.7±3.2 post_test=0.812±0.012 retention_30d=0.700±0.010 false_mastery_rate=0.043",
    );
    check_summary_line_round_trip(
        example_summary(Policy::Fixed, None),
        "bank=fractions policy=fixed learners=200 items_to_true_mastery=123.5±7.9 items_practised=98.7±3.2 post_test=0.812±0.012 retention_30d=0.700±0.010 false_mastery_rate=na",
    );
}
