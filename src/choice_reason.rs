//! Why this item was chosen: one sentence, in the learner's language, from the engine's
//! machine-readable reason (never a canned text).

use adaptive_practice_engine::model::TARGET_RETENTION;
use adaptive_practice_engine::{ChoiceReason, IndexedBank};

use crate::i18n::{fill, Words};

#[cfg(test)]
mod tests;

/// One sentence saying why this item was chosen, from the engine's reason.
pub fn why_this_item(words: &Words, bank: &IndexedBank, reason: &ChoiceReason) -> String {
    let skill = |id: &str| bank.skill_name(id).to_string();
    match reason {
        // Predicted recall is named only when it fell under the target retention, and rounded
        // down: "down to 100%" is never said. Otherwise the estimate fell under the mastery level
        // (a recent wrong answer, forgetting on a narrow margin) while recall is still high.
        ChoiceReason::ReviewDue { skill_id, recall } if *recall < TARGET_RETENTION => fill(
            words.why_review,
            &[
                ("skill", &skill(skill_id)),
                ("percent", &words.percent((recall * 100.0).floor() / 100.0)),
            ],
        ),
        ChoiceReason::ReviewDue { skill_id, .. } => {
            fill(words.why_review_estimate, &[("skill", &skill(skill_id))])
        }
        ChoiceReason::ChosenSkill { skill_id } => {
            fill(words.why_chosen, &[("skill", &skill(skill_id))])
        }
        ChoiceReason::Learning { skill_id, mastery } => fill(
            words.why_learning,
            &[
                ("skill", &skill(skill_id)),
                ("percent", &words.percent(*mastery)),
            ],
        ),
        ChoiceReason::MasteryCheck { skill_id, mastery } => fill(
            words.why_mastery_check,
            &[
                ("skill", &skill(skill_id)),
                ("percent", &words.percent(*mastery)),
            ],
        ),
        ChoiceReason::DelayedRecheck { skill_id, mastery } => fill(
            words.why_delayed_recheck,
            &[
                ("skill", &skill(skill_id)),
                ("percent", &words.percent(*mastery)),
            ],
        ),
        ChoiceReason::Placement {
            skill_id,
            prerequisites,
        } if prerequisites.is_empty() => {
            fill(words.why_placement_first, &[("skill", &skill(skill_id))])
        }
        ChoiceReason::Placement {
            skill_id,
            prerequisites,
        } => fill(
            words.why_placement,
            &[
                ("skill", &skill(skill_id)),
                ("before", &quoted_names(bank, &[prerequisites], words.and)),
            ],
        ),
        ChoiceReason::NewSkill {
            skill_id,
            after,
            placed,
        } => {
            let skill = skill(skill_id);
            match (after.is_empty(), placed.is_empty()) {
                (true, true) => fill(words.why_new_skill, &[("skill", &skill)]),
                (false, true) => fill(
                    words.why_next_step,
                    &[
                        ("skill", &skill),
                        ("after", &quoted_names(bank, &[after], words.and)),
                    ],
                ),
                // A prerequisite known only from placement answers is not said to be mastered.
                _ => fill(
                    words.why_next_step_placed,
                    &[
                        ("skill", &skill),
                        ("placed", &quoted_names(bank, &[after, placed], words.and)),
                    ],
                ),
            }
        }
        ChoiceReason::KeepPractising { skill_id } => {
            fill(words.why_keep_practising, &[("skill", &skill(skill_id))])
        }
        ChoiceReason::Resumed => words.why_resumed.to_string(),
    }
}

/// The skills of `lists`, one after the other, each name in quotes, joined by `and`: in one loop
/// (a `map`, `collect` and `join` was compiled for each place that said them).
fn quoted_names(bank: &IndexedBank, lists: &[&[String]], and: &str) -> String {
    let mut names = String::new();
    for id in lists.iter().flat_map(|list| list.iter()) {
        if !names.is_empty() {
            names.push_str(and);
        }
        names.push('“');
        names.push_str(bank.skill_name(id));
        names.push('”');
    }
    names
}
