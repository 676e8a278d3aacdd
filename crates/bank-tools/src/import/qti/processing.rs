//! What a QTI item says about its answers: response declarations (correct responses, mappings),
//! response processing (a standard template, or the custom rules exporters write: a tolerance,
//! feedback for a given response, the hint request), and template processing (random values,
//! derived values, constraints, a correct response computed from them).

use std::collections::BTreeMap;

use adaptive_practice_engine::bank::{Template, VariableRange};
use adaptive_practice_engine::sorted_map::SortedMap;

use super::{attribute, children_named, local_name};

#[derive(Debug, Clone, Default)]
pub(super) struct ResponseDeclaration {
    pub cardinality: String,
    pub base_type: String,
    pub correct: Vec<String>,
    /// (key, mapped value, case sensitive).
    pub mapping: Vec<(String, f64, bool)>,
}

impl ResponseDeclaration {
    /// Correct values: the correct response, then every other mapped key worth more than 0
    /// for a single response (another accepted answer).
    pub fn right_values(&self) -> Vec<String> {
        let mut values = self.correct.clone();
        if values.is_empty() || self.cardinality == "single" {
            for (key, value, _) in &self.mapping {
                if *value > 0.0 && !values.contains(key) {
                    values.push(key.clone());
                }
            }
        }
        values
    }

    /// Whether the mapping gives partial credit (values other than full or none).
    pub fn has_partial_credit(&self) -> bool {
        let best = self
            .mapping
            .iter()
            .map(|(_, value, _)| *value)
            .fold(0.0, f64::max);
        self.mapping
            .iter()
            .any(|(_, value, _)| *value != 0.0 && (*value - best).abs() > 1e-9)
    }
}

pub(super) fn read_declarations(
    root: roxmltree::Node<'_, '_>,
) -> BTreeMap<String, ResponseDeclaration> {
    let mut declarations = BTreeMap::new();
    for node in children_named(root, "responseDeclaration") {
        let Some(identifier) = attribute(node, "identifier") else {
            continue;
        };
        let mut declaration = ResponseDeclaration {
            cardinality: attribute(node, "cardinality")
                .unwrap_or("single")
                .to_string(),
            base_type: attribute(node, "baseType")
                .unwrap_or("identifier")
                .to_string(),
            ..ResponseDeclaration::default()
        };
        for correct in children_named(node, "correctResponse") {
            declaration.correct = values_of(correct);
        }
        for mapping in children_named(node, "mapping") {
            for entry in children_named(mapping, "mapEntry") {
                let key = attribute(entry, "mapKey").unwrap_or_default().to_string();
                let value = attribute(entry, "mappedValue")
                    .and_then(|value| value.trim().parse::<f64>().ok())
                    .unwrap_or(0.0);
                let case_sensitive = attribute(entry, "caseSensitive") != Some("false");
                declaration.mapping.push((key, value, case_sensitive));
            }
        }
        declarations.insert(identifier.to_string(), declaration);
    }
    declarations
}

fn values_of(node: roxmltree::Node<'_, '_>) -> Vec<String> {
    children_named(node, "value")
        .map(|value| value.text().unwrap_or_default().trim().to_string())
        .collect()
}

/// What the response processing says, beyond the declarations.
#[derive(Debug, Clone, Default)]
pub(super) struct ProcessingRules {
    /// The standard template's name (`match_correct`, `map_response`), if one is used.
    pub template: Option<String>,
    /// Response → (mode, tolerance) from `equal` with a tolerance.
    pub tolerances: BTreeMap<String, (String, f64)>,
    /// (response, value compared with, feedback identifier set then).
    pub value_feedback: Vec<(String, String, String)>,
    /// Outcomes set to the response itself (choice feedback by choice identifier).
    pub outcomes_from_response: Vec<String>,
    /// Feedback identifiers set when an end-attempt (hint) response is true.
    pub hint_feedback: Vec<String>,
    /// Feedback identifiers set whatever the response.
    pub always_feedback: Vec<String>,
    /// Response → template variable it is compared with (the answer computed by the template).
    pub answer_variables: BTreeMap<String, String>,
}

pub(super) fn read_processing(
    root: roxmltree::Node<'_, '_>,
    end_attempt_responses: &[String],
) -> ProcessingRules {
    let mut rules = ProcessingRules::default();
    let Some(processing) = children_named(root, "responseProcessing").next() else {
        return rules;
    };
    if let Some(template) =
        attribute(processing, "template").or_else(|| attribute(processing, "templateLocation"))
    {
        let name = template
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .trim_end_matches(".xml")
            .to_string();
        rules.template = Some(name);
    }
    for node in processing.descendants().filter(|node| node.is_element()) {
        let name = local_name(node);
        if name == "equal" {
            if let (Some(mode), Some(response)) =
                (attribute(node, "toleranceMode"), compared_response(node))
            {
                if mode != "exact" {
                    let tolerance = attribute(node, "tolerance")
                        .and_then(|t| t.split_whitespace().next()?.parse::<f64>().ok())
                        .unwrap_or(0.0);
                    rules
                        .tolerances
                        .insert(response, (mode.to_string(), tolerance));
                }
            }
        }
        if matches!(name.as_str(), "match" | "equal" | "stringMatch") {
            let operands: Vec<_> = node.children().filter(|child| child.is_element()).collect();
            if let [first, second] = operands.as_slice() {
                if local_name(*first) == "variable" && local_name(*second) == "variable" {
                    if let (Some(response), Some(variable)) = (
                        attribute(*first, "identifier"),
                        attribute(*second, "identifier"),
                    ) {
                        rules
                            .answer_variables
                            .insert(response.to_string(), variable.to_string());
                    }
                }
            }
        }
        if name == "setOutcomeValue" {
            let value = node.children().find(|child| child.is_element());
            let Some(value) = value else { continue };
            match local_name(value).as_str() {
                "variable" => {
                    if let Some(outcome) = attribute(node, "identifier") {
                        rules.outcomes_from_response.push(outcome.to_string());
                    }
                }
                "baseValue" | "multiple" => {
                    let identifiers: Vec<String> = if local_name(value) == "multiple" {
                        value
                            .children()
                            .filter(|child| child.is_element())
                            .filter_map(|child| child.text().map(|text| text.trim().to_string()))
                            .collect()
                    } else {
                        vec![value.text().unwrap_or_default().trim().to_string()]
                    };
                    if attribute(value, "baseType") != Some("identifier")
                        && local_name(value) == "baseValue"
                    {
                        continue;
                    }
                    match condition_of(node) {
                        None => rules.always_feedback.extend(identifiers),
                        Some(condition) => {
                            if is_hint_request(condition, end_attempt_responses) {
                                rules.hint_feedback.extend(identifiers);
                            } else if let Some((response, compared)) = compared_value(condition) {
                                for identifier in identifiers {
                                    rules.value_feedback.push((
                                        response.clone(),
                                        compared.clone(),
                                        identifier,
                                    ));
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    rules
}

/// The condition of the branch an action is in (`responseIf`/`responseElseIf`'s first child).
fn condition_of<'a, 'input>(
    action: roxmltree::Node<'a, 'input>,
) -> Option<roxmltree::Node<'a, 'input>> {
    let branch = action.parent_element()?;
    match local_name(branch).as_str() {
        "responseIf" | "responseElseIf" => branch.children().find(|child| child.is_element()),
        _ => None,
    }
}

fn is_hint_request(condition: roxmltree::Node<'_, '_>, end_attempt: &[String]) -> bool {
    local_name(condition) == "variable"
        && attribute(condition, "identifier")
            .is_some_and(|id| end_attempt.iter().any(|known| known == id))
}

/// `match(variable R, baseValue V)` (or `equal`, `stringMatch`): (R, V).
fn compared_value(condition: roxmltree::Node<'_, '_>) -> Option<(String, String)> {
    if !matches!(
        local_name(condition).as_str(),
        "match" | "equal" | "stringMatch" | "member"
    ) {
        return None;
    }
    let operands: Vec<_> = condition
        .children()
        .filter(|child| child.is_element())
        .collect();
    let (mut response, mut value) = (None, None);
    for operand in operands {
        match local_name(operand).as_str() {
            // A second variable is a template value the response is compared with.
            "variable" if response.is_some() => {
                value = attribute(operand, "identifier").map(|name| format!("{{{{{name}}}}}"));
            }
            "variable" => response = attribute(operand, "identifier").map(str::to_string),
            "baseValue" => value = operand.text().map(|text| text.trim().to_string()),
            _ => {}
        }
    }
    Some((response?, value?))
}

fn compared_response(node: roxmltree::Node<'_, '_>) -> Option<String> {
    node.children()
        .filter(|child| child.is_element() && local_name(*child) == "variable")
        .find_map(|variable| attribute(variable, "identifier").map(str::to_string))
}

/// A modal feedback or a feedback block/inline: which outcome shows it, and its content.
#[derive(Debug, Clone)]
pub(super) struct Feedback {
    pub outcome: String,
    pub identifier: String,
    pub show: bool,
    pub title: Option<String>,
    pub markdown: String,
    pub position: String,
}

/// The template of an item: variables, derived values, constraints, computed correct responses.
#[derive(Debug, Default)]
pub(super) struct TemplateReading {
    pub template: Option<Template>,
    /// Response → the expression of its correct response (`a * b`).
    pub correct_responses: BTreeMap<String, String>,
    /// What could not be read, with the line.
    pub problems: Vec<String>,
}

pub(super) fn read_template(root: roxmltree::Node<'_, '_>) -> TemplateReading {
    let mut reading = TemplateReading::default();
    let Some(processing) = children_named(root, "templateProcessing").next() else {
        return reading;
    };
    let mut template = Template {
        variables: SortedMap::new(),
        derived: SortedMap::new(),
        constraints: Vec::new(),
    };
    for rule in processing.children().filter(|child| child.is_element()) {
        let line = super::line_of(rule);
        let expression = rule.children().find(|child| child.is_element());
        match (local_name(rule).as_str(), expression) {
            ("setTemplateValue", Some(expression)) => {
                let Some(identifier) = attribute(rule, "identifier") else {
                    continue;
                };
                match random_range(expression) {
                    Some(range) => {
                        template.variables.insert(identifier.to_string(), range);
                    }
                    None => match expression_text(expression) {
                        Ok(text) => {
                            template.derived.insert(identifier.to_string(), text);
                        }
                        Err(reason) => reading
                            .problems
                            .push(format!("{line}: {identifier}: {reason}")),
                    },
                }
            }
            ("templateConstraint", Some(expression)) => {
                let mut parts = Vec::new();
                split_and(expression, &mut parts);
                for part in parts {
                    match expression_text(part) {
                        Ok(text) => template.constraints.push(text),
                        Err(reason) => reading
                            .problems
                            .push(format!("{line}: a constraint: {reason}")),
                    }
                }
            }
            ("setCorrectResponse", Some(expression)) => {
                let Some(identifier) = attribute(rule, "identifier") else {
                    continue;
                };
                match expression_text(expression) {
                    Ok(text) => {
                        reading
                            .correct_responses
                            .insert(identifier.to_string(), text);
                    }
                    Err(reason) => reading
                        .problems
                        .push(format!("{line}: the correct response: {reason}")),
                }
            }
            (other, _) => reading.problems.push(format!(
                "{line}: <{other}> in template processing is not read"
            )),
        }
    }
    if !template.variables.is_empty() {
        reading.template = Some(template);
    }
    reading
}

fn split_and<'a, 'input>(
    node: roxmltree::Node<'a, 'input>,
    parts: &mut Vec<roxmltree::Node<'a, 'input>>,
) {
    if local_name(node) == "and" {
        for child in node.children().filter(|child| child.is_element()) {
            split_and(child, parts);
        }
    } else {
        parts.push(node);
    }
}

fn number_attribute(node: roxmltree::Node<'_, '_>, name: &str) -> Option<f64> {
    attribute(node, name).and_then(|value| value.trim().parse::<f64>().ok())
}

fn random_range(expression: roxmltree::Node<'_, '_>) -> Option<VariableRange> {
    match local_name(expression).as_str() {
        "randomInteger" => {
            let step = number_attribute(expression, "step").filter(|step| *step != 1.0);
            Some(VariableRange::Range {
                min: number_attribute(expression, "min")?,
                max: number_attribute(expression, "max")?,
                step,
            })
        }
        "product" => {
            // A whole number of steps times the step (our export of a fractional step).
            let operands: Vec<_> = expression
                .children()
                .filter(|child| child.is_element())
                .collect();
            let [random, step] = operands.as_slice() else {
                return None;
            };
            if local_name(*random) != "randomInteger" || local_name(*step) != "baseValue" {
                return None;
            }
            let step: f64 = step.text()?.trim().parse().ok()?;
            let whole_steps = number_attribute(*random, "step").unwrap_or(1.0);
            Some(VariableRange::Range {
                min: number_attribute(*random, "min")? * step,
                max: number_attribute(*random, "max")? * step,
                step: Some(whole_steps * step),
            })
        }
        "random" => {
            let set = expression.children().find(|child| child.is_element())?;
            let values: Option<Vec<f64>> = set
                .children()
                .filter(|child| child.is_element())
                .map(|value| value.text()?.trim().parse::<f64>().ok())
                .collect();
            Some(VariableRange::List { choose: values? })
        }
        _ => None,
    }
}

/// A QTI expression as the bank's template expression (`a * b`, `gcd(a, b) == 1`).
pub(super) fn expression_text(node: roxmltree::Node<'_, '_>) -> Result<String, String> {
    let operands: Vec<_> = node.children().filter(|child| child.is_element()).collect();
    let texts =
        || -> Result<Vec<String>, String> { operands.iter().map(|op| operand_text(*op)).collect() };
    let joined =
        |operator: &str| -> Result<String, String> { Ok(texts()?.join(&format!(" {operator} "))) };
    let binary = |operator: &str| -> Result<String, String> {
        let parts = texts()?;
        match parts.as_slice() {
            [left, right] => Ok(format!("{left} {operator} {right}")),
            _ => Err(format!("<{}> needs two operands", local_name(node))),
        }
    };
    let call = |function: &str| -> Result<String, String> {
        Ok(format!("{function}({})", texts()?.join(", ")))
    };
    match local_name(node).as_str() {
        "baseValue" => Ok(node.text().unwrap_or_default().trim().to_string()),
        "variable" => attribute(node, "identifier")
            .map(str::to_string)
            .ok_or_else(|| "a variable without identifier".into()),
        "sum" => joined("+"),
        "product" => joined("*"),
        "subtract" => binary("-"),
        "divide" => binary("/"),
        "power" => binary("^"),
        "integerDivide" => Ok(format!("floor({})", binary("/")?)),
        "integerModulus" => call("mod"),
        "gcd" => call("gcd"),
        "lcm" => call("lcm"),
        "min" => call("min"),
        "max" => call("max"),
        "round" => call("round"),
        "truncate" => call("floor"),
        "mathOperator" => {
            let name = attribute(node, "name").unwrap_or_default();
            if matches!(name, "abs" | "floor" | "ceil" | "sqrt") {
                call(name)
            } else {
                Err(format!(
                    "the math operator {name:?} is not in the bank's expressions"
                ))
            }
        }
        "equal" | "match" => binary("=="),
        "lt" => binary("<"),
        "lte" => binary("<="),
        "gt" => binary(">"),
        "gte" => binary(">="),
        "not" => match operands.as_slice() {
            [inner] if matches!(local_name(*inner).as_str(), "match" | "equal") => {
                let parts: Result<Vec<String>, String> = inner
                    .children()
                    .filter(|child| child.is_element())
                    .map(operand_text)
                    .collect();
                match parts?.as_slice() {
                    [left, right] => Ok(format!("{left} != {right}")),
                    _ => Err("<not> of a comparison that is not of two values".into()),
                }
            }
            _ => Err("<not> of anything but a comparison".into()),
        },
        other => Err(format!("<{other}> is not in the bank's expressions")),
    }
}

/// An operand: parenthesized when it is itself an operation.
fn operand_text(node: roxmltree::Node<'_, '_>) -> Result<String, String> {
    let text = expression_text(node)?;
    let simple = matches!(local_name(node).as_str(), "baseValue" | "variable")
        || text.ends_with(')') && !text.starts_with('(') && !text.contains(' ');
    if simple
        || text.starts_with(|c: char| c.is_ascii_alphabetic())
            && text.ends_with(')')
            && !text.contains(' ')
    {
        Ok(text)
    } else {
        Ok(format!("({text})"))
    }
}
