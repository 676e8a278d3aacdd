//! The answerable parts of a QTI item body: each block interaction, and each group of gaps in
//! running text (text entries, inline choices), with its right answers, tolerance and feedback;
//! match, associate and gap match interactions as matchings and gaps.

use std::collections::BTreeMap;

use adaptive_practice_engine::bank::{
    Blank, Choice, ItemKind, Misconception, NumericValue, TextMisconception,
};
use adaptive_practice_engine::parse_number;
use roxmltree::Node;

use super::item::Reader;
use super::processing::{ProcessingRules, ResponseDeclaration};
use super::{attribute, local_name};
use crate::import::html_markdown::TextShape;
use crate::import::NoteKind;

/// A piece of the body's Markdown: text, the start of a step (`div.ap-step`), an interaction.
#[derive(Debug, PartialEq)]
enum Piece {
    Text(String),
    Step,
    Part(usize),
}

fn pieces(markdown: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    for (index, chunk) in markdown.split("⟦S⟧").enumerate() {
        if index > 0 {
            pieces.push(Piece::Step);
        }
        pieces.extend(part_pieces(chunk));
    }
    pieces
}

fn part_pieces(markdown: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = markdown;
    while let Some(start) = rest.find("⟦P") {
        let after = &rest[start + "⟦P".len()..];
        let Some(end) = after.find('⟧') else { break };
        let Ok(index) = after[..end].parse::<usize>() else {
            break;
        };
        pieces.push(Piece::Text(rest[..start].to_string()));
        pieces.push(Piece::Part(index));
        rest = &after[end + '⟧'.len_utf8()..];
    }
    pieces.push(Piece::Text(rest.to_string()));
    pieces
}

pub(super) struct PartBuilder<'b, 'r, 'a, 'input> {
    pub(super) reader: &'b mut Reader<'r, 'a, 'input>,
    pub(super) declarations: &'b BTreeMap<String, ResponseDeclaration>,
    pub(super) rules: &'b ProcessingRules,
    pub(super) correct_from_template: &'b BTreeMap<String, String>,
    pub(super) used_feedback: Vec<String>,
}

/// Choices, the indexes of the right ones, and their identifiers.
pub(super) type ChoiceList = (Vec<Choice>, Vec<usize>, Vec<String>);

/// (prompt, kind) of one answerable part.
pub(super) type Part = (String, ItemKind);

impl<'a, 'input> PartBuilder<'_, '_, 'a, 'input> {
    /// The item's prompt and its parts.
    pub(super) fn parts(&mut self, markdown: &str) -> Result<(String, Vec<Part>), String> {
        let mut parts: Vec<Part> = Vec::new();
        let mut intro = String::new();
        let mut pending = String::new();
        let mut in_step = false;
        for piece in pieces(markdown) {
            match piece {
                Piece::Text(text) => pending.push_str(&text),
                Piece::Step => {
                    let text = std::mem::take(&mut pending);
                    self.flush_text(text.trim(), &mut parts, &mut intro)?;
                    in_step = true;
                }
                Piece::Part(index) => {
                    let text = std::mem::take(&mut pending);
                    let text = text.trim();
                    let prompt_text = if has_gaps(text) {
                        parts.push(self.gap_part(text)?);
                        String::new()
                    } else {
                        text.to_string()
                    };
                    let node = self.interaction(index)?;
                    let (own_prompt, kind) = self.block_part(node)?;
                    if parts.is_empty() && intro.is_empty() && !in_step {
                        // The text before the first interaction is the item's; the
                        // interaction's own prompt is the first part's.
                        intro = prompt_text;
                        parts.push((own_prompt, kind));
                    } else {
                        parts.push((join(&[prompt_text, own_prompt]), kind));
                    }
                }
            }
        }
        let trailing = std::mem::take(&mut pending);
        self.flush_text(trailing.trim(), &mut parts, &mut intro)?;
        if parts.is_empty() {
            return Err("the item has no interaction: nothing to answer".into());
        }
        if parts.len() > 1 {
            for (number, (prompt, _)) in parts.iter_mut().enumerate() {
                if prompt.trim().is_empty() {
                    *prompt = format!("Part {}.", number + 1);
                }
            }
        } else if let Some((prompt, _)) = parts.first_mut() {
            intro = join(&[intro, std::mem::take(prompt)]);
        }
        Ok((intro, parts))
    }

    /// Text between parts: a part of its own when it has gaps, else the item's introduction
    /// (before any part) or the end of the part before it.
    fn flush_text(
        &mut self,
        text: &str,
        parts: &mut Vec<Part>,
        intro: &mut String,
    ) -> Result<(), String> {
        if has_gaps(text) {
            parts.push(self.gap_part(text)?);
        } else if !text.is_empty() {
            match parts.last_mut() {
                Some((prompt, _)) => *prompt = join(&[prompt.clone(), text.to_string()]),
                None => *intro = join(&[intro.clone(), text.to_string()]),
            }
        }
        Ok(())
    }

    fn interaction(&self, index: usize) -> Result<Node<'a, 'input>, String> {
        self.reader
            .state
            .interactions
            .get(index)
            .copied()
            .ok_or_else(|| {
                format!("the item body refers to an interaction {index} it does not have")
            })
    }

    pub(super) fn declaration(
        &self,
        node: Node<'a, 'input>,
    ) -> Result<(String, ResponseDeclaration), String> {
        let response = attribute(node, "responseIdentifier")
            .ok_or("an interaction without responseIdentifier")?;
        let declaration = self
            .declarations
            .get(response)
            .cloned()
            .ok_or_else(|| format!("the response {response} is not declared"))?;
        Ok((response.to_string(), declaration))
    }

    /// Running text with gaps: a typed item when the gap is alone in its paragraph, else blanks.
    fn gap_part(&mut self, text: &str) -> Result<Part, String> {
        let gaps = gap_indexes(text);
        if let [only] = gaps.as_slice() {
            let marker = format!("⟦G{only}⟧");
            let paragraphs: Vec<&str> = text.split("\n\n").collect();
            if paragraphs
                .iter()
                .any(|paragraph| paragraph.trim() == marker)
            {
                let prompt = paragraphs
                    .iter()
                    .filter(|paragraph| paragraph.trim() != marker)
                    .copied()
                    .collect::<Vec<_>>()
                    .join("\n\n");
                let node = self.interaction(*only)?;
                let kind = self.typed_kind(node)?;
                return Ok((prompt, kind));
            }
            // A typed gap inside a sentence whose wrong answers have feedback: a gap has no
            // feedback, a typed item has, so the gap becomes a line and the field comes below.
            let node = self.interaction(*only)?;
            let kept = match local_name(node).as_str() {
                "textEntryInteraction" if self.has_value_feedback(node) => {
                    Some("the feedback on wrong answers")
                }
                "inlineChoiceInteraction" if self.options_have_feedback(node) => {
                    Some("the feedback on its options")
                }
                _ => None,
            };
            if let Some(kept) = kept {
                self.reader.note(
                    NoteKind::Changed,
                    node,
                    format!(
                        "the gap shares its paragraph with text: it is shown as a line and \
                         answered below, so that {kept} is kept"
                    ),
                );
                let kind = self.typed_kind(node)?;
                return Ok((text.replace(&marker, "\\_\\_\\_\\_\\_"), kind));
            }
        }
        let mut prompt = text.to_string();
        let mut blanks = Vec::new();
        let mut dropped_feedback = Vec::new();
        let mut first_with_feedback = None;
        for (number, index) in gaps.iter().enumerate() {
            prompt = prompt.replace(&format!("⟦G{index}⟧"), &format!("[[{}]]", number + 1));
            let node = self.interaction(*index)?;
            let (blank, options_with_feedback) = self.blank(node)?;
            if !options_with_feedback.is_empty() {
                first_with_feedback.get_or_insert(node);
                let options: Vec<String> = options_with_feedback
                    .iter()
                    .map(|option| format!("“{option}”"))
                    .collect();
                dropped_feedback.push(format!("gap {} {}", number + 1, options.join(", ")));
            }
            blanks.push(blank);
        }
        if let Some(node) = first_with_feedback {
            // Once per item: a drop-down gap has no place for feedback on its options.
            self.reader.note(
                NoteKind::LeftOut,
                node,
                format!(
                    "the feedback on drop-down options is left out (a gap has no feedback): {}",
                    dropped_feedback.join("; ")
                ),
            );
        }
        Ok((prompt, ItemKind::FillBlanks { blanks }))
    }

    /// Whether an inline choice's options have feedback of their own (inside the option, shown
    /// by the option's identifier, or set when the response is that option).
    fn options_have_feedback(&self, node: Node<'a, 'input>) -> bool {
        let response = attribute(node, "responseIdentifier").unwrap_or_default();
        let identifiers: Vec<&str> = node
            .descendants()
            .filter(|child| child.is_element() && local_name(*child) == "inlineChoice")
            .filter_map(|choice| attribute(choice, "identifier"))
            .collect();
        let state = &self.reader.state;
        identifiers.iter().any(|identifier| {
            state.choice_feedback.contains_key(*identifier)
                || state.feedback.iter().any(|feedback| {
                    feedback.identifier == *identifier
                        && self
                            .rules
                            .outcomes_from_response
                            .contains(&feedback.outcome)
                })
                || self
                    .rules
                    .value_feedback
                    .iter()
                    .any(|(rule, value, _)| rule == response && value == identifier)
        })
    }

    pub(super) fn right_values(
        &mut self,
        node: Node<'a, 'input>,
    ) -> Result<(String, ResponseDeclaration, Vec<String>), String> {
        let (response, declaration) = self.declaration(node)?;
        let mut right = declaration.right_values();
        if let Some(expression) = self.correct_from_template.get(&response) {
            right = vec![template_value(expression)];
        } else if let (true, Some(variable)) =
            (right.is_empty(), self.rules.answer_variables.get(&response))
        {
            right = vec![format!("{{{{{variable}}}}}")];
        }
        if right.is_empty() {
            return Err(format!(
                "the response {response} has no correct response or mapping"
            ));
        }
        Ok((response, declaration, right))
    }

    fn typed_kind(&mut self, node: Node<'a, 'input>) -> Result<ItemKind, String> {
        if local_name(node) == "inlineChoiceInteraction" {
            let (choices, answers, _) = self.choices(node, "inlineChoice")?;
            let answer = *answers
                .first()
                .ok_or("the inline choice has no right choice")?;
            return Ok(ItemKind::SingleChoice {
                choices,
                answer,
                shuffle: attribute(node, "shuffle") == Some("true"),
            });
        }
        let (response, declaration, right) = self.right_values(node)?;
        let feedback = self.value_feedback(&response, &right);
        if matches!(declaration.base_type.as_str(), "float" | "integer") {
            let answer = numeric_value(&right[0])?;
            if right.len() > 1 {
                self.reader.note(
                    NoteKind::Changed,
                    node,
                    format!("only the first of the right numbers {right:?} is kept"),
                );
            }
            let (tolerance, relative_tolerance) = self.tolerance(&response);
            let misconceptions = feedback
                .into_iter()
                .filter_map(|(value, text)| {
                    Some(Misconception {
                        answer: numeric_value(&value).ok()?,
                        feedback: text,
                    })
                })
                .collect();
            return Ok(ItemKind::Numeric {
                answer,
                tolerance,
                relative_tolerance,
                misconceptions,
                unit: None,
                convert_units: false,
                form: None,
            });
        }
        let misconceptions: Vec<TextMisconception> = feedback
            .into_iter()
            .map(|(answer, feedback)| TextMisconception { answer, feedback })
            .collect();
        if attribute(node, "class")
            .is_some_and(|class| class.split_whitespace().any(|c| c == "ap-math-expression"))
        {
            return Ok(ItemKind::MathExpression {
                answer: right[0].clone(),
                tolerance: None,
                misconceptions,
                answer_form: None,
                solved_for: None,
                form: None,
            });
        }
        Ok(ItemKind::ShortText {
            answers: right,
            case_sensitive: case_sensitive(&declaration),
            ignore_accents: true,
            pattern: None,
            misconceptions,
        })
    }

    fn tolerance(&self, response: &str) -> (Option<f64>, Option<f64>) {
        match self.rules.tolerances.get(response) {
            Some((mode, tolerance)) if mode == "relative" => (None, Some(tolerance / 100.0)),
            Some((_, tolerance)) => (Some(*tolerance), None),
            None => (None, None),
        }
    }

    /// Feedback for given responses other than the right ones: (response value, text).
    fn value_feedback(&mut self, response: &str, right: &[String]) -> Vec<(String, String)> {
        let mut found = Vec::new();
        for (rule_response, value, identifier) in &self.rules.value_feedback {
            if rule_response != response || right.contains(value) {
                continue;
            }
            if let Some(text) = self.feedback_text(identifier) {
                found.push((value.clone(), text));
            }
        }
        found
    }

    /// Whether wrong answers to this interaction's response have feedback of their own.
    fn has_value_feedback(&self, node: Node<'a, 'input>) -> bool {
        let Some(response) = attribute(node, "responseIdentifier") else {
            return false;
        };
        let right = self
            .declarations
            .get(response)
            .map(|declaration| declaration.right_values())
            .unwrap_or_default();
        let shown = |identifier: &String| {
            self.reader
                .state
                .feedback
                .iter()
                .any(|feedback| feedback.identifier == *identifier && feedback.show)
        };
        self.rules
            .value_feedback
            .iter()
            .any(|(rule, value, identifier)| {
                rule == response && !right.contains(value) && shown(identifier)
            })
    }

    pub(super) fn feedback_text(&mut self, identifier: &str) -> Option<String> {
        let text = self
            .reader
            .state
            .feedback
            .iter()
            .find(|feedback| feedback.identifier == identifier && feedback.show)?
            .markdown
            .clone();
        self.used_feedback.push(identifier.to_string());
        Some(text)
    }

    /// A gap, and the options of a drop-down whose feedback it cannot keep.
    fn blank(&mut self, node: Node<'a, 'input>) -> Result<(Blank, Vec<String>), String> {
        if local_name(node) == "inlineChoiceInteraction" {
            let (choices, answers, _) = self.choices(node, "inlineChoice")?;
            let right: Vec<String> = answers
                .iter()
                .map(|index| choices[*index].text.clone())
                .collect();
            if attribute(node, "shuffle") == Some("true") {
                self.reader.note(
                    NoteKind::Changed,
                    node,
                    "the drop-down's choices are shown in the order written, not shuffled".into(),
                );
            }
            let with_feedback: Vec<String> = choices
                .iter()
                .filter(|choice| choice.feedback.is_some())
                .map(|choice| choice.text.clone())
                .collect();
            let blank = Blank {
                answers: right,
                choices: choices.into_iter().map(|choice| choice.text).collect(),
                ..Blank::default()
            };
            return Ok((blank, with_feedback));
        }
        let (response, declaration, right) = self.right_values(node)?;
        let feedback = self.value_feedback(&response, &right);
        if !feedback.is_empty() {
            let answers: Vec<&str> = feedback.iter().map(|(value, _)| value.as_str()).collect();
            self.reader.note(
                NoteKind::LeftOut,
                node,
                format!(
                    "the feedback on the answer {} is left out: a gap among others has none",
                    answers.join(", ")
                ),
            );
        }
        if matches!(declaration.base_type.as_str(), "float" | "integer") {
            let (tolerance, relative) = self.tolerance(&response);
            if relative.is_some() {
                self.reader.note(
                    NoteKind::Changed,
                    node,
                    "a relative tolerance in a gap is not kept".into(),
                );
            }
            let blank = Blank {
                numeric: Some(numeric_value(&right[0])?),
                tolerance,
                ..Blank::default()
            };
            return Ok((blank, Vec::new()));
        }
        let blank = Blank {
            answers: right,
            case_sensitive: case_sensitive(&declaration),
            ..Blank::default()
        };
        Ok((blank, Vec::new()))
    }

    pub(super) fn reader_content(&mut self, node: Node<'a, 'input>) -> String {
        // A choice's feedback is read by `nodes` into `choice_feedback`; the rest is its text.
        self.reader.content(node, TextShape::Inline)
    }

    pub(super) fn prompt_of(&mut self, node: Node<'a, 'input>) -> String {
        let prompt = node
            .children()
            .find(|child| child.is_element() && local_name(*child) == "prompt");
        match prompt {
            Some(prompt) => self.reader.content(prompt, TextShape::Block),
            None => String::new(),
        }
    }

    /// A shuffled choice interaction with a `fixed` choice, or a choice that names the others
    /// by place, keeps its order: a bank shuffles all choices or none (noted).
    fn shuffle_unless_fixed(&mut self, node: Node<'a, 'input>, choices: &[Choice]) -> bool {
        let fixed = node
            .descendants()
            .filter(|child| child.is_element() && local_name(*child) == "simpleChoice")
            .zip(choices)
            .find(|(choice, _)| attribute(*choice, "fixed") == Some("true"))
            .map(|(_, choice)| choice.text.as_str());
        let message = match fixed {
            Some(choice) => crate::import::kept_order_message(choice, true),
            None => match crate::import::choice_needing_its_place(
                choices.iter().map(|choice| choice.text.as_str()),
            ) {
                Some(choice) => crate::import::kept_order_message(choice, false),
                None => return true,
            },
        };
        self.reader.note(NoteKind::Changed, node, message);
        false
    }

    fn block_part(&mut self, node: Node<'a, 'input>) -> Result<Part, String> {
        let name = local_name(node);
        let prompt = self.prompt_of(node);
        let mut shuffle = attribute(node, "shuffle") == Some("true");
        let kind = match name.as_str() {
            "choiceInteraction" => {
                let (choices, answers, _) = self.choices(node, "simpleChoice")?;
                if shuffle {
                    shuffle = self.shuffle_unless_fixed(node, &choices);
                }
                let (_, declaration) = self.declaration(node)?;
                let max_choices = attribute(node, "maxChoices")
                    .and_then(|max| max.parse::<usize>().ok())
                    .unwrap_or(1);
                if declaration.cardinality == "single" || max_choices == 1 {
                    if answers.len() > 1 {
                        self.reader.note(
                            NoteKind::Changed,
                            node,
                            "a one-choice question with several right choices keeps the first"
                                .into(),
                        );
                    }
                    ItemKind::SingleChoice {
                        choices,
                        answer: answers[0],
                        shuffle,
                    }
                } else {
                    ItemKind::MultipleResponse {
                        choices,
                        answers,
                        shuffle,
                    }
                }
            }
            "orderInteraction" => {
                let (choices, _, identifiers) = self.choices_without_answers(node)?;
                let (response, declaration) = self.declaration(node)?;
                if declaration.correct.is_empty() {
                    return Err(format!("the order {response} has no correct response"));
                }
                let mut items = Vec::new();
                for value in &declaration.correct {
                    let index = identifiers
                        .iter()
                        .position(|id| id == value)
                        .ok_or_else(|| format!("the order names an unknown choice {value}"))?;
                    items.push(choices[index].text.clone());
                }
                if items.len() < choices.len() {
                    self.reader.note(
                        NoteKind::Skipped,
                        node,
                        "choices outside the right order are left out".into(),
                    );
                }
                ItemKind::Ordering { items }
            }
            "matchInteraction" | "associateInteraction" => self.matching(node)?,
            "gapMatchInteraction" => return self.gap_match(node),
            "sliderInteraction" => {
                let (response, _, right) = self.right_values(node)?;
                self.reader.note(
                    NoteKind::Changed,
                    node,
                    "a slider becomes a typed number".into(),
                );
                let (tolerance, relative_tolerance) = self.tolerance(&response);
                ItemKind::Numeric {
                    answer: numeric_value(&right[0])?,
                    tolerance,
                    relative_tolerance,
                    misconceptions: Vec::new(),
                    unit: None,
                    convert_units: false,
                    form: None,
                }
            }
            // Named as the file writes it (`qti-extended-text-interaction` in QTI 3), so that
            // a publisher finds it; an essay says why.
            other => {
                let written = node.tag_name().name();
                let why = if other == "extendedTextInteraction" {
                    " (a written answer is marked by a person; the widget judges answers it can check)"
                } else {
                    ""
                };
                return Err(format!(
                    "the interaction {written} cannot be answered in the widget{why}"
                ));
            }
        };
        Ok((prompt, kind))
    }
}

fn has_gaps(text: &str) -> bool {
    text.contains("⟦G")
}

fn gap_indexes(text: &str) -> Vec<usize> {
    let mut indexes = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("⟦G") {
        let after = &rest[start + "⟦G".len()..];
        let end = after.find('⟧').unwrap_or(after.len());
        if let Ok(index) = after[..end].parse::<usize>() {
            indexes.push(index);
        }
        rest = &after[end..];
    }
    indexes
}

pub(super) fn join(parts: &[String]) -> String {
    parts
        .iter()
        .map(|part| part.trim())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn case_sensitive(declaration: &ResponseDeclaration) -> bool {
    if declaration.mapping.is_empty() {
        return true;
    }
    declaration
        .mapping
        .iter()
        .filter(|(_, value, _)| *value > 0.0)
        .all(|(_, _, case_sensitive)| *case_sensitive)
}

/// `a * b` → `{{a * b}}`.
fn template_value(expression: &str) -> String {
    format!("{{{{{expression}}}}}")
}

fn numeric_value(text: &str) -> Result<NumericValue, String> {
    if text.contains("{{") {
        return Ok(NumericValue {
            value: f64::NAN,
            text: text.to_string(),
        });
    }
    // QTI values are XML Schema numbers; the engine's reading is the fallback.
    let value = text
        .trim()
        .parse::<f64>()
        .ok()
        .or_else(|| parse_number(text))
        .ok_or_else(|| format!("cannot read {text:?} as a number"))?;
    Ok(NumericValue {
        value,
        text: text.to_string(),
    })
}
