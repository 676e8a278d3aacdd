//! Why this item was chosen: one sentence, in the learner's language, from the engine's
//! machine-readable reason (never a canned text).

use adaptive_practice_engine::model::TARGET_RETENTION;
use adaptive_practice_engine::{ChoiceReason, IndexedBank};

use crate::i18n::{fill, Words};

#[cfg(test)]
mod tests;

/// One sentence saying why this item was chosen, from the engine's reason. Each reason picks its
/// sentence, its skill and at most one other value; one `fill` fills them in (a `fill` in each
/// arm was compiled a dozen times over).
pub fn why_this_item(words: &Words, bank: &IndexedBank, reason: &ChoiceReason) -> String {
    let (sentence, skill_id, other) = match reason {
        // Predicted recall is named only when it fell under the target retention, and rounded
        // down: "down to 100%" is never said. Otherwise the estimate fell under the mastery level
        // (a recent wrong answer, forgetting on a narrow margin) while recall is still high.
        ChoiceReason::ReviewDue { skill_id, recall } if *recall < TARGET_RETENTION => (
            words.why_review(),
            skill_id,
            Some((
                "percent",
                words.percentage((recall * 100.0).floor() / 100.0),
            )),
        ),
        ChoiceReason::ReviewDue { skill_id, .. } => (words.why_review_estimate(), skill_id, None),
        ChoiceReason::ChosenSkill { skill_id } => (words.why_chosen(), skill_id, None),
        ChoiceReason::Learning { skill_id, mastery } => (
            words.why_learning(),
            skill_id,
            Some(("percent", words.percentage(*mastery))),
        ),
        ChoiceReason::MasteryCheck { skill_id, mastery } => (
            words.why_mastery_check(),
            skill_id,
            Some(("percent", words.percentage(*mastery))),
        ),
        ChoiceReason::DelayedRecheck { skill_id, mastery } => (
            words.why_delayed_recheck(),
            skill_id,
            Some(("percent", words.percentage(*mastery))),
        ),
        ChoiceReason::Placement {
            skill_id,
            prerequisites,
        } if prerequisites.is_empty() => (words.why_placement_first(), skill_id, None),
        ChoiceReason::Placement {
            skill_id,
            prerequisites,
        } => (
            words.why_placement(),
            skill_id,
            Some(("before", quoted_names(bank, &[prerequisites], words.and()))),
        ),
        ChoiceReason::NewSkill {
            skill_id,
            after,
            placed,
        } => match (after.is_empty(), placed.is_empty()) {
            (true, true) => (words.why_new_skill(), skill_id, None),
            (false, true) => (
                words.why_next_step(),
                skill_id,
                Some(("after", quoted_names(bank, &[after], words.and()))),
            ),
            // A prerequisite known only from placement answers is not said to be mastered.
            _ => (
                words.why_next_step_placed(),
                skill_id,
                Some(("placed", quoted_names(bank, &[after, placed], words.and()))),
            ),
        },
        ChoiceReason::KeepPractising { skill_id } => (words.why_keep_practising(), skill_id, None),
        ChoiceReason::Resumed => return words.why_resumed().to_string(),
    };
    let skill = bank.skill_name(skill_id);
    match &other {
        Some((name, value)) => fill(sentence, &[("skill", skill), (name, value)]),
        None => fill(sentence, &[("skill", skill)]),
    }
}

/// The names of the skills of `lists`, one after the other, joined by `and`, which closes one
/// name's quotes and opens the next's (the sentence quotes the whole, in its language's quote
/// marks); in one loop (a `map`, `collect` and `join` was compiled for each place that said them).
fn quoted_names(bank: &IndexedBank, lists: &[&[String]], and: &str) -> String {
    let mut names = String::new();
    for id in lists.iter().flat_map(|list| list.iter()) {
        if !names.is_empty() {
            names.push_str(and);
        }
        names.push_str(bank.skill_name(id));
    }
    names
}
