//! The `bkt` truth: Bayesian-knowledge-tracing learners with forgetting. A skill is known or
//! not; an attempt at one of its items teaches it with a learning probability (lower after a
//! wrong answer, much lower while a prerequisite is not known); a known skill is answered right
//! unless the learner slips, an unknown one only by a guess. A known skill is forgotten at a
//! moment drawn from a power-law curve, P(still known after t days) = (1 + t / m)^-0.8, whose
//! memory m grows with every practice by the time since the previous one (spaced practice
//! strengthens memory more than massed practice). Relearning is faster: memory is kept in part.

use adaptive_practice_engine::{IndexedBank, Timestamp};

use super::{draw_true_bank, logistic, TrueItem, TrueSkill};
use crate::random::SplitMix64;

/// How `bkt` learners differ and how they learn and forget.
#[derive(Debug, Clone, PartialEq)]
pub struct BktPopulation {
    /// Mean logit of P(known at the start) for a skill without prerequisites.
    pub known_at_start_logit: f64,
    /// Standard deviation of a learner's overall head start (logits, shared by all skills).
    pub head_start_spread: f64,
    /// Standard deviation of each skill's own deviation from the head start (logits).
    pub skill_start_spread: f64,
    /// How much lower (logits) P(known at the start) is per step of prerequisite depth.
    pub start_drop_per_prerequisite_depth: f64,
    /// Median P(learning the skill) from one right answer.
    pub median_learn_probability: f64,
    /// Standard deviation of the logarithm of a learner's learning speed.
    pub learner_speed_log_spread: f64,
    /// Standard deviation of the logarithm of each skill's learning probability for a learner.
    pub skill_learn_log_spread: f64,
    /// P(learning) after a wrong answer (then the learner reads the solution), as a fraction.
    pub wrong_answer_learn_fraction: f64,
    /// P(learning) while a prerequisite is not known, as a fraction.
    pub learn_fraction_without_prerequisites: f64,
    pub lowest_slip: f64,
    pub highest_slip: f64,
    /// How much a harder-than-typical item raises the slip (per logit of difficulty).
    pub slip_per_difficulty: f64,
    /// Median memory (days, the m of the forgetting curve) after a skill is first learned.
    pub median_first_memory_days: f64,
    pub memory_log_spread: f64,
    /// The exponent of the power-law forgetting curve.
    pub forgetting_exponent: f64,
    /// Memory gained per day since the previous practice, on practice of a known skill.
    pub memory_per_day_of_spacing: f64,
    /// Memory gained by any practice of a known skill.
    pub memory_per_attempt_days: f64,
    /// Share of the memory kept when a skill is forgotten (for its relearning).
    pub memory_kept_on_forgetting: f64,
    /// Memory of a skill known before practice, as a multiple of a first memory.
    pub prior_knowledge_memory_factor: f64,
}

impl Default for BktPopulation {
    fn default() -> Self {
        BktPopulation {
            known_at_start_logit: -0.8,
            head_start_spread: 1.2,
            skill_start_spread: 0.8,
            start_drop_per_prerequisite_depth: 0.7,
            median_learn_probability: 0.12,
            learner_speed_log_spread: 0.5,
            skill_learn_log_spread: 0.3,
            wrong_answer_learn_fraction: 0.5,
            learn_fraction_without_prerequisites: 0.2,
            lowest_slip: 0.04,
            highest_slip: 0.14,
            slip_per_difficulty: 0.6,
            median_first_memory_days: 6.0,
            memory_log_spread: 0.4,
            forgetting_exponent: 0.8,
            memory_per_day_of_spacing: 1.0,
            memory_per_attempt_days: 0.4,
            memory_kept_on_forgetting: 0.6,
            prior_knowledge_memory_factor: 8.0,
        }
    }
}

/// A `bkt` learner's true state on one bank.
#[derive(Debug, Clone, PartialEq)]
pub struct BktLearner {
    pub items: Vec<TrueItem>,
    pub skills: Vec<TrueSkill>,
    pub states: Vec<BktSkillState>,
    /// P(slip) on each item when all its skills are known.
    pub item_slips: Vec<f64>,
    pub first_memory_days: f64,
    pub population: BktPopulation,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BktSkillState {
    /// P(learning the skill) from one right answer (prerequisites known).
    pub learn_probability: f64,
    /// Known until this moment (`None`: not known).
    pub known_until: Option<Timestamp>,
    pub memory_days: f64,
    pub last_practised: Option<Timestamp>,
}

impl BktSkillState {
    pub fn is_known(&self, now: Timestamp) -> bool {
        self.known_until.is_some_and(|until| now.0 < until.0)
    }
}

const MILLISECONDS_PER_DAY: f64 = 86_400_000.0;
const LONGEST_MEMORY_DAYS: f64 = 3650.0;

impl BktLearner {
    /// Draws a learner who starts practising at `start`.
    pub fn draw(
        bank: &IndexedBank,
        population: &BktPopulation,
        start: Timestamp,
        random: &mut SplitMix64,
    ) -> Self {
        let (items, skills) = draw_true_bank(bank, random);
        let head_start = random.next_normal(0.0, population.head_start_spread);
        let speed = random.next_log_normal(1.0, population.learner_speed_log_spread);
        let slip = random.next_between(population.lowest_slip, population.highest_slip);
        let first_memory_days = random.next_log_normal(
            population.median_first_memory_days,
            population.memory_log_spread,
        );
        let states = skills
            .iter()
            .map(|skill| {
                let known_logit = population.known_at_start_logit
                    + head_start
                    + random.next_normal(0.0, population.skill_start_spread)
                    - population.start_drop_per_prerequisite_depth
                        * skill.prerequisite_depth as f64;
                let known = random.next_bernoulli(logistic(known_logit));
                // What a learner knew before practice is known well: a longer memory.
                let memory_days = first_memory_days * population.prior_knowledge_memory_factor;
                BktSkillState {
                    learn_probability: (population.median_learn_probability
                        * speed
                        * random.next_log_normal(1.0, population.skill_learn_log_spread))
                    .min(0.9),
                    known_until: known.then(|| {
                        forgetting_moment(
                            start,
                            memory_days,
                            population.forgetting_exponent,
                            random,
                        )
                    }),
                    memory_days,
                    last_practised: None,
                }
            })
            .collect();
        let item_slips = items
            .iter()
            .map(|item| {
                let typical = item
                    .skills
                    .iter()
                    .map(|&s| skills[s].typical_difficulty)
                    .fold(f64::NEG_INFINITY, f64::max);
                let above = if typical.is_finite() {
                    item.difficulty - typical
                } else {
                    0.0
                };
                logistic(logit(slip) + population.slip_per_difficulty * above).clamp(0.01, 0.19)
            })
            .collect();
        BktLearner {
            items,
            skills,
            states,
            item_slips,
            first_memory_days,
            population: population.clone(),
        }
    }

    pub fn with_every_skill(mut self, known: bool) -> Self {
        for state in &mut self.states {
            state.known_until = known.then_some(Timestamp(i64::MAX));
            state.last_practised = None;
        }
        self
    }

    fn all_known(&self, item: &TrueItem, now: Timestamp) -> bool {
        item.skills
            .iter()
            .all(|&s| self.states.get(s).is_some_and(|state| state.is_known(now)))
    }

    pub fn success_probability(&self, item_position: usize, now: Timestamp) -> f64 {
        let Some(item) = self.items.get(item_position) else {
            return 0.0;
        };
        if self.all_known(item, now) {
            1.0 - self.item_slips[item_position]
        } else {
            item.guess
        }
    }

    /// A typical item: the mean slip of the skill's items, or the typical guess.
    pub fn typical_success_probability(&self, skill_position: usize, now: Timestamp) -> f64 {
        let (Some(skill), Some(state)) = (
            self.skills.get(skill_position),
            self.states.get(skill_position),
        ) else {
            return 0.0;
        };
        if !state.is_known(now) {
            return skill.typical_guess;
        }
        let own: Vec<f64> = self
            .items
            .iter()
            .zip(&self.item_slips)
            .filter(|(item, _)| item.skills.contains(&skill_position))
            .map(|(_, &slip)| slip)
            .collect();
        if own.is_empty() {
            return 1.0 - self.population.highest_slip;
        }
        1.0 - own.iter().sum::<f64>() / own.len() as f64
    }

    /// One attempt: each skill of the item that is not known may be learned; each known one has
    /// its memory strengthened by the spacing and its moment of forgetting drawn afresh.
    pub fn practise(
        &mut self,
        item_position: usize,
        correct: bool,
        prerequisites_known: &[bool],
        now: Timestamp,
        random: &mut SplitMix64,
    ) {
        let Some(item) = self.items.get(item_position) else {
            return;
        };
        let population = &self.population;
        for (&position, &prerequisites_ok) in item.skills.iter().zip(prerequisites_known) {
            let state = &mut self.states[position];
            let was_known_before = state.known_until.is_some();
            if state.is_known(now) {
                let gap = state
                    .last_practised
                    .map_or(0.0, |last| now.days_since(last).max(0.0));
                state.memory_days = (state.memory_days
                    + population.memory_per_day_of_spacing * gap
                    + population.memory_per_attempt_days)
                    .min(LONGEST_MEMORY_DAYS);
            } else {
                if was_known_before {
                    // Forgotten since: the skill must be learned again, with a head start.
                    state.known_until = None;
                    state.memory_days = (state.memory_days * population.memory_kept_on_forgetting)
                        .max(self.first_memory_days);
                }
                let learn = state.learn_probability
                    * if correct {
                        1.0
                    } else {
                        population.wrong_answer_learn_fraction
                    }
                    * if prerequisites_ok {
                        1.0
                    } else {
                        population.learn_fraction_without_prerequisites
                    };
                if !random.next_bernoulli(learn) {
                    state.last_practised = Some(now);
                    continue;
                }
                if !was_known_before {
                    state.memory_days = self.first_memory_days;
                }
            }
            state.known_until = Some(forgetting_moment(
                now,
                state.memory_days,
                population.forgetting_exponent,
                random,
            ));
            state.last_practised = Some(now);
        }
    }
}

/// A moment of forgetting drawn from P(still known after t days) = (1 + t / m)^-exponent.
fn forgetting_moment(
    now: Timestamp,
    memory_days: f64,
    exponent: f64,
    random: &mut SplitMix64,
) -> Timestamp {
    let survival = 1.0 - random.next_unit(); // in (0, 1]
    let days = memory_days * (survival.powf(-1.0 / exponent) - 1.0);
    let milliseconds = (days.min(1e6) * MILLISECONDS_PER_DAY) as i64;
    Timestamp(now.0.saturating_add(milliseconds))
}

fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-6, 1.0 - 1e-6);
    (p / (1.0 - p)).ln()
}
