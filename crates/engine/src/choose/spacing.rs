//! Spacing within a session: the no-repeat window, the interleaving cap and the delay before a
//! skill near mastery is checked again.
//!
//! The no-repeat window: the next item is never one of the last `NO_REPEAT_WINDOW` items answered
//! (fewer only when the whole bank has no more items than that: a bank of `n` items avoids the
//! last `n - 1`). When the preferred pool has no item outside the window, the choice moves on to
//! the next pool rather than narrowing the window.
//!
//! Interleaving: a skill that was practised in each of the last `MAX_SKILL_RUN` items is held back
//! while another skill is open. A skill near mastery (getting mastery checks) is held back until
//! `RECHECK_DELAY_ITEMS` items of other skills came between (or a day passed), so that the answer
//! that claims mastery is a delayed re-check, not the tail of a massed run.

use crate::bank_index::IndexedBank;
use crate::model::{LearnerModel, Timestamp};

/// The last this many items answered are never chosen (fewer in a bank of fewer items).
pub const NO_REPEAT_WINDOW: usize = crate::model::RECENT_LIMIT;
/// At most this many items in a row from one skill while another skill is open.
pub const MAX_SKILL_RUN: usize = 3;
/// Items of other skills between two mastery checks of a skill (or a day).
pub const RECHECK_DELAY_ITEMS: usize = 2;
/// A recent item seen longer ago than this (in days) no longer holds its skill back.
const RECHECK_DELAY_DAYS: f64 = 1.0;

/// How many of the last items are avoided in a bank of `item_count` items.
pub fn window_size(item_count: usize) -> usize {
    NO_REPEAT_WINDOW.min(item_count.saturating_sub(1))
}

/// The ids of the items the window forbids now, oldest first.
pub fn forbidden_items(model: &LearnerModel, item_count: usize) -> &[String] {
    let recent = &model.recent_items;
    &recent[recent.len().saturating_sub(window_size(item_count))..]
}

/// For each skill, how many of the most recent items (newest first, without a gap) practised it.
pub fn current_runs(bank: &IndexedBank, model: &LearnerModel) -> Vec<usize> {
    let mut runs = vec![0; bank.skills().len()];
    let mut still_running = vec![true; bank.skills().len()];
    for id in model.recent_items.iter().rev() {
        let skills = bank
            .item_position(id)
            .map(|position| bank.skills_of_item(position))
            .unwrap_or(&[]);
        for skill in 0..runs.len() {
            if still_running[skill] && skills.contains(&skill) {
                runs[skill] += 1;
            } else {
                still_running[skill] = false;
            }
        }
    }
    runs
}

/// For each skill, whether it was practised in one of the last `RECHECK_DELAY_ITEMS` items, less
/// than a day ago.
pub fn practised_just_now(bank: &IndexedBank, model: &LearnerModel, now: Timestamp) -> Vec<bool> {
    let mut recent = vec![false; bank.skills().len()];
    let ids = &model.recent_items;
    for id in &ids[ids.len().saturating_sub(RECHECK_DELAY_ITEMS)..] {
        let fresh = model
            .items
            .get(id)
            .is_none_or(|record| now.days_since(record.last_seen) < RECHECK_DELAY_DAYS);
        if let (true, Some(position)) = (fresh, bank.item_position(id)) {
            for &skill in bank.skills_of_item(position) {
                recent[skill] = true;
            }
        }
    }
    recent
}
