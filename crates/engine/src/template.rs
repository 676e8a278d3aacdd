//! Parameterized items: draw a template's variables from a seed, check its constraints, and
//! write the values into every text of the item (`{{a}}`, `{{a + b}}`). The same seed always
//! gives the same variant.

use crate::bank::{Hint, Item, ItemKind, NumericValue, Step, Template, VariableRange};
use crate::expression::{evaluate, parse_expression, NameStyle};
use crate::find_text::{find_text, has_text};
use crate::seeded::SeededSequence;
use crate::sorted_map::SortedMap;

/// How many draws are tried before a template's constraints are declared impossible.
pub const MAX_DRAWS: u32 = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub message: String,
}

fn problem<T>(message: impl Into<String>) -> Result<T, TemplateError> {
    Err(TemplateError {
        message: message.into(),
    })
}

/// Draws values for every variable and derived value that satisfy all constraints.
pub fn draw_values(template: &Template, seed: u64) -> Result<SortedMap<f64>, TemplateError> {
    // Loops, not `collect` into a `Result`: each such chain is compiled on its own.
    let mut constraints = Vec::with_capacity(template.constraints.len());
    for c in &template.constraints {
        constraints.push(parse_expression(c, NameStyle::Identifiers).map_err(|e| {
            TemplateError {
                message: format!("constraint “{c}”: {}", e.message),
            }
        })?);
    }
    let mut derived = Vec::with_capacity(template.derived.len());
    for (name, text) in &template.derived {
        let expression =
            parse_expression(text, NameStyle::Identifiers).map_err(|e| TemplateError {
                message: format!("derived value “{name}”: {}", e.message),
            })?;
        derived.push((name.clone(), expression));
    }
    let mut sequence = SeededSequence(seed);
    for _ in 0..MAX_DRAWS {
        let mut values = SortedMap::new();
        for (name, range) in &template.variables {
            values.insert(name.clone(), draw(range, &mut sequence)?);
        }
        // Derived values may use each other in any order: resolve in passes.
        // Flags, not a `collect`ed list of the pending ones and `retain` (compiled on their own).
        let mut resolved = vec![false; derived.len()];
        for _ in 0..=derived.len() {
            for (index, (name, expr)) in derived.iter().enumerate() {
                if resolved[index] {
                    continue;
                }
                let lookup = |n: &str| values.get(n).copied();
                if let Ok(value) = evaluate(expr, &lookup) {
                    values.insert(name.clone(), value);
                    resolved[index] = true;
                }
            }
        }
        if let Some(index) = resolved.iter().position(|done| !done) {
            let name = &derived[index].0;
            return problem(format!(
                "derived value “{name}” uses an unknown name or forms a cycle"
            ));
        }
        let lookup = |n: &str| values.get(n).copied();
        let mut all_hold = true;
        for constraint in &constraints {
            match evaluate(constraint, &lookup) {
                Ok(value) => all_hold &= value != 0.0 && value.is_finite(),
                Err(e) => {
                    return problem(format!("a constraint cannot be computed: {}", e.message))
                }
            }
        }
        if all_hold && values.values().all(|v| v.is_finite()) {
            return Ok(values);
        }
    }
    problem(format!(
        "the constraints did not hold in {MAX_DRAWS} draws: they may be impossible"
    ))
}

fn draw(range: &VariableRange, sequence: &mut SeededSequence) -> Result<f64, TemplateError> {
    match range {
        VariableRange::Range { min, max, step } => {
            let step = step.unwrap_or(1.0);
            if step.is_nan() || step <= 0.0 || !min.is_finite() || !max.is_finite() || min > max {
                return problem("a range needs min <= max and a positive step");
            }
            let count = ((max - min) / step + 1e-9).floor() as u64 + 1;
            let value = min + step * sequence.below(count.min(1_000_000)) as f64;
            Ok((value * 1e9).round() / 1e9)
        }
        VariableRange::List { choose } => match choose.len() {
            0 => problem("a list of values is empty"),
            n => Ok(choose[sequence.below(n as u64) as usize]),
        },
    }
}

/// A value as written into text: whole numbers without a decimal point, others to 6 places.
pub fn format_value(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        format!("{}", value.round() as i64)
    } else {
        let text = crate::display_float::fixed_float(value, 6);
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Replaces every `{{expression}}` in `text` by its value.
pub fn fill_text(text: &str, values: &SortedMap<f64>) -> Result<String, TemplateError> {
    let mut filled = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = find_text(rest, "{{") {
        filled.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = find_text(after, "}}") else {
            return problem("a {{ is never closed");
        };
        let inner = &after[..end];
        let expr = parse_expression(inner, NameStyle::Identifiers).map_err(|e| TemplateError {
            message: format!("{{{{{inner}}}}}: {}", e.message),
        })?;
        let lookup = |n: &str| values.get(n).copied();
        let value = evaluate(&expr, &lookup).map_err(|e| TemplateError {
            message: format!("{{{{{inner}}}}}: {}", e.message),
        })?;
        // A learner must never read `inf` or `NaN`: such a value is the author's mistake.
        if !value.is_finite() {
            return problem(format!("{{{{{inner}}}}}: the value is not a finite number"));
        }
        filled.push_str(&format_value(value));
        rest = &after[end + 2..];
    }
    filled.push_str(rest);
    Ok(filled)
}

/// The variant of a template item for `seed` (an item without template is returned as is).
pub fn instantiate(item: &Item, seed: u64) -> Result<Item, TemplateError> {
    let Some(template) = &item.template else {
        return Ok(item.clone());
    };
    let values = draw_values(template, seed)?;
    let mut variant = item.clone();
    variant.template = None;
    let fill = &mut Filler { values: &values };
    let Item {
        id,
        skills,
        difficulty: _,
        prompt,
        hints,
        solution,
        template: _,
        kind,
    } = &mut variant;
    fill.text(id)?;
    fill.texts(skills)?;
    fill.text(prompt)?;
    fill.hints(hints)?;
    fill.optional(solution)?;
    fill.kind(kind)?;
    Ok(variant)
}

/// Writes the values into every text of an item, and into every number written as a text
/// (`"{{a + b}}"`), which is then read as a number.
struct Filler<'a> {
    values: &'a SortedMap<f64>,
}

impl Filler<'_> {
    fn text(&mut self, text: &mut String) -> Result<(), TemplateError> {
        if has_text(text, "{{") {
            *text = fill_text(text, self.values)?;
        }
        Ok(())
    }

    fn texts(&mut self, texts: &mut [String]) -> Result<(), TemplateError> {
        texts.iter_mut().try_for_each(|text| self.text(text))
    }

    fn optional(&mut self, text: &mut Option<String>) -> Result<(), TemplateError> {
        text.as_mut().map_or(Ok(()), |text| self.text(text))
    }

    fn number(&mut self, number: &mut NumericValue) -> Result<(), TemplateError> {
        let mut text = std::mem::take(&mut number.text);
        self.text(&mut text)?;
        *number = NumericValue::from_text(text).map_err(|message| TemplateError {
            message: format!("after filling in values: {message}"),
        })?;
        Ok(())
    }

    fn hints(&mut self, hints: &mut [Hint]) -> Result<(), TemplateError> {
        for hint in hints {
            self.text(&mut hint.text)?;
            if let Some(step) = &mut hint.scaffold {
                self.step(step)?;
            }
        }
        Ok(())
    }

    fn step(&mut self, step: &mut Step) -> Result<(), TemplateError> {
        let Step {
            id,
            prompt,
            skills,
            hints,
            solution,
            kind,
        } = step;
        if let Some(id) = id {
            self.text(id)?;
        }
        self.text(prompt)?;
        self.texts(skills)?;
        self.hints(hints)?;
        self.optional(solution)?;
        self.kind(kind)
    }

    fn kind(&mut self, kind: &mut ItemKind) -> Result<(), TemplateError> {
        match kind {
            ItemKind::SingleChoice { choices, .. } | ItemKind::MultipleResponse { choices, .. } => {
                for choice in choices {
                    self.text(&mut choice.text)?;
                    self.optional(&mut choice.feedback)?;
                }
            }
            ItemKind::Numeric {
                answer,
                misconceptions,
                unit,
                ..
            } => {
                self.number(answer)?;
                for misconception in misconceptions {
                    self.number(&mut misconception.answer)?;
                    self.text(&mut misconception.feedback)?;
                }
                self.optional(unit)?;
            }
            ItemKind::MathExpression {
                answer,
                misconceptions,
                solved_for,
                ..
            } => {
                self.text(answer)?;
                for misconception in misconceptions {
                    self.text(&mut misconception.answer)?;
                    self.text(&mut misconception.feedback)?;
                }
                self.optional(solved_for)?;
            }
            ItemKind::ShortText {
                answers,
                pattern,
                misconceptions,
                ..
            } => {
                self.texts(answers)?;
                self.optional(pattern)?;
                for misconception in misconceptions {
                    self.text(&mut misconception.answer)?;
                    self.text(&mut misconception.feedback)?;
                }
            }
            ItemKind::Ordering { items } => self.texts(items)?,
            ItemKind::FillBlanks { blanks } => {
                for blank in blanks {
                    self.texts(&mut blank.answers)?;
                    self.texts(&mut blank.choices)?;
                    if let Some(number) = &mut blank.numeric {
                        self.number(number)?;
                    }
                }
            }
            ItemKind::Matching { pairs, distractors } => {
                for pair in pairs {
                    self.text(&mut pair.left)?;
                    self.text(&mut pair.right)?;
                }
                self.texts(distractors)?;
            }
            ItemKind::MultiStep { steps } => {
                for step in steps {
                    self.step(step)?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
