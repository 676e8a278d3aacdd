//! Answers with structure: lists (`-9, (0, 7)`), tuples and coordinates (`(0, 1)`), sets
//! (`{1, 2}`, order free), intervals (`[2, 5)`, `]2 ; 5]` as in French, unions with `∪`) and
//! solution lists (`x = 2 or x = -3`). Spaces are free. Elements are separated by `;` when the
//! text has one at the top level (then a comma may be a decimal comma), else by `,`. Each element
//! is text for the caller to judge with the number or expression rules.

use crate::find_text::{has_text, replace_text, split_at_text};
use serde::{Deserialize, Serialize};

/// The structure an answer has (`answerForm` in the bank).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AnswerForm {
    /// Elements in order; an element may be a tuple (`-9, (0, 7)`).
    List,
    /// Coordinates or a tuple, in order; the brackets may be left out.
    #[serde(alias = "point")]
    Tuple,
    /// Elements in any order; the braces may be left out.
    Set,
    /// An interval or a union of intervals.
    Interval,
    /// The values of one variable, in any order: `x = 2 or x = -3`, `2, -3`.
    Solutions,
}

/// One element of a structured answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Scalar(String),
    Tuple(Vec<Shape>),
    Interval {
        low: String,
        low_closed: bool,
        high: String,
        high_closed: bool,
    },
}

/// How a learner's structured answer compares with the expected one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShapeMatch {
    Same,
    /// Not as many elements as expected.
    WrongCount {
        expected: usize,
        given: usize,
    },
    /// The right elements in another order where order matters (`(7, 0)` for `(0, 7)`).
    OrderDiffers,
    /// An interval with the right ends but another bracket (open or closed).
    BracketsDiffer,
    Different,
}

/// Reads `text` as `form`; an error says what is wrong with its shape. With `decimal_comma` (the
/// bank's language writes one), a comma between two digits is a decimal comma, not a separator
/// (`x = 0,5 ou x = 1`).
pub fn read_shapes(
    text: &str,
    form: AnswerForm,
    decimal_comma: bool,
) -> Result<Vec<Shape>, String> {
    let split = |text| split_elements(text, decimal_comma);
    let element = |text| element(text, decimal_comma);
    // `x = 2 or x = -3`, `x = 4 and y = 0`, `2, 3 et 5`: a word between elements separates them.
    let mut text = format!(" {} ", text.trim());
    let solutions = form == AnswerForm::Solutions;
    let separator = if solutions || has_text(&text, ";") {
        " ; "
    } else {
        " , "
    };
    // An interval's `and` is not a separator; `or` separates solutions only.
    if form != AnswerForm::Interval {
        for word in [
            " or ", " OR ", " Or ", " ou ", " OU ", " أو ", " and ", " et ",
        ]
        .iter()
        .skip(if solutions { 0 } else { 6 })
        {
            text = replace_text(&text, word, separator);
        }
    }
    let text = text.trim();
    if text.is_empty() {
        return Err("the answer is empty".into());
    }
    // Loops, not `collect` into a `Result`: each such chain is compiled on its own.
    let inner = match form {
        AnswerForm::List => text,
        AnswerForm::Tuple => unwrap(text, '(', ')').unwrap_or(text),
        AnswerForm::Set => unwrap(text, '{', '}').unwrap_or(text),
        AnswerForm::Solutions => {
            let mut shapes = Vec::new();
            for part in split(text)? {
                shapes.push(Shape::Scalar(solution_value(part).to_string()));
            }
            return Ok(shapes);
        }
        AnswerForm::Interval => {
            let mut shapes = Vec::new();
            for part in text.split(['∪', 'U']) {
                shapes.push(interval(part.trim())?);
            }
            return Ok(shapes);
        }
    };
    let mut shapes = Vec::new();
    for part in split(inner)? {
        shapes.push(element(part)?);
    }
    Ok(shapes)
}

/// Compares two structured answers; sets and solution lists in any order.
pub fn compare_shapes(
    expected: &[Shape],
    given: &[Shape],
    form: AnswerForm,
    same: &dyn Fn(&str, &str) -> bool,
) -> ShapeMatch {
    let ordered = matches!(form, AnswerForm::List | AnswerForm::Tuple);
    let one = |a: &Shape, b: &Shape| same_shape(a, b, same);
    if expected.len() != given.len() {
        let mut distinct: Vec<&Shape> = Vec::new();
        for shape in given {
            if !distinct.iter().any(|seen| one(seen, shape)) {
                distinct.push(shape);
            }
        }
        // A repeated element of a set is the same set.
        if !ordered && distinct.len() == expected.len() {
            // A loop, not `cloned` and `collect` (compiled with their adapters on their own).
            let mut copies = Vec::with_capacity(distinct.len());
            for shape in distinct {
                copies.push(shape.clone());
            }
            return compare_shapes(expected, &copies, form, same);
        }
        return ShapeMatch::WrongCount {
            expected: expected.len(),
            given: given.len(),
        };
    }
    if expected.iter().zip(given).all(|(a, b)| one(a, b)) {
        return ShapeMatch::Same;
    }
    let mut unused: Vec<&Shape> = Vec::with_capacity(given.len());
    for shape in given {
        unused.push(shape);
    }
    let as_sets =
        expected.iter().all(
            |wanted| match unused.iter().position(|shape| one(wanted, shape)) {
                Some(index) => {
                    unused.remove(index);
                    true
                }
                None => false,
            },
        );
    if as_sets {
        return if ordered {
            ShapeMatch::OrderDiffers
        } else {
            ShapeMatch::Same
        };
    }
    let reordered = expected.iter().zip(given).all(|(a, b)| match (a, b) {
        (Shape::Tuple(x), Shape::Tuple(y)) if x.len() == y.len() => {
            let mut reversed: Vec<Shape> = y.clone();
            reversed.reverse();
            same_shape(a, b, same) || same_shape(a, &Shape::Tuple(reversed), same)
        }
        _ => same_shape(a, b, same),
    });
    if reordered {
        return ShapeMatch::OrderDiffers;
    }
    let brackets_only = expected.iter().zip(given).all(|(a, b)| match (a, b) {
        (
            Shape::Interval { low, high, .. },
            Shape::Interval {
                low: other_low,
                high: other_high,
                ..
            },
        ) => same(low, other_low) && same(high, other_high),
        _ => same_shape(a, b, same),
    });
    if brackets_only {
        ShapeMatch::BracketsDiffer
    } else {
        ShapeMatch::Different
    }
}

fn same_shape(a: &Shape, b: &Shape, same: &dyn Fn(&str, &str) -> bool) -> bool {
    match (a, b) {
        (Shape::Scalar(x), Shape::Scalar(y)) => same(x, y),
        (Shape::Tuple(x), Shape::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_shape(p, q, same))
        }
        (
            Shape::Interval {
                low,
                low_closed,
                high,
                high_closed,
            },
            Shape::Interval {
                low: other_low,
                low_closed: other_low_closed,
                high: other_high,
                high_closed: other_high_closed,
            },
        ) => {
            low_closed == other_low_closed
                && high_closed == other_high_closed
                && same(low, other_low)
                && same(high, other_high)
        }
        _ => false,
    }
}

/// The infinite end of an interval written as `∞`, `+∞`, `-∞`, `inf`, `infinity` or `oo`:
/// `Some(1.0)` or `Some(-1.0)`.
pub fn infinity_sign(text: &str) -> Option<f64> {
    let compact: String = text.split_whitespace().collect();
    let (sign, body) = match compact.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, compact.strip_prefix('+').unwrap_or(&compact)),
    };
    matches!(
        crate::case_fold::fold_case(body).as_str(),
        "∞" | "inf" | "infinity" | "oo" | "\\infty"
    )
    .then_some(sign)
}

/// Splits at the top-level separator: `;` if there is one, else `,` (not between two digits
/// when `decimal_comma`).
fn split_elements(text: &str, decimal_comma: bool) -> Result<Vec<&str>, String> {
    let separator = if top_level_positions(text, ';').is_empty() {
        ','
    } else {
        ';'
    };
    let between_digits = |position: usize| {
        text[..position].ends_with(|c: char| c.is_ascii_digit())
            && text[position + 1..].starts_with(|c: char| c.is_ascii_digit())
    };
    let mut parts = Vec::new();
    let mut start = 0;
    for position in top_level_positions(text, separator) {
        if separator == ',' && decimal_comma && between_digits(position) {
            continue;
        }
        parts.push(text[start..position].trim());
        start = position + separator.len_utf8();
    }
    parts.push(text[start..].trim());
    if parts.iter().any(|part| part.is_empty()) {
        return Err("an element is missing between two separators".into());
    }
    Ok(parts)
}

/// Byte positions of `wanted` outside every bracket.
fn top_level_positions(text: &str, wanted: char) -> Vec<usize> {
    let mut depth: i32 = 0;
    let mut found = Vec::new();
    for (index, character) in text.char_indices() {
        match character {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            c if c == wanted && depth == 0 => found.push(index),
            _ => {}
        }
    }
    found
}

/// `(a, b)` with a separator inside is a tuple; anything else a scalar. Brackets group: a comma
/// that is all that separates in them is a separator even between digits (`-3 ; (0,5)` is -3
/// and the point (0, 5) in French; `(1,5, 2)` is the point (1.5, 2)).
fn element(text: &str, decimal_comma: bool) -> Result<Shape, String> {
    if let Some(inner) = unwrap(text, '(', ')') {
        let mut parts = split_elements(inner, decimal_comma)?;
        if parts.len() == 1 {
            parts = split_elements(inner, false)?;
        }
        if parts.len() > 1 {
            // A loop, as in `read_shapes`: a `collect` into a `Result` is compiled on its own.
            let mut elements = Vec::with_capacity(parts.len());
            for part in parts {
                elements.push(element(part, decimal_comma)?);
            }
            return Ok(Shape::Tuple(elements));
        }
    }
    Ok(Shape::Scalar(text.to_string()))
}

/// The inside of `text` when the first `open` matches the last `close`.
fn unwrap(text: &str, open: char, close: char) -> Option<&str> {
    let inner = text.strip_prefix(open)?.strip_suffix(close)?;
    let mut depth = 0;
    for character in inner.chars() {
        if character == open {
            depth += 1;
        } else if character == close {
            depth -= 1;
            if depth < 0 {
                return None;
            }
        }
    }
    Some(inner)
}

/// `x = 2` is 2 (also `2 = x`); a bare value is itself. Also the value of a numeric answer
/// written with the unknown's name (`answer/numeric.rs`).
pub(crate) fn solution_value(text: &str) -> &str {
    named_value(text).map_or(text, |(_, value)| value)
}

/// `x = 2` (or `2 = x`) as the name `x` and the value `2`; `None` when no side is a one-letter
/// name. The one rule for a value written with its unknown's name (solutions, coordinates).
pub(crate) fn named_value(text: &str) -> Option<(&str, &str)> {
    let (left, right) = text.split_once('=')?;
    if is_name(left) {
        Some((left.trim(), right.trim()))
    } else if is_name(right) {
        Some((right.trim(), left.trim()))
    } else {
        None
    }
}

fn is_name(text: &str) -> bool {
    let text = text.trim();
    text.chars().count() == 1 && text.chars().all(crate::text_rules::is_letter)
}

/// `[2, 5)`, `(2; 5]`, `]2, 5]` (French open end), `(-∞, 3)`.
fn interval(text: &str) -> Result<Shape, String> {
    let mut characters = text.chars();
    let (Some(first), Some(last)) = (characters.next(), characters.next_back()) else {
        return Err("an interval needs brackets: [a, b], (a, b)".into());
    };
    let low_closed = match first {
        '[' => true,
        '(' | ']' => false,
        _ => return Err("an interval starts with [ or (".into()),
    };
    let high_closed = match last {
        ']' => true,
        ')' | '[' => false,
        _ => return Err("an interval ends with ] or )".into()),
    };
    let inner = characters.as_str();
    let separator = if has_text(inner, ";") { ";" } else { "," };
    let Some((low, high)) = split_at_text(inner, separator) else {
        return Err("an interval has two ends: [a, b]".into());
    };
    if low.trim().is_empty() || high.trim().is_empty() || has_text(high, separator) {
        return Err("an interval has two ends: [a, b]".into());
    }
    Ok(Shape::Interval {
        low: low.trim().to_string(),
        low_closed,
        high: high.trim().to_string(),
        high_closed,
    })
}
