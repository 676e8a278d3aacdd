//! One GIFT question to an item kind, as Moodle reads the answer block: empty is an essay, `#…`
//! numerical, any `~` multiple choice (multiple answers when no `=`), `=` with `->` matching,
//! `T`/`F` true-false, anything else short answer. Multiple-choice answers are shuffled, as
//! Moodle does (true-false keeps True, False). What the widget cannot express (partial
//! credit, several right numbers, feedback on a right typed answer) is said in a note.

use adaptive_practice_engine::bank::{Blank, Choice, ItemKind, MatchPair, TextMisconception};

use super::numerical::numerical;
use super::parse::{split_answers, Answer, AnswerBlock};
use super::text::{convert_text, fill_blank, TextFormat};
use super::Notes;

/// A converted question: its kind and its prompt (with the missing word's place filled).
pub(super) struct Converted {
    pub kind: ItemKind,
    pub prompt: String,
}

/// What the answers of a question are converted with: its text format and its prompt, still
/// holding the missing word's placeholder.
pub(super) struct QuestionParts<'a> {
    pub block: &'a AnswerBlock,
    pub format: TextFormat,
    pub prompt: String,
}

/// Converts the answer block, or says why the question is skipped.
pub(super) fn convert_answers(
    parts: &QuestionParts<'_>,
    notes: &mut Notes<'_>,
) -> Result<Converted, String> {
    let body = parts.block.body.as_str();
    if body.is_empty() {
        return Err(
            "an essay question (empty answer block): the widget judges answers it can \
                    check, not free writing"
                .into(),
        );
    }
    if let Some(numbers) = body.strip_prefix('#') {
        return numerical(parts, numbers, notes);
    }
    if body.contains('~') {
        return multiple_choice(parts, notes);
    }
    if body.contains('=') && body.contains("->") {
        return matching(parts, notes);
    }
    let before_feedback = body.split('#').next().unwrap_or_default().trim();
    if matches!(before_feedback, "T" | "TRUE" | "F" | "FALSE") {
        return true_false(parts, notes);
    }
    short_answer(parts, notes)
}

pub(super) fn text(
    parts: &QuestionParts<'_>,
    raw: &str,
    line: usize,
    notes: &mut Notes<'_>,
) -> String {
    let (format, rest) = super::text::split_format(raw, parts.format);
    convert_text(rest, format, &mut |message| {
        notes.changed(line, message);
    })
}

pub(super) fn prompt_with_line(parts: &QuestionParts<'_>) -> String {
    fill_blank(&parts.prompt, "\\_\\_\\_\\_\\_")
}

fn multiple_choice(parts: &QuestionParts<'_>, notes: &mut Notes<'_>) -> Result<Converted, String> {
    let block = parts.block;
    let answers = without_empty_answers(split_answers(&block.body, &['~', '=']), block, notes);
    if answers.len() < 2 {
        return Err("a multiple-choice question needs two answers".into());
    }
    let single = answers.iter().any(|answer| answer.marker == '=');
    let mut choices = Vec::new();
    let mut weights = Vec::new();
    for answer in &answers {
        let line = block.line_of(answer.start);
        let feedback = answer
            .feedback
            .as_deref()
            .map(|feedback| text(parts, feedback, line, notes));
        choices.push(Choice {
            text: text(parts, &answer.text, line, notes),
            feedback,
        });
        weights.push(match answer.marker {
            '=' => 100.0,
            _ => answer.weight.unwrap_or(0.0),
        });
    }
    let prompt = prompt_with_line(parts);
    let shuffle = shuffled(&choices, block, notes);
    if single {
        let right: Vec<usize> = (0..answers.len())
            .filter(|&i| weights[i] >= 100.0)
            .collect();
        let Some(&answer) = right.first() else {
            return Err("no answer is fully right".into());
        };
        for &other in &right[1..] {
            notes.changed(
                block.line_of(answers[other].start),
                format!(
                    "“{}” is also fully right in GIFT; the widget has one right choice, so it \
                     counts as wrong",
                    answers[other].text
                ),
            );
        }
        partial_credit_notes(&answers, &weights, block, notes, "counts as wrong");
        return Ok(Converted {
            kind: ItemKind::SingleChoice {
                choices,
                answer,
                shuffle,
            },
            prompt,
        });
    }
    let right: Vec<usize> = (0..answers.len()).filter(|&i| weights[i] > 0.0).collect();
    if right.is_empty() {
        return Err("no answer has a positive weight".into());
    }
    notes.changed(
        block.line,
        "multiple answers: the widget gives no partial credit; it is right when exactly the \
         answers with a positive weight are picked"
            .into(),
    );
    Ok(Converted {
        kind: ItemKind::MultipleResponse {
            choices,
            answers: right,
            shuffle,
        },
        prompt,
    })
}

/// Moodle shuffles the answers of a multiple-choice question it imports from GIFT (its
/// question default, `shuffleanswers` on; GIFT has no syntax to turn it off), and GIFT writers
/// usually put the right answer first: the choices are shuffled, unless one of them names the
/// others by place (`All of the above`), which a bank cannot pin while shuffling the rest.
fn shuffled(choices: &[Choice], block: &AnswerBlock, notes: &mut Notes<'_>) -> bool {
    match crate::import::choice_needing_its_place(choices.iter().map(|c| c.text.as_str())) {
        Some(choice) => {
            notes.changed(block.line, crate::import::kept_order_message(choice, false));
            false
        }
        None => true,
    }
}

/// The answers with a text; an empty one (`=` alone) is left out with a note.
fn without_empty_answers(
    answers: Vec<Answer>,
    block: &AnswerBlock,
    notes: &mut Notes<'_>,
) -> Vec<Answer> {
    let (kept, empty): (Vec<Answer>, Vec<Answer>) = answers
        .into_iter()
        .partition(|answer| !super::text::plain(&answer.text).is_empty());
    for answer in empty {
        notes.changed(
            block.line_of(answer.start),
            "an answer with no text is left out".into(),
        );
    }
    kept
}

/// A note for each answer with a weight strictly between 0 and 100.
fn partial_credit_notes(
    answers: &[Answer],
    weights: &[f64],
    block: &AnswerBlock,
    notes: &mut Notes<'_>,
    what_it_becomes: &str,
) {
    for (answer, weight) in answers.iter().zip(weights) {
        if *weight > 0.0 && *weight < 100.0 {
            notes.changed(
                block.line_of(answer.start),
                format!(
                    "partial credit {weight}% for “{}”: the widget has none, it {what_it_becomes}",
                    answer.text
                ),
            );
        }
    }
}

fn true_false(parts: &QuestionParts<'_>, notes: &mut Notes<'_>) -> Result<Converted, String> {
    let block = parts.block;
    let mut bits = block.body.splitn(3, '#');
    let value = bits.next().unwrap_or_default().trim();
    let feedback_when_wrong = bits.next().map(str::trim).filter(|f| !f.is_empty());
    let feedback_when_right = bits.next().map(str::trim).filter(|f| !f.is_empty());
    let is_true = matches!(value, "T" | "TRUE");
    let mut feedback = |raw: Option<&str>| raw.map(|raw| text(parts, raw, block.line, notes));
    let (right, wrong) = (feedback(feedback_when_right), feedback(feedback_when_wrong));
    let (true_feedback, false_feedback) = if is_true {
        (right, wrong)
    } else {
        (wrong, right)
    };
    Ok(Converted {
        kind: ItemKind::SingleChoice {
            choices: vec![
                Choice {
                    text: "True".into(),
                    feedback: true_feedback,
                },
                Choice {
                    text: "False".into(),
                    feedback: false_feedback,
                },
            ],
            answer: if is_true { 0 } else { 1 },
            shuffle: false,
        },
        prompt: prompt_with_line(parts),
    })
}

fn short_answer(parts: &QuestionParts<'_>, notes: &mut Notes<'_>) -> Result<Converted, String> {
    let block = parts.block;
    let answers = without_empty_answers(split_answers(&block.body, &['=']), block, notes);
    let mut right = Vec::new();
    let mut pattern: Option<String> = None;
    let mut misconceptions = Vec::new();
    for answer in &answers {
        let line = block.line_of(answer.start);
        let weight = answer.weight.unwrap_or(100.0);
        let typed = super::text::plain(&answer.text);
        if weight >= 100.0 {
            if let Some(feedback) = &answer.feedback {
                notes.left_out(
                    line,
                    crate::import::right_feedback_message(&typed, feedback),
                );
            }
            if typed.replace("\\*", "").contains('*') {
                if pattern.is_some() {
                    notes.changed(
                        line,
                        format!(
                            "“{typed}”: only one wildcard answer is kept, this one is left out"
                        ),
                    );
                } else {
                    if typed.contains('?') {
                        notes.changed(
                            line,
                            format!("“{typed}”: `?` in a wildcard answer also stands for any one character"),
                        );
                    }
                    pattern = Some(typed);
                }
            } else {
                right.push(typed.replace("\\*", "*"));
            }
            continue;
        }
        if weight > 0.0 {
            notes.changed(
                line,
                format!("partial credit {weight}% for “{typed}”: the widget has none, it counts as wrong"),
            );
        }
        if let Some(feedback) = &answer.feedback {
            misconceptions.push(TextMisconception {
                answer: typed,
                feedback: text(parts, feedback, line, notes),
            });
        }
    }
    if right.is_empty() && pattern.is_none() {
        return Err("no answer is fully right".into());
    }
    if block.missing_word && pattern.is_none() && misconceptions.is_empty() {
        return Ok(Converted {
            kind: ItemKind::FillBlanks {
                blanks: vec![Blank {
                    answers: right,
                    ..Blank::default()
                }],
            },
            prompt: fill_blank(&parts.prompt, "[[1]]"),
        });
    }
    if right.is_empty() {
        // Only a wildcard: it is also the answer shown as right.
        let shown = pattern.clone().unwrap_or_default().replace('*', "");
        if shown.trim().is_empty() {
            return Err("its only answer is `*`: every answer would be right".into());
        }
        right.push(shown);
        notes.changed(
            block.line,
            "only a wildcard answer: the answer shown as right is it without its `*`".into(),
        );
    }
    Ok(Converted {
        kind: ItemKind::ShortText {
            answers: right,
            case_sensitive: false,
            ignore_accents: true,
            pattern,
            misconceptions,
        },
        prompt: prompt_with_line(parts),
    })
}

fn matching(parts: &QuestionParts<'_>, notes: &mut Notes<'_>) -> Result<Converted, String> {
    let block = parts.block;
    let answers = split_answers(&block.body, &['=']);
    let mut pairs = Vec::new();
    let mut distractors = Vec::new();
    for answer in &answers {
        let line = block.line_of(answer.start);
        let whole = match &answer.feedback {
            // `#` has no meaning in a matching answer: it is text.
            Some(feedback) => format!("{}#{feedback}", answer.text),
            None => answer.text.clone(),
        };
        let Some((left, right)) = whole.split_once("->") else {
            return Err(format!("“{whole}” has no `->`"));
        };
        if right.trim().is_empty() {
            notes.changed(line, format!("“{whole}” has nothing after `->`: left out"));
            continue;
        }
        let right = text(parts, right, line, notes);
        if left.trim().is_empty() {
            distractors.push(right);
        } else {
            pairs.push(MatchPair {
                left: text(parts, left, line, notes),
                right,
            });
        }
    }
    if pairs.len() < 2 {
        return Err("a matching question needs two pairs".into());
    }
    Ok(Converted {
        kind: ItemKind::Matching { pairs, distractors },
        prompt: prompt_with_line(parts),
    })
}
