//! Fitting the memory model's parameters to review logs: the log-loss of every predicted recall,
//! with exact derivatives (the model's own formulas run on `Gradient` numbers), minimized by L-BFGS.

use super::number::{Gradient, MemoryNumber};
use super::{
    first_review, later_review, recall, MemoryParameters, Review, DECAY, DIFFICULTY_MEAN_REVERSION,
    PARAMETER_COUNT,
};
use crate::optimize::minimize_with_lbfgs;

/// The settings of `fit_memory_parameters_with`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MemoryFitSettings {
    /// The pull toward the defaults, per prediction, in the fitted coordinates (below). 1e-5
    /// beat 1e-4 and 1e-3 on the validation split of the Anki log (crates/evaluate/README.md)
    /// and, unlike 0, keeps the same-day parameters, which that log cannot inform, near the
    /// defaults.
    pub default_pull: f64,
    /// L-BFGS iterations at most.
    pub iteration_limit: usize,
}

impl Default for MemoryFitSettings {
    fn default() -> Self {
        MemoryFitSettings {
            default_pull: 1e-5,
            iteration_limit: 300,
        }
    }
}

/// How a parameter is fitted: the optimizer moves an unconstrained coordinate `u`.
#[derive(Clone, Copy)]
enum Coordinate {
    /// The parameter is `u`.
    Plain,
    /// The parameter is `e^u` (positive).
    Logarithm,
    /// The parameter is `1 / (1 + e^(−u))` (a share, in (0, 1)).
    Share,
}

/// The coordinate of each parameter, in the order of `MemoryParameters::to_list`: stabilities,
/// factors and steps are positive, the mean reversion a share, exponents and offsets plain.
fn coordinate(index: usize) -> Coordinate {
    match index {
        DIFFICULTY_MEAN_REVERSION => Coordinate::Share,
        0..=3 | 5 | 6 | 8 | 10 | 11 | 13 | 15 | 16 | DECAY => Coordinate::Logarithm,
        _ => Coordinate::Plain,
    }
}

pub(super) fn to_coordinate(index: usize, parameter: f64) -> f64 {
    match coordinate(index) {
        Coordinate::Plain => parameter,
        Coordinate::Logarithm => parameter.max(1e-12).ln(),
        Coordinate::Share => {
            let share = parameter.clamp(1e-9, 1.0 - 1e-9);
            (share / (1.0 - share)).ln()
        }
    }
}

/// The parameter at coordinate `u`, and its derivative by `u`.
fn from_coordinate(index: usize, u: f64) -> (f64, f64) {
    match coordinate(index) {
        Coordinate::Plain => (u, 1.0),
        Coordinate::Logarithm => {
            let value = u.clamp(-30.0, 30.0).exp();
            (value, value)
        }
        Coordinate::Share => {
            let share = 1.0 / (1.0 + (-u).exp());
            (share, share * (1.0 - share))
        }
    }
}

/// Fits the parameters to review histories (one per memory, e.g. per card) by minimizing the
/// log-loss of the predicted recall at every review but the first, with a weak pull toward the
/// defaults so that sparse data cannot push a parameter to an extreme. Deterministic.
pub fn fit_memory_parameters(histories: &[Vec<Review>]) -> MemoryParameters {
    fit_memory_parameters_with(histories, &MemoryFitSettings::default())
}

/// `fit_memory_parameters` with other settings.
pub fn fit_memory_parameters_with(
    histories: &[Vec<Review>],
    settings: &MemoryFitSettings,
) -> MemoryParameters {
    let defaults = MemoryParameters::default().to_list();
    let start: Vec<f64> = defaults
        .iter()
        .enumerate()
        .map(|(index, &parameter)| to_coordinate(index, parameter))
        .collect();
    let prediction_count: usize = histories
        .iter()
        .map(|history| history.len().saturating_sub(1))
        .sum();
    if prediction_count == 0 {
        return MemoryParameters::default();
    }
    let objective = |point: &[f64], gradient: &mut [f64]| -> f64 {
        let loss = total_log_loss(histories, point);
        let mut value = loss.value / prediction_count as f64;
        for index in 0..PARAMETER_COUNT {
            let distance = point[index] - start[index];
            value += settings.default_pull * distance * distance;
            gradient[index] = loss.derivatives[index] / prediction_count as f64
                + 2.0 * settings.default_pull * distance;
        }
        value
    };
    let fitted = minimize_with_lbfgs(objective, start.clone(), settings.iteration_limit);
    let mut list = [0.0; PARAMETER_COUNT];
    for (index, slot) in list.iter_mut().enumerate() {
        *slot = from_coordinate(index, fitted[index]).0;
    }
    MemoryParameters::from_list(&list)
}

/// The summed log-loss of every prediction, with its derivatives by the coordinates.
pub(super) fn total_log_loss(histories: &[Vec<Review>], point: &[f64]) -> Gradient {
    let weights: [Gradient; PARAMETER_COUNT] = std::array::from_fn(|index| {
        let (value, slope) = from_coordinate(index, point[index]);
        Gradient::parameter(value, index, slope)
    });
    let mut total = Gradient::constant(0.0);
    for history in histories {
        let Some((first, later)) = history.split_first() else {
            continue;
        };
        let mut state = first_review(&weights, first.rating);
        for (position, review) in later.iter().enumerate() {
            let elapsed_days = if review.elapsed_days.is_finite() {
                review.elapsed_days.max(0.0)
            } else {
                0.0
            };
            let predicted =
                recall(elapsed_days, state.0, weights[DECAY]).clamp_to(1e-6, 1.0 - 1e-6);
            total = total
                - if review.rating.recalled() {
                    predicted.ln()
                } else {
                    (-predicted + 1.0).ln()
                };
            if position + 1 < later.len() {
                state = later_review(&weights, state, elapsed_days, review.rating);
            }
        }
    }
    total
}
