//! The checks of every text a learner sees, as shown (a template's values filled in): markup that
//! does not render (math that does not parse, an image without alt text) is an error, media on
//! another site a warning. Part of `load_bank`, so the widget refuses what the checker refuses.

use crate::bank_read::read_template;
use crate::find_text::{has_text, split_at_text};
use crate::json::Json;

use super::{warning_at, Code, CodedDiagnostic, Problem, Severity};
use crate::markup::{check_block_markup, check_inline_markup};
use crate::sorted_map::SortedMap;
use crate::template::{draw_values, fill_text};
use crate::text_fields::{collect_text_fields, TextField, TextShape};

/// The seed of the template variant whose texts are checked (`load_bank` checks the answers of
/// several variants; for markup one is enough, the texts differ only in numbers).
const TEMPLATE_SEED_FOR_TEXTS: u64 = 0;

/// Every text of the bank's raw JSON checked, in file order.
pub(super) fn check_texts(root: &Json, diagnostics: &mut Vec<CodedDiagnostic>) {
    let fields = collect_text_fields(root);
    let texts = texts_as_shown(root, &fields);
    for (field, shown) in fields.iter().zip(&texts) {
        let Some(shown) = shown else { continue };
        let (problems, media) = match field.shape {
            TextShape::Block => {
                let check = check_block_markup(shown);
                (check.problems, check.media)
            }
            TextShape::Inline => (check_inline_markup(shown), Vec::new()),
        };
        for problem in problems {
            diagnostics.push(CodedDiagnostic {
                severity: markup_problem_severity(&problem.message),
                path: field.path.clone(),
                problem: Problem::new(Code::MarkupProblem).with("detail", problem.message),
            });
        }
        for address in media {
            if !is_remote(&address) {
                continue;
            }
            diagnostics.push(warning_at(
                field.path.clone(),
                Problem::new(Code::RemoteMedia).with("address", address),
            ));
        }
    }
}

/// Markup problems are errors (math that does not parse, an image without alt text, …) except a
/// lone `$` before a digit: a dollar amount, which the widget shows as written. The markup
/// checker has no kinds, so this reads its message; the bank checker's tests pin the wording.
pub fn markup_problem_severity(message: &str) -> Severity {
    const UNCLOSED_SINGLE_DOLLAR: &str = "`$` starts math that is never closed";
    // What follows the last ": `$" (the quoted source).
    let mut after_last = None;
    let mut rest = message;
    while let Some((_, after)) = split_at_text(rest, ": `$") {
        after_last = Some(after);
        rest = after;
    }
    let dollar_amount = message.starts_with(UNCLOSED_SINGLE_DOLLAR)
        && after_last.is_some_and(|after| after.starts_with(|c: char| c.is_ascii_digit()));
    if dollar_amount {
        Severity::Warning
    } else {
        Severity::Error
    }
}

/// The address of every image and audio of a block text, as written.
pub fn media_addresses(text: &str) -> Vec<String> {
    check_block_markup(text).media
}

/// Whether a media address names another site rather than a file beside the bank: it has a
/// scheme (`https:`) or starts with `//`.
pub fn is_remote(address: &str) -> bool {
    address.starts_with("//") || has_scheme(address)
}

/// Whether the address starts with a scheme (`https:`, `data:`): a `:` before any `/?#`.
pub fn has_scheme(address: &str) -> bool {
    let first_segment_end = address.find(['/', '?', '#']).unwrap_or(address.len());
    has_text(&address[..first_segment_end], ":")
}

/// The texts as a learner sees them: in a template item, `{{…}}` is replaced by the values of
/// one variant. `None` for a template text whose values cannot be drawn (`load_bank` reports
/// why), so that its placeholders are not reported as broken markup.
pub fn texts_as_shown(root: &Json, fields: &[TextField]) -> Vec<Option<String>> {
    let items = root.get("items").and_then(Json::as_array);
    // The values of the last item drawn: the fields come item by item, in file order.
    let mut values_of_item: Option<(usize, Option<SortedMap<f64>>)> = None;
    // A loop, not `map` and `collect`: each such chain is compiled on its own.
    let mut shown = Vec::with_capacity(fields.len());
    for field in fields {
        if !has_text(&field.text, "{{") {
            shown.push(Some(field.text.clone()));
            continue;
        }
        shown.push({
            let values = match &values_of_item {
                Some((position, values)) if *position == field.item_position => values,
                _ => {
                    let values = (|| {
                        let template = items?.get(field.item_position)?.get("template")?;
                        let template = read_template(template).ok()?;
                        draw_values(&template, TEMPLATE_SEED_FOR_TEXTS).ok()
                    })();
                    &values_of_item.insert((field.item_position, values)).1
                }
            };
            match values {
                Some(values) => fill_text(&field.text, values).ok(),
                // Not a template item: the braces are plain text.
                None if item_has_no_template(items, field.item_position) => {
                    Some(field.text.clone())
                }
                None => None,
            }
        });
    }
    shown
}

fn item_has_no_template(items: Option<&[Json]>, position: usize) -> bool {
    items
        .and_then(|items| items.get(position))
        .is_some_and(|item| item.get("template").is_none())
}
