//! The learner model: an overall ability and a per-skill ability offset (Elo-style, with
//! uncertainty that shrinks with evidence), a per-item difficulty refined from the learner's
//! answers, and a memory strength per skill that makes mastery decay between sessions.
//!
//! P(correct) = sigmoid(overall + mean(skill offsets, lowered by forgetting) - item difficulty).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::bank::Item;
use crate::bank_index::IndexedBank;

/// A moment, in milliseconds since the Unix epoch. The engine never reads a clock: callers pass it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub struct Timestamp(pub i64);

impl Timestamp {
    pub fn days_since(self, earlier: Timestamp) -> f64 {
        ((self.0 - earlier.0) as f64 / 86_400_000.0).max(0.0)
    }
}

/// Everything the widget knows about one learner on one bank.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LearnerModel {
    pub overall_ability: f64,
    pub skills: BTreeMap<String, SkillRecord>,
    pub items: BTreeMap<String, ItemRecord>,
    pub answer_count: u32,
    pub correct_count: u32,
    /// The ids of the last few items answered, oldest first.
    pub recent_items: Vec<String>,
}

/// What the model holds for one skill.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillRecord {
    /// Ability on this skill relative to the overall ability (logits).
    pub ability_offset: f64,
    pub attempts: u32,
    pub correct: u32,
    pub last_practiced: Timestamp,
    /// Set when the skill reached mastery; cleared when the learner clearly lost it.
    pub mastered: bool,
    /// Days until predicted recall falls to the target retention (memory stability).
    pub stability_days: f64,
}

/// What the model holds for one item.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRecord {
    pub attempts: u32,
    pub correct: u32,
    pub last_seen: Timestamp,
    /// How much harder (positive) this item proved for this learner than the bank's prior.
    pub difficulty_offset: f64,
}

/// The state a learner and a teacher read for a skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SkillState {
    NotStarted,
    Learning,
    Mastered,
    DueForReview,
}

/// A skill's mastery estimate, how sure it is, and its state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SkillMastery {
    pub skill_id: String,
    /// Probability of answering a typical item of the skill correctly now.
    pub mastery: f64,
    /// 0 (no evidence) to 1 (much evidence).
    pub certainty: f64,
    pub state: SkillState,
    pub attempts: u32,
    /// Predicted probability of recall now, from the memory model.
    pub recall: f64,
    /// Days from now until recall falls below the target retention (0 when already due).
    pub days_until_review: f64,
}

/// Recall probability that triggers a review.
pub const TARGET_RETENTION: f64 = 0.9;
/// How many recent items are kept to avoid repeats.
pub const RECENT_LIMIT: usize = 5;

const OVERALL_STEP: f64 = 0.4;
const OVERALL_STEP_DECAY: f64 = 0.05;
const SKILL_STEP: f64 = 1.2;
const SKILL_STEP_DECAY: f64 = 0.12;
const ITEM_STEP: f64 = 0.3;
/// How many logits a skill loses when recall has fallen to zero.
const FORGETTING_LOGITS: f64 = 2.0;
const INITIAL_STABILITY_DAYS: f64 = 0.5;
const STABILITY_AFTER_MASTERY_DAYS: f64 = 1.0;
const STABILITY_GROWTH: f64 = 2.0;
const STABILITY_AFTER_LAPSE: f64 = 0.5;
/// Mastery is withdrawn only when the estimate falls this far under the threshold.
const MASTERY_HYSTERESIS: f64 = 0.15;

pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Predicted recall after `days` for a memory of the given stability: a power forgetting curve
/// that is exactly `TARGET_RETENTION` when `days == stability`.
pub fn recall_probability(days: f64, stability_days: f64) -> f64 {
    let factor = 1.0 / TARGET_RETENTION.powi(2) - 1.0;
    (1.0 + factor * days / stability_days.max(0.01)).powf(-0.5)
}

impl LearnerModel {
    /// The skill's ability offset lowered by forgetting, at `now`.
    fn effective_skill_offset(&self, skill_id: &str, now: Timestamp) -> f64 {
        match self.skills.get(skill_id) {
            None => 0.0,
            Some(record) => {
                let recall = recall_probability(now.days_since(record.last_practiced), record.stability_days);
                record.ability_offset - FORGETTING_LOGITS * (1.0 - recall)
            }
        }
    }

    /// The item's difficulty for this learner: the bank's prior plus what the answers showed.
    pub fn item_difficulty(&self, item: &Item) -> f64 {
        item.prior_difficulty() + self.items.get(&item.id).map_or(0.0, |r| r.difficulty_offset)
    }

    fn logit_for(&self, item: &Item, now: Timestamp) -> f64 {
        let skills = item.skills.len().max(1) as f64;
        let offset: f64 = item.skills.iter().map(|s| self.effective_skill_offset(s, now)).sum::<f64>() / skills;
        self.overall_ability + offset - self.item_difficulty(item)
    }

    /// P(correct) for an item, now.
    pub fn predict_success(&self, item: &Item, now: Timestamp) -> f64 {
        sigmoid(self.logit_for(item, now))
    }

    /// The mastery estimate and state of one skill.
    pub fn skill_mastery(&self, bank: &IndexedBank, skill_position: usize, now: Timestamp) -> SkillMastery {
        let skill_id = bank.bank.skills[skill_position].id.clone();
        let reference = bank.reference_difficulty(skill_position);
        let mastery = sigmoid(self.overall_ability + self.effective_skill_offset(&skill_id, now) - reference);
        let Some(record) = self.skills.get(&skill_id) else {
            return SkillMastery {
                skill_id,
                mastery,
                certainty: 0.0,
                state: SkillState::NotStarted,
                attempts: 0,
                recall: 0.0,
                days_until_review: 0.0,
            };
        };
        let elapsed = now.days_since(record.last_practiced);
        let recall = recall_probability(elapsed, record.stability_days);
        let state = if !record.mastered {
            SkillState::Learning
        } else if recall < TARGET_RETENTION {
            SkillState::DueForReview
        } else {
            SkillState::Mastered
        };
        SkillMastery {
            skill_id,
            mastery,
            certainty: 1.0 - 1.0 / (1.0 + 0.25 * record.attempts as f64),
            state,
            attempts: record.attempts,
            recall,
            days_until_review: (record.stability_days - elapsed).max(0.0),
        }
    }

    /// Updates the model with one judged answer. Returns the ids of skills mastered by it.
    pub fn record_answer(
        &mut self,
        bank: &IndexedBank,
        item: &Item,
        correct: bool,
        now: Timestamp,
    ) -> Vec<String> {
        let settings = &bank.bank.settings;
        let expected = self.predict_success(item, now);
        let surprise = if correct { 1.0 } else { 0.0 } - expected;
        self.overall_ability += OVERALL_STEP / (1.0 + OVERALL_STEP_DECAY * self.answer_count as f64) * surprise;
        let mut newly_mastered = Vec::new();
        for skill_id in &item.skills {
            let record = self.skills.entry(skill_id.clone()).or_insert(SkillRecord {
                ability_offset: 0.0,
                attempts: 0,
                correct: 0,
                last_practiced: now,
                mastered: false,
                stability_days: INITIAL_STABILITY_DAYS,
            });
            let elapsed = now.days_since(record.last_practiced);
            let recall = recall_probability(elapsed, record.stability_days);
            // Forgetting is folded into the stored offset, so the next estimate starts from now.
            record.ability_offset -= FORGETTING_LOGITS * (1.0 - recall);
            let step = SKILL_STEP / (1.0 + SKILL_STEP_DECAY * record.attempts as f64);
            record.ability_offset += step * surprise;
            record.attempts += 1;
            if correct {
                record.correct += 1;
                let spacing = (elapsed / record.stability_days).min(1.0);
                record.stability_days *= 1.0 + STABILITY_GROWTH * spacing;
            } else {
                record.stability_days = (record.stability_days * STABILITY_AFTER_LAPSE).max(INITIAL_STABILITY_DAYS);
            }
            record.last_practiced = now;
        }
        let item_record = self.items.entry(item.id.clone()).or_insert(ItemRecord {
            attempts: 0,
            correct: 0,
            last_seen: now,
            difficulty_offset: 0.0,
        });
        item_record.difficulty_offset -= ITEM_STEP / (1.0 + item_record.attempts as f64) * surprise;
        item_record.attempts += 1;
        item_record.correct += u32::from(correct);
        item_record.last_seen = now;
        self.answer_count += 1;
        self.correct_count += u32::from(correct);
        self.recent_items.retain(|id| id != &item.id);
        self.recent_items.push(item.id.clone());
        if self.recent_items.len() > RECENT_LIMIT {
            self.recent_items.remove(0);
        }
        for skill_id in &item.skills {
            let Some(position) = bank.skill_position(skill_id) else { continue };
            let mastery = self.skill_mastery(bank, position, now).mastery;
            let Some(record) = self.skills.get_mut(skill_id) else { continue };
            if !record.mastered && mastery >= settings.mastery_threshold && record.attempts >= settings.min_evidence && correct {
                record.mastered = true;
                record.stability_days = record.stability_days.max(STABILITY_AFTER_MASTERY_DAYS);
                newly_mastered.push(skill_id.clone());
            } else if record.mastered && mastery < settings.mastery_threshold - MASTERY_HYSTERESIS {
                record.mastered = false;
            }
        }
        newly_mastered
    }

    /// True when every prerequisite of the skill is mastered (a review being due does not lock).
    pub fn is_unlocked(&self, bank: &IndexedBank, skill_position: usize) -> bool {
        bank.bank.skills[skill_position]
            .prerequisites
            .iter()
            .all(|p| self.skills.get(p).is_some_and(|r| r.mastered))
    }
}
