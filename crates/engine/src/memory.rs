//! The memory model: how likely something is recalled after some days, and how a review changes its stability.
//!
//! A memory has a stability `S`, the number of days after which recall falls to 90%. Recall after
//! `t` days follows a power forgetting curve, `R(t, S) = (1 + F · t / S)^(−0.5)` with `F` chosen so
//! that `R(S, S) = 0.9` (the curve of FSRS-4.5). Each review changes the stability, depending on
//! the rating, on the days since the previous review and on the stability itself:
//!
//! - the first review sets `S` to `initial_stability[rating]`;
//! - a review on the same day (under one day) scales it by `e^(same_day_weight · (rating − 3 +
//!   same_day_offset)) · S^(−same_day_saturation)`;
//! - a recalled review multiplies it by `1 + success_growth · S^(−success_saturation) ·
//!   (e^(spacing_weight · (1 − R)) − 1)`, times `hard_factor` or `easy_factor` for those ratings:
//!   a review when recall had fallen lower (a longer gap) strengthens more, a strong memory less;
//! - a lapse (`Again`) sets it to `lapse_scale · ((S + 1)^lapse_exponent − 1) · e^(lapse_spacing_weight
//!   · (1 − R))`, never more than before.
//!
//! The shape follows FSRS-5/6 without the per-card difficulty (the defaults are FSRS-5's, whose
//! forgetting curve is this one); the parameters can be fitted on review logs
//! (`fit_memory_parameters`). Plain functions, no clock: callers pass the elapsed days.

use serde::{Deserialize, Serialize};

use crate::optimize::minimize_with_lbfgs;

#[cfg(test)]
mod tests;

/// Recall at `days == stability`.
pub const RETENTION_AT_STABILITY: f64 = 0.9;
/// The power forgetting curve `R = (1 + F · t / S)^(−1/2)`: `F` makes `R(S, S) = 0.9`.
const FORGETTING_CURVE_FACTOR: f64 = 1.0 / (RETENTION_AT_STABILITY * RETENTION_AT_STABILITY) - 1.0;
/// Stabilities stay in this range (days).
pub const SHORTEST_STABILITY_DAYS: f64 = 0.01;
pub const LONGEST_STABILITY_DAYS: f64 = 36500.0;

/// How a review went, as a learner grades it (or as the widget derives it from an answer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Rating {
    /// Forgotten: a lapse.
    Again,
    /// Recalled with difficulty (in the widget: right after hints).
    Hard,
    /// Recalled.
    Good,
    /// Recalled easily.
    Easy,
}

impl Rating {
    /// The rating for Anki's numbers 1 (again) to 4 (easy).
    pub fn from_number(number: u32) -> Option<Rating> {
        match number {
            1 => Some(Rating::Again),
            2 => Some(Rating::Hard),
            3 => Some(Rating::Good),
            4 => Some(Rating::Easy),
            _ => None,
        }
    }

    /// 1 (again) to 4 (easy).
    pub fn number(self) -> f64 {
        match self {
            Rating::Again => 1.0,
            Rating::Hard => 2.0,
            Rating::Good => 3.0,
            Rating::Easy => 4.0,
        }
    }

    pub fn recalled(self) -> bool {
        self != Rating::Again
    }

    fn position(self) -> usize {
        self.number() as usize - 1
    }
}

/// The parameters of the stability updates (see the module documentation for the formulas).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MemoryParameters {
    /// Stability (days) after the first review, by its rating (again, hard, good, easy).
    pub initial_stability: [f64; 4],
    pub success_growth: f64,
    pub success_saturation: f64,
    pub spacing_weight: f64,
    pub hard_factor: f64,
    pub easy_factor: f64,
    pub lapse_scale: f64,
    pub lapse_exponent: f64,
    pub lapse_spacing_weight: f64,
    pub same_day_weight: f64,
    pub same_day_offset: f64,
    pub same_day_saturation: f64,
}

impl Default for MemoryParameters {
    /// FSRS-5's default weights (fitted by its authors on many Anki collections, with this same
    /// forgetting curve), with the card difficulty, which this model leaves out, fixed at the
    /// initial difficulty of a first `Good` (5.28 of 10).
    fn default() -> Self {
        MemoryParameters {
            initial_stability: [0.40255, 1.18385, 3.173, 15.69105],
            // e^1.54575 · (11 − 5.28)
            success_growth: 26.82,
            success_saturation: 0.1192,
            spacing_weight: 1.01925,
            hard_factor: 0.2315,
            easy_factor: 2.9898,
            // 1.9395 · 5.28^(−0.11)
            lapse_scale: 1.615,
            lapse_exponent: 0.29605,
            lapse_spacing_weight: 2.2698,
            same_day_weight: 0.51655,
            same_day_offset: 0.6621,
            same_day_saturation: 0.0,
        }
    }
}

/// One review of one memory: the days since the previous review (0 for the first) and its rating.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    pub elapsed_days: f64,
    pub rating: Rating,
}

/// Predicted recall after `days` for a memory of the given stability (days to 90% recall).
pub fn recall_probability(days: f64, stability_days: f64) -> f64 {
    1.0 / (1.0
        + FORGETTING_CURVE_FACTOR * days.max(0.0) / stability_days.max(SHORTEST_STABILITY_DAYS))
    .sqrt()
}

/// The stability after a first review with this rating.
pub fn initial_stability(parameters: &MemoryParameters, rating: Rating) -> f64 {
    clamp_stability(parameters.initial_stability[rating.position()])
}

/// The stability after a review `elapsed_days` after the previous one, which left `stability`.
pub fn next_stability(
    parameters: &MemoryParameters,
    stability: f64,
    elapsed_days: f64,
    rating: Rating,
) -> f64 {
    let stability = clamp_stability(stability);
    let elapsed_days = if elapsed_days.is_finite() {
        elapsed_days.max(0.0)
    } else {
        0.0
    };
    if elapsed_days < 1.0 {
        let exponent =
            parameters.same_day_weight * (rating.number() - 3.0 + parameters.same_day_offset);
        let mut next = stability * exponent.exp() * stability.powf(-parameters.same_day_saturation);
        if rating.recalled() {
            // A right answer on the same day never weakens the memory.
            next = next.max(stability);
        }
        return clamp_stability(next);
    }
    let forgotten_share = 1.0 - recall_probability(elapsed_days, stability);
    if !rating.recalled() {
        let lapsed = parameters.lapse_scale
            * ((stability + 1.0).powf(parameters.lapse_exponent) - 1.0)
            * (parameters.lapse_spacing_weight * forgotten_share).exp();
        return clamp_stability(lapsed.min(stability));
    }
    let rating_factor = match rating {
        Rating::Hard => parameters.hard_factor,
        Rating::Easy => parameters.easy_factor,
        _ => 1.0,
    };
    let growth = parameters.success_growth
        * stability.powf(-parameters.success_saturation)
        * ((parameters.spacing_weight * forgotten_share).exp() - 1.0)
        * rating_factor;
    clamp_stability(stability * (1.0 + growth.max(0.0)))
}

/// The stability after each review of a history: `stabilities[i]` holds after review `i`.
pub fn stabilities_after_reviews(parameters: &MemoryParameters, reviews: &[Review]) -> Vec<f64> {
    let mut stabilities = Vec::with_capacity(reviews.len());
    for review in reviews {
        let next = match stabilities.last() {
            None => initial_stability(parameters, review.rating),
            Some(&stability) => {
                next_stability(parameters, stability, review.elapsed_days, review.rating)
            }
        };
        stabilities.push(next);
    }
    stabilities
}

/// The predicted recall at every review but the first, from the reviews before it, paired with
/// whether it was recalled.
pub fn predicted_recalls(parameters: &MemoryParameters, reviews: &[Review]) -> Vec<(f64, bool)> {
    let stabilities = stabilities_after_reviews(parameters, reviews);
    reviews
        .iter()
        .skip(1)
        .zip(&stabilities)
        .map(|(review, &stability_before)| {
            (
                recall_probability(review.elapsed_days, stability_before),
                review.rating.recalled(),
            )
        })
        .collect()
}

/// Fits the parameters to review histories (one per memory, e.g. per card) by minimizing the
/// log-loss of the predicted recall at every review but the first, with a weak pull toward the
/// defaults so that sparse data cannot push a parameter to an extreme.
pub fn fit_memory_parameters(histories: &[Vec<Review>]) -> MemoryParameters {
    let start = parameters_to_vector(&MemoryParameters::default());
    let prediction_count: usize = histories
        .iter()
        .map(|history| history.len().saturating_sub(1))
        .sum();
    if prediction_count == 0 {
        return MemoryParameters::default();
    }
    let objective = |point: &[f64], gradient: &mut [f64]| -> f64 {
        let value = regularized_log_loss(histories, &start, point, prediction_count);
        // Central differences: few parameters, and the loss is cheap next to deriving it by hand.
        let mut shifted = point.to_vec();
        for index in 0..point.len() {
            let step = 1e-5 * point[index].abs().max(1.0);
            shifted[index] = point[index] + step;
            let above = regularized_log_loss(histories, &start, &shifted, prediction_count);
            shifted[index] = point[index] - step;
            let below = regularized_log_loss(histories, &start, &shifted, prediction_count);
            shifted[index] = point[index];
            gradient[index] = (above - below) / (2.0 * step);
        }
        value
    };
    vector_to_parameters(&minimize_with_lbfgs(objective, start.clone(), 200))
}

/// The pull toward the defaults, per prediction, in the unconstrained coordinates.
const DEFAULT_PULL: f64 = 1e-4;

fn regularized_log_loss(
    histories: &[Vec<Review>],
    defaults: &[f64],
    point: &[f64],
    prediction_count: usize,
) -> f64 {
    let parameters = vector_to_parameters(point);
    let mut total = 0.0;
    for history in histories {
        for (probability, recalled) in predicted_recalls(&parameters, history) {
            let probability = probability.clamp(1e-6, 1.0 - 1e-6);
            total -= if recalled {
                probability.ln()
            } else {
                (1.0 - probability).ln()
            };
        }
    }
    let pull: f64 = point
        .iter()
        .zip(defaults)
        .map(|(value, default)| (value - default).powi(2))
        .sum();
    total / prediction_count as f64 + DEFAULT_PULL * pull
}

/// Unconstrained coordinates for the optimizer: logarithms of the positive parameters.
fn parameters_to_vector(parameters: &MemoryParameters) -> Vec<f64> {
    let mut vector: Vec<f64> = parameters
        .initial_stability
        .iter()
        .map(|stability| stability.ln())
        .collect();
    vector.extend([
        parameters.success_growth.ln(),
        parameters.success_saturation,
        parameters.spacing_weight.ln(),
        parameters.hard_factor.ln(),
        parameters.easy_factor.ln(),
        parameters.lapse_scale.ln(),
        parameters.lapse_exponent.ln(),
        parameters.lapse_spacing_weight,
        parameters.same_day_weight,
        parameters.same_day_offset,
        parameters.same_day_saturation,
    ]);
    vector
}

fn vector_to_parameters(vector: &[f64]) -> MemoryParameters {
    let value = |index: usize| vector.get(index).copied().unwrap_or(0.0);
    let positive = |index: usize| value(index).clamp(-30.0, 30.0).exp();
    MemoryParameters {
        initial_stability: [positive(0), positive(1), positive(2), positive(3)],
        success_growth: positive(4),
        success_saturation: value(5),
        spacing_weight: positive(6),
        hard_factor: positive(7),
        easy_factor: positive(8),
        lapse_scale: positive(9),
        lapse_exponent: positive(10),
        lapse_spacing_weight: value(11),
        same_day_weight: value(12),
        same_day_offset: value(13),
        same_day_saturation: value(14),
    }
}

fn clamp_stability(stability: f64) -> f64 {
    if stability.is_nan() {
        return SHORTEST_STABILITY_DAYS;
    }
    stability.clamp(SHORTEST_STABILITY_DAYS, LONGEST_STABILITY_DAYS)
}
