//! The practice flow as plain functions over `Progress`: present the chosen item (a template's
//! variant), answer it part by part, move on.

use serde::{Deserialize, Serialize};

use crate::answer::{
    check_part, Outcome, Reading, Response, UnreadableAnswer, UnreadableReason, Verdict,
};
use crate::bank::Item;
use crate::bank_index::IndexedBank;
use crate::choose::{choose_next_item, unit_hash, ChoiceOptions, ChoiceReason, NextItem};
use crate::model::{Evidence, LearnerModel, Timestamp};
use crate::progress::{
    item_key, record_session_answer, record_time_on_task, AnswerEntry, AnswerLog, AnswerVerdict,
    Progress, SessionLog,
};
use crate::template::{instantiate, TemplateError};

/// What answering an item (or one step of it) did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerReport {
    pub outcome: Outcome,
    /// P(correct) the model gave before the answer.
    pub predicted_success: f64,
    /// Skills that became mastered with this answer.
    pub newly_mastered: Vec<String>,
    /// Whether the item has another step to answer.
    pub more_parts: bool,
}

/// Fresh progress for a learner new to this bank; `seed` comes from the caller's randomness.
pub fn new_progress(bank: &IndexedBank, seed: u64) -> Progress {
    Progress {
        bank_id: bank.id().to_string(),
        bank_version: bank.version().to_string(),
        seed,
        model: LearnerModel::default(),
        current_item: None,
        current_variant: 0,
        current_part: 0,
        time_on_task_seconds: 0.0,
        sessions: Vec::new(),
        answer_log: AnswerLog::default(),
    }
}

/// The item as the learner sees it: for a template, the variant of `variant_seed`.
pub fn present(bank: &IndexedBank, next: &NextItem) -> Result<Item, TemplateError> {
    match bank.items().get(next.item_position) {
        Some(item) => instantiate(item, next.variant_seed),
        None => Err(TemplateError {
            message: "the item is not in the bank".into(),
        }),
    }
}

/// Judges a response to part `part_index` of `item` (as presented) and, when it is readable,
/// updates the model. An unreadable response changes nothing.
pub fn submit_answer(
    bank: &IndexedBank,
    progress: &mut Progress,
    item: &Item,
    part_index: usize,
    response: &Response,
    hints_used: u32,
    now: Timestamp,
) -> Result<AnswerReport, UnreadableAnswer> {
    let parts = item.parts();
    let Some(part) = parts.get(part_index) else {
        return Err(UnreadableReason::PartGone.into());
    };
    let outcome = check_part(item, part, response, &Reading::of_bank(bank.bank()))?;
    // Before this answer joins the log, so that a state taken in from another tab is replayed.
    progress
        .model
        .prepare_calibrated_state(bank, &progress.answer_log);
    let (predicted_success, newly_mastered) =
        with_part_evidence(item, part_index, &outcome, hints_used, |evidence| {
            (
                progress.model.predict_evidence(bank, evidence, now),
                progress.model.record_answer(bank, evidence, now),
            )
        })
        .unwrap_or_default();
    progress
        .answer_log
        .record(answer_entry(item, part_index, &outcome, hints_used, now));
    let more_parts = part_index + 1 < parts.len();
    progress.current_part = if more_parts {
        (part_index + 1) as u32
    } else {
        0
    };
    Ok(AnswerReport {
        outcome,
        predicted_success,
        newly_mastered,
        more_parts,
    })
}

/// How many hints a partial answer counts as: a right answer found with help, which counts as
/// right but does not extend the run of unaided right answers that mastery needs.
const PARTIAL_AS_HINTS: u32 = 2;

/// Calls `use_it` with the evidence of an answer to part `part_index` of `item` (its difficulty
/// is kept under the item id, or `item#step` for a step); `None` when there is no such part.
fn with_part_evidence<R>(
    item: &Item,
    part_index: usize,
    outcome: &Outcome,
    hints_used: u32,
    use_it: impl FnOnce(&Evidence<'_>) -> R,
) -> Option<R> {
    let parts = item.parts();
    let part = parts.get(part_index)?;
    let key = item_key(&item.id, (parts.len() > 1).then_some(part_index as u32));
    // A partial answer (the right value in another form than asked) is partly right: it counts
    // as right after `PARTIAL_AS_HINTS` hints (right, no streak).
    let (correct, hints_used) = match outcome.verdict {
        Verdict::Right => (true, hints_used),
        Verdict::Partial => (true, hints_used.saturating_add(PARTIAL_AS_HINTS)),
        Verdict::Wrong => (false, hints_used),
    };
    let evidence = Evidence {
        key: &key,
        item_id: &item.id,
        skills: part.skills,
        prior_difficulty: item.prior_difficulty(),
        correct,
        hints_used,
    };
    Some(use_it(&evidence))
}

/// The answer as the answer log keeps it (`progress/answer_log.rs`): the part only for an item in
/// several parts, the verdict as judged (a partial answer logged as partial, though the model
/// and the counts take it as right), the hints the learner opened, the time to the second.
fn answer_entry<'a>(
    item: &'a Item,
    part_index: usize,
    outcome: &Outcome,
    hints_used: u32,
    now: Timestamp,
) -> AnswerEntry<'a> {
    AnswerEntry {
        item_id: &item.id,
        part: (item.parts().len() > 1).then_some(part_index as u32),
        verdict: match outcome.verdict {
            Verdict::Right => AnswerVerdict::Right,
            Verdict::Partial => AnswerVerdict::Partial,
            Verdict::Wrong => AnswerVerdict::Wrong,
        },
        hints_used,
        at_seconds: now.0.div_euclid(1000),
    }
}

/// `submit_answer` with the time on task it took (`record_time_on_task`), and the answer noted
/// in this session's `log` (and in `progress.sessions`) so that another tab's progress can be
/// merged with it (`merge_progress`).
#[allow(clippy::too_many_arguments)]
pub fn submit_session_answer(
    bank: &IndexedBank,
    progress: &mut Progress,
    log: &mut SessionLog,
    item: &Item,
    part_index: usize,
    response: &Response,
    hints_used: u32,
    seconds_on_task: f64,
    now: Timestamp,
) -> Result<AnswerReport, UnreadableAnswer> {
    let report = submit_answer(bank, progress, item, part_index, response, hints_used, now)?;
    record_time_on_task(progress, seconds_on_task);
    let entry = answer_entry(item, part_index, &report.outcome, hints_used, now);
    with_part_evidence(item, part_index, &report.outcome, hints_used, |evidence| {
        record_session_answer(progress, log, evidence, entry, seconds_on_task, now)
    });
    Ok(report)
}

/// Fresh progress when the learner starts afresh: nothing of the old model, but the sessions it
/// counted stay counted, so that no tab re-applies its answers to the fresh start.
pub fn restart_progress(bank: &IndexedBank, old: &Progress, seed: u64) -> Progress {
    Progress {
        sessions: old.sessions.clone(),
        ..new_progress(bank, seed)
    }
}

fn variant_seed(progress: &Progress, item_position: usize) -> u64 {
    let attempts = progress.model.answer_count;
    (unit_hash(
        progress.seed ^ 0x5EED,
        (item_position as u64) << 32 | u64::from(attempts),
    ) * 9_007_199_254_740_992.0) as u64
}

/// Chooses the next item and makes it the current one.
pub fn advance(
    bank: &IndexedBank,
    progress: &mut Progress,
    now: Timestamp,
    options: &ChoiceOptions,
) -> Option<NextItem> {
    progress
        .model
        .prepare_calibrated_state(bank, &progress.answer_log);
    let seed = progress
        .seed
        .wrapping_add(u64::from(progress.model.answer_count));
    let mut next = choose_next_item(bank, &progress.model, now, seed, options)?;
    next.variant_seed = variant_seed(progress, next.item_position);
    progress.current_item = Some(next.item_id.clone());
    progress.current_variant = next.variant_seed;
    progress.current_part = 0;
    Some(next)
}

/// Another variant of the current template item ("try another like this").
pub fn another_variant(progress: &mut Progress, next: &NextItem) -> NextItem {
    let mut other = next.clone();
    other.variant_seed = (unit_hash(next.variant_seed, 0xA11) * 9_007_199_254_740_992.0) as u64;
    progress.current_variant = other.variant_seed;
    progress.current_part = 0;
    other
}

/// The item to show when practice resumes: the saved current item (same variant, same step) if
/// the bank still has it, else a new choice.
pub fn resume(
    bank: &IndexedBank,
    progress: &mut Progress,
    now: Timestamp,
    options: &ChoiceOptions,
) -> Option<NextItem> {
    progress
        .model
        .prepare_calibrated_state(bank, &progress.answer_log);
    let saved = progress
        .current_item
        .as_deref()
        .and_then(|id| bank.item_position(id));
    let answered_last = progress.current_part == 0
        && progress.model.recent_items.last() == progress.current_item.as_ref();
    match saved {
        Some(position) if !answered_last => {
            let item = &bank.items()[position];
            Some(NextItem {
                item_position: position,
                item_id: item.id.clone(),
                predicted_success: progress.model.predict_success(bank, item, now),
                reason: ChoiceReason::Resumed,
                variant_seed: progress.current_variant,
            })
        }
        _ => advance(bank, progress, now, options),
    }
}
