//! `shortText` answers: compared as text after folding and normalization, never as algebra. A
//! number answer also matches the same number written another way (`0.5` for `1/2`).

use super::{verdict, Outcome, Reading, UnreadableAnswer, UnreadableReason};
use crate::bank::ItemKind;
use crate::numbers::read_number;
use crate::text_rules::{is_listed, normalize_text, wildcard_match};

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
    // `the numerator` for `numerator`: a leading article the answer does not have is dropped,
    // and an elided one (`l'`) from the answer too (`évaporation` for `l'évaporation`). Not when
    // case matters: `A` may then be a symbol, not an article.
    let bare = without_article(&given, reading.articles);
    let elided = if is_listed(reading.articles, "l") {
        "l"
    } else {
        ""
    };
    let matches = |candidate: &str| {
        let candidate = normalize(candidate);
        candidate == given || !*case_sensitive && without_article(&candidate, elided) == bare
    };
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
    let correct = answers.iter().any(|a| matches(a) || same_number(a))
        || pattern
            .as_deref()
            .is_some_and(|p| wildcard_match(&normalize(p), &given));
    let feedback = if correct {
        None
    } else {
        misconceptions
            .iter()
            .find(|m| matches(&m.answer))
            .map(|m| m.feedback.clone())
    };
    verdict(
        correct,
        feedback,
        answers.first().cloned().unwrap_or_default(),
    )
}

/// `text` without its first word when that is one of `articles` (separated by spaces).
fn without_article<'a>(text: &'a str, articles: &str) -> &'a str {
    match text.split_once(' ') {
        Some((first, rest)) if is_listed(articles, first) => rest,
        _ => text,
    }
}
