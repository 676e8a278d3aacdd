//! The gaps of a fill-the-gaps item in QTI 3.0: a typed gap is a text entry inside the running
//! text, a drop-down gap an inline choice interaction with its options in their order (not
//! shuffled), the options the gap judges right mapped to 1.

use adaptive_practice_engine::bank::Blank;

use super::markup::{blocks_xhtml, inline_xhtml, TemplateNames};
use crate::export::right_drop_down_options;

/// A drop-down gap: its response declaration and its interaction.
pub(super) struct DropDown {
    pub declaration: String,
    pub interaction: String,
}

/// The inline choice interaction of gap number `gap`, answered in `response`.
pub(super) fn drop_down(
    blank: &Blank,
    response: &str,
    gap: usize,
    names: &mut TemplateNames,
) -> Result<DropDown, String> {
    let right = right_drop_down_options(blank);
    if right.is_empty() {
        return Err(format!("drop-down gap {gap} has no right option"));
    }
    let option_id = |index: usize| format!("G{gap}_C{}", index + 1);
    let mapping: String = right
        .iter()
        .map(|index| {
            format!(
                "<qti-map-entry map-key=\"{}\" mapped-value=\"1\"/>",
                option_id(*index)
            )
        })
        .collect();
    let declaration = format!(
        "<qti-response-declaration identifier=\"{response}\" cardinality=\"single\" base-type=\"identifier\"><qti-correct-response><qti-value>{}</qti-value></qti-correct-response><qti-mapping default-value=\"0\">{mapping}</qti-mapping></qti-response-declaration>\n",
        option_id(right[0])
    );
    let options: String = blank
        .choices
        .iter()
        .enumerate()
        .map(|(index, option)| {
            format!(
                "<qti-inline-choice identifier=\"{}\">{}</qti-inline-choice>",
                option_id(index),
                inline_xhtml(option, names)
            )
        })
        .collect();
    let interaction = format!(
        "<qti-inline-choice-interaction response-identifier=\"{response}\" shuffle=\"false\">{options}</qti-inline-choice-interaction>"
    );
    Ok(DropDown {
        declaration,
        interaction,
    })
}

/// A fill-the-gaps prompt: each `[[n]]` becomes its drop-down (`drop_downs[n - 1]`) or a text
/// entry, inside the running text.
pub(super) fn gaps_xhtml(
    prompt: &str,
    response: &str,
    drop_downs: &[Option<String>],
    names: &mut TemplateNames,
) -> String {
    let xhtml = blocks_xhtml(prompt, names);
    let mut out = String::new();
    let mut rest = xhtml.as_str();
    while let Some(start) = rest.find("[[") {
        let Some(end) = rest[start..].find("]]").map(|end| end + start) else {
            break;
        };
        match rest[start + 2..end].parse::<usize>() {
            Ok(number) => {
                out.push_str(&rest[..start]);
                let drop_down = number
                    .checked_sub(1)
                    .and_then(|index| drop_downs.get(index))
                    .and_then(Option::as_deref);
                match drop_down {
                    Some(interaction) => out.push_str(interaction),
                    None => out.push_str(&format!(
                        "<qti-text-entry-interaction response-identifier=\"{response}_GAP_{number}\"/>"
                    )),
                }
            }
            Err(_) => out.push_str(&rest[..end + 2]),
        }
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    out
}
