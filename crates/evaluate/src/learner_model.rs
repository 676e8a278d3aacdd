//! The learner model: a logistic model over item easiness and online learner features, fitted on earlier learners.

// Self-contained on purpose (std only): this file is meant to move into the engine crate as is.

/// One answer of a learner, as the fitting sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct ObservedAnswer {
    pub item: usize,
    pub skills: Vec<usize>,
    pub correct: bool,
    /// Seconds; 0 when unknown.
    pub now: f64,
}

/// What a bank carries after calibration on earlier learners.
#[derive(Clone, Debug, PartialEq)]
pub struct FittedParameters {
    /// Logit offset of each item (0 for an item unknown at calibration: an average item of its skills).
    pub item_easiness: Vec<f64>,
    /// Item easiness of the first stage, used to turn answers into online ability estimates.
    pub item_easiness_for_ability: Vec<f64>,
    pub skill_easiness: Vec<f64>,
    /// `SKILL_FEATURE_COUNT` weights per skill, added to the global weights of the same features.
    pub skill_feature_weights: Vec<[f64; SKILL_FEATURE_COUNT]>,
    pub global_feature_weights: [f64; GLOBAL_FEATURE_COUNT],
    pub settings: ModelSettings,
}

/// Hyperparameters of fitting and of the online ability estimates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ModelSettings {
    pub ability_step: f64,
    pub ability_step_decay: f64,
    pub fast_decay: f64,
    pub slow_decay: f64,
    pub item_precision: f64,
    pub skill_precision: f64,
    pub skill_weight_precision: f64,
    pub global_precision: f64,
    pub optimizer_iterations: usize,
}

impl Default for ModelSettings {
    fn default() -> Self {
        ModelSettings {
            ability_step: 0.8,
            ability_step_decay: 0.05,
            fast_decay: 0.6,
            slow_decay: 0.9,
            item_precision: 1.0,
            skill_precision: 0.1,
            skill_weight_precision: 1.0,
            global_precision: 0.01,
            optimizer_iterations: 300,
        }
    }
}

/// What the model remembers of one skill (or of all practice, for `overall`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PracticeSummary {
    pub attempts: f64,
    pub successes: f64,
    pub ability: f64,
    pub fast_decayed_successes: f64,
    pub fast_decayed_failures: f64,
    pub slow_decayed_successes: f64,
    pub slow_decayed_failures: f64,
    /// Last outcomes, most recent in bit 0 (1 = correct); `attempts` says how many bits are real.
    pub recent_outcome_bits: u8,
    /// Length of the current run of equal outcomes: positive for correct, negative for wrong.
    pub current_run: f64,
    pub last_practice_time: f64,
}

/// The state of one learner: small fixed-size summaries, no answer history.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LearnerState {
    pub overall: PracticeSummary,
    /// Indexed by skill; grows to the largest skill practised.
    pub skills: Vec<PracticeSummary>,
}

/// Features weighted per skill: ln(1+attempts), ln(1+successes), ln(1+failures) on the skill,
/// skill ability, overall ability, and the pattern of the last (up to) three outcomes on the skill.
pub const SKILL_FEATURE_COUNT: usize = 5 + PATTERN_COUNT;
/// Skill-level features with global weights only (averaged over the item's skills).
const SKILL_BLOCK_LENGTH: usize = SKILL_FEATURE_COUNT + 9;
/// Learner-level features: bias, counts, decayed counts, runs, success ratio, pattern, interaction.
const OVERALL_BLOCK_LENGTH: usize = 10 + PATTERN_COUNT;
pub const GLOBAL_FEATURE_COUNT: usize = SKILL_BLOCK_LENGTH + OVERALL_BLOCK_LENGTH;
const PATTERN_COUNT: usize = 15;

/// The probability that the learner answers `item` (practising `skills`) correctly at time `now`.
pub fn predict(parameters: &FittedParameters, state: &LearnerState, item: usize, skills: &[usize], now: f64) -> f64 {
    let mut logit = parameters.item_easiness.get(item).copied().unwrap_or(0.0);
    let skill_share = 1.0 / skills.len().max(1) as f64;
    let global_features = answer_features(parameters, state, item, skills, now, |skill, skill_features| {
        logit += skill_share * parameters.skill_easiness.get(skill).copied().unwrap_or(0.0);
        if let Some(weights) = parameters.skill_feature_weights.get(skill) {
            logit += skill_share * dot(weights, skill_features);
        }
    });
    logit += dot(&parameters.global_feature_weights, &global_features);
    sigmoid(logit)
}

/// Records an answer in the learner state.
pub fn update(parameters: &FittedParameters, state: &mut LearnerState, item: usize, skills: &[usize], correct: bool, now: f64) {
    let settings = &parameters.settings;
    let item_easiness = parameters.item_easiness_for_ability.get(item).copied().unwrap_or(0.0);
    let overall_ability = state.overall.ability;
    let overall_residual = outcome_value(correct) - sigmoid(overall_ability + item_easiness);
    for &skill in skills {
        if state.skills.len() <= skill {
            state.skills.resize(skill + 1, PracticeSummary::default());
        }
        let summary = &mut state.skills[skill];
        let skill_residual = outcome_value(correct) - sigmoid(overall_ability + summary.ability + item_easiness);
        record_outcome(summary, skill_residual, correct, now, settings);
    }
    record_outcome(&mut state.overall, overall_residual, correct, now, settings);
}

/// Calibrates the model on the answer sequences of earlier learners.
pub fn fit(learner_sequences: &[Vec<ObservedAnswer>], settings: ModelSettings) -> FittedParameters {
    let item_count = learner_sequences.iter().flatten().map(|answer| answer.item + 1).max().unwrap_or(0);
    let skill_count = learner_sequences.iter().flatten().flat_map(|answer| answer.skills.iter().map(|skill| skill + 1)).max().unwrap_or(0);
    let mut parameters = FittedParameters {
        item_easiness: vec![0.0; item_count],
        item_easiness_for_ability: fit_item_easiness_for_ability(learner_sequences, item_count, settings.item_precision),
        skill_easiness: vec![0.0; skill_count],
        skill_feature_weights: vec![[0.0; SKILL_FEATURE_COUNT]; skill_count],
        global_feature_weights: [0.0; GLOBAL_FEATURE_COUNT],
        settings,
    };
    let mut rows = training_rows(&parameters, learner_sequences);
    let scaling = standardize_rows(&mut rows);
    let layout = WeightLayout { item_count, skill_count };
    // Diagonal preconditioning: the optimizer works on weights divided by their curvature's root.
    let weight_scale: Vec<f64> = curvature_diagonal(&rows, &layout, &settings).iter().map(|curvature| 1.0 / curvature.sqrt()).collect();
    let mut weights = vec![0.0; layout.total()];
    let scaled_objective = |scaled_weights: &[f64], scaled_gradient: &mut [f64]| -> f64 {
        weights.iter_mut().zip(scaled_weights).zip(&weight_scale).for_each(|((weight, scaled), scale)| *weight = scaled * scale);
        let loss = logistic_loss(&rows, &layout, &settings, &weights, scaled_gradient);
        scaled_gradient.iter_mut().zip(&weight_scale).for_each(|(slot, scale)| *slot *= scale);
        loss
    };
    let scaled_weights = minimize_with_lbfgs(scaled_objective, vec![0.0; layout.total()], settings.optimizer_iterations);
    let weights: Vec<f64> = scaled_weights.iter().zip(&weight_scale).map(|(scaled, scale)| scaled * scale).collect();
    parameters.item_easiness.copy_from_slice(&weights[..item_count]);
    parameters.skill_easiness.copy_from_slice(&weights[item_count..item_count + skill_count]);
    for (skill, slot) in parameters.skill_feature_weights.iter_mut().enumerate() {
        slot.copy_from_slice(&weights[layout.skill_weights_start(skill)..layout.skill_weights_start(skill) + SKILL_FEATURE_COUNT]);
    }
    parameters.global_feature_weights.copy_from_slice(&weights[layout.global_start()..]);
    undo_standardization(&mut parameters, &scaling);
    parameters
}

/// Where each fitted weight sits in the optimizer's vector: items, skill easiness, skill feature
/// weights, global feature weights.
struct WeightLayout {
    item_count: usize,
    skill_count: usize,
}

impl WeightLayout {
    fn skill_easiness_index(&self, skill: usize) -> usize {
        self.item_count + skill
    }
    fn skill_weights_start(&self, skill: usize) -> usize {
        self.item_count + self.skill_count + skill * SKILL_FEATURE_COUNT
    }
    fn global_start(&self) -> usize {
        self.item_count + self.skill_count * (1 + SKILL_FEATURE_COUNT)
    }
    fn total(&self) -> usize {
        self.global_start() + GLOBAL_FEATURE_COUNT
    }
    fn precision(&self, index: usize, settings: &ModelSettings) -> f64 {
        if index < self.item_count {
            settings.item_precision
        } else if index < self.item_count + self.skill_count {
            settings.skill_precision
        } else if index < self.global_start() {
            settings.skill_weight_precision
        } else {
            settings.global_precision
        }
    }
}

/// Penalized negative log-likelihood of the training rows, and its gradient.
fn logistic_loss(rows: &[TrainingRow], layout: &WeightLayout, settings: &ModelSettings, weights: &[f64], gradient: &mut [f64]) -> f64 {
    gradient.iter_mut().for_each(|value| *value = 0.0);
    let global_start = layout.global_start();
    let mut loss = 0.0;
    for row in rows {
        let skill_share = 1.0 / row.skills.len().max(1) as f64;
        let mut logit = weights[row.item] + dot(&weights[global_start..], &row.global_features);
        for (&skill, skill_features) in row.skills.iter().zip(&row.skill_features) {
            let start = layout.skill_weights_start(skill);
            logit += skill_share * (weights[layout.skill_easiness_index(skill)] + dot(&weights[start..start + SKILL_FEATURE_COUNT], skill_features));
        }
        let probability = sigmoid(logit);
        loss -= if row.correct { probability.max(1e-300).ln() } else { (1.0 - probability).max(1e-300).ln() };
        let residual = probability - outcome_value(row.correct);
        gradient[row.item] += residual;
        for (&skill, skill_features) in row.skills.iter().zip(&row.skill_features) {
            gradient[layout.skill_easiness_index(skill)] += residual * skill_share;
            let start = layout.skill_weights_start(skill);
            for (slot, feature) in gradient[start..start + SKILL_FEATURE_COUNT].iter_mut().zip(skill_features) {
                *slot += residual * skill_share * feature;
            }
        }
        for (slot, feature) in gradient[global_start..].iter_mut().zip(&row.global_features) {
            *slot += residual * feature;
        }
    }
    for (index, (weight, slot)) in weights.iter().zip(gradient.iter_mut()).enumerate() {
        let precision = layout.precision(index, settings);
        loss += 0.5 * precision * weight * weight;
        *slot += precision * weight;
    }
    loss
}

/// An upper bound of the diagonal of the loss's Hessian (a probability's variance is at most 1/4).
fn curvature_diagonal(rows: &[TrainingRow], layout: &WeightLayout, settings: &ModelSettings) -> Vec<f64> {
    let mut diagonal: Vec<f64> = (0..layout.total()).map(|index| layout.precision(index, settings)).collect();
    let global_start = layout.global_start();
    for row in rows {
        let skill_share = 1.0 / row.skills.len().max(1) as f64;
        diagonal[row.item] += 0.25;
        for (&skill, skill_features) in row.skills.iter().zip(&row.skill_features) {
            diagonal[layout.skill_easiness_index(skill)] += 0.25 * skill_share * skill_share;
            let start = layout.skill_weights_start(skill);
            for (slot, feature) in diagonal[start..start + SKILL_FEATURE_COUNT].iter_mut().zip(skill_features) {
                *slot += 0.25 * skill_share * skill_share * feature * feature;
            }
        }
        for (slot, feature) in diagonal[global_start..].iter_mut().zip(&row.global_features) {
            *slot += 0.25 * feature * feature;
        }
    }
    diagonal.iter().map(|curvature| curvature.max(1e-9)).collect()
}

/// Mean and spread of every feature column on the training rows; fitting sees standardized
/// features, which makes the optimization well conditioned.
struct FeatureScaling {
    skill_mean: [f64; SKILL_FEATURE_COUNT],
    skill_spread: [f64; SKILL_FEATURE_COUNT],
    global_mean: [f64; GLOBAL_FEATURE_COUNT],
    global_spread: [f64; GLOBAL_FEATURE_COUNT],
}

fn standardize_rows(rows: &mut [TrainingRow]) -> FeatureScaling {
    let mut scaling = FeatureScaling {
        skill_mean: [0.0; SKILL_FEATURE_COUNT],
        skill_spread: [1.0; SKILL_FEATURE_COUNT],
        global_mean: [0.0; GLOBAL_FEATURE_COUNT],
        global_spread: [1.0; GLOBAL_FEATURE_COUNT],
    };
    let skill_columns = || rows.iter().flat_map(|row| row.skill_features.iter().map(|features| &features[..]));
    column_statistics(skill_columns(), &mut scaling.skill_mean, &mut scaling.skill_spread);
    column_statistics(rows.iter().map(|row| &row.global_features[..]), &mut scaling.global_mean, &mut scaling.global_spread);
    for row in rows.iter_mut() {
        for features in row.skill_features.iter_mut() {
            standardize(features, &scaling.skill_mean, &scaling.skill_spread);
        }
        standardize(&mut row.global_features, &scaling.global_mean, &scaling.global_spread);
    }
    scaling
}

/// Columns that never vary keep mean 0 and spread 1, so that the bias stays a bias.
fn column_statistics<'a>(columns: impl Iterator<Item = &'a [f64]>, mean: &mut [f64], spread: &mut [f64]) {
    let (mut count, mut sums, mut square_sums) = (0.0f64, vec![0.0; mean.len()], vec![0.0; mean.len()]);
    for features in columns {
        count += 1.0;
        for ((sum, square_sum), value) in sums.iter_mut().zip(square_sums.iter_mut()).zip(features) {
            *sum += value;
            *square_sum += value * value;
        }
    }
    for (column, (sum, square_sum)) in sums.iter().zip(&square_sums).enumerate() {
        let column_mean = sum / count.max(1.0);
        let variance = square_sum / count.max(1.0) - column_mean * column_mean;
        if variance > 1e-12 {
            mean[column] = column_mean;
            spread[column] = variance.sqrt();
        }
    }
}

fn standardize(features: &mut [f64], mean: &[f64], spread: &[f64]) {
    for ((value, column_mean), column_spread) in features.iter_mut().zip(mean).zip(spread) {
        *value = (*value - column_mean) / column_spread;
    }
}

/// Turns weights of standardized features into weights of raw features (an exact rewrite).
fn undo_standardization(parameters: &mut FittedParameters, scaling: &FeatureScaling) {
    for (skill_easiness, weights) in parameters.skill_easiness.iter_mut().zip(parameters.skill_feature_weights.iter_mut()) {
        for ((weight, mean), spread) in weights.iter_mut().zip(&scaling.skill_mean).zip(&scaling.skill_spread) {
            *weight /= spread;
            *skill_easiness -= *weight * mean;
        }
    }
    let mut bias_shift = 0.0;
    for ((weight, mean), spread) in parameters.global_feature_weights.iter_mut().zip(&scaling.global_mean).zip(&scaling.global_spread) {
        *weight /= spread;
        bias_shift += *weight * mean;
    }
    parameters.global_feature_weights[SKILL_BLOCK_LENGTH] -= bias_shift;
}

/// Minimizes a smooth function given as `value(point, gradient_out)` with limited-memory BFGS and a
/// backtracking line search, for at most `iteration_limit` iterations.
pub fn minimize_with_lbfgs(mut objective: impl FnMut(&[f64], &mut [f64]) -> f64, start: Vec<f64>, iteration_limit: usize) -> Vec<f64> {
    const MEMORY: usize = 10;
    let dimension = start.len();
    let mut point = start;
    let mut gradient = vec![0.0; dimension];
    let mut value = objective(&point, &mut gradient);
    let mut point_steps: Vec<Vec<f64>> = Vec::new();
    let mut gradient_steps: Vec<Vec<f64>> = Vec::new();
    let mut candidate = vec![0.0; dimension];
    let mut candidate_gradient = vec![0.0; dimension];
    for _iteration in 0..iteration_limit {
        let mut direction: Vec<f64> = gradient.iter().map(|value| -value).collect();
        let mut step_weights = Vec::with_capacity(point_steps.len());
        for (point_step, gradient_step) in point_steps.iter().zip(&gradient_steps).rev() {
            let weight = dot(point_step, &direction) / dot(gradient_step, point_step);
            direction.iter_mut().zip(gradient_step).for_each(|(slot, change)| *slot -= weight * change);
            step_weights.push(weight);
        }
        if let (Some(point_step), Some(gradient_step)) = (point_steps.last(), gradient_steps.last()) {
            let scale = dot(point_step, gradient_step) / dot(gradient_step, gradient_step);
            direction.iter_mut().for_each(|slot| *slot *= scale);
        } else {
            let norm = dot(&gradient, &gradient).sqrt().max(1e-12);
            direction.iter_mut().for_each(|slot| *slot /= norm);
        }
        for ((point_step, gradient_step), weight) in point_steps.iter().zip(&gradient_steps).zip(step_weights.iter().rev()) {
            let correction = weight - dot(gradient_step, &direction) / dot(gradient_step, point_step);
            direction.iter_mut().zip(point_step).for_each(|(slot, change)| *slot += correction * change);
        }
        let mut slope = dot(&direction, &gradient);
        if slope >= 0.0 {
            direction = gradient.iter().map(|value| -value).collect();
            slope = dot(&direction, &gradient);
            point_steps.clear();
            gradient_steps.clear();
        }
        let mut step = 1.0;
        let mut candidate_value;
        loop {
            candidate.iter_mut().zip(&point).zip(&direction).for_each(|((slot, start), change)| *slot = start + step * change);
            candidate_value = objective(&candidate, &mut candidate_gradient);
            if candidate_value <= value + 1e-4 * step * slope || step < 1e-10 {
                break;
            }
            step *= 0.5;
        }
        let improvement = value - candidate_value;
        let point_step: Vec<f64> = candidate.iter().zip(&point).map(|(new, old)| new - old).collect();
        let gradient_step: Vec<f64> = candidate_gradient.iter().zip(&gradient).map(|(new, old)| new - old).collect();
        std::mem::swap(&mut point, &mut candidate);
        std::mem::swap(&mut gradient, &mut candidate_gradient);
        value = candidate_value;
        if dot(&point_step, &gradient_step) > 1e-12 {
            point_steps.push(point_step);
            gradient_steps.push(gradient_step);
            if point_steps.len() > MEMORY {
                point_steps.remove(0);
                gradient_steps.remove(0);
            }
        }
        if improvement.abs() <= 1e-10 * value.abs().max(1.0) {
            eprintln!("DEBUG converged at {_iteration} value {value} gnorm {}", dot(&gradient, &gradient).sqrt());
            break;
        }
        if _iteration + 1 == iteration_limit { eprintln!("DEBUG limit value {value} gnorm {}", dot(&gradient, &gradient).sqrt()); }
    }
    point
}

struct TrainingRow {
    item: usize,
    skills: Vec<usize>,
    skill_features: Vec<[f64; SKILL_FEATURE_COUNT]>,
    global_features: [f64; GLOBAL_FEATURE_COUNT],
    correct: bool,
}

/// Replays the training learners exactly as the online model will, recording the features seen
/// before each answer.
fn training_rows(parameters: &FittedParameters, learner_sequences: &[Vec<ObservedAnswer>]) -> Vec<TrainingRow> {
    let mut rows = Vec::new();
    for sequence in learner_sequences {
        let mut state = LearnerState::default();
        for answer in sequence {
            let mut all_skill_features = Vec::with_capacity(answer.skills.len());
            let global_features = answer_features(parameters, &state, answer.item, &answer.skills, answer.now, |_, skill_features| {
                all_skill_features.push(*skill_features);
            });
            rows.push(TrainingRow {
                item: answer.item,
                skills: answer.skills.clone(),
                skill_features: all_skill_features,
                global_features,
                correct: answer.correct,
            });
            update(parameters, &mut state, answer.item, &answer.skills, answer.correct, answer.now);
        }
    }
    rows
}

/// First stage: item easiness and one ability per training learner, jointly (a Rasch model).
fn fit_item_easiness_for_ability(learner_sequences: &[Vec<ObservedAnswer>], item_count: usize, item_precision: f64) -> Vec<f64> {
    let objective = |weights: &[f64], gradient: &mut [f64]| -> f64 {
        gradient.iter_mut().for_each(|value| *value = 0.0);
        let mut loss = 0.0;
        for (learner, sequence) in learner_sequences.iter().enumerate() {
            for answer in sequence {
                let probability = sigmoid(weights[answer.item] + weights[item_count + learner]);
                loss -= if answer.correct { probability.max(1e-300).ln() } else { (1.0 - probability).max(1e-300).ln() };
                let residual = probability - outcome_value(answer.correct);
                gradient[answer.item] += residual;
                gradient[item_count + learner] += residual;
            }
        }
        for (index, (weight, slot)) in weights.iter().zip(gradient.iter_mut()).enumerate() {
            let precision = if index < item_count { item_precision } else { 1.0 };
            loss += 0.5 * precision * weight * weight;
            *slot += precision * weight;
        }
        loss
    };
    let mut weights = minimize_with_lbfgs(objective, vec![0.0; item_count + learner_sequences.len()], 200);
    weights.truncate(item_count);
    weights
}

fn record_outcome(summary: &mut PracticeSummary, residual: f64, correct: bool, now: f64, settings: &ModelSettings) {
    summary.ability += settings.ability_step / (1.0 + settings.ability_step_decay * summary.attempts) * residual;
    summary.attempts += 1.0;
    summary.fast_decayed_successes *= settings.fast_decay;
    summary.fast_decayed_failures *= settings.fast_decay;
    summary.slow_decayed_successes *= settings.slow_decay;
    summary.slow_decayed_failures *= settings.slow_decay;
    if correct {
        summary.successes += 1.0;
        summary.fast_decayed_successes += 1.0;
        summary.slow_decayed_successes += 1.0;
    } else {
        summary.fast_decayed_failures += 1.0;
        summary.slow_decayed_failures += 1.0;
    }
    summary.recent_outcome_bits = (summary.recent_outcome_bits << 1) | u8::from(correct);
    summary.current_run = match (correct, summary.current_run > 0.0) {
        (true, true) => summary.current_run + 1.0,
        (true, false) => 1.0,
        (false, true) => -1.0,
        (false, false) => summary.current_run - 1.0,
    };
    summary.last_practice_time = now;
}

/// The global features of an answer; `each_skill` also sees the per-skill features of every skill.
fn answer_features(
    parameters: &FittedParameters,
    state: &LearnerState,
    item: usize,
    skills: &[usize],
    now: f64,
    mut each_skill: impl FnMut(usize, &[f64; SKILL_FEATURE_COUNT]),
) -> [f64; GLOBAL_FEATURE_COUNT] {
    let item_easiness = parameters.item_easiness_for_ability.get(item).copied().unwrap_or(0.0);
    let overall = &state.overall;
    let mut features = [0.0; GLOBAL_FEATURE_COUNT];
    let skill_share = 1.0 / skills.len().max(1) as f64;
    for &skill in skills {
        let summary = state.skills.get(skill).copied().unwrap_or_default();
        let mut block = [0.0; SKILL_BLOCK_LENGTH];
        block[0] = summary.attempts.ln_1p();
        block[1] = summary.successes.ln_1p();
        block[2] = (summary.attempts - summary.successes).ln_1p();
        block[3] = summary.ability;
        block[4] = overall.ability;
        block[5 + outcome_pattern(&summary)] = 1.0;
        let rest = &mut block[SKILL_FEATURE_COUNT..];
        rest[0] = summary.fast_decayed_successes;
        rest[1] = summary.fast_decayed_failures;
        rest[2] = summary.slow_decayed_successes;
        rest[3] = summary.slow_decayed_failures;
        rest[4] = summary.current_run.max(0.0).ln_1p();
        rest[5] = (-summary.current_run).max(0.0).ln_1p();
        rest[6] = (summary.successes + 1.0) / (summary.attempts + 2.0) - 0.5;
        rest[7] = item_easiness * (overall.ability + summary.ability);
        if summary.attempts > 0.0 && now > summary.last_practice_time {
            rest[8] = ((now - summary.last_practice_time) / 3600.0).ln_1p();
        }
        let mut skill_features = [0.0; SKILL_FEATURE_COUNT];
        skill_features.copy_from_slice(&block[..SKILL_FEATURE_COUNT]);
        each_skill(skill, &skill_features);
        for (slot, value) in features[..SKILL_BLOCK_LENGTH].iter_mut().zip(&block) {
            *slot += skill_share * value;
        }
    }
    let block = &mut features[SKILL_BLOCK_LENGTH..];
    block[0] = 1.0;
    block[1] = overall.attempts.ln_1p();
    block[2] = overall.successes.ln_1p();
    block[3] = (overall.attempts - overall.successes).ln_1p();
    block[4] = overall.fast_decayed_successes;
    block[5] = overall.fast_decayed_failures;
    block[6] = overall.current_run.max(0.0).ln_1p();
    block[7] = (-overall.current_run).max(0.0).ln_1p();
    block[8] = (overall.successes + 1.0) / (overall.attempts + 2.0) - 0.5;
    block[9] = item_easiness * overall.ability;
    block[10 + outcome_pattern(overall)] = 1.0;
    features
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

fn sigmoid(logit: f64) -> f64 {
    1.0 / (1.0 + (-logit).exp())
}

fn dot(left: &[f64], right: &[f64]) -> f64 {
    left.iter().zip(right).map(|(a, b)| a * b).sum()
}
