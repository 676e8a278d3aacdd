//! A skill known by its own answers: being learned, not yet claimed, but answered right on most
//! of its items, so that the skills built on it open before its claim.
//!
//! The mastery estimate shares the learner's overall ability with every other skill: a learner
//! stuck on one skill (many wrong answers) pulls every skill's estimate down, so a skill the
//! learner answers right nine times in ten can stay at 0.6-0.7, never claimed, and the skills
//! built on it stay locked while its own items are chosen again and again. Here the skill's own
//! answers are weighed on their own: the last answer to each of its items (or steps). This opens
//! its dependents only; the claim, the predictions and the reviews still follow the estimate.
//! It reaches one level: a skill counts only when its own prerequisites are mastered or
//! provisionally known by placement, never when they are themselves known only by their answers
//! (opening skill after skill by answers left learners with no claim, so no review, for hundreds
//! of items: the simulator's invariants).

use crate::bank_index::IndexedBank;
use crate::model::{ItemRecord, LearnerModel, SkillMastery};

/// Answers on the skill before its own answers count.
pub const OWN_ANSWERS_MIN_ATTEMPTS: u32 = 4;
/// Items (or steps) of the skill answered, each counted by its last answer.
pub const OWN_ANSWERS_MIN_ITEMS: u32 = 4;
/// The share of those last answers that must be right: 3 of 4.
pub const OWN_ANSWERS_RIGHT_OF: (u32, u32) = (3, 4);
/// The estimate must still be at least this: the shared ability may lag, not contradict.
pub const OWN_ANSWERS_FLOOR: f64 = 0.55;

/// For each skill (in bank order), whether it is known by its own answers (see the module).
/// `item_records`: the learner's record of each item, by position (`IndexedBank::by_item_position`);
/// `provisionally_known`: by placement (`placement.rs`).
pub fn known_by_own_answers(
    bank: &IndexedBank,
    model: &LearnerModel,
    item_records: &[Option<&ItemRecord>],
    masteries: &[SkillMastery],
    provisionally_known: &[bool],
) -> Vec<bool> {
    let skill_count = bank.skills().len();
    // Each item's (or step's) last answer, counted for the item's skills: (right, answered).
    let mut last_answers = vec![(0u32, 0u32); skill_count];
    let mut count = |right: Option<bool>, position: usize| {
        for &skill in bank.skills_of_item(position) {
            let (rights, answered) = &mut last_answers[skill];
            *rights += u32::from(right == Some(true));
            *answered += u32::from(right.is_some());
        }
    };
    // Whole items by position (the walk item choice made already), steps (`item#part`, split at
    // the last `#`: an item's id may hold one) by search.
    for (position, record) in item_records.iter().enumerate() {
        if let Some(record) = record {
            count(record.last_correct, position);
        }
    }
    for (key, record) in model.items.iter() {
        let Some((id, _)) = key.rsplit_once('#') else {
            continue;
        };
        if bank.item_position(key).is_none() {
            if let Some(position) = bank.item_position(id) {
                count(record.last_correct, position);
            }
        }
    }
    let records = bank.by_skill_position(&model.skills);
    let mut known = vec![false; skill_count];
    for (s, (record, mastery)) in records.iter().zip(masteries).enumerate() {
        let Some(record) = record else { continue };
        let (right, answered) = last_answers[s];
        // A skill counted mastered opens its dependents anyway.
        known[s] = record.attempts >= OWN_ANSWERS_MIN_ATTEMPTS
            && answered >= OWN_ANSWERS_MIN_ITEMS
            && right * OWN_ANSWERS_RIGHT_OF.1 >= answered * OWN_ANSWERS_RIGHT_OF.0
            && record.streak >= 1
            && mastery.mastery >= OWN_ANSWERS_FLOOR
            && bank
                .prerequisites_of(s)
                .iter()
                .all(|&p| masteries[p].state.counts_as_mastered() || provisionally_known[p]);
    }
    known
}
