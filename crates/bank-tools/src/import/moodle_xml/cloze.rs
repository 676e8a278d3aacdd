//! Moodle's embedded answers (cloze): `{1:SHORTANSWER:=cat#Yes~%50%kitten}` in the question text
//! becomes a gap `[[n]]` of a fill-the-gaps item. Short answers keep their right answers (case
//! when `_C`), numbers their value and tolerance, drop-down and radio choices become typed gaps
//! with the right choice as answer (noted); multiple-response gaps cannot be a gap.

use adaptive_practice_engine::bank::{Blank, NumericValue};
use adaptive_practice_engine::parse_number;

use super::{format_markdown, ImportState, QuestionSource};
use crate::import::html_markdown::{decode_entities, without_markers, TextShape};
use crate::import::{ImportNote, NoteKind};

pub(super) fn convert_cloze(
    raw: &str,
    format: &str,
    source: &QuestionSource,
    state: &mut ImportState,
    notes: &mut Vec<ImportNote>,
) -> Result<(String, Vec<Blank>), String> {
    let mut text = String::new();
    let mut blanks = Vec::new();
    let raw = without_markers(raw);
    let mut rest = raw.as_str();
    while let Some(start) = rest.find('{') {
        text.push_str(&rest[..start]);
        let after = &rest[start..];
        match read_code(after) {
            Some((code, length)) => {
                blanks.push(blank_of(&code, source, notes)?);
                text.push_str(&format!("⟦CLOZE{}⟧", blanks.len()));
                rest = &after[length..];
            }
            None => {
                text.push('{');
                rest = &after[1..];
            }
        }
    }
    text.push_str(rest);
    if blanks.is_empty() {
        return Err("the cloze text has no embedded answer".into());
    }
    let mut markdown = format_markdown(&text, format, TextShape::Block, source, state, notes);
    for number in 1..=blanks.len() {
        markdown = markdown.replace(&format!("⟦CLOZE{number}⟧"), &format!("[[{number}]]"));
    }
    Ok((markdown, blanks))
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

fn blank_of(
    code: &(String, String),
    source: &QuestionSource,
    notes: &mut Vec<ImportNote>,
) -> Result<Blank, String> {
    let (kind, answers) = code;
    let answers = answers_of(answers);
    let right: Vec<&(f64, String, Option<String>)> = answers
        .iter()
        .filter(|(fraction, _, _)| *fraction >= 100.0)
        .collect();
    if right.is_empty() {
        return Err(format!("the embedded {kind} answer has no right answer"));
    }
    let partial: Vec<String> = answers
        .iter()
        .filter(|(fraction, _, _)| *fraction > 0.0 && *fraction < 100.0)
        .map(|(fraction, text, _)| format!("{text} ({fraction}%)"))
        .collect();
    if !partial.is_empty() {
        notes.push(ImportNote {
            kind: NoteKind::Skipped,
            source: source.label.clone(),
            message: format!(
                "answers for partial credit are left out (judged wrong): {}",
                partial.join(", ")
            ),
        });
    }
    if answers
        .iter()
        .any(|(fraction, _, feedback)| *fraction < 100.0 && feedback.is_some())
    {
        notes.push(ImportNote {
            kind: NoteKind::Skipped,
            source: source.label.clone(),
            message: "feedback on wrong answers in a gap is left out (a gap has no feedback)"
                .into(),
        });
    }
    match kind.as_str() {
        "SHORTANSWER" | "SA" | "MW" | "SHORTANSWER_C" | "SAC" | "MWC" => Ok(Blank {
            answers: right.iter().map(|(_, text, _)| text.clone()).collect(),
            numeric: None,
            tolerance: None,
            case_sensitive: kind.ends_with('C'),
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
                answers: Vec::new(),
                numeric: Some(NumericValue {
                    value,
                    text: number.to_string(),
                }),
                tolerance: tolerance.filter(|tolerance| *tolerance > 0.0),
                case_sensitive: false,
            })
        }
        "MULTICHOICE" | "MC" | "MULTICHOICE_V" | "MCV" | "MULTICHOICE_H" | "MCH"
        | "MULTICHOICE_S" | "MCS" | "MULTICHOICE_VS" | "MCVS" | "MULTICHOICE_HS" | "MCHS" => {
            let choices: Vec<&str> = answers.iter().map(|(_, text, _)| text.as_str()).collect();
            notes.push(ImportNote {
                kind: NoteKind::Changed,
                source: source.label.clone(),
                message: format!("a choice gap ({}) becomes a typed gap", choices.join(" / ")),
            });
            Ok(Blank {
                answers: right.iter().map(|(_, text, _)| text.clone()).collect(),
                numeric: None,
                tolerance: None,
                case_sensitive: false,
            })
        }
        other => Err(format!("an embedded {other} answer cannot be a gap")),
    }
}
