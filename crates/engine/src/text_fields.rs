//! Every text a learner sees in a bank, with its JSON path, read from the bank's raw JSON.
//!
//! The walk follows the bank format (`crates/engine/src/bank.rs`) on the raw JSON rather than on
//! the typed `Bank`, so texts are found even in a bank that has errors elsewhere, and the paths
//! use the positions in the file, as `load_bank` does: `$.items[3] ("add-1").hints[1]`.

use crate::json::Json;
use crate::json::{path_index, path_then};

/// How a text is rendered, and so how its markup is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextShape {
    /// Paragraphs, lists, display math, images and audio (prompts, hints, feedback, solutions).
    Block,
    /// One line of inline markup (choices, entries of ordering and matching items).
    Inline,
}

/// One text field of a bank.
#[derive(Debug, Clone, PartialEq)]
pub struct TextField {
    pub path: String,
    pub text: String,
    pub shape: TextShape,
    /// The position in the file's `items` list of the item this text belongs to.
    pub item_position: usize,
}

/// Every text field of every item of a bank, in file order. Anything that is not shaped like
/// the format expects (a prompt that is a number, a hint list that is an object) is skipped:
/// `load_bank` reports it.
pub fn collect_text_fields(root: &Json) -> Vec<TextField> {
    let mut fields = Vec::new();
    let Some(items) = root.get("items").and_then(Json::as_array) else {
        return fields;
    };
    for (position, item) in items.iter().enumerate() {
        let object @ Json::Object(_) = item else {
            continue;
        };
        let path = match object.get("id").and_then(Json::as_str) {
            Some(id) => format!("$.items[{position}] (\"{id}\")"),
            None => format!("$.items[{position}]"),
        };
        let mut collector = Collector {
            fields: &mut fields,
            item_position: position,
        };
        collector.answerable(object, &path);
    }
    fields
}

struct Collector<'fields> {
    fields: &'fields mut Vec<TextField>,
    item_position: usize,
}

impl Collector<'_> {
    fn push(&mut self, path: String, value: Option<&Json>, shape: TextShape) {
        if let Some(Json::String(text)) = value {
            self.fields.push(TextField {
                path,
                text: text.clone(),
                shape,
                item_position: self.item_position,
            });
        }
    }

    /// An item, a step of a multi-step item, or a scaffold question.
    fn answerable(&mut self, object: &Json, path: &str) {
        self.push(
            path_then(path, ".prompt"),
            object.get("prompt"),
            TextShape::Block,
        );
        self.choices(object, path);
        self.misconceptions(object, path);
        self.entries_of_ordering_and_matching(object, path);
        self.hints(object.get("hints"), path);
        self.push(
            path_then(path, ".solution"),
            object.get("solution"),
            TextShape::Block,
        );
        if let Some(steps) = object.get("steps").and_then(Json::as_array) {
            for (s, step) in steps.iter().enumerate() {
                if let step @ Json::Object(_) = step {
                    self.answerable(step, &path_index(path, ".steps", s));
                }
            }
        }
    }

    fn choices(&mut self, object: &Json, path: &str) {
        let Some(choices) = object.get("choices").and_then(Json::as_array) else {
            return;
        };
        for (c, choice) in choices.iter().enumerate() {
            let choice_path = path_index(path, ".choices", c);
            self.push(
                path_then(&choice_path, ".text"),
                choice.get("text"),
                TextShape::Inline,
            );
            self.push(
                path_then(&choice_path, ".feedback"),
                choice.get("feedback"),
                TextShape::Block,
            );
        }
    }

    fn misconceptions(&mut self, object: &Json, path: &str) {
        let Some(misconceptions) = object.get("misconceptions").and_then(Json::as_array) else {
            return;
        };
        for (m, misconception) in misconceptions.iter().enumerate() {
            self.push(
                path_then(&path_index(path, ".misconceptions", m), ".feedback"),
                misconception.get("feedback"),
                TextShape::Block,
            );
        }
    }

    /// `items` of an ordering item; `pairs` and `distractors` of a matching item.
    fn entries_of_ordering_and_matching(&mut self, object: &Json, path: &str) {
        let kind = object.get("type").and_then(Json::as_str);
        if kind == Some("ordering") {
            // Slices, not an `Option` flattened (its adapters compiled on their own).
            for (e, entry) in object
                .get("items")
                .and_then(Json::as_array)
                .unwrap_or(&[])
                .iter()
                .enumerate()
            {
                self.push(
                    path_index(path, ".items", e),
                    Some(entry),
                    TextShape::Inline,
                );
            }
        }
        if kind == Some("matching") {
            for (p, pair) in object
                .get("pairs")
                .and_then(Json::as_array)
                .unwrap_or(&[])
                .iter()
                .enumerate()
            {
                self.push(
                    path_then(&path_index(path, ".pairs", p), ".left"),
                    pair.get("left"),
                    TextShape::Inline,
                );
                self.push(
                    path_then(&path_index(path, ".pairs", p), ".right"),
                    pair.get("right"),
                    TextShape::Inline,
                );
            }
            for (d, distractor) in object
                .get("distractors")
                .and_then(Json::as_array)
                .unwrap_or(&[])
                .iter()
                .enumerate()
            {
                self.push(
                    path_index(path, ".distractors", d),
                    Some(distractor),
                    TextShape::Inline,
                );
            }
        }
    }

    /// A hint is a string, or an object with a `text` and maybe a `scaffold` question.
    fn hints(&mut self, hints: Option<&Json>, path: &str) {
        let Some(hints) = hints.and_then(Json::as_array) else {
            return;
        };
        for (h, hint) in hints.iter().enumerate() {
            let hint_path = path_index(path, ".hints", h);
            match hint {
                Json::String(_) => self.push(hint_path, Some(hint), TextShape::Block),
                object @ Json::Object(_) => {
                    self.push(
                        path_then(&hint_path, ".text"),
                        object.get("text"),
                        TextShape::Block,
                    );
                    if let Some(scaffold @ Json::Object(_)) = object.get("scaffold") {
                        self.answerable(scaffold, &path_then(&hint_path, ".scaffold"));
                    }
                }
                _ => {}
            }
        }
    }
}
