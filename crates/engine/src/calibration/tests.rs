//! Calibration recovers known difficulties from simulated class data.

use std::collections::BTreeMap;

use crate::calibration::{
    calibrate_bank_items, fit_difficulties, spearman, Attempts, CalibratedItem,
    MIN_ANSWERS_TO_JUDGE,
};

/// A deterministic normal-ish draw (sum of uniforms) from a SplitMix64 stream.
fn stream(seed: u64) -> impl FnMut() -> f64 {
    let mut state = seed;
    move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn check_recovery(learners: usize, items: usize, seed: u64, minimum_correlation: f64) {
    let mut uniform = stream(seed);
    let mut normal = || (0..12).map(|_| uniform()).sum::<f64>() - 6.0;
    let abilities: Vec<f64> = (0..learners).map(|_| normal()).collect();
    let difficulties: Vec<f64> = (0..items)
        .map(|i| -2.0 + 4.0 * i as f64 / (items - 1) as f64)
        .collect();
    let mut uniform = stream(seed ^ 1);
    let mut data = Vec::new();
    for (learner, ability) in abilities.iter().enumerate() {
        for (item, difficulty) in difficulties.iter().enumerate() {
            let p = 1.0 / (1.0 + (difficulty - ability).exp());
            let correct = u32::from(uniform() < p);
            data.push(Attempts {
                learner,
                item,
                attempts: 1,
                correct,
            });
        }
    }
    let fitted: Vec<f64> = fit_difficulties(learners, items, &data, 0.0)
        .into_iter()
        .map(|(d, _, _)| d)
        .collect();
    let correlation = spearman(&fitted, &difficulties);
    println!(
        "calibration: {learners} learners x {items} items, seed {seed}: Spearman {correlation:.3}"
    );
    assert!(
        correlation >= minimum_correlation,
        "Spearman {correlation:.3} < {minimum_correlation}"
    );
    let mean: f64 = fitted.iter().sum::<f64>() / items as f64;
    assert!(mean.abs() < 1e-9, "anchored to mean 0, got {mean}");
}

#[test]
fn thirty_learners_on_forty_items_recover_the_true_order() {
    for seed in 1..=5 {
        check_recovery(30, 40, seed, 0.9);
    }
}

#[test]
fn spearman_of_known_lists() {
    assert_eq!(spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]), 1.0);
    assert_eq!(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), -1.0);
    assert!((spearman(&[1.0, 1.0, 2.0], &[1.0, 2.0, 3.0]) - 0.866_025).abs() < 1e-5);
}

#[test]
fn a_repeated_item_id_is_calibrated_at_its_last_position() {
    let ids: Vec<String> = ["a", "b", "a"].iter().map(|id| id.to_string()).collect();
    let reports = [BTreeMap::from([
        ("a".to_string(), (5, 3)),
        ("b".to_string(), (4, 1)),
    ])];
    let calibrated = calibrate_bank_items(&ids, &[0.0, 0.0, 0.0], &reports);
    // Items come out in bank order: "a" after "b", at position 2.
    let answered: Vec<(&str, u32)> = calibrated
        .iter()
        .map(|c| (c.id.as_str(), c.answers))
        .collect();
    assert_eq!(answered, vec![("b", 4), ("a", 5)]);
}

#[test]
fn an_item_with_fewer_answers_than_judged_publishes_no_difficulty() {
    let item = |answers| CalibratedItem {
        id: "a".into(),
        difficulty: 1.25,
        standard_error: 0.5,
        answers,
    };
    assert_eq!(item(0).difficulty_to_publish(), None);
    assert_eq!(item(MIN_ANSWERS_TO_JUDGE - 1).difficulty_to_publish(), None);
    assert_eq!(
        item(MIN_ANSWERS_TO_JUDGE).difficulty_to_publish(),
        Some(1.25)
    );
    assert_eq!(item(40).difficulty_to_publish(), Some(1.25));
}
