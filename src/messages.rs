//! Every sentence the widget shows, in one place (English), so that other languages can follow.

use adaptive_practice_engine::{Bank, ChoiceReason, SkillState};

pub const LOADING: &str = "Loading practice…";
pub const LOAD_FAILED_TITLE: &str = "This practice set could not be loaded";
pub const CHECK: &str = "Check";
pub const NEXT: &str = "Next item";
pub const CORRECT: &str = "Correct!";
pub const INCORRECT: &str = "Not quite.";
pub const WORKED_SOLUTION: &str = "Worked solution";
pub const YOUR_ANSWER: &str = "Your answer";
pub const NUMERIC_HINT: &str = "A fraction, a decimal or a whole number, e.g. 3/4 or 0.75.";
pub const MATH_HINT: &str = "A number or an expression, e.g. 7/12, 2(x + 1) or x^2.";
pub const PICK_ALL: &str = "Pick every correct answer.";
pub const CHOOSE: &str = "Choose…";
pub const HINTS: &str = "Hints";
pub const TRANSCRIPT: &str = "Transcript: ";
pub const NEXT_STEP: &str = "Next step";
pub const TRY_ANOTHER: &str = "Try another like this";
pub const ITEM_BROKEN: &str = "This item cannot be shown:";

pub fn move_up(entry: &str, place: usize) -> String {
    format!("Move “{entry}” up from place {place}")
}

pub fn move_down(entry: &str, place: usize) -> String {
    format!("Move “{entry}” down from place {place}")
}

pub fn gap_label(number: usize) -> String {
    format!("Gap {number}")
}

pub fn step_of(step: usize, steps: usize) -> String {
    format!("Step {step} of {steps}")
}

pub fn show_hint(number: usize, count: usize) -> String {
    format!("Show hint {number} of {count}")
}
pub const PROGRESS_TITLE: &str = "Your progress";
pub const NO_ITEMS: &str = "This practice set has no items.";
/// Every notice about progress that is not being saved starts with this.
pub const NOT_SAVED_PREFIX: &str = "Not saved: ";
pub const NOT_SAVED_UNAVAILABLE: &str =
    "Not saved: this browser does not let the page store data (storage is switched off or blocked). You can keep practising, but your progress will be lost when you leave.";

pub fn not_saved_refused(name: &str) -> String {
    format!("Not saved: the browser refused to store your last answer ({name}; its storage may be full). Keep this page open and your progress stays here.")
}

pub fn progress_unreadable(problem: &str, backed_up: bool) -> String {
    if backed_up {
        format!("Your saved progress could not be read ({problem}), so you start fresh. The old copy is kept aside, untouched.")
    } else {
        format!("Your saved progress could not be read ({problem}). To keep it safe, nothing new will be saved on this device.")
    }
}

pub fn correct_answer_is(answer: &str) -> String {
    format!("The answer is {answer}.")
}

pub fn answered_summary(answers: u32, correct: u32) -> String {
    format!("{answers} answered · {correct} correct")
}

pub fn state_label(state: SkillState) -> &'static str {
    match state {
        SkillState::NotStarted => "Not started",
        SkillState::Learning => "Learning",
        SkillState::Mastered => "Mastered",
        SkillState::DueForReview => "Review due",
    }
}

pub fn newly_mastered(names: &[String]) -> String {
    format!("Skill mastered: {}!", names.join(", "))
}

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
