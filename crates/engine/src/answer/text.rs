//! `shortText` answers: compared as text after folding and normalization, never as algebra. A
//! number answer also matches the same number written another way (`0.5` for `1/2`).

use super::{verdict, Outcome, Reading, UnreadableAnswer, UnreadableReason};
use crate::bank::ItemKind;
use crate::numbers::read_number;
use crate::text_rules::{normalize_text, wildcard_match};

pub(super) fn check_short_text(
    kind: &ItemKind,
    text: &str,
    reading: &Reading,
) -> Result<Outcome, UnreadableAnswer> {
    let ItemKind::ShortText {
        answers,
        case_sensitive,
        ignore_accents,
        pattern,
        misconceptions,
    } = kind
    else {
        return super::unreadable(UnreadableReason::WrongShape);
    };
    let normalize = |t: &str| normalize_text(t, *case_sensitive, *ignore_accents);
    let given = normalize(text);
    let same_number = |answer: &str| {
        let value = |t: &str| {
            read_number(t, &reading.numbers)
                .filter(|n| !n.percent)
                .map(|n| n.value)
        };
        match (value(answer), value(text)) {
            (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
            _ => false,
        }
    };
    let correct = answers
        .iter()
        .any(|a| normalize(a) == given || same_number(a))
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
