//! An experiment for the defaults: the learner's own last outcome on the same item, which the
//! calibrated model's learner state does not keep, as a shift of the defaults' logit.
//!
//! Only here, in the bench: it tells whether a per-item memory in `LearnerState` would be worth
//! its place. Two shifts (the last answer to this item wrong, or right) are fitted on the same
//! learners as the defaults, the defaults' logit held fixed.

use std::collections::HashMap;

use adaptive_practice_engine::calibrated_model::{FittedParameters, LearnerState, ObservedAnswer};
use adaptive_practice_engine::math::{logit, sigmoid};

use crate::knowledge_tracing::LearnerModelOnline;
use crate::replay::OnlineModel;

/// The defaults plus the shift of the logit after the learner's last answer to the same item
/// (index 0: wrong, 1: right).
pub struct DefaultsWithItemMemory {
    pub defaults: LearnerModelOnline,
    pub shifts: [f64; 2],
    last_outcomes: HashMap<usize, bool>,
}

impl DefaultsWithItemMemory {
    pub fn new(parameters: FittedParameters, shifts: [f64; 2]) -> Self {
        DefaultsWithItemMemory {
            defaults: LearnerModelOnline {
                parameters,
                state: LearnerState::default(),
            },
            shifts,
            last_outcomes: HashMap::new(),
        }
    }
}

impl OnlineModel for DefaultsWithItemMemory {
    fn start_learner(&mut self) {
        self.defaults.start_learner();
        self.last_outcomes.clear();
    }
    fn predict(&self, item: usize, skills: &[usize], now: f64) -> f64 {
        let probability = self.defaults.predict(item, skills, now);
        match self.last_outcomes.get(&item) {
            Some(&correct) => sigmoid(logit(probability) + self.shifts[usize::from(correct)]),
            None => probability,
        }
    }
    fn update(&mut self, item: usize, skills: &[usize], correct: bool, now: f64) {
        self.defaults.update(item, skills, correct, now);
        self.last_outcomes.insert(item, correct);
    }
}

/// The two shifts that maximize the likelihood of the repeated answers of `learner_sequences`
/// under the defaults `parameters` (a few Newton steps each; 0 for a kind never seen).
pub fn fit_item_memory_shifts(
    parameters: &FittedParameters,
    learner_sequences: &[Vec<ObservedAnswer>],
) -> [f64; 2] {
    // (defaults' logit, correct) of each repeated answer, by the last outcome on the item.
    let mut repeated: [Vec<(f64, bool)>; 2] = [Vec::new(), Vec::new()];
    let mut model = DefaultsWithItemMemory::new(parameters.clone(), [0.0; 2]);
    for sequence in learner_sequences {
        model.start_learner();
        for answer in sequence {
            if let Some(&last) = model.last_outcomes.get(&answer.item) {
                let probability = model
                    .defaults
                    .predict(answer.item, &answer.skills, answer.now);
                repeated[usize::from(last)].push((logit(probability), answer.correct));
            }
            model.update(answer.item, &answer.skills, answer.correct, answer.now);
        }
    }
    repeated.map(|rows| {
        let mut shift = 0.0;
        for _ in 0..20 {
            let (mut gradient, mut curvature) = (0.0, 1e-9);
            for &(base, correct) in &rows {
                let probability = sigmoid(base + shift);
                gradient += f64::from(u8::from(correct)) - probability;
                curvature += probability * (1.0 - probability);
            }
            shift += gradient / curvature;
        }
        shift
    })
}
