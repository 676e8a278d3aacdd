//! A learner's response written as one line of text, for `try-answers` and the judging corpus:
//! typed answers as typed; a choice as its number (1-based) or its text; several choices, an
//! order, blanks or matches separated by `|` (`1|3`, `cat|dog`; a match gives, for each left
//! entry, the number or text of its right entry, rights numbered as in the bank: pairs first,
//! then distractors). A text names an entry as the learner sees it rendered (`½` or `1/2` for
//! `$\frac12$`, `bold` for `**bold**`) or as its Markdown source, spaces aside.

use super::Response;
use crate::bank::{Choice, ItemKind};
use crate::markup::{parse_inline, plain_text_of_inlines};
use crate::text_rules::normalize_text;

/// The response a line stands for. A choice or entry the item does not have becomes an index
/// past the end, which the checks call unreadable ("pick one of the choices").
pub fn response_from_line(kind: &ItemKind, line: &str) -> Response {
    let parts = || -> Vec<&str> {
        if line.trim().is_empty() {
            Vec::new()
        } else {
            line.split('|').map(str::trim).collect()
        }
    };
    match kind {
        ItemKind::SingleChoice { choices, .. } => Response::Choice(choice_index(choices, line)),
        ItemKind::MultipleResponse { choices, .. } => Response::Choices(
            parts()
                .into_iter()
                .map(|part| choice_index(choices, part))
                .collect(),
        ),
        ItemKind::Ordering { items } => Response::Order(
            parts()
                .into_iter()
                .map(|part| position_of(items.iter().map(String::as_str), part))
                .collect(),
        ),
        ItemKind::FillBlanks { .. } => {
            Response::Blanks(line.split('|').map(str::to_string).collect())
        }
        ItemKind::Matching { pairs, distractors } => {
            let rights: Vec<&str> = pairs
                .iter()
                .map(|p| p.right.as_str())
                .chain(distractors.iter().map(String::as_str))
                .collect();
            Response::Matches(
                parts()
                    .into_iter()
                    .map(|part| {
                        (!part.is_empty()).then(|| position_of(rights.iter().copied(), part))
                    })
                    .collect(),
            )
        }
        _ => Response::Text(line.to_string()),
    }
}

fn choice_index(choices: &[Choice], text: &str) -> usize {
    position_of(choices.iter().map(|c| c.text.as_str()), text)
}

/// A 1-based number, or the entry with this text; past the end when neither.
fn position_of<'a>(entries: impl Iterator<Item = &'a str> + Clone, text: &str) -> usize {
    let count = entries.clone().count();
    let text = text.trim();
    if let Ok(number) = text.parse::<usize>() {
        if (1..=count).contains(&number) {
            return number - 1;
        }
    }
    // Spaces and `^` aside (`h = 2A/b` for the typeset `$h=\frac{2A}{b}$`, `n²` for `$n^2$`),
    // as the learner sees it
    // (`½` or `1/2` for `$\frac12$`, `bold` for `**bold**`) or as written.
    // Then, when nothing matches, with parentheses aside too (`2A/b` for `(2A)/b`).
    let squeezed = |text: &str, brackets: bool| -> String {
        let mut text = normalize_text(text, false, false);
        text.retain(|c| !c.is_whitespace() && c != '^' && (brackets || !matches!(c, '(' | ')')));
        text
    };
    for brackets in [true, false] {
        let wanted = squeezed(text, brackets);
        let found = entries.clone().position(|entry| {
            squeezed(&plain_text_of_inlines(&parse_inline(entry)), brackets) == wanted
                || squeezed(entry, brackets) == wanted
        });
        if let Some(index) = found {
            return index;
        }
    }
    count
}
