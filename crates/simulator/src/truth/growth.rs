//! The `growth` truth: each skill has a continuous level (logits, on the scale of the items'
//! difficulties). Every attempt raises it, less after a wrong answer, much less while a
//! prerequisite is not truly mastered, and less near a ceiling. A share of each gain is durable;
//! the rest fades exponentially, exp(-t / m), with a memory m that grows when practice is
//! spaced (by a factor up to 1 + 0.8 as the gap outgrows m) and a little with every attempt.
//! P(correct) = guess + (1 - slip - guess) * logistic(level - true difficulty).

use adaptive_practice_engine::{IndexedBank, Timestamp};

use super::{draw_true_bank, logistic, TrueItem, TrueSkill};
use crate::random::SplitMix64;

/// How `growth` learners differ and how they learn and forget.
#[derive(Debug, Clone, PartialEq)]
pub struct GrowthPopulation {
    /// Mean starting level of a skill without prerequisites, relative to the mean prior
    /// difficulty of the skill's items.
    pub mean_starting_level: f64,
    /// Standard deviation of a learner's overall head start (shared by all the learner's skills).
    pub head_start_spread: f64,
    /// Standard deviation of each skill's own deviation from the head start.
    pub skill_start_spread: f64,
    /// How much lower a skill starts per step of prerequisite depth.
    pub start_drop_per_prerequisite_depth: f64,
    /// Median gain (logits) from one right answer, far from the ceiling, prerequisites mastered.
    pub median_learning_rate: f64,
    /// Standard deviation of the logarithm of a learner's learning rate.
    pub learning_rate_log_spread: f64,
    /// Gain from a wrong answer (with the solution read) as a fraction of a right one's.
    pub wrong_answer_learning_fraction: f64,
    /// Gain while a prerequisite is not truly mastered, as a fraction.
    pub learning_fraction_without_prerequisites: f64,
    /// Level above the skill's typical difficulty at which a gain is halved.
    pub level_ceiling: f64,
    /// Share of every gain that never fades.
    pub durable_share: f64,
    /// Median memory (days, the time constant of the exponential fading) of a first session.
    pub median_memory_days: f64,
    pub memory_log_spread: f64,
    /// The most a practice multiplies memory by, when it comes long after the previous one.
    pub spacing_memory_growth: f64,
    /// Days of memory every attempt adds.
    pub memory_per_attempt_days: f64,
    pub lowest_slip: f64,
    pub highest_slip: f64,
}

impl Default for GrowthPopulation {
    fn default() -> Self {
        GrowthPopulation {
            mean_starting_level: -1.2,
            head_start_spread: 1.0,
            skill_start_spread: 0.6,
            start_drop_per_prerequisite_depth: 0.5,
            median_learning_rate: 0.35,
            learning_rate_log_spread: 0.5,
            wrong_answer_learning_fraction: 0.5,
            learning_fraction_without_prerequisites: 0.25,
            level_ceiling: 3.0,
            durable_share: 0.25,
            median_memory_days: 5.0,
            memory_log_spread: 0.3,
            spacing_memory_growth: 0.8,
            memory_per_attempt_days: 0.2,
            lowest_slip: 0.03,
            highest_slip: 0.10,
        }
    }
}

/// A `growth` learner's true state on one bank.
#[derive(Debug, Clone, PartialEq)]
pub struct GrowthLearner {
    pub items: Vec<TrueItem>,
    pub skills: Vec<TrueSkill>,
    pub levels: Vec<GrowthSkillLevel>,
    pub learning_rate: f64,
    pub slip: f64,
    pub population: GrowthPopulation,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GrowthSkillLevel {
    pub starting_level: f64,
    /// Gain that never fades.
    pub durable_gain: f64,
    /// Gain that fades, as it was right after the last practice.
    pub fading_gain: f64,
    pub memory_days: f64,
    pub last_practised: Option<Timestamp>,
}

const LONGEST_MEMORY_DAYS: f64 = 3650.0;

impl GrowthLearner {
    pub fn draw(
        bank: &IndexedBank,
        population: &GrowthPopulation,
        random: &mut SplitMix64,
    ) -> Self {
        let (items, skills) = draw_true_bank(bank, random);
        let head_start = random.next_normal(0.0, population.head_start_spread);
        let memory_days =
            random.next_log_normal(population.median_memory_days, population.memory_log_spread);
        let levels = skills
            .iter()
            .enumerate()
            .map(|(position, skill)| GrowthSkillLevel {
                starting_level: bank.reference_difficulty(position)
                    + population.mean_starting_level
                    + head_start
                    + random.next_normal(0.0, population.skill_start_spread)
                    - population.start_drop_per_prerequisite_depth
                        * skill.prerequisite_depth as f64,
                durable_gain: 0.0,
                fading_gain: 0.0,
                memory_days,
                last_practised: None,
            })
            .collect();
        GrowthLearner {
            items,
            skills,
            levels,
            learning_rate: random.next_log_normal(
                population.median_learning_rate,
                population.learning_rate_log_spread,
            ),
            slip: random.next_between(population.lowest_slip, population.highest_slip),
            population: population.clone(),
        }
    }

    /// Every skill far above (`true`) or far below its items, nothing practised.
    pub fn with_every_skill(mut self, expert: bool) -> Self {
        for (level, skill) in self.levels.iter_mut().zip(&self.skills) {
            level.starting_level = skill.typical_difficulty + if expert { 10.0 } else { -8.0 };
            level.durable_gain = 0.0;
            level.fading_gain = 0.0;
            level.last_practised = None;
        }
        self
    }

    pub fn skill_level(&self, skill_position: usize, now: Timestamp) -> f64 {
        let Some(level) = self.levels.get(skill_position) else {
            return 0.0;
        };
        let kept = level.last_practised.map_or(1.0, |last| {
            (-now.days_since(last).max(0.0) / level.memory_days.max(0.01)).exp()
        });
        level.starting_level + level.durable_gain + level.fading_gain * kept
    }

    fn probability(&self, logit: f64, guess: f64) -> f64 {
        guess + (1.0 - self.slip - guess).max(0.0) * logistic(logit)
    }

    /// An item needs all its skills: its level is the lowest of theirs.
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
        self.probability(level - item.difficulty, item.guess)
    }

    pub fn typical_success_probability(&self, skill_position: usize, now: Timestamp) -> f64 {
        let Some(skill) = self.skills.get(skill_position) else {
            return 0.0;
        };
        self.probability(
            self.skill_level(skill_position, now) - skill.typical_difficulty,
            skill.typical_guess,
        )
    }

    /// One attempt: fading since the last practice is folded in, memory grows with the spacing,
    /// then the gain rate * (right: 1, wrong: the fraction) * (prerequisites: 1 or the fraction)
    /// * logistic(ceiling - (level - typical difficulty)) is added, part durable, part fading.
    pub fn practise(
        &mut self,
        item_position: usize,
        correct: bool,
        prerequisites_mastered: &[bool],
        now: Timestamp,
    ) {
        let Some(item) = self.items.get(item_position) else {
            return;
        };
        let population = &self.population;
        for (&position, &prerequisites_ok) in item.skills.iter().zip(prerequisites_mastered) {
            let level_now = self.skill_level(position, now);
            let typical = self.skills[position].typical_difficulty;
            let level = &mut self.levels[position];
            if let Some(last) = level.last_practised {
                let gap = now.days_since(last).max(0.0);
                let memory = level.memory_days.max(0.01);
                level.fading_gain *= (-gap / memory).exp();
                level.memory_days *=
                    1.0 + population.spacing_memory_growth * (1.0 - (-gap / memory).exp());
            }
            level.memory_days =
                (level.memory_days + population.memory_per_attempt_days).min(LONGEST_MEMORY_DAYS);
            let gain = self.learning_rate
                * if correct {
                    1.0
                } else {
                    population.wrong_answer_learning_fraction
                }
                * if prerequisites_ok {
                    1.0
                } else {
                    population.learning_fraction_without_prerequisites
                }
                * logistic(population.level_ceiling - (level_now - typical));
            level.durable_gain += population.durable_share * gain;
            level.fading_gain += (1.0 - population.durable_share) * gain;
            level.last_practised = Some(now);
        }
    }
}
