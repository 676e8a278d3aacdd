//! `ours-transfer` (experiment, issue 13): `ours` plus an item-to-item transfer term over the
//! learner's answered items.
//!
//! The learner state adds a vector `h` of `rank` numbers, the decayed sum of the answers so far:
//! after an answer to item `j` with outcome `y`, `h ← λ ⊙ h + E[j, y]` (`λ` one decay per
//! dimension). The prediction for item `i` adds `V[i] · h` to `ours`' logit, so the effect of
//! having answered `j` right (or wrong) on `i` is `V[i] · E[j, y]`, low rank, fading with the
//! number of answers since. Each item gets `3 × rank` numbers (`E[i, right]`, `E[i, wrong]`,
//! `V[i]`); per answer it costs two length-`rank` loops.
//!
//! Fitting is stacked: `ours` is fitted on all but one fold of the train learners and replayed on
//! that fold (the logit before each answer), so the residual term learns on logits that behave
//! like a new learner's; `E`, `V` and a scale and shift of that logit are then fitted by
//! full-batch Adam on the log-likelihood with a normal prior (precision `precision` on `E` and
//! `V`). Scored learners get `ours` fitted on every train learner.

use adaptive_practice_engine::calibrated_model::{self, FittedParameters, ModelSettings};

use crate::dataset::{Dataset, LearnerSequence};
use crate::knowledge_tracing::{observed_sequences, LearnerModelOnline};
use crate::replay::OnlineModel;

/// Settings of the transfer term (`EVALUATE_TRANSFER=rank=4,decays=0.5:0.95,...` overrides them).
#[derive(Clone, Debug, PartialEq)]
pub struct TransferSettings {
    pub rank: usize,
    /// Decays of the state's dimensions, spread over them in turn.
    pub decays: Vec<f64>,
    /// Prior precision of `E` and `V` (the loss is summed over answers).
    pub precision: f64,
    pub iterations: usize,
    pub learning_rate: f64,
    /// Folds of the stacked fit of `ours`.
    pub folds: usize,
    /// Whether the scale and shift of `ours`' logit are fitted (else 1 and 0).
    pub fit_offset_scale: bool,
    /// Whether each item's E and V add the mean of its skills' (fitted, prior precision
    /// `skill_precision`).
    pub skill_level: bool,
    pub skill_precision: f64,
    /// Whether the items have their own E and V (else only their skills').
    pub item_level: bool,
}

impl Default for TransferSettings {
    fn default() -> TransferSettings {
        // The best measured on the validation splits (README, branch model13f).
        TransferSettings {
            rank: 4,
            decays: vec![0.7],
            precision: 10.0,
            iterations: 300,
            learning_rate: 0.05,
            folds: 3,
            fit_offset_scale: true,
            skill_level: false,
            skill_precision: 1.0,
            item_level: true,
        }
    }
}

impl TransferSettings {
    /// The defaults overridden by `name=value` pairs separated by `,`.
    pub fn parse(text: &str) -> Result<TransferSettings, String> {
        let mut settings = TransferSettings::default();
        crate::setting::apply_settings(text, |name, numbers| {
            let number = numbers[0];
            match name {
                "rank" => settings.rank = number as usize,
                "decays" => settings.decays = numbers.to_vec(),
                "precision" => settings.precision = number,
                "iterations" => settings.iterations = number as usize,
                "learning_rate" => settings.learning_rate = number,
                "folds" => settings.folds = number as usize,
                "fit_offset_scale" => settings.fit_offset_scale = number != 0.0,
                "skill_level" => settings.skill_level = number != 0.0,
                "skill_precision" => settings.skill_precision = number,
                "item_level" => settings.item_level = number != 0.0,
                other => return Err(format!("unknown transfer setting `{other}`")),
            }
            Ok(())
        })?;
        if settings.rank == 0 || settings.decays.is_empty() || settings.folds < 2 {
            return Err("transfer: rank ≥ 1, at least one decay, folds ≥ 2".to_string());
        }
        Ok(settings)
    }

    fn decay_of(&self, dimension: usize) -> f64 {
        self.decays[dimension % self.decays.len()]
    }
}

/// The fitted transfer term.
#[derive(Clone, Debug, PartialEq)]
pub struct TransferTerm {
    pub rank: usize,
    pub decays: Vec<f64>,
    /// `E`: `rank` numbers for each (item, outcome), at `(2 item + correct) rank`.
    pub answer_embeddings: Vec<f64>,
    /// `V`: `rank` numbers for each item.
    pub item_loadings: Vec<f64>,
    pub offset_scale: f64,
    pub offset_shift: f64,
}

impl TransferTerm {
    fn loading(&self, item: usize) -> Option<&[f64]> {
        self.item_loadings
            .get(item * self.rank..(item + 1) * self.rank)
    }
    fn embedding(&self, item: usize, correct: bool) -> Option<&[f64]> {
        let row = 2 * item + usize::from(correct);
        self.answer_embeddings
            .get(row * self.rank..(row + 1) * self.rank)
    }
}

/// `ours` with the transfer term, as an online model.
pub struct TransferModelOnline {
    pub ours: LearnerModelOnline,
    pub term: TransferTerm,
    pub state: Vec<f64>,
}

impl OnlineModel for TransferModelOnline {
    fn start_learner(&mut self) {
        self.ours.start_learner();
        self.state.iter_mut().for_each(|value| *value = 0.0);
    }
    fn predict(&self, item: usize, skills: &[usize], now: f64) -> f64 {
        let base = logit(self.ours.predict(item, skills, now));
        let transfer = self
            .term
            .loading(item)
            .map_or(0.0, |loading| dot(loading, &self.state));
        sigmoid(self.term.offset_scale * base + self.term.offset_shift + transfer)
    }
    fn update(&mut self, item: usize, skills: &[usize], correct: bool, now: f64) {
        self.ours.update(item, skills, correct, now);
        for (dimension, value) in self.state.iter_mut().enumerate() {
            *value *= self.term.decays[dimension % self.term.decays.len()];
        }
        if let Some(embedding) = self.term.embedding(item, correct) {
            for (value, add) in self.state.iter_mut().zip(embedding) {
                *value += add;
            }
        }
    }
}

/// Fits `ours` on every train learner and one transfer term per settings on stacked logits
/// (the folds of the first settings).
pub fn fit_transfer_models(
    train: &Dataset,
    item_count: usize,
    model_settings: ModelSettings,
    variants: &[TransferSettings],
) -> Vec<TransferModelOnline> {
    let sequences = observed_sequences(train);
    let offsets = stacked_logits(train, model_settings, variants[0].folds);
    let parameters = calibrated_model::fit(&sequences, model_settings);
    variants
        .iter()
        .map(|settings| {
            let term = fit_term(train, &offsets, item_count, settings);
            eprintln!(
                "transfer {settings:?}: offset scale {:.3}, shift {:.3}",
                term.offset_scale, term.offset_shift
            );
            let rank = term.rank;
            TransferModelOnline {
                ours: LearnerModelOnline::new(parameters.clone()),
                term,
                state: vec![0.0; rank],
            }
        })
        .collect()
}

/// `ours`' logit before each train answer (learners in order, answers in order), each learner's
/// from `ours` fitted on the learners of the other folds (learner index mod `folds`).
pub(crate) fn stacked_logits(
    train: &Dataset,
    model_settings: ModelSettings,
    folds: usize,
) -> Vec<Vec<f64>> {
    let sequences = observed_sequences(train);
    let mut logits = vec![Vec::new(); train.learners.len()];
    for fold in 0..folds {
        let others: Vec<_> = sequences
            .iter()
            .enumerate()
            .filter(|(index, _)| index % folds != fold)
            .map(|(_, sequence)| sequence.clone())
            .collect();
        let parameters: FittedParameters = calibrated_model::fit(&others, model_settings);
        let mut model = LearnerModelOnline::new(parameters);
        for (index, learner) in train.learners.iter().enumerate() {
            if index % folds != fold {
                continue;
            }
            model.start_learner();
            for answer in &learner.answers {
                logits[index].push(logit(model.predict(
                    answer.item,
                    &answer.skills,
                    answer.timestamp,
                )));
                model.update(
                    answer.item,
                    &answer.skills,
                    answer.correct,
                    answer.timestamp,
                );
            }
        }
    }
    logits
}

/// Full-batch Adam on the penalized log-likelihood of the train answers given the offsets. The
/// learners with index mod 5 = 4 are held out of the gradient: the fit keeps the parameters of
/// the iteration (checked every 10) with the best log-likelihood on them (early stopping).
fn fit_term(
    train: &Dataset,
    offsets: &[Vec<f64>],
    item_count: usize,
    settings: &TransferSettings,
) -> TransferTerm {
    let rank = settings.rank;
    let mut item_skills: Vec<Option<Vec<usize>>> = vec![None; item_count];
    let mut skill_count = 0;
    for learner in &train.learners {
        for answer in &learner.answers {
            if item_skills[answer.item].is_none() {
                item_skills[answer.item] = Some(answer.skills.clone());
            }
            skill_count = answer
                .skills
                .iter()
                .fold(skill_count, |count, &skill| count.max(skill + 1));
        }
    }
    if !settings.skill_level {
        skill_count = 0;
    }
    // Parameters: E and V of the items, E and V of the skills, then scale and shift.
    let item_embedding = 0;
    let item_loading = item_embedding + 2 * item_count * rank;
    let skill_embedding = item_loading + item_count * rank;
    let skill_loading = skill_embedding + 2 * skill_count * rank;
    let length = skill_loading + skill_count * rank + 2;
    let (scale, shift) = (length - 2, length - 1);
    let mut parameters = vec![0.0; length];
    let mut random_state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next_random = || {
        random_state ^= random_state << 13;
        random_state ^= random_state >> 7;
        random_state ^= random_state << 17;
        (random_state >> 11) as f64 / (1u64 << 53) as f64 - 0.5
    };
    for (item, skills) in item_skills.iter().enumerate() {
        if skills.is_none() || !settings.item_level {
            continue;
        }
        for dimension in 0..rank {
            parameters[item_embedding + 2 * item * rank + dimension] = 0.1 * next_random();
            parameters[item_embedding + (2 * item + 1) * rank + dimension] = 0.1 * next_random();
            parameters[item_loading + item * rank + dimension] = 0.1 * next_random();
        }
    }
    for value in &mut parameters[skill_embedding..skill_loading + skill_count * rank] {
        *value = 0.1 * next_random();
    }
    parameters[scale] = 1.0;
    let precision_of = |index: usize| {
        if index < skill_embedding {
            settings.precision
        } else {
            settings.skill_precision
        }
    };
    // The items' effective E and V: their own plus the mean of their skills'.
    let effective = |parameters: &[f64]| {
        let mut embeddings = parameters[item_embedding..item_loading].to_vec();
        let mut loadings = parameters[item_loading..skill_embedding].to_vec();
        if skill_count > 0 {
            for (item, skills) in item_skills.iter().enumerate() {
                let Some(skills) = skills else { continue };
                let share = 1.0 / skills.len().max(1) as f64;
                for &skill in skills {
                    for row in 0..2 {
                        for dimension in 0..rank {
                            embeddings[(2 * item + row) * rank + dimension] += share
                                * parameters
                                    [skill_embedding + (2 * skill + row) * rank + dimension];
                        }
                    }
                    for dimension in 0..rank {
                        loadings[item * rank + dimension] +=
                            share * parameters[skill_loading + skill * rank + dimension];
                    }
                }
            }
        }
        (embeddings, loadings)
    };
    let decays: Vec<f64> = (0..rank).map(|d| settings.decay_of(d)).collect();
    let is_held_out = |index: usize| index % 5 == 4;
    let mut first_moment = vec![0.0; length];
    let mut second_moment = vec![0.0; length];
    let mut gradient = vec![0.0; length];
    let (beta1, beta2): (f64, f64) = (0.9, 0.999);
    let mut best: Option<(f64, Vec<f64>)> = None;
    for iteration in 0..=settings.iterations {
        let (embeddings, loadings) = effective(&parameters);
        let mut embedding_gradient = vec![0.0; embeddings.len()];
        let mut loading_gradient = vec![0.0; loadings.len()];
        gradient.iter_mut().for_each(|value| *value = 0.0);
        let mut held_out_loss = 0.0;
        let mut train_loss = 0.0;
        let check = iteration % 10 == 0 || iteration == settings.iterations;
        for (index, (learner, learner_offsets)) in train.learners.iter().zip(offsets).enumerate() {
            if is_held_out(index) {
                if check {
                    held_out_loss += learner_pass(
                        learner,
                        learner_offsets,
                        &embeddings,
                        &loadings,
                        (parameters[scale], parameters[shift]),
                        &decays,
                        None,
                    );
                }
                continue;
            }
            let mut offset_gradient = [0.0; 2];
            train_loss += learner_pass(
                learner,
                learner_offsets,
                &embeddings,
                &loadings,
                (parameters[scale], parameters[shift]),
                &decays,
                Some((
                    &mut embedding_gradient,
                    &mut loading_gradient,
                    &mut offset_gradient,
                )),
            );
            if settings.fit_offset_scale {
                gradient[scale] += offset_gradient[0];
                gradient[shift] += offset_gradient[1];
            }
        }
        if check && iteration % 50 == 0 {
            eprintln!("transfer: iteration {iteration}, held-out log-loss sum {held_out_loss:.1}, train {train_loss:.1}");
        }
        if check && best.as_ref().is_none_or(|(loss, _)| held_out_loss < *loss) {
            best = Some((held_out_loss, parameters.clone()));
        }
        if iteration == settings.iterations {
            break;
        }
        if settings.item_level {
            gradient[item_embedding..item_loading].copy_from_slice(&embedding_gradient);
            gradient[item_loading..skill_embedding].copy_from_slice(&loading_gradient);
        }
        if skill_count > 0 {
            for (item, skills) in item_skills.iter().enumerate() {
                let Some(skills) = skills else { continue };
                let share = 1.0 / skills.len().max(1) as f64;
                for &skill in skills {
                    for row in 0..2 {
                        for dimension in 0..rank {
                            gradient[skill_embedding + (2 * skill + row) * rank + dimension] +=
                                share * embedding_gradient[(2 * item + row) * rank + dimension];
                        }
                    }
                    for dimension in 0..rank {
                        gradient[skill_loading + skill * rank + dimension] +=
                            share * loading_gradient[item * rank + dimension];
                    }
                }
            }
        }
        for index in 0..length - 2 {
            gradient[index] += precision_of(index) * parameters[index];
        }
        let step_number = (iteration + 1) as i32;
        let correction1 = 1.0 - beta1.powi(step_number);
        let correction2 = 1.0 - beta2.powi(step_number);
        for index in 0..length {
            first_moment[index] = beta1 * first_moment[index] + (1.0 - beta1) * gradient[index];
            second_moment[index] =
                beta2 * second_moment[index] + (1.0 - beta2) * gradient[index] * gradient[index];
            parameters[index] -= settings.learning_rate * (first_moment[index] / correction1)
                / ((second_moment[index] / correction2).sqrt() + 1e-8);
        }
    }
    let (best_loss, parameters) = best.expect("at least one check");
    let (answer_embeddings, item_loadings) = effective(&parameters);
    eprintln!("transfer: best held-out log-loss sum {best_loss:.1}");
    TransferTerm {
        rank,
        decays,
        answer_embeddings,
        item_loadings,
        offset_scale: parameters[scale],
        offset_shift: parameters[shift],
    }
}

/// One learner's answers with the transfer term: returns the log-loss; with gradients, adds the
/// loss's gradient with respect to the items' effective E and V and to the offset's scale and
/// shift.
pub(crate) fn learner_pass(
    learner: &LearnerSequence,
    offsets: &[f64],
    embeddings: &[f64],
    loadings: &[f64],
    (scale, shift): (f64, f64),
    decays: &[f64],
    gradients: Option<(&mut [f64], &mut [f64], &mut [f64; 2])>,
) -> f64 {
    let rank = decays.len();
    let mut state = vec![0.0; rank];
    let mut residuals = Vec::with_capacity(learner.answers.len());
    let mut loss = 0.0;
    let (embedding_gradient, mut loading_gradient, mut offset_gradient) = match gradients {
        Some((e, l, o)) => (Some(e), Some(l), Some(o)),
        None => (None, None, None),
    };
    for (answer, &offset) in learner.answers.iter().zip(offsets) {
        let loading = &loadings[answer.item * rank..(answer.item + 1) * rank];
        let z = scale * offset + shift + dot(loading, &state);
        let probability = sigmoid(z).clamp(1e-12, 1.0 - 1e-12);
        loss -= if answer.correct {
            probability.ln()
        } else {
            (1.0 - probability).ln()
        };
        let residual = probability - f64::from(u8::from(answer.correct));
        residuals.push(residual);
        if let Some(loading_gradient) = loading_gradient.as_deref_mut() {
            for dimension in 0..rank {
                loading_gradient[answer.item * rank + dimension] += residual * state[dimension];
            }
        }
        if let Some(offset_gradient) = offset_gradient.as_deref_mut() {
            offset_gradient[0] += residual * offset;
            offset_gradient[1] += residual;
        }
        let row = (2 * answer.item + usize::from(answer.correct)) * rank;
        for dimension in 0..rank {
            state[dimension] = decays[dimension] * state[dimension] + embeddings[row + dimension];
        }
    }
    // Backward: `back` is the loss's gradient with respect to the state after answer t.
    if let Some(embedding_gradient) = embedding_gradient {
        let mut back = vec![0.0; rank];
        for (answer, &residual) in learner.answers.iter().zip(&residuals).rev() {
            let row = (2 * answer.item + usize::from(answer.correct)) * rank;
            for dimension in 0..rank {
                embedding_gradient[row + dimension] += back[dimension];
                back[dimension] = residual * loadings[answer.item * rank + dimension]
                    + decays[dimension] * back[dimension];
            }
        }
    }
    loss
}

pub(crate) fn dot(left: &[f64], right: &[f64]) -> f64 {
    left.iter().zip(right).map(|(a, b)| a * b).sum()
}

pub(crate) fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

pub(crate) fn logit(probability: f64) -> f64 {
    let p = probability.clamp(1e-9, 1.0 - 1e-9);
    (p / (1.0 - p)).ln()
}
