//! A bank to GIFT, Moodle's plain-text quiz format, written the way Moodle's own exporter writes
//! it (`::id::`, `[markdown]`, special characters escaped, `$CATEGORY:` per skill). GIFT holds
//! single and multiple choice, true/false, short answer, numbers with a tolerance, matching and
//! one-gap fill-the-gaps; every other item is left out with a note, and what GIFT cannot hold of
//! an item it writes (hints, difficulty, units, …) is a note too. Math `$…$` is written `\(…\)`
//! for Moodle's TeX filter; the GIFT importer reads it back.

mod text;

use adaptive_practice_engine::bank::{Bank, Blank, Item, ItemKind, NumericValue};

use self::text::{escape, markdown, one_line};
use crate::import::{ImportNote, NoteKind};

/// The GIFT text and what it could not hold.
#[derive(Debug, Clone)]
pub struct GiftExport {
    pub text: String,
    pub notes: Vec<ImportNote>,
    /// Items written.
    pub written: usize,
    /// Items left out (each has a note of kind `Skipped`).
    pub left_out: usize,
}

/// Writes `bank` as GIFT.
pub fn export_gift(bank: &Bank) -> GiftExport {
    let mut notes = Vec::new();
    let mut text = format!(
        "// {} (bank {}, version {}), written as GIFT by adaptive-practice.\n",
        one_line(&bank.title),
        bank.id,
        bank.version
    );
    let mut unheld = Vec::new();
    if bank.language.is_some() {
        unheld.push("language");
    }
    if bank.license.is_some() || bank.attribution.is_some() {
        unheld.push("license and attribution");
    }
    if bank.settings != Default::default() {
        unheld.push("settings");
    }
    if bank
        .skills
        .iter()
        .any(|skill| skill.description.is_some() || !skill.prerequisites.is_empty())
    {
        unheld.push("skill descriptions and prerequisites");
    }
    if !unheld.is_empty() {
        let message = format!("GIFT has no place for the bank's {}", unheld.join(", "));
        text.push_str(&format!("// Not held: {message}.\n"));
        notes.push(note(NoteKind::Changed, &bank.id, message));
    }
    let (mut written, mut left_out) = (0, 0);
    let mut category: Option<&str> = None;
    for item in &bank.items {
        let mut item_notes = Vec::new();
        match write_item(item, &mut item_notes) {
            Ok(question) => {
                let skill = item.skills.first().map(String::as_str).unwrap_or_default();
                if category != Some(skill) {
                    let name = bank
                        .skills
                        .iter()
                        .find(|known| known.id == skill)
                        .map_or(skill, |known| known.name.as_str());
                    text.push_str(&format!(
                        "\n$CATEGORY: $course$/top/{}\n",
                        escape(&one_line(name)).replace('/', "//")
                    ));
                    category = Some(skill);
                }
                text.push('\n');
                text.push_str(&question);
                written += 1;
            }
            Err(reason) => {
                item_notes.push(note(NoteKind::Skipped, &item.id, reason));
                left_out += 1;
            }
        }
        notes.append(&mut item_notes);
    }
    GiftExport {
        text,
        notes,
        written,
        left_out,
    }
}

fn note(kind: NoteKind, source: &str, message: String) -> ImportNote {
    ImportNote {
        kind,
        source: source.to_string(),
        message,
    }
}

/// One question, ending with a line end; `Err` says why GIFT cannot hold the item.
fn write_item(item: &Item, notes: &mut Vec<ImportNote>) -> Result<String, String> {
    if item.template.is_some() {
        return Err(
            "a template (its numbers change with each variant): GIFT holds fixed \
                    questions"
                .into(),
        );
    }
    let mut lost = |message: String| notes.push(note(NoteKind::Changed, &item.id, message));
    if !item.hints.is_empty() {
        lost(format!(
            "its {} hint(s) are left out: GIFT has no hints",
            item.hints.len()
        ));
    }
    if item.difficulty.is_some() {
        lost("its difficulty is left out: GIFT has none".into());
    }
    if item.skills.len() > 1 {
        lost(format!(
            "only its first skill is kept as its category; {} left out",
            item.skills[1..].join(", ")
        ));
    }
    let mut question = format!("::{}::[markdown]", escape(&item.id));
    let general_feedback = item
        .solution
        .as_deref()
        .map(|solution| format!("\t####{}\n", markdown(solution)))
        .unwrap_or_default();
    let answers = match &item.kind {
        ItemKind::SingleChoice {
            choices,
            answer,
            shuffle,
        } => {
            if *shuffle {
                lost("shuffle is left out: Moodle's quiz settings decide it".into());
            }
            let mut lines = String::new();
            for (index, choice) in choices.iter().enumerate() {
                let marker = if index == *answer { "=" } else { "~" };
                lines.push_str(&format!(
                    "\t{marker}{}{}\n",
                    markdown(&choice.text),
                    feedback(&choice.feedback)
                ));
            }
            lines
        }
        ItemKind::MultipleResponse {
            choices,
            answers,
            shuffle,
        } => {
            if *shuffle {
                lost("shuffle is left out: Moodle's quiz settings decide it".into());
            }
            lost("Moodle gives partial credit per choice; the widget is right only when exactly the right choices are picked".into());
            let weight = weight_text(100.0 / answers.len().max(1) as f64);
            let mut lines = String::new();
            for (index, choice) in choices.iter().enumerate() {
                let weight = if answers.contains(&index) {
                    weight.as_str()
                } else {
                    "-100"
                };
                lines.push_str(&format!(
                    "\t~%{weight}%{}{}\n",
                    markdown(&choice.text),
                    feedback(&choice.feedback)
                ));
            }
            lines
        }
        ItemKind::Numeric {
            answer,
            tolerance,
            relative_tolerance,
            misconceptions,
            unit,
            convert_units: _,
            form,
        } => {
            if let Some(unit) = unit {
                lost(format!(
                    "its unit {unit} is left out: GIFT numbers have no unit"
                ));
            }
            if let Some(form) = form {
                lost(format!(
                    "the form it asks for ({}) is left out",
                    form.name()
                ));
            }
            let mut tolerance = tolerance.unwrap_or(0.0);
            if let Some(relative) = relative_tolerance {
                let absolute = relative * answer.value.abs();
                lost(format!(
                    "its relative tolerance {relative} is written as the absolute tolerance {}",
                    decimal(absolute)
                ));
                tolerance = tolerance.max(absolute);
            }
            let mut lines = format!(
                "\t={}{}\n",
                number(answer, &mut lost),
                tolerance_text(tolerance)
            );
            for misconception in misconceptions {
                lines.push_str(&format!(
                    "\t=%0%{}{}\n",
                    number(&misconception.answer, &mut lost),
                    feedback(&Some(misconception.feedback.clone()))
                ));
            }
            question.push_str(&markdown(&item.prompt));
            return Ok(format!("{question} {{#\n{lines}{general_feedback}}}\n"));
        }
        ItemKind::ShortText {
            answers,
            case_sensitive,
            ignore_accents,
            pattern,
            misconceptions,
        } => {
            if *case_sensitive {
                lost("case sensitivity is left out: GIFT short answers ignore case".into());
            }
            if !ignore_accents {
                lost("accents count in the widget's item; the GIFT importer ignores them".into());
            }
            let mut lines = String::new();
            for answer in answers {
                lines.push_str(&format!("\t={}\n", escape(answer).replace('*', "\\*")));
            }
            if let Some(pattern) = pattern {
                if pattern.contains('?') {
                    lost(format!(
                        "the pattern {pattern}: `?` is a plain character in Moodle"
                    ));
                }
                lines.push_str(&format!("\t={}\n", escape(pattern)));
            }
            for misconception in misconceptions {
                lines.push_str(&format!(
                    "\t=%0%{}{}\n",
                    escape(&misconception.answer).replace('*', "\\*"),
                    feedback(&Some(misconception.feedback.clone()))
                ));
            }
            lines
        }
        ItemKind::Matching { pairs, distractors } => {
            if let Some(pair) = pairs.iter().find(|pair| pair.left.contains("->")) {
                return Err(format!(
                    "“{}” holds `->`, which GIFT cannot escape",
                    pair.left
                ));
            }
            let mut lines = String::new();
            for pair in pairs {
                lines.push_str(&format!(
                    "\t={} -> {}\n",
                    markdown(&pair.left),
                    markdown(&pair.right)
                ));
            }
            for distractor in distractors {
                lines.push_str(&format!("\t= -> {}\n", markdown(distractor)));
            }
            lines
        }
        ItemKind::FillBlanks { blanks } => {
            return fill_blanks(item, blanks, question, general_feedback, &mut lost);
        }
        ItemKind::MathExpression { .. } => {
            return Err("a math expression judged by value: GIFT short answers compare text".into())
        }
        ItemKind::Ordering { .. } => {
            return Err("an ordering: GIFT has no ordering question".into())
        }
        ItemKind::MultiStep { .. } => {
            return Err("a multi-step item: GIFT questions have one answer block".into())
        }
    };
    // Moodle reads any `->` in an answer block as a matching question: elsewhere it is `-\>`.
    let answers = if matches!(item.kind, ItemKind::Matching { .. }) {
        answers
    } else {
        answers.replace("->", "-\\>")
    };
    question.push_str(&markdown(&item.prompt));
    Ok(format!("{question} {{\n{answers}{general_feedback}}}\n"))
}

/// A one-gap fill-the-gaps item as a missing-word question: the answers stand in the gap.
fn fill_blanks(
    item: &Item,
    blanks: &[Blank],
    mut question: String,
    general_feedback: String,
    lost: &mut dyn FnMut(String),
) -> Result<String, String> {
    let [blank] = blanks else {
        return Err(format!(
            "fill-the-gaps with {} gaps: a GIFT question has one answer block",
            blanks.len()
        ));
    };
    let Some((before, after)) = item.prompt.split_once("[[1]]") else {
        return Err("its prompt has no [[1]]".into());
    };
    if after.trim().is_empty() {
        return Err(
            "its gap ends the prompt: GIFT reads an answer block at the end as the \
                    question's answers, not as a gap"
                .into(),
        );
    }
    let answers = if blank.choices.is_empty() {
        typed_gap_answers(blank, lost)
    } else {
        drop_down_answers(blank, lost)?
    };
    let general_feedback = general_feedback.trim();
    let general_feedback = if general_feedback.is_empty() {
        String::new()
    } else {
        format!(" {general_feedback}")
    };
    question.push_str(&format!(
        "{}{{{answers}{general_feedback}}}{}\n",
        markdown(before),
        markdown(after)
    ));
    Ok(question)
}

/// A drop-down gap as a missing-word multiple choice, its options in their order: `=` the
/// right one, `~` the others. Imported again, it is a single-choice item with the gap as a line:
/// GIFT has no drop-down.
fn drop_down_answers(blank: &Blank, lost: &mut dyn FnMut(String)) -> Result<String, String> {
    let right = crate::export::right_drop_down_options(blank);
    if right.len() != 1 {
        return Err(format!(
            "a drop-down gap with {} right options: a GIFT missing-word choice has one",
            right.len()
        ));
    }
    lost(
        "the drop-down gap is a missing-word multiple choice: imported again, it is a \
         single-choice item with the gap as a line"
            .into(),
    );
    let options: Vec<String> = blank
        .choices
        .iter()
        .enumerate()
        .map(|(index, option)| {
            let marker = if right.contains(&index) { '=' } else { '~' };
            format!("{marker}{}", markdown(option).replace("->", "-\\>"))
        })
        .collect();
    Ok(options.join(" "))
}

/// A typed gap's answers: `#number:tolerance`, or `=answer` for each accepted word.
fn typed_gap_answers(blank: &Blank, lost: &mut dyn FnMut(String)) -> String {
    if blank.case_sensitive {
        lost("case sensitivity is left out: GIFT short answers ignore case".into());
    }
    match &blank.numeric {
        Some(value) => format!(
            "#{}{}",
            number(value, lost),
            tolerance_text(blank.tolerance.unwrap_or(0.0))
        ),
        None => blank
            .answers
            .iter()
            .map(|answer| {
                let answer = escape(answer).replace('*', "\\*");
                format!("={}", answer.replace("->", "-\\>"))
            })
            .collect::<Vec<_>>()
            .join(" "),
    }
}

fn feedback(feedback: &Option<String>) -> String {
    match feedback {
        Some(text) if !text.trim().is_empty() => format!(" #{}", markdown(text)),
        _ => String::new(),
    }
}

/// A number GIFT reads (`0.75`, not `3/4`); a note when the written form changes.
fn number(value: &NumericValue, lost: &mut dyn FnMut(String)) -> String {
    let text = value.text.trim();
    let is_decimal = text
        .parse::<f64>()
        .is_ok_and(|parsed| parsed == value.value);
    if is_decimal {
        return text.to_string();
    }
    let written = decimal(value.value);
    lost(format!(
        "{text} is written {written}: GIFT numbers are decimals"
    ));
    written
}

fn decimal(value: f64) -> String {
    let rounded = (value * 1e9).round() / 1e9;
    format!("{rounded}")
}

fn tolerance_text(tolerance: f64) -> String {
    if tolerance > 0.0 {
        format!(":{}", decimal(tolerance))
    } else {
        String::new()
    }
}

/// A weight in percent with at most five decimals, as Moodle writes them (`33.33333`).
fn weight_text(weight: f64) -> String {
    let rounded = (weight * 1e5).round() / 1e5;
    format!("{rounded}")
}
