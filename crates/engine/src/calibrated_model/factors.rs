//! Fitting the items' loadings on the learner vector (`FittedParameters::item_loadings`), after
//! the rest of the fit: on the logits of the fitted model (each training learner replayed with
//! abilities measured against a first stage fitted without them, as a new learner's are), one
//! vector per learner and the loadings are fitted by full-batch Adam with normal priors
//! (`factor_precision` on the loadings, `FACTOR_PRIOR` on the vectors). The learners with index
//! mod 5 = 4 are kept out of the gradient and replayed online, as new learners, every
//! `CHECK_EVERY` steps: the loadings they are predicted best with are kept, none when no step
//! predicts them better than no loadings (crates/evaluate/README.md, branch model13g).

use super::{observe_factors, LearnerState, ModelSettings, FACTOR_PRIOR};
use crate::math::{dot, sigmoid};
use crate::seeded::SeededSequence;

/// One answer as the loadings' fit sees it: the item, the logit of the rest of the model, the
/// outcome (1 right, 0 wrong).
pub(super) type FactorRow = (usize, f64, f64);

/// Adam steps of the fit and their size.
const STEPS: usize = 300;
const STEP_SIZE: f64 = 0.02;
/// Steps between two replays of the held-out learners.
const CHECK_EVERY: usize = 10;

/// The loadings (`item_count × rank`) and the rank, or none (`(vec![], 0)`) when the held-out
/// learners gain nothing. `step(done, of)` reports the steps done.
pub(super) fn fit_loadings(
    learners: &[Vec<FactorRow>],
    item_count: usize,
    settings: &ModelSettings,
    step: &mut dyn FnMut(usize, usize),
) -> (Vec<f64>, usize) {
    let rank = settings.factor_rank;
    let learner_start = item_count * rank;
    let length = learner_start + learners.len() * rank;
    let mut random = SeededSequence(13);
    let mut weights: Vec<f64> = (0..length).map(|_| 0.1 * random.unit() - 0.05).collect();
    let held_out = |learner: usize| learner % 5 == 4;
    let held_out_loss = |loadings: &[f64]| -> f64 {
        learners
            .iter()
            .enumerate()
            .filter(|(learner, _)| held_out(*learner))
            .map(|(_, rows)| online_loss(rows, loadings, rank))
            .sum()
    };
    let mut best = (held_out_loss(&[]), None);
    let (mut first_moment, mut second_moment) = (vec![0.0; length], vec![0.0; length]);
    let mut gradient = vec![0.0; length];
    for iteration in 1..=STEPS {
        gradient.iter_mut().for_each(|value| *value = 0.0);
        for (learner, rows) in learners.iter().enumerate() {
            if held_out(learner) {
                continue;
            }
            let vector = learner_start + learner * rank;
            for &(item, offset, outcome) in rows {
                let loading = item * rank;
                let residual = sigmoid(
                    offset
                        + dot(
                            &weights[loading..loading + rank],
                            &weights[vector..vector + rank],
                        ),
                ) - outcome;
                for dimension in 0..rank {
                    gradient[loading + dimension] += residual * weights[vector + dimension];
                    gradient[vector + dimension] += residual * weights[loading + dimension];
                }
            }
        }
        let corrections = (
            1.0 - 0.9f64.powi(iteration as i32),
            1.0 - 0.999f64.powi(iteration as i32),
        );
        for index in 0..length {
            let precision = if index < learner_start {
                settings.factor_precision
            } else {
                FACTOR_PRIOR
            };
            let slope = gradient[index] + precision * weights[index];
            first_moment[index] = 0.9 * first_moment[index] + 0.1 * slope;
            second_moment[index] = 0.999 * second_moment[index] + 0.001 * slope * slope;
            weights[index] -= STEP_SIZE * first_moment[index]
                / corrections.0
                / ((second_moment[index] / corrections.1).sqrt() + 1e-8);
        }
        if iteration % CHECK_EVERY == 0 {
            let loss = held_out_loss(&weights[..learner_start]);
            if loss < best.0 {
                best = (loss, Some(weights[..learner_start].to_vec()));
            }
        }
        step(iteration, STEPS);
    }
    best.1.map_or((Vec::new(), 0), |loadings| (loadings, rank))
}

/// The summed log-loss of one learner's answers, each predicted before the learner vector takes
/// it in (from the prior).
fn online_loss(rows: &[FactorRow], loadings: &[f64], rank: usize) -> f64 {
    let mut state = LearnerState::default();
    let mut loss = 0.0;
    for &(item, offset, outcome) in rows {
        let loading = loadings.get(item * rank..(item + 1) * rank).unwrap_or(&[]);
        let probability =
            sigmoid(offset + dot(loading, &state.factor_mean)).clamp(1e-12, 1.0 - 1e-12);
        loss -= outcome * probability.ln() + (1.0 - outcome) * (1.0 - probability).ln();
        if !loading.is_empty() {
            observe_factors(&mut state, loading, probability, outcome);
        }
    }
    loss
}
