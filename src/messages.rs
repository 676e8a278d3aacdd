//! Why this item was chosen, as one sentence from the engine's machine-readable reason (English
//! for now; the rest of the interface's words are in `i18n`).

use adaptive_practice_engine::{Bank, ChoiceReason};

fn skill_name<'a>(bank: &'a Bank, skill_id: &'a str) -> &'a str {
    bank.skills.iter().find(|s| s.id == skill_id).map_or(skill_id, |s| s.name.as_str())
}

/// One sentence saying why this item was chosen, from the engine's reason.
pub fn why_this_item(bank: &Bank, reason: &ChoiceReason) -> String {
    match reason {
        ChoiceReason::ReviewDue { skill_id, recall } => format!(
            "Review: you mastered “{}”, and your predicted recall is down to {:.0}%.",
            skill_name(bank, skill_id),
            recall * 100.0
        ),
        ChoiceReason::ChosenSkill { skill_id } => format!("You chose to practise “{}”.", skill_name(bank, skill_id)),
        ChoiceReason::Learning { skill_id, mastery } => format!(
            "Practising “{}” (mastery {:.0}%) at a difficulty you can reach.",
            skill_name(bank, skill_id),
            mastery * 100.0
        ),
        ChoiceReason::MasteryCheck { skill_id, mastery } => format!(
            "A harder one: “{}” is at {:.0}%, and a right answer here can show you have mastered it.",
            skill_name(bank, skill_id),
            mastery * 100.0
        ),
        ChoiceReason::NewSkill { skill_id, after } if after.is_empty() => {
            format!("Starting “{}”.", skill_name(bank, skill_id))
        }
        ChoiceReason::NewSkill { skill_id, after } => {
            let names: Vec<&str> = after.iter().map(|id| skill_name(bank, id)).collect();
            format!("Next step: “{}”, now that you have mastered {}.", skill_name(bank, skill_id), names.join(" and "))
        }
        ChoiceReason::KeepPractising { skill_id } => {
            format!("Everything is mastered; keeping “{}” fresh.", skill_name(bank, skill_id))
        }
        ChoiceReason::Resumed => "Where you left off.".to_string(),
    }
}
