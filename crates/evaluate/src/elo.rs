//! Two-level Elo (Pelánek 2016, "Applications of the Elo rating system in adaptive educational
//! systems"): a global learner ability plus one ability per skill, and an item difficulty.
//!
//! `P(correct) = sigmoid(θ + mean over the item's skills s of θ_s − d_i)`. After an answer with
//! error `e = correct − P`, each estimate moves by the standard uncertainty function
//! `K / (1 + b·n)`, where `n` counts that estimate's earlier updates: `θ += K_g/(1+b_g·n_g)·e`,
//! `θ_s += K_s/(1+b_s·n_s)·e` for each skill of the item. Item difficulties come from one pass
//! over the train learners in file order (`d_i −= K_i/(1+b_i·n_i)·e`, the learners' abilities
//! moving as above) and stay fixed on test learners; an item the train file lacks has `d = 0`.
//! `elo-uncalibrated` is the same learner side with every `d = 0` (nothing fitted on train).
//! Every test learner starts at `θ = θ_s = 0`: nothing is carried from one learner to the next.
//!
//! The constants were chosen on the validation split of both shared train files
//! (`evaluate tune-elo`; crates/evaluate/README.md, "Two-level Elo").

use adaptive_practice_engine::calibrated_model::ObservedAnswer;
use adaptive_practice_engine::math::sigmoid;

use crate::dataset::Dataset;
use crate::metrics::area_under_roc_curve;
use crate::replay::{replay_learners, OnlineModel};

/// The constants of two-level Elo: the step `K / (1 + b·n)` of each kind of estimate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EloSettings {
    /// `K_g`, `b_g`: the learner's global ability.
    pub global_step: f64,
    pub global_step_decay: f64,
    /// `K_s`, `b_s`: the learner's ability on one skill.
    pub skill_step: f64,
    pub skill_step_decay: f64,
    /// `K_i`, `b_i`: an item's difficulty, on train only.
    pub item_step: f64,
    pub item_step_decay: f64,
}

/// `elo`: chosen by `evaluate tune-elo` on the validation split of statics_train.tsv and
/// assistments09_train.tsv (mean of the two validation AUCs).
pub const ELO_SETTINGS: EloSettings = EloSettings {
    global_step: 0.8,
    global_step_decay: 0.05,
    skill_step: 0.3,
    skill_step_decay: 0.01,
    item_step: 1.0,
    item_step_decay: 0.1,
};

/// `elo-uncalibrated`: chosen the same way with every item difficulty 0 (the item constants
/// play no part).
pub const UNCALIBRATED_ELO_SETTINGS: EloSettings = EloSettings {
    global_step: 1.0,
    global_step_decay: 0.02,
    skill_step: 0.8,
    skill_step_decay: 0.0,
    item_step: 0.0,
    item_step_decay: 0.0,
};

fn step(base: f64, decay: f64, count: f64) -> f64 {
    base / (1.0 + decay * count)
}

/// Two-level Elo as an online model: the train-fitted item difficulties and the current learner.
pub struct TwoLevelElo {
    settings: EloSettings,
    pub item_difficulty: Vec<f64>,
    global_ability: f64,
    global_count: f64,
    /// Per skill: (ability, updates so far); grown on demand.
    skills: Vec<(f64, f64)>,
}

impl TwoLevelElo {
    /// No item difficulties (all 0): `elo-uncalibrated`, or the start of the train pass.
    pub fn uncalibrated(settings: EloSettings) -> TwoLevelElo {
        TwoLevelElo {
            settings,
            item_difficulty: Vec::new(),
            global_ability: 0.0,
            global_count: 0.0,
            skills: Vec::new(),
        }
    }

    fn logit(&self, item: usize, skills: &[usize]) -> f64 {
        let skill_part = if skills.is_empty() {
            0.0
        } else {
            skills
                .iter()
                .map(|&skill| self.skills.get(skill).map_or(0.0, |entry| entry.0))
                .sum::<f64>()
                / skills.len() as f64
        };
        self.global_ability + skill_part - self.item_difficulty.get(item).copied().unwrap_or(0.0)
    }

    /// Moves the learner's estimates by the error `error`.
    fn update_learner(&mut self, skills: &[usize], error: f64) {
        let settings = self.settings;
        self.global_ability += step(
            settings.global_step,
            settings.global_step_decay,
            self.global_count,
        ) * error;
        self.global_count += 1.0;
        for &skill in skills {
            if self.skills.len() <= skill {
                self.skills.resize(skill + 1, (0.0, 0.0));
            }
            let (ability, count) = &mut self.skills[skill];
            *ability += step(settings.skill_step, settings.skill_step_decay, *count) * error;
            *count += 1.0;
        }
    }
}

/// Fits item difficulties by one pass over the train learners, in file order.
pub fn fit_two_level_elo(
    learner_sequences: &[Vec<ObservedAnswer>],
    settings: EloSettings,
) -> TwoLevelElo {
    let item_count = learner_sequences
        .iter()
        .flatten()
        .map(|answer| answer.item + 1)
        .max()
        .unwrap_or(0);
    let mut model = TwoLevelElo::uncalibrated(settings);
    model.item_difficulty = vec![0.0; item_count];
    let mut item_count_so_far = vec![0.0; item_count];
    for sequence in learner_sequences {
        model.start_learner();
        for answer in sequence {
            let error = f64::from(u8::from(answer.correct))
                - sigmoid(model.logit(answer.item, &answer.skills));
            model.update_learner(&answer.skills, error);
            let count = &mut item_count_so_far[answer.item];
            model.item_difficulty[answer.item] -=
                step(settings.item_step, settings.item_step_decay, *count) * error;
            *count += 1.0;
        }
    }
    model.start_learner();
    model
}

impl OnlineModel for TwoLevelElo {
    fn start_learner(&mut self) {
        self.global_ability = 0.0;
        self.global_count = 0.0;
        self.skills.iter_mut().for_each(|entry| *entry = (0.0, 0.0));
    }
    fn predict(&self, item: usize, skills: &[usize], _now: f64) -> f64 {
        sigmoid(self.logit(item, skills))
    }
    fn update(&mut self, item: usize, skills: &[usize], correct: bool, _now: f64) {
        let error = f64::from(u8::from(correct)) - sigmoid(self.logit(item, skills));
        self.update_learner(skills, error);
    }
}

/// One train file split for validation: the fit-train learners' sequences and the validation
/// learners.
pub struct ValidationPair {
    pub name: String,
    pub fit_train: Vec<Vec<ObservedAnswer>>,
    pub validation: Dataset,
}

/// The validation AUC of two-level Elo with `settings` (item difficulties fitted on fit-train
/// when `calibrated`, all 0 otherwise).
pub fn validation_auc(pair: &ValidationPair, settings: EloSettings, calibrated: bool) -> f64 {
    let mut model = if calibrated {
        fit_two_level_elo(&pair.fit_train, settings)
    } else {
        TwoLevelElo::uncalibrated(settings)
    };
    let outcome = replay_learners(&mut model, &pair.validation);
    area_under_roc_curve(&outcome.predictions, &outcome.outcomes).unwrap_or(0.5)
}

/// The values each constant is tried at.
pub const STEP_GRID: [f64; 12] = [0.0, 0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0, 1.2, 1.6, 2.0, 3.0];
pub const STEP_DECAY_GRID: [f64; 9] = [0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0];

/// Coordinate search: starting from `start`, each constant in turn is set to the grid value
/// that maximizes the mean validation AUC over `pairs` (the others held), until a whole round
/// changes nothing (at most 6 rounds). Ties keep the current value. Prints each round to
/// `report`. Answers the chosen settings and their mean AUC.
pub fn tune(
    pairs: &[ValidationPair],
    start: EloSettings,
    calibrated: bool,
    report: &mut dyn FnMut(String),
) -> (EloSettings, f64) {
    let mean_auc = |settings: EloSettings| {
        pairs
            .iter()
            .map(|pair| validation_auc(pair, settings, calibrated))
            .sum::<f64>()
            / pairs.len().max(1) as f64
    };
    let mut best = start;
    let mut best_auc = mean_auc(best);
    report(format!("start {best:?}: mean validation AUC {best_auc:.5}"));
    let coordinate_count = if calibrated { 6 } else { 4 };
    for round in 1..=6 {
        let before = best;
        for coordinate in 0..coordinate_count {
            let grid: &[f64] = if coordinate % 2 == 0 {
                &STEP_GRID
            } else {
                &STEP_DECAY_GRID
            };
            for &value in grid {
                let mut candidate = best;
                *slot(&mut candidate, coordinate) = value;
                if candidate == best {
                    continue;
                }
                let auc = mean_auc(candidate);
                if auc > best_auc + 1e-9 {
                    best = candidate;
                    best_auc = auc;
                }
            }
        }
        report(format!(
            "round {round}: {best:?}: mean validation AUC {best_auc:.5}"
        ));
        if best == before {
            break;
        }
    }
    (best, best_auc)
}

fn slot(settings: &mut EloSettings, coordinate: usize) -> &mut f64 {
    match coordinate {
        0 => &mut settings.global_step,
        1 => &mut settings.global_step_decay,
        2 => &mut settings.skill_step,
        3 => &mut settings.skill_step_decay,
        4 => &mut settings.item_step,
        _ => &mut settings.item_step_decay,
    }
}
