//! The hidden truth of a simulated learner, in one of two models that both differ from the
//! engine's own assumptions: `bkt` (a skill is known or not, learned with some probability per
//! attempt, forgotten on a power-law curve) and `growth` (a continuous level that grows with
//! practice and fades exponentially). Both share true item difficulties that differ from the
//! bank's calibration, guessing by item kind, prerequisites that slow learning, and learners of
//! different speeds and starting points.
//!
//! **Architecture Invariant:** the engine never sees any of this: it only sees the answers the
//! truth produces, and no constant here is one of the engine's.

pub mod bkt;
pub mod growth;

use adaptive_practice_engine::{IndexedBank, Timestamp};
use serde::Serialize;

use crate::random::SplitMix64;
use crate::response::guess_probability;

pub use bkt::{BktLearner, BktPopulation};
pub use growth::{GrowthLearner, GrowthPopulation};

/// Hidden P(correct) on a typical item of a skill that counts as truly mastered (the bank's
/// usual mastery threshold, as the bank author means it).
pub const TRUE_MASTERY_PROBABILITY: f64 = 0.8;
/// P(correct) by luck on a typed answer.
pub const TYPED_ANSWER_GUESS: f64 = 0.02;
/// Standard deviation of (true difficulty - the bank's prior difficulty).
pub const ITEM_DIFFICULTY_NOISE: f64 = 0.5;

/// Which model of learning and forgetting the simulated learners follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TruthModel {
    Bkt,
    Growth,
}

impl TruthModel {
    pub const ALL: [TruthModel; 2] = [TruthModel::Bkt, TruthModel::Growth];

    pub fn name(self) -> &'static str {
        match self {
            TruthModel::Bkt => "bkt",
            TruthModel::Growth => "growth",
        }
    }

    pub fn from_name(name: &str) -> Option<TruthModel> {
        TruthModel::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// An item as the truth sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct TrueItem {
    pub difficulty: f64,
    pub guess: f64,
    /// Positions of the item's skills in the bank.
    pub skills: Vec<usize>,
}

/// What every truth model knows of the bank's skills.
#[derive(Debug, Clone, PartialEq)]
pub struct TrueSkill {
    pub prerequisites: Vec<usize>,
    pub prerequisite_depth: usize,
    /// The mean true difficulty and mean guess of the skill's items: its typical item.
    pub typical_difficulty: f64,
    pub typical_guess: f64,
}

/// Draws the true items of one learner's bank and what is typical of each skill.
pub fn draw_true_bank(
    bank: &IndexedBank,
    random: &mut SplitMix64,
) -> (Vec<TrueItem>, Vec<TrueSkill>) {
    let items: Vec<TrueItem> = bank
        .items()
        .iter()
        .enumerate()
        .map(|(position, item)| TrueItem {
            difficulty: item.prior_difficulty() + random.next_normal(0.0, ITEM_DIFFICULTY_NOISE),
            guess: guess_probability(&item.kind, TYPED_ANSWER_GUESS),
            skills: bank.skills_of_item(position).to_vec(),
        })
        .collect();
    let skills = bank
        .skills()
        .iter()
        .enumerate()
        .map(|(position, skill)| {
            let own = bank.items_of_skill(position);
            let count = own.len().max(1) as f64;
            TrueSkill {
                prerequisites: skill
                    .prerequisites
                    .iter()
                    .filter_map(|id| bank.skill_position(id))
                    .collect(),
                prerequisite_depth: bank.prerequisite_depth(position),
                typical_difficulty: if own.is_empty() {
                    bank.reference_difficulty(position)
                } else {
                    own.iter().map(|&i| items[i].difficulty).sum::<f64>() / count
                },
                typical_guess: if own.is_empty() {
                    TYPED_ANSWER_GUESS
                } else {
                    own.iter().map(|&i| items[i].guess).sum::<f64>() / count
                },
            }
        })
        .collect();
    (items, skills)
}

/// 1 / (1 + e^-x), the simulator's own (the truth shares no code with the engine's model).
pub fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// One simulated learner's hidden state, in the chosen truth model.
#[derive(Debug, Clone, PartialEq)]
pub enum HiddenLearner {
    Bkt(BktLearner),
    Growth(GrowthLearner),
}

impl HiddenLearner {
    /// Draws a learner of the given truth model, with its default population, who starts
    /// practising at `start`.
    pub fn draw(
        bank: &IndexedBank,
        truth: TruthModel,
        start: Timestamp,
        random: &mut SplitMix64,
    ) -> HiddenLearner {
        match truth {
            TruthModel::Bkt => HiddenLearner::Bkt(BktLearner::draw(
                bank,
                &BktPopulation::default(),
                start,
                random,
            )),
            TruthModel::Growth => HiddenLearner::Growth(GrowthLearner::draw(
                bank,
                &GrowthPopulation::default(),
                random,
            )),
        }
    }

    pub fn truth_model(&self) -> TruthModel {
        match self {
            HiddenLearner::Bkt(_) => TruthModel::Bkt,
            HiddenLearner::Growth(_) => TruthModel::Growth,
        }
    }

    /// The same learner as an expert (`true`: every skill known, at a very high level) or a
    /// complete beginner (`false`), with nothing practised yet.
    pub fn with_every_skill(self, expert: bool) -> HiddenLearner {
        match self {
            HiddenLearner::Bkt(learner) => HiddenLearner::Bkt(learner.with_every_skill(expert)),
            HiddenLearner::Growth(learner) => {
                HiddenLearner::Growth(learner.with_every_skill(expert))
            }
        }
    }

    pub fn skills(&self) -> &[TrueSkill] {
        match self {
            HiddenLearner::Bkt(learner) => &learner.skills,
            HiddenLearner::Growth(learner) => &learner.skills,
        }
    }

    pub fn items(&self) -> &[TrueItem] {
        match self {
            HiddenLearner::Bkt(learner) => &learner.items,
            HiddenLearner::Growth(learner) => &learner.items,
        }
    }

    /// Expected hidden P(correct) on an item at `now`, without practice until then.
    pub fn success_probability(&self, item_position: usize, now: Timestamp) -> f64 {
        match self {
            HiddenLearner::Bkt(learner) => learner.success_probability(item_position, now),
            HiddenLearner::Growth(learner) => learner.success_probability(item_position, now),
        }
    }

    /// Expected hidden P(correct) on a typical item of the skill.
    pub fn typical_success_probability(&self, skill_position: usize, now: Timestamp) -> f64 {
        match self {
            HiddenLearner::Bkt(learner) => learner.typical_success_probability(skill_position, now),
            HiddenLearner::Growth(learner) => {
                learner.typical_success_probability(skill_position, now)
            }
        }
    }

    /// What one attempt (and its feedback) teaches; `random` decides what chance decides in the
    /// truth (whether a BKT skill is learned, and when it will be forgotten).
    pub fn practise(
        &mut self,
        item_position: usize,
        correct: bool,
        now: Timestamp,
        random: &mut SplitMix64,
    ) {
        let prerequisites_mastered: Vec<bool> = self
            .items()
            .get(item_position)
            .map(|item| {
                item.skills
                    .iter()
                    .map(|&s| self.prerequisites_truly_mastered(s, now))
                    .collect()
            })
            .unwrap_or_default();
        match self {
            HiddenLearner::Bkt(learner) => {
                learner.practise(item_position, correct, &prerequisites_mastered, now, random)
            }
            HiddenLearner::Growth(learner) => {
                learner.practise(item_position, correct, &prerequisites_mastered, now)
            }
        }
    }

    pub fn is_truly_mastered(&self, skill_position: usize, now: Timestamp) -> bool {
        self.typical_success_probability(skill_position, now) >= TRUE_MASTERY_PROBABILITY
    }

    pub fn prerequisites_truly_mastered(&self, skill_position: usize, now: Timestamp) -> bool {
        self.skills().get(skill_position).is_some_and(|skill| {
            skill
                .prerequisites
                .iter()
                .all(|&p| self.is_truly_mastered(p, now))
        })
    }

    pub fn every_skill_truly_mastered(&self, now: Timestamp) -> bool {
        (0..self.skills().len()).all(|s| self.is_truly_mastered(s, now))
    }

    pub fn truly_mastered_skill_count(&self, now: Timestamp) -> usize {
        (0..self.skills().len())
            .filter(|&s| self.is_truly_mastered(s, now))
            .count()
    }

    /// Expected accuracy on a post-test of every bank item once, at `now`.
    pub fn expected_accuracy_over_bank(&self, now: Timestamp) -> f64 {
        let count = self.items().len();
        if count == 0 {
            return 0.0;
        }
        (0..count)
            .map(|i| self.success_probability(i, now))
            .sum::<f64>()
            / count as f64
    }
}
