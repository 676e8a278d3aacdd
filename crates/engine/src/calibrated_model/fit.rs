//! Fitting the calibrated model on earlier learners' answers.

use super::factors::{self, FactorRow};
use super::{
    answer_context, answer_features, last_skill_outcome, outcome_value, predict, update,
    FittedParameters, LearnerState, ModelSettings, ObservedAnswer, BIAS_FEATURE, CONTEXT_COUNT,
    GLOBAL_FEATURE_COUNT, SKILL_FEATURE_COUNT,
};
use crate::math::{logit, sigmoid};
use crate::optimize::minimize_with_lbfgs;

/// Calibrates the model on the answer sequences of earlier learners.
pub fn fit(learner_sequences: &[Vec<ObservedAnswer>], settings: ModelSettings) -> FittedParameters {
    fit_with_global_prior(learner_sequences, settings, &[0.0; GLOBAL_FEATURE_COUNT])
}

/// [`fit`] with `global_prior_mean` (raw weights, such as the defaults') as the mean of the normal
/// prior on the global feature weights instead of 0: for a class too small to fit them alone.
pub fn fit_with_global_prior(
    learner_sequences: &[Vec<ObservedAnswer>],
    settings: ModelSettings,
    global_prior_mean: &[f64; GLOBAL_FEATURE_COUNT],
) -> FittedParameters {
    fit_with_progress(
        learner_sequences,
        settings,
        global_prior_mean,
        &mut |_, _| {},
    )
}

/// [`fit_with_global_prior`] that calls `progress(done, total)` after each pass over the answers
/// (`done` never decreases and reaches `total` at the end): each stage of the fit (the first
/// stage, one per cross-fitting fold, the weights) counts `STAGE_UNITS`, a pass its share of
/// the stage's iteration limit.
pub fn fit_with_progress(
    learner_sequences: &[Vec<ObservedAnswer>],
    settings: ModelSettings,
    global_prior_mean: &[f64; GLOBAL_FEATURE_COUNT],
    progress: &mut dyn FnMut(usize, usize),
) -> FittedParameters {
    let fold_count = settings.cross_fit_folds.max(1);
    let mut progress = StageProgress {
        report: progress,
        stage: 0,
        stages: 2
            + if fold_count > 1 { fold_count } else { 0 }
            + usize::from(settings.factor_rank > 0),
    };
    let all_sequences: Vec<&[ObservedAnswer]> =
        learner_sequences.iter().map(Vec::as_slice).collect();
    let layout = WeightLayout {
        per_item_and_skill: true,
        item_context: settings.item_context_precision > 0.0,
        global_context: settings.global_context_precision > 0.0,
        item_count: all_sequences
            .iter()
            .flat_map(|sequence| sequence.iter())
            .map(|answer| answer.item + 1)
            .max()
            .unwrap_or(0),
        skill_count: skill_count(&all_sequences),
    };
    let (item_count, skill_count) = (layout.item_count, layout.skill_count);
    let (item_easiness_for_ability, skill_easiness_for_ability) = fit_rasch_reference(
        &all_sequences,
        item_count,
        settings.item_precision,
        &mut progress,
    );
    let mut parameters = FittedParameters {
        item_easiness: vec![0.0; item_count],
        item_ability_slope: vec![0.0; item_count],
        item_context_slopes: Vec::new(),
        global_context_slopes: [0.0; CONTEXT_COUNT],
        item_easiness_for_ability,
        skill_easiness_for_ability,
        skill_easiness: vec![0.0; skill_count],
        skill_feature_weights: vec![[0.0; SKILL_FEATURE_COUNT]; skill_count],
        global_feature_weights: [0.0; GLOBAL_FEATURE_COUNT],
        // None: the items' easiness holds what a repeat's outcome tells about the item
        // (`DEFAULT_ITEM_MEMORY_SHIFTS`).
        item_memory_shifts: [0.0; 2],
        item_loadings: Vec::new(),
        factor_rank: 0,
        settings,
    };
    // A training learner's features come from abilities measured against a first stage fitted
    // without that learner (cross-fitting), as they will be for a new learner.
    let mut rows = Vec::new();
    for fold in 0..fold_count {
        let in_fold = |learner: usize| fold_count == 1 || learner % fold_count == fold;
        let held_out: Vec<(usize, &[ObservedAnswer])> = all_sequences
            .iter()
            .copied()
            .enumerate()
            .filter(|(learner, _)| in_fold(*learner))
            .collect();
        let mut fold_parameters = parameters.clone();
        if fold_count > 1 {
            let others: Vec<&[ObservedAnswer]> = all_sequences
                .iter()
                .enumerate()
                .filter(|(learner, _)| !in_fold(*learner))
                .map(|(_, sequence)| *sequence)
                .collect();
            (
                fold_parameters.item_easiness_for_ability,
                fold_parameters.skill_easiness_for_ability,
            ) = fit_rasch_reference(&others, item_count, settings.item_precision, &mut progress);
        }
        add_training_rows(&mut rows, &fold_parameters, &held_out);
    }
    let scaling = standardize_rows(&mut rows);
    let weights = fit_weights(
        &rows,
        &layout,
        &settings,
        &scaling,
        global_prior_mean,
        &mut progress,
    );
    for item in 0..item_count {
        parameters.item_easiness[item] = weights[layout.item_easiness_index(item)];
        parameters.item_ability_slope[item] =
            weights[layout.item_slope_index(item)] / scaling.ability_sum_spread;
    }
    if layout.item_context {
        parameters.item_context_slopes = (0..item_count)
            .map(|item| {
                let start = layout.item_context_start(item);
                let mut slopes = [0.0; CONTEXT_COUNT];
                slopes.copy_from_slice(&weights[start..start + CONTEXT_COUNT]);
                slopes
            })
            .collect();
    }
    for skill in 0..skill_count {
        parameters.skill_easiness[skill] = weights[layout.skill_easiness_index(skill)];
        let start = layout.skill_weights_start(skill);
        parameters.skill_feature_weights[skill]
            .copy_from_slice(&weights[start..start + SKILL_FEATURE_COUNT]);
    }
    copy_global_weights(&mut parameters, &layout, &weights);
    undo_standardization(&mut parameters, &scaling);
    if settings.factor_rank > 0 {
        // Each learner's answers: the item, the fitted model's logit, the outcome.
        let mut learners: Vec<Vec<FactorRow>> = vec![Vec::new(); all_sequences.len()];
        for row in &rows {
            let mut logit = 0.0;
            for_each_term(row, &layout, |index, feature| {
                logit += weights[index] * feature
            });
            learners[row.learner].push((row.item, logit, outcome_value(row.correct)));
        }
        (parameters.item_loadings, parameters.factor_rank) =
            factors::fit_loadings(&learners, item_count, &settings, &mut |done, of| {
                progress.pass(done, of)
            });
        progress.finish_stage();
    }
    parameters
}

/// The global feature weights and the global context slopes of the fitted weights.
fn copy_global_weights(parameters: &mut FittedParameters, layout: &WeightLayout, weights: &[f64]) {
    let start = layout.global_start();
    parameters
        .global_feature_weights
        .copy_from_slice(&weights[start..start + GLOBAL_FEATURE_COUNT]);
    if layout.global_context {
        let start = layout.global_context_start();
        parameters
            .global_context_slopes
            .copy_from_slice(&weights[start..start + CONTEXT_COUNT]);
    }
}

/// The defaults of a bank with no calibration: only the global feature weights (and `settings`),
/// fitted on earlier learners as a new bank meets them. Every item and skill is unknown (no
/// entries, so 0 everywhere), abilities are measured against easiness 0, and there is no first
/// stage to fit. The item memory shifts are fitted after the weights, on the same learners
/// (`fit_item_memory_shifts`).
pub fn fit_defaults(
    learner_sequences: &[Vec<ObservedAnswer>],
    settings: ModelSettings,
) -> FittedParameters {
    let mut parameters =
        FittedParameters::global_only([0.0; GLOBAL_FEATURE_COUNT], [0.0; 2], settings);
    let sequences: Vec<(usize, &[ObservedAnswer])> = learner_sequences
        .iter()
        .map(Vec::as_slice)
        .enumerate()
        .collect();
    let mut rows = Vec::new();
    add_training_rows(&mut rows, &parameters, &sequences);
    let layout = WeightLayout {
        per_item_and_skill: false,
        item_context: false,
        global_context: settings.global_context_precision > 0.0,
        item_count: 0,
        skill_count: 0,
    };
    let scaling = standardize_rows(&mut rows);
    let weights = fit_weights(
        &rows,
        &layout,
        &settings,
        &scaling,
        &[0.0; GLOBAL_FEATURE_COUNT],
        &mut StageProgress {
            report: &mut |_, _| {},
            stage: 0,
            stages: 1,
        },
    );
    copy_global_weights(&mut parameters, &layout, &weights);
    undo_standardization(&mut parameters, &scaling);
    parameters.item_memory_shifts = fit_item_memory_shifts(&parameters, learner_sequences);
    parameters
}

/// The item memory shifts (last answer to the item wrong, right) that maximize the likelihood of
/// the learners' repeated answers, the rest of `parameters` held fixed: a few Newton steps each,
/// 0 for a kind never seen.
pub fn fit_item_memory_shifts(
    parameters: &FittedParameters,
    learner_sequences: &[Vec<ObservedAnswer>],
) -> [f64; 2] {
    // (logit without item memory, correct) of each repeated answer, by the last outcome there.
    let mut repeated: [Vec<(f64, bool)>; 2] = [Vec::new(), Vec::new()];
    let mut last_outcomes: Vec<Option<bool>> = Vec::new();
    for sequence in learner_sequences {
        let mut state = LearnerState::default();
        last_outcomes.iter_mut().for_each(|last| *last = None);
        for answer in sequence {
            if last_outcomes.len() <= answer.item {
                last_outcomes.resize(answer.item + 1, None);
            }
            if let Some(last) = last_outcomes[answer.item] {
                let probability = predict(
                    parameters,
                    &state,
                    answer.item,
                    &answer.skills,
                    answer.now,
                    None,
                );
                repeated[usize::from(last)].push((logit(probability), answer.correct));
            }
            update(
                parameters,
                &mut state,
                answer.item,
                &answer.skills,
                answer.correct,
                answer.now,
            );
            last_outcomes[answer.item] = Some(answer.correct);
        }
    }
    repeated.map(|rows| {
        let mut shift = 0.0;
        for _ in 0..20 {
            let (mut gradient, mut curvature) = (0.0, 1e-9);
            for &(base, correct) in &rows {
                let probability = sigmoid(base + shift);
                gradient += outcome_value(correct) - probability;
                curvature += probability * (1.0 - probability);
            }
            shift += gradient / curvature;
        }
        shift
    })
}

/// Minimizes the penalized loss over the standardized rows. The prior mean of the global weights
/// comes raw and is standardized here; every other weight's prior mean is 0.
fn fit_weights(
    rows: &[TrainingRow],
    layout: &WeightLayout,
    settings: &ModelSettings,
    scaling: &FeatureScaling,
    global_prior_mean: &[f64; GLOBAL_FEATURE_COUNT],
    progress: &mut StageProgress<'_>,
) -> Vec<f64> {
    let mut prior_mean = vec![0.0; layout.total()];
    prior_mean[layout.global_start()..layout.global_start() + GLOBAL_FEATURE_COUNT]
        .copy_from_slice(&standardized_global_weights(global_prior_mean, scaling));
    // Diagonal preconditioning: the optimizer sees weights multiplied by their curvature's root.
    let weight_scale: Vec<f64> = curvature_diagonal(rows, layout, settings)
        .iter()
        .map(|curvature| 1.0 / curvature.sqrt())
        .collect();
    let mut weights = vec![0.0; layout.total()];
    let mut passes = 0;
    let scaled_objective = |scaled_weights: &[f64], scaled_gradient: &mut [f64]| -> f64 {
        passes += 1;
        progress.pass(passes, settings.optimizer_iterations);
        weights
            .iter_mut()
            .zip(scaled_weights)
            .zip(&weight_scale)
            .for_each(|((weight, scaled), scale)| *weight = scaled * scale);
        let loss = logistic_loss(
            rows,
            layout,
            settings,
            &prior_mean,
            &weights,
            scaled_gradient,
        );
        scaled_gradient
            .iter_mut()
            .zip(&weight_scale)
            .for_each(|(slot, scale)| *slot *= scale);
        loss
    };
    let start = prior_mean
        .iter()
        .zip(&weight_scale)
        .map(|(mean, scale)| mean / scale)
        .collect();
    let scaled_weights =
        minimize_with_lbfgs(scaled_objective, start, settings.optimizer_iterations);
    progress.finish_stage();
    scaled_weights
        .iter()
        .zip(&weight_scale)
        .map(|(scaled, scale)| scaled * scale)
        .collect()
}

/// Raw global weights as weights of the standardized features (the inverse of the global part of
/// [`undo_standardization`]).
fn standardized_global_weights(
    raw: &[f64; GLOBAL_FEATURE_COUNT],
    scaling: &FeatureScaling,
) -> [f64; GLOBAL_FEATURE_COUNT] {
    let mut standardized = [0.0; GLOBAL_FEATURE_COUNT];
    let mut bias_shift = 0.0;
    for (column, weight) in raw.iter().enumerate() {
        standardized[column] = weight * scaling.global_spread[column];
        if column != BIAS_FEATURE {
            bias_shift += weight * scaling.global_mean[column];
        }
    }
    standardized[BIAS_FEATURE] += bias_shift;
    standardized
}

struct TrainingRow {
    /// The learner's index in the fit's sequences.
    learner: usize,
    item: usize,
    skills: Vec<usize>,
    skill_features: Vec<[f64; SKILL_FEATURE_COUNT]>,
    global_features: [f64; GLOBAL_FEATURE_COUNT],
    ability_sum: f64,
    /// `answer_context` before the answer.
    context: [f64; CONTEXT_COUNT],
    correct: bool,
}

/// Replays training learners exactly as the online model will, keeping the features seen before
/// each answer.
fn add_training_rows(
    rows: &mut Vec<TrainingRow>,
    parameters: &FittedParameters,
    learner_sequences: &[(usize, &[ObservedAnswer])],
) {
    for &(learner, sequence) in learner_sequences {
        let mut state = LearnerState::default();
        for answer in sequence.iter() {
            let skill_share = 1.0 / answer.skills.len().max(1) as f64;
            let (mut skill_features, mut ability_sum, mut last_on_skills) =
                (Vec::with_capacity(answer.skills.len()), 0.0, 0.0);
            let global_features =
                answer_features(&state, &answer.skills, answer.now, |_, features| {
                    ability_sum += skill_share * (features[3] + features[4]);
                    skill_features.push(*features);
                });
            for &skill in &answer.skills {
                last_on_skills += skill_share * last_skill_outcome(&state, skill);
            }
            let context = answer_context(&state.overall, last_on_skills);
            let (item, skills, correct) = (answer.item, answer.skills.clone(), answer.correct);
            rows.push(TrainingRow {
                learner,
                item,
                skills,
                skill_features,
                global_features,
                ability_sum,
                context,
                correct,
            });
            update(
                parameters,
                &mut state,
                answer.item,
                &answer.skills,
                answer.correct,
                answer.now,
            );
        }
    }
}

/// Where each weight sits in the optimizer's vector: per item (easiness, ability slope), per skill
/// (easiness, feature weights), then the global feature weights.
struct WeightLayout {
    /// False for the defaults: the global weights only (no item or skill has an entry).
    per_item_and_skill: bool,
    /// Whether each item has context slopes (after its easiness and ability slope).
    item_context: bool,
    /// Whether the context has global slopes (after the global feature weights).
    global_context: bool,
    item_count: usize,
    skill_count: usize,
}

impl WeightLayout {
    /// Weights per item: easiness, ability slope, then the context slopes if any.
    fn item_stride(&self) -> usize {
        if self.item_context {
            2 + CONTEXT_COUNT
        } else {
            2
        }
    }
    fn item_easiness_index(&self, item: usize) -> usize {
        self.item_stride() * item
    }
    fn item_slope_index(&self, item: usize) -> usize {
        self.item_stride() * item + 1
    }
    fn item_context_start(&self, item: usize) -> usize {
        self.item_stride() * item + 2
    }
    fn items_end(&self) -> usize {
        self.item_stride() * self.item_count
    }
    fn skill_easiness_index(&self, skill: usize) -> usize {
        self.items_end() + skill * (1 + SKILL_FEATURE_COUNT)
    }
    fn skill_weights_start(&self, skill: usize) -> usize {
        self.skill_easiness_index(skill) + 1
    }
    fn global_start(&self) -> usize {
        self.items_end() + self.skill_count * (1 + SKILL_FEATURE_COUNT)
    }
    fn global_context_start(&self) -> usize {
        self.global_start() + GLOBAL_FEATURE_COUNT
    }
    fn total(&self) -> usize {
        self.global_context_start()
            + if self.global_context {
                CONTEXT_COUNT
            } else {
                0
            }
    }
    fn precision(&self, index: usize, settings: &ModelSettings) -> f64 {
        if index < self.items_end() {
            match index % self.item_stride() {
                0 => settings.item_precision,
                1 => settings.item_slope_precision,
                _ => settings.item_context_precision,
            }
        } else if index < self.global_start() {
            let within_skill = (index - self.items_end()) % (1 + SKILL_FEATURE_COUNT);
            [settings.skill_precision, settings.skill_weight_precision][within_skill.min(1)]
        } else if index < self.global_context_start() {
            settings.global_precision
        } else {
            settings.global_context_precision
        }
    }
}

/// Calls `visit(weight index, feature value)` for every nonzero term of a row's logit.
fn for_each_term(row: &TrainingRow, layout: &WeightLayout, mut visit: impl FnMut(usize, f64)) {
    if layout.per_item_and_skill {
        visit(layout.item_easiness_index(row.item), 1.0);
        visit(layout.item_slope_index(row.item), row.ability_sum);
        if layout.item_context {
            let start = layout.item_context_start(row.item);
            row.context
                .iter()
                .enumerate()
                .for_each(|(offset, value)| visit(start + offset, *value));
        }
        let skill_share = 1.0 / row.skills.len().max(1) as f64;
        for (&skill, skill_features) in row.skills.iter().zip(&row.skill_features) {
            visit(layout.skill_easiness_index(skill), skill_share);
            let start = layout.skill_weights_start(skill);
            skill_features
                .iter()
                .enumerate()
                .for_each(|(offset, feature)| visit(start + offset, skill_share * feature));
        }
    }
    let start = layout.global_start();
    row.global_features
        .iter()
        .enumerate()
        .for_each(|(offset, feature)| visit(start + offset, *feature));
    if layout.global_context {
        let start = layout.global_context_start();
        row.context
            .iter()
            .enumerate()
            .for_each(|(offset, value)| visit(start + offset, *value));
    }
}

/// Penalized negative log-likelihood of the training rows (normal priors around `prior_mean`),
/// and its gradient.
fn logistic_loss(
    rows: &[TrainingRow],
    layout: &WeightLayout,
    settings: &ModelSettings,
    prior_mean: &[f64],
    weights: &[f64],
    gradient: &mut [f64],
) -> f64 {
    gradient.iter_mut().for_each(|value| *value = 0.0);
    let mut loss = 0.0;
    for row in rows {
        let mut logit = 0.0;
        for_each_term(row, layout, |index, feature| {
            logit += weights[index] * feature
        });
        let probability = sigmoid(logit);
        loss -= if row.correct {
            probability.max(1e-300).ln()
        } else {
            (1.0 - probability).max(1e-300).ln()
        };
        let residual = probability - outcome_value(row.correct);
        for_each_term(row, layout, |index, feature| {
            gradient[index] += residual * feature
        });
    }
    for (index, (weight, slot)) in weights.iter().zip(gradient.iter_mut()).enumerate() {
        let precision = layout.precision(index, settings);
        let offset = weight - prior_mean[index];
        loss += 0.5 * precision * offset * offset;
        *slot += precision * offset;
    }
    loss
}

/// An upper bound of the diagonal of the loss's Hessian (a probability's variance is at most 1/4).
fn curvature_diagonal(
    rows: &[TrainingRow],
    layout: &WeightLayout,
    settings: &ModelSettings,
) -> Vec<f64> {
    let mut diagonal: Vec<f64> = (0..layout.total())
        .map(|index| layout.precision(index, settings))
        .collect();
    for row in rows {
        for_each_term(row, layout, |index, feature| {
            diagonal[index] += 0.25 * feature * feature
        });
    }
    diagonal
        .iter()
        .map(|curvature| curvature.max(1e-9))
        .collect()
}

/// Mean and spread of the feature columns on the training rows. The fit sees standardized
/// features, which keeps the optimization well conditioned; the weights are rewritten afterwards.
struct FeatureScaling {
    skill_mean: [f64; SKILL_FEATURE_COUNT],
    skill_spread: [f64; SKILL_FEATURE_COUNT],
    global_mean: [f64; GLOBAL_FEATURE_COUNT],
    global_spread: [f64; GLOBAL_FEATURE_COUNT],
    ability_sum_spread: f64,
}

fn standardize_rows(rows: &mut [TrainingRow]) -> FeatureScaling {
    let mut scaling = FeatureScaling {
        skill_mean: [0.0; SKILL_FEATURE_COUNT],
        skill_spread: [1.0; SKILL_FEATURE_COUNT],
        global_mean: [0.0; GLOBAL_FEATURE_COUNT],
        global_spread: [1.0; GLOBAL_FEATURE_COUNT],
        ability_sum_spread: 1.0,
    };
    let skill_rows = rows
        .iter()
        .flat_map(|row| row.skill_features.iter().map(|features| &features[..]));
    column_statistics(
        skill_rows,
        &mut scaling.skill_mean,
        &mut scaling.skill_spread,
    );
    column_statistics(
        rows.iter().map(|row| &row.global_features[..]),
        &mut scaling.global_mean,
        &mut scaling.global_spread,
    );
    let ability_sum_square_mean = rows
        .iter()
        .map(|row| row.ability_sum * row.ability_sum)
        .sum::<f64>()
        / rows.len().max(1) as f64;
    if ability_sum_square_mean > 1e-12 {
        scaling.ability_sum_spread = ability_sum_square_mean.sqrt();
    }
    for row in rows.iter_mut() {
        for features in row.skill_features.iter_mut() {
            standardize(features, &scaling.skill_mean, &scaling.skill_spread);
        }
        standardize(
            &mut row.global_features,
            &scaling.global_mean,
            &scaling.global_spread,
        );
        row.ability_sum /= scaling.ability_sum_spread;
    }
    scaling
}

/// Columns that never vary keep mean 0 and spread 1, so that the bias stays a bias.
fn column_statistics<'a>(
    rows: impl Iterator<Item = &'a [f64]>,
    mean: &mut [f64],
    spread: &mut [f64],
) {
    let (mut count, mut sums, mut square_sums) =
        (0.0f64, vec![0.0; mean.len()], vec![0.0; mean.len()]);
    for features in rows {
        count += 1.0;
        for ((sum, square_sum), value) in sums.iter_mut().zip(square_sums.iter_mut()).zip(features)
        {
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
    for (skill_easiness, weights) in parameters
        .skill_easiness
        .iter_mut()
        .zip(parameters.skill_feature_weights.iter_mut())
    {
        for ((weight, mean), spread) in weights
            .iter_mut()
            .zip(&scaling.skill_mean)
            .zip(&scaling.skill_spread)
        {
            *weight /= spread;
            *skill_easiness -= *weight * mean;
        }
    }
    let mut bias_shift = 0.0;
    for ((weight, mean), spread) in parameters
        .global_feature_weights
        .iter_mut()
        .zip(&scaling.global_mean)
        .zip(&scaling.global_spread)
    {
        *weight /= spread;
        bias_shift += *weight * mean;
    }
    parameters.global_feature_weights[BIAS_FEATURE] -= bias_shift;
}

/// First stage, a Rasch model with skills: logit = learner + item + mean skill easiness. Returns
/// the item parts and the skill parts; learner abilities are dropped.
fn fit_rasch_reference(
    learner_sequences: &[&[ObservedAnswer]],
    item_count: usize,
    item_precision: f64,
    progress: &mut StageProgress<'_>,
) -> (Vec<f64>, Vec<f64>) {
    let skill_start = item_count + learner_sequences.len();
    let mut passes = 0;
    let objective = |weights: &[f64], gradient: &mut [f64]| -> f64 {
        passes += 1;
        progress.pass(passes, RASCH_ITERATIONS);
        gradient.iter_mut().for_each(|value| *value = 0.0);
        let mut loss = 0.0;
        for (learner, sequence) in learner_sequences.iter().enumerate() {
            for answer in sequence.iter() {
                let share = 1.0 / answer.skills.len().max(1) as f64;
                let skill_part: f64 = answer
                    .skills
                    .iter()
                    .map(|skill| share * weights[skill_start + skill])
                    .sum();
                let probability =
                    sigmoid(weights[answer.item] + weights[item_count + learner] + skill_part);
                loss -= if answer.correct {
                    probability.max(1e-300).ln()
                } else {
                    (1.0 - probability).max(1e-300).ln()
                };
                let residual = probability - outcome_value(answer.correct);
                gradient[answer.item] += residual;
                gradient[item_count + learner] += residual;
                answer
                    .skills
                    .iter()
                    .for_each(|skill| gradient[skill_start + skill] += share * residual);
            }
        }
        for (index, (weight, slot)) in weights.iter().zip(gradient.iter_mut()).enumerate() {
            let precision = if index < item_count {
                item_precision
            } else if index < skill_start {
                1.0
            } else {
                0.01
            };
            loss += 0.5 * precision * weight * weight;
            *slot += precision * weight;
        }
        loss
    };
    let weights = minimize_with_lbfgs(
        objective,
        vec![0.0; skill_start + skill_count(learner_sequences)],
        RASCH_ITERATIONS,
    );
    progress.finish_stage();
    (
        weights[..item_count].to_vec(),
        weights[skill_start..].to_vec(),
    )
}

/// The iteration limit of the first stage's fit.
const RASCH_ITERATIONS: usize = 300;

/// The units of one stage of a fit in its progress reports.
const STAGE_UNITS: usize = 100;

/// Where a fit is, for its progress reports.
struct StageProgress<'a> {
    report: &'a mut dyn FnMut(usize, usize),
    stage: usize,
    stages: usize,
}

impl StageProgress<'_> {
    /// Reports pass `pass` of a stage whose optimizer stops after `limit` iterations (a pass per
    /// iteration at least; the stage stays short of its end until `finish_stage`).
    fn pass(&mut self, pass: usize, limit: usize) {
        let within = (pass * STAGE_UNITS / limit.max(1)).min(STAGE_UNITS - 1);
        (self.report)(self.stage * STAGE_UNITS + within, self.stages * STAGE_UNITS);
    }

    fn finish_stage(&mut self) {
        self.stage += 1;
        (self.report)(self.stage * STAGE_UNITS, self.stages * STAGE_UNITS);
    }
}

fn skill_count(learner_sequences: &[&[ObservedAnswer]]) -> usize {
    learner_sequences
        .iter()
        .flat_map(|sequence| sequence.iter())
        .flat_map(|answer| answer.skills.iter().map(|skill| skill + 1))
        .max()
        .unwrap_or(0)
}
