//! Numeric answers: a number as people write it (`numbers.rs`), with an optional unit
//! (`units.rs`), within the item's tolerance, in the form the item asks for.

use super::{
    shorten, unreadable, verdict, verdict_because, Outcome, Reading, UnreadableAnswer,
    UnreadableReason, Verdict, VerdictReason,
};
use crate::bank::{ItemKind, NumericValue, WrittenForm};
use crate::case_fold::fold_case;
use crate::expression::greatest_common_divisor;
use crate::find_text::replace_text;
use crate::lists::solution_value;
use crate::numbers::{continues_to, read_number, ReadNumber};
use crate::text_rules::{fold_typed, is_letter, is_listed};
use crate::units::{convert, find_unit, split_compound, split_unit, Dimension};

/// A bank's number as a learner of its language reads it: `8.5` is `8,5` where the language
/// writes a decimal comma (a number written with a grouping comma, `1,000.5`, is left as written).
pub(super) fn shown_number(text: &str, reading: &Reading) -> String {
    if reading.numbers.decimal_comma && !text.contains(',') {
        text.replacen('.', ",", 1)
    } else {
        text.to_string()
    }
}

/// The verdict on a typed answer to a `numeric` kind (any other kind is judged wrong).
pub(super) fn check_numeric(
    kind: &ItemKind,
    text: &str,
    reading: &Reading,
) -> Result<Outcome, UnreadableAnswer> {
    let ItemKind::Numeric {
        answer,
        tolerance,
        relative_tolerance,
        misconceptions,
        unit,
        convert_units,
        form,
    } = kind
    else {
        return unreadable(UnreadableReason::WrongShape);
    };
    let answer_shown = shown_number(&answer.text, reading);
    let shown = match unit {
        // An angle's `°`, `′`, `″` follow the number without a space (`65°`), as in print.
        Some(unit) if matches!(unit.as_str(), "°" | "′" | "″") => {
            format!("{answer_shown}{unit}")
        }
        Some(unit) => format!("{answer_shown} {unit}"),
        None => answer_shown,
    };
    // `-$28` is `$-28`: the sign before the currency sign is the amount's.
    let folded = replace_text(&fold_typed(text), "-$", "$-");
    // `x = 5` or `5 = x`: a learner who solved for the unknown is judged on the value.
    let (number_text, unit_text) = split_unit(solution_value(&folded));
    let not_a_number = || {
        unreadable(UnreadableReason::NotANumber {
            text: shorten(text.trim(), 40),
        })
    };
    let Some(mut number) = read_number(number_text, &reading.numbers) else {
        return not_a_number();
    };
    // `8h30`, `1 h 30 min`, `8 hours and 30 minutes`: read in the first unit (8.5 hours).
    let compound = unit_text.and_then(split_compound);
    let unit_text = compound.map_or(unit_text, |(first, _)| Some(first));
    // `25 percent`, `25 pour cent`: the word is the sign.
    let unit_text = match unit_text {
        Some(word) if PERCENT_WORDS.contains(&fold_case(word).as_str()) && !number.percent => {
            number.percent = true;
            None
        }
        other => other,
    };
    let allowed = allowance(answer.value, *tolerance, *relative_tolerance);
    // `25` for the answer `25%`: the question asked for a percent, the sign is understood.
    if answer.text.trim_end().ends_with('%') {
        number.percent = true;
    }
    let mut candidates = number.candidates(reading.either_number_reading);
    if let Some((_, rest)) = compound {
        for value in candidates.iter_mut() {
            *value += rest;
        }
    }
    let close = |value: f64| {
        (value - answer.value).abs() <= allowed || continues_to(value, answer.value, number.slack)
    };
    // The learner's amount in the item's unit, or why it cannot be.
    let in_item_unit: Vec<f64> = match (unit.as_deref(), unit_text) {
        (_, None) => candidates.clone(),
        (None, Some(written)) => {
            if find_unit(written).is_none() && !is_plain_word(written) {
                return not_a_number();
            }
            candidates.clone()
        }
        (Some(expected), Some(written)) => {
            let same_text = fold_case(written) == fold_case(expected);
            match (find_unit(expected), find_unit(written)) {
                _ if same_text => candidates.clone(),
                // `100°` or `100 degrees` for `100 °C`: the degrees of the item's scale.
                (Some(wanted), Some(got))
                    if wanted.symbol == got.symbol
                        || (wanted.dimension == Dimension::Temperature && got.symbol == "°") =>
                {
                    candidates.clone()
                }
                (Some(wanted), Some(got)) if wanted.dimension == got.dimension => {
                    let mut converted = false;
                    for &v in candidates.iter() {
                        if convert(v, &got, &wanted).is_some_and(close) {
                            converted = true;
                            break;
                        }
                    }
                    return match (converted, convert_units) {
                        (true, true) => verdict(true, None, shown),
                        (true, false) => verdict_because(
                            Verdict::Partial,
                            VerdictReason::UnitAsked {
                                unit: expected.to_string(),
                            },
                            shown,
                        ),
                        (false, _) => wrong_unit(expected, written, shown),
                    };
                }
                _ => return wrong_unit(expected, written, shown),
            }
        }
    };
    if in_item_unit.iter().any(|&v| close(v)) {
        if let Some(reason) = form_missed(*form, &number, answer) {
            return verdict_because(Verdict::Partial, reason, shown);
        }
        return verdict(true, None, shown);
    }
    let feedback = misconceptions
        .iter()
        .find(|m| {
            in_item_unit
                .iter()
                .any(|&v| (m.answer.value - v).abs() <= allowed)
        })
        .map(|m| m.feedback.clone());
    verdict(false, feedback, shown)
}

/// Words that say "percent" after a number.
const PERCENT_WORDS: &[&str] = &["percent", "per cent", "pour cent", "pourcent", "pct"];

/// Words after a number that change its value, never name what is counted: `3 pi` is not 3,
/// `42 thousand` is not 42.
const MATH_WORDS: &str = "\
    pi sqrt root squared cubed times over plus minus and ln log sin cos tan exp mod \
    hundred thousand million billion trillion dozen half halves third thirds quarter \
    quarters cent cents mille milliard milliards millions demi tiers quart quarts bn";

/// Whether the words after a number only name what it counts (`530 people`, `2.8 GB`): letters
/// and spaces, no single letter (`5 x` is algebra) and no math word.
pub(super) fn is_plain_word(text: &str) -> bool {
    let text = text.trim().trim_end_matches('.');
    !text.is_empty()
        && text
            .chars()
            .all(|c| crate::text_rules::is_letter(c) || c == ' ')
        && text
            .split_whitespace()
            .all(|word| word.chars().count() != 1 && !is_listed(MATH_WORDS, &fold_case(word)))
}

/// Why a unit typed for an item without `unit` is wrong: the prompts' words name another unit of
/// its kind and not it (`42 km` when they say `miles`). A word of one or two letters names no
/// unit here (`in`, Spanish `mi`, Arabic `كم` "how many" are words), but may name the learner's.
pub(super) fn unit_not_in_prompts(prompts: &[&str], text: &str) -> Option<VerdictReason> {
    // `42 km`, `x = 42 km`: the unit starts at the first letter after the first character.
    let written = split_unit(text).1?;
    let given = find_unit(written)?;
    // `miles?`, `(en mètres)`, `**metres**:`: a prompt's word without what surrounds it, but the
    // signs a unit may hold (`°C`, `m²`, `km/h`).
    let keep = |c: char| {
        is_letter(c)
            || c.is_ascii_digit()
            || matches!(c, '°' | '²' | '³' | '/' | 'µ' | '%' | '$' | '€' | '£')
    };
    let mut named = None;
    for prompt in prompts {
        for word in prompt.split_whitespace() {
            let mut kept = word.char_indices().filter(|&(_, c)| keep(c));
            let Some((start, first)) = kept.next() else {
                continue;
            };
            let end = kept
                .next_back()
                .map_or(start + first.len_utf8(), |(at, c)| at + c.len_utf8());
            let word = &word[start..end];
            match find_unit(word) {
                Some(unit) if unit.dimension == given.dimension => {
                    if unit.symbol == given.symbol {
                        return None;
                    }
                    if word.chars().count() > 2 {
                        named = Some(unit.symbol);
                    }
                }
                _ => {}
            }
        }
    }
    Some(VerdictReason::WrongUnit {
        expected: named?.to_string(),
        given: written.to_string(),
    })
}

fn wrong_unit(expected: &str, given: &str, shown: String) -> Result<Outcome, UnreadableAnswer> {
    verdict_because(
        Verdict::Wrong,
        VerdictReason::WrongUnit {
            expected: expected.to_string(),
            given: given.to_string(),
        },
        shown,
    )
}

/// Why a right value is not in the asked form, if it is not.
fn form_missed(
    form: Option<WrittenForm>,
    number: &ReadNumber,
    answer: &NumericValue,
) -> Option<VerdictReason> {
    let asked = |form: WrittenForm| VerdictReason::FormAsked {
        form: form.name().to_string(),
    };
    match (form?, number.fraction) {
        (WrittenForm::Simplest, Some((numerator, denominator)))
            if denominator == 1.0 || greatest_common_divisor(numerator, denominator) > 1.0 =>
        {
            Some(VerdictReason::SimplestForm)
        }
        (WrittenForm::Fraction, None) if answer.value.fract() != 0.0 => {
            Some(asked(WrittenForm::Fraction))
        }
        (WrittenForm::Decimal, Some(_)) => Some(asked(WrittenForm::Decimal)),
        _ => None,
    }
}

/// How far from the answer a typed number may be: the bank's absolute or relative tolerance,
/// plus rounding noise, so that its ends count (`0.4` for 0.3 ± 0.1, whose difference is
/// 0.10000000000000003 in doubles).
pub(crate) fn allowance(value: f64, tolerance: Option<f64>, relative: Option<f64>) -> f64 {
    let absolute = tolerance.unwrap_or(0.0);
    let relative = relative.unwrap_or(0.0) * value.abs();
    absolute.max(relative) + 1e-9 * value.abs().max(1.0)
}

/// Whether a typed number fills a numeric blank: judged as a `numeric` item without a unit
/// (`x = 5`, `25 percent`, `530 people`, the same readings).
pub(super) fn blank_number_matches(
    number: &NumericValue,
    tolerance: Option<f64>,
    text: &str,
    reading: &Reading,
) -> bool {
    number_verdict(number, tolerance, text, reading) == Some(true)
}

/// Whether `text`, judged as a `numeric` item without a unit is, is right; `None` when it is
/// no number (with or without a unit or counted word) at all.
pub(super) fn number_verdict(
    number: &NumericValue,
    tolerance: Option<f64>,
    text: &str,
    reading: &Reading,
) -> Option<bool> {
    let kind = ItemKind::Numeric {
        answer: number.clone(),
        tolerance,
        relative_tolerance: None,
        misconceptions: Vec::new(),
        unit: None,
        convert_units: false,
        form: None,
    };
    check_numeric(&kind, text, reading)
        .ok()
        .map(|outcome| outcome.correct)
}
