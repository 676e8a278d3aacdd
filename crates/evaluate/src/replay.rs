//! The online protocol: every test learner from scratch, predict each answer before seeing it, then update.

use std::time::Instant;

use crate::dataset::Dataset;

/// A model that predicts one learner's answers one after the other.
pub trait OnlineModel {
    /// Forgets the previous learner: what follows are the answers of a new learner.
    fn start_learner(&mut self);
    fn predict(&self, item: usize, skills: &[usize], now: f64) -> f64;
    fn update(&mut self, item: usize, skills: &[usize], correct: bool, now: f64);
}

/// The predictions of one model for every test answer, in file order, and its speed.
#[derive(Clone, Debug, PartialEq)]
pub struct ReplayOutcome {
    pub predictions: Vec<f64>,
    pub outcomes: Vec<bool>,
    /// Wall-clock time of predict plus update, per answer.
    pub microseconds_per_answer: f64,
}

pub fn replay_learners(model: &mut dyn OnlineModel, test: &Dataset) -> ReplayOutcome {
    let answer_count = test.answer_count();
    let mut predictions = Vec::with_capacity(answer_count);
    let mut outcomes = Vec::with_capacity(answer_count);
    let mut seconds = 0.0;
    for learner in &test.learners {
        model.start_learner();
        let started = Instant::now();
        for answer in &learner.answers {
            predictions.push(model.predict(answer.item, &answer.skills, answer.timestamp));
            model.update(
                answer.item,
                &answer.skills,
                answer.correct,
                answer.timestamp,
            );
        }
        seconds += started.elapsed().as_secs_f64();
        outcomes.extend(learner.answers.iter().map(|answer| answer.correct));
    }
    ReplayOutcome {
        predictions,
        outcomes,
        microseconds_per_answer: seconds * 1e6 / answer_count.max(1) as f64,
    }
}
