//! The bank checker: everything `load_bank` finds, plus the markup of every text (math that does
//! not parse, images without alt text) and media files the bank names but that do not exist.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use adaptive_practice_engine::bank::Template;
use adaptive_practice_engine::markup::{
    check_inline_markup, check_markup, is_allowed_url, parse_markup, Block,
};
use adaptive_practice_engine::template::{draw_values, fill_text};
use adaptive_practice_engine::{load_bank, Diagnostic, Severity};
use serde_json::Value;

use crate::text_fields::{collect_text_fields, TextField, TextShape};

/// The seed of the template variant whose texts are checked (the engine checks the answers of
/// several variants; for markup one is enough, the texts differ only in numbers).
const TEMPLATE_SEED_FOR_TEXTS: u64 = 0;

/// Reads and checks one bank file. Media files are looked for next to it.
pub fn check_bank_file(path: &Path) -> std::io::Result<Vec<Diagnostic>> {
    let text = std::fs::read_to_string(path)?;
    let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(check_bank_text(&text, Some(&folder)))
}

/// Checks a bank's JSON text: `load_bank`'s diagnostics, then markup problems, then missing
/// media files (only when `bank_folder` is given).
pub fn check_bank_text(text: &str, bank_folder: Option<&Path>) -> Vec<Diagnostic> {
    let mut diagnostics = load_bank(text).diagnostics;
    let Ok(root) = serde_json::from_str::<Value>(text) else {
        return diagnostics;
    };
    let fields = collect_text_fields(&root);
    let texts = texts_as_shown(&root, &fields);
    for (field, shown) in fields.iter().zip(&texts) {
        let Some(shown) = shown else { continue };
        let problems = match field.shape {
            TextShape::Block => check_markup(shown),
            TextShape::Inline => check_inline_markup(shown),
        };
        for problem in problems {
            let severity = markup_problem_severity(&problem.message);
            diagnostics.push(Diagnostic {
                severity,
                path: field.path.clone(),
                message: problem.message,
            });
        }
    }
    if let Some(folder) = bank_folder {
        for (field, shown) in fields.iter().zip(&texts) {
            let Some(shown) = shown.as_deref().filter(|_| field.shape == TextShape::Block) else {
                continue;
            };
            for address in local_media_addresses(shown) {
                let file = media_file_path(folder, &address);
                if !file.is_file() {
                    let message =
                        format!("the media file {address:?} does not exist next to the bank");
                    diagnostics.push(Diagnostic {
                        severity: Severity::Warning,
                        path: field.path.clone(),
                        message,
                    });
                }
            }
        }
    }
    diagnostics
}

/// Markup problems are errors (math that does not parse, an image without alt text, …) except a
/// lone `$` before a digit: a dollar amount, which the widget shows as written. The markup
/// checker has no kinds, so this reads its message; `tests.rs` pins the wording.
pub fn markup_problem_severity(message: &str) -> Severity {
    const UNCLOSED_SINGLE_DOLLAR: &str = "`$` starts math that is never closed";
    let dollar_amount = message.starts_with(UNCLOSED_SINGLE_DOLLAR)
        && message
            .rsplit_once(": `$")
            .is_some_and(|(_, after)| after.starts_with(|c: char| c.is_ascii_digit()));
    if dollar_amount {
        Severity::Warning
    } else {
        Severity::Error
    }
}

/// How many errors and warnings there are.
pub fn count_by_severity(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    (errors, diagnostics.len() - errors)
}

/// One line per diagnostic: `FILE: error at PATH: message`.
pub fn diagnostic_lines(file_label: &str, diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|diagnostic| format!("{file_label}: {diagnostic}"))
        .collect()
}

/// The summary line: `N error(s), M warning(s)`.
pub fn summary_line(errors: usize, warnings: usize) -> String {
    format!("{errors} error(s), {warnings} warning(s)")
}

/// Every `![…](address)` image and audio address of a block text that is local: relative to the
/// bank, without a scheme. Query and fragment are dropped.
pub fn local_media_addresses(text: &str) -> Vec<String> {
    let mut addresses = Vec::new();
    collect_media(&parse_markup(text), &mut addresses);
    addresses
        .into_iter()
        .filter(|address| {
            is_allowed_url(address) && !address.starts_with('/') && !has_scheme(address)
        })
        .map(|address| {
            address
                .split(['?', '#'])
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .filter(|address| !address.is_empty())
        .collect()
}

fn collect_media(blocks: &[Block], addresses: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::Image { src, .. } | Block::Audio { src, .. } => addresses.push(src.clone()),
            Block::List { items, .. } => {
                items.iter().for_each(|item| collect_media(item, addresses))
            }
            Block::Quote(inner) => collect_media(inner, addresses),
            _ => {}
        }
    }
}

fn has_scheme(address: &str) -> bool {
    let first_segment_end = address.find(['/', '?', '#']).unwrap_or(address.len());
    address[..first_segment_end].contains(':')
}

fn media_file_path(folder: &Path, address: &str) -> PathBuf {
    address
        .split('/')
        .filter(|part| !part.is_empty() && *part != ".")
        .fold(folder.to_path_buf(), |path, part| path.join(part))
}

/// The texts as a learner sees them: in a template item, `{{…}}` is replaced by the values of
/// one variant. `None` for a template text whose values cannot be drawn (`load_bank` reports
/// why), so that its placeholders are not reported as broken markup.
fn texts_as_shown(root: &Value, fields: &[TextField]) -> Vec<Option<String>> {
    let items = root.get("items").and_then(Value::as_array);
    let mut values_per_item: BTreeMap<usize, Option<BTreeMap<String, f64>>> = BTreeMap::new();
    fields
        .iter()
        .map(|field| {
            if !field.text.contains("{{") {
                return Some(field.text.clone());
            }
            let values = values_per_item
                .entry(field.item_position)
                .or_insert_with(|| {
                    let template = items?.get(field.item_position)?.get("template")?;
                    let template: Template = serde_json::from_value(template.clone()).ok()?;
                    draw_values(&template, TEMPLATE_SEED_FOR_TEXTS).ok()
                });
            match values {
                Some(values) => fill_text(&field.text, values).ok(),
                // Not a template item: the braces are plain text.
                None if item_has_no_template(items, field.item_position) => {
                    Some(field.text.clone())
                }
                None => None,
            }
        })
        .collect()
}

fn item_has_no_template(items: Option<&Vec<Value>>, position: usize) -> bool {
    items
        .and_then(|items| items.get(position))
        .is_some_and(|item| item.get("template").is_none())
}

#[cfg(test)]
mod tests;
