//! OATutor questions (steps and scaffolds) to answerable kinds, and default pathways to hints:
//! MultipleChoice → singleChoice (or a typed item when the answer is math, with `typed_answers`
//! or when an option glues several points together, see `glued_choices`), TextBox arithmetic → mathExpression (a list, point or equation with its `answerForm` or
//! `solvedFor`; a word answer such as `NA` → shortText), TextBox string → shortText; hints in dependency order; scaffolds as hints with a `scaffold` step.

use adaptive_practice_engine::answer::is_word_answer;
use adaptive_practice_engine::bank::{Choice, Hint, ItemKind, Step};
use adaptive_practice_engine::equations::solved_variable;
use adaptive_practice_engine::expression::{parse_expression, same_value, NameStyle};
use adaptive_practice_engine::lists::{read_shapes, AnswerForm, Shape};
use adaptive_practice_engine::{check_response, Response};

use super::glued_choices::glued_options;
use super::source::TutoringEntry;
use super::text::{strip_math_delimiters, TextShape};
use super::ProblemContext;
use crate::import::NoteKind;

/// What a question asks, as OATutor writes it (a step, or a scaffold of a pathway).
pub(super) struct Question<'a> {
    pub source_id: &'a str,
    pub problem_type: &'a str,
    pub answer_type: Option<&'a str>,
    pub answers: &'a [String],
    pub choices: Option<&'a [String]>,
}

/// The answerable kind of a question, or why it cannot be converted.
pub(super) fn convert_question(
    context: &mut ProblemContext<'_>,
    question: &Question<'_>,
) -> Result<ItemKind, String> {
    let Some(first_answer) = question.answers.first() else {
        return Err("it has no answer".into());
    };
    let kind = match (question.problem_type, question.answer_type) {
        ("MultipleChoice", _) if context.typed_answers && is_only_math(first_answer) => {
            match typed_math_kind(&strip_math_delimiters(first_answer)) {
                Ok(kind) => {
                    let message = "a multiple-choice question with a math answer is asked as a typed answer (--typed-answers)";
                    context.note(NoteKind::Changed, question.source_id, message.into());
                    kind
                }
                Err(_) => single_choice(context, question, first_answer)?,
            }
        }
        ("MultipleChoice", _) if is_only_math(first_answer) && has_glued_options(question) => {
            match typed_math_kind(&strip_math_delimiters(first_answer)) {
                Ok(kind) => {
                    let glued = glued_options(question.choices.unwrap_or_default());
                    let message = format!(
                        "{}, which a learner cannot pick as meant: asked as a typed answer \
                         instead (the right answer {} is typed); check item {} in the source \
                         (separate options?)",
                        glued.unwrap_or_default(),
                        strip_math_delimiters(first_answer),
                        context.problem_id
                    );
                    context.note(NoteKind::Changed, question.source_id, message);
                    kind
                }
                Err(_) => single_choice(context, question, first_answer)?,
            }
        }
        ("MultipleChoice", _) => single_choice(context, question, first_answer)?,
        ("TextBox", Some("arithmetic")) => {
            let latex = strip_math_delimiters(first_answer);
            typed_math_kind(&latex).map_err(|problem| {
                format!("its answer {first_answer:?} cannot be computed: {problem}")
            })?
        }
        ("TextBox", Some("string")) => ItemKind::ShortText {
            answers: question
                .answers
                .iter()
                .map(|answer| strip_math_delimiters(answer))
                .collect(),
            case_sensitive: false,
            ignore_accents: true,
            pattern: None,
            misconceptions: Vec::new(),
        },
        ("TextBox", other) => return Err(format!("the answer type {other:?} has no equivalent")),
        (other, _) => return Err(format!("the problem type {other:?} has no equivalent")),
    };
    let many_answers = question.answers.len() > 1 && !matches!(kind, ItemKind::ShortText { .. });
    if many_answers {
        let message = format!(
            "only the first of its {} answers is kept",
            question.answers.len()
        );
        context.note(NoteKind::Changed, question.source_id, message);
    }
    match stated_answer(&kind) {
        Some(response) if check_response(&kind, &response).is_ok_and(|outcome| outcome.correct) => {
            Ok(kind)
        }
        _ => Err(format!(
            "its answer {first_answer:?} is not judged correct once converted"
        )),
    }
}

/// A multiple-choice question as a single-choice item.
fn single_choice(
    context: &mut ProblemContext<'_>,
    question: &Question<'_>,
    first_answer: &str,
) -> Result<ItemKind, String> {
    let choices = question.choices.unwrap_or_default();
    if choices.len() < 2 {
        return Err(format!(
            "a multiple-choice question needs two choices, it has {}",
            choices.len()
        ));
    }
    let Some(answer) = choice_index(choices, first_answer) else {
        return Err(format!(
            "its answer {first_answer:?} is none of its choices"
        ));
    };
    if let Some(glued) = glued_options(choices) {
        let warning = format!(
            "{glued}; kept as one option, which a learner cannot pick as meant: check item {} in \
             the source (separate options?)",
            context.problem_id
        );
        context.note(NoteKind::Warning, question.source_id, warning);
    }
    let choices = choices
        .iter()
        .map(|choice| Choice {
            text: context.text(choice, TextShape::Inline, question.source_id),
            feedback: None,
        })
        .collect();
    Ok(ItemKind::SingleChoice {
        choices,
        answer,
        shuffle: false,
    })
}

/// Whether some option of a multiple-choice question glues several points together.
fn has_glued_options(question: &Question<'_>) -> bool {
    question
        .choices
        .is_some_and(|options| glued_options(options).is_some())
}

/// Whether an answer is math only (`$$…$$`), not text around math.
fn is_only_math(answer: &str) -> bool {
    let trimmed = answer.trim();
    trimmed.len() > 4
        && trimmed.starts_with("$$")
        && trimmed.ends_with("$$")
        && !trimmed[2..trimmed.len() - 2].contains("$$")
}

/// The typed item for a math answer: a word (`NA`) is a short-text item, never algebra; a list
/// (`-9;(0,7)`) or a point (`(4,0)`) a math item with that `answerForm`; an equation solved for a
/// variable (`h=\frac{2A}{b}`) a math item with `solvedFor`; anything else a math expression.
fn typed_math_kind(latex: &str) -> Result<ItemKind, String> {
    let typed = typed_answer(latex);
    if is_word_answer(&typed) {
        return Ok(ItemKind::ShortText {
            answers: vec![typed],
            case_sensitive: false,
            ignore_accents: true,
            pattern: None,
            misconceptions: Vec::new(),
        });
    }
    let math = |answer: String, answer_form, solved_for| ItemKind::MathExpression {
        answer,
        tolerance: None,
        misconceptions: Vec::new(),
        answer_form,
        solved_for,
        form: None,
    };
    let elements = |form| read_shapes(&typed, form, false).map_err(|problem| problem.to_string());
    if typed.contains(';') {
        elements(AnswerForm::List)?;
        return Ok(math(typed, Some(AnswerForm::List), None));
    }
    if typed.starts_with('(') && typed.ends_with(')') && typed.contains(',') {
        if let Ok([Shape::Tuple(_)]) = read_shapes(&typed, AnswerForm::List, false).as_deref() {
            return Ok(math(typed, Some(AnswerForm::Tuple), None));
        }
    }
    let expression =
        parse_expression(&typed, NameStyle::SingleLetters).map_err(|problem| problem.message)?;
    let solved_for = solved_variable(&expression);
    Ok(math(typed, None, solved_for))
}

/// The response that gives a kind's own correct answer.
pub fn stated_answer(kind: &ItemKind) -> Option<Response> {
    match kind {
        ItemKind::SingleChoice { answer, .. } => Some(Response::Choice(*answer)),
        ItemKind::MathExpression { answer, .. } => Some(Response::Text(answer.clone())),
        ItemKind::ShortText { answers, .. } => {
            answers.first().map(|answer| Response::Text(answer.clone()))
        }
        _ => None,
    }
}

/// The pathway's hints and scaffolds, in an order that respects their dependencies.
pub(super) fn convert_pathway(
    context: &mut ProblemContext<'_>,
    entries: &[TutoringEntry],
) -> Vec<Hint> {
    order_by_dependencies(context, entries)
        .into_iter()
        .filter_map(|entry| convert_entry(context, entry))
        .collect()
}

fn convert_entry(context: &mut ProblemContext<'_>, entry: &TutoringEntry) -> Option<Hint> {
    if entry
        .variabilization
        .as_object()
        .is_some_and(|variables| !variables.is_empty())
    {
        context.note(
            NoteKind::Skipped,
            &entry.id,
            "variabilized hints are not converted".into(),
        );
        return None;
    }
    let title = context.text(&entry.title, TextShape::Inline, &entry.id);
    let title = if title.trim().is_empty() {
        String::new()
    } else {
        format!("**{}**", title.trim())
    };
    let text = context.text(&entry.text, TextShape::Block, &entry.id);
    match entry.entry_type.as_str() {
        "hint" => {
            if !entry.sub_hints.is_empty() {
                let message = format!(
                    "its {} sub-hints are dropped: a hint cannot hold hints",
                    entry.sub_hints.len()
                );
                context.note(NoteKind::Changed, &entry.id, message);
            }
            let joined = [title, text]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join("\n\n");
            if joined.is_empty() {
                context.note(NoteKind::Skipped, &entry.id, "the hint has no text".into());
                return None;
            }
            Some(Hint {
                text: joined,
                scaffold: None,
            })
        }
        "scaffold" => {
            let question = Question {
                source_id: &entry.id,
                problem_type: entry.problem_type.as_deref().unwrap_or("TextBox"),
                answer_type: entry.answer_type.as_deref(),
                answers: &entry.hint_answer,
                choices: entry.choices.as_deref(),
            };
            match convert_question(context, &question) {
                Ok(kind) => {
                    let hints = convert_pathway(context, &entry.sub_hints);
                    let prompt = if text.is_empty() { title.clone() } else { text };
                    let step = Step {
                        id: Some(entry.id.clone()),
                        prompt,
                        skills: Vec::new(),
                        hints,
                        solution: None,
                        kind,
                    };
                    Some(Hint {
                        text: title,
                        scaffold: Some(Box::new(step)),
                    })
                }
                Err(reason) => {
                    let message = format!("the scaffold is kept as a plain hint: {reason}");
                    context.note(NoteKind::Changed, &entry.id, message);
                    let joined = [title, text]
                        .into_iter()
                        .filter(|part| !part.is_empty())
                        .collect::<Vec<_>>();
                    (!joined.is_empty()).then(|| Hint {
                        text: joined.join("\n\n"),
                        scaffold: None,
                    })
                }
            }
        }
        other => {
            context.note(
                NoteKind::Skipped,
                &entry.id,
                format!("the pathway entry type {other:?} has no equivalent"),
            );
            None
        }
    }
}

/// File order, except that an entry waits for the entries it depends on. Unknown dependencies
/// are ignored; a cycle is broken in file order. Both are noted.
fn order_by_dependencies<'e>(
    context: &mut ProblemContext<'_>,
    entries: &'e [TutoringEntry],
) -> Vec<&'e TutoringEntry> {
    let known = |id: &String| entries.iter().any(|entry| &entry.id == id);
    for entry in entries {
        for dependency in entry
            .dependencies
            .iter()
            .filter(|dependency| !known(dependency))
        {
            context.note(
                NoteKind::Changed,
                &entry.id,
                format!("its dependency {dependency:?} is not in the pathway; ignored"),
            );
        }
    }
    let mut ordered: Vec<&TutoringEntry> = Vec::with_capacity(entries.len());
    let mut remaining: Vec<&TutoringEntry> = entries.iter().collect();
    while !remaining.is_empty() {
        let placed = |id: &String| !known(id) || ordered.iter().any(|entry| &entry.id == id);
        let next = remaining
            .iter()
            .position(|entry| entry.dependencies.iter().all(placed));
        let index = next.unwrap_or_else(|| {
            let cycle: Vec<&str> = remaining.iter().map(|entry| entry.id.as_str()).collect();
            context.note(
                NoteKind::Changed,
                &cycle.join(", "),
                "these hints depend on each other; kept in file order".into(),
            );
            0
        });
        if next.is_none() {
            ordered.append(&mut remaining);
        } else {
            ordered.push(remaining.remove(index));
        }
    }
    ordered
}

/// The position of the answer among the choices: the same text, or the same once math
/// delimiters and spaces are set aside.
fn choice_index(choices: &[String], answer: &str) -> Option<usize> {
    let loose = |text: &str| {
        strip_math_delimiters(text)
            .split_whitespace()
            .collect::<String>()
    };
    choices
        .iter()
        .position(|choice| choice == answer)
        .or_else(|| {
            choices
                .iter()
                .position(|choice| loose(choice) == loose(answer))
        })
}

/// The answer as a learner would type it (`-3/4` for `\frac{-3}{4}`), because it is shown as the
/// correct answer in plain text. Kept as LaTeX when the typed form would not have the same value.
pub(super) fn typed_answer(latex: &str) -> String {
    let Some(typed) = latex_to_typed(latex) else {
        return latex.to_string();
    };
    let same = match (
        parse_expression(latex, NameStyle::SingleLetters),
        parse_expression(&typed, NameStyle::SingleLetters),
    ) {
        (Ok(original), Ok(converted)) => same_value(&original, &converted, 1e-9, false),
        _ => false,
    };
    if same {
        typed
    } else {
        latex.to_string()
    }
}

/// `\frac{a}{b}` → `a/b` (parenthesized when needed), `\left(`/`\right)` → `(`/`)`, `\times` and
/// `\cdot` → `*`, `\div` → `/`, `\pi` → `π`, `\sqrt{x}` → `√(x)`, `x^{2}` → `x^(2)`, `\le` → `≤`
/// (and the other comparisons), `\infty` → `∞`, `\%` → `%`, spacing commands dropped. `None`
/// for any other command.
fn latex_to_typed(latex: &str) -> Option<String> {
    let characters: Vec<char> = latex.chars().collect();
    let (typed, end) = typed_until(&characters, 0, None)?;
    (end == characters.len()).then_some(typed)
}

/// Converts from `start` until `closing` (not consumed) or the end; returns the text and where
/// it stopped.
fn typed_until(
    characters: &[char],
    start: usize,
    closing: Option<char>,
) -> Option<(String, usize)> {
    let mut typed = String::new();
    let mut position = start;
    while let Some(&character) = characters.get(position) {
        if Some(character) == closing {
            return Some((typed, position));
        }
        if character == '^' && characters.get(position + 1) == Some(&'{') {
            let (exponent, after) = braced(characters, position + 1)?;
            typed.push_str(&format!("^({exponent})"));
            position = after;
            continue;
        }
        if character == '{' {
            let (inner, after) = braced(characters, position)?;
            typed.push_str(&format!("({inner})"));
            position = after;
            continue;
        }
        if character != '\\' {
            typed.push(character);
            position += 1;
            continue;
        }
        let name: String = characters[position + 1..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        position += 1 + name.chars().count();
        match name.as_str() {
            "frac" | "dfrac" => {
                let (numerator, after_numerator) = braced(characters, position)?;
                let (denominator, after_denominator) = braced(characters, after_numerator)?;
                typed.push_str(&format!(
                    "{}/{}",
                    grouped(&numerator, true),
                    grouped(&denominator, false)
                ));
                position = after_denominator;
            }
            "sqrt" => {
                let (radicand, after) = braced(characters, position)?;
                typed.push_str(&format!("√({radicand})"));
                position = after;
            }
            "" => {
                // `\%`, `\$` stand for the sign; `\,`, `\;`, `\!` and `\ ` are spacing.
                match characters.get(position) {
                    Some(&sign @ ('%' | '$')) => typed.push(sign),
                    Some(',' | ';' | '!' | ' ') => {}
                    _ => return None,
                }
                position += 1;
            }
            "left" | "right" | "quad" | "qquad" => {}
            "times" | "cdot" => typed.push('*'),
            "div" => typed.push('/'),
            "pi" => typed.push('π'),
            "le" | "leq" => typed.push('≤'),
            "ge" | "geq" => typed.push('≥'),
            "ne" | "neq" => typed.push('≠'),
            "lt" => typed.push('<'),
            "gt" => typed.push('>'),
            "infty" => typed.push('∞'),
            _ => return None,
        }
    }
    closing.is_none().then_some((typed, position))
}

/// The converted content of `{…}` at `position`, and the position after its `}`.
fn braced(characters: &[char], position: usize) -> Option<(String, usize)> {
    let mut position = position;
    while characters.get(position).is_some_and(|c| c.is_whitespace()) {
        position += 1;
    }
    if characters.get(position) != Some(&'{') {
        return None;
    }
    let (inner, end) = typed_until(characters, position + 1, Some('}'))?;
    Some((inner, end + 1))
}

/// A part of a fraction, in parentheses unless it is a number or a single letter; a numerator may
/// also be a product such as `5x` and keep a leading minus sign (`-5x/40`).
fn grouped(part: &str, is_numerator: bool) -> String {
    let part = part.trim();
    let body = if is_numerator {
        part.strip_prefix('-').unwrap_or(part)
    } else {
        part
    };
    let is_number = !body.is_empty() && body.chars().all(|c| c.is_ascii_digit() || c == '.');
    let is_letter = body.chars().count() == 1 && body.chars().all(char::is_alphabetic);
    let is_product = is_numerator
        && !body.is_empty()
        && body.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
    if is_number || is_letter || is_product {
        part.to_string()
    } else {
        format!("({part})")
    }
}
