//! `ours-factors` (experiment, issue 13): `ours` plus a low-rank learner vector estimated online.
//!
//! Each item gets `rank` loadings `W[i]`; the learner a vector `u` with prior `N(0, I / prior)`.
//! The prediction for item `i` adds `W[i] · m` to `ours`' logit, `m` the current mean of `u`;
//! after each answer the mean and covariance `S` take one extended-Kalman step for a logistic
//! observation: with `p` the prediction, `w = W[i]`, `h = p (1 − p)` and `d = 1 + h wᵀSw`,
//! `m ← m + S w (y − p) / d` and `S ← S − h (S w)(S w)ᵀ / d`. Each item adds `rank` numbers;
//! per answer it costs about `2 rank²`.
//!
//! Fitting is stacked as `ours-transfer`'s (`transfer::stacked_logits`): the loadings, one
//! vector per train learner and a scale and shift of `ours`' logit are fitted by full-batch Adam
//! on the penalized log-likelihood (precision `precision` on `W`, `prior` on the learners'
//! vectors); the learners with index mod 5 = 4 are held out of the gradient and replayed with
//! the online filter every 10 iterations, and the loadings with the best held-out log-likelihood
//! are kept (early stopping on what a new learner gets).

use adaptive_practice_engine::calibrated_model::{self, ModelSettings};

use crate::dataset::{Dataset, LearnerSequence};
use crate::knowledge_tracing::{observed_sequences, LearnerModelOnline};
use crate::replay::OnlineModel;
use crate::transfer::{dot, logit, sigmoid, stacked_logits};

/// Settings of the learner vector (`EVALUATE_FACTORS=rank=4,precision=1,...` overrides them).
#[derive(Clone, Debug, PartialEq)]
pub struct FactorSettings {
    pub rank: usize,
    pub precision: f64,
    pub prior: f64,
    pub iterations: usize,
    pub learning_rate: f64,
    pub folds: usize,
    /// Whether the scale and shift of `ours`' logit are fitted (else 1 and 0).
    pub fit_offset_scale: bool,
}

impl Default for FactorSettings {
    fn default() -> FactorSettings {
        // The best measured on the validation splits (README, branch model13f).
        FactorSettings {
            rank: 8,
            precision: 3.0,
            prior: 3.0,
            iterations: 600,
            learning_rate: 0.01,
            folds: 5,
            fit_offset_scale: false,
        }
    }
}

impl FactorSettings {
    /// The defaults overridden by `name=value` pairs separated by `,`.
    pub fn parse(text: &str) -> Result<FactorSettings, String> {
        let mut settings = FactorSettings::default();
        for assignment in text.split(',').filter(|part| !part.trim().is_empty()) {
            let (name, value) = assignment
                .split_once('=')
                .ok_or_else(|| format!("`{assignment}`: expected NAME=VALUE"))?;
            let number = value
                .trim()
                .parse::<f64>()
                .map_err(|_| format!("`{assignment}`: not a number"))?;
            match name.trim() {
                "rank" => settings.rank = number as usize,
                "precision" => settings.precision = number,
                "prior" => settings.prior = number,
                "iterations" => settings.iterations = number as usize,
                "learning_rate" => settings.learning_rate = number,
                "folds" => settings.folds = number as usize,
                "fit_offset_scale" => settings.fit_offset_scale = number != 0.0,
                other => return Err(format!("unknown factor setting `{other}`")),
            }
        }
        if settings.rank == 0 || settings.folds < 2 || settings.prior <= 0.0 {
            return Err("factors: rank ≥ 1, folds ≥ 2, prior > 0".to_string());
        }
        Ok(settings)
    }
}

/// The online estimate of one learner's vector.
#[derive(Clone, Debug, PartialEq)]
pub struct LearnerVector {
    pub mean: Vec<f64>,
    /// Row-major `rank × rank`.
    pub covariance: Vec<f64>,
}

impl LearnerVector {
    pub fn new(rank: usize, prior: f64) -> LearnerVector {
        let mut covariance = vec![0.0; rank * rank];
        for dimension in 0..rank {
            covariance[dimension * rank + dimension] = 1.0 / prior;
        }
        LearnerVector {
            mean: vec![0.0; rank],
            covariance,
        }
    }

    /// One extended-Kalman step after an answer predicted with probability `probability`.
    pub fn observe(&mut self, loading: &[f64], probability: f64, correct: bool) {
        let rank = self.mean.len();
        let spread: Vec<f64> = (0..rank)
            .map(|row| dot(&self.covariance[row * rank..(row + 1) * rank], loading))
            .collect();
        let curvature = probability * (1.0 - probability);
        let denominator = 1.0 + curvature * dot(loading, &spread);
        let residual = f64::from(u8::from(correct)) - probability;
        for row in 0..rank {
            self.mean[row] += spread[row] * residual / denominator;
            for column in 0..rank {
                self.covariance[row * rank + column] -=
                    curvature * spread[row] * spread[column] / denominator;
            }
        }
    }
}

/// `ours` with the learner vector, as an online model.
pub struct FactorModelOnline {
    pub ours: LearnerModelOnline,
    pub rank: usize,
    pub prior: f64,
    pub loadings: Vec<f64>,
    pub offset_scale: f64,
    pub offset_shift: f64,
    pub learner: LearnerVector,
}

impl FactorModelOnline {
    fn loading(&self, item: usize) -> Option<&[f64]> {
        self.loadings.get(item * self.rank..(item + 1) * self.rank)
    }
}

impl OnlineModel for FactorModelOnline {
    fn start_learner(&mut self) {
        self.ours.start_learner();
        self.learner = LearnerVector::new(self.rank, self.prior);
    }
    fn predict(&self, item: usize, skills: &[usize], now: f64) -> f64 {
        let base = logit(self.ours.predict(item, skills, now));
        let factor = self
            .loading(item)
            .map_or(0.0, |loading| dot(loading, &self.learner.mean));
        sigmoid(self.offset_scale * base + self.offset_shift + factor)
    }
    fn update(&mut self, item: usize, skills: &[usize], correct: bool, now: f64) {
        let probability = self.predict(item, skills, now);
        if let Some(loading) = self.loading(item).map(<[f64]>::to_vec) {
            self.learner.observe(&loading, probability, correct);
        }
        self.ours.update(item, skills, correct, now);
    }
}

/// Fits `ours` on every train learner and one learner-vector model per settings on stacked
/// logits (the folds of the first settings).
pub fn fit_factor_models(
    train: &Dataset,
    item_count: usize,
    model_settings: ModelSettings,
    variants: &[FactorSettings],
) -> Vec<FactorModelOnline> {
    let sequences = observed_sequences(train);
    let offsets = stacked_logits(train, model_settings, variants[0].folds);
    let parameters = calibrated_model::fit(&sequences, model_settings);
    variants
        .iter()
        .map(|settings| {
            let (loadings, offset_scale, offset_shift) =
                fit_loadings(train, &offsets, item_count, settings);
            eprintln!(
                "factors {settings:?}: offset scale {offset_scale:.3}, shift {offset_shift:.3}"
            );
            FactorModelOnline {
                ours: LearnerModelOnline::new(parameters.clone()),
                rank: settings.rank,
                prior: settings.prior,
                loadings,
                offset_scale,
                offset_shift,
                learner: LearnerVector::new(settings.rank, settings.prior),
            }
        })
        .collect()
}

/// The log-loss of one learner replayed with the online filter.
fn filtered_loss(
    learner: &LearnerSequence,
    offsets: &[f64],
    loadings: &[f64],
    (scale, shift): (f64, f64),
    settings: &FactorSettings,
) -> f64 {
    let rank = settings.rank;
    let mut vector = LearnerVector::new(rank, settings.prior);
    let mut loss = 0.0;
    for (answer, &offset) in learner.answers.iter().zip(offsets) {
        let loading = &loadings[answer.item * rank..(answer.item + 1) * rank];
        let probability =
            sigmoid(scale * offset + shift + dot(loading, &vector.mean)).clamp(1e-12, 1.0 - 1e-12);
        loss -= if answer.correct {
            probability.ln()
        } else {
            (1.0 - probability).ln()
        };
        vector.observe(loading, probability, answer.correct);
    }
    loss
}

/// Returns the loadings (items × rank), the scale and the shift.
fn fit_loadings(
    train: &Dataset,
    offsets: &[Vec<f64>],
    item_count: usize,
    settings: &FactorSettings,
) -> (Vec<f64>, f64, f64) {
    let rank = settings.rank;
    let learner_count = train.learners.len();
    let loading_length = item_count * rank;
    let learner_start = loading_length;
    let length = learner_start + learner_count * rank + 2;
    let (scale, shift) = (length - 2, length - 1);
    let mut parameters = vec![0.0; length];
    let mut random_state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next_random = || {
        random_state ^= random_state << 13;
        random_state ^= random_state >> 7;
        random_state ^= random_state << 17;
        (random_state >> 11) as f64 / (1u64 << 53) as f64 - 0.5
    };
    let mut seen = vec![false; item_count];
    for learner in &train.learners {
        for answer in &learner.answers {
            seen[answer.item] = true;
        }
    }
    for item in (0..item_count).filter(|&item| seen[item]) {
        for dimension in 0..rank {
            parameters[item * rank + dimension] = 0.1 * next_random();
        }
    }
    for value in &mut parameters[learner_start..length - 2] {
        *value = 0.1 * next_random();
    }
    parameters[scale] = 1.0;
    let is_held_out = |index: usize| index % 5 == 4;
    let mut first_moment = vec![0.0; length];
    let mut second_moment = vec![0.0; length];
    let mut gradient = vec![0.0; length];
    let (beta1, beta2): (f64, f64) = (0.9, 0.999);
    let mut best: Option<(f64, Vec<f64>)> = None;
    for iteration in 0..=settings.iterations {
        gradient.iter_mut().for_each(|value| *value = 0.0);
        let check = iteration % 10 == 0 || iteration == settings.iterations;
        let (mut held_out_loss, mut train_loss) = (0.0, 0.0);
        for (index, (learner, learner_offsets)) in train.learners.iter().zip(offsets).enumerate() {
            if is_held_out(index) {
                if check {
                    held_out_loss += filtered_loss(
                        learner,
                        learner_offsets,
                        &parameters[..loading_length],
                        (parameters[scale], parameters[shift]),
                        settings,
                    );
                }
                continue;
            }
            let vector_start = learner_start + index * rank;
            for (answer, &offset) in learner.answers.iter().zip(learner_offsets) {
                let loading_start = answer.item * rank;
                let z = parameters[scale] * offset
                    + parameters[shift]
                    + dot(
                        &parameters[loading_start..loading_start + rank],
                        &parameters[vector_start..vector_start + rank],
                    );
                let probability = sigmoid(z).clamp(1e-12, 1.0 - 1e-12);
                train_loss -= if answer.correct {
                    probability.ln()
                } else {
                    (1.0 - probability).ln()
                };
                let residual = probability - f64::from(u8::from(answer.correct));
                for dimension in 0..rank {
                    gradient[loading_start + dimension] +=
                        residual * parameters[vector_start + dimension];
                    gradient[vector_start + dimension] +=
                        residual * parameters[loading_start + dimension];
                }
                if settings.fit_offset_scale {
                    gradient[scale] += residual * offset;
                    gradient[shift] += residual;
                }
            }
        }
        if check && iteration % 50 == 0 {
            eprintln!(
                "factors: iteration {iteration}, held-out (online) log-loss sum {held_out_loss:.1}, train {train_loss:.1}"
            );
        }
        if check && best.as_ref().is_none_or(|(loss, _)| held_out_loss < *loss) {
            best = Some((held_out_loss, parameters.clone()));
        }
        if iteration == settings.iterations {
            break;
        }
        for index in 0..length - 2 {
            let precision = if index < learner_start {
                settings.precision
            } else {
                settings.prior
            };
            gradient[index] += precision * parameters[index];
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
    eprintln!("factors: best held-out (online) log-loss sum {best_loss:.1}");
    (
        parameters[..loading_length].to_vec(),
        parameters[scale],
        parameters[shift],
    )
}
