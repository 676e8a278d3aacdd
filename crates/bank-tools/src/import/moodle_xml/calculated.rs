//! Moodle's calculated questions (`calculated`, `calculatedsimple`) as bank templates: each
//! wildcard `{a}` with its dataset definition (minimum, maximum, decimals) is a template variable,
//! the answer formula `{a}*{b}` the answer `{{a*b}}`, `{a}` and `{={a}+1}` in the text `{{a}}` and
//! `{{a+1}}`. A formula the bank's expressions cannot read makes the question skipped.

use adaptive_practice_engine::bank::{ItemKind, NumericValue, Template, VariableRange};
use adaptive_practice_engine::expression::{parse_expression, NameStyle};
use adaptive_practice_engine::sorted_map::SortedMap;
use roxmltree::Node;

use super::{child, child_text, text_of};
use crate::import::html_markdown::without_markers;
use crate::import::{ImportNote, NoteKind};

/// The question text with wildcards as template values (before HTML conversion, as markers
/// `⟦T:n⟧`, returned with their expressions), the answer kind and the template.
pub(super) struct Calculated {
    pub text: String,
    pub markers: Vec<String>,
    pub kind: ItemKind,
    pub template: Template,
}

pub(super) fn convert_calculated(
    question: Node<'_, '_>,
    raw_text: &str,
    label: &str,
    notes: &mut Vec<ImportNote>,
) -> Result<Calculated, String> {
    let mut variables = SortedMap::new();
    for definition in question
        .descendants()
        .filter(|node| node.has_tag_name("dataset_definition"))
    {
        let name = child_text(definition, "name")
            .unwrap_or_default()
            .trim()
            .to_string();
        let number = |field: &str| -> Option<f64> {
            child_text(definition, field)?.trim().parse::<f64>().ok()
        };
        let (Some(min), Some(max)) = (number("minimum"), number("maximum")) else {
            return Err(format!(
                "the wildcard {{{name}}} has no minimum and maximum"
            ));
        };
        let decimals = number("decimals").unwrap_or(0.0).clamp(0.0, 6.0);
        if child_text(definition, "distribution")
            .is_some_and(|distribution| distribution.trim() == "loguniform")
        {
            notes.push(ImportNote {
                kind: NoteKind::Changed,
                source: label.to_string(),
                message: format!("the wildcard {{{name}}} is drawn uniformly, not log-uniformly"),
            });
        }
        let step = (decimals > 0.0).then(|| 10f64.powi(-(decimals as i32)));
        variables.insert(name, VariableRange::Range { min, max, step });
    }
    if variables.is_empty() {
        return Err("the calculated question has no dataset definitions".into());
    }
    let answer = question
        .children()
        .filter(|node| node.has_tag_name("answer"))
        .find(|answer| {
            answer
                .attribute("fraction")
                .and_then(|f| f.parse::<f64>().ok())
                .unwrap_or(0.0)
                >= 100.0
        })
        .ok_or("no formula gives full credit")?;
    let formula = expression(&text_of(answer).unwrap_or_default())?;
    let tolerance = child(answer, "tolerance")
        .and_then(|node| node.text())
        .and_then(|text| text.trim().parse::<f64>().ok())
        .filter(|t| *t > 0.0);
    let tolerance_type = child(answer, "tolerancetype")
        .and_then(|node| node.text())
        .unwrap_or("1")
        .trim()
        .to_string();
    if tolerance_type == "3" {
        notes.push(ImportNote {
            kind: NoteKind::Changed,
            source: label.to_string(),
            message: "a geometric tolerance is kept as a relative one".into(),
        });
    }
    let (absolute, relative) = match tolerance_type.as_str() {
        "2" => (tolerance, None),
        _ => (None, tolerance),
    };
    let (text, markers) = text_markers(raw_text)?;
    Ok(Calculated {
        text,
        markers,
        kind: ItemKind::Numeric {
            answer: NumericValue {
                value: f64::NAN,
                text: format!("{{{{{formula}}}}}"),
            },
            tolerance: absolute,
            relative_tolerance: relative,
            misconceptions: Vec::new(),
            unit: None,
            convert_units: false,
            form: None,
        },
        template: Template {
            variables,
            derived: SortedMap::new(),
            constraints: Vec::new(),
        },
    })
}

/// A Moodle formula (`{a}*{b}`, `pi()`, `pow({a}, 2)`) as a bank expression (`a*b`), checked.
pub(super) fn expression(formula: &str) -> Result<String, String> {
    let mut text = formula.replace(['{', '}'], "").replace("pi()", "pi");
    while let Some(start) = text.find("pow(") {
        let inner_start = start + 4;
        let mut depth = 1;
        let mut comma = None;
        let mut end = None;
        for (offset, c) in text[inner_start..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(inner_start + offset);
                        break;
                    }
                }
                ',' if depth == 1 => comma = Some(inner_start + offset),
                _ => {}
            }
        }
        let (Some(comma), Some(end)) = (comma, end) else {
            return Err(format!("cannot read the formula {formula:?}"));
        };
        let replaced = format!(
            "({})^({})",
            text[inner_start..comma].trim(),
            text[comma + 1..end].trim()
        );
        text.replace_range(start..=end, &replaced);
    }
    parse_expression(&text, NameStyle::Identifiers).map_err(|error| {
        format!(
            "the formula {formula:?} is not a bank expression: {}",
            error.message
        )
    })?;
    Ok(text)
}

/// `{a}` and `{=formula}` in the text become markers `⟦T:n⟧` for `{{…}}`.
fn text_markers(raw: &str) -> Result<(String, Vec<String>), String> {
    let mut text = String::new();
    let mut markers = Vec::new();
    let raw = without_markers(raw);
    let mut rest = raw.as_str();
    while let Some(start) = rest.find('{') {
        text.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let formula = after.strip_prefix('=');
        let end = match formula {
            // `{={a}+{b}}`: the closing brace after the last wildcard's.
            Some(body) => {
                let mut depth = 1;
                body.char_indices().find_map(|(index, c)| {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    (depth == 0).then_some(index + 1)
                })
            }
            None => after.find('}'),
        };
        let inner = end.map(|end| &after[..end]);
        let is_wildcard = |name: &str| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        };
        match inner {
            Some(inner) if inner.starts_with('=') => {
                markers.push(expression(&inner[1..])?);
                text.push_str(&format!("⟦T:{}⟧", markers.len() - 1));
                rest = &after[inner.len() + 1..];
            }
            Some(inner) if is_wildcard(inner) => {
                markers.push(inner.to_string());
                text.push_str(&format!("⟦T:{}⟧", markers.len() - 1));
                rest = &after[inner.len() + 1..];
            }
            _ => {
                text.push('{');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    Ok((text, markers))
}

/// Markers back to `{{expression}}` after the HTML is converted.
pub(super) fn fill_markers(markdown: &str, markers: &[String]) -> String {
    let mut out = markdown.to_string();
    for (index, expression) in markers.iter().enumerate() {
        out = out.replace(&format!("⟦T:{index}⟧"), &format!("{{{{{expression}}}}}"));
    }
    out
}
