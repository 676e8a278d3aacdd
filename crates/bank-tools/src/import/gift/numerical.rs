//! GIFT numerical questions (`{#…}`): `answer:tolerance`, `low..high` ranges, several answers
//! with weights and feedback, and `~#feedback` for any other answer. The widget's numeric item
//! has one right number: a second right number and partial credit become notes, a 0 % answer
//! with feedback a misconception.

use adaptive_practice_engine::bank::{Blank, ItemKind, Misconception, NumericValue};

use super::convert::{prompt_with_line, text, Converted, QuestionParts};
use super::parse::{split_answers, Answer};
use super::text::fill_blank;
use super::Notes;

/// A number as GIFT writes it (`3.14`, `-2`, `1e3`).
fn number(text: &str) -> Option<NumericValue> {
    let text = text.trim();
    let value: f64 = text.parse().ok()?;
    value.is_finite().then(|| NumericValue {
        value,
        text: text.to_string(),
    })
}

/// `a..b`, `a:tolerance` or `a`: the answer and its tolerance.
fn numeric_answer(text: &str) -> Option<(NumericValue, f64)> {
    let text = super::text::plain(text);
    if let Some((low, high)) = text.split_once("..") {
        let (low, high) = (number(low)?, number(high)?);
        let middle = (low.value + high.value) / 2.0;
        let value = NumericValue {
            value: middle,
            text: format_number(middle),
        };
        return Some((value, (high.value - middle).abs()));
    }
    if let Some((answer, tolerance)) = text.split_once(':') {
        let tolerance: f64 = tolerance.trim().parse().ok()?;
        return Some((number(answer)?, tolerance.abs()));
    }
    Some((number(&text)?, 0.0))
}

/// The shortest decimal that reads back as the value.
pub(super) fn format_number(value: f64) -> String {
    let rounded = (value * 1e9).round() / 1e9;
    format!("{rounded}")
}

/// An `=` left unescaped in a feedback (`#2 × 5 = 10 cm`) splits it into answers that are not
/// numbers: each such piece after an answer with feedback goes back into that feedback (`noted`
/// is told of each), as its author meant it.
fn rejoin_feedback(answers: Vec<Answer>, mut noted: impl FnMut(&Answer)) -> Vec<Answer> {
    let mut kept: Vec<Answer> = Vec::new();
    for answer in answers {
        if let Some(feedback) = kept.last_mut().and_then(|last| last.feedback.as_mut()) {
            if answer.weight.is_none() && numeric_answer(&answer.text).is_none() {
                noted(&answer);
                feedback.push_str(" = ");
                feedback.push_str(&answer.text);
                if let Some(more) = &answer.feedback {
                    feedback.push('#');
                    feedback.push_str(more);
                }
                continue;
            }
        }
        kept.push(answer);
    }
    kept
}

pub(super) fn numerical(
    parts: &QuestionParts<'_>,
    numbers: &str,
    notes: &mut Notes<'_>,
) -> Result<Converted, String> {
    let block = parts.block;
    let (answers_text, other_feedback) = match numbers.find('~') {
        Some(at) => (&numbers[..at], Some(&numbers[at..])),
        None => (numbers, None),
    };
    if other_feedback.is_some() {
        notes.changed(
            block.line,
            "the feedback for any other answer (`~#…`) is not shown: the widget says the \
             answer is wrong"
                .into(),
        );
    }
    let offset = block.body.chars().count() - numbers.chars().count();
    let answers = rejoin_feedback(split_answers(answers_text, &['=']), |answer| {
        notes.changed(
            block.line_of(offset + answer.start),
            format!(
                "“= {}” is read as part of the feedback before it: an `=` in feedback is written \
                 `\\=` in GIFT",
                answer.text
            ),
        );
    });
    let mut right: Option<(NumericValue, f64)> = None;
    let mut misconceptions = Vec::new();
    let mut candidates = Vec::new();
    for answer in &answers {
        let line = block.line_of(offset + answer.start);
        let weight = answer.weight.unwrap_or(100.0);
        let Some((value, tolerance)) = numeric_answer(&answer.text) else {
            return Err(format!(
                "“{}” is not a number, a range or a number:tolerance",
                answer.text
            ));
        };
        if weight >= 100.0 {
            if right.is_none() {
                if let Some(feedback) = &answer.feedback {
                    notes.left_out(
                        line,
                        crate::import::right_feedback_message(&value.text, feedback),
                    );
                }
                right = Some((value, tolerance));
            } else {
                notes.changed(
                    line,
                    format!(
                        "a second right answer {}±{tolerance}: the widget has one right number, so it counts as wrong",
                        value.text
                    ),
                );
            }
            continue;
        }
        if weight > 0.0 {
            notes.changed(
                line,
                format!(
                    "partial credit {weight}% for {}±{tolerance}: the widget has none, it counts as wrong",
                    value.text
                ),
            );
        }
        if let Some(feedback) = &answer.feedback {
            let feedback = text(parts, feedback, line, notes);
            candidates.push((line, value, tolerance, weight, feedback));
        }
    }
    let Some((answer, tolerance)) = right else {
        return Err("no number is fully right".into());
    };
    for (line, value, its_tolerance, weight, feedback) in candidates {
        let why = if (value.value - answer.value).abs() <= tolerance {
            Some("that answer is judged right")
        } else if weight > 0.0 {
            Some("partial credit has no feedback of its own")
        } else {
            None
        };
        if let Some(why) = why {
            notes.changed(
                line,
                format!("the feedback for {} is not shown: {why}", value.text),
            );
            continue;
        }
        if its_tolerance > 0.0 {
            notes.changed(
                line,
                format!(
                    "the feedback for {}±{its_tolerance} is given for {} only",
                    value.text, value.text
                ),
            );
        }
        misconceptions.push(Misconception {
            answer: value,
            feedback,
        });
    }
    let tolerance = (tolerance > 0.0).then_some(tolerance);
    if block.missing_word && misconceptions.is_empty() {
        return Ok(Converted {
            kind: ItemKind::FillBlanks {
                blanks: vec![Blank {
                    numeric: Some(answer),
                    tolerance,
                    ..Blank::default()
                }],
            },
            prompt: fill_blank(&parts.prompt, "[[1]]"),
        });
    }
    Ok(Converted {
        kind: ItemKind::Numeric {
            answer,
            tolerance,
            relative_tolerance: None,
            misconceptions,
            unit: None,
            convert_units: false,
            form: None,
        },
        prompt: prompt_with_line(parts),
    })
}
