//! One Moodle question to one bank item, by its `type`.

use adaptive_practice_engine::bank::{
    Blank, Choice, Hint, Item, ItemKind, MatchPair, Misconception, NumericValue, TextMisconception,
};
use adaptive_practice_engine::parse_number;
use roxmltree::Node;

use super::{child, field_markdown, format_markdown, line, text_of, ImportState, QuestionSource};
use crate::import::html_markdown::TextShape;
use crate::import::{ImportNote, NoteKind};

/// What Moodle's own editor puts in the right/partly right/wrong feedback by default: the widget
/// says it in its own words, so these are dropped silently.
const DEFAULT_FEEDBACK: &[&str] = &[
    "Your answer is correct.",
    "Your answer is partially correct.",
    "Your answer is incorrect.",
    "",
];

/// One `<answer>`: its text (as written), its credit in percent, its feedback (Markdown).
struct Answer {
    text: String,
    format: String,
    fraction: f64,
    feedback: Option<String>,
    tolerance: Option<f64>,
    line: u32,
}

pub(super) fn convert_question(
    question: Node<'_, '_>,
    source: &mut QuestionSource,
    state: &mut ImportState,
    notes: &mut Vec<ImportNote>,
) -> Result<Item, String> {
    let kind_name = question.attribute("type").unwrap_or_default();
    let mut prompt = child(question, "questiontext")
        .map(|field| field_markdown(field, TextShape::Block, source, state, notes))
        .unwrap_or_default();
    let mut template = None;
    let kind = match kind_name {
        "multichoice" => multichoice(question, source, state, notes)?,
        "truefalse" => truefalse(question, source, state, notes)?,
        "shortanswer" => shortanswer(question, source, state, notes)?,
        "numerical" => numerical(question, source, state, notes)?,
        "matching" => matching(question, source, state, notes)?,
        "multianswer" | "cloze" => {
            let raw = child(question, "questiontext").and_then(|field| text_of(field)).unwrap_or_default();
            let format = child(question, "questiontext").and_then(|field| field.attribute("format")).unwrap_or("html").to_string();
            let (text, kind) = super::cloze::convert_cloze(&raw, &format, source, state, notes)?;
            prompt = text;
            kind
        }
        "gapselect" | "ddwtos" => {
            let (text, blanks) = select_gaps(question, &prompt, source, notes)?;
            prompt = text;
            ItemKind::FillBlanks { blanks }
        }
        "description" => return Err("a description has nothing to answer".into()),
        "essay" => return Err("an essay is marked by a teacher; the widget cannot judge it".into()),
        "calculated" | "calculatedsimple" => {
            let field = child(question, "questiontext");
            let raw = field.and_then(text_of).unwrap_or_default();
            let format = field.and_then(|field| field.attribute("format")).unwrap_or("html");
            let mut calculated = super::calculated::convert_calculated(question, &raw, &source.label, notes)?;
            let names: Vec<String> = calculated.template.variables.keys().cloned().collect();
            calculated_answers(question, &mut calculated.kind, &names, source, state, notes);
            let markdown = format_markdown(&calculated.text, format, TextShape::Block, source, state, notes);
            prompt = super::calculated::fill_markers(&markdown, &calculated.markers);
            template = Some(calculated.template);
            calculated.kind
        }
        "calculatedmulti" => {
            return Err("calculated multiple choice (formulas in choices) is not converted; write it as a bank template".into())
        }
        "random" | "randomsamatch" => return Err("a random question only points at others".into()),
        other => return Err(format!("the question type {other:?} has no bank equivalent")),
    };
    if prompt.trim().is_empty() {
        return Err("the question has no text".into());
    }
    for (field, what) in [
        ("correctfeedback", "right"),
        ("partiallycorrectfeedback", "partly right"),
        ("incorrectfeedback", "wrong"),
    ] {
        if let Some(node) = child(question, field) {
            let raw = text_of(node).unwrap_or_default();
            let plain = raw.replace("<p>", "").replace("</p>", "");
            if !DEFAULT_FEEDBACK.contains(&plain.trim()) {
                notes.push(note(NoteKind::Skipped, source, node, format!("the feedback for a {what} answer is left out (the widget says it in its own words): {}", excerpt(&plain))));
            }
        }
    }
    let hints = question
        .children()
        .filter(|node| node.has_tag_name("hint"))
        .map(|hint| field_markdown(hint, TextShape::Block, source, state, notes))
        .filter(|text| !text.trim().is_empty())
        .map(|text| Hint {
            text,
            scaffold: None,
        })
        .collect();
    let solution = child(question, "generalfeedback")
        .map(|field| field_markdown(field, TextShape::Block, source, state, notes))
        .filter(|text| !text.trim().is_empty());
    let (mut hints, mut solution): (Vec<Hint>, Option<String>) = (hints, solution);
    if let Some(template) = &template {
        // Wildcards in hints and the general feedback are template values too.
        let fill = |text: &mut String| {
            for name in template.variables.keys() {
                *text = text.replace(&format!("{{{name}}}"), &format!("{{{{{name}}}}}"));
            }
        };
        hints.iter_mut().for_each(|hint| fill(&mut hint.text));
        if let Some(solution) = &mut solution {
            fill(solution);
        }
    }
    Ok(Item {
        id: source.slug.clone(),
        skills: Vec::new(),
        difficulty: None,
        prompt,
        hints,
        solution,
        template,
        kind,
    })
}

fn note(
    kind: NoteKind,
    source: &QuestionSource,
    node: Node<'_, '_>,
    message: String,
) -> ImportNote {
    ImportNote {
        kind,
        source: format!("{} line {}", source.label, line(node)),
        message,
    }
}

fn excerpt(text: &str) -> String {
    let short: String = text.trim().chars().take(60).collect();
    if short.len() < text.trim().len() {
        format!("{short}…")
    } else {
        short
    }
}

fn answers(
    question: Node<'_, '_>,
    source: &QuestionSource,
    state: &mut ImportState,
    notes: &mut Vec<ImportNote>,
) -> Vec<Answer> {
    question
        .children()
        .filter(|node| node.has_tag_name("answer"))
        .map(|answer| Answer {
            text: text_of(answer).unwrap_or_default(),
            format: answer
                .attribute("format")
                .unwrap_or("moodle_auto_format")
                .to_string(),
            fraction: answer
                .attribute("fraction")
                .and_then(|fraction| fraction.trim().parse::<f64>().ok())
                .unwrap_or(0.0),
            feedback: child(answer, "feedback")
                .map(|field| field_markdown(field, TextShape::Block, source, state, notes))
                .filter(|text| !text.trim().is_empty()),
            tolerance: child(answer, "tolerance")
                .and_then(|tolerance| tolerance.text())
                .and_then(|text| text.trim().parse::<f64>().ok()),
            line: line(answer),
        })
        .collect()
}

/// Notes the feedback of a typed question's right `answer` as left out: the bank has feedback
/// for wrong answers only (GIFT's importer says the same).
fn right_answer_feedback_left_out(
    answer: &Answer,
    source: &QuestionSource,
    notes: &mut Vec<ImportNote>,
) {
    if let Some(feedback) = &answer.feedback {
        notes.push(ImportNote {
            kind: NoteKind::LeftOut,
            source: format!("{} line {}", source.label, answer.line),
            message: crate::import::right_feedback_message(answer.text.trim(), feedback),
        });
    }
}

fn is_true(node: Option<Node<'_, '_>>) -> bool {
    node.and_then(|node| node.text())
        .is_some_and(|text| matches!(text.trim(), "true" | "1"))
}

fn multichoice(
    question: Node<'_, '_>,
    source: &QuestionSource,
    state: &mut ImportState,
    notes: &mut Vec<ImportNote>,
) -> Result<ItemKind, String> {
    let answers = answers(question, source, state, notes);
    if answers.is_empty() {
        return Err("the question has no answers".into());
    }
    let single = is_true(child(question, "single"));
    // Moodle reads a missing `<shuffleanswers>` as on (its default); `0` or `false` keeps the
    // order. A choice naming the others by place (`All of the above`) keeps it too (noted).
    let shuffle = child(question, "shuffleanswers").is_none_or(|node| is_true(Some(node)));
    let mut choices = Vec::new();
    for answer in &answers {
        let text = format_markdown(
            &answer.text,
            &answer.format,
            TextShape::Inline,
            source,
            state,
            notes,
        );
        choices.push(Choice {
            text,
            feedback: answer.feedback.clone(),
        });
    }
    let shuffle = shuffle
        && match crate::import::choice_needing_its_place(choices.iter().map(|c| c.text.as_str())) {
            Some(choice) => {
                notes.push(ImportNote {
                    kind: NoteKind::Changed,
                    source: source.label.clone(),
                    message: crate::import::kept_order_message(choice, false),
                });
                false
            }
            None => true,
        };
    let partial: Vec<String> = answers
        .iter()
        .zip(&choices)
        .filter(|(answer, _)| answer.fraction > 0.0 && answer.fraction < 100.0 && single)
        .map(|(answer, choice)| format!("{} ({}%)", choice.text, answer.fraction))
        .collect();
    if single {
        let best = answers
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.fraction.total_cmp(&b.1.fraction))
            .map(|(index, _)| index)
            .ok_or("no answer")?;
        if answers[best].fraction <= 0.0 {
            return Err("no answer gives credit".into());
        }
        if !partial.is_empty() {
            notes.push(ImportNote {
                kind: NoteKind::Changed,
                source: source.label.clone(),
                message: format!(
                    "partial credit is not kept; judged wrong: {}",
                    partial.join(", ")
                ),
            });
        }
        Ok(ItemKind::SingleChoice {
            choices,
            answer: best,
            shuffle,
        })
    } else {
        let right: Vec<usize> = (0..answers.len())
            .filter(|index| answers[*index].fraction > 0.0)
            .collect();
        if right.is_empty() {
            return Err("no answer gives credit".into());
        }
        let negative = answers.iter().any(|answer| answer.fraction < 0.0);
        if negative
            || right
                .iter()
                .any(|index| (answers[*index].fraction * right.len() as f64 - 100.0).abs() > 1.0)
        {
            notes.push(ImportNote { kind: NoteKind::Changed, source: source.label.clone(), message: "credit per choice is not kept: the answer is right when exactly the choices with credit are picked".into() });
        }
        Ok(ItemKind::MultipleResponse {
            choices,
            answers: right,
            shuffle,
        })
    }
}

fn truefalse(
    question: Node<'_, '_>,
    source: &QuestionSource,
    state: &mut ImportState,
    notes: &mut Vec<ImportNote>,
) -> Result<ItemKind, String> {
    let answers = answers(question, source, state, notes);
    let mut choices = vec![
        Choice {
            text: "True".into(),
            feedback: None,
        },
        Choice {
            text: "False".into(),
            feedback: None,
        },
    ];
    let mut right = None;
    for answer in &answers {
        let index = if answer.text.trim().eq_ignore_ascii_case("true") {
            0
        } else {
            1
        };
        choices[index].feedback = answer.feedback.clone();
        if answer.fraction >= 100.0 {
            right = Some(index);
        }
    }
    Ok(ItemKind::SingleChoice {
        choices,
        answer: right.ok_or("neither true nor false is right")?,
        shuffle: false,
    })
}

fn shortanswer(
    question: Node<'_, '_>,
    source: &QuestionSource,
    state: &mut ImportState,
    notes: &mut Vec<ImportNote>,
) -> Result<ItemKind, String> {
    let case_sensitive = is_true(child(question, "usecase"));
    let mut accepted = Vec::new();
    let mut pattern: Option<String> = None;
    let mut misconceptions = Vec::new();
    for answer in answers(question, source, state, notes) {
        let text = answer.text.trim().to_string();
        if answer.fraction >= 100.0 {
            right_answer_feedback_left_out(&answer, source, notes);
            // `\*` is a literal star in Moodle; any other `*` is a wildcard.
            if text.replace("\\*", "").contains('*') {
                if pattern.is_some() {
                    notes.push(ImportNote {
                        kind: NoteKind::Skipped,
                        source: format!("{} line {}", source.label, answer.line),
                        message: format!("a second wildcard answer {text:?} is left out"),
                    });
                } else {
                    pattern = Some(text);
                }
            } else {
                accepted.push(text.replace("\\*", "*"));
            }
        } else if answer.fraction > 0.0 {
            notes.push(ImportNote {
                kind: NoteKind::Skipped,
                source: format!("{} line {}", source.label, answer.line),
                message: format!(
                    "the answer {text:?} for {}% credit is left out (judged wrong)",
                    answer.fraction
                ),
            });
        } else if text == "*" {
            if answer.feedback.is_some() {
                notes.push(ImportNote {
                    kind: NoteKind::Skipped,
                    source: format!("{} line {}", source.label, answer.line),
                    message: "feedback for any other answer is left out".into(),
                });
            }
        } else if let Some(feedback) = answer.feedback {
            misconceptions.push(TextMisconception {
                answer: text,
                feedback,
            });
        }
    }
    if accepted.is_empty() && pattern.is_none() {
        return Err("no answer gives full credit".into());
    }
    if accepted.is_empty() {
        let example = pattern.clone().unwrap_or_default().replace('*', "");
        notes.push(ImportNote {
            kind: NoteKind::Changed,
            source: source.label.clone(),
            message: format!("only a wildcard answer: {example:?} is given as the shown answer"),
        });
        accepted.push(example);
    }
    Ok(ItemKind::ShortText {
        answers: accepted,
        case_sensitive,
        ignore_accents: true,
        pattern,
        misconceptions,
    })
}

fn numerical(
    question: Node<'_, '_>,
    source: &QuestionSource,
    state: &mut ImportState,
    notes: &mut Vec<ImportNote>,
) -> Result<ItemKind, String> {
    let mut right: Option<(NumericValue, Option<f64>)> = None;
    let mut misconceptions = Vec::new();
    for answer in answers(question, source, state, notes) {
        let text = answer.text.trim();
        let location = format!("{} line {}", source.label, answer.line);
        if text == "*" {
            if answer.feedback.is_some() {
                notes.push(ImportNote {
                    kind: NoteKind::Skipped,
                    source: location,
                    message: "feedback for any other answer is left out".into(),
                });
            }
            continue;
        }
        let Some(value) = parse_number(text) else {
            notes.push(ImportNote {
                kind: NoteKind::Skipped,
                source: location,
                message: format!("{text:?} is not a number"),
            });
            continue;
        };
        let number = NumericValue {
            value,
            text: text.to_string(),
        };
        if answer.fraction >= 100.0 && right.is_none() {
            right_answer_feedback_left_out(&answer, source, notes);
            right = Some((
                number,
                answer.tolerance.filter(|tolerance| *tolerance > 0.0),
            ));
        } else if answer.fraction >= 100.0 {
            notes.push(ImportNote {
                kind: NoteKind::Skipped,
                source: location,
                message: format!("a second right number {text} is left out"),
            });
        } else if answer.fraction > 0.0 {
            notes.push(ImportNote {
                kind: NoteKind::Skipped,
                source: location,
                message: format!(
                    "the answer {text} for {}% credit is left out (judged wrong)",
                    answer.fraction
                ),
            });
        } else if let Some(feedback) = answer.feedback {
            misconceptions.push(Misconception {
                answer: number,
                feedback,
            });
        }
    }
    let (answer, tolerance) = right.ok_or("no number gives full credit")?;
    let (unit, convert_units) = units(question, source, notes);
    Ok(ItemKind::Numeric {
        answer,
        tolerance,
        relative_tolerance: None,
        misconceptions,
        unit,
        convert_units,
        form: None,
    })
}

/// A numerical or calculated question's `<units>`: the unit of multiplier 1 as the item's
/// `unit`, and whether other units are accepted (`convertUnits`, noted: their multipliers are
/// not read).
fn units(
    question: Node<'_, '_>,
    source: &QuestionSource,
    notes: &mut Vec<ImportNote>,
) -> (Option<String>, bool) {
    let units: Vec<(String, f64)> = child(question, "units")
        .map(|units| {
            units
                .children()
                .filter(|unit| unit.has_tag_name("unit"))
                .filter_map(|unit| {
                    let name = child(unit, "unit_name")?.text()?.trim().to_string();
                    let multiplier = child(unit, "multiplier")
                        .and_then(|m| m.text())
                        .and_then(|m| m.trim().parse::<f64>().ok())
                        .unwrap_or(1.0);
                    Some((name, multiplier))
                })
                .collect()
        })
        .unwrap_or_default();
    let unit = units
        .iter()
        .find(|(_, multiplier)| (*multiplier - 1.0).abs() < 1e-12)
        .map(|(name, _)| name.clone());
    let convert_units = units.len() > 1;
    if convert_units {
        notes.push(ImportNote { kind: NoteKind::Changed, source: source.label.clone(), message: "other units are accepted when the widget knows how to convert them (their multipliers are not read)".into() });
    }
    (unit, convert_units)
}

/// A calculated question's answers beyond its first right formula (which `convert_calculated`
/// made the item's answer), and its units: a wrong formula with feedback becomes a typical wrong
/// answer of the template (`{{2*(a+b)}}`); feedback on the right formula, other right or partly
/// right formulas and wrong formulas the bank cannot read are noted as left out.
fn calculated_answers(
    question: Node<'_, '_>,
    kind: &mut ItemKind,
    variables: &[String],
    source: &QuestionSource,
    state: &mut ImportState,
    notes: &mut Vec<ImportNote>,
) {
    let ItemKind::Numeric {
        misconceptions,
        unit,
        convert_units,
        ..
    } = kind
    else {
        return;
    };
    let mut right_seen = false;
    for answer in answers(question, source, state, notes) {
        let location = format!("{} line {}", source.label, answer.line);
        let formula = answer.text.trim();
        if answer.fraction >= 100.0 && !right_seen {
            right_seen = true;
            right_answer_feedback_left_out(&answer, source, notes);
        } else if answer.fraction > 0.0 {
            notes.push(ImportNote {
                kind: NoteKind::LeftOut,
                source: location,
                message: format!(
                    "the formula {formula} for {}% credit is left out (judged wrong): a template has one right formula",
                    answer.fraction
                ),
            });
        } else if let Some(mut feedback) = answer.feedback {
            // Wildcards in the feedback are template values, as in hints.
            for name in variables {
                feedback = feedback.replace(&format!("{{{name}}}"), &format!("{{{{{name}}}}}"));
            }
            match super::calculated::expression(formula) {
                Ok(expression) => misconceptions.push(Misconception {
                    answer: NumericValue {
                        value: f64::NAN,
                        text: format!("{{{{{expression}}}}}"),
                    },
                    feedback,
                }),
                Err(reason) => notes.push(ImportNote {
                    kind: NoteKind::LeftOut,
                    source: location,
                    message: format!(
                        "the wrong formula {formula} and its feedback are left out: {reason}"
                    ),
                }),
            }
        }
    }
    (*unit, *convert_units) = units(question, source, notes);
}

fn matching(
    question: Node<'_, '_>,
    source: &QuestionSource,
    state: &mut ImportState,
    notes: &mut Vec<ImportNote>,
) -> Result<ItemKind, String> {
    let mut pairs = Vec::new();
    let mut distractors = Vec::new();
    for sub in question
        .children()
        .filter(|node| node.has_tag_name("subquestion"))
    {
        let left = field_markdown(sub, TextShape::Inline, source, state, notes);
        let right = child(sub, "answer")
            .and_then(|answer| text_of(answer))
            .unwrap_or_default()
            .trim()
            .to_string();
        let right = crate::import::html_markdown::escape_text(&right);
        if left.trim().is_empty() {
            distractors.push(right);
        } else {
            pairs.push(MatchPair { left, right });
        }
    }
    if pairs.is_empty() {
        return Err("the matching question has no pairs".into());
    }
    Ok(ItemKind::Matching { pairs, distractors })
}

/// "Select missing words" and "drag and drop into text": `[[n]]` in the text is the place of
/// choice `n`; the bank's gaps are typed.
fn select_gaps(
    question: Node<'_, '_>,
    prompt: &str,
    source: &QuestionSource,
    notes: &mut Vec<ImportNote>,
) -> Result<(String, Vec<Blank>), String> {
    // Each option with its group: a gap offers the options of its right word's group.
    let options: Vec<(String, String)> = question
        .children()
        .filter(|node| node.has_tag_name("selectoption") || node.has_tag_name("dragbox"))
        .map(|option| {
            let group = child(option, "group")
                .and_then(|group| group.text())
                .unwrap_or("1")
                .trim()
                .to_string();
            (
                text_of(option).unwrap_or_default().trim().to_string(),
                group,
            )
        })
        .collect();
    let mut text = String::new();
    let mut blanks = Vec::new();
    let mut rest = prompt;
    while let Some(start) = rest.find("\\[\\[") {
        let after = &rest[start + 4..];
        let Some(end) = after.find("\\]\\]") else {
            break;
        };
        let number: usize = after[..end]
            .trim()
            .parse()
            .map_err(|_| format!("[[{}]] is not a choice number", &after[..end]))?;
        let (word, group) = options
            .get(number.wrapping_sub(1))
            .ok_or_else(|| format!("[[{number}]] names no choice"))?;
        let mut choices: Vec<String> = Vec::new();
        for (option, _) in options.iter().filter(|(_, other)| other == group) {
            if !choices.contains(option) {
                choices.push(option.clone());
            }
        }
        text.push_str(&rest[..start]);
        blanks.push(Blank {
            answers: vec![word.clone()],
            choices,
            ..Blank::default()
        });
        text.push_str(&format!("[[{}]]", blanks.len()));
        rest = &after[end + 4..];
    }
    text.push_str(rest);
    if blanks.is_empty() {
        return Err("the text has no [[n]] gap".into());
    }
    notes.push(ImportNote {
        kind: NoteKind::Changed,
        source: source.label.clone(),
        message: "words picked or dragged into gaps become drop-downs of the words of their \
                  group, in the order written"
            .into(),
    });
    Ok((text, blanks))
}
