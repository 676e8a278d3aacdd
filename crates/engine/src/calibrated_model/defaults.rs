//! The defaults of a bank with no calibration: the calibrated model's global feature weights,
//! fitted once on real learners, with no item or skill entries (every item and skill unknown).
//!
//! How they were fitted (2026-12-02, branch model13d): `calibrated_model::fit_defaults` with
//! `ModelSettings::default()` on the fit-train learners of both shared train files pooled, each
//! Statics learner counted twice so that the two files weigh about the same in answers
//! (`statics_train.tsv`: 175 learners, 117,454 answers, twice; `assistments09_train.tsv`: 1,989
//! learners, 172,521 answers; the validation learners, FNV-1a of the id 0 mod 5, were left out):
//!
//! ```text
//! cargo run --release -p adaptive-practice-evaluate -- fit-defaults --copies 2,1 \
//!     --train ../shared/data/kt/statics_train.tsv --train ../shared/data/kt/assistments09_train.tsv
//! ```
//!
//! which prints these weights, the global context slopes (fitted with them) and then the item
//! memory shifts, fitted after them on the same learners with the weights held fixed
//! (`fit_item_memory_shifts`; rounded to 6 decimals; a test in `crates/evaluate` fits them again
//! and compares). Validation AUC on the left-out learners, every learner from scratch: Statics
//! 0.6965, ASSISTments09 0.7330 (the defaults before, without the context slopes and each learner
//! counted once: 0.6939 / 0.7343; two-level Elo without difficulties: 0.6825 / 0.7158). Fitted on
//! one file and scored on the other (a new bank in another course): 0.6785 on Statics from
//! ASSISTments09, 0.7176 on ASSISTments09 from Statics (crates/evaluate/README.md, "Defaults of a
//! bank with no calibration" and "Branch model13d").

use super::{FittedParameters, ModelSettings, CONTEXT_COUNT, GLOBAL_FEATURE_COUNT};

/// The parameters of a bank with no calibration: [`DEFAULT_GLOBAL_FEATURE_WEIGHTS`] and the
/// default settings; every item and skill gets 0 (an average item of an average skill).
pub fn default_parameters() -> FittedParameters {
    let mut parameters = FittedParameters::global_only(
        DEFAULT_GLOBAL_FEATURE_WEIGHTS,
        DEFAULT_ITEM_MEMORY_SHIFTS,
        ModelSettings::default(),
    );
    parameters.global_context_slopes = DEFAULT_GLOBAL_CONTEXT_SLOPES;
    parameters
}

/// The global context slopes of the defaults (`FittedParameters::global_context_slopes`: the
/// weights of the learner's last answer, the one before, the last answer on the item's skills,
/// the third and fourth last answers, each +1/2 right, −1/2 wrong), fitted with the weights.
pub const DEFAULT_GLOBAL_CONTEXT_SLOPES: [f64; CONTEXT_COUNT] =
    [-0.247361, -0.018239, 0.416839, -0.016841, 0.078454];

/// The item memory shifts of the defaults (the learner's last answer to the same item wrong,
/// right), fitted with them (`fit_item_memory_shifts`, the weights held fixed). Only a bank whose
/// items the model does not know has them: with item easiness (a calibration block, or the bank's
/// difficulties) they lowered validation AUC (Statics: block 0.8305 → 0.8295, difficulties
/// 0.8181 → 0.8173; ASSISTments09 block 0.7978 → 0.7977), and shifts fitted with a block's own
/// fit added 0.0001 on Statics: what a repeat's outcome tells the defaults is mostly the item's
/// difficulty, which those banks already know.
pub const DEFAULT_ITEM_MEMORY_SHIFTS: [f64; 2] = [-0.564485, 0.231201];

/// The global feature weights of the defaults, in the order of `answer_features` (see the
/// module's comment for how they were fitted). Abilities are measured against easiness 0.
#[rustfmt::skip] // One line per group of features, as commented.
pub const DEFAULT_GLOBAL_FEATURE_WEIGHTS: [f64; GLOBAL_FEATURE_COUNT] = [
    // The item's skills, averaged: ln(1+attempts), ln(1+successes), ln(1+failures).
    -0.254002, 0.227921, -0.026829,
    // Skill ability, overall ability.
    0.199575, 0.011088,
    // The last (up to) three outcomes on the skill: none; one (wrong, right); then the last two,
    // then the last three, each in the order of the number whose bit 0 is the latest (1 = right).
    -0.356229, 0.161802, -0.069500, 0.464501, -0.080600, 0.466056, -0.076960, 0.612164, -0.119279,
    0.490904, -0.076050, 0.521428, -0.130283, 0.503491, -0.238960,
    // Skill runs (right, wrong), recent skill ability, ln(1 + hours since practice) (no time in
    // either file: 0).
    0.236482, -0.243837, 0.100467, 0.000000,
    // Learner: bias, ln(1+attempts), ln(1+successes), ln(1+failures), runs (right, wrong), recent
    // ability.
    0.820803, -0.346288, 0.533723, -0.223655, 0.135136, -0.344000, 0.194238,
];
