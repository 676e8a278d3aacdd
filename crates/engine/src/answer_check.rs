//! What the bank checker says about typed answers the engine would misread: an answer its own
//! item does not judge right, a text answer that reads as algebra, a tolerance so wide that
//! anything is right, a number too large to be exact (a template value that overflowed), a
//! number with two readings. Errors and warnings as (field, message), for `bank_check.rs`.

use crate::answer::{
    blank_accepts, check_response, is_word, verdict_names, Reading, Response, Verdict,
};
use crate::bank::{Blank, ItemKind};
use crate::display_float::display_float;
use crate::equations::solved_side;
use crate::expression::{parse_expression, NameStyle};
use crate::lists::read_shapes;
use crate::numbers::{read_number, NumberStyle};
use crate::quoted::quoted;
use crate::text_rules::fold_typed;
use crate::units::find_unit;

/// The largest whole number a float holds exactly; larger answers lose digits.
const LARGEST_EXACT: f64 = 9_007_199_254_740_992.0;

/// Mistakes in a typed answer that make the item unfair: each is an error.
pub fn answer_errors(kind: &ItemKind) -> Vec<(&'static str, String)> {
    let mut errors = Vec::new();
    match kind {
        ItemKind::Numeric {
            answer,
            tolerance,
            relative_tolerance,
            ..
        } => {
            let scale = answer.value.abs().max(1.0);
            if tolerance.is_some_and(|t| t > 1e6 * scale)
                || relative_tolerance.is_some_and(|t| t >= 1.0)
            {
                errors.push((
                    ".tolerance",
                    "the tolerance is so wide that almost any number is right".to_string(),
                ));
            }
            if answer.value.is_finite() && answer.value.abs() > LARGEST_EXACT {
                errors.push((
                    ".answer",
                    format!(
                        "the answer {} is too large to be exact (a template value may overflow)",
                        answer.text
                    ),
                ));
            }
        }
        ItemKind::MathExpression {
            answer,
            answer_form,
            solved_for,
            ..
        } => {
            let folded = fold_typed(answer);
            if folded
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| matches!(w, "inf" | "NaN"))
            {
                errors.push((
                    ".answer",
                    "the answer holds inf or NaN: a template value overflowed".to_string(),
                ));
            }
            if let Some(form) = answer_form {
                if let Err(problem) = read_shapes(&folded, *form, false) {
                    errors.push((
                        ".answer",
                        format!("the answer is not a {form:?}: {problem}"),
                    ));
                }
            } else if !is_word(answer) {
                if let Err(problem) = parse_expression(&folded, NameStyle::SingleLetters) {
                    errors.push((
                        ".answer",
                        format!("the answer cannot be computed: {}", problem.message),
                    ));
                }
            }
            if let Some(variable) = solved_for {
                let solved = parse_expression(&folded, NameStyle::SingleLetters)
                    .is_ok_and(|expr| solved_side(&expr, variable).is_some());
                if !solved {
                    errors.push((
                        ".solvedFor",
                        format!("the answer is not an equation solved for {variable}"),
                    ));
                }
            }
        }
        ItemKind::FillBlanks { blanks } => {
            for (b, blank) in blanks.iter().enumerate() {
                if unfair_drop_down(blank) {
                    errors.push((
                        ".blanks",
                        format!(
                            "blank {}: a drop-down needs two choices or more, none empty, one right",
                            b + 1
                        ),
                    ));
                }
            }
        }
        _ => {}
    }
    if errors.is_empty() {
        if let Some(stated) = stated_text(kind) {
            let result = check_response(kind, &Response::Text(stated.clone()));
            if !matches!(&result, Ok(outcome) if outcome.verdict == Verdict::Right) {
                let (verdict, reason) = verdict_names(&result);
                errors.push((
                    ".answer",
                    format!(
                        "its own answer {} is judged {verdict} ({reason})",
                        quoted(&stated)
                    ),
                ));
            }
        }
    }
    errors
}

/// Answers the engine reads, but maybe not as the author meant: each is a warning.
pub fn answer_warnings(kind: &ItemKind) -> Vec<(&'static str, String)> {
    let mut warnings = Vec::new();
    match kind {
        ItemKind::Numeric {
            answer,
            unit,
            convert_units,
            ..
        } => {
            let ambiguous = read_number(&answer.text, &NumberStyle::default())
                .is_some_and(|n| n.other_reading.is_some());
            if ambiguous {
                warnings.push((
                    ".answer",
                    format!(
                        "{} has two readings ({} is used); write it without a separator or as a number",
                        quoted(&answer.text),
                        display_float(answer.value)
                    ),
                ));
            }
            if let Some(unit) = unit.as_deref().filter(|u| find_unit(u).is_none()) {
                if *convert_units {
                    warnings.push((
                        ".unit",
                        format!(
                            "the unit {} is not one the checks can convert",
                            quoted(unit)
                        ),
                    ));
                }
            }
        }
        ItemKind::MathExpression {
            answer,
            answer_form: None,
            ..
        } => {
            let trimmed = answer.trim();
            if is_word(trimmed) {
                warnings.push((
                    ".answer",
                    format!(
                        "{} is compared as text, not as math; a shortText item says so plainly",
                        quoted(trimmed)
                    ),
                ));
            } else if trimmed.chars().count() >= 2
                && trimmed.chars().all(|c| c.is_ascii_uppercase())
            {
                warnings.push((
                    ".answer",
                    format!(
                        "{} is read as a product of letters; if it is a word, use a shortText item",
                        quoted(trimmed)
                    ),
                ));
            }
        }
        _ => {}
    }
    warnings
}

/// Whether a blank's drop-down is unfair: one option only, an empty option (it reads as no
/// choice), or no option judged right as the blank judges a typed answer.
fn unfair_drop_down(blank: &Blank) -> bool {
    let choices = &blank.choices;
    let reading = Reading::default();
    !choices.is_empty()
        && (choices.len() < 2
            || choices.iter().any(|c| fold_typed(c).trim().is_empty())
            || !choices.iter().any(|c| blank_accepts(blank, c, &reading)))
}

/// The typed answer an item states, to check that its own item judges it right.
fn stated_text(kind: &ItemKind) -> Option<String> {
    match kind {
        ItemKind::Numeric { answer, .. } if answer.value.is_finite() => Some(answer.text.clone()),
        ItemKind::MathExpression { answer, .. } => Some(answer.clone()),
        _ => None,
    }
}
