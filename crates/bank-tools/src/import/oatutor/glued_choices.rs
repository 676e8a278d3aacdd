//! Multiple-choice options that are several answers glued together: `$$(4,0)I(0,4)I(2,0)$$` is
//! three points joined by `I` (a stand-in for a `|` list separator), so the item offers one
//! option where the author meant several, and a learner cannot answer it as meant. Which options
//! the author meant cannot be known for sure (which points, whether the right answer is among
//! them), so they are never split. The question's right answer is certain: a question whose
//! answer is math is asked as a typed answer (noted as changed, in `questions`), any other keeps
//! its options as written with a warning naming the points to check.
//!
//! Detected only when it is certain: the whole option (or its only `$$…$$` math) is two or more
//! points `(a,b)` with one and the same separator between them, a separator that has no meaning
//! between points (`I`, `l`, `|`, `\mid`, `\vert`). A list written `(4,0);(0,4)` is a list
//! answer the importer reads, and `(1,2) or (3,4)` is words: neither is glued.

use super::text::strip_math_delimiters;

/// Separators that stand for a list bar between glued answers.
const BAR_LOOKALIKES: &[&str] = &["I", "l", "|", "\\mid", "\\vert", "\\|"];

/// The points an option glues together and the separator between them, when it is such an
/// option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct GluedAnswers {
    pub separator: String,
    pub parts: Vec<String>,
}

/// The answers an option glues together, or `None` for an ordinary option.
pub(super) fn glued_answers(option: &str) -> Option<GluedAnswers> {
    let text = strip_math_delimiters(option);
    if text.contains("$$") {
        return None;
    }
    let mut parts = Vec::new();
    let mut separators: Vec<&str> = Vec::new();
    let mut rest = text.as_str();
    loop {
        let (point, after) = leading_point(rest)?;
        parts.push(point.to_string());
        if after.trim().is_empty() {
            break;
        }
        let next = after.find('(')?;
        separators.push(after[..next].trim());
        rest = &after[next..];
    }
    let separator = *separators.first()?;
    let same_separator = separators.iter().all(|other| *other == separator);
    (same_separator && BAR_LOOKALIKES.contains(&separator)).then(|| GluedAnswers {
        separator: separator.to_string(),
        parts,
    })
}

/// A point `(a,b)` at the start of `text` (after spaces), and what follows it.
fn leading_point(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    if !text.starts_with('(') {
        return None;
    }
    let mut depth = 0usize;
    let mut has_comma = false;
    for (at, character) in text.char_indices() {
        match character {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    let point = &text[..=at];
                    return has_comma.then_some((point, &text[at + 1..]));
                }
            }
            ',' if depth == 1 => has_comma = true,
            _ => {}
        }
    }
    None
}

/// What is wrong with a question's glued options (1-based numbers), or `None` when it has none:
/// `option 2 is the points (4,0), (0,4) joined by “I”`.
pub(super) fn glued_options(options: &[String]) -> Option<String> {
    let described: Vec<String> = options
        .iter()
        .enumerate()
        .filter_map(|(index, option)| {
            let glued = glued_answers(option)?;
            Some(format!(
                "option {} is the points {} joined by “{}”",
                index + 1,
                glued.parts.join(", "),
                glued.separator
            ))
        })
        .collect();
    (!described.is_empty()).then(|| described.join("; "))
}
