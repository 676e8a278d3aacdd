//! Answer checking: is a learner's response to an item (or a step of it) right, wrong, partial
//! (the right value in another form than asked) or unreadable, and what to tell them. Every item
//! type is checked here; typed answers are judged in `answer/numeric.rs`, `answer/math.rs` and
//! `answer/text.rs`, read by `numbers.rs`, `units.rs`, `expression.rs`, `equations.rs` and
//! `lists.rs`.

use serde::{Deserialize, Serialize};

use crate::bank::{Bank, Blank, Choice, Item, ItemKind, Part};
use crate::numbers::NumberStyle;
use crate::sorted_map::sort_positions;
use crate::text_rules::join_texts;
pub use crate::text_rules::{
    fold_typed, normalize_text, parse_number, wildcard_match, MAX_ANSWER_LENGTH,
};
pub(crate) use verdict::unreadable;
pub use verdict::{Outcome, UnreadableAnswer, UnreadableReason, Verdict, VerdictReason};

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

/// How typed answers are read for one bank: the number style and articles of its language and
/// whether an ambiguous number is right when either reading is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reading {
    pub numbers: NumberStyle,
    pub either_number_reading: bool,
    /// An implicit product right after `/` is the divisor (`1/2x` as `1/(2x)`): the other
    /// reading, tried only when the usual one is wrong (`VerdictReason::BracketsNeeded`).
    pub product_divisor: bool,
    /// The articles a learner may write before a short-text answer (`the numerator` for
    /// `numerator`), separated by spaces; none in the default reading. The elided `l` (`l'`)
    /// may be left out of an answer too (`évaporation` for `l'évaporation`).
    pub articles: &'static str,
}

impl Reading {
    /// The reading of a bank: its `language` and its `acceptEitherNumberReading` setting.
    pub fn of_bank(bank: &Bank) -> Reading {
        Reading {
            either_number_reading: bank.settings.accept_either_number_reading,
            ..Reading::of_language(bank.language.as_deref())
        }
    }

    /// The reading of a language tag (`fr`, `fr-CA`, `de`; English when `None`, English numbers
    /// and no articles when unknown): how it writes numbers (`numbers.rs`) and its articles
    /// (those of the interface's languages). Arabic's article `ال` is joined to its word: no word to
    /// drop.
    pub fn of_language(language: Option<&str>) -> Reading {
        let primary = language
            .unwrap_or("en")
            .split(['-', '_'])
            .next()
            .unwrap_or("en")
            .to_ascii_lowercase();
        let comma = NumberStyle {
            decimal_comma: true,
            point_groups: false,
        };
        let groups = NumberStyle {
            decimal_comma: true,
            point_groups: true,
        };
        let (numbers, articles) = match primary.as_str() {
            "en" => (NumberStyle::default(), "the a an"),
            "fr" => (comma, "le la les l un une des"),
            "es" => (groups, "el la los las un una unos unas"),
            "pt" => (groups, "o a os as um uma uns umas"),
            "ru" | "uk" | "pl" | "cs" | "sk" | "sv" | "fi" | "nb" | "no" | "hu" | "bg" => {
                (comma, "")
            }
            "de" | "it" | "nl" | "tr" | "id" | "da" | "ro" | "el" | "hr" | "sl" | "sr" | "vi" => {
                (groups, "")
            }
            _ => (NumberStyle::default(), ""),
        };
        Reading {
            numbers,
            articles,
            ..Reading::default()
        }
    }
}

/// Checks a response to a single-part item, read as English (for multi-step items, check each
/// step's kind with `check_response`).
pub fn check_answer(item: &Item, response: &Response) -> Result<Outcome, UnreadableAnswer> {
    check_response(&item.kind, response)
}

/// Checks a response to one part of `item` (as presented), reading typed numbers as `reading`
/// says: the kind's checks, then a typed expression that only writes again one of the question's
/// (`4x+3x` for "Simplify $4x + 3x$") is partial, not right.
pub fn check_part(
    item: &Item,
    part: &Part,
    response: &Response,
    reading: &Reading,
) -> Result<Outcome, UnreadableAnswer> {
    let prompts = [item.prompt.as_str(), part.prompt];
    let mut result = check_response_with(part.kind, response, reading);
    // `2x = 8` for "What is $2x$ equal to?": the value after an expression the prompt names,
    // judged when the answer is unreadable, or kept when right (`m = -3, (0, 5)`, a list).
    let value;
    let mut response = response;
    if let (false, Response::Text(text)) = (result.as_ref().is_ok_and(|o| o.correct), response) {
        if let Some((prompt, named)) = prompts
            .iter()
            .find_map(|p| Some((p, math::value_named_by(p, text)?)))
        {
            let named = Response::Text(named.to_string());
            let named_result = check_response_with(part.kind, &named, reading);
            // A readable answer is kept only when its name is the prompt's first (a whole list).
            let kept =
                named_result.as_ref().is_ok_and(|o| o.correct) && math::names_first(prompt, text);
            if result.is_err() || kept {
                value = named;
                response = &value;
                result = named_result;
            }
        }
    }
    let mut outcome = result?;
    // `42 km` for a number of miles: a unit the prompts do not name, where they name another;
    // for a number only (in `3m`, m may be a variable).
    let number_answer = match part.kind {
        ItemKind::Numeric { unit: None, .. } => true,
        ItemKind::MathExpression { answer, .. } => parse_number(answer).is_some(),
        _ => false,
    };
    if let (true, true, Response::Text(text)) = (outcome.correct, number_answer, response) {
        if let Some(reason) = numeric::unit_not_in_prompts(&prompts, text) {
            outcome.correct = false;
            outcome.verdict = Verdict::Wrong;
            outcome.reason = Some(reason);
        }
    }
    if let (ItemKind::MathExpression { answer, .. }, Response::Text(text), true) =
        (part.kind, response, outcome.correct)
    {
        if prompts
            .iter()
            .any(|prompt| math::restates_prompt(prompt, answer, text, reading))
        {
            outcome.correct = false;
            outcome.verdict = Verdict::Partial;
            outcome.reason = Some(VerdictReason::SimplestForm);
        }
    }
    Ok(outcome)
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
    let mut texts = String::new();
    let mut separator = "";
    for choice in indexes.iter().filter_map(|&i| choices.get(i)) {
        texts.push_str(separator);
        texts.push_str(&choice.text);
        separator = "; ";
    }
    texts
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
            let mut sorted = picked.clone();
            sort_positions(&mut sorted, &|a, b| a.cmp(&b));
            // Each choice once, by a loop rather than `dedup` (compiled on its own).
            let mut picked = Vec::with_capacity(sorted.len());
            for choice in sorted {
                if picked.last() != Some(&choice) {
                    picked.push(choice);
                }
            }
            let mut expected = answers.clone();
            sort_positions(&mut expected, &|a, b| a.cmp(&b));
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
            sort_positions(&mut sorted, &|a, b| a.cmp(&b));
            if sorted != (0..items.len()).collect::<Vec<_>>() {
                return unreadable(UnreadableReason::PlaceEvery);
            }
            let correct = order
                .iter()
                .enumerate()
                .all(|(place, &index)| place == index);
            verdict(correct, None, join_texts(items, " → "))
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
            // Written into one text: a `map` to `format!` and a `collect` compiled on their own.
            let mut shown = String::new();
            for pair in pairs {
                if !shown.is_empty() {
                    shown.push_str("; ");
                }
                shown.push_str(&pair.left);
                shown.push_str(" → ");
                shown.push_str(&pair.right);
            }
            verdict(correct, None, shown)
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
        all_correct &= blank_accepts(blank, text, reading);
        shown.push(match &blank.numeric {
            Some(number) => numeric::shown_number(&number.text, reading),
            None => blank.answers.first().cloned().unwrap_or_default(),
        });
    }
    // `8,5 ; 3` where a comma is the decimal mark.
    let separator = if reading.numbers.decimal_comma {
        " ; "
    } else {
        ", "
    };
    verdict(all_correct, None, join_texts(&shown, separator))
}

/// Whether `text` fills `blank` rightly: typed, or the option picked from its `choices`.
pub(crate) fn blank_accepts(blank: &Blank, text: &str, reading: &Reading) -> bool {
    match &blank.numeric {
        Some(number) => numeric::blank_number_matches(number, blank.tolerance, text, reading),
        None => {
            let given = normalize_text(text, blank.case_sensitive, true);
            blank
                .answers
                .iter()
                .any(|a| normalize_text(a, blank.case_sensitive, true) == given)
        }
    }
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
mod verdict;

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
