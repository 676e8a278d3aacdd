//! Answer checking: is a learner's response to an item (or a step of it) correct, and what to
//! tell them. Every item type is checked here; typed answers are read by `text_rules.rs` and
//! `expression.rs`.

use serde::{Deserialize, Serialize};

use crate::bank::{Blank, Choice, Item, ItemKind};
use crate::expression::{parse_expression, same_value, Expr, NameStyle};
pub use crate::text_rules::{normalize_text, parse_number, wildcard_match, MAX_ANSWER_LENGTH};

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
    pub correct: bool,
    /// Feedback about this very answer (a wrong choice's misconception), when the bank has one.
    pub feedback: Option<String>,
    /// The correct answer, written for display.
    pub correct_answer: String,
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
    TooLong { limit: usize },
    PickOne,
    PickAtLeastOne,
    NotANumber { text: String },
    NotMath { text: String, problem: String },
    Equation,
    AuthorError,
    PlaceEvery,
    MatchEvery,
    FillEveryGap,
    WrongShape,
    StepByStep,
    PartGone,
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

fn unreadable<T>(reason: UnreadableReason) -> Result<T, UnreadableAnswer> {
    Err(reason.into())
}

/// Checks a response to a single-part item (for multi-step items, check each step's kind with
/// `check_response`).
pub fn check_answer(item: &Item, response: &Response) -> Result<Outcome, UnreadableAnswer> {
    check_response(&item.kind, response)
}

fn verdict(
    correct: bool,
    feedback: Option<String>,
    correct_answer: String,
) -> Result<Outcome, UnreadableAnswer> {
    Ok(Outcome {
        correct,
        feedback,
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

/// Checks a response against one answerable kind.
pub fn check_response(kind: &ItemKind, response: &Response) -> Result<Outcome, UnreadableAnswer> {
    if let Response::Text(text) = response {
        if text.chars().count() > MAX_ANSWER_LENGTH {
            return unreadable(UnreadableReason::TooLong {
                limit: MAX_ANSWER_LENGTH,
            });
        }
        if text.trim().is_empty() {
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
        (
            ItemKind::Numeric {
                answer,
                tolerance,
                relative_tolerance,
                misconceptions,
            },
            Response::Text(text),
        ) => {
            let Some(value) = parse_number(text) else {
                return unreadable(UnreadableReason::NotANumber {
                    text: shorten(text.trim(), 40),
                });
            };
            let allowed = numeric_allowance(answer.value, *tolerance, *relative_tolerance);
            let correct = (value - answer.value).abs() <= allowed;
            let feedback = if correct {
                None
            } else {
                misconceptions
                    .iter()
                    .find(|m| (m.answer.value - value).abs() <= allowed)
                    .map(|m| m.feedback.clone())
            };
            verdict(correct, feedback, answer.text.clone())
        }
        (
            ItemKind::MathExpression {
                answer,
                tolerance,
                misconceptions,
            },
            Response::Text(text),
        ) => {
            let given = read_learner_expression(text)?;
            let tolerance = tolerance.unwrap_or(1e-9);
            let Ok(expected) = parse_expression(answer, NameStyle::SingleLetters) else {
                return unreadable(UnreadableReason::AuthorError);
            };
            let correct = same_value(&expected, &given, tolerance, false);
            let feedback = if correct {
                None
            } else {
                misconceptions
                    .iter()
                    .filter_map(|m| {
                        Some((
                            parse_expression(&m.answer, NameStyle::SingleLetters).ok()?,
                            &m.feedback,
                        ))
                    })
                    .find(|(wrong, _)| same_value(wrong, &given, tolerance, false))
                    .map(|(_, feedback)| feedback.clone())
            };
            verdict(correct, feedback, answer.clone())
        }
        (
            ItemKind::ShortText {
                answers,
                case_sensitive,
                ignore_accents,
                pattern,
                misconceptions,
            },
            Response::Text(text),
        ) => {
            let normalize = |t: &str| normalize_text(t, *case_sensitive, *ignore_accents);
            let given = normalize(text);
            let correct = answers.iter().any(|a| normalize(a) == given)
                || pattern
                    .as_deref()
                    .is_some_and(|p| wildcard_match(&normalize(p), &given));
            let feedback = if correct {
                None
            } else {
                misconceptions
                    .iter()
                    .find(|m| normalize(&m.answer) == given)
                    .map(|m| m.feedback.clone())
            };
            verdict(
                correct,
                feedback,
                answers.first().cloned().unwrap_or_default(),
            )
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
        (ItemKind::FillBlanks { blanks }, Response::Blanks(given)) => check_blanks(blanks, given),
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

fn numeric_allowance(value: f64, tolerance: Option<f64>, relative: Option<f64>) -> f64 {
    let absolute = tolerance.unwrap_or(0.0);
    let relative = relative.unwrap_or(0.0) * value.abs();
    absolute.max(relative).max(1e-9 * value.abs().max(1.0))
}

/// Reads a learner's math answer: a plain number (incl. mixed numbers, decimal comma) or an
/// expression (`7/12`, `\frac{7}{12}`, `2(x+1)`).
fn read_learner_expression(text: &str) -> Result<Expr, UnreadableAnswer> {
    if let Some(value) = parse_number(text) {
        return Ok(Expr::Number(value));
    }
    let expr = parse_expression(text, NameStyle::SingleLetters).map_err(|problem| {
        UnreadableAnswer::from(UnreadableReason::NotMath {
            text: shorten(text.trim(), 40),
            problem: problem.message,
        })
    })?;
    if let Expr::Binary(op, _, _) = &expr {
        if op.is_comparison() {
            return unreadable(UnreadableReason::Equation);
        }
    }
    Ok(expr)
}

fn check_blanks(blanks: &[Blank], given: &[String]) -> Result<Outcome, UnreadableAnswer> {
    if given.len() != blanks.len() || given.iter().any(|g| g.trim().is_empty()) {
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
            Some(number) => parse_number(text).is_some_and(|v| {
                (v - number.value).abs() <= numeric_allowance(number.value, blank.tolerance, None)
            }),
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

fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(limit).collect();
        short.push('…');
        short
    }
}

#[cfg(test)]
mod tests;
