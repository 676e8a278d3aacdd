//! Moodle's embedded answers (cloze): `{1:SHORTANSWER:=cat#Yes~%50%kitten}` in the question text
//! becomes a gap `[[n]]` of a fill-the-gaps item. Short answers keep their right answers (case
//! when `_C`), numbers their value and tolerance. A cloze whose only gap is a drop-down or radio
//! choice becomes a single-choice item (the gap a line in the prompt, each choice with its
//! feedback, shuffled when Moodle shuffles it: `_S`); a choice gap among other gaps becomes a
//! drop-down gap (its `choices`, in the order written). Multiple-response gaps cannot be a gap.
//! Each change is noted.

use adaptive_practice_engine::bank::{Blank, Choice, ItemKind, NumericValue};
use adaptive_practice_engine::parse_number;

use super::{format_markdown, ImportState, QuestionSource};
use crate::import::html_markdown::{decode_entities, without_markers, TextShape};
use crate::import::{escape_markdown, ImportNote, NoteKind};

/// One answer of an embedded code: credit in percent, text, feedback.
type CodeAnswer = (f64, String, Option<String>);

const CHOICE_KINDS: [&str; 12] = [
    "MULTICHOICE",
    "MC",
    "MULTICHOICE_V",
    "MCV",
    "MULTICHOICE_H",
    "MCH",
    "MULTICHOICE_S",
    "MCS",
    "MULTICHOICE_VS",
    "MCVS",
    "MULTICHOICE_HS",
    "MCHS",
];

/// Converts a cloze question's text into its prompt and item kind.
pub(super) fn convert_cloze(
    raw: &str,
    format: &str,
    source: &QuestionSource,
    state: &mut ImportState,
    notes: &mut Vec<ImportNote>,
) -> Result<(String, ItemKind), String> {
    let mut text = String::new();
    let mut codes: Vec<(String, Vec<CodeAnswer>)> = Vec::new();
    let raw = without_markers(raw);
    let mut rest = raw.as_str();
    while let Some(start) = rest.find('{') {
        text.push_str(&rest[..start]);
        let after = &rest[start..];
        match read_code(after) {
            Some(((kind, answers), length)) => {
                codes.push((kind, answers_of(&answers)));
                text.push_str(&format!("⟦CLOZE{}⟧", codes.len()));
                rest = &after[length..];
            }
            None => {
                text.push('{');
                rest = &after[1..];
            }
        }
    }
    text.push_str(rest);
    if codes.is_empty() {
        return Err("the cloze text has no embedded answer".into());
    }
    let mut markdown = format_markdown(&text, format, TextShape::Block, source, state, notes);
    if let [(kind, answers)] = codes.as_slice() {
        if CHOICE_KINDS.contains(&kind.as_str()) {
            let choice = one_choice_gap(kind, answers, source, notes)?;
            return Ok((markdown.replace("⟦CLOZE1⟧", "\\_\\_\\_\\_\\_"), choice));
        }
    }
    let mut blanks = Vec::new();
    let mut dropped_feedback = Vec::new();
    for (index, (kind, answers)) in codes.iter().enumerate() {
        let number = index + 1;
        blanks.push(blank_of(number, kind, answers, source, notes)?);
        let with_feedback: Vec<&str> = answers
            .iter()
            .filter(|(_, _, feedback)| feedback.is_some())
            .map(|(_, text, _)| text.as_str())
            .collect();
        if !with_feedback.is_empty() {
            dropped_feedback.push(format!("gap {number} on {}", with_feedback.join(", ")));
        }
        markdown = markdown.replace(&format!("⟦CLOZE{number}⟧"), &format!("[[{number}]]"));
    }
    if !dropped_feedback.is_empty() {
        // Once per item: a gap (typed or drop-down) has no place for feedback.
        notes.push(note(
            NoteKind::LeftOut,
            source,
            format!(
                "the feedback in gaps is left out (a gap has no feedback): {}",
                dropped_feedback.join("; ")
            ),
        ));
    }
    Ok((markdown, ItemKind::FillBlanks { blanks }))
}

/// A cloze whose only gap is a choice: a single-choice item with the choices and their feedback.
fn one_choice_gap(
    kind: &str,
    answers: &[CodeAnswer],
    source: &QuestionSource,
    notes: &mut Vec<ImportNote>,
) -> Result<ItemKind, String> {
    let answer = answers
        .iter()
        .position(|(fraction, _, _)| *fraction >= 100.0)
        .ok_or_else(|| format!("the embedded {kind} answer has no right answer"))?;
    let partial = partial_credit(answers);
    if !partial.is_empty() {
        notes.push(note(
            NoteKind::Changed,
            source,
            format!(
                "partial credit is not kept; judged wrong: {}",
                partial.join(", ")
            ),
        ));
    }
    notes.push(note(
        NoteKind::Changed,
        source,
        "its one gap is a choice: the item is a single choice, the gap a line in the prompt, \
         each choice kept with its feedback"
            .into(),
    ));
    let choices = answers
        .iter()
        .map(|(_, text, feedback)| Choice {
            text: escape_markdown(text),
            feedback: feedback.clone(),
        })
        .collect();
    Ok(ItemKind::SingleChoice {
        choices,
        answer,
        // Moodle shuffles an embedded choice only in its `_S` forms.
        shuffle: kind.ends_with('S'),
    })
}

fn note(kind: NoteKind, source: &QuestionSource, message: String) -> ImportNote {
    ImportNote {
        kind,
        source: source.label.clone(),
        message,
    }
}

/// `{weight:TYPE:answers}`: the type and its answers, and the code's length in bytes.
fn read_code(text: &str) -> Option<((String, String), usize)> {
    let mut end = None;
    let mut escaped = false;
    for (index, c) in text.char_indices().skip(1) {
        match c {
            '\\' if !escaped => escaped = true,
            '}' if !escaped => {
                end = Some(index);
                break;
            }
            '{' if !escaped => return None,
            _ => escaped = false,
        }
    }
    let end = end?;
    let inner = &text[1..end];
    let mut parts = inner.splitn(3, ':');
    let weight = parts.next()?;
    let kind = parts.next()?;
    let answers = parts.next()?;
    if !weight.chars().all(|c| c.is_ascii_digit())
        || kind.is_empty()
        || !kind.chars().all(|c| c.is_ascii_uppercase() || c == '_')
    {
        return None;
    }
    Some(((kind.to_string(), answers.to_string()), end + 1))
}

/// One answer of a code: credit in percent, text, feedback.
fn answers_of(answers: &str) -> Vec<(f64, String, Option<String>)> {
    let mut found = Vec::new();
    for part in split_unescaped(answers, '~') {
        let (fraction, rest) = if let Some(rest) = part.strip_prefix('=') {
            (100.0, rest.to_string())
        } else if let Some(rest) = part.strip_prefix('%') {
            match rest.split_once('%') {
                Some((number, rest)) => (number.parse::<f64>().unwrap_or(0.0), rest.to_string()),
                None => (0.0, part.clone()),
            }
        } else {
            (0.0, part.clone())
        };
        let mut pieces = split_unescaped(&rest, '#').into_iter();
        let text = unescape(&pieces.next().unwrap_or_default());
        let feedback = pieces
            .next()
            .map(|feedback| unescape(&feedback))
            .filter(|feedback| !feedback.trim().is_empty());
        found.push((fraction, decode_entities(text.trim()), feedback));
    }
    found
}

fn split_unescaped(text: &str, separator: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut escaped = false;
    for c in text.chars() {
        if escaped {
            if let Some(last) = parts.last_mut() {
                last.push('\\');
                last.push(c);
            }
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == separator {
            parts.push(String::new());
        } else if let Some(last) = parts.last_mut() {
            last.push(c);
        }
    }
    parts
}

fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// One gap: typed, or a drop-down for a choice gap.
fn blank_of(
    number: usize,
    kind: &str,
    answers: &[CodeAnswer],
    source: &QuestionSource,
    notes: &mut Vec<ImportNote>,
) -> Result<Blank, String> {
    let right: Vec<&CodeAnswer> = answers
        .iter()
        .filter(|(fraction, _, _)| *fraction >= 100.0)
        .collect();
    if right.is_empty() {
        return Err(format!("the embedded {kind} answer has no right answer"));
    }
    let partial = partial_credit(answers);
    if !partial.is_empty() {
        notes.push(note(
            NoteKind::LeftOut,
            source,
            format!(
                "gap {number}: answers for partial credit are left out (judged wrong): {}",
                partial.join(", ")
            ),
        ));
    }
    match kind {
        "SHORTANSWER" | "SA" | "MW" | "SHORTANSWER_C" | "SAC" | "MWC" => Ok(Blank {
            answers: right.iter().map(|(_, text, _)| text.clone()).collect(),
            case_sensitive: kind.ends_with('C'),
            ..Blank::default()
        }),
        "NUMERICAL" | "NM" => {
            let (_, text, _) = right[0];
            let (number, tolerance) = match text.split_once(':') {
                Some((number, tolerance)) => (number.trim(), tolerance.trim().parse::<f64>().ok()),
                None => (text.as_str(), None),
            };
            let value =
                parse_number(number).ok_or_else(|| format!("{number:?} is not a number"))?;
            Ok(Blank {
                numeric: Some(NumericValue {
                    value,
                    text: number.to_string(),
                }),
                tolerance: tolerance.filter(|tolerance| *tolerance > 0.0),
                ..Blank::default()
            })
        }
        kind if CHOICE_KINDS.contains(&kind) => {
            let mut choices: Vec<String> = Vec::new();
            for (_, text, _) in answers {
                if !choices.contains(text) {
                    choices.push(text.clone());
                }
            }
            let shuffled = if kind.ends_with('S') {
                " in the order written (Moodle shuffles them)"
            } else {
                ""
            };
            notes.push(note(
                NoteKind::Changed,
                source,
                format!(
                    "gap {number} is a choice: a drop-down of {}{shuffled}",
                    choices.join(" / ")
                ),
            ));
            Ok(Blank {
                answers: right.iter().map(|(_, text, _)| text.clone()).collect(),
                choices,
                ..Blank::default()
            })
        }
        other => Err(format!("an embedded {other} answer cannot be a gap")),
    }
}

/// The answers worth partial credit, each with its share (`half (50%)`): the bank has no partial
/// credit, so the notes list them.
fn partial_credit(answers: &[CodeAnswer]) -> Vec<String> {
    answers
        .iter()
        .filter(|(fraction, _, _)| *fraction > 0.0 && *fraction < 100.0)
        .map(|(fraction, text, _)| format!("{text} ({fraction}%)"))
        .collect()
}
