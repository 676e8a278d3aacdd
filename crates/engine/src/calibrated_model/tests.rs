//! Tests of the calibrated model: neutral without data, probabilities always in [0, 1], fitted on synthetic learners, saving.

use super::{
    default_parameters, fit, fit_defaults, fit_item_memory_shifts, fit_with_global_prior, predict,
    update, FittedParameters, LearnerState, ModelSettings, ObservedAnswer, GLOBAL_FEATURE_COUNT,
};

/// A deterministic generator (64-bit linear congruential), enough for synthetic data.
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

/// Learners of varied ability answer 40 items of rising difficulty (item 0 easiest) in 4 skills,
/// getting better with practice of a skill.
fn synthetic_learners(
    learner_count: usize,
    answers_per_learner: usize,
    seed: u64,
) -> Vec<Vec<ObservedAnswer>> {
    let mut random = SyntheticRandom(seed);
    (0..learner_count)
        .map(|_| {
            let ability = random.next_unit() * 3.0 - 1.5;
            let mut practice = [0.0f64; 4];
            (0..answers_per_learner)
                .map(|step| {
                    let item = ((random.next_unit() * 40.0) as usize).min(39);
                    let skill = item % 4;
                    let logit =
                        ability - (item as f64 / 10.0 - 2.0) + 0.4 * practice[skill].ln_1p() - 0.5;
                    practice[skill] += 1.0;
                    ObservedAnswer {
                        item,
                        skills: vec![skill],
                        correct: random.next_unit() < 1.0 / (1.0 + (-logit).exp()),
                        now: step as f64 * 60.0,
                    }
                })
                .collect()
        })
        .collect()
}

fn fitted_on_synthetic_learners() -> FittedParameters {
    fit(
        &synthetic_learners(60, 40, 1),
        ModelSettings {
            cross_fit_folds: 2,
            ..ModelSettings::default()
        },
    )
}

/// Replays `answers` (item, skill, correct) for a new learner and checks the prediction for
/// `asked` (item, skill) afterwards against a range.
fn check_prediction_after(
    parameters: &FittedParameters,
    answers: &[(usize, usize, bool)],
    asked: (usize, usize),
    expected_range: (f64, f64),
) {
    let mut state = LearnerState::default();
    for (step, &(item, skill, correct)) in answers.iter().enumerate() {
        update(
            parameters,
            &mut state,
            item,
            &[skill],
            correct,
            step as f64 * 60.0,
        );
    }
    let probability = predict(
        parameters,
        &state,
        asked.0,
        &[asked.1],
        answers.len() as f64 * 60.0,
        None,
    );
    assert!(
        (expected_range.0..=expected_range.1).contains(&probability),
        "after {answers:?}, P(correct on {asked:?}) = {probability}, expected in {expected_range:?}"
    );
}

#[test]
fn fitting_on_no_answers_gives_a_neutral_model() {
    let parameters = fit(&[], ModelSettings::default());
    check_prediction_after(&parameters, &[], (3, 1), (0.5, 0.5));
    check_prediction_after(
        &parameters,
        &[(3, 1, true), (4, 2, false)],
        (3, 1),
        (0.5, 0.5),
    );
}

#[test]
fn fitted_model_ranks_easy_items_above_hard_ones_and_follows_the_learner() {
    let parameters = fitted_on_synthetic_learners();
    // A new learner: item 0 is easy, item 39 hard.
    check_prediction_after(&parameters, &[], (0, 0), (0.75, 1.0));
    check_prediction_after(&parameters, &[], (39, 3), (0.0, 0.35));
    // Medium item 20 (skill 0), after right or after wrong answers on the same skill.
    let right: Vec<(usize, usize, bool)> =
        (0..6).map(|answer| (4 * answer + 16, 0, true)).collect();
    let wrong: Vec<(usize, usize, bool)> = (0..6).map(|answer| (4 * answer, 0, false)).collect();
    check_prediction_after(&parameters, &right, (20, 0), (0.6, 1.0));
    check_prediction_after(&parameters, &wrong, (20, 0), (0.0, 0.4));
}

#[test]
fn predictions_stay_probabilities_for_unknown_items_and_skills() {
    let parameters = fitted_on_synthetic_learners();
    let mut random = SyntheticRandom(4);
    let mut state = LearnerState::default();
    for step in 0..500 {
        let item = (random.next_unit() * 60.0) as usize;
        let skills: Vec<usize> = (0..(step % 3))
            .map(|_| (random.next_unit() * 8.0) as usize)
            .collect();
        let now = step as f64 * 30.0;
        let probability = predict(&parameters, &state, item, &skills, now, None);
        assert!(
            probability.is_finite() && (0.0..=1.0).contains(&probability),
            "step {step}: {probability}"
        );
        update(
            &parameters,
            &mut state,
            item,
            &skills,
            random.next_unit() < probability,
            now,
        );
    }
}

#[test]
fn fitted_parameters_and_learner_state_survive_json() {
    let parameters = fitted_on_synthetic_learners();
    let mut state = LearnerState::default();
    update(&parameters, &mut state, 5, &[1, 2], true, 60.0);
    let saved = serde_json::to_string(&(&parameters, &state)).unwrap_or_default();
    let loaded: Result<(FittedParameters, LearnerState), _> = serde_json::from_str(&saved);
    assert_eq!(loaded.ok(), Some((parameters, state)));
}

/// True when the parameters have no per-item or per-skill entry: what a bank with no calibration
/// carries.
fn has_no_item_or_skill_entries(parameters: &FittedParameters) -> bool {
    parameters.item_easiness.is_empty()
        && parameters.item_ability_slope.is_empty()
        && parameters.item_easiness_for_ability.is_empty()
        && parameters.skill_easiness_for_ability.is_empty()
        && parameters.skill_easiness.is_empty()
        && parameters.skill_feature_weights.is_empty()
}

#[test]
fn shipped_defaults_know_no_item_and_follow_the_learner() {
    let parameters = default_parameters();
    assert!(has_no_item_or_skill_entries(&parameters));
    assert_eq!(parameters.settings, ModelSettings::default());
    // A new learner, any item: the learner bias of the defaults (sigmoid(0.8208 - 0.3562)).
    check_prediction_after(&parameters, &[], (7, 2), (0.61, 0.62));
    let right: Vec<(usize, usize, bool)> = (0..6).map(|answer| (answer, 0, true)).collect();
    let wrong: Vec<(usize, usize, bool)> = (0..6).map(|answer| (answer, 0, false)).collect();
    check_prediction_after(&parameters, &right, (9, 0), (0.8, 1.0));
    check_prediction_after(&parameters, &wrong, (9, 0), (0.0, 0.4));
}

#[test]
fn fitted_defaults_have_only_global_weights_and_follow_the_learner() {
    let parameters = fit_defaults(&synthetic_learners(60, 40, 1), ModelSettings::default());
    assert!(has_no_item_or_skill_entries(&parameters));
    // Every item is unknown: a new learner gets the same chance on the easiest and the hardest.
    let new_learner = LearnerState::default();
    let first_chance = predict(&parameters, &new_learner, 0, &[0], 0.0, None);
    assert_eq!(
        predict(&parameters, &new_learner, 39, &[3], 0.0, None),
        first_chance
    );
    // Six answers on skill 0 (the same items), right or wrong: practice alone raises the chance
    // in these learners, right answers raise it more.
    let right: Vec<(usize, usize, bool)> = (0..6).map(|answer| (4 * answer, 0, true)).collect();
    let wrong: Vec<(usize, usize, bool)> = (0..6).map(|answer| (4 * answer, 0, false)).collect();
    check_prediction_after(&parameters, &right, (20, 0), (first_chance + 0.3, 1.0));
    check_prediction_after(
        &parameters,
        &wrong,
        (20, 0),
        (first_chance, first_chance + 0.2),
    );
}

#[test]
fn the_global_prior_mean_holds_the_global_weights_when_it_is_strong() {
    let learners = synthetic_learners(30, 30, 2);
    let settings = ModelSettings {
        cross_fit_folds: 2,
        ..ModelSettings::default()
    };
    // A prior mean of 0 is the plain fit.
    assert_eq!(
        fit_with_global_prior(&learners, settings, &[0.0; GLOBAL_FEATURE_COUNT]),
        fit(&learners, settings)
    );
    let prior_mean = default_parameters().global_feature_weights;
    let held = fit_with_global_prior(
        &learners,
        ModelSettings {
            global_precision: 1e9,
            ..settings
        },
        &prior_mean,
    );
    for (column, (weight, mean)) in held
        .global_feature_weights
        .iter()
        .zip(&prior_mean)
        .enumerate()
    {
        assert!((weight - mean).abs() < 1e-3, "{column}: {weight} vs {mean}");
    }
}

/// Learners who answer items 0..4 twice each: the second answer repeats the first.
fn learners_who_repeat_themselves() -> Vec<Vec<ObservedAnswer>> {
    (0..20)
        .map(|learner| {
            (0..8)
                .map(|step| ObservedAnswer {
                    item: step % 4,
                    skills: vec![0],
                    correct: (learner + step % 4) % 2 == 0,
                    now: 0.0,
                })
                .collect()
        })
        .collect()
}

#[test]
fn item_memory_learns_that_learners_repeat_their_last_outcome() {
    let mut parameters = default_parameters();
    parameters.item_memory_shifts =
        fit_item_memory_shifts(&parameters, &learners_who_repeat_themselves());
    let [after_wrong, after_right] = parameters.item_memory_shifts;
    assert!(
        after_wrong < -2.0 && after_right > 2.0,
        "{after_wrong} {after_right}"
    );
    let state = LearnerState::default();
    let never = predict(&parameters, &state, 3, &[0], 0.0, None);
    assert!(predict(&parameters, &state, 3, &[0], 0.0, Some(false)) < never - 0.3);
    assert!(predict(&parameters, &state, 3, &[0], 0.0, Some(true)) > never + 0.3);
    // The defaults fit them with the weights.
    let fitted = fit_defaults(&learners_who_repeat_themselves(), ModelSettings::default());
    assert!(fitted.item_memory_shifts[0] < -1.0 && fitted.item_memory_shifts[1] > 1.0);
}

#[test]
fn item_memory_shifts_the_prediction_from_terms_as_predict() {
    let parameters = default_parameters();
    let mut state = LearnerState::default();
    update(&parameters, &mut state, 2, &[1], false, 0.0);
    let terms = super::learner_terms(&parameters, &state, 3, 60.0);
    for last in [None, Some(false), Some(true)] {
        let direct = predict(&parameters, &state, 2, &[1], 60.0, last);
        let from_terms = super::predict_from_terms(&parameters, &terms, 2, &[1], last);
        assert!((direct - from_terms).abs() < 1e-12, "{last:?}");
    }
}

/// Learners of two kinds (half of them +1, half −1) answer 40 items in 4 skills: items below 20
/// are easier for the first kind, the others for the second; a skill holds items of both.
fn learners_of_two_kinds(learner_count: usize, seed: u64) -> Vec<Vec<ObservedAnswer>> {
    let mut random = SyntheticRandom(seed);
    (0..learner_count)
        .map(|learner| {
            let kind = if learner % 2 == 0 { 1.0 } else { -1.0 };
            (0..40)
                .map(|step| {
                    let item = ((random.next_unit() * 40.0) as usize).min(39);
                    let side = if item < 20 { 1.0 } else { -1.0 };
                    ObservedAnswer {
                        item,
                        skills: vec![item % 4],
                        correct: random.next_unit() < sigmoid(1.5 * kind * side),
                        now: step as f64 * 60.0,
                    }
                })
                .collect()
        })
        .collect()
}

fn sigmoid(logit: f64) -> f64 {
    1.0 / (1.0 + (-logit).exp())
}

/// The summed log-loss of new learners, each answer predicted before it is recorded.
fn new_learners_log_loss(parameters: &FittedParameters, learners: &[Vec<ObservedAnswer>]) -> f64 {
    let mut loss = 0.0;
    for sequence in learners {
        let mut state = LearnerState::default();
        for answer in sequence {
            let p = predict(
                parameters,
                &state,
                answer.item,
                &answer.skills,
                answer.now,
                None,
            );
            loss -= if answer.correct {
                p.ln()
            } else {
                (1.0 - p).ln()
            };
            update(
                parameters,
                &mut state,
                answer.item,
                &answer.skills,
                answer.correct,
                answer.now,
            );
        }
    }
    loss
}

#[test]
fn the_learner_vector_tells_the_two_kinds_of_learners_apart() {
    let settings = ModelSettings {
        cross_fit_folds: 2,
        optimizer_iterations: 100,
        factor_rank: 2,
        ..ModelSettings::default()
    };
    let parameters = fit(&learners_of_two_kinds(100, 3), settings);
    assert_eq!(parameters.factor_rank, 2);
    assert_eq!(parameters.item_loadings.len(), 40 * 2);
    // Before any answer the vector is the prior (mean 0): the same prediction as without it.
    let without = FittedParameters {
        item_loadings: Vec::new(),
        factor_rank: 0,
        ..parameters.clone()
    };
    let state = LearnerState::default();
    assert_eq!(
        predict(&parameters, &state, 3, &[3], 0.0, None),
        predict(&without, &state, 3, &[3], 0.0, None)
    );
    let new_learners = learners_of_two_kinds(60, 9);
    let (with_vector, without_vector) = (
        new_learners_log_loss(&parameters, &new_learners),
        new_learners_log_loss(&without, &new_learners),
    );
    assert!(
        with_vector < 0.95 * without_vector,
        "log-loss with the vector {with_vector}, without {without_vector}"
    );
}

#[test]
fn no_loadings_are_kept_when_learners_are_all_of_one_kind() {
    let settings = ModelSettings {
        cross_fit_folds: 2,
        optimizer_iterations: 100,
        factor_rank: 2,
        ..ModelSettings::default()
    };
    let parameters = fit(&synthetic_learners(60, 40, 1), settings);
    assert_eq!(
        (parameters.factor_rank, parameters.item_loadings.len()),
        (0, 0)
    );
}

#[test]
fn the_learner_vector_moves_towards_the_outcome_and_grows_surer() {
    use super::{observe_factors, FACTOR_PRIOR};
    let loading = [1.0, -0.5];
    let mut state = LearnerState::default();
    observe_factors(&mut state, &loading, 0.5, 1.0);
    // A right answer raises the vector's prediction for the item, a wrong one lowers it.
    let mean = &state.factor_mean;
    assert!(loading[0] * mean[0] + loading[1] * mean[1] > 0.0);
    // Along the loading the variance shrinks: wᵀSw = 1.25 / prior before, that / (1 + wᵀSw / 4)
    // after (p (1 − p) = 1/4).
    let before = 1.25 / FACTOR_PRIOR;
    let s = &state.factor_covariance;
    let spread = loading[0] * (s[0] * loading[0] + s[1] * loading[1])
        + loading[1] * (s[2] * loading[0] + s[3] * loading[1]);
    assert!((spread - before / (1.0 + 0.25 * before)).abs() < 1e-12);
    let mut wrong = LearnerState::default();
    observe_factors(&mut wrong, &loading, 0.5, 0.0);
    let mean = &wrong.factor_mean;
    assert!(loading[0] * mean[0] + loading[1] * mean[1] < 0.0);
}
