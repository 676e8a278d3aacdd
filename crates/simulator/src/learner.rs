//! The hidden truth of a simulated learner: true skill levels that start apart, grow with
//! practice (slowly while prerequisites are not truly mastered) and fade between practice; true
//! item difficulties that differ from the bank's calibration; slip and guess.
//!
//! The engine never sees any of this: it only sees the answers the truth produces.

use adaptive_practice_engine::math::sigmoid;
use adaptive_practice_engine::{IndexedBank, Timestamp};

use crate::random::SplitMix64;
use crate::response::guess_probability;

/// How simulated learners differ and how they learn and forget. Levels are logits on the same
/// scale as the bank's item difficulties.
#[derive(Debug, Clone, PartialEq)]
pub struct PopulationParameters {
    /// Mean starting level of a skill without prerequisites, relative to the mean prior
    /// difficulty of the skill's items.
    pub mean_starting_level: f64,
    /// Standard deviation of a learner's overall head start (shared by all the learner's skills).
    pub learner_starting_level_spread: f64,
    /// Standard deviation of each skill's own deviation from the learner's head start.
    pub skill_starting_level_spread: f64,
    /// How much lower a skill starts per step of prerequisite depth (a skill two prerequisites
    /// deep starts two drops lower).
    pub starting_level_drop_per_prerequisite_depth: f64,
    /// Median gain (logits) from one correct answer, far from the ceiling, prerequisites mastered.
    pub median_learning_rate: f64,
    /// Standard deviation of the logarithm of a learner's learning rate.
    pub learning_rate_log_spread: f64,
    /// Gain from a wrong answer (the learner then reads the feedback and the solution) as a
    /// fraction of the gain from a correct one.
    pub wrong_answer_learning_fraction: f64,
    /// Gain while some prerequisite is not truly mastered, as a fraction of the normal gain.
    pub learning_fraction_without_prerequisites: f64,
    /// Level (relative to the skill's mean true difficulty) at which a gain is halved; gains
    /// shrink as sigmoid(ceiling - relative level).
    pub level_ceiling: f64,
    /// Median memory strength (days) of what was learned in a first session.
    pub median_initial_memory_days: f64,
    /// Standard deviation of the logarithm of a learner's memory strength.
    pub memory_log_spread: f64,
    /// On practice after a gap, memory strength grows by the factor
    /// 1 + growth * (1 - exp(-gap / strength)): spaced practice strengthens memory, massed does not.
    pub spaced_practice_memory_growth: f64,
    /// Days of memory strength every attempt adds, spaced or not.
    pub memory_days_per_attempt: f64,
    pub lowest_slip: f64,
    pub highest_slip: f64,
    /// P(correct) by luck on a typed answer; a choice item's is 1 / number of choices (see
    /// `response::guess_probability`).
    pub typed_answer_guess: f64,
    /// Standard deviation of (true difficulty - the bank's prior difficulty).
    pub item_difficulty_noise: f64,
    /// Hidden P(correct) on a typical item of a skill that counts as truly mastered.
    pub true_mastery_probability: f64,
}

impl Default for PopulationParameters {
    fn default() -> Self {
        PopulationParameters {
            mean_starting_level: -1.0,
            learner_starting_level_spread: 1.0,
            skill_starting_level_spread: 0.5,
            starting_level_drop_per_prerequisite_depth: 0.4,
            median_learning_rate: 0.3,
            learning_rate_log_spread: 0.4,
            wrong_answer_learning_fraction: 0.6,
            learning_fraction_without_prerequisites: 0.2,
            level_ceiling: 3.0,
            median_initial_memory_days: 3.0,
            memory_log_spread: 0.3,
            spaced_practice_memory_growth: 1.5,
            memory_days_per_attempt: 0.05,
            lowest_slip: 0.03,
            highest_slip: 0.10,
            typed_answer_guess: 0.02,
            item_difficulty_noise: 0.5,
            true_mastery_probability: 0.8,
        }
    }
}

/// One simulated learner's true state on one bank.
#[derive(Debug, Clone, PartialEq)]
pub struct HiddenLearner {
    pub skills: Vec<HiddenSkill>,
    pub items: Vec<HiddenItem>,
    pub learning_rate: f64,
    pub slip: f64,
    pub wrong_answer_learning_fraction: f64,
    pub learning_fraction_without_prerequisites: f64,
    pub level_ceiling: f64,
    pub spaced_practice_memory_growth: f64,
    pub memory_days_per_attempt: f64,
    pub true_mastery_probability: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HiddenSkill {
    pub starting_level: f64,
    /// Level gained by practice, as it was right after the last practice.
    pub learned_gain: f64,
    /// Days after which the learned gain has fallen to half (hyperbolic forgetting).
    pub memory_days: f64,
    pub last_practiced: Option<Timestamp>,
    pub prerequisites: Vec<usize>,
    /// The typical item of the skill: the mean true difficulty and mean guess of its items.
    pub typical_difficulty: f64,
    pub typical_guess: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HiddenItem {
    pub true_difficulty: f64,
    pub guess: f64,
    pub skills: Vec<usize>,
}

/// Fraction of a learned gain still there after `days` for a memory of the given strength:
/// 1 / (1 + days / strength), so half is left after `strength` days.
pub fn retained_fraction(days: f64, memory_days: f64) -> f64 {
    1.0 / (1.0 + days.max(0.0) / memory_days.max(0.01))
}

fn days_between(later: Timestamp, earlier: Timestamp) -> f64 {
    later.days_since(earlier)
}

/// How many prerequisite steps lie under each skill (0 for a skill without prerequisites).
pub fn prerequisite_depths(bank: &IndexedBank) -> Vec<usize> {
    (0..bank.skills().len())
        .map(|position| bank.prerequisite_depth(position))
        .collect()
}

impl HiddenLearner {
    /// Draws a learner and the true item difficulties it meets.
    pub fn draw(
        bank: &IndexedBank,
        parameters: &PopulationParameters,
        random: &mut SplitMix64,
    ) -> HiddenLearner {
        let items: Vec<HiddenItem> = bank
            .items()
            .iter()
            .map(|item| HiddenItem {
                true_difficulty: item.prior_difficulty()
                    + random.next_normal(0.0, parameters.item_difficulty_noise),
                guess: guess_probability(&item.kind, parameters.typed_answer_guess),
                skills: item
                    .skills
                    .iter()
                    .filter_map(|id| bank.skill_position(id))
                    .collect(),
            })
            .collect();
        let depths = prerequisite_depths(bank);
        let head_start = random.next_normal(0.0, parameters.learner_starting_level_spread);
        let memory_days = random.next_log_normal(
            parameters.median_initial_memory_days,
            parameters.memory_log_spread,
        );
        let skills = bank
            .skills()
            .iter()
            .enumerate()
            .map(|(position, skill)| {
                let own = bank.items_of_skill(position);
                let count = own.len().max(1) as f64;
                let typical_difficulty =
                    own.iter().map(|&i| items[i].true_difficulty).sum::<f64>() / count;
                let typical_guess = own.iter().map(|&i| items[i].guess).sum::<f64>() / count;
                let starting_level = bank.reference_difficulty(position)
                    + parameters.mean_starting_level
                    + head_start
                    + random.next_normal(0.0, parameters.skill_starting_level_spread)
                    - parameters.starting_level_drop_per_prerequisite_depth
                        * depths[position] as f64;
                HiddenSkill {
                    starting_level,
                    learned_gain: 0.0,
                    memory_days,
                    last_practiced: None,
                    prerequisites: skill
                        .prerequisites
                        .iter()
                        .filter_map(|id| bank.skill_position(id))
                        .collect(),
                    typical_difficulty: if own.is_empty() {
                        bank.reference_difficulty(position)
                    } else {
                        typical_difficulty
                    },
                    typical_guess: if own.is_empty() {
                        parameters.typed_answer_guess
                    } else {
                        typical_guess
                    },
                }
            })
            .collect();
        HiddenLearner {
            skills,
            items,
            learning_rate: random.next_log_normal(
                parameters.median_learning_rate,
                parameters.learning_rate_log_spread,
            ),
            slip: random.next_between(parameters.lowest_slip, parameters.highest_slip),
            wrong_answer_learning_fraction: parameters.wrong_answer_learning_fraction,
            learning_fraction_without_prerequisites: parameters
                .learning_fraction_without_prerequisites,
            level_ceiling: parameters.level_ceiling,
            spaced_practice_memory_growth: parameters.spaced_practice_memory_growth,
            memory_days_per_attempt: parameters.memory_days_per_attempt,
            true_mastery_probability: parameters.true_mastery_probability,
        }
    }

    /// The same learner with every skill starting at `level` and nothing learned yet.
    pub fn with_every_starting_level(mut self, level: f64) -> HiddenLearner {
        for skill in &mut self.skills {
            skill.starting_level = level;
            skill.learned_gain = 0.0;
        }
        self
    }

    /// The true level of a skill at `now`: the starting level plus what is left of the gain.
    pub fn skill_level(&self, skill_position: usize, now: Timestamp) -> f64 {
        let Some(skill) = self.skills.get(skill_position) else {
            return 0.0;
        };
        let retained = match skill.last_practiced {
            Some(last) => retained_fraction(days_between(now, last), skill.memory_days),
            None => 1.0,
        };
        skill.starting_level + skill.learned_gain * retained
    }

    fn success_probability_at(&self, logit: f64, guess: f64) -> f64 {
        guess + (1.0 - self.slip - guess).max(0.0) * sigmoid(logit)
    }

    /// Hidden P(correct) on an item: guess + (1 - slip - guess) * sigmoid(level - true difficulty),
    /// where the level of an item with several skills is the lowest of them (all are needed).
    pub fn success_probability(&self, item_position: usize, now: Timestamp) -> f64 {
        let Some(item) = self.items.get(item_position) else {
            return 0.0;
        };
        let level = item
            .skills
            .iter()
            .map(|&s| self.skill_level(s, now))
            .fold(f64::INFINITY, f64::min);
        let level = if level.is_finite() { level } else { 0.0 };
        self.success_probability_at(level - item.true_difficulty, item.guess)
    }

    /// Hidden P(correct) on a typical item of the skill (its mean true difficulty and mean guess).
    pub fn typical_success_probability(&self, skill_position: usize, now: Timestamp) -> f64 {
        let Some(skill) = self.skills.get(skill_position) else {
            return 0.0;
        };
        self.success_probability_at(
            self.skill_level(skill_position, now) - skill.typical_difficulty,
            skill.typical_guess,
        )
    }

    pub fn is_truly_mastered(&self, skill_position: usize, now: Timestamp) -> bool {
        self.typical_success_probability(skill_position, now) >= self.true_mastery_probability
    }

    pub fn every_skill_truly_mastered(&self, now: Timestamp) -> bool {
        (0..self.skills.len()).all(|s| self.is_truly_mastered(s, now))
    }

    pub fn truly_mastered_skill_count(&self, now: Timestamp) -> usize {
        (0..self.skills.len())
            .filter(|&s| self.is_truly_mastered(s, now))
            .count()
    }

    /// Expected accuracy on a post-test of every bank item once, at `now`.
    pub fn expected_accuracy_over_bank(&self, now: Timestamp) -> f64 {
        if self.items.is_empty() {
            return 0.0;
        }
        (0..self.items.len())
            .map(|i| self.success_probability(i, now))
            .sum::<f64>()
            / self.items.len() as f64
    }

    /// What one attempt at an item teaches, for every skill of the item:
    /// gain = rate * (1 if correct, else the wrong-answer fraction)
    ///        * (the prerequisite fraction if some prerequisite is not truly mastered now, else 1)
    ///        * sigmoid(ceiling - (level - typical difficulty)).
    /// Before the gain is added, forgetting since the last practice is folded in and memory
    /// strength grows with the spacing of this practice.
    pub fn practise(&mut self, item_position: usize, correct: bool, now: Timestamp) {
        let Some(item) = self.items.get(item_position) else {
            return;
        };
        let skill_positions = item.skills.clone();
        let prerequisites_mastered: Vec<bool> = skill_positions
            .iter()
            .map(|&s| {
                self.skills[s]
                    .prerequisites
                    .iter()
                    .all(|&p| self.is_truly_mastered(p, now))
            })
            .collect();
        let levels: Vec<f64> = skill_positions
            .iter()
            .map(|&s| self.skill_level(s, now))
            .collect();
        for ((&position, &prerequisites_ok), &level) in skill_positions
            .iter()
            .zip(&prerequisites_mastered)
            .zip(&levels)
        {
            let outcome_factor = if correct {
                1.0
            } else {
                self.wrong_answer_learning_fraction
            };
            let prerequisite_factor = if prerequisites_ok {
                1.0
            } else {
                self.learning_fraction_without_prerequisites
            };
            let skill = &mut self.skills[position];
            let headroom = sigmoid(self.level_ceiling - (level - skill.typical_difficulty));
            if let Some(last) = skill.last_practiced {
                let gap = days_between(now, last);
                skill.learned_gain *= retained_fraction(gap, skill.memory_days);
                let spacing = 1.0 - (-gap / skill.memory_days.max(0.01)).exp();
                skill.memory_days *= 1.0 + self.spaced_practice_memory_growth * spacing;
            }
            skill.memory_days = (skill.memory_days + self.memory_days_per_attempt).min(3650.0);
            skill.learned_gain +=
                self.learning_rate * outcome_factor * prerequisite_factor * headroom;
            skill.last_practiced = Some(now);
        }
    }
}
