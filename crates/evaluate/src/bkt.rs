//! Bayesian knowledge tracing per skill, with forgetting, fitted by expectation-maximization.

use adaptive_practice_engine::calibrated_model::ObservedAnswer;

use crate::replay::OnlineModel;

/// The four classic parameters and a forgetting probability of one skill.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SkillParameters {
    pub initially_known: f64,
    pub learn: f64,
    pub forget: f64,
    pub guess: f64,
    pub slip: f64,
}

const STARTING_PARAMETERS: SkillParameters = SkillParameters {
    initially_known: 0.4,
    learn: 0.1,
    forget: 0.01,
    guess: 0.2,
    slip: 0.1,
};
const MAXIMUM_GUESS: f64 = 0.4;
const MAXIMUM_SLIP: f64 = 0.4;
const EM_ITERATIONS: usize = 40;

/// Per-skill BKT; answers without a skill, and skills unseen in training, use parameters fitted on
/// all answers pooled as one skill. An item with several skills is predicted by the mean over them.
pub struct KnowledgeTracingModel {
    pub skill_parameters: Vec<SkillParameters>,
    pub pooled_parameters: SkillParameters,
    known_probability_by_skill: Vec<Option<f64>>,
    known_probability_without_skill: Option<f64>,
}

pub fn fit_knowledge_tracing_model(
    learner_sequences: &[Vec<ObservedAnswer>],
) -> KnowledgeTracingModel {
    let skill_count = learner_sequences
        .iter()
        .flatten()
        .flat_map(|answer| answer.skills.iter().map(|skill| skill + 1))
        .max()
        .unwrap_or(0);
    let mut outcomes_by_skill: Vec<Vec<Vec<bool>>> = vec![Vec::new(); skill_count];
    let mut pooled_outcomes: Vec<Vec<bool>> = Vec::new();
    for sequence in learner_sequences {
        let mut learner_outcomes_by_skill: Vec<Vec<bool>> = vec![Vec::new(); skill_count];
        for answer in sequence {
            for &skill in &answer.skills {
                learner_outcomes_by_skill[skill].push(answer.correct);
            }
        }
        pooled_outcomes.push(sequence.iter().map(|answer| answer.correct).collect());
        for (skill, outcomes) in learner_outcomes_by_skill.into_iter().enumerate() {
            if !outcomes.is_empty() {
                outcomes_by_skill[skill].push(outcomes);
            }
        }
    }
    let pooled_parameters = fit_skill_parameters(&pooled_outcomes);
    let skill_parameters = outcomes_by_skill
        .iter()
        .map(|sequences| fit_skill_parameters(sequences))
        .collect();
    KnowledgeTracingModel {
        skill_parameters,
        pooled_parameters,
        known_probability_by_skill: Vec::new(),
        known_probability_without_skill: None,
    }
}

/// Expectation-maximization (Baum-Welch) for the two-state hidden Markov model of one skill.
pub fn fit_skill_parameters(sequences: &[Vec<bool>]) -> SkillParameters {
    let mut parameters = STARTING_PARAMETERS;
    if sequences.is_empty() {
        return parameters;
    }
    for _ in 0..EM_ITERATIONS {
        // Expected counts, with a small pseudo-count towards the starting parameters.
        let mut initially_known_sum = 0.0;
        let (mut learn_numerator, mut learn_denominator) = (0.01 * STARTING_PARAMETERS.learn, 0.01);
        let (mut forget_numerator, mut forget_denominator) =
            (0.01 * STARTING_PARAMETERS.forget, 0.01);
        let (mut guess_numerator, mut guess_denominator) = (0.01 * STARTING_PARAMETERS.guess, 0.01);
        let (mut slip_numerator, mut slip_denominator) = (0.01 * STARTING_PARAMETERS.slip, 0.01);
        for outcomes in sequences {
            let emission = |known: bool, correct: bool| match (known, correct) {
                (true, true) => 1.0 - parameters.slip,
                (true, false) => parameters.slip,
                (false, true) => parameters.guess,
                (false, false) => 1.0 - parameters.guess,
            };
            // Forward pass: filtered probability of "known" after each observation.
            let mut filtered_known = Vec::with_capacity(outcomes.len());
            let mut predicted_known = parameters.initially_known;
            for &correct in outcomes {
                let joint_known = predicted_known * emission(true, correct);
                let joint_unknown = (1.0 - predicted_known) * emission(false, correct);
                let known = joint_known / (joint_known + joint_unknown).max(1e-300);
                filtered_known.push(known);
                predicted_known =
                    known * (1.0 - parameters.forget) + (1.0 - known) * parameters.learn;
            }
            // Backward pass (Rauch-Tung-Striebel form): smoothed "known" and expected transitions.
            let last = outcomes.len() - 1;
            let mut smoothed_known = filtered_known[last];
            for position in (0..outcomes.len()).rev() {
                let correct = outcomes[position];
                if position < last {
                    let known = filtered_known[position];
                    let next_predicted = (known * (1.0 - parameters.forget)
                        + (1.0 - known) * parameters.learn)
                        .clamp(1e-12, 1.0 - 1e-12);
                    let known_to_known =
                        known * (1.0 - parameters.forget) * smoothed_known / next_predicted;
                    let unknown_to_known =
                        (1.0 - known) * parameters.learn * smoothed_known / next_predicted;
                    let known_to_unknown =
                        known * parameters.forget * (1.0 - smoothed_known) / (1.0 - next_predicted);
                    let current_smoothed = (known_to_known + known_to_unknown).clamp(0.0, 1.0);
                    learn_numerator += unknown_to_known;
                    learn_denominator += 1.0 - current_smoothed;
                    forget_numerator += known_to_unknown;
                    forget_denominator += current_smoothed;
                    smoothed_known = current_smoothed;
                }
                if correct {
                    guess_numerator += 1.0 - smoothed_known;
                } else {
                    slip_numerator += smoothed_known;
                }
                guess_denominator += 1.0 - smoothed_known;
                slip_denominator += smoothed_known;
            }
            initially_known_sum += smoothed_known;
        }
        parameters = SkillParameters {
            initially_known: (initially_known_sum / sequences.len() as f64).clamp(0.001, 0.999),
            learn: (learn_numerator / learn_denominator).clamp(0.001, 0.999),
            forget: (forget_numerator / forget_denominator).clamp(0.0, 0.5),
            guess: (guess_numerator / guess_denominator).clamp(0.001, MAXIMUM_GUESS),
            slip: (slip_numerator / slip_denominator).clamp(0.001, MAXIMUM_SLIP),
        };
    }
    parameters
}

impl KnowledgeTracingModel {
    fn parameters_of(&self, skill: usize) -> SkillParameters {
        self.skill_parameters
            .get(skill)
            .copied()
            .unwrap_or(self.pooled_parameters)
    }
}

impl OnlineModel for KnowledgeTracingModel {
    fn start_learner(&mut self) {
        self.known_probability_by_skill.clear();
        self.known_probability_without_skill = None;
    }
    fn predict(&self, _item: usize, skills: &[usize], _now: f64) -> f64 {
        if skills.is_empty() {
            let known = self
                .known_probability_without_skill
                .unwrap_or(self.pooled_parameters.initially_known);
            return correct_probability(&self.pooled_parameters, known);
        }
        let total: f64 = skills
            .iter()
            .map(|&skill| {
                let parameters = self.parameters_of(skill);
                let known = self
                    .known_probability_by_skill
                    .get(skill)
                    .copied()
                    .flatten()
                    .unwrap_or(parameters.initially_known);
                correct_probability(&parameters, known)
            })
            .sum();
        total / skills.len() as f64
    }
    fn update(&mut self, _item: usize, skills: &[usize], correct: bool, _now: f64) {
        if skills.is_empty() {
            let known = self
                .known_probability_without_skill
                .unwrap_or(self.pooled_parameters.initially_known);
            self.known_probability_without_skill = Some(next_known_probability(
                &self.pooled_parameters,
                known,
                correct,
            ));
            return;
        }
        for &skill in skills {
            let parameters = self.parameters_of(skill);
            if self.known_probability_by_skill.len() <= skill {
                self.known_probability_by_skill.resize(skill + 1, None);
            }
            let known =
                self.known_probability_by_skill[skill].unwrap_or(parameters.initially_known);
            self.known_probability_by_skill[skill] =
                Some(next_known_probability(&parameters, known, correct));
        }
    }
}

fn correct_probability(parameters: &SkillParameters, known: f64) -> f64 {
    known * (1.0 - parameters.slip) + (1.0 - known) * parameters.guess
}

fn next_known_probability(parameters: &SkillParameters, known: f64, correct: bool) -> f64 {
    let (if_known, if_unknown) = if correct {
        (1.0 - parameters.slip, parameters.guess)
    } else {
        (parameters.slip, 1.0 - parameters.guess)
    };
    let posterior = known * if_known / (known * if_known + (1.0 - known) * if_unknown).max(1e-300);
    posterior * (1.0 - parameters.forget) + (1.0 - posterior) * parameters.learn
}
