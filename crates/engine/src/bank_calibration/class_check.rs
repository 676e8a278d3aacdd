//! The check inside a class that decides whether its calibration block is kept: blocks fitted
//! without some of the learners predict those learners' answers, and so does the bank without a
//! block; the block is kept only when it predicts them better (lower log-loss) by more than
//! `STANDARD_ERRORS_TO_KEEP` standard errors of the difference (learners taken as the units: a class's answers are not
//! independent of one another, its learners nearly are).

use crate::bank::Bank;
use crate::calibrated_model::{
    self, FittedParameters, LearnerState, ModelSettings, ObservedAnswer, GLOBAL_FEATURE_COUNT,
};
use crate::sorted_map::IdPositions;
use crate::IndexedBank;

/// Folds of learners in the check: each fold's learners are predicted by a block fitted on the
/// others (learner `n`, in the order first met, is in fold `n mod CHECK_FOLDS`). Two folds cost
/// about one fit on the whole class.
pub const CHECK_FOLDS: usize = 2;

/// What the check measured, on every answer of the class, each predicted without its learner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClassCheck {
    pub answers: usize,
    /// Mean log-loss of the bank without a block (the shipped defaults, with the bank's
    /// difficulties if it has them).
    pub without_block_log_loss: f64,
    /// Mean log-loss of the blocks fitted on the other folds.
    pub block_log_loss: f64,
    /// The standard error of `without_block_log_loss - block_log_loss`, from the spread of the
    /// learners' own differences (infinite for fewer than two learners).
    pub standard_error: f64,
}

impl ClassCheck {
    /// Whether the block predicted the held-out answers better than the bank without one, by
    /// more than `STANDARD_ERRORS_TO_KEEP` standard errors.
    pub fn block_predicts_better(&self) -> bool {
        self.without_block_log_loss - self.block_log_loss
            > STANDARD_ERRORS_TO_KEEP * self.standard_error
    }
}

/// How many standard errors better the block must predict to be kept: about 2% of the blocks of
/// classes that tell nothing new are kept by chance (one standard error kept a block of 10
/// simulated learners that predicted new ones worse: `bank_calibration/tests.rs`).
pub const STANDARD_ERRORS_TO_KEEP: f64 = 2.0;

/// The iteration limit of the weights' optimizer in the check's fits (the final fit keeps
/// `settings.optimizer_iterations`). The check compares log-losses, and the held-out log-loss of
/// a fold's block moves by less than 0.0003 between 50 and 300 iterations on the bench's class
/// of 30 learners × 500 answers, far inside its standard error (0.0098), while the fits take
/// about half the time (crates/bench/examples/class_calibration.rs).
pub const CHECK_OPTIMIZER_ITERATIONS: usize = 50;

/// `settings` for the check's fits: at most `CHECK_OPTIMIZER_ITERATIONS` iterations.
fn check_fit_settings(settings: ModelSettings) -> ModelSettings {
    ModelSettings {
        optimizer_iterations: settings
            .optimizer_iterations
            .min(CHECK_OPTIMIZER_ITERATIONS),
        ..settings
    }
}

/// Fits a block on all learners but one fold's, for each fold, and scores the fold's answers
/// with it and with `without_block`. `progress(done, total)` counts the answers each fit has
/// worked through. `None` for a class of fewer than two learners.
pub fn check_inside_class(
    sequences: &[Vec<ObservedAnswer>],
    without_block: &FittedParameters,
    settings: ModelSettings,
    prior_mean: &[f64; GLOBAL_FEATURE_COUNT],
    progress: &mut dyn FnMut(usize, usize),
) -> Option<ClassCheck> {
    if sequences.len() < 2 {
        return None;
    }
    let in_fold: Vec<usize> = (0..sequences.len()).map(|n| n % CHECK_FOLDS).collect();
    let answers_of = |fold: usize, wanted: bool| -> usize {
        sequences
            .iter()
            .zip(&in_fold)
            .filter(|(_, &f)| (f == fold) == wanted)
            .map(|(sequence, _)| sequence.len())
            .sum()
    };
    let total: usize = (0..CHECK_FOLDS).map(|fold| answers_of(fold, false)).sum();
    let (mut done, mut answers) = (0, 0);
    let (mut without_block_loss, mut block_loss) = (0.0, 0.0);
    // Each learner's summed log-loss without a block minus with one.
    let mut learner_differences = Vec::with_capacity(sequences.len());
    for fold in 0..CHECK_FOLDS {
        let (held_out, training): (Vec<_>, Vec<_>) = sequences
            .iter()
            .zip(&in_fold)
            .partition(|(_, &f)| f == fold);
        let held_out: Vec<&[ObservedAnswer]> = held_out.iter().map(|(s, _)| s.as_slice()).collect();
        let training: Vec<Vec<ObservedAnswer>> =
            training.into_iter().map(|(s, _)| s.clone()).collect();
        let weight = answers_of(fold, false);
        let block = calibrated_model::fit_with_progress(
            &training,
            check_fit_settings(settings),
            prior_mean,
            &mut |stage_done, stages| progress(done + stage_done * weight / stages.max(1), total),
        );
        done += weight;
        for sequence in held_out {
            answers += sequence.len();
            let (without, with) = (
                log_loss_sum(without_block, sequence),
                log_loss_sum(&block, sequence),
            );
            without_block_loss += without;
            block_loss += with;
            learner_differences.push(without - with);
        }
    }
    let answers_divisor = answers.max(1) as f64;
    Some(ClassCheck {
        answers,
        without_block_log_loss: without_block_loss / answers_divisor,
        block_log_loss: block_loss / answers_divisor,
        standard_error: standard_error_of_total(&learner_differences) / answers_divisor,
    })
}

/// The parameters of `bank` without its block (what `IndexedBank` gives it: the shipped
/// defaults, with the bank's difficulties if it has them), laid out by the fit's item indexes
/// (`item_keys`; a step's `item#part` gets 0, as the widget gives a part the block does not know).
pub fn parameters_without_block(bank: &Bank, item_keys: &[String]) -> FittedParameters {
    let mut plain = bank.clone();
    plain.calibration = None;
    let indexed = IndexedBank::new(plain);
    let mut parameters = indexed.calibration().parameters.clone();
    let item_positions = IdPositions::new(bank.items.iter().map(|i| i.id.as_str()).collect());
    let positions: Vec<Option<usize>> = item_keys
        .iter()
        .map(|key| item_positions.last(key))
        .collect();
    let by_fit_index = |values: &[f64]| -> Vec<f64> {
        positions
            .iter()
            .map(|position| position.and_then(|p| values.get(p)).copied().unwrap_or(0.0))
            .collect()
    };
    parameters.item_easiness = by_fit_index(&parameters.item_easiness);
    parameters.item_ability_slope = by_fit_index(&parameters.item_ability_slope);
    parameters.item_easiness_for_ability = by_fit_index(&parameters.item_easiness_for_ability);
    parameters
}

/// The standard error of the sum of `values`, taken as independent draws of one distribution.
fn standard_error_of_total(values: &[f64]) -> f64 {
    let count = values.len() as f64;
    if values.len() < 2 {
        return f64::INFINITY;
    }
    let mean = values.iter().sum::<f64>() / count;
    let variance = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (count - 1.0);
    (variance * count).sqrt()
}

/// The summed log-loss of one learner's answers, each predicted before it is recorded, from a
/// new learner's state (with the item memory: the last outcome on the same item).
fn log_loss_sum(parameters: &FittedParameters, sequence: &[ObservedAnswer]) -> f64 {
    let mut state = LearnerState::default();
    let mut last_outcomes: Vec<Option<bool>> = Vec::new();
    let mut loss = 0.0;
    for answer in sequence {
        if last_outcomes.len() <= answer.item {
            last_outcomes.resize(answer.item + 1, None);
        }
        let probability = calibrated_model::predict(
            parameters,
            &state,
            answer.item,
            &answer.skills,
            answer.now,
            last_outcomes[answer.item],
        )
        .clamp(1e-6, 1.0 - 1e-6);
        loss -= if answer.correct {
            probability.ln()
        } else {
            (1.0 - probability).ln()
        };
        calibrated_model::update(
            parameters,
            &mut state,
            answer.item,
            &answer.skills,
            answer.correct,
            answer.now,
        );
        last_outcomes[answer.item] = Some(answer.correct);
    }
    loss
}
