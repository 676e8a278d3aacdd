//! Interactions with choices: the choices of a choice, order, match, associate or gap match
//! interaction with their feedback, and matchings and gaps built from pairs.

use adaptive_practice_engine::bank::{Blank, Choice, ItemKind, MatchPair};
use roxmltree::Node;

use super::parts::{join, ChoiceList, Part, PartBuilder};
use super::{attribute, children_named, local_name};
use crate::import::html_markdown::{HtmlElement, HtmlNode, TextShape};
use crate::import::NoteKind;

impl<'a, 'input> PartBuilder<'_, '_, 'a, 'input> {
    /// Choices of an interaction, the indexes of the right ones, and their identifiers.
    pub(super) fn choices(
        &mut self,
        node: Node<'a, 'input>,
        element: &str,
    ) -> Result<ChoiceList, String> {
        let (response, declaration) = self.declaration(node)?;
        let mut right = declaration.right_values();
        if let Some(variable) = self.rules.answer_variables.get(&response) {
            return Err(format!(
                "the right choice comes from the template variable {variable}"
            ));
        }
        if declaration.has_partial_credit() {
            self.reader.note(
                NoteKind::Changed,
                node,
                "partial credit per choice is not kept: the widget judges the whole answer".into(),
            );
        }
        let mut choices = Vec::new();
        let mut identifiers = Vec::new();
        let choice_nodes: Vec<Node<'a, 'input>> = node
            .descendants()
            .filter(|child| child.is_element() && local_name(*child) == element)
            .collect();
        for choice in choice_nodes {
            let identifier = attribute(choice, "identifier")
                .unwrap_or_default()
                .to_string();
            let text = self.reader_content(choice);
            let mut feedback = self.reader.state.choice_feedback.remove(&identifier);
            if feedback.is_none() {
                let from_response = self
                    .reader
                    .state
                    .feedback
                    .iter()
                    .find(|item| {
                        item.identifier == identifier
                            && self.rules.outcomes_from_response.contains(&item.outcome)
                    })
                    .map(|item| item.markdown.clone());
                if from_response.is_some() {
                    self.used_feedback.push(identifier.clone());
                }
                feedback = from_response;
            }
            if feedback.is_none() {
                let rule = self
                    .rules
                    .value_feedback
                    .iter()
                    .find(|(rule_response, value, _)| {
                        *rule_response == response && *value == identifier
                    })
                    .map(|(_, _, feedback)| feedback.clone());
                if let Some(rule) = rule {
                    feedback = self.feedback_text(&rule);
                }
            }
            choices.push(Choice { text, feedback });
            identifiers.push(identifier);
        }
        if choices.is_empty() {
            return Err("the interaction has no choices".into());
        }
        right.dedup();
        let answers: Vec<usize> = right
            .iter()
            .filter_map(|value| {
                identifiers
                    .iter()
                    .position(|identifier| identifier == value)
            })
            .collect();
        if answers.is_empty() {
            return Err(format!(
                "the response {response} names no choice of the interaction"
            ));
        }
        Ok((choices, answers, identifiers))
    }

    pub(super) fn choices_without_answers(
        &mut self,
        node: Node<'a, 'input>,
    ) -> Result<ChoiceList, String> {
        let mut choices = Vec::new();
        let mut identifiers = Vec::new();
        let choice_nodes: Vec<Node<'a, 'input>> = node
            .descendants()
            .filter(|child| {
                child.is_element()
                    && matches!(
                        local_name(*child).as_str(),
                        "simpleChoice" | "simpleAssociableChoice" | "gapText"
                    )
            })
            .collect();
        for choice in choice_nodes {
            identifiers.push(
                attribute(choice, "identifier")
                    .unwrap_or_default()
                    .to_string(),
            );
            let text = self.reader_content(choice);
            choices.push(Choice {
                text,
                feedback: None,
            });
        }
        Ok((choices, Vec::new(), identifiers))
    }

    pub(super) fn matching(&mut self, node: Node<'a, 'input>) -> Result<ItemKind, String> {
        let (response, declaration) = self.declaration(node)?;
        let is_match = local_name(node) == "matchInteraction";
        let (choices, _, identifiers) = self.choices_without_answers(node)?;
        let sets: Vec<Node<'a, 'input>> = children_named(node, "simpleMatchSet").collect();
        let left_ids: Vec<String> = match (is_match, sets.first()) {
            (true, Some(first)) => children_named(*first, "simpleAssociableChoice")
                .filter_map(|choice| attribute(choice, "identifier").map(str::to_string))
                .collect(),
            _ => Vec::new(),
        };
        let text_of = |id: &str| -> Result<String, String> {
            identifiers
                .iter()
                .position(|known| known == id)
                .map(|index| choices[index].text.clone())
                .ok_or_else(|| format!("the pair names an unknown choice {id}"))
        };
        let correct = declaration.right_values();
        if correct.is_empty() {
            return Err(format!("the matching {response} has no correct response"));
        }
        let mut pairs = Vec::new();
        let mut used = Vec::new();
        for value in &correct {
            let mut ends = value.split_whitespace();
            let (Some(left), Some(right)) = (ends.next(), ends.next()) else {
                return Err(format!("the pair {value:?} is not two identifiers"));
            };
            let (left, right) = if is_match && !left_ids.iter().any(|id| id == left) {
                (right, left)
            } else {
                (left, right)
            };
            if pairs
                .iter()
                .any(|pair: &MatchPair| pair.left == text_of(left).unwrap_or_default())
            {
                return Err(format!(
                    "the entry {left} has several right matches; the widget takes one"
                ));
            }
            pairs.push(MatchPair {
                left: text_of(left)?,
                right: text_of(right)?,
            });
            used.extend([left.to_string(), right.to_string()]);
        }
        if is_match {
            if let Some(unmatched) = left_ids.iter().find(|id| !used.contains(id)) {
                return Err(format!("the entry {unmatched} has no right match"));
            }
        } else {
            self.reader.note(
                NoteKind::Changed,
                node,
                "associated pairs become left and right matches".into(),
            );
        }
        let distractors = identifiers
            .iter()
            .zip(&choices)
            .filter(|(id, _)| !used.contains(id) && !left_ids.contains(id))
            .map(|(_, choice)| choice.text.clone())
            .collect();
        Ok(ItemKind::Matching { pairs, distractors })
    }

    pub(super) fn gap_match(&mut self, node: Node<'a, 'input>) -> Result<Part, String> {
        let (response, declaration) = self.declaration(node)?;
        let (choices, _, identifiers) = self.choices_without_answers(node)?;
        let mut content = Vec::new();
        for child in node.children().filter(|child| child.is_element()) {
            if !matches!(local_name(child).as_str(), "prompt" | "gapText" | "gapImg") {
                content.push(HtmlNode::Element(HtmlElement {
                    name: "div".into(),
                    children: self.reader.nodes(child),
                    ..HtmlElement::default()
                }));
            }
        }
        let mut text = self.reader.markdown(&content, TextShape::Block);
        let mut blanks = Vec::new();
        // Every gap offers every word; a picture (`gapImg`) cannot be an option of a drop-down.
        let offered: Vec<String> = if choices.iter().any(|choice| choice.text.contains("![")) {
            Vec::new()
        } else {
            choices.iter().map(|choice| choice.text.clone()).collect()
        };
        let gap_ids: Vec<String> = node
            .descendants()
            .filter(|child| child.is_element() && local_name(*child) == "gap")
            .filter_map(|gap| attribute(gap, "identifier").map(str::to_string))
            .collect();
        let right = declaration.right_values();
        for (number, gap) in gap_ids.iter().enumerate() {
            let word = right
                .iter()
                .find_map(|pair| {
                    let mut ends = pair.split_whitespace();
                    let (word, target) = (ends.next()?, ends.next()?);
                    (target == gap).then(|| word.to_string())
                })
                .ok_or_else(|| format!("the gap {gap} of {response} has no right word"))?;
            let index = identifiers
                .iter()
                .position(|id| *id == word)
                .ok_or_else(|| format!("unknown gap text {word}"))?;
            blanks.push(Blank {
                answers: vec![choices[index].text.clone()],
                choices: offered.clone(),
                ..Blank::default()
            });
            text = text.replace(&format!("⟦GAP:{gap}⟧"), &format!("[[{}]]", number + 1));
        }
        self.reader.note(
            NoteKind::Changed,
            node,
            if offered.is_empty() {
                "pictures dragged into gaps become typed gaps (a drop-down shows text only)"
            } else {
                "words dragged into gaps become drop-downs of the words, each word in every gap"
            }
            .into(),
        );
        let prompt = self.prompt_of(node);
        Ok((join(&[prompt, text]), ItemKind::FillBlanks { blanks }))
    }
}
