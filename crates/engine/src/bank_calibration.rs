//! The `calibration` block of a bank: the parameters of `calibrated_model` fitted from a class's
//! answers, keyed by item and skill ids (never by position, so that an edited bank stays
//! aligned), and the one function that fits it (`fit_bank_calibration`), which the teacher
//! page, `make calibrate` and `crates/evaluate` all call.
//!
//! Reading the block is in `bank_read.rs` (the widget's path) and in the serde derives here (the
//! bank tools); its checks (unknown ids, wrong lengths) are in `bank_check.rs`.

use crate::find_text::has_text;
use serde::{Deserialize, Serialize};

use crate::bank::Bank;
use crate::calibrated_model::{
    self, FittedParameters, ModelSettings, ObservedAnswer, CONTEXT_COUNT, GLOBAL_FEATURE_COUNT,
    SKILL_FEATURE_COUNT,
};
use crate::sorted_map::{IdPositions, SortedMap};

mod class_check;

pub use class_check::{ClassCheck, CHECK_FOLDS};

/// The newest version of the block's layout, written in `version`: 2 when its items carry
/// loadings on the learner vector (`ItemCalibration::loadings`), else 1 (the layout before them,
/// which older widgets read).
pub const CALIBRATION_VERSION: u32 = 2;
/// Decimals kept for every number of the block: rounding to 4 moved no validation AUC by more
/// than 0.0005 (crates/evaluate, `model=widget` against `model=ours`).
pub const CALIBRATION_DECIMALS: i32 = 4;

/// The `calibration` block: `calibrated_model::FittedParameters` by id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankCalibration {
    pub version: u32,
    pub fitted: CalibrationFitted,
    pub settings: CalibrationSettings,
    /// The weights of the learner-level features (`GLOBAL_FEATURE_COUNT` numbers).
    pub weights: Vec<f64>,
    pub skills: SortedMap<SkillCalibration>,
    /// Keyed by item id, or `item#part` (the part's position from 0) for a step.
    pub items: SortedMap<ItemCalibration>,
}

/// What the calibration rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CalibrationFitted {
    pub learners: u32,
    pub answers: u32,
}

/// The steps of the online ability estimates the parameters were fitted with.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CalibrationSettings {
    pub ability_step: f64,
    pub ability_step_decay: f64,
    pub recent_ability_step: f64,
}

/// One skill's parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SkillCalibration {
    pub easiness: f64,
    /// The skill's part of the first-stage (Rasch) easiness that abilities are measured against.
    pub ability_reference: f64,
    /// The weights of the skill's features (`SKILL_FEATURE_COUNT` numbers).
    pub weights: Vec<f64>,
}

/// One item's parameters, written as `[easiness, abilitySlope, abilityReference]`, followed by
/// the `CONTEXT_COUNT` context slopes when one is not 0 or the item has loadings (blocks written
/// before them have 3): the item's own plus the fit's global ones
/// (`calibrated_model::FittedParameters`), which the block has no other place for; then, in a
/// block of version 2, the item's loadings on the learner vector (as many as its rank).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Vec<f64>", into = "Vec<f64>")]
pub struct ItemCalibration {
    pub easiness: f64,
    pub ability_slope: f64,
    pub ability_reference: f64,
    pub context_slopes: [f64; CONTEXT_COUNT],
    pub loadings: Vec<f64>,
}

impl TryFrom<Vec<f64>> for ItemCalibration {
    type Error = String;

    fn try_from(numbers: Vec<f64>) -> Result<Self, String> {
        if numbers.len() != 3 && numbers.len() < 3 + CONTEXT_COUNT {
            return Err(format!(
                "invalid length {}, expected 3 or at least {} numbers",
                numbers.len(),
                3 + CONTEXT_COUNT
            ));
        }
        let mut context_slopes = [0.0; CONTEXT_COUNT];
        let (slopes, loadings) = numbers[3..].split_at((numbers.len() - 3).min(CONTEXT_COUNT));
        copy_prefix(&mut context_slopes, slopes);
        Ok(ItemCalibration {
            easiness: numbers[0],
            ability_slope: numbers[1],
            ability_reference: numbers[2],
            context_slopes,
            loadings: loadings.to_vec(),
        })
    }
}

impl From<ItemCalibration> for Vec<f64> {
    fn from(item: ItemCalibration) -> Self {
        let mut numbers = vec![item.easiness, item.ability_slope, item.ability_reference];
        if item.context_slopes != [0.0; CONTEXT_COUNT] || !item.loadings.is_empty() {
            numbers.extend_from_slice(&item.context_slopes);
        }
        numbers.extend_from_slice(&item.loadings);
        numbers
    }
}

/// The block's parameters by position, for `calibrated_model::predict` and `update`: item `i`
/// of the bank is index `i`, a step's `item#part` entry an index after the bank's items, skill
/// `s` of the bank index `s`. Items and skills missing from the block get 0 everywhere (the
/// model's unknowns), ids of the block not in the bank are left out.
#[derive(Debug, Clone, PartialEq)]
pub struct PositionedCalibration {
    pub parameters: FittedParameters,
    /// The index of each `item#part` entry of the block.
    part_indexes: SortedMap<usize>,
    /// `item_index` of each whole item of the bank, by position (item choice reads it per item).
    whole_item_indexes: Vec<usize>,
}

impl PositionedCalibration {
    /// The parameters of `calibration` laid out for `bank`'s items and skills.
    pub fn new(bank: &Bank, calibration: &BankCalibration) -> PositionedCalibration {
        // The parts' indexes, the learner vector's length and whether any item has context
        // slopes, in one pass over the items (one loop, not three iterator chains).
        let mut part_indexes = SortedMap::new();
        let mut rank = 0;
        let mut any_context_slopes = false;
        for (key, item) in calibration.items.iter() {
            if has_text(key, "#") {
                let index = bank.items.len() + part_indexes.len();
                part_indexes.insert(key.clone(), index);
            }
            rank = rank.max(item.loadings.len());
            any_context_slopes |= item.context_slopes != [0.0; CONTEXT_COUNT];
        }
        let item_count = bank.items.len() + part_indexes.len();
        let skill_count = bank.skills.len();
        let defaults = ModelSettings::default();
        let mut parameters = FittedParameters {
            item_easiness: vec![0.0; item_count],
            item_ability_slope: vec![0.0; item_count],
            item_context_slopes: if any_context_slopes {
                vec![[0.0; CONTEXT_COUNT]; item_count]
            } else {
                Vec::new()
            },
            global_context_slopes: [0.0; CONTEXT_COUNT],
            item_easiness_for_ability: vec![0.0; item_count],
            skill_easiness_for_ability: vec![0.0; skill_count],
            skill_easiness: vec![0.0; skill_count],
            skill_feature_weights: vec![[0.0; SKILL_FEATURE_COUNT]; skill_count],
            global_feature_weights: [0.0; GLOBAL_FEATURE_COUNT],
            // None: the block's item easiness already says what a repeat's outcome told about
            // the item (`calibrated_model::DEFAULT_ITEM_MEMORY_SHIFTS`).
            item_memory_shifts: [0.0; 2],
            item_loadings: vec![0.0; item_count * rank],
            factor_rank: rank,
            settings: ModelSettings {
                ability_step: calibration.settings.ability_step,
                ability_step_decay: calibration.settings.ability_step_decay,
                recent_ability_step: calibration.settings.recent_ability_step,
                ..defaults
            },
        };
        copy_prefix(&mut parameters.global_feature_weights, &calibration.weights);
        let item_positions = IdPositions::new(bank.items.iter().map(|i| i.id.as_str()).collect());
        for (key, item) in calibration.items.iter() {
            let index = match part_indexes.get(key) {
                Some(&index) => Some(index),
                None => item_positions.last(key),
            };
            if let Some(index) = index {
                parameters.item_easiness[index] = item.easiness;
                parameters.item_ability_slope[index] = item.ability_slope;
                parameters.item_easiness_for_ability[index] = item.ability_reference;
                if let Some(slopes) = parameters.item_context_slopes.get_mut(index) {
                    *slopes = item.context_slopes;
                }
                copy_prefix(
                    &mut parameters.item_loadings[index * rank..(index + 1) * rank],
                    &item.loadings,
                );
            }
        }
        for (position, skill) in bank.skills.iter().enumerate() {
            if let Some(fitted) = calibration.skills.get(&skill.id) {
                parameters.skill_easiness[position] = fitted.easiness;
                parameters.skill_easiness_for_ability[position] = fitted.ability_reference;
                copy_prefix(
                    &mut parameters.skill_feature_weights[position],
                    &fitted.weights,
                );
            }
        }
        PositionedCalibration::with_item_indexes(bank, parameters, part_indexes)
    }

    fn with_item_indexes(
        bank: &Bank,
        parameters: FittedParameters,
        part_indexes: SortedMap<usize>,
    ) -> PositionedCalibration {
        let mut positioned = PositionedCalibration {
            parameters,
            part_indexes,
            whole_item_indexes: Vec::new(),
        };
        let mut whole_item_indexes = Vec::with_capacity(bank.items.len());
        for (position, item) in bank.items.iter().enumerate() {
            whole_item_indexes.push(positioned.item_index(&item.id, Some(position)));
        }
        positioned.whole_item_indexes = whole_item_indexes;
        positioned
    }

    /// `item_index` of the whole item at `position` of the bank, without reading its id.
    pub fn whole_item_index(&self, position: usize) -> usize {
        self.whole_item_indexes
            .get(position)
            .copied()
            .unwrap_or(usize::MAX)
    }

    /// The parameters of a bank with no calibration block: the shipped defaults
    /// (`calibrated_model::default_parameters`), with the bank's own difficulties as the items'
    /// easiness (and as what abilities are measured against): a skill gets minus the mean
    /// difficulty of its items (its typical item), an item the rest, and no item memory shifts
    /// (as a calibrated bank). A bank without difficulties gets 0 everywhere, the defaults as
    /// fitted, item memory shifts included. `skills_of_item`: the positions of each item's skills
    /// the bank knows, in the item's order (`IndexedBank`'s, not looked up again here).
    pub fn defaults(
        bank: &Bank,
        reference_difficulty: &[f64],
        skills_of_item: &[Vec<usize>],
    ) -> PositionedCalibration {
        let mut parameters = calibrated_model::default_parameters();
        let skill_easiness: Vec<f64> = reference_difficulty.iter().map(|d| -d).collect();
        let mut item_easiness = Vec::with_capacity(bank.items.len());
        for (item, skills) in bank.items.iter().zip(skills_of_item) {
            // The mean easiness of the item's skills the bank knows (a loop, not `collect`s).
            // -0.0 to start, as std's `sum` of floats does (an item with no known skill).
            let mut sum = -0.0;
            for &s in skills {
                sum += skill_easiness[s];
            }
            item_easiness.push(-item.prior_difficulty() - sum / skills.len().max(1) as f64);
        }
        if item_easiness
            .iter()
            .chain(&skill_easiness)
            .any(|&e| e != 0.0)
        {
            parameters.item_easiness_for_ability = item_easiness.clone();
            parameters.item_easiness = item_easiness;
            parameters.skill_easiness_for_ability = skill_easiness.clone();
            parameters.skill_easiness = skill_easiness;
            parameters.item_memory_shifts = [0.0; 2];
        }
        PositionedCalibration::with_item_indexes(bank, parameters, SortedMap::new())
    }

    /// The index of an answerable part (`key`: the item id, or `item#part`), given the item's
    /// position in the bank; one past every index for a part the block does not know.
    pub fn item_index(&self, key: &str, item_position: Option<usize>) -> usize {
        match self.part_indexes.get(key) {
            Some(&index) => index,
            None if !has_text(key, "#") => item_position.unwrap_or(usize::MAX),
            None => usize::MAX,
        }
    }
}

fn copy_prefix(target: &mut [f64], source: &[f64]) {
    target
        .iter_mut()
        .zip(source)
        .for_each(|(slot, value)| *slot = *value);
}

/// The time taken between two answers when an answer has no time: the widget's evaluation on
/// untimed data (`crates/evaluate`) spaces answers the same way.
pub const SECONDS_BETWEEN_UNTIMED_ANSWERS: f64 = 60.0;

/// One answer of a class, as a report file or an answer log gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassAnswer {
    /// Any name that tells learners apart; a learner's answers come in the order given.
    pub learner: String,
    pub item_id: String,
    /// The part (step) of a multi-step item, from 0; `None` for a whole item.
    pub part: Option<usize>,
    pub correct: bool,
    /// Seconds since any fixed moment; 0 when unknown (then taken as
    /// `SECONDS_BETWEEN_UNTIMED_ANSWERS` after the learner's previous answer, the first at 0).
    pub seconds: f64,
}

impl From<&crate::report::ClassAnswer<'_>> for ClassAnswer {
    /// A report's answer as a calibration reads it: the learner's number as the name (as the
    /// class's answers download, and so `make calibrate`, has it).
    fn from(answer: &crate::report::ClassAnswer<'_>) -> Self {
        ClassAnswer {
            learner: answer.learner.to_string(),
            item_id: answer.item_id.to_owned(),
            part: answer.part.map(|part| part as usize),
            correct: answer.correct,
            seconds: answer.at_seconds as f64,
        }
    }
}

/// What fitting a bank's calibration gave, and what it used.
#[derive(Debug, Clone, PartialEq)]
pub struct FittedCalibration {
    /// The block, or `None` when the class's held-out answers found it no better than the bank
    /// without one (`check`): then the bank is better left without a block.
    pub calibration: Option<BankCalibration>,
    /// The check inside the class (`class_check::check_inside_class`); `None` for a class of
    /// one learner, too few to check (and so no block).
    pub check: Option<ClassCheck>,
    pub used_answers: usize,
    /// Answers of an item (or part) the bank does not have.
    pub skipped_answers: usize,
    pub learners: usize,
    /// Distinct items (or parts) answered.
    pub items: usize,
}

/// Fits the calibration block of `bank` from a class's answers, and keeps it only where it
/// predicts the class's answers better than the bank without a block: maps ids to positions (a
/// step is its own entry `item#part`, practising the step's skills); fits with the shipped
/// defaults' global weights as the prior mean and, for a class of fewer than
/// `SMALL_CLASS_ANSWERS` answers, the stronger priors of `small_class_settings`; checks the fit
/// on held-out learners (`class_check::check_inside_class`); then fits on every learner and
/// rounds every number to `CALIBRATION_DECIMALS`. `settings` are those of a large class
/// (`ModelSettings::default()` for the teacher page and `make calibrate`). `progress(done,
/// total)` is called as the fits advance (`done` never decreases and ends at `total`). `None`
/// when no answer matches a bank item.
pub fn fit_bank_calibration(
    bank: &Bank,
    answers: &[ClassAnswer],
    settings: ModelSettings,
    progress: &mut dyn FnMut(usize, usize),
) -> Option<FittedCalibration> {
    let class = positioned_class(bank, answers)?;
    let used_answers = answers.len() - class.skipped_answers;
    let settings = small_class_settings(settings, used_answers);
    let prior_mean = calibrated_model::default_parameters().global_feature_weights;
    let without_block = class_check::parameters_without_block(bank, &class.item_keys);
    // Progress: the check's fits, then the last fit, each weighing as many units as it has answers.
    let total = 2 * used_answers.max(1);
    let check = class_check::check_inside_class(
        &class.sequences,
        &without_block,
        settings,
        &prior_mean,
        &mut |done, of| progress(done * used_answers / of.max(1), total),
    );
    let keep = check
        .as_ref()
        .is_some_and(ClassCheck::block_predicts_better);
    let calibration = keep.then(|| {
        let parameters = calibrated_model::fit_with_progress(
            &class.sequences,
            settings,
            &prior_mean,
            &mut |done, of| progress(used_answers + done * used_answers / of.max(1), total),
        );
        block_of(bank, &class, &parameters, used_answers)
    });
    progress(total, total);
    Some(FittedCalibration {
        calibration,
        check,
        used_answers,
        skipped_answers: class.skipped_answers,
        learners: class.sequences.len(),
        items: class.item_keys.len(),
    })
}

/// Below this many answers a class is fitted with `small_class_settings`' stronger priors (chosen
/// with `crates/evaluate`'s `small-class` on validation learners; crates/evaluate/README.md,
/// "Small classes").
pub const SMALL_CLASS_ANSWERS: usize = 10_000;

/// The settings a class of `answers` answers is fitted with: `settings`, with every prior
/// precision raised to at least the small-class ones below `SMALL_CLASS_ANSWERS`, so that the
/// fit stays near the shipped defaults (the global weights' prior mean) and near average items
/// and skills where the class says little.
pub fn small_class_settings(settings: ModelSettings, answers: usize) -> ModelSettings {
    if answers >= SMALL_CLASS_ANSWERS {
        return settings;
    }
    ModelSettings {
        item_precision: settings.item_precision.max(10.0),
        item_slope_precision: settings.item_slope_precision.max(100.0),
        item_context_precision: settings.item_context_precision.max(100.0),
        skill_precision: settings.skill_precision.max(10.0),
        skill_weight_precision: settings.skill_weight_precision.max(1_000.0),
        global_precision: settings.global_precision.max(10_000.0),
        ..settings
    }
}

/// A class's answers laid out for `calibrated_model::fit`: one sequence per learner, items by
/// the index of `item_keys` (in the order first answered), skills by bank position.
struct PositionedClass {
    sequences: Vec<Vec<ObservedAnswer>>,
    item_keys: Vec<String>,
    skipped_answers: usize,
}

/// `None` when no answer matches a bank item.
fn positioned_class(bank: &Bank, answers: &[ClassAnswer]) -> Option<PositionedClass> {
    let item_positions = IdPositions::new(bank.items.iter().map(|i| i.id.as_str()).collect());
    let skill_positions = IdPositions::new(bank.skills.iter().map(|s| s.id.as_str()).collect());
    let mut learner_indexes: SortedMap<usize> = SortedMap::new();
    let mut sequences: Vec<Vec<ObservedAnswer>> = Vec::new();
    let mut item_keys: Vec<String> = Vec::new();
    let mut item_indexes: SortedMap<usize> = SortedMap::new();
    let mut skipped_answers = 0;
    for answer in answers {
        let Some(position) = item_positions.last(&answer.item_id) else {
            skipped_answers += 1;
            continue;
        };
        let item = &bank.items[position];
        let parts = item.parts();
        let (key, skills) = match answer.part {
            None => (item.id.clone(), item.skills.as_slice()),
            Some(part) => match parts.get(part) {
                Some(found) if parts.len() > 1 => (format!("{}#{part}", item.id), found.skills),
                Some(_) => (item.id.clone(), item.skills.as_slice()),
                None => {
                    skipped_answers += 1;
                    continue;
                }
            },
        };
        let next_item = item_keys.len();
        let index = *item_indexes.get_or_insert_with(&key, || next_item);
        if index == next_item {
            item_keys.push(key);
        }
        let next_learner = sequences.len();
        let learner = *learner_indexes.get_or_insert_with(&answer.learner, || next_learner);
        if learner == next_learner {
            sequences.push(Vec::new());
        }
        let now = if answer.seconds > 0.0 && answer.seconds.is_finite() {
            answer.seconds
        } else {
            sequences[learner].last().map_or(0.0, |previous| {
                previous.now + SECONDS_BETWEEN_UNTIMED_ANSWERS
            })
        };
        sequences[learner].push(ObservedAnswer {
            item: index,
            skills: skills
                .iter()
                .filter_map(|skill| skill_positions.last(skill))
                .collect(),
            correct: answer.correct,
            now,
        });
    }
    (!item_keys.is_empty()).then_some(PositionedClass {
        sequences,
        item_keys,
        skipped_answers,
    })
}

/// The block of fitted `parameters`, by id, rounded.
fn block_of(
    bank: &Bank,
    class: &PositionedClass,
    parameters: &FittedParameters,
    used_answers: usize,
) -> BankCalibration {
    let settings = parameters.settings;
    let rank = parameters.factor_rank;
    BankCalibration {
        version: if rank > 0 { CALIBRATION_VERSION } else { 1 },
        fitted: CalibrationFitted {
            learners: u32::try_from(class.sequences.len()).unwrap_or(u32::MAX),
            answers: u32::try_from(used_answers).unwrap_or(u32::MAX),
        },
        settings: CalibrationSettings {
            ability_step: round(settings.ability_step),
            ability_step_decay: round(settings.ability_step_decay),
            recent_ability_step: round(settings.recent_ability_step),
        },
        weights: rounded(&parameters.global_feature_weights),
        skills: bank
            .skills
            .iter()
            .enumerate()
            .filter(|(position, _)| *position < parameters.skill_easiness.len())
            .map(|(position, skill)| {
                let fitted = SkillCalibration {
                    easiness: round(parameters.skill_easiness[position]),
                    ability_reference: round(parameters.skill_easiness_for_ability[position]),
                    weights: rounded(&parameters.skill_feature_weights[position]),
                };
                (skill.id.clone(), fitted)
            })
            .collect(),
        items: class
            .item_keys
            .iter()
            .enumerate()
            .map(|(index, key)| {
                let fitted = ItemCalibration {
                    easiness: round(parameters.item_easiness[index]),
                    ability_slope: round(parameters.item_ability_slope[index]),
                    ability_reference: round(parameters.item_easiness_for_ability[index]),
                    context_slopes: item_context_slopes(parameters, index).map(round),
                    loadings: parameters
                        .item_loadings
                        .get(index * rank..(index + 1) * rank)
                        .map_or_else(Vec::new, rounded),
                };
                (key.clone(), fitted)
            })
            .collect(),
    }
}

/// The item's context slopes as the block holds them: its own plus the global ones (the block
/// has no place of its own for those: an item the block lacks gets none).
fn item_context_slopes(parameters: &FittedParameters, index: usize) -> [f64; CONTEXT_COUNT] {
    let own = parameters
        .item_context_slopes
        .get(index)
        .copied()
        .unwrap_or_default();
    std::array::from_fn(|slope| own[slope] + parameters.global_context_slopes[slope])
}

/// A number of the block, rounded to `CALIBRATION_DECIMALS` (and 0 for one that is not finite).
pub fn round(value: f64) -> f64 {
    let scale = 10f64.powi(CALIBRATION_DECIMALS);
    let rounded = (value * scale).round() / scale;
    if rounded.is_finite() && rounded != 0.0 {
        rounded
    } else {
        0.0
    }
}

fn rounded(values: &[f64]) -> Vec<f64> {
    values.iter().copied().map(round).collect()
}

#[cfg(test)]
mod tests;
