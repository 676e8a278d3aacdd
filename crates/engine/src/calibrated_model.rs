//! The calibrated learner model: `predict` and `update`, what runs per answer in the browser, over parameters fitted offline.
//!
//! A logistic model over item easiness and online learner summaries, calibrated on earlier learners
//! (the fitting is in `calibrated_model/fit.rs`). The probability of a correct answer is
//! `sigmoid(logit)` with
//!
//! ```text
//! logit = item_easiness[i] + item_ability_slope[i] * ability_sum
//!       + mean over the item's skills s of (skill_easiness[s] + skill_feature_weights[s] . x_s)
//!       + global_feature_weights . g
//!       + item_memory_shifts[last outcome on item i]   (only when the learner answered i before)
//!       + item_context_slopes[i] . answer_context        (the learner's last answers)
//!       + item_loadings[i] . factor_mean                   (the learner vector, when fitted)
//! ```
//!
//! where `x_s` are per-skill features (log counts, abilities, last three outcomes on the skill), `g`
//! holds the same features averaged over the item's skills plus learner-level ones, and the
//! abilities are Elo-style online estimates measured against a first-stage Rasch calibration.
//! The learner vector (`factor_rank` numbers, prior `N(0, I / FACTOR_PRIOR)`) takes one
//! extended-Kalman step per answer on an item with loadings: with `p` the prediction, `w` the
//! loadings, `S` the covariance, `h = p (1 − p)` and `d = 1 + h wᵀSw`, the mean moves by
//! `S w (y − p) / d` and `S` loses `h (S w)(S w)ᵀ / d` (crates/evaluate/README.md, branches
//! model13f and model13g).
//!
//! The item memory (the learner's last outcome on the same item) is not in `LearnerState`: the
//! caller keeps it per item (the widget in `model::ItemRecord::last_correct`, saved with the
//! progress) and passes it to `predict`.

use serde::{Deserialize, Serialize};

use crate::math::{dot, sigmoid};

mod defaults;
mod factors;
mod fit;
#[cfg(test)]
mod tests;

pub use defaults::{default_parameters, DEFAULT_GLOBAL_CONTEXT_SLOPES, DEFAULT_ITEM_MEMORY_SHIFTS};
pub use fit::{
    fit, fit_defaults, fit_item_memory_shifts, fit_with_global_prior, fit_with_progress,
};

/// One answer of a learner, as the fitting sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct ObservedAnswer {
    pub item: usize,
    pub skills: Vec<usize>,
    pub correct: bool,
    /// Seconds; 0 when unknown.
    pub now: f64,
}

/// What a bank carries after calibration. Items and skills unknown at calibration get 0 everywhere,
/// which makes an unknown item an average item of its skills and an unknown skill an average skill.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FittedParameters {
    pub item_easiness: Vec<f64>,
    /// Extra weight of the learner's ability (overall plus skill) on each item.
    pub item_ability_slope: Vec<f64>,
    /// Each item's weights on the learner's last answers (`answer_context`); empty, or an item
    /// missing, for none.
    #[serde(default)]
    pub item_context_slopes: Vec<[f64; CONTEXT_COUNT]>,
    /// The weights on the learner's last answers shared by every item, added to the item's own
    /// (`item_context_slopes`, which the fit shrinks towards 0: towards these). A calibration
    /// block holds them added to each item's slopes (`bank_calibration::block_of`), the defaults
    /// of a bank with no block as `DEFAULT_GLOBAL_CONTEXT_SLOPES`.
    #[serde(default)]
    pub global_context_slopes: [f64; CONTEXT_COUNT],
    /// First-stage (Rasch) easiness, the reference that turns answers into ability estimates: the
    /// item's own part here, the skill part in `skill_easiness_for_ability`.
    pub item_easiness_for_ability: Vec<f64>,
    pub skill_easiness_for_ability: Vec<f64>,
    pub skill_easiness: Vec<f64>,
    pub skill_feature_weights: Vec<[f64; SKILL_FEATURE_COUNT]>,
    pub global_feature_weights: [f64; GLOBAL_FEATURE_COUNT],
    /// Shift of the logit when the learner answered the same item before, by the last outcome
    /// there (index 0: wrong, 1: right): the item memory, fitted by `fit_item_memory_shifts`.
    /// Only the defaults of a bank that knows no item have it (`DEFAULT_ITEM_MEMORY_SHIFTS`); 0
    /// where the items' easiness is known (`fit`, a calibration block, a bank's difficulties).
    #[serde(default)]
    pub item_memory_shifts: [f64; 2],
    /// Each item's loadings on the learner vector, `factor_rank` numbers an item one after the
    /// other; empty (or an item missing) for none.
    #[serde(default)]
    pub item_loadings: Vec<f64>,
    /// The learner vector's length (0: no learner vector).
    #[serde(default)]
    pub factor_rank: usize,
    pub settings: ModelSettings,
}

impl FittedParameters {
    /// Whether a repeated item's prediction reads the learner's last outcome there (any shift
    /// not 0): only the defaults of a bank that knows no item.
    pub fn has_item_memory(&self) -> bool {
        self.item_memory_shifts != [0.0; 2]
    }

    /// Parameters with global feature weights (and item memory shifts) only: every item and
    /// skill unknown (0), as in a bank with no calibration.
    pub fn global_only(
        global_feature_weights: [f64; GLOBAL_FEATURE_COUNT],
        item_memory_shifts: [f64; 2],
        settings: ModelSettings,
    ) -> FittedParameters {
        FittedParameters {
            item_easiness: Vec::new(),
            item_ability_slope: Vec::new(),
            item_context_slopes: Vec::new(),
            global_context_slopes: [0.0; CONTEXT_COUNT],
            item_easiness_for_ability: Vec::new(),
            skill_easiness_for_ability: Vec::new(),
            skill_easiness: Vec::new(),
            skill_feature_weights: Vec::new(),
            global_feature_weights,
            item_memory_shifts,
            item_loadings: Vec::new(),
            factor_rank: 0,
            settings,
        }
    }

    /// The loadings of `item` on the learner vector, `None` for an item without.
    fn loadings(&self, item: usize) -> Option<&[f64]> {
        let start = item.checked_mul(self.factor_rank)?;
        let loadings = self.item_loadings.get(start..start + self.factor_rank)?;
        (!loadings.is_empty()).then_some(loadings)
    }

    /// The learner vector's part of the logit of `item`.
    fn factor_term(&self, factor_mean: &[f64], item: usize) -> f64 {
        self.loadings(item)
            .map_or(0.0, |loadings| dot(loadings, factor_mean))
    }
}

/// Prior precision of the learner vector (chosen on validation learners: crates/evaluate/README.md,
/// branch model13g).
pub const FACTOR_PRIOR: f64 = 3.0;

/// Hyperparameters of the online estimates and of the calibration (chosen on a validation split
/// of the training learners; precisions are those of zero-mean normal priors on the weights).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelSettings {
    /// Ability step after n answers: `ability_step / (1 + ability_step_decay * n)`.
    pub ability_step: f64,
    pub ability_step_decay: f64,
    /// Constant step of the recent abilities, which follow the last answers.
    pub recent_ability_step: f64,
    pub item_precision: f64,
    pub item_slope_precision: f64,
    pub skill_precision: f64,
    pub skill_weight_precision: f64,
    pub global_precision: f64,
    pub optimizer_iterations: usize,
    /// Folds of training learners for cross-fitting the first stage (1: no cross-fitting).
    pub cross_fit_folds: usize,
    /// Prior precision of the items' context slopes (0: none fitted).
    #[serde(default)]
    pub item_context_precision: f64,
    /// Prior precision of the global context slopes (0: none fitted; settings saved before them
    /// read as 0).
    #[serde(default)]
    pub global_context_precision: f64,
    /// Length of the learner vector the fit gives the items loadings on (0: none).
    #[serde(default)]
    pub factor_rank: usize,
    /// Prior precision of the items' loadings.
    #[serde(default)]
    pub factor_precision: f64,
}

impl Default for ModelSettings {
    fn default() -> Self {
        ModelSettings {
            ability_step: 0.8,
            ability_step_decay: 0.05,
            recent_ability_step: 0.3,
            item_precision: 1.0,
            item_slope_precision: 10.0,
            skill_precision: 0.1,
            skill_weight_precision: 100.0,
            global_precision: 0.01,
            optimizer_iterations: 300,
            cross_fit_folds: 5,
            item_context_precision: 10.0,
            global_context_precision: 0.01,
            factor_rank: 16,
            factor_precision: 3.0,
        }
    }
}

/// What the model remembers of one skill, or of all practice (`LearnerState::overall`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PracticeSummary {
    pub attempts: f64,
    pub successes: f64,
    pub ability: f64,
    pub recent_ability: f64,
    /// Last outcomes, the most recent in bit 0 (1 = correct); `attempts` says how many are real.
    pub recent_outcome_bits: u8,
    /// Length of the current run of equal outcomes: positive when correct, negative when wrong.
    pub current_run: f64,
    pub last_practice_time: f64,
}

/// The state of one learner: fixed-size summaries per skill and overall, no answer history.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LearnerState {
    pub overall: PracticeSummary,
    /// Indexed by skill; grows to the largest skill practised.
    pub skills: Vec<PracticeSummary>,
    /// The learner vector's mean, and its covariance row by row: both empty (the prior) until
    /// the first answer on an item with loadings.
    #[serde(default)]
    pub factor_mean: Vec<f64>,
    #[serde(default)]
    pub factor_covariance: Vec<f64>,
}

/// Per-skill features: ln(1+attempts), ln(1+successes), ln(1+failures) on the skill, skill ability,
/// overall ability, and the last (up to) three outcomes on the skill as one of 15 indicators.
pub const SKILL_FEATURE_COUNT: usize = 5 + PATTERN_COUNT;
/// Skill-level features with global weights only: the two current runs, recent ability, log hours
/// since the skill was last practised (0 without timestamps).
const SKILL_BLOCK_LENGTH: usize = SKILL_FEATURE_COUNT + 4;
/// Learner-level features: bias, three log counts, the two current runs, recent ability.
const OVERALL_BLOCK_LENGTH: usize = 7;
pub const GLOBAL_FEATURE_COUNT: usize = SKILL_BLOCK_LENGTH + OVERALL_BLOCK_LENGTH;
const PATTERN_COUNT: usize = 15;
const BIAS_FEATURE: usize = SKILL_BLOCK_LENGTH;

/// The probability that the learner answers `item` (practising `skills`) correctly at time `now`;
/// `last_outcome` is the learner's last outcome on that item (`None`: never answered it).
pub fn predict(
    parameters: &FittedParameters,
    state: &LearnerState,
    item: usize,
    skills: &[usize],
    now: f64,
    last_outcome: Option<bool>,
) -> f64 {
    let (skill_weights, overall_weights) = parameters
        .global_feature_weights
        .split_at(SKILL_BLOCK_LENGTH);
    let skill_share = 1.0 / skills.len().max(1) as f64;
    let (mut logit, mut ability_sum, mut last_on_skills) = (0.0, 0.0, 0.0);
    for &skill in skills {
        let term = skill_term(
            parameters,
            skill,
            &skill_block(state, skill, now),
            skill_weights,
            state,
        );
        logit += term.logit;
        ability_sum += term.ability;
        last_on_skills += term.last_outcome;
    }
    let overall = dot(overall_weights, &overall_block(&state.overall));
    let context = answer_context(&state.overall, skill_share * last_on_skills);
    let learner = overall
        + item_memory_shift(parameters, last_outcome)
        + context_term(parameters, item, &context)
        + parameters.factor_term(&state.factor_mean, item);
    item_probability(parameters, item, skill_share, logit, ability_sum, learner)
}

/// The learner's last answers as the items' context slopes read them: the last answer, the one
/// before (any item), the mean over the item's skills of the last answer there
/// (`last_on_skills`), the third and fourth last answers; each +1/2 right, −1/2 wrong, 0 none.
/// An item answered in steps (or a problem's steps as items) depends on how the steps just
/// before went: the slopes say how much, item by item.
pub fn answer_context(overall: &PracticeSummary, last_on_skills: f64) -> [f64; CONTEXT_COUNT] {
    [
        last_outcome_value(overall, 0),
        last_outcome_value(overall, 1),
        last_on_skills,
        last_outcome_value(overall, 2),
        last_outcome_value(overall, 3),
    ]
}

/// How many last answers the items' context slopes read (`answer_context`).
pub const CONTEXT_COUNT: usize = 5;

/// The outcome `back` answers before the next one: +1/2 right, −1/2 wrong, 0 none.
fn last_outcome_value(summary: &PracticeSummary, back: u32) -> f64 {
    if summary.attempts <= f64::from(back) {
        0.0
    } else if (summary.recent_outcome_bits >> back) & 1 == 1 {
        0.5
    } else {
        -0.5
    }
}

/// The last outcome on `skill` as `answer_context` reads it.
fn last_skill_outcome(state: &LearnerState, skill: usize) -> f64 {
    state
        .skills
        .get(skill)
        .map_or(0.0, |summary| last_outcome_value(summary, 0))
}

/// The index of a skill's typical item, whose prediction is the skill's mastery estimate: an
/// item the parameters do not know, an average item of its skills, with no context term. The
/// context slopes say how the next answer follows the last ones (a step after the steps before
/// it); a mastery estimate is the skill's level, and a run of right answers must not raise it
/// beyond what the skill's own evidence says (with the shared slopes in the defaults it did:
/// `make simulate`, `growth` item-types false mastery 3.7% → 5.8%).
pub const TYPICAL_ITEM: usize = usize::MAX;

/// The item's context slopes and the global ones times the learner's context; none for the
/// typical item.
fn context_term(parameters: &FittedParameters, item: usize, context: &[f64; CONTEXT_COUNT]) -> f64 {
    if item == TYPICAL_ITEM {
        return 0.0;
    }
    let item_part = parameters
        .item_context_slopes
        .get(item)
        .map_or(0.0, |slopes| dot(slopes, context));
    item_part + dot(&parameters.global_context_slopes, context)
}

/// The item memory's part of the logit: the shift for the last outcome on the item, 0 for an
/// item never answered.
pub fn item_memory_shift(parameters: &FittedParameters, last_outcome: Option<bool>) -> f64 {
    last_outcome.map_or(0.0, |correct| {
        parameters.item_memory_shifts[usize::from(correct)]
    })
}

/// The probability from the sums over an item's skills of their terms and the learner's part
/// (its overall terms and item memory).
fn item_probability(
    parameters: &FittedParameters,
    item: usize,
    skill_share: f64,
    skill_logit_sum: f64,
    ability_sum: f64,
    overall: f64,
) -> f64 {
    let easiness = parameters.item_easiness.get(item).copied().unwrap_or(0.0);
    let slope = parameters
        .item_ability_slope
        .get(item)
        .copied()
        .unwrap_or(0.0);
    sigmoid(easiness + skill_share * (skill_logit_sum + slope * ability_sum) + overall)
}

/// Records an answer in the learner state.
pub fn update(
    parameters: &FittedParameters,
    state: &mut LearnerState,
    item: usize,
    skills: &[usize],
    correct: bool,
    now: f64,
) {
    let settings = &parameters.settings;
    let skill_share = 1.0 / skills.len().max(1) as f64;
    // Summed from −0.0 as std's `sum` of floats is, in a loop.
    let mut skill_part = -0.0;
    for &skill in skills {
        skill_part += skill_share
            * parameters
                .skill_easiness_for_ability
                .get(skill)
                .copied()
                .unwrap_or(0.0);
    }
    let reference_easiness = parameters
        .item_easiness_for_ability
        .get(item)
        .copied()
        .unwrap_or(0.0)
        + skill_part;
    let outcome = outcome_value(correct);
    if let Some(loadings) = parameters.loadings(item) {
        let probability = predict(parameters, state, item, skills, now, None);
        observe_factors(state, loadings, probability, outcome);
    }
    let overall_ability = state.overall.ability;
    for &skill in skills {
        if state.skills.len() <= skill {
            state.skills.resize(skill + 1, PracticeSummary::default());
        }
        let summary = &mut state.skills[skill];
        let residual = outcome - sigmoid(overall_ability + summary.ability + reference_easiness);
        let recent_residual = outcome - sigmoid(summary.recent_ability + reference_easiness);
        record_outcome(summary, residual, recent_residual, correct, now, settings);
    }
    let overall = &mut state.overall;
    let residual = outcome - sigmoid(overall.ability + reference_easiness);
    let recent_residual = outcome - sigmoid(overall.recent_ability + reference_easiness);
    record_outcome(overall, residual, recent_residual, correct, now, settings);
}

/// One extended-Kalman step of the learner vector after an answer (`outcome` 1 right, 0 wrong)
/// to an item with `loadings`, predicted with `probability`.
fn observe_factors(state: &mut LearnerState, loadings: &[f64], probability: f64, outcome: f64) {
    let rank = loadings.len();
    if state.factor_mean.len() != rank {
        state.factor_mean = vec![0.0; rank];
        // The prior covariance, I / FACTOR_PRIOR (loops here, not `map` and `collect`).
        state.factor_covariance = vec![0.0; rank * rank];
        for diagonal in 0..rank {
            state.factor_covariance[diagonal * (rank + 1)] = 1.0 / FACTOR_PRIOR;
        }
    }
    let mut spread = Vec::with_capacity(rank);
    for row in state.factor_covariance.chunks(rank) {
        spread.push(dot(row, loadings));
    }
    let curvature = probability * (1.0 - probability);
    let denominator = 1.0 + curvature * dot(loadings, &spread);
    for (row, &spread_row) in spread.iter().enumerate() {
        state.factor_mean[row] += spread_row * (outcome - probability) / denominator;
        for (column, &spread_column) in spread.iter().enumerate() {
            state.factor_covariance[row * rank + column] -=
                curvature * spread_row * spread_column / denominator;
        }
    }
}

/// What one skill adds to the logit of any item practising it (before the mean over the item's
/// skills), and its part of the ability that an item's slope multiplies.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SkillTerm {
    pub logit: f64,
    pub ability: f64,
    /// The last outcome on the skill (+1/2 right, −1/2 wrong, 0 none), for the context slopes.
    pub last_outcome: f64,
}

/// A learner's terms at one moment: what `predict` computes per skill and for the learner,
/// computed once so that scoring many items costs a few additions each (item choice).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LearnerTerms {
    /// One per skill index, below the `skill_count` given to `learner_terms`.
    pub skills: Vec<SkillTerm>,
    /// The learner-level part of the logit (bias, overall counts, runs, recent ability).
    pub overall: f64,
    /// The learner's overall summary, for the context slopes (`answer_context`).
    pub overall_summary: PracticeSummary,
    /// The learner vector's mean (`LearnerState::factor_mean`).
    pub factor_mean: Vec<f64>,
}

/// The terms of every skill index below `skill_count` and of the learner, at `now`.
pub fn learner_terms(
    parameters: &FittedParameters,
    state: &LearnerState,
    skill_count: usize,
    now: f64,
) -> LearnerTerms {
    let (skill_weights, overall_weights) = parameters
        .global_feature_weights
        .split_at(SKILL_BLOCK_LENGTH);
    let mut skills = Vec::with_capacity(skill_count);
    for skill in 0..skill_count {
        let block = skill_block(state, skill, now);
        skills.push(skill_term(parameters, skill, &block, skill_weights, state));
    }
    LearnerTerms {
        skills,
        overall: dot(overall_weights, &overall_block(&state.overall)),
        overall_summary: state.overall,
        factor_mean: state.factor_mean.clone(),
    }
}

/// `predict` from the learner's terms: the same probability, with no feature computed.
pub fn predict_from_terms(
    parameters: &FittedParameters,
    terms: &LearnerTerms,
    item: usize,
    skills: &[usize],
    last_outcome: Option<bool>,
) -> f64 {
    let skill_share = 1.0 / skills.len().max(1) as f64;
    let (mut logit, mut ability_sum, mut last_on_skills) = (0.0, 0.0, 0.0);
    for &skill in skills {
        let term = terms.skills.get(skill).copied().unwrap_or_default();
        logit += term.logit;
        ability_sum += term.ability;
        last_on_skills += term.last_outcome;
    }
    let context = answer_context(&terms.overall_summary, skill_share * last_on_skills);
    item_probability(
        parameters,
        item,
        skill_share,
        logit,
        ability_sum,
        terms.overall
            + item_memory_shift(parameters, last_outcome)
            + context_term(parameters, item, &context)
            + parameters.factor_term(&terms.factor_mean, item),
    )
}

/// A skill's term from its feature block.
fn skill_term(
    parameters: &FittedParameters,
    skill: usize,
    block: &[f64; SKILL_BLOCK_LENGTH],
    global_skill_weights: &[f64],
    state: &LearnerState,
) -> SkillTerm {
    let skill_features = &block[..SKILL_FEATURE_COUNT];
    let mut logit = parameters.skill_easiness.get(skill).copied().unwrap_or(0.0)
        + dot(global_skill_weights, block);
    if let Some(weights) = parameters.skill_feature_weights.get(skill) {
        logit += dot(weights, skill_features);
    }
    SkillTerm {
        logit,
        ability: skill_features[3] + skill_features[4],
        last_outcome: last_skill_outcome(state, skill),
    }
}

/// The global features of an answer; `each_skill` also sees each skill's per-skill features.
fn answer_features(
    state: &LearnerState,
    skills: &[usize],
    now: f64,
    mut each_skill: impl FnMut(usize, &[f64; SKILL_FEATURE_COUNT]),
) -> [f64; GLOBAL_FEATURE_COUNT] {
    let mut features = [0.0; GLOBAL_FEATURE_COUNT];
    let skill_share = 1.0 / skills.len().max(1) as f64;
    for &skill in skills {
        let block = skill_block(state, skill, now);
        let mut skill_features = [0.0; SKILL_FEATURE_COUNT];
        skill_features.copy_from_slice(&block[..SKILL_FEATURE_COUNT]);
        each_skill(skill, &skill_features);
        features[..SKILL_BLOCK_LENGTH]
            .iter_mut()
            .zip(&block)
            .for_each(|(slot, value)| *slot += skill_share * value);
    }
    features[SKILL_BLOCK_LENGTH..].copy_from_slice(&overall_block(&state.overall));
    features
}

/// The skill-level features of one skill: its per-skill features, then the rest.
fn skill_block(state: &LearnerState, skill: usize, now: f64) -> [f64; SKILL_BLOCK_LENGTH] {
    let overall = &state.overall;
    let summary = state.skills.get(skill).copied().unwrap_or_default();
    let mut block = [0.0; SKILL_BLOCK_LENGTH];
    block[..3].copy_from_slice(&log_counts(&summary));
    block[3] = summary.ability;
    block[4] = overall.ability;
    block[5 + outcome_pattern(&summary)] = 1.0;
    let rest = &mut block[SKILL_FEATURE_COUNT..];
    rest[..2].copy_from_slice(&log_runs(&summary));
    rest[2] = summary.recent_ability;
    if summary.attempts > 0.0 && now > summary.last_practice_time {
        rest[3] = ((now - summary.last_practice_time) / 3600.0).ln_1p();
    }
    block
}

/// The learner-level features: bias, three log counts, the two runs, recent ability.
fn overall_block(overall: &PracticeSummary) -> [f64; OVERALL_BLOCK_LENGTH] {
    let mut block = [0.0; OVERALL_BLOCK_LENGTH];
    block[0] = 1.0;
    block[1..4].copy_from_slice(&log_counts(overall));
    block[4..6].copy_from_slice(&log_runs(overall));
    block[6] = overall.recent_ability;
    block
}

fn record_outcome(
    summary: &mut PracticeSummary,
    residual: f64,
    recent_residual: f64,
    correct: bool,
    now: f64,
    settings: &ModelSettings,
) {
    summary.ability +=
        settings.ability_step / (1.0 + settings.ability_step_decay * summary.attempts) * residual;
    summary.recent_ability += settings.recent_ability_step * recent_residual;
    summary.attempts += 1.0;
    summary.successes += outcome_value(correct);
    summary.recent_outcome_bits = (summary.recent_outcome_bits << 1) | u8::from(correct);
    summary.current_run = match (correct, summary.current_run > 0.0) {
        (true, true) => summary.current_run + 1.0,
        (true, false) => 1.0,
        (false, true) => -1.0,
        (false, false) => summary.current_run - 1.0,
    };
    summary.last_practice_time = now;
}

fn log_counts(summary: &PracticeSummary) -> [f64; 3] {
    [
        summary.attempts.ln_1p(),
        summary.successes.ln_1p(),
        (summary.attempts - summary.successes).ln_1p(),
    ]
}

fn log_runs(summary: &PracticeSummary) -> [f64; 2] {
    [
        summary.current_run.max(0.0).ln_1p(),
        (-summary.current_run).max(0.0).ln_1p(),
    ]
}

/// Index of the last (up to three) outcomes: 0 for none, then 1-2, 3-6, 7-14 by length.
fn outcome_pattern(summary: &PracticeSummary) -> usize {
    let known = summary.attempts.min(3.0) as usize;
    (1 << known) - 1 + (summary.recent_outcome_bits as usize & ((1 << known) - 1))
}

fn outcome_value(correct: bool) -> f64 {
    if correct {
        1.0
    } else {
        0.0
    }
}
