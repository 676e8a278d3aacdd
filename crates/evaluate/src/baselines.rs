//! Reference models to compare the learner model with: the train mean and a Rasch model (IRT 1PL); two-level Elo is in `elo.rs`.

use adaptive_practice_engine::calibrated_model::ObservedAnswer;
use adaptive_practice_engine::math::sigmoid;
use adaptive_practice_engine::optimize::minimize_with_lbfgs;

use crate::replay::OnlineModel;

/// Predicts the share of correct answers in the training data, whatever happens.
pub struct MeanModel {
    pub probability: f64,
}

pub fn fit_mean_model(learner_sequences: &[Vec<ObservedAnswer>]) -> MeanModel {
    let (mut correct_count, mut answer_count) = (0.0, 0.0);
    for answer in learner_sequences.iter().flatten() {
        correct_count += if answer.correct { 1.0 } else { 0.0 };
        answer_count += 1.0;
    }
    MeanModel {
        probability: if answer_count > 0.0 {
            correct_count / answer_count
        } else {
            0.5
        },
    }
}

impl OnlineModel for MeanModel {
    fn start_learner(&mut self) {}
    fn predict(&self, _item: usize, _skills: &[usize], _now: f64) -> f64 {
        self.probability
    }
    fn update(&mut self, _item: usize, _skills: &[usize], _correct: bool, _now: f64) {}
}

/// Rasch model: P(correct) = sigmoid(ability + item easiness). Item easiness is fitted on the train
/// learners jointly with their abilities (normal priors); a test learner's ability is the
/// maximum a posteriori estimate from their answers so far, under the standard normal prior.
pub struct RaschModel {
    pub item_easiness: Vec<f64>,
    learner_ability: f64,
    learner_answers: Vec<(f64, bool)>,
}

const RASCH_ITEM_PRECISION: f64 = 0.5;

/// How many items the answers name (items are numbered from 0).
fn item_count(learner_sequences: &[Vec<ObservedAnswer>]) -> usize {
    learner_sequences
        .iter()
        .flatten()
        .map(|answer| answer.item + 1)
        .max()
        .unwrap_or(0)
}

pub fn fit_rasch_model(learner_sequences: &[Vec<ObservedAnswer>]) -> RaschModel {
    let item_count = item_count(learner_sequences);
    let objective = |weights: &[f64], gradient: &mut [f64]| -> f64 {
        gradient.iter_mut().for_each(|value| *value = 0.0);
        let mut loss = 0.0;
        for (learner, sequence) in learner_sequences.iter().enumerate() {
            for answer in sequence {
                let probability = sigmoid(weights[answer.item] + weights[item_count + learner]);
                loss -= if answer.correct {
                    probability.max(1e-300).ln()
                } else {
                    (1.0 - probability).max(1e-300).ln()
                };
                let residual = probability - if answer.correct { 1.0 } else { 0.0 };
                gradient[answer.item] += residual;
                gradient[item_count + learner] += residual;
            }
        }
        for (index, (weight, slot)) in weights.iter().zip(gradient.iter_mut()).enumerate() {
            let precision = if index < item_count {
                RASCH_ITEM_PRECISION
            } else {
                1.0
            };
            loss += 0.5 * precision * weight * weight;
            *slot += precision * weight;
        }
        loss
    };
    let mut weights = minimize_with_lbfgs(
        objective,
        vec![0.0; item_count + learner_sequences.len()],
        300,
    );
    weights.truncate(item_count);
    RaschModel {
        item_easiness: weights,
        learner_ability: 0.0,
        learner_answers: Vec::new(),
    }
}

impl OnlineModel for RaschModel {
    fn start_learner(&mut self) {
        self.learner_ability = 0.0;
        self.learner_answers.clear();
    }
    fn predict(&self, item: usize, _skills: &[usize], _now: f64) -> f64 {
        sigmoid(self.learner_ability + self.item_easiness.get(item).copied().unwrap_or(0.0))
    }
    fn update(&mut self, item: usize, _skills: &[usize], correct: bool, _now: f64) {
        self.learner_answers.push((
            self.item_easiness.get(item).copied().unwrap_or(0.0),
            correct,
        ));
        // Newton steps on the log-posterior, warm-started from the previous estimate.
        for _ in 0..3 {
            let (mut slope, mut curvature) = (-self.learner_ability, 1.0);
            for &(easiness, answer_correct) in &self.learner_answers {
                let probability = sigmoid(self.learner_ability + easiness);
                slope += if answer_correct { 1.0 } else { 0.0 } - probability;
                curvature += probability * (1.0 - probability);
            }
            self.learner_ability += slope / curvature;
        }
    }
}
