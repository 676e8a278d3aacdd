//! The interface's words in several languages. Each language is one `Words` table (files in
//! `i18n/`); sentences with values are templates with `{name}` placeholders, filled by `fill`.
//! The table goes by one name everywhere: the type `Words`, a value `words`.
//! The language is the element's `lang` attribute, else the bank's `language`, else English.

use adaptive_practice_engine::{SkillState, UnreadableReason, VerdictReason};

mod ar;
mod en;
mod fr;

/// Every sentence the widget shows, in one language.
pub struct Words {
    /// BCP 47 tag of this table, and its writing direction.
    pub tag: &'static str,
    pub right_to_left: bool,
    pub loading: &'static str,
    pub load_failed_title: &'static str,
    pub bank_problems: &'static str,
    pub more_problems: &'static str,
    pub check: &'static str,
    pub next_item: &'static str,
    pub next_step: &'static str,
    pub try_another: &'static str,
    pub correct: &'static str,
    pub incorrect: &'static str,
    pub correct_answer_is: &'static str,
    pub newly_mastered: &'static str,
    pub worked_solution: &'static str,
    pub your_answer: &'static str,
    pub numeric_hint: &'static str,
    pub math_hint: &'static str,
    pub pick_all: &'static str,
    pub choose: &'static str,
    pub hints: &'static str,
    pub show_hint: &'static str,
    pub transcript: &'static str,
    pub step_of: &'static str,
    pub gap_label: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub progress_title: &'static str,
    pub answered_summary: &'static str,
    pub mastery_label: &'static str,
    pub percent: &'static str,
    pub state_not_started: &'static str,
    pub state_learning: &'static str,
    pub state_mastered: &'static str,
    pub state_review: &'static str,
    pub no_items: &'static str,
    pub item_broken: &'static str,
    pub not_saved_unavailable: &'static str,
    pub not_saved_refused: &'static str,
    pub progress_unreadable_backed_up: &'static str,
    pub progress_unreadable_kept: &'static str,
    pub unreadable_empty: &'static str,
    pub unreadable_too_long: &'static str,
    pub unreadable_pick_one: &'static str,
    pub unreadable_pick_at_least_one: &'static str,
    pub unreadable_not_a_number: &'static str,
    pub unreadable_not_math: &'static str,
    pub unreadable_equation: &'static str,
    pub unreadable_author_error: &'static str,
    pub unreadable_place_every: &'static str,
    pub unreadable_match_every: &'static str,
    pub unreadable_fill_every_gap: &'static str,
    pub unreadable_wrong_shape: &'static str,
    pub unreadable_step_by_step: &'static str,
    pub unreadable_part_gone: &'static str,
    pub why_review: &'static str,
    pub why_chosen: &'static str,
    pub why_learning: &'static str,
    pub why_mastery_check: &'static str,
    pub why_delayed_recheck: &'static str,
    pub why_placement: &'static str,
    pub why_placement_first: &'static str,
    pub why_new_skill: &'static str,
    pub why_next_step: &'static str,
    pub why_keep_practising: &'static str,
    pub why_resumed: &'static str,
    pub data_title: &'static str,
    pub data_explained: &'static str,
    pub export_progress: &'static str,
    pub import_progress: &'static str,
    pub imported: &'static str,
    pub import_refused: &'static str,
    pub your_name: &'static str,
    pub make_report: &'static str,
    pub report_code: &'static str,
    pub reset_progress: &'static str,
    pub reset_question: &'static str,
    pub reset_confirm: &'static str,
    pub cancel: &'static str,
    pub practise: &'static str,
    pub goal_title: &'static str,
    pub goal_choose: &'static str,
    pub goal_none: &'static str,
    pub goal_skills_option: &'static str,
    pub goal_progress: &'static str,
    pub goal_reached: &'static str,
    pub calm_mode: &'static str,
    pub practise_label: &'static str,
    pub let_widget_choose: &'static str,
    pub practising_chosen: &'static str,
    pub needs_first: &'static str,
    pub and: &'static str,
    pub partially_right: &'static str,
    pub reason_wrong_unit: &'static str,
    pub reason_unit_asked: &'static str,
    pub reason_simplest_form: &'static str,
    pub reason_form_asked: &'static str,
    pub reason_not_solved_for: &'static str,
    pub reason_wrong_count: &'static str,
    pub reason_order_matters: &'static str,
    pub reason_interval_ends: &'static str,
    pub reason_reversed_inequality: &'static str,
    pub form_slope_intercept: &'static str,
    pub form_standard: &'static str,
    pub form_fraction: &'static str,
    pub form_decimal: &'static str,
    pub unreadable_not_structured: &'static str,
}

/// The languages shipped, by their primary tag.
pub const LANGUAGES: [&Words; 3] = [&en::ENGLISH, &fr::FRENCH, &ar::ARABIC];

/// The table for a BCP 47 tag (`fr-CA` finds French); English when the language is not shipped.
pub fn words_for(tag: Option<&str>) -> &'static Words {
    let primary = tag
        .unwrap_or("en")
        .split(['-', '_'])
        .next()
        .unwrap_or("en")
        .to_ascii_lowercase();
    LANGUAGES
        .iter()
        .copied()
        .find(|m| m.tag == primary)
        .unwrap_or(&en::ENGLISH)
}

/// Replaces each `{name}` in `template` by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = template.to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

impl Words {
    pub fn state(&self, state: SkillState) -> &'static str {
        match state {
            SkillState::NotStarted => self.state_not_started,
            SkillState::Learning => self.state_learning,
            SkillState::Mastered => self.state_mastered,
            SkillState::DueForReview => self.state_review,
        }
    }

    /// A whole percentage the way this language writes it (`72%`, `72 %`).
    pub fn percent(&self, fraction: f64) -> String {
        fill(
            self.percent,
            &[("value", &format!("{:.0}", fraction * 100.0))],
        )
    }

    /// Why an answer could not be read, in this language.
    pub fn unreadable(&self, reason: &UnreadableReason) -> String {
        match reason {
            UnreadableReason::Empty => self.unreadable_empty.into(),
            UnreadableReason::TooLong { limit } => {
                fill(self.unreadable_too_long, &[("limit", &limit.to_string())])
            }
            UnreadableReason::PickOne => self.unreadable_pick_one.into(),
            UnreadableReason::PickAtLeastOne => self.unreadable_pick_at_least_one.into(),
            UnreadableReason::NotANumber { text } => {
                fill(self.unreadable_not_a_number, &[("text", text)])
            }
            UnreadableReason::NotMath { text, problem } => fill(
                self.unreadable_not_math,
                &[("text", text), ("problem", problem)],
            ),
            UnreadableReason::Equation => self.unreadable_equation.into(),
            UnreadableReason::AuthorError => self.unreadable_author_error.into(),
            UnreadableReason::PlaceEvery => self.unreadable_place_every.into(),
            UnreadableReason::MatchEvery => self.unreadable_match_every.into(),
            UnreadableReason::FillEveryGap => self.unreadable_fill_every_gap.into(),
            UnreadableReason::WrongShape => self.unreadable_wrong_shape.into(),
            UnreadableReason::StepByStep => self.unreadable_step_by_step.into(),
            UnreadableReason::PartGone => self.unreadable_part_gone.into(),
            UnreadableReason::NotStructured { text, problem } => fill(
                self.unreadable_not_structured,
                &[("text", text), ("problem", problem)],
            ),
        }
    }

    /// Why a readable answer is wrong or partial (a unit, a form, an order), in this language.
    pub fn verdict_reason(&self, reason: &VerdictReason) -> String {
        match reason {
            VerdictReason::WrongUnit { expected, given } => fill(
                self.reason_wrong_unit,
                &[("expected", expected), ("given", given)],
            ),
            VerdictReason::UnitAsked { unit } => fill(self.reason_unit_asked, &[("unit", unit)]),
            VerdictReason::SimplestForm => self.reason_simplest_form.into(),
            VerdictReason::FormAsked { form } => {
                let name = match form.as_str() {
                    "slope-intercept" => self.form_slope_intercept,
                    "standard" => self.form_standard,
                    "fraction" => self.form_fraction,
                    "decimal" => self.form_decimal,
                    other => other,
                };
                fill(self.reason_form_asked, &[("form", name)])
            }
            VerdictReason::NotSolvedFor { variable } => {
                fill(self.reason_not_solved_for, &[("variable", variable)])
            }
            VerdictReason::WrongCount { expected, given } => fill(
                self.reason_wrong_count,
                &[
                    ("expected", &expected.to_string()),
                    ("given", &given.to_string()),
                ],
            ),
            VerdictReason::OrderMatters => self.reason_order_matters.into(),
            VerdictReason::IntervalEnds => self.reason_interval_ends.into(),
            VerdictReason::ReversedInequality => self.reason_reversed_inequality.into(),
        }
    }
}

/// Two tables are equal when they are the same table (components compare props and contexts).
impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Words({})", self.tag)
    }
}

/// The table of the widget's language, from the context `App` provides (English outside it).
#[yew::hook]
pub fn use_words() -> &'static Words {
    yew::use_context::<&'static Words>().unwrap_or(&en::ENGLISH)
}

#[cfg(test)]
mod tests;
