//! `mathExpression` answers: an expression compared by value, an equation or inequality compared
//! by its solutions (`equations.rs`), or a structured answer (`lists.rs`), each element judged by
//! value. A word answer (`NA`, `none`) is judged as text, never as a product of letters.

use super::numeric::{is_plain_word, number_verdict};
use super::{
    shorten, unreadable, verdict, verdict_because, Outcome, Reading, UnreadableAnswer,
    UnreadableReason, Verdict, VerdictReason,
};
use crate::bank::{ItemKind, NumericValue, TextMisconception, WrittenForm};
use crate::case_fold::fold_case;
use crate::equations::{
    compare_relations, forms, relation_of, solved_side, solved_variable, RelationMatch,
};
use crate::expression::{
    evaluate, parse_expression, parse_reading, same_value, variables_of, BinaryOp, Expr, NameStyle,
};
use crate::lists::{
    compare_shapes, infinity_sign, named_value, read_shapes, AnswerForm, Shape, ShapeMatch,
};
use crate::markup::{parse_inline, plain_text_of_math, Inline};
use crate::numbers::{continues_to, read_number};
use crate::sorted_map::NameSet;
use crate::text_rules::{fold_typed, is_listed, normalize_text};
use crate::units::find_unit;

pub(super) fn check_math(
    kind: &ItemKind,
    text: &str,
    reading: &Reading,
) -> Result<Outcome, UnreadableAnswer> {
    let ItemKind::MathExpression {
        answer,
        tolerance,
        misconceptions,
        answer_form,
        solved_for,
        form,
    } = kind
    else {
        return unreadable(UnreadableReason::WrongShape);
    };
    let tolerance = tolerance.unwrap_or(1e-9);
    // `48x.`, `(4, 0).`: the sentence's full stop, not the `...` of `0.333...`.
    let text = match text.trim_end().strip_suffix('.') {
        Some(rest) if !rest.ends_with('.') => rest,
        _ => text,
    };
    if let Some(answer_form) = answer_form {
        return check_structured(answer, *answer_form, tolerance, text, reading);
    }
    if is_word(answer) {
        // `N/A` and `N.A.` are `NA`.
        let plain = |t: &str| normalize_text(t, false, true).replace(['/', '.'], "");
        let correct = plain(answer) == plain(text);
        return verdict(correct, None, answer.clone());
    }
    let Ok(expected) = parse_expression(&fold_typed(answer), NameStyle::SingleLetters) else {
        return unreadable(UnreadableReason::AuthorError);
    };
    // `42 miles`, `8h30`, `-$28`, `P = 20,000` for a number answer: read as a `numeric` answer
    // without unit reads them (`None` when the text is no number).
    let number_answer = read_number(answer, &Reading::default().numbers);
    let number_read = match (&number_answer, form) {
        (Some(number), None) => {
            let value = NumericValue {
                value: number.value,
                text: answer.clone(),
            };
            number_verdict(&value, Some(tolerance), text, reading)
        }
        _ => None,
    };
    if number_read == Some(true) {
        return verdict(true, None, answer.clone());
    }
    // `he traveled 42 miles` for `42`: a sentence is no product of letters, but no number either
    // (a word before the number may change it: `not`, `about`), unreadable as in a numeric item.
    if number_read.is_none()
        && number_answer.is_some()
        && text.contains(|c: char| c.is_numeric())
        && text.split_whitespace().next().is_some_and(is_plain_word)
    {
        return unreadable(UnreadableReason::NotANumber {
            text: shorten(text.trim(), 40),
        });
    }
    // `4w + 10 cm` or `8t + 5 €` for `4w + 10`: a unit after a space is dropped when the answer
    // uses none of its letters.
    let text = match text.trim_end().rsplit_once(' ') {
        Some((head, tail))
            if !head.trim().is_empty() && find_unit(tail).is_some() && {
                let names = variables_of(&expected);
                !tail
                    .chars()
                    .any(|letter| names.contains(letter.encode_utf8(&mut [0; 4])))
            } =>
        {
            head
        }
        _ => text,
    };
    let given = match read_learner_expression(text, reading) {
        Ok(given) => in_answer_case(&expected, given),
        // `$28` for `-28`: a number, wrong.
        Err(_) if number_read.is_some() => return verdict(false, None, answer.clone()),
        Err(problem) => return Err(problem),
    };
    let judged = if relation_of(&expected).is_some() {
        judge_relation(&expected, &given, solved_for.as_deref(), tolerance)
    } else {
        judge_expression(&expected, &given, tolerance)?
    };
    match judged {
        // `6*7` for `42`: the right value, the computation not done.
        Judged::Right if number_answer.is_some() && !is_number_form(&given) => verdict_because(
            Verdict::Partial,
            VerdictReason::SimplestForm,
            answer.clone(),
        ),
        Judged::Right => match form_missed(*form, &given) {
            Some(reason) => verdict_because(Verdict::Partial, reason, answer.clone()),
            None => verdict(true, None, answer.clone()),
        },
        Judged::Partial(reason) => verdict_because(Verdict::Partial, reason, answer.clone()),
        Judged::Wrong(Some(reason)) => verdict_because(Verdict::Wrong, reason, answer.clone()),
        Judged::Wrong(None)
            if relation_of(&expected).is_none()
                && right_with_product_divisor(&expected, text, reading, tolerance) =>
        {
            verdict_because(
                Verdict::Partial,
                VerdictReason::BracketsNeeded,
                answer.clone(),
            )
        }
        Judged::Wrong(None) => {
            let feedback = misconception_for(misconceptions, &given, tolerance);
            verdict(false, feedback, answer.clone())
        }
    }
}

/// Whether `text` leaves undone the work the prompt asks for: it writes one of the prompt's math
/// expressions again (`4x+3x` for "Simplify $4x + 3x$"; compared as written, with spaces,
/// brackets, case and multiplication signs aside), or, when a prompt's expression has the
/// answer's value (`Simplify $\frac{-32}{56}$`), it has a fraction not in lowest terms
/// (`-8/14`) or more operations than the answer (`240x/5` for `48x`). Never when the answer is
/// one of the prompt's expressions (`3/4` for "Which is larger, $3/4$ or $2/3$?").
pub(super) fn restates_prompt(prompt: &str, answer: &str, text: &str, reading: &Reading) -> bool {
    // `y = 3x + 6` for `3x + 6`: the value after the name is what is compared (its `=` is no
    // operation left to do), unless the answer is an equation itself.
    let text = match named_value(text) {
        Some((_, value)) if !answer.bytes().any(|byte| byte == b'=') => value,
        _ => text,
    };
    let (given, expected) = (squeezed(text), squeezed(answer));
    let read = |text: &str| read_learner_expression(text, &Reading::default()).ok();
    let answer_value = read(answer);
    let unfinished = match (&answer_value, read_learner_expression(text, reading)) {
        (Some(answer_value), Ok(learner)) => {
            !forms::fractions_in_lowest_terms(&learner)
                || operations(&learner) > operations(answer_value)
        }
        _ => false,
    };
    // The pieces after each `$`: `$…$` and `$$…$$` math, and text that, read as math, is not the
    // learner's expression unless it is one.
    prompt.split('$').skip(1).any(|piece| {
        let Some(Inline::Math(node)) = parse_inline(&format!("${piece}$")).pop() else {
            return false;
        };
        let plain = plain_text_of_math(&node);
        let written = squeezed(&plain);
        written != expected
            && (written == given
                || unfinished
                    && read(&plain).is_some_and(|shown| {
                        answer_value
                            .as_ref()
                            .is_some_and(|value| same_value(&shown, value, 1e-9, false))
                    }))
    })
}

/// Text as the prompt's expressions are compared: folded, without spaces, brackets and
/// multiplication signs, in lower case.
fn squeezed(text: &str) -> String {
    let mut text = fold_case(&fold_typed(text));
    text.retain(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '*' | '·' | '×'));
    text
}

/// The value in `text` when it is `name = value` and `prompt` writes `name`, an expression with a
/// letter, as one of its math expressions, whole (`$2x$`, compared squeezed): `8` in `2x = 8`
/// for "If $2x + 3 = 11$, what is $2x$ equal to?". Not for an expression only part of one
/// (`2x = 4` for "Solve $2x = 8$"), a number (`3 = 8` for "Subtract $3$"), or a name in the
/// prompt's text outside math, where it cannot be told from part of an equation.
pub(super) fn value_named_by<'a>(prompt: &str, text: &'a str) -> Option<&'a str> {
    let (name, value) = text.split_once('=')?;
    let name = squeezed(name);
    (name.chars().any(crate::text_rules::is_letter)
        && prompt.split('$').any(|piece| squeezed(piece) == name))
    .then_some(value)
}

/// Whether the name before `=` in `text` is the first of `prompt`'s math expressions with a
/// letter, the one a whole list answer can be named by: `m = -3, (0, 5)` for "the slope $m$ and
/// the $y$-intercept", not `y = 3, 2` for "Give $x$ and $y$" (3 is x).
pub(super) fn names_first(prompt: &str, text: &str) -> bool {
    let Some((name, _)) = text.split_once('=') else {
        return false;
    };
    // The pieces between `$` signs alternate text and math; `$$` opens or closes as one sign.
    let (mut in_math, mut toggle) = (false, false);
    for (index, piece) in prompt.split('$').enumerate() {
        if toggle {
            in_math = !in_math;
        }
        toggle = index == 0 || !piece.is_empty();
        if in_math && piece.chars().any(crate::text_rules::is_letter) {
            return squeezed(piece) == squeezed(name);
        }
    }
    false
}

/// The operations written in `expr` (a sign aside): 1 in `48x`, 2 in `240x/5`.
fn operations(expr: &Expr) -> usize {
    match expr {
        Expr::Binary(_, left, right) => 1 + operations(left) + operations(right),
        Expr::Negate(inner) => operations(inner),
        Expr::Call(_, arguments) => arguments.iter().map(operations).sum::<usize>() + 1,
        _ => 0,
    }
}

/// Whether `text` is the answer when the implicit product right after `/` is read as the divisor
/// (`-10/3n` for `-10/(3n)`): what the learner most likely meant, written ambiguously. Without a
/// `/`, both readings are the same: wrong again.
fn right_with_product_divisor(
    expected: &Expr,
    text: &str,
    reading: &Reading,
    tolerance: f64,
) -> bool {
    let other = Reading {
        product_divisor: true,
        ..*reading
    };
    read_learner_expression(text, &other)
        .is_ok_and(|given| same_value(expected, &in_answer_case(expected, given), tolerance, false))
}

enum Judged {
    Right,
    Partial(VerdictReason),
    Wrong(Option<VerdictReason>),
}

/// Words that are answers, not products of letters: `NA` is "not applicable", not `N·A`.
const ANSWER_WORDS: &str = "\
    na n/a dne none no yes true false undefined never always all nothing impossible \
    aucun aucune oui non vrai faux jamais toujours rien indéfini tous";

/// Whether a `mathExpression` answer is a word: one of `ANSWER_WORDS`, several words, or letters
/// the expressions do not use (Arabic, accented). Such an answer is compared as text.
pub(crate) fn is_word(answer: &str) -> bool {
    let folded = fold_typed(answer);
    let trimmed = folded.trim();
    let letters_only = trimmed
        .chars()
        .all(|c| crate::text_rules::is_letter(c) || c == ' ' || c == '/' || c == '\'');
    letters_only
        && (is_listed(ANSWER_WORDS, &fold_case(trimmed))
            || trimmed.split_whitespace().count() > 1
            || trimmed
                .chars()
                .any(|c| crate::text_rules::is_letter(c) && !c.is_ascii()))
}

fn judge_expression(
    expected: &Expr,
    given: &Expr,
    tolerance: f64,
) -> Result<Judged, UnreadableAnswer> {
    // `x = 5` for the answer `5`: the value after a lone variable the answer does not use.
    let given = match given {
        Expr::Binary(op, left, right) if op.is_comparison() => {
            let lone = |side: &Expr| match side {
                Expr::Variable(name) => !variables_of(expected).contains(name),
                _ => false,
            };
            match op {
                BinaryOp::Equal if lone(left) && solved_side(given, &name_of(left)).is_some() => {
                    right.as_ref()
                }
                BinaryOp::Equal if lone(right) && solved_side(given, &name_of(right)).is_some() => {
                    left.as_ref()
                }
                _ => return unreadable(UnreadableReason::Equation),
            }
        }
        other => other,
    };
    Ok(if same_value(expected, given, tolerance, false) {
        Judged::Right
    } else {
        Judged::Wrong(None)
    })
}

/// The learner's expression with each variable the answer does not use, but writes in the other
/// case, spelled as the answer does: `X^2+2X+1` for `x^2+2x+1` (a phone capitalises the first
/// letter typed). Left as typed when the answer itself tells two letters apart by case
/// (`m` and `M`).
fn in_answer_case(expected: &Expr, mut given: Expr) -> Expr {
    let wanted = variables_of(expected);
    let mut folded = NameSet::new();
    for name in wanted.iter() {
        if !folded.insert(fold_case(name)) {
            return given;
        }
    }
    fn respell(expr: &mut Expr, wanted: &NameSet) {
        match expr {
            Expr::Variable(name) if !wanted.contains(name) => {
                let lower = fold_case(name);
                if let Some(spelled) = wanted.iter().find(|w| fold_case(w) == lower) {
                    name.clone_from(spelled);
                }
            }
            Expr::Negate(inner) => respell(inner, wanted),
            Expr::Binary(_, left, right) => {
                respell(left, wanted);
                respell(right, wanted);
            }
            Expr::Call(_, arguments) => {
                for argument in arguments {
                    respell(argument, wanted);
                }
            }
            _ => {}
        }
    }
    respell(&mut given, &wanted);
    given
}

fn name_of(expr: &Expr) -> String {
    match expr {
        Expr::Variable(name) => name.clone(),
        _ => String::new(),
    }
}

fn judge_relation(
    expected: &Expr,
    given: &Expr,
    solved_for: Option<&str>,
    tolerance: f64,
) -> Judged {
    let solved = solved_for
        .map(str::to_string)
        .or_else(|| solved_variable(expected));
    if relation_of(given).is_none() {
        // The value alone (`2A/b` for `h = 2A/b`): right unless the item asks for `h = …`.
        let value_matches = solved.as_deref().is_some_and(|variable| {
            solved_side(expected, variable)
                .is_some_and(|side| same_value(side, given, tolerance, false))
        });
        return match (value_matches, solved_for) {
            (true, Some(variable)) => Judged::Partial(VerdictReason::NotSolvedFor {
                variable: variable.to_string(),
            }),
            (true, None) => Judged::Right,
            (false, _) => Judged::Wrong(None),
        };
    }
    match compare_relations(expected, given) {
        RelationMatch::Same => match solved_for {
            Some(variable) if solved_side(given, variable).is_none() => {
                Judged::Partial(VerdictReason::NotSolvedFor {
                    variable: variable.to_string(),
                })
            }
            _ => Judged::Right,
        },
        RelationMatch::Reversed => Judged::Wrong(Some(VerdictReason::ReversedInequality)),
        RelationMatch::Different => Judged::Wrong(None),
    }
}

/// Why a right answer is not in the asked form, if it is not.
fn form_missed(form: Option<WrittenForm>, given: &Expr) -> Option<VerdictReason> {
    let asked = |form: WrittenForm| {
        Some(VerdictReason::FormAsked {
            form: form.name().to_string(),
        })
    };
    match form? {
        WrittenForm::Simplest if !forms::fractions_in_lowest_terms(given) => {
            Some(VerdictReason::SimplestForm)
        }
        WrittenForm::SlopeIntercept if !forms::is_slope_intercept(given) => {
            asked(WrittenForm::SlopeIntercept)
        }
        WrittenForm::Standard if !forms::is_standard(given) => asked(WrittenForm::Standard),
        WrittenForm::Decimal if !matches!(given, Expr::Number(_) | Expr::Negate(_)) => {
            asked(WrittenForm::Decimal)
        }
        WrittenForm::Fraction if !has_division(given) => asked(WrittenForm::Fraction),
        _ => None,
    }
}

/// Whether `expr` is a number as written, not a computation: `-3`, `2.5`, `-(4/7)`,
/// `\frac{-4}{7}`; not `6*7`, nor `5600/0.28` (a fraction is of whole numbers).
fn is_number_form(expr: &Expr) -> bool {
    let whole = |e: &Expr| match e {
        Expr::Negate(inner) => matches!(**inner, Expr::Number(n) if n.fract() == 0.0),
        Expr::Number(n) => n.fract() == 0.0,
        _ => false,
    };
    match expr {
        Expr::Negate(inner) => is_number_form(inner),
        Expr::Binary(BinaryOp::Divide, top, bottom) => whole(top) && whole(bottom),
        other => matches!(other, Expr::Number(_)),
    }
}

fn has_division(expr: &Expr) -> bool {
    match expr {
        Expr::Binary(BinaryOp::Divide, _, _) => true,
        Expr::Binary(_, a, b) => has_division(a) || has_division(b),
        Expr::Negate(inner) => has_division(inner),
        _ => false,
    }
}

fn misconception_for(
    misconceptions: &[TextMisconception],
    given: &Expr,
    tolerance: f64,
) -> Option<String> {
    // A loop, not `filter_map` and `find`: each such chain is compiled on its own.
    for m in misconceptions {
        let Ok(wrong) = parse_expression(&fold_typed(&m.answer), NameStyle::SingleLetters) else {
            continue;
        };
        let same = match (relation_of(&wrong), relation_of(given)) {
            (Some(_), Some(_)) => compare_relations(&wrong, given) == RelationMatch::Same,
            (None, None) => same_value(&wrong, given, tolerance, false),
            _ => false,
        };
        if same {
            return Some(m.feedback.clone());
        }
    }
    None
}

/// Reads a learner's math answer: a number as the bank's language writes it (`1,5` in French,
/// `2 1/2`, `42,000`), or an expression (`7/12`, `\frac{7}{12}`, `2(x+1)`, `h = 2A/b`).
pub(crate) fn read_learner_expression(
    text: &str,
    reading: &Reading,
) -> Result<Expr, UnreadableAnswer> {
    if let Some(number) = read_number(text, &reading.numbers) {
        let value = if number.percent {
            number.value / 100.0
        } else {
            number.value
        };
        return Ok(match number.fraction {
            // Kept as a fraction, so that the simplest-form check can see it.
            Some((numerator, denominator)) if !number.percent => {
                let top = if numerator < 0.0 {
                    Expr::Negate(Box::new(Expr::Number(-numerator)))
                } else {
                    Expr::Number(numerator)
                };
                Expr::Binary(
                    BinaryOp::Divide,
                    Box::new(top),
                    Box::new(Expr::Number(denominator)),
                )
            }
            _ => Expr::Number(value),
        });
    }
    let prepared = prepare_expression(text, reading);
    parse_reading(&prepared, NameStyle::SingleLetters, reading.product_divisor).map_err(|problem| {
        UnreadableAnswer::from(UnreadableReason::NotMath {
            text: shorten(text.trim(), 40),
            problem: problem.message,
        })
    })
}

/// Folded text, with a decimal comma between digits made a point in languages that write one
/// (`2,5x` is 2.5·x in French).
fn prepare_expression(text: &str, reading: &Reading) -> String {
    let folded = fold_typed(text);
    if !reading.numbers.decimal_comma {
        return folded;
    }
    let characters: Vec<char> = folded.chars().collect();
    let digit_at = |i: Option<usize>| {
        i.and_then(|i| characters.get(i))
            .is_some_and(char::is_ascii_digit)
    };
    let mut prepared = String::with_capacity(folded.len());
    for (index, &character) in characters.iter().enumerate() {
        if character == ',' && digit_at(index.checked_sub(1)) && digit_at(Some(index + 1)) {
            prepared.push('.');
        } else {
            prepared.push(character);
        }
    }
    prepared
}

fn check_structured(
    answer: &str,
    form: AnswerForm,
    tolerance: f64,
    text: &str,
    reading: &Reading,
) -> Result<Outcome, UnreadableAnswer> {
    let author = Reading::default();
    let Ok(expected) = read_shapes(&fold_typed(answer), form, false) else {
        return unreadable(UnreadableReason::AuthorError);
    };
    let mut given =
        read_shapes(&fold_typed(text), form, reading.numbers.decimal_comma).map_err(|problem| {
            UnreadableAnswer::from(UnreadableReason::NotStructured {
                text: shorten(text.trim(), 40),
                problem,
            })
        })?;
    // `x = 4` for the x-intercept `(4, 0)`: the coordinate a lone named value gives.
    let lone_coordinate = match &given[..] {
        [Shape::Scalar(one)] => named_value(one).and_then(|(name, _)| coordinate_slot(name)),
        _ => None,
    };
    // `(0,7)` for the point `(0 ; 7)` in a French bank: when reading the comma as a decimal comma
    // gives a point with the wrong number of coordinates and reading it as a separator gives the
    // right number, the comma separates. (A list keeps the decimal comma: `1,5` is one element;
    // so does a lone coordinate, `x = 1,5`.)
    if form == AnswerForm::Tuple
        && reading.numbers.decimal_comma
        && given.len() != expected.len()
        && lone_coordinate.is_none()
    {
        if let Ok(separated) = read_shapes(&fold_typed(text), form, false) {
            if separated.len() == expected.len() {
                given = separated;
            }
        }
    }
    if form == AnswerForm::Tuple {
        unname_coordinates(&mut given);
    }
    for shape in &given {
        every_scalar(shape, &mut |element| match infinity_sign(element) {
            Some(_) => Ok(()),
            None => read_learner_expression(element, reading).map(|_| ()),
        })?;
    }
    let same: &dyn Fn(&str, &str) -> bool =
        &|wanted, got| match (infinity_sign(wanted), infinity_sign(got)) {
            (Some(a), Some(b)) => a == b,
            (None, None) => match (
                read_learner_expression(wanted, &author),
                read_learner_expression(got, reading),
            ) {
                // `0.333...` as alone: cut off or rounded (`continues_to`).
                (Ok(a), Ok(b)) => {
                    same_value(&a, &b, tolerance, false)
                        || read_number(got, &reading.numbers).is_some_and(|n| {
                            evaluate(&a, &|_| None)
                                .is_ok_and(|truth| continues_to(n.value, truth, n.slack))
                        })
                }
                _ => false,
            },
            _ => false,
        };
    // The point with that coordinate and 0 for the others is the answer: the right value, not
    // written as the point asked for (partial, not wrong).
    if let (Some(slot), [Shape::Scalar(value)], AnswerForm::Tuple) =
        (lone_coordinate, &given[..], form)
    {
        if expected.len() > slot
            && expected.iter().enumerate().all(|(index, wanted)| {
                let coordinate = if index == slot { value } else { "0" };
                matches!(wanted, Shape::Scalar(wanted) if same(wanted, coordinate))
            })
        {
            return verdict_because(
                Verdict::Partial,
                VerdictReason::FormAsked {
                    form: "point".into(),
                },
                answer.to_string(),
            );
        }
    }
    let reason = match compare_shapes(&expected, &given, form, same) {
        ShapeMatch::Same => return verdict(true, None, answer.to_string()),
        ShapeMatch::WrongCount { expected, given } => {
            Some(VerdictReason::WrongCount { expected, given })
        }
        ShapeMatch::OrderDiffers => Some(VerdictReason::OrderMatters),
        ShapeMatch::BracketsDiffer => Some(VerdictReason::IntervalEnds),
        ShapeMatch::Different => None,
    };
    match reason {
        Some(reason) => verdict_because(Verdict::Wrong, reason, answer.to_string()),
        None => verdict(false, None, answer.to_string()),
    }
}

/// `x=2, y=3` (or `y=3, x=2`, `2 = x, 3 = y`) is the point `(2, 3)`: coordinates named `x`, `y`,
/// `z` (as `lists::named_value` reads a name), each once, are put in that order and their names
/// dropped.
fn unname_coordinates(parts: &mut Vec<Shape>) {
    let mut values: [Option<String>; 3] = [None, None, None];
    for part in parts.iter() {
        let Shape::Scalar(text) = part else {
            return;
        };
        let Some((name, value)) = named_value(text) else {
            return;
        };
        let Some(slot) = coordinate_slot(name) else {
            return;
        };
        if values[slot].replace(value.to_string()).is_some() {
            return;
        }
    }
    let mut named = Vec::new();
    for value in values.into_iter().flatten() {
        named.push(Shape::Scalar(value));
    }
    if named.len() == parts.len() {
        *parts = named;
    }
}

/// The place of a coordinate named `x`, `y` or `z` (in either case) in a point.
fn coordinate_slot(name: &str) -> Option<usize> {
    match fold_case(name).as_str() {
        "x" => Some(0),
        "y" => Some(1),
        "z" => Some(2),
        _ => None,
    }
}

fn every_scalar(
    shape: &Shape,
    check: &mut dyn FnMut(&str) -> Result<(), UnreadableAnswer>,
) -> Result<(), UnreadableAnswer> {
    match shape {
        Shape::Scalar(text) => check(text),
        Shape::Tuple(parts) => parts.iter().try_for_each(|part| every_scalar(part, check)),
        Shape::Interval { low, high, .. } => {
            check(low)?;
            check(high)
        }
    }
}
