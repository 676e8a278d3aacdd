//! Answer checking: is a learner's response to an item correct, and what to tell them.

use serde::{Deserialize, Serialize};

use crate::bank::{Item, ItemKind};

/// What a learner gave as an answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "camelCase")]
pub enum Response {
    /// The index of the picked choice.
    Choice(usize),
    /// Typed text, for numeric items.
    Text(String),
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

/// An answer that cannot be judged (not a number, or no such choice). It is not counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnreadableAnswer {
    pub message: String,
}

/// Longest typed answer that is read at all; longer ones are unreadable, not slow.
pub const MAX_ANSWER_LENGTH: usize = 200;

/// Checks a response against an item.
pub fn check_answer(item: &Item, response: &Response) -> Result<Outcome, UnreadableAnswer> {
    match (&item.kind, response) {
        (ItemKind::SingleChoice { choices, answer }, Response::Choice(picked)) => {
            let Some(choice) = choices.get(*picked) else {
                return Err(UnreadableAnswer { message: "Pick one of the choices.".into() });
            };
            let correct_answer = choices.get(*answer).map(|c| c.text.clone()).unwrap_or_default();
            Ok(Outcome { correct: picked == answer, feedback: choice.feedback.clone(), correct_answer })
        }
        (ItemKind::Numeric { answer, tolerance, misconceptions }, Response::Text(text)) => {
            if text.trim().is_empty() {
                return Err(UnreadableAnswer { message: "Type an answer first.".into() });
            }
            let Some(value) = parse_number(text) else {
                return Err(UnreadableAnswer {
                    message: format!(
                        "“{}” is not a number I can read. Write it like 3/4, 0.75 or 1 1/2.",
                        shorten(text.trim(), 40)
                    ),
                });
            };
            let tolerance = tolerance.unwrap_or(0.0).max(1e-9 * answer.value.abs().max(1.0));
            let correct = (value - answer.value).abs() <= tolerance;
            let feedback = if correct {
                None
            } else {
                misconceptions
                    .iter()
                    .find(|m| (m.answer.value - value).abs() <= tolerance)
                    .map(|m| m.feedback.clone())
            };
            Ok(Outcome { correct, feedback, correct_answer: answer.text.clone() })
        }
        (ItemKind::SingleChoice { .. }, Response::Text(_)) => {
            Err(UnreadableAnswer { message: "Pick one of the choices.".into() })
        }
        (ItemKind::Numeric { .. }, Response::Choice(_)) => {
            Err(UnreadableAnswer { message: "Type a number.".into() })
        }
    }
}

/// Reads a number the way people write it: `0.5`, `.5`, `0,5` (decimal comma), `-3`, `1/2`,
/// `1 1/2` (mixed number), `−2` (Unicode minus). Returns `None` for anything else.
pub fn parse_number(text: &str) -> Option<f64> {
    if text.len() > MAX_ANSWER_LENGTH {
        return None;
    }
    let cleaned = text.trim().replace('\u{2212}', "-").replace('\u{2044}', "/");
    let (negative, body) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned).trim_start()),
    };
    let magnitude = match body.split_once('/') {
        Some((whole_and_numerator, denominator)) => {
            let denominator = parse_unsigned_decimal(denominator.trim())?;
            if denominator == 0.0 {
                return None;
            }
            let mut parts = whole_and_numerator.split_whitespace();
            let first = parse_unsigned_decimal(parts.next()?)?;
            match (parts.next(), parts.next()) {
                (None, _) => first / denominator,
                (Some(numerator), None) => first + parse_unsigned_decimal(numerator)? / denominator,
                _ => return None,
            }
        }
        None => parse_unsigned_decimal(body)?,
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// An unsigned decimal with a point or a single decimal comma, digits only otherwise.
fn parse_unsigned_decimal(text: &str) -> Option<f64> {
    let text = if text.contains('.') { text.to_string() } else { text.replacen(',', ".", 1) };
    let mut seen_point = false;
    let mut digits = 0;
    for character in text.chars() {
        match character {
            '0'..='9' => digits += 1,
            '.' if !seen_point => seen_point = true,
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    text.parse::<f64>().ok().filter(|v| v.is_finite())
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
