//! The memory model: how likely something is recalled after some days, and how a review changes the memory.
//!
//! A memory has a stability `S`, the number of days after which recall falls to 90%, and a
//! difficulty `D` between 1 and 10. Recall after `t` days follows a power forgetting curve
//! `R(t, S) = (1 + F · t / S)^(−decay)`, with `F = 0.9^(−1/decay) − 1` so that `R(S, S) = 0.9`;
//! the decay is a parameter (fitted: how fast recall falls past the stability). Each review
//! changes the memory, depending on the rating, on the days since the previous review, on the
//! recall then and on the memory itself:
//!
//! - the first review sets `S` to `initial_stability[rating]` and `D` to `initial_difficulty + 1 −
//!   e^(difficulty_rating_spread · (rating − 1))` (ratings 1 to 4);
//! - every later review moves `D` by `−difficulty_step · (rating − 3)`, damped linearly as it
//!   nears 10 (times `(10 − D) / 9`), then pulls it toward the first difficulty of an `Easy` by
//!   `difficulty_mean_reversion`; the stability update below uses `D` from before the review;
//! - a review on the same day (under one day) scales `S` by `e^(same_day_weight · (rating − 3 +
//!   same_day_offset)) · S^(−same_day_saturation)`, never below `S` for `Good` or `Easy`;
//! - a recalled review multiplies `S` by `1 + success_growth · (11 − D) · S^(−success_saturation)
//!   · (e^(spacing_weight · (1 − R)) − 1)`, times `hard_factor` or `easy_factor` for those
//!   ratings: a review when recall had fallen lower strengthens more, a strong or hard memory less;
//! - a lapse (`Again`) sets `S` to `lapse_scale · D^(−lapse_difficulty_exponent) · ((S + 1)^
//!   lapse_exponent − 1) · e^(lapse_spacing_weight · (1 − R))`, never more than
//!   `S / e^(same_day_weight · same_day_offset)`.
//!
//! These are the formulas of FSRS-6 (the published free spaced repetition scheduler, 21
//! parameters), written here from its description; the defaults are its published defaults. The
//! parameters can be fitted on review logs (`fit_memory_parameters`, in `memory/fit.rs`). Plain
//! functions, no clock: callers pass the elapsed days. The formulas are written once, over
//! `MemoryNumber` (`memory/number.rs`), so that the fit runs the very same code with derivatives.

use serde::{Deserialize, Serialize};

mod fit;
mod number;
#[cfg(test)]
mod tests;

pub use fit::{fit_memory_parameters, fit_memory_parameters_with, MemoryFitSettings};
use number::MemoryNumber;

/// Recall at `days == stability`.
pub const RETENTION_AT_STABILITY: f64 = 0.9;
/// Stabilities stay in this range (days).
pub const SHORTEST_STABILITY_DAYS: f64 = 0.01;
pub const LONGEST_STABILITY_DAYS: f64 = 36500.0;
/// Difficulties stay in this range.
pub const EASIEST_DIFFICULTY: f64 = 1.0;
pub const HARDEST_DIFFICULTY: f64 = 10.0;
/// The forgetting curve's decay stays in this range.
const DECAY_RANGE: (f64, f64) = (0.05, 2.0);
/// How many numbers `MemoryParameters` holds.
pub const PARAMETER_COUNT: usize = 21;

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

/// The parameters of the memory updates (see the module documentation for the formulas), in the
/// order of FSRS-6's `w0` to `w20`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MemoryParameters {
    /// Stability (days) after the first review, by its rating (again, hard, good, easy).
    pub initial_stability: [f64; 4],
    pub initial_difficulty: f64,
    pub difficulty_rating_spread: f64,
    pub difficulty_step: f64,
    pub difficulty_mean_reversion: f64,
    pub success_growth: f64,
    pub success_saturation: f64,
    pub spacing_weight: f64,
    pub lapse_scale: f64,
    pub lapse_difficulty_exponent: f64,
    pub lapse_exponent: f64,
    pub lapse_spacing_weight: f64,
    pub hard_factor: f64,
    pub easy_factor: f64,
    pub same_day_weight: f64,
    pub same_day_offset: f64,
    pub same_day_saturation: f64,
    /// The forgetting curve's decay: recall `(1 + F · t / S)^(−decay)`.
    pub decay: f64,
}

impl Default for MemoryParameters {
    /// FSRS-6's published defaults, fitted by its authors on many Anki collections.
    // Not inlined: the widget calls it from five places, each of which compiled its constants.
    #[inline(never)]
    fn default() -> Self {
        MemoryParameters {
            initial_stability: [0.212, 1.2931, 2.3065, 8.2956],
            initial_difficulty: 6.4133,
            difficulty_rating_spread: 0.8334,
            difficulty_step: 3.0194,
            difficulty_mean_reversion: 0.001,
            // e^1.8722
            success_growth: 6.5026,
            success_saturation: 0.1666,
            spacing_weight: 0.796,
            lapse_scale: 1.4835,
            lapse_difficulty_exponent: 0.0614,
            lapse_exponent: 0.2629,
            lapse_spacing_weight: 1.6483,
            hard_factor: 0.6014,
            easy_factor: 1.8729,
            same_day_weight: 0.5425,
            same_day_offset: 0.0912,
            same_day_saturation: 0.0658,
            decay: 0.1542,
        }
    }
}

impl MemoryParameters {
    /// The parameters as one list, in the order of the fields.
    pub fn to_list(&self) -> [f64; PARAMETER_COUNT] {
        let [again, hard, good, easy] = self.initial_stability;
        [
            again,
            hard,
            good,
            easy,
            self.initial_difficulty,
            self.difficulty_rating_spread,
            self.difficulty_step,
            self.difficulty_mean_reversion,
            self.success_growth,
            self.success_saturation,
            self.spacing_weight,
            self.lapse_scale,
            self.lapse_difficulty_exponent,
            self.lapse_exponent,
            self.lapse_spacing_weight,
            self.hard_factor,
            self.easy_factor,
            self.same_day_weight,
            self.same_day_offset,
            self.same_day_saturation,
            self.decay,
        ]
    }

    /// The inverse of `to_list`.
    pub fn from_list(list: &[f64; PARAMETER_COUNT]) -> MemoryParameters {
        MemoryParameters {
            initial_stability: [list[0], list[1], list[2], list[3]],
            initial_difficulty: list[4],
            difficulty_rating_spread: list[5],
            difficulty_step: list[6],
            difficulty_mean_reversion: list[7],
            success_growth: list[8],
            success_saturation: list[9],
            spacing_weight: list[10],
            lapse_scale: list[11],
            lapse_difficulty_exponent: list[12],
            lapse_exponent: list[13],
            lapse_spacing_weight: list[14],
            hard_factor: list[15],
            easy_factor: list[16],
            same_day_weight: list[17],
            same_day_offset: list[18],
            same_day_saturation: list[19],
            decay: list[20],
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

/// A memory after its reviews so far.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MemoryState {
    /// Days until recall falls to 90%.
    pub stability: f64,
    /// 1 (easy) to 10 (hard).
    pub difficulty: f64,
}

/// Predicted recall after `days` for a memory of the given stability (days to 90% recall).
pub fn recall_probability(parameters: &MemoryParameters, days: f64, stability_days: f64) -> f64 {
    let days = if days.is_finite() { days } else { 0.0 };
    let stability = clamp_stability(stability_days);
    recall(days, stability, parameters.decay)
}

/// Days after the review that left `stability` until predicted recall falls to `target_retention`
/// (in (0, 1)): when a review is due.
pub fn days_until_recall(
    parameters: &MemoryParameters,
    stability_days: f64,
    target_retention: f64,
) -> f64 {
    let decay = parameters.decay.clamp(DECAY_RANGE.0, DECAY_RANGE.1);
    let target = target_retention.clamp(0.01, 0.99);
    // (1 + F · t / S)^(−decay) = r  ⇔  t = S / F · (r^(−1/decay) − 1).
    let days = clamp_stability(stability_days) / forgetting_factor(decay)
        * (crate::math::power(target, -1.0 / decay) - 1.0);
    days.clamp(0.0, LONGEST_STABILITY_DAYS)
}

/// The memory after a first review with this rating.
pub fn initial_state(parameters: &MemoryParameters, rating: Rating) -> MemoryState {
    let (stability, difficulty) = first_review(&parameters.to_list(), rating);
    MemoryState {
        stability,
        difficulty,
    }
}

/// The memory after a review `elapsed_days` after the previous one, which left `state`.
pub fn next_state(
    parameters: &MemoryParameters,
    state: MemoryState,
    elapsed_days: f64,
    rating: Rating,
) -> MemoryState {
    let before = (
        clamp_stability(state.stability),
        if state.difficulty.is_nan() {
            HARDEST_DIFFICULTY
        } else {
            state
                .difficulty
                .clamp(EASIEST_DIFFICULTY, HARDEST_DIFFICULTY)
        },
    );
    let elapsed_days = if elapsed_days.is_finite() {
        elapsed_days.max(0.0)
    } else {
        0.0
    };
    let (stability, difficulty) = later_review(&parameters.to_list(), before, elapsed_days, rating);
    MemoryState {
        stability,
        difficulty,
    }
}

/// The memory after each review of a history: `states[i]` holds after review `i`.
pub fn states_after_reviews(parameters: &MemoryParameters, reviews: &[Review]) -> Vec<MemoryState> {
    let mut states: Vec<MemoryState> = Vec::with_capacity(reviews.len());
    for review in reviews {
        let next = match states.last() {
            None => initial_state(parameters, review.rating),
            Some(&state) => next_state(parameters, state, review.elapsed_days, review.rating),
        };
        states.push(next);
    }
    states
}

/// The predicted recall at every review but the first, from the reviews before it, paired with
/// whether it was recalled.
pub fn predicted_recalls(parameters: &MemoryParameters, reviews: &[Review]) -> Vec<(f64, bool)> {
    let states = states_after_reviews(parameters, reviews);
    reviews
        .iter()
        .skip(1)
        .zip(&states)
        .map(|(review, before)| {
            (
                recall_probability(parameters, review.elapsed_days, before.stability),
                review.rating.recalled(),
            )
        })
        .collect()
}

// The formulas, once, over any `MemoryNumber`; `weights` in the order of `MemoryParameters::to_list`.

const INITIAL_DIFFICULTY: usize = 4;
const DIFFICULTY_RATING_SPREAD: usize = 5;
const DIFFICULTY_STEP: usize = 6;
const DIFFICULTY_MEAN_REVERSION: usize = 7;
const SUCCESS_GROWTH: usize = 8;
const SUCCESS_SATURATION: usize = 9;
const SPACING_WEIGHT: usize = 10;
const LAPSE_SCALE: usize = 11;
const LAPSE_DIFFICULTY_EXPONENT: usize = 12;
const LAPSE_EXPONENT: usize = 13;
const LAPSE_SPACING_WEIGHT: usize = 14;
const HARD_FACTOR: usize = 15;
const EASY_FACTOR: usize = 16;
const SAME_DAY_WEIGHT: usize = 17;
const SAME_DAY_OFFSET: usize = 18;
const SAME_DAY_SATURATION: usize = 19;
const DECAY: usize = 20;

/// `F = 0.9^(−1/decay) − 1`, which makes `R(S, S) = 0.9`.
fn forgetting_factor<N: MemoryNumber>(decay: N) -> N {
    (N::constant(-RETENTION_AT_STABILITY.ln()) / decay).exp() - 1.0
}

/// `R(t, S) = (1 + F · t / S)^(−decay)`; 1 at `t ≤ 0`.
fn recall<N: MemoryNumber>(days: f64, stability: N, decay: N) -> N {
    if days <= 0.0 {
        return N::constant(1.0);
    }
    let decay = decay.clamp_to(DECAY_RANGE.0, DECAY_RANGE.1);
    (-decay * (forgetting_factor(decay) * days / stability + 1.0).ln()).exp()
}

/// The difficulty after a first review rated `rating` (1 to 4), before clamping.
fn first_difficulty<N: MemoryNumber>(weights: &[N; PARAMETER_COUNT], rating: f64) -> N {
    weights[INITIAL_DIFFICULTY] + 1.0 - (weights[DIFFICULTY_RATING_SPREAD] * (rating - 1.0)).exp()
}

/// (stability, difficulty) after a first review.
fn first_review<N: MemoryNumber>(weights: &[N; PARAMETER_COUNT], rating: Rating) -> (N, N) {
    (
        weights[rating.position()].clamp_to(SHORTEST_STABILITY_DAYS, LONGEST_STABILITY_DAYS),
        first_difficulty(weights, rating.number()).clamp_to(EASIEST_DIFFICULTY, HARDEST_DIFFICULTY),
    )
}

/// (stability, difficulty) after a later review, from those before it (in range).
fn later_review<N: MemoryNumber>(
    weights: &[N; PARAMETER_COUNT],
    (stability, difficulty): (N, N),
    elapsed_days: f64,
    rating: Rating,
) -> (N, N) {
    let grade = rating.number();
    let next_stability = if elapsed_days < 1.0 {
        let scaled = stability
            * (weights[SAME_DAY_WEIGHT] * (weights[SAME_DAY_OFFSET] + (grade - 3.0))).exp()
            * stability.power(-weights[SAME_DAY_SATURATION]);
        if grade >= 3.0 {
            scaled.larger(stability)
        } else {
            scaled
        }
    } else {
        let forgotten_share = -recall(elapsed_days, stability, weights[DECAY]) + 1.0;
        if rating.recalled() {
            let rating_factor = match rating {
                Rating::Hard => weights[HARD_FACTOR],
                Rating::Easy => weights[EASY_FACTOR],
                _ => N::constant(1.0),
            };
            let growth = weights[SUCCESS_GROWTH]
                * (-difficulty + 11.0)
                * stability.power(-weights[SUCCESS_SATURATION])
                * ((weights[SPACING_WEIGHT] * forgotten_share).exp() - 1.0)
                * rating_factor;
            stability * (growth.larger(N::constant(0.0)) + 1.0)
        } else {
            let lapsed = weights[LAPSE_SCALE]
                * difficulty.power(-weights[LAPSE_DIFFICULTY_EXPONENT])
                * ((stability + 1.0).power(weights[LAPSE_EXPONENT]) - 1.0)
                * (weights[LAPSE_SPACING_WEIGHT] * forgotten_share).exp();
            let ceiling = stability / (weights[SAME_DAY_WEIGHT] * weights[SAME_DAY_OFFSET]).exp();
            lapsed.smaller(ceiling)
        }
    };
    let step = -weights[DIFFICULTY_STEP] * (grade - 3.0);
    let damped = difficulty + step * (-difficulty + HARDEST_DIFFICULTY) / 9.0;
    let reverted = weights[DIFFICULTY_MEAN_REVERSION] * first_difficulty(weights, 4.0)
        + (-weights[DIFFICULTY_MEAN_REVERSION] + 1.0) * damped;
    (
        next_stability.clamp_to(SHORTEST_STABILITY_DAYS, LONGEST_STABILITY_DAYS),
        reverted.clamp_to(EASIEST_DIFFICULTY, HARDEST_DIFFICULTY),
    )
}

fn clamp_stability(stability: f64) -> f64 {
    if stability.is_nan() {
        return SHORTEST_STABILITY_DAYS;
    }
    stability.clamp(SHORTEST_STABILITY_DAYS, LONGEST_STABILITY_DAYS)
}
