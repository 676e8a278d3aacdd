//! Responses built from an item's key, the way a learner would give them: the right one, and a
//! plausible wrong one. Tests, the simulator and the bench answer items with these, so that each
//! answer is judged by the engine's own `check_response`, as in the widget.

use crate::answer::Response;
use crate::bank::ItemKind;

impl ItemKind {
    /// The right response (`None` for a multi-step item, whose steps are answered one by one).
    pub fn correct_response(&self) -> Option<Response> {
        response_for(self, true)
    }

    /// A plausible wrong response (`None` for a multi-step item).
    pub fn a_wrong_response(&self) -> Option<Response> {
        response_for(self, false)
    }
}

/// What a learner writes when typing a wrong answer that is not a number.
const WRONG_TEXT: &str = "no idea";

/// A response to one answerable part: correct when `correct`, else a plausible wrong one (a wrong
/// choice, a misconception's answer when the bank lists one, or a near miss). `None` for a
/// multi-step item, whose steps are answered one by one.
pub fn response_for(kind: &ItemKind, correct: bool) -> Option<Response> {
    let response = match kind {
        ItemKind::SingleChoice {
            choices, answer, ..
        } => {
            let wrong = (0..choices.len()).find(|c| c != answer).unwrap_or(*answer);
            Response::Choice(if correct { *answer } else { wrong })
        }
        ItemKind::MultipleResponse {
            choices, answers, ..
        } => {
            let mut picked = answers.clone();
            if !correct {
                match (0..choices.len()).find(|c| !answers.contains(c)) {
                    Some(distractor) => picked.push(distractor),
                    None if picked.len() > 1 => {
                        picked.pop();
                    }
                    None => {}
                }
            }
            Response::Choices(picked)
        }
        ItemKind::Numeric {
            answer,
            tolerance,
            relative_tolerance,
            misconceptions,
            ..
        } => {
            if correct {
                Response::Text(answer.text.clone())
            } else if let Some(misconception) = misconceptions.first() {
                Response::Text(misconception.answer.text.clone())
            } else {
                let allowance = tolerance
                    .unwrap_or(0.0)
                    .abs()
                    .max(relative_tolerance.unwrap_or(0.0).abs() * answer.value.abs());
                Response::Text(format!("{}", answer.value + 1.0 + 2.0 * allowance))
            }
        }
        ItemKind::MathExpression {
            answer,
            misconceptions,
            ..
        } => match (correct, misconceptions.first()) {
            (true, _) => Response::Text(answer.clone()),
            (false, Some(misconception)) => Response::Text(misconception.answer.clone()),
            (false, None) => Response::Text(format!("({answer}) + 1")),
        },
        ItemKind::ShortText {
            answers,
            misconceptions,
            ..
        } => match (correct, misconceptions.first()) {
            (true, _) => Response::Text(answers.first().cloned().unwrap_or_default()),
            (false, Some(misconception)) => Response::Text(misconception.answer.clone()),
            (false, None) => Response::Text(WRONG_TEXT.to_string()),
        },
        ItemKind::Ordering { items } => {
            let mut order: Vec<usize> = (0..items.len()).collect();
            if !correct && order.len() > 1 {
                order.swap(0, 1);
            }
            Response::Order(order)
        }
        ItemKind::FillBlanks { blanks } => {
            let mut filled: Vec<String> = blanks
                .iter()
                .map(|blank| match (&blank.numeric, blank.answers.first()) {
                    (Some(number), _) => number.text.clone(),
                    (None, Some(text)) => text.clone(),
                    (None, None) => WRONG_TEXT.to_string(),
                })
                .collect();
            if !correct {
                if let (Some(first), Some(blank)) = (filled.first_mut(), blanks.first()) {
                    *first = match &blank.numeric {
                        Some(number) => format!(
                            "{}",
                            number.value + 1.0 + 2.0 * blank.tolerance.unwrap_or(0.0).abs()
                        ),
                        None => WRONG_TEXT.to_string(),
                    };
                }
            }
            Response::Blanks(filled)
        }
        ItemKind::Matching { pairs, .. } => {
            let mut matches: Vec<Option<usize>> = (0..pairs.len()).map(Some).collect();
            if !correct && matches.len() > 1 {
                matches.swap(0, 1);
            }
            Response::Matches(matches)
        }
        ItemKind::MultiStep { .. } => return None,
    };
    Some(response)
}
