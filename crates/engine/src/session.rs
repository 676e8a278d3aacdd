//! The practice flow as plain functions over `Progress`: answer the current item, move on.

use serde::{Deserialize, Serialize};

use crate::answer::{check_answer, Outcome, Response, UnreadableAnswer};
use crate::bank_index::IndexedBank;
use crate::choose::{choose_next_item, ChoiceOptions, NextItem};
use crate::model::{LearnerModel, Timestamp};
use crate::progress::Progress;

/// What answering an item did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerReport {
    pub outcome: Outcome,
    /// P(correct) the model gave before the answer.
    pub predicted_success: f64,
    /// Skills that became mastered with this answer.
    pub newly_mastered: Vec<String>,
}

/// Fresh progress for a learner new to this bank; `seed` comes from the caller's randomness.
pub fn new_progress(bank: &IndexedBank, seed: u64) -> Progress {
    Progress {
        bank_id: bank.bank.id.clone(),
        bank_version: bank.bank.version.clone(),
        seed,
        model: LearnerModel::default(),
        current_item: None,
    }
}

/// Judges a response to the item at `item_position` and, when it is readable, updates the model.
/// An unreadable response changes nothing.
pub fn submit_answer(
    bank: &IndexedBank,
    progress: &mut Progress,
    item_position: usize,
    response: &Response,
    now: Timestamp,
) -> Result<AnswerReport, UnreadableAnswer> {
    let Some(item) = bank.bank.items.get(item_position) else {
        return Err(UnreadableAnswer { message: "This item is no longer in the bank.".into() });
    };
    let outcome = check_answer(item, response)?;
    let predicted_success = progress.model.predict_success(item, now);
    let newly_mastered = progress.model.record_answer(bank, item, outcome.correct, now);
    Ok(AnswerReport { outcome, predicted_success, newly_mastered })
}

/// Chooses the next item and makes it the current one.
pub fn advance(bank: &IndexedBank, progress: &mut Progress, now: Timestamp, options: &ChoiceOptions) -> Option<NextItem> {
    let seed = progress.seed.wrapping_add(u64::from(progress.model.answer_count));
    let next = choose_next_item(bank, &progress.model, now, seed, options);
    progress.current_item = next.as_ref().map(|n| n.item_id.clone());
    next
}

/// The item to show when practice resumes: the saved current item if the bank still has it and
/// it was not answered yet, else a new choice.
pub fn resume(bank: &IndexedBank, progress: &mut Progress, now: Timestamp, options: &ChoiceOptions) -> Option<NextItem> {
    let saved = progress.current_item.as_deref().and_then(|id| bank.item_position(id));
    let answered_last = progress.model.recent_items.last() == progress.current_item.as_ref();
    match saved {
        Some(position) if !answered_last => {
            let chosen = advance(bank, &mut progress.clone(), now, options);
            let item = &bank.bank.items[position];
            let reason = chosen.filter(|c| c.item_position == position).map(|c| c.reason);
            Some(NextItem {
                item_position: position,
                item_id: item.id.clone(),
                predicted_success: progress.model.predict_success(item, now),
                reason: reason.unwrap_or(crate::choose::ChoiceReason::Resumed),
            })
        }
        _ => advance(bank, progress, now, options),
    }
}
