//! Answer checking: is a learner's response to an item (or a step of it) right, wrong, partial
//! (the right value in another form than asked) or unreadable, and what to tell them. Every item
//! type is checked here; typed answers are judged in `answer/numeric.rs`, `answer/math.rs` and
//! `answer/text.rs`, read by `numbers.rs`, `units.rs`, `expression.rs`, `equations.rs` and
//! `lists.rs`.

use serde::{Deserialize, Serialize};

use crate::bank::{Bank, Blank, Choice, Item, ItemKind};
use crate::numbers::NumberStyle;
pub use crate::text_rules::{
    fold_typed, normalize_text, parse_number, wildcard_match, MAX_ANSWER_LENGTH,
};

/// What a learner gave as an answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "camelCase")]
pub enum Response {
    /// The index of the picked choice (single choice).
    Choice(usize),
    /// The indexes of the picked choices (multiple response).
    Choices(Vec<usize>),
    /// Typed text (numeric, math expression, short text).
    Text(String),
    /// The learner's order, as indexes into the item's `items` (ordering).
    Order(Vec<usize>),
    /// One text per blank (fill in the blanks).
    Blanks(Vec<String>),
    /// For each left entry, the index of the right entry picked (matching); `None` when unset.
    Matches(Vec<Option<usize>>),
}

/// The verdict on a readable answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    /// Whether the answer is right (`verdict` is `Right`).
    pub correct: bool,
    /// Right, wrong, or partial (the right value in another form than asked).
    #[serde(default = "wrong_verdict")]
    pub verdict: Verdict,
    /// Why the answer is wrong or partial, when the checks know more than "not equal".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<VerdictReason>,
    /// Feedback about this very answer (a wrong choice's misconception), when the bank has one.
    pub feedback: Option<String>,
    /// The correct answer, written for display.
    pub correct_answer: String,
}

fn wrong_verdict() -> Verdict {
    Verdict::Wrong
}

/// What a readable answer is worth. A partial answer (the right value, not in the form the item
/// asks for) counts for the learner model as partly right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    Right,
    Wrong,
    Partial,
}

impl Verdict {
    /// `right`, `wrong` or `partial`.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Right => "right",
            Verdict::Wrong => "wrong",
            Verdict::Partial => "partial",
        }
    }
}

/// Why a readable answer is wrong or partial, for the widget to say in the learner's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum VerdictReason {
    /// Wrong: the answer is in another unit than asked, and not an equal amount (`12 m` for
    /// `12 cm`), or in a unit of another kind.
    #[serde(rename_all = "camelCase")]
    WrongUnit { expected: String, given: String },
    /// Partial: an equal amount in another unit, where the item asks for this one.
    UnitAsked { unit: String },
    /// Partial: the right value, not in simplest form (`21/36` for `7/12`).
    SimplestForm,
    /// Partial: the right value or equation in another form than asked (`slope-intercept`,
    /// `standard`, `fraction`, `decimal`).
    FormAsked { form: String },
    /// Partial: an equivalent equation, but `variable` is not alone on one side.
    NotSolvedFor { variable: String },
    /// Wrong: not as many elements as expected.
    WrongCount { expected: usize, given: usize },
    /// Wrong: the right elements in another order, where order matters (`(7, 0)` for `(0, 7)`).
    OrderMatters,
    /// Wrong: an interval with the right ends but another bracket.
    IntervalEnds,
    /// Wrong: an inequality with the right boundary in the other direction.
    ReversedInequality,
}

impl VerdictReason {
    /// A short machine name (`wrongUnit`), as `try-answers` prints it.
    pub fn code(&self) -> &'static str {
        match self {
            VerdictReason::WrongUnit { .. } => "wrongUnit",
            VerdictReason::UnitAsked { .. } => "unitAsked",
            VerdictReason::SimplestForm => "simplestForm",
            VerdictReason::FormAsked { .. } => "formAsked",
            VerdictReason::NotSolvedFor { .. } => "notSolvedFor",
            VerdictReason::WrongCount { .. } => "wrongCount",
            VerdictReason::OrderMatters => "orderMatters",
            VerdictReason::IntervalEnds => "intervalEnds",
            VerdictReason::ReversedInequality => "reversedInequality",
        }
    }

    /// The reason in English.
    pub fn english(&self) -> String {
        match self {
            VerdictReason::WrongUnit { expected, given } => {
                format!("The unit is wrong: the answer is in {expected}, not {given}.")
            }
            VerdictReason::UnitAsked { unit } => {
                format!("Right amount; give it in {unit}.")
            }
            VerdictReason::SimplestForm => "Right value; give it in simplest form.".into(),
            VerdictReason::FormAsked { form } => format!("Right value; write it in {form} form."),
            VerdictReason::NotSolvedFor { variable } => {
                format!("Right equation; now solve it for {variable}.")
            }
            VerdictReason::WrongCount { expected, given } => {
                format!("The answer has {expected} parts; yours has {given}.")
            }
            VerdictReason::OrderMatters => "The right values, but the order matters.".into(),
            VerdictReason::IntervalEnds => {
                "The right ends, but check which ends are included.".into()
            }
            VerdictReason::ReversedInequality => "The inequality goes the other way.".into(),
        }
    }
}

/// An answer that cannot be judged (not a number, no choice picked). It is not counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnreadableAnswer {
    /// Why, for the widget to say in the learner's language.
    pub reason: UnreadableReason,
    /// Why, in English (for tools and logs).
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum UnreadableReason {
    Empty,
    TooLong {
        limit: usize,
    },
    PickOne,
    PickAtLeastOne,
    NotANumber {
        text: String,
    },
    NotMath {
        text: String,
        problem: String,
    },
    Equation,
    AuthorError,
    PlaceEvery,
    MatchEvery,
    FillEveryGap,
    WrongShape,
    StepByStep,
    PartGone,
    /// A list, set, tuple or interval answer whose structure cannot be read.
    NotStructured {
        text: String,
        problem: String,
    },
}

impl UnreadableReason {
    /// The reason in English.
    pub fn english(&self) -> String {
        match self {
            UnreadableReason::Empty => "Type an answer first.".into(),
            UnreadableReason::TooLong { limit } => {
                format!("That answer is too long (more than {limit} characters).")
            }
            UnreadableReason::PickOne => "Pick one of the choices.".into(),
            UnreadableReason::PickAtLeastOne => "Pick at least one choice.".into(),
            UnreadableReason::NotANumber { text } => {
                format!("“{text}” is not a number I can read. Write it like 3/4, 0.75 or 1 1/2.")
            }
            UnreadableReason::NotMath { text, problem } => {
                format!("I cannot read “{text}” as math: {problem}.")
            }
            UnreadableReason::Equation => {
                "Write only the value or the expression, without “=” or “<”.".into()
            }
            UnreadableReason::AuthorError => {
                "This item's answer cannot be computed; please tell the author.".into()
            }
            UnreadableReason::PlaceEvery => "Put every entry in a place.".into(),
            UnreadableReason::MatchEvery => "Match every entry.".into(),
            UnreadableReason::FillEveryGap => "Fill every gap.".into(),
            UnreadableReason::WrongShape => "This kind of answer does not fit this item.".into(),
            UnreadableReason::StepByStep => "Answer the steps one by one.".into(),
            UnreadableReason::PartGone => "This step is no longer in the item.".into(),
            UnreadableReason::NotStructured { text, problem } => {
                format!("I cannot read “{text}” as the list this item asks for: {problem}.")
            }
        }
    }

    /// A short machine name (`notANumber`), as `try-answers` prints it.
    pub fn code(&self) -> &'static str {
        match self {
            UnreadableReason::Empty => "empty",
            UnreadableReason::TooLong { .. } => "tooLong",
            UnreadableReason::PickOne => "pickOne",
            UnreadableReason::PickAtLeastOne => "pickAtLeastOne",
            UnreadableReason::NotANumber { .. } => "notANumber",
            UnreadableReason::NotMath { .. } => "notMath",
            UnreadableReason::Equation => "equation",
            UnreadableReason::AuthorError => "authorError",
            UnreadableReason::PlaceEvery => "placeEvery",
            UnreadableReason::MatchEvery => "matchEvery",
            UnreadableReason::FillEveryGap => "fillEveryGap",
            UnreadableReason::WrongShape => "wrongShape",
            UnreadableReason::StepByStep => "stepByStep",
            UnreadableReason::PartGone => "partGone",
            UnreadableReason::NotStructured { .. } => "notStructured",
        }
    }
}

impl From<UnreadableReason> for UnreadableAnswer {
    fn from(reason: UnreadableReason) -> Self {
        UnreadableAnswer {
            message: reason.english(),
            reason,
        }
    }
}

pub(crate) fn unreadable<T>(reason: UnreadableReason) -> Result<T, UnreadableAnswer> {
    Err(reason.into())
}

/// How typed answers are read for one bank: the number style of its language and whether an
/// ambiguous number is right when either reading is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reading {
    pub numbers: NumberStyle,
    pub either_number_reading: bool,
}

impl Reading {
    /// The reading of a bank: its `language` and its `acceptEitherNumberReading` setting.
    pub fn of_bank(bank: &Bank) -> Reading {
        Reading {
            numbers: NumberStyle::for_language(bank.language.as_deref()),
            either_number_reading: bank.settings.accept_either_number_reading,
        }
    }
}

/// Checks a response to a single-part item, read as English (for multi-step items, check each
/// step's kind with `check_response`).
pub fn check_answer(item: &Item, response: &Response) -> Result<Outcome, UnreadableAnswer> {
    check_response(&item.kind, response)
}

/// Checks a response against one answerable kind, reading numbers as English does.
pub fn check_response(kind: &ItemKind, response: &Response) -> Result<Outcome, UnreadableAnswer> {
    check_response_with(kind, response, &Reading::default())
}

/// The verdict and its reason as short names, as `try-answers` prints them: (`right`, `ok`),
/// (`wrong`, `wrongUnit`), (`partial`, `simplestForm`), (`unreadable`, `notANumber`). A wrong
/// answer with the bank's feedback for it has the reason `misconception`; without any other
/// reason, `notEqual`.
pub fn verdict_names(result: &Result<Outcome, UnreadableAnswer>) -> (&'static str, &'static str) {
    match result {
        Ok(outcome) => {
            let reason = match (&outcome.reason, outcome.verdict, &outcome.feedback) {
                (Some(reason), _, _) => reason.code(),
                (None, Verdict::Right, _) => "ok",
                (None, _, Some(_)) => "misconception",
                (None, _, None) => "notEqual",
            };
            (outcome.verdict.name(), reason)
        }
        Err(unreadable) => ("unreadable", unreadable.reason.code()),
    }
}

pub(crate) fn verdict(
    correct: bool,
    feedback: Option<String>,
    correct_answer: String,
) -> Result<Outcome, UnreadableAnswer> {
    Ok(Outcome {
        correct,
        verdict: if correct {
            Verdict::Right
        } else {
            Verdict::Wrong
        },
        reason: None,
        feedback,
        correct_answer,
    })
}

/// A verdict with a reason: partial or wrong.
pub(crate) fn verdict_because(
    verdict: Verdict,
    reason: VerdictReason,
    correct_answer: String,
) -> Result<Outcome, UnreadableAnswer> {
    Ok(Outcome {
        correct: verdict == Verdict::Right,
        verdict,
        reason: Some(reason),
        feedback: None,
        correct_answer,
    })
}

fn choice_texts(choices: &[Choice], indexes: &[usize]) -> String {
    indexes
        .iter()
        .filter_map(|&i| choices.get(i))
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Checks a response against one answerable kind, reading typed numbers as `reading` says.
pub fn check_response_with(
    kind: &ItemKind,
    response: &Response,
    reading: &Reading,
) -> Result<Outcome, UnreadableAnswer> {
    if let Response::Text(text) = response {
        if text.chars().count() > MAX_ANSWER_LENGTH {
            return unreadable(UnreadableReason::TooLong {
                limit: MAX_ANSWER_LENGTH,
            });
        }
        if fold_typed(text).trim().is_empty() {
            return unreadable(UnreadableReason::Empty);
        }
    }
    match (kind, response) {
        (
            ItemKind::SingleChoice {
                choices, answer, ..
            },
            Response::Choice(picked),
        ) => {
            let Some(choice) = choices.get(*picked) else {
                return unreadable(UnreadableReason::PickOne);
            };
            verdict(
                picked == answer,
                choice.feedback.clone(),
                choice_texts(choices, &[*answer]),
            )
        }
        (
            ItemKind::MultipleResponse {
                choices, answers, ..
            },
            Response::Choices(picked),
        ) => {
            if picked.is_empty() {
                return unreadable(UnreadableReason::PickAtLeastOne);
            }
            let mut picked = picked.clone();
            picked.sort_unstable();
            picked.dedup();
            let mut expected = answers.clone();
            expected.sort_unstable();
            let feedback = picked
                .iter()
                .filter(|i| !expected.contains(i))
                .find_map(|&i| choices.get(i).and_then(|c| c.feedback.clone()));
            verdict(picked == expected, feedback, choice_texts(choices, answers))
        }
        (numeric @ ItemKind::Numeric { .. }, Response::Text(text)) => {
            numeric::check_numeric(numeric, text, reading)
        }
        (math @ ItemKind::MathExpression { .. }, Response::Text(text)) => {
            math::check_math(math, text, reading)
        }
        (short @ ItemKind::ShortText { .. }, Response::Text(text)) => {
            text::check_short_text(short, text, reading)
        }
        (ItemKind::Ordering { items }, Response::Order(order)) => {
            let mut sorted = order.clone();
            sorted.sort_unstable();
            if sorted != (0..items.len()).collect::<Vec<_>>() {
                return unreadable(UnreadableReason::PlaceEvery);
            }
            let correct = order
                .iter()
                .enumerate()
                .all(|(place, &index)| place == index);
            verdict(correct, None, items.join(" → "))
        }
        (ItemKind::FillBlanks { blanks }, Response::Blanks(given)) => {
            check_blanks(blanks, given, reading)
        }
        (ItemKind::Matching { pairs, distractors }, Response::Matches(given)) => {
            if given.len() != pairs.len() || given.iter().any(Option::is_none) {
                return unreadable(UnreadableReason::MatchEvery);
            }
            let rights = pairs.len() + distractors.len();
            if given.iter().flatten().any(|&r| r >= rights) {
                return unreadable(UnreadableReason::MatchEvery);
            }
            // Rights are compared by text: two lefts may share a right (sorting into groups).
            let right_text = |index: usize| {
                pairs
                    .get(index)
                    .map(|p| p.right.as_str())
                    .or_else(|| distractors.get(index - pairs.len()).map(String::as_str))
            };
            let correct = given.iter().enumerate().all(|(left, right)| {
                right.and_then(right_text) == Some(pairs[left].right.as_str())
            });
            let shown: Vec<String> = pairs
                .iter()
                .map(|p| format!("{} → {}", p.left, p.right))
                .collect();
            verdict(correct, None, shown.join("; "))
        }
        (ItemKind::MultiStep { .. }, _) => unreadable(UnreadableReason::StepByStep),
        _ => unreadable(UnreadableReason::WrongShape),
    }
}

fn check_blanks(
    blanks: &[Blank],
    given: &[String],
    reading: &Reading,
) -> Result<Outcome, UnreadableAnswer> {
    if given.len() != blanks.len() || given.iter().any(|g| fold_typed(g).trim().is_empty()) {
        return unreadable(UnreadableReason::FillEveryGap);
    }
    if given.iter().any(|g| g.chars().count() > MAX_ANSWER_LENGTH) {
        return unreadable(UnreadableReason::TooLong {
            limit: MAX_ANSWER_LENGTH,
        });
    }
    let mut all_correct = true;
    let mut shown = Vec::new();
    for (blank, text) in blanks.iter().zip(given) {
        let correct = match &blank.numeric {
            Some(number) => numeric::blank_number_matches(number, blank.tolerance, text, reading),
            None => {
                let given = normalize_text(text, blank.case_sensitive, true);
                blank
                    .answers
                    .iter()
                    .any(|a| normalize_text(a, blank.case_sensitive, true) == given)
            }
        };
        all_correct &= correct;
        shown.push(match &blank.numeric {
            Some(number) => number.text.clone(),
            None => blank.answers.first().cloned().unwrap_or_default(),
        });
    }
    verdict(all_correct, None, shown.join(", "))
}

pub(crate) fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(limit).collect();
        short.push('…');
        short
    }
}

mod line;
mod math;
mod numeric;
mod text;

pub use line::response_from_line;
pub(crate) use math::is_word;

/// Whether a math answer is a word (`NA`, `none`): such an answer is compared as text.
pub fn is_word_answer(answer: &str) -> bool {
    is_word(answer)
}

#[cfg(test)]
mod corpus;
#[cfg(test)]
mod tests;
