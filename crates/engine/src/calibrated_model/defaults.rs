//! The defaults of a bank with no calibration: the calibrated model's global feature weights,
//! fitted once on real learners, with no item or skill entries (every item and skill unknown).
//!
//! How they were fitted (2026-12-01): `calibrated_model::fit_defaults` with
//! `ModelSettings::default()` on the fit-train learners of both shared train files pooled
//! (`statics_train.tsv`: 175 learners, 117,454 answers; `assistments09_train.tsv`: 1,989 learners,
//! 172,521 answers; the validation learners, FNV-1a of the id 0 mod 5, were left out):
//!
//! ```text
//! cargo run --release -p adaptive-practice-evaluate -- fit-defaults \
//!     --train ../shared/data/kt/statics_train.tsv --train ../shared/data/kt/assistments09_train.tsv
//! ```
//!
//! which prints these weights and then the item memory shifts, fitted after them on the same
//! learners with the weights held fixed (`fit_item_memory_shifts`; rounded to 6 decimals; a test
//! in `crates/evaluate` fits them again and compares). Validation AUC on the left-out learners,
//! every learner from scratch: Statics 0.6939, ASSISTments09 0.7343 (without the item memory
//! 0.6888 / 0.7343; two-level Elo without difficulties: 0.6825 / 0.7158). Fitted on one file and
//! scored on the other (a new bank in another course): 0.6777 on Statics from ASSISTments09,
//! 0.7175 on ASSISTments09 from Statics (crates/evaluate/README.md, "Defaults of a bank with no
//! calibration").

use super::{FittedParameters, ModelSettings, GLOBAL_FEATURE_COUNT};

/// The parameters of a bank with no calibration: [`DEFAULT_GLOBAL_FEATURE_WEIGHTS`] and the
/// default settings; every item and skill gets 0 (an average item of an average skill).
pub fn default_parameters() -> FittedParameters {
    FittedParameters::global_only(
        DEFAULT_GLOBAL_FEATURE_WEIGHTS,
        DEFAULT_ITEM_MEMORY_SHIFTS,
        ModelSettings::default(),
    )
}

/// The item memory shifts of the defaults (the learner's last answer to the same item wrong,
/// right), fitted with them (`fit_item_memory_shifts`, the weights held fixed). Only a bank whose
/// items the model does not know has them: with item easiness (a calibration block, or the bank's
/// difficulties) they lowered validation AUC (Statics: block 0.8305 → 0.8295, difficulties
/// 0.8181 → 0.8173; ASSISTments09 block 0.7978 → 0.7977), and shifts fitted with a block's own
/// fit added 0.0001 on Statics: what a repeat's outcome tells the defaults is mostly the item's
/// difficulty, which those banks already know.
pub const DEFAULT_ITEM_MEMORY_SHIFTS: [f64; 2] = [-0.546071, 0.228380];

/// The global feature weights of the defaults, in the order of `answer_features` (see the
/// module's comment for how they were fitted). Abilities are measured against easiness 0.
#[rustfmt::skip] // One line per group of features, as commented.
pub const DEFAULT_GLOBAL_FEATURE_WEIGHTS: [f64; GLOBAL_FEATURE_COUNT] = [
    // The item's skills, averaged: ln(1+attempts), ln(1+successes), ln(1+failures).
    -0.276448, 0.258339, -0.032404,
    // Skill ability, overall ability.
    0.228267, -0.018475,
    // The last (up to) three outcomes on the skill: none; one (wrong, right); then the last two,
    // then the last three, each in the order of the number whose bit 0 is the latest (1 = right).
    -0.445161, 0.070990, 0.011476, 0.364675, 0.034775, 0.355426, -0.071025, 0.541316, 0.003035,
    0.412633, 0.014148, 0.472513, 0.000277, 0.423607, -0.265090,
    // Skill runs (right, wrong), recent skill ability, ln(1 + hours since practice) (no time in
    // either file: 0).
    0.336020, -0.355909, 0.055951, 0.000000,
    // Learner: bias, ln(1+attempts), ln(1+successes), ln(1+failures), runs (right, wrong), recent
    // ability.
    0.803100, -0.287734, 0.515959, -0.265566, 0.049415, -0.230395, 0.250577,
];
