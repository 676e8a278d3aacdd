//! Tests of the memory model: the forgetting curve, stability updates, recall predictions and fitting on synthetic reviews.

use super::{
    fit_memory_parameters, initial_stability, next_stability, predicted_recalls,
    recall_probability, MemoryParameters, Rating, Review, LONGEST_STABILITY_DAYS,
    SHORTEST_STABILITY_DAYS,
};

fn check_recall(days: f64, stability: f64, expected: f64) {
    let actual = recall_probability(days, stability);
    assert!(
        (actual - expected).abs() < 1e-9,
        "R({days}, {stability}) = {actual}, expected {expected}"
    );
}

#[test]
fn recall_is_certain_at_once_ninety_percent_at_the_stability_and_falls_with_a_power_tail() {
    check_recall(0.0, 3.0, 1.0);
    check_recall(3.0, 3.0, 0.9);
    check_recall(10.0, 10.0, 0.9);
    // F = 0.9^(−2) − 1 = 19/81, so after 3 · 81/19 stabilities: (1 + 3)^(−1/2).
    check_recall(243.0 / 19.0, 1.0, 0.5);
    check_recall(-5.0, 1.0, 1.0);
}

/// Applies `reviews` (days since the previous one, rating) to a first review rated `first` and
/// checks the final stability against a range.
fn check_stability_after(first: Rating, reviews: &[(f64, Rating)], expected_range: (f64, f64)) {
    let parameters = MemoryParameters::default();
    let stability = reviews.iter().fold(
        initial_stability(&parameters, first),
        |stability, &(days, rating)| next_stability(&parameters, stability, days, rating),
    );
    assert!(
        (expected_range.0..=expected_range.1).contains(&stability),
        "after {first:?} then {reviews:?}: stability {stability}, expected in {expected_range:?}"
    );
}

#[test]
fn first_rating_sets_the_stability() {
    check_stability_after(Rating::Again, &[], (0.40, 0.41));
    check_stability_after(Rating::Good, &[], (3.17, 3.18));
    check_stability_after(Rating::Easy, &[], (15.6, 15.7));
}

#[test]
fn a_success_after_a_gap_strengthens_more_than_one_soon_after() {
    // Good after 3 days (recall 90%) grows the stability a lot; after 1 day less.
    check_stability_after(Rating::Good, &[(3.0, Rating::Good)], (9.0, 12.0));
    check_stability_after(Rating::Good, &[(1.0, Rating::Good)], (4.5, 6.5));
    // Hard grows less than Good, Easy more.
    check_stability_after(Rating::Good, &[(3.0, Rating::Hard)], (4.0, 5.5));
    check_stability_after(Rating::Good, &[(3.0, Rating::Easy)], (20.0, 30.0));
}

#[test]
fn a_lapse_shrinks_the_stability_and_never_grows_it() {
    check_stability_after(
        Rating::Good,
        &[(3.0, Rating::Good), (10.0, Rating::Again)],
        (1.0, 3.0),
    );
    check_stability_after(Rating::Again, &[(1.0, Rating::Again)], (0.0, 0.41));
}

#[test]
fn same_day_reviews_grow_the_stability_by_a_factor_and_a_right_one_never_weakens() {
    // e^(0.51655 · 0.6621) ≈ 1.41 per right answer on the same day.
    check_stability_after(
        Rating::Good,
        &[(0.0, Rating::Good), (0.0, Rating::Good)],
        (6.2, 6.4),
    );
    check_stability_after(Rating::Good, &[(0.0, Rating::Again)], (1.0, 3.17));
}

#[test]
fn stability_stays_in_range_for_any_input() {
    let parameters = MemoryParameters::default();
    let ratings = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];
    for days in [0.0, 0.5, 1.0, 30.0, 1e6, f64::INFINITY, f64::NAN, -3.0] {
        for stability in [0.0, 0.01, 1.0, 1e9, f64::NAN, -1.0] {
            for rating in ratings {
                let next = next_stability(&parameters, stability, days, rating);
                assert!(
                    (SHORTEST_STABILITY_DAYS..=LONGEST_STABILITY_DAYS).contains(&next),
                    "S={stability}, t={days}, {rating:?}: {next}"
                );
            }
        }
    }
}

#[test]
fn predictions_cover_every_review_but_the_first() {
    let reviews = [
        (0.0, Rating::Good),
        (3.0, Rating::Good),
        (20.0, Rating::Again),
    ]
    .map(|(elapsed_days, rating)| Review {
        elapsed_days,
        rating,
    });
    let predictions = predicted_recalls(&MemoryParameters::default(), &reviews);
    assert_eq!(predictions.len(), 2);
    assert!(
        (predictions[0].0 - 0.9).abs() < 0.01 && predictions[0].1,
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
            let mut stability = initial_stability(truth, Rating::Good);
            for _ in 0..6 {
                let elapsed_days = (stability * (0.5 + 2.0 * random.next_unit()))
                    .round()
                    .max(1.0);
                let recalled = random.next_unit() < recall_probability(elapsed_days, stability);
                let rating = if recalled {
                    Rating::Good
                } else {
                    Rating::Again
                };
                stability = next_stability(truth, stability, elapsed_days, rating);
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
        success_growth: 8.0,
        lapse_scale: 0.8,
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
        (fitted.initial_stability[2] - 8.0).abs() < 2.0,
        "{fitted:?}"
    );
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
