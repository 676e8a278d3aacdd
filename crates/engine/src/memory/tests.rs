//! Tests of the memory model: the forgetting curve, memory updates, recall predictions and fitting on synthetic reviews.

use super::fit::{to_coordinate, total_log_loss};
use super::{
    days_until_recall, fit_memory_parameters, initial_state, next_state, predicted_recalls,
    recall_probability, MemoryParameters, MemoryState, Rating, Review, EASIEST_DIFFICULTY,
    HARDEST_DIFFICULTY, LONGEST_STABILITY_DAYS, SHORTEST_STABILITY_DAYS,
};

fn check_recall(parameters: &MemoryParameters, days: f64, stability: f64, expected: f64) {
    let actual = recall_probability(parameters, days, stability);
    assert!(
        (actual - expected).abs() < 1e-9,
        "R({days}, {stability}) = {actual}, expected {expected}"
    );
}

#[test]
fn recall_is_certain_at_once_ninety_percent_at_the_stability_and_falls_with_a_power_tail() {
    let defaults = MemoryParameters::default();
    check_recall(&defaults, 0.0, 3.0, 1.0);
    check_recall(&defaults, 3.0, 3.0, 0.9);
    check_recall(&defaults, 10.0, 10.0, 0.9);
    check_recall(&defaults, -5.0, 1.0, 1.0);
    // With decay 1/2, F = 0.9^(−2) − 1 = 19/81, so after 3 · 81/19 stabilities: (1 + 3)^(−1/2).
    let square_root = MemoryParameters {
        decay: 0.5,
        ..defaults
    };
    check_recall(&square_root, 243.0 / 19.0, 1.0, 0.5);
    check_recall(&square_root, 1.0, 1.0, 0.9);
    // A smaller decay has a longer tail: more is recalled long after the stability.
    assert!(
        recall_probability(&defaults, 100.0, 10.0) > recall_probability(&square_root, 100.0, 10.0)
    );
}

#[test]
fn a_review_is_due_when_recall_reaches_the_target() {
    let defaults = MemoryParameters::default();
    for (stability, target) in [(10.0, 0.9), (10.0, 0.8), (2.5, 0.95), (400.0, 0.7)] {
        let days = days_until_recall(&defaults, stability, target);
        let recall = recall_probability(&defaults, days, stability);
        assert!(
            (recall - target).abs() < 1e-9,
            "S={stability}, target {target}: {days} days, recall {recall}"
        );
    }
    assert!((days_until_recall(&defaults, 10.0, 0.9) - 10.0).abs() < 1e-9);
}

/// Applies `reviews` (days since the previous one, rating) to a first review rated `first` and
/// checks the final stability and difficulty against ranges.
fn check_state_after(
    first: Rating,
    reviews: &[(f64, Rating)],
    stability_range: (f64, f64),
    difficulty_range: (f64, f64),
) {
    let parameters = MemoryParameters::default();
    let state = reviews.iter().fold(
        initial_state(&parameters, first),
        |state, &(days, rating)| next_state(&parameters, state, days, rating),
    );
    assert!(
        (stability_range.0..=stability_range.1).contains(&state.stability)
            && (difficulty_range.0..=difficulty_range.1).contains(&state.difficulty),
        "after {first:?} then {reviews:?}: {state:?}, expected stability in {stability_range:?}, \
         difficulty in {difficulty_range:?}"
    );
}

#[test]
fn first_rating_sets_the_stability_and_the_difficulty() {
    check_state_after(Rating::Again, &[], (0.21, 0.22), (6.41, 6.42));
    check_state_after(Rating::Good, &[], (2.30, 2.31), (2.11, 2.12));
    // e^(3 · 0.8334) is more than the initial difficulty: held at the easiest.
    check_state_after(Rating::Easy, &[], (8.29, 8.30), (1.0, 1.0));
}

#[test]
fn a_success_after_a_gap_strengthens_more_than_one_soon_after() {
    // Good after 2.3 days (recall 90%) grows the stability a lot; after 1 day less.
    check_state_after(
        Rating::Good,
        &[(2.3065, Rating::Good)],
        (11.5, 12.5),
        (2.11, 2.12),
    );
    check_state_after(
        Rating::Good,
        &[(1.0, Rating::Good)],
        (7.0, 7.6),
        (2.11, 2.12),
    );
    // Hard grows less than Good and makes the memory harder; Easy grows more and easier.
    check_state_after(
        Rating::Good,
        &[(2.3065, Rating::Hard)],
        (7.8, 8.4),
        (4.7, 4.8),
    );
    check_state_after(
        Rating::Good,
        &[(2.3065, Rating::Easy)],
        (19.5, 21.0),
        (1.0, 1.0),
    );
}

#[test]
fn a_lapse_shrinks_the_stability_and_raises_the_difficulty() {
    check_state_after(
        Rating::Good,
        &[(3.0, Rating::Good), (10.0, Rating::Again)],
        (1.5, 1.8),
        (7.3, 7.5),
    );
    check_state_after(
        Rating::Again,
        &[(1.0, Rating::Again)],
        (0.09, 0.11),
        (8.7, 8.9),
    );
}

#[test]
fn same_day_reviews_scale_the_stability_and_a_right_one_never_weakens() {
    check_state_after(
        Rating::Good,
        &[(0.0, Rating::Good), (0.0, Rating::Good)],
        (2.30, 2.31),
        // Each review pulls the difficulty 0.1% toward that of a first Easy (e^(3 · 0.8334) − 7.41
        // below 0: the pull target is not held at the easiest).
        (2.10, 2.11),
    );
    check_state_after(
        Rating::Good,
        &[(0.0, Rating::Again)],
        (0.7, 0.85),
        (7.3, 7.5),
    );
}

#[test]
fn the_state_stays_in_range_for_any_input() {
    let parameters = MemoryParameters::default();
    let ratings = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];
    for days in [0.0, 0.5, 1.0, 30.0, 1e6, f64::INFINITY, f64::NAN, -3.0] {
        for stability in [0.0, 0.01, 1.0, 1e9, f64::NAN, -1.0] {
            for difficulty in [-1.0, 1.0, 5.0, 10.0, 20.0, f64::NAN] {
                for rating in ratings {
                    let before = MemoryState {
                        stability,
                        difficulty,
                    };
                    let next = next_state(&parameters, before, days, rating);
                    assert!(
                        (SHORTEST_STABILITY_DAYS..=LONGEST_STABILITY_DAYS)
                            .contains(&next.stability)
                            && (EASIEST_DIFFICULTY..=HARDEST_DIFFICULTY).contains(&next.difficulty),
                        "{before:?}, t={days}, {rating:?}: {next:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn predictions_cover_every_review_but_the_first() {
    let reviews = [
        (0.0, Rating::Good),
        (2.3065, Rating::Good),
        (40.0, Rating::Again),
    ]
    .map(|(elapsed_days, rating)| Review {
        elapsed_days,
        rating,
    });
    let predictions = predicted_recalls(&MemoryParameters::default(), &reviews);
    assert_eq!(predictions.len(), 2);
    assert!(
        (predictions[0].0 - 0.9).abs() < 0.001 && predictions[0].1,
        "{predictions:?}"
    );
    assert!(
        predictions[1].0 < 0.9 && !predictions[1].1,
        "{predictions:?}"
    );
}

/// A deterministic generator (64-bit linear congruential), enough for synthetic reviews.
struct SyntheticRandom(u64);

impl SyntheticRandom {
    fn next_unit(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Cards reviewed at growing intervals, recalled as a memory model with `truth` says.
fn synthetic_histories(truth: &MemoryParameters, card_count: usize, seed: u64) -> Vec<Vec<Review>> {
    let mut random = SyntheticRandom(seed);
    (0..card_count)
        .map(|_| {
            let mut reviews = vec![Review {
                elapsed_days: 0.0,
                rating: Rating::Good,
            }];
            let mut state = initial_state(truth, Rating::Good);
            for _ in 0..6 {
                let elapsed_days = (state.stability * (0.3 + 5.0 * random.next_unit()))
                    .round()
                    .max(1.0);
                let recalled =
                    random.next_unit() < recall_probability(truth, elapsed_days, state.stability);
                let rating = if recalled {
                    Rating::Good
                } else {
                    Rating::Again
                };
                state = next_state(truth, state, elapsed_days, rating);
                reviews.push(Review {
                    elapsed_days,
                    rating,
                });
            }
            reviews
        })
        .collect()
}

fn log_loss(parameters: &MemoryParameters, histories: &[Vec<Review>]) -> f64 {
    let predictions: Vec<(f64, bool)> = histories
        .iter()
        .flat_map(|history| predicted_recalls(parameters, history))
        .collect();
    let total: f64 = predictions
        .iter()
        .map(|&(probability, recalled)| {
            -(if recalled {
                probability
            } else {
                1.0 - probability
            })
            .ln()
        })
        .sum();
    total / predictions.len() as f64
}

#[test]
fn fitting_recovers_a_better_model_than_the_defaults_on_synthetic_reviews() {
    let truth = MemoryParameters {
        initial_stability: [0.3, 1.0, 8.0, 20.0],
        success_growth: 3.0,
        lapse_scale: 0.8,
        decay: 0.4,
        ..MemoryParameters::default()
    };
    let (train, test) = (
        synthetic_histories(&truth, 400, 1),
        synthetic_histories(&truth, 400, 2),
    );
    let fitted = fit_memory_parameters(&train);
    let (default_loss, fitted_loss, true_loss) = (
        log_loss(&MemoryParameters::default(), &test),
        log_loss(&fitted, &test),
        log_loss(&truth, &test),
    );
    assert!(
        fitted_loss < default_loss - 0.01,
        "fitted {fitted_loss}, defaults {default_loss}"
    );
    assert!(
        fitted_loss < true_loss + 0.01,
        "fitted {fitted_loss}, truth {true_loss}"
    );
    assert!(
        (fitted.initial_stability[2] - 8.0).abs() < 2.0 && (fitted.decay - 0.4).abs() < 0.2,
        "{fitted:?}"
    );
}

#[test]
fn the_fit_s_derivatives_match_finite_differences() {
    let truth = MemoryParameters::default();
    let mut histories = synthetic_histories(&truth, 30, 3);
    // Every rating and a same-day review, so that every parameter matters.
    histories.push(
        [
            (0.0, Rating::Hard),
            (0.0, Rating::Again),
            (2.0, Rating::Easy),
            (9.0, Rating::Hard),
            (30.0, Rating::Again),
            (1.0, Rating::Good),
        ]
        .map(|(elapsed_days, rating)| Review {
            elapsed_days,
            rating,
        })
        .to_vec(),
    );
    let point: Vec<f64> = MemoryParameters {
        difficulty_mean_reversion: 0.2,
        ..truth
    }
    .to_list()
    .iter()
    .enumerate()
    .map(|(index, &parameter)| to_coordinate(index, parameter))
    .collect();
    let exact = total_log_loss(&histories, &point);
    for index in 0..point.len() {
        let step = 1e-6;
        let mut shifted = point.clone();
        shifted[index] += step;
        let above = total_log_loss(&histories, &shifted).value;
        shifted[index] -= 2.0 * step;
        let below = total_log_loss(&histories, &shifted).value;
        let numeric = (above - below) / (2.0 * step);
        assert!(
            (numeric - exact.derivatives[index]).abs() < 1e-4 * numeric.abs().max(1.0),
            "parameter {index}: exact {}, numeric {numeric}",
            exact.derivatives[index]
        );
    }
}

#[test]
fn fitting_on_no_reviews_keeps_the_defaults() {
    assert_eq!(fit_memory_parameters(&[]), MemoryParameters::default());
    let single_reviews = vec![vec![Review {
        elapsed_days: 0.0,
        rating: Rating::Good,
    }]];
    assert_eq!(
        fit_memory_parameters(&single_reviews),
        MemoryParameters::default()
    );
}
