//! One bank item as a QTI 3.0 item file: declarations, template processing, the body with one
//! interaction per answerable part, response processing written out, and modal feedback.

use adaptive_practice_engine::bank::{Choice, Item, ItemKind, Template, VariableRange};
use adaptive_practice_engine::expression::{parse_expression, BinaryOp, Expr, NameStyle};
use adaptive_practice_engine::markup::{parse_markup, Block};

use super::gaps::{drop_down, gaps_xhtml};
use super::markup::{blocks_xhtml, escape, inline_xhtml, TemplateNames};
use super::{identifier, QTI3_NAMESPACE};

/// Everything but the body and feedback that one part adds.
#[derive(Default)]
struct Writer {
    declarations: String,
    /// Outcome declarations a part adds (the feedback outcome of a choice interaction).
    outcomes: String,
    processing: String,
    feedback: String,
    names: TemplateNames,
    /// Responses whose correct value comes from the template: (response, variable).
    computed_answers: Vec<(String, String)>,
    misconception_count: usize,
}

/// The item file, and the media addresses its texts use.
pub fn item_xml(item: &Item, language: Option<&str>) -> Result<(String, Vec<String>), String> {
    let mut writer = Writer::default();
    let mut body = String::new();
    if !matches!(item.kind, ItemKind::FillBlanks { .. }) {
        body = blocks_xhtml(&item.prompt, &mut writer.names);
    }
    match &item.kind {
        ItemKind::MultiStep { steps } => {
            for (index, step) in steps.iter().enumerate() {
                let response = format!("RESPONSE_{}", index + 1);
                body.push_str("<div class=\"ap-step\">");
                body.push_str(&writer.part(&step.kind, &response, Some(&step.prompt))?);
                body.push_str("</div>");
            }
        }
        kind @ ItemKind::FillBlanks { .. } => {
            body.push_str(&writer.part(kind, "RESPONSE", Some(&item.prompt))?)
        }
        kind => body.push_str(&writer.part(kind, "RESPONSE", None)?),
    }
    // Hints (the item's, then each step's) behind one end-attempt button; solutions (the item's
    // and each step's) shown after an answer.
    let mut hints: Vec<(String, &str)> = item
        .hints
        .iter()
        .enumerate()
        .map(|(index, hint)| (format!("HINT_{}", index + 1), hint.text.as_str()))
        .collect();
    let mut solutions: Vec<(String, &str)> = item
        .solution
        .iter()
        .map(|solution| ("SOLUTION".to_string(), solution.as_str()))
        .collect();
    if let ItemKind::MultiStep { steps } = &item.kind {
        for (step_index, step) in steps.iter().enumerate() {
            for (index, hint) in step.hints.iter().enumerate() {
                hints.push((
                    format!("STEP_{}_HINT_{}", step_index + 1, index + 1),
                    hint.text.as_str(),
                ));
            }
            if let Some(solution) = &step.solution {
                solutions.push((
                    format!("STEP_{}_SOLUTION", step_index + 1),
                    solution.as_str(),
                ));
            }
        }
    }
    let mut hint_rules = String::new();
    if !hints.is_empty() {
        body.push_str("<p><qti-end-attempt-interaction response-identifier=\"HINTREQUEST\" title=\"Show a hint\"/></p>");
        writer
            .declarations
            .push_str("<qti-response-declaration identifier=\"HINTREQUEST\" cardinality=\"single\" base-type=\"boolean\"/>");
        let mut identifiers = String::new();
        for (id, text) in &hints {
            identifiers.push_str(&format!(
                "<qti-base-value base-type=\"identifier\">{id}</qti-base-value>"
            ));
            let text = blocks_xhtml(text, &mut writer.names);
            writer.feedback.push_str(&format!(
                "<qti-modal-feedback outcome-identifier=\"HINTS\" identifier=\"{id}\" show-hide=\"show\" title=\"Hint\"><qti-content-body>{text}</qti-content-body></qti-modal-feedback>\n"
            ));
        }
        hint_rules = format!(
            "<qti-set-outcome-value identifier=\"HINTS\"><qti-multiple>{identifiers}</qti-multiple></qti-set-outcome-value>"
        );
    }
    let mut solution_rule = String::new();
    if !solutions.is_empty() {
        let mut identifiers = String::new();
        for (id, text) in &solutions {
            identifiers.push_str(&format!(
                "<qti-base-value base-type=\"identifier\">{id}</qti-base-value>"
            ));
            let text = blocks_xhtml(text, &mut writer.names);
            writer.feedback.push_str(&format!(
                "<qti-modal-feedback outcome-identifier=\"SHOW_SOLUTION\" identifier=\"{id}\" show-hide=\"show\" title=\"Solution\"><qti-content-body>{text}</qti-content-body></qti-modal-feedback>\n"
            ));
        }
        solution_rule = format!("<qti-set-outcome-value identifier=\"SHOW_SOLUTION\"><qti-multiple>{identifiers}</qti-multiple></qti-set-outcome-value>");
    }
    let math_variables = math_variables(item);
    let template = template_xml(item.template.as_ref(), &mut writer, &math_variables)?;
    let processing = if hint_rules.is_empty() {
        format!("{}{solution_rule}", writer.processing)
    } else {
        format!(
            "<qti-response-condition><qti-response-if><qti-variable identifier=\"HINTREQUEST\"/>{hint_rules}</qti-response-if><qti-response-else>{}{solution_rule}</qti-response-else></qti-response-condition>",
            writer.processing
        )
    };
    let language = language
        .map(|language| format!(" xml:lang=\"{}\"", escape(language)))
        .unwrap_or_default();
    let outcomes = "<qti-outcome-declaration identifier=\"SCORE\" cardinality=\"single\" base-type=\"float\"><qti-default-value><qti-value>0</qti-value></qti-default-value></qti-outcome-declaration>\n\
<qti-outcome-declaration identifier=\"MISCONCEPTION\" cardinality=\"single\" base-type=\"identifier\"/>\n\
<qti-outcome-declaration identifier=\"HINTS\" cardinality=\"multiple\" base-type=\"identifier\"/>\n\
<qti-outcome-declaration identifier=\"SHOW_SOLUTION\" cardinality=\"multiple\" base-type=\"identifier\"/>\n";
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<qti-assessment-item xmlns=\"{QTI3_NAMESPACE}\" xmlns:m=\"http://www.w3.org/1998/Math/MathML\" identifier=\"{}\" title=\"{}\" adaptive=\"false\" time-dependent=\"false\"{language}>\n{}\n{outcomes}{}{template}<qti-item-body>{body}</qti-item-body>\n<qti-response-processing>{processing}</qti-response-processing>\n{}</qti-assessment-item>\n",
        escape(&identifier(&item.id)),
        escape(&item.id),
        writer.declarations,
        writer.outcomes,
        writer.feedback
    );
    let media = media_of(item);
    Ok((xml, media))
}

fn media_of(item: &Item) -> Vec<String> {
    let mut found = Vec::new();
    let mut texts: Vec<&str> = vec![&item.prompt];
    texts.extend(item.hints.iter().map(|hint| hint.text.as_str()));
    texts.extend(item.solution.as_deref());
    if let ItemKind::MultiStep { steps } = &item.kind {
        for step in steps {
            texts.push(&step.prompt);
            texts.extend(step.hints.iter().map(|hint| hint.text.as_str()));
            texts.extend(step.solution.as_deref());
        }
    }
    for text in texts {
        for block in parse_markup(text) {
            if let Block::Image { src, .. } | Block::Audio { src, .. } = block {
                if !src.contains(':') && !found.contains(&src) {
                    found.push(src);
                }
            }
        }
    }
    found
}

impl Writer {
    /// The body of one answerable part; its declarations, processing and feedback are added.
    fn part(
        &mut self,
        kind: &ItemKind,
        response: &str,
        prompt: Option<&str>,
    ) -> Result<String, String> {
        let prompt_blocks = prompt
            .map(|text| blocks_xhtml(text, &mut self.names))
            .unwrap_or_default();
        let score = "<qti-set-outcome-value identifier=\"SCORE\"><qti-sum><qti-variable identifier=\"SCORE\"/><qti-base-value base-type=\"float\">1</qti-base-value></qti-sum></qti-set-outcome-value>";
        let mut misconception_branches = String::new();
        let (body, condition) = match kind {
            ItemKind::SingleChoice {
                choices,
                answer,
                shuffle,
            } => (
                self.choice_part(
                    choices,
                    &[*answer],
                    true,
                    *shuffle,
                    response,
                    &prompt_blocks,
                ),
                match_correct(response),
            ),
            ItemKind::MultipleResponse {
                choices,
                answers,
                shuffle,
            } => (
                self.choice_part(choices, answers, false, *shuffle, response, &prompt_blocks),
                match_correct(response),
            ),
            ItemKind::Numeric {
                answer,
                tolerance,
                relative_tolerance,
                misconceptions,
                ..
            } => {
                let value = self.numeric_value(&answer.text, answer.value, response);
                self.declare(response, "single", "float", &value, "");
                for misconception in misconceptions {
                    let id = self.misconception(&misconception.feedback);
                    let compared = match template_expression(&misconception.answer.text) {
                        Some(expression) => format!(
                            "<qti-variable identifier=\"{}\"/>",
                            self.names.name_for(&expression)
                        ),
                        None => format!(
                            "<qti-base-value base-type=\"float\">{}</qti-base-value>",
                            misconception.answer.value
                        ),
                    };
                    misconception_branches.push_str(&format!(
                        "<qti-response-else-if><qti-equal tolerance-mode=\"exact\"><qti-variable identifier=\"{response}\"/>{compared}</qti-equal>{}</qti-response-else-if>",
                        add_to("MISCONCEPTION", &id)
                    ));
                }
                let condition = match (tolerance, relative_tolerance) {
                    (Some(t), _) => format!("<qti-equal tolerance-mode=\"absolute\" tolerance=\"{t} {t}\"><qti-variable identifier=\"{response}\"/><qti-correct identifier=\"{response}\"/></qti-equal>"),
                    (None, Some(r)) => format!("<qti-equal tolerance-mode=\"relative\" tolerance=\"{p} {p}\"><qti-variable identifier=\"{response}\"/><qti-correct identifier=\"{response}\"/></qti-equal>", p = r * 100.0),
                    (None, None) => format!("<qti-equal tolerance-mode=\"exact\"><qti-variable identifier=\"{response}\"/><qti-correct identifier=\"{response}\"/></qti-equal>"),
                };
                (format!("{prompt_blocks}<p><qti-text-entry-interaction response-identifier=\"{response}\"/></p>"), condition)
            }
            ItemKind::MathExpression {
                answer,
                misconceptions,
                ..
            } => {
                let value = self.text_value(answer, response);
                self.declare(response, "single", "string", &value, "");
                for misconception in misconceptions {
                    let id = self.misconception(&misconception.feedback);
                    misconception_branches.push_str(&string_branch(
                        response,
                        &misconception.answer,
                        &add_to("MISCONCEPTION", &id),
                    ));
                }
                (format!("{prompt_blocks}<p><qti-text-entry-interaction class=\"ap-math-expression\" response-identifier=\"{response}\"/></p>"), match_correct(response))
            }
            ItemKind::ShortText {
                answers,
                case_sensitive,
                misconceptions,
                ..
            } => {
                let first = answers.first().cloned().unwrap_or_default();
                let value = self.text_value(&first, response);
                let mapping: String = answers
                    .iter()
                    .map(|answer| format!("<qti-map-entry map-key=\"{}\" mapped-value=\"1\" case-sensitive=\"{case_sensitive}\"/>", escape(answer)))
                    .collect();
                self.declare(
                    response,
                    "single",
                    "string",
                    &value,
                    &format!("<qti-mapping default-value=\"0\">{mapping}</qti-mapping>"),
                );
                for misconception in misconceptions {
                    let id = self.misconception(&misconception.feedback);
                    misconception_branches.push_str(&string_branch(
                        response,
                        &misconception.answer,
                        &add_to("MISCONCEPTION", &id),
                    ));
                }
                (format!("{prompt_blocks}<p><qti-text-entry-interaction response-identifier=\"{response}\"/></p>"), mapped_above_zero(response))
            }
            ItemKind::Ordering { items } => {
                let values: String = (1..=items.len())
                    .map(|n| format!("<qti-value>O{n}</qti-value>"))
                    .collect();
                self.declarations.push_str(&format!("<qti-response-declaration identifier=\"{response}\" cardinality=\"ordered\" base-type=\"identifier\"><qti-correct-response>{values}</qti-correct-response></qti-response-declaration>\n"));
                let choices: String = items
                    .iter()
                    .enumerate()
                    .map(|(index, text)| {
                        format!(
                            "<qti-simple-choice identifier=\"O{}\">{}</qti-simple-choice>",
                            index + 1,
                            inline_xhtml(text, &mut self.names)
                        )
                    })
                    .collect();
                (format!("<qti-order-interaction response-identifier=\"{response}\" shuffle=\"true\">{}{choices}</qti-order-interaction>", prompt_element(&prompt_blocks)), match_correct(response))
            }
            ItemKind::Matching { pairs, distractors } => {
                let values: String = (1..=pairs.len())
                    .map(|n| format!("<qti-value>L{n} R{n}</qti-value>"))
                    .collect();
                self.declarations.push_str(&format!("<qti-response-declaration identifier=\"{response}\" cardinality=\"multiple\" base-type=\"directedPair\"><qti-correct-response>{values}</qti-correct-response></qti-response-declaration>\n"));
                let lefts: String = pairs
                    .iter()
                    .enumerate()
                    .map(|(index, pair)| format!("<qti-simple-associable-choice identifier=\"L{}\" match-max=\"1\">{}</qti-simple-associable-choice>", index + 1, inline_xhtml(&pair.left, &mut self.names)))
                    .collect();
                let mut rights: String = pairs
                    .iter()
                    .enumerate()
                    .map(|(index, pair)| format!("<qti-simple-associable-choice identifier=\"R{}\" match-max=\"{}\">{}</qti-simple-associable-choice>", index + 1, pairs.len(), inline_xhtml(&pair.right, &mut self.names)))
                    .collect();
                for (index, distractor) in distractors.iter().enumerate() {
                    rights.push_str(&format!("<qti-simple-associable-choice identifier=\"D{}\" match-max=\"{}\">{}</qti-simple-associable-choice>", index + 1, pairs.len(), inline_xhtml(distractor, &mut self.names)));
                }
                (format!(
                    "<qti-match-interaction response-identifier=\"{response}\" shuffle=\"true\" max-associations=\"{}\">{}<qti-simple-match-set>{lefts}</qti-simple-match-set><qti-simple-match-set>{rights}</qti-simple-match-set></qti-match-interaction>",
                    pairs.len(),
                    prompt_element(&prompt_blocks)
                ), match_correct(response))
            }
            ItemKind::FillBlanks { blanks } => {
                let prompt = prompt.unwrap_or_default();
                let mut conditions = String::new();
                let mut drop_downs = Vec::new();
                for (index, blank) in blanks.iter().enumerate() {
                    let blank_response = format!("{response}_GAP_{}", index + 1);
                    if !blank.choices.is_empty() {
                        let gap = drop_down(blank, &blank_response, index + 1, &mut self.names)?;
                        self.declarations.push_str(&gap.declaration);
                        drop_downs.push(Some(gap.interaction));
                        conditions.push_str(&format!("<qti-response-condition><qti-response-if>{}{score}</qti-response-if></qti-response-condition>", mapped_above_zero(&blank_response)));
                        continue;
                    }
                    drop_downs.push(None);
                    match &blank.numeric {
                        Some(number) => {
                            let value =
                                self.numeric_value(&number.text, number.value, &blank_response);
                            self.declare(&blank_response, "single", "float", &value, "");
                            let tolerance = blank.tolerance.unwrap_or(0.0);
                            let mode = if blank.tolerance.is_some() {
                                format!("tolerance-mode=\"absolute\" tolerance=\"{tolerance} {tolerance}\"")
                            } else {
                                "tolerance-mode=\"exact\"".into()
                            };
                            conditions.push_str(&format!("<qti-response-condition><qti-response-if><qti-equal {mode}><qti-variable identifier=\"{blank_response}\"/><qti-correct identifier=\"{blank_response}\"/></qti-equal>{score}</qti-response-if></qti-response-condition>"));
                        }
                        None => {
                            let first = blank.answers.first().cloned().unwrap_or_default();
                            let value = self.text_value(&first, &blank_response);
                            let mapping: String = blank
                                .answers
                                .iter()
                                .map(|answer| format!("<qti-map-entry map-key=\"{}\" mapped-value=\"1\" case-sensitive=\"{}\"/>", escape(answer), blank.case_sensitive))
                                .collect();
                            self.declare(
                                &blank_response,
                                "single",
                                "string",
                                &value,
                                &format!(
                                    "<qti-mapping default-value=\"0\">{mapping}</qti-mapping>"
                                ),
                            );
                            conditions.push_str(&format!("<qti-response-condition><qti-response-if>{}{score}</qti-response-if></qti-response-condition>", mapped_above_zero(&blank_response)));
                        }
                    }
                }
                let text = gaps_xhtml(
                    if prompt.is_empty() { "" } else { prompt },
                    response,
                    &drop_downs,
                    &mut self.names,
                );
                self.processing.push_str(&conditions);
                return Ok(text);
            }
            ItemKind::MultiStep { .. } => return Err("a step cannot itself have steps".into()),
        };
        self.processing.push_str(&format!(
            "<qti-response-condition><qti-response-if>{condition}{score}</qti-response-if>{misconception_branches}</qti-response-condition>"
        ));
        Ok(body)
    }

    fn choice_part(
        &mut self,
        choices: &[Choice],
        answers: &[usize],
        single: bool,
        shuffle: bool,
        response: &str,
        prompt: &str,
    ) -> String {
        let values: String = answers
            .iter()
            .map(|answer| format!("<qti-value>C{}</qti-value>", answer + 1))
            .collect();
        let cardinality = if single { "single" } else { "multiple" };
        self.declarations.push_str(&format!("<qti-response-declaration identifier=\"{response}\" cardinality=\"{cardinality}\" base-type=\"identifier\"><qti-correct-response>{values}</qti-correct-response></qti-response-declaration>\n"));
        let mut body = String::new();
        let mut has_feedback = false;
        for (index, choice) in choices.iter().enumerate() {
            let id = format!("C{}", index + 1);
            body.push_str(&format!(
                "<qti-simple-choice identifier=\"{id}\">{}</qti-simple-choice>",
                inline_xhtml(&choice.text, &mut self.names)
            ));
            if let Some(feedback) = &choice.feedback {
                has_feedback = true;
                let text = blocks_xhtml(feedback, &mut self.names);
                self.feedback.push_str(&format!("<qti-modal-feedback outcome-identifier=\"FEEDBACK_{response}\" identifier=\"{id}\" show-hide=\"show\"><qti-content-body>{text}</qti-content-body></qti-modal-feedback>\n"));
            }
        }
        if has_feedback {
            self.outcomes.push_str(&format!("<qti-outcome-declaration identifier=\"FEEDBACK_{response}\" cardinality=\"{cardinality}\" base-type=\"identifier\"/>\n"));
            self.processing.push_str(&format!("<qti-set-outcome-value identifier=\"FEEDBACK_{response}\"><qti-variable identifier=\"{response}\"/></qti-set-outcome-value>"));
        }
        let max = if single { 1 } else { 0 };
        format!(
            "<qti-choice-interaction response-identifier=\"{response}\" max-choices=\"{max}\" shuffle=\"{shuffle}\">{}{body}</qti-choice-interaction>",
            prompt_element(prompt)
        )
    }

    fn declare(
        &mut self,
        response: &str,
        cardinality: &str,
        base_type: &str,
        value: &Option<String>,
        mapping: &str,
    ) {
        let correct = value
            .as_ref()
            .map(|value| {
                format!(
                    "<qti-correct-response><qti-value>{}</qti-value></qti-correct-response>",
                    escape(value)
                )
            })
            .unwrap_or_default();
        self.declarations.push_str(&format!("<qti-response-declaration identifier=\"{response}\" cardinality=\"{cardinality}\" base-type=\"{base_type}\">{correct}{mapping}</qti-response-declaration>\n"));
    }

    /// A number, or `None` when the template computes it (then set in template processing).
    fn numeric_value(&mut self, text: &str, value: f64, response: &str) -> Option<String> {
        match template_expression(text) {
            Some(expression) => {
                let name = self.names.name_for(&expression);
                self.computed_answers.push((response.to_string(), name));
                None
            }
            None => Some(format!("{value}")),
        }
    }

    fn text_value(&mut self, text: &str, response: &str) -> Option<String> {
        match template_expression(text) {
            Some(expression) => {
                let name = self.names.name_for(&expression);
                self.computed_answers.push((response.to_string(), name));
                None
            }
            None => Some(text.to_string()),
        }
    }

    fn misconception(&mut self, feedback: &str) -> String {
        self.misconception_count += 1;
        let id = format!("MISCONCEPTION_{}", self.misconception_count);
        let text = blocks_xhtml(feedback, &mut self.names);
        self.feedback.push_str(&format!("<qti-modal-feedback outcome-identifier=\"MISCONCEPTION\" identifier=\"{id}\" show-hide=\"show\"><qti-content-body>{text}</qti-content-body></qti-modal-feedback>\n"));
        id
    }
}

/// The expression of a templated answer: `{{a * b}}` → `a * b`, `{{a}}/{{b}}` → `(a)/(b)`.
fn template_expression(text: &str) -> Option<String> {
    if !text.contains("{{") {
        return None;
    }
    let trimmed = text.trim();
    if let Some(inner) = trimmed
        .strip_prefix("{{")
        .and_then(|rest| rest.strip_suffix("}}"))
    {
        if !inner.contains("{{") {
            return Some(inner.to_string());
        }
    }
    Some(text.replace("{{", "(").replace("}}", ")"))
}

fn prompt_element(prompt: &str) -> String {
    if prompt.is_empty() {
        String::new()
    } else {
        format!("<qti-prompt>{prompt}</qti-prompt>")
    }
}

fn match_correct(response: &str) -> String {
    format!("<qti-match><qti-variable identifier=\"{response}\"/><qti-correct identifier=\"{response}\"/></qti-match>")
}

fn mapped_above_zero(response: &str) -> String {
    format!("<qti-gt><qti-map-response identifier=\"{response}\"/><qti-base-value base-type=\"float\">0</qti-base-value></qti-gt>")
}

fn string_branch(response: &str, value: &str, action: &str) -> String {
    format!(
        "<qti-response-else-if><qti-match><qti-variable identifier=\"{response}\"/><qti-base-value base-type=\"string\">{}</qti-base-value></qti-match>{action}</qti-response-else-if>",
        escape(value)
    )
}

fn add_to(outcome: &str, identifier: &str) -> String {
    format!("<qti-set-outcome-value identifier=\"{outcome}\"><qti-base-value base-type=\"identifier\">{identifier}</qti-base-value></qti-set-outcome-value>")
}

/// Template declarations and processing: drawn variables, derived values (the item's and those
/// made for printed expressions), constraints, computed correct responses.
fn template_xml(
    template: Option<&Template>,
    writer: &mut Writer,
    math_variables: &[String],
) -> Result<String, String> {
    let Some(template) = template else {
        return Ok(String::new());
    };
    let mut declarations = String::new();
    let mut rules = String::new();
    for (name, range) in &template.variables {
        let whole = |value: f64| value.fract() == 0.0;
        let (base_type, value) = match range {
            VariableRange::Range { min, max, step }
                if whole(*min) && whole(*max) && step.is_none_or(whole) =>
            {
                let step_attribute = step
                    .map(|step| format!(" step=\"{step}\""))
                    .unwrap_or_default();
                (
                    "integer",
                    format!("<qti-random-integer min=\"{min}\" max=\"{max}\"{step_attribute}/>"),
                )
            }
            VariableRange::Range { min, max, step } => {
                // Multiples of a fractional step: a whole number of steps times the step.
                let step = step.unwrap_or(1.0);
                let (low, high) = ((min / step).round(), (max / step).round());
                ("float", format!("<qti-product><qti-random-integer min=\"{low}\" max=\"{high}\"/><qti-base-value base-type=\"float\">{step}</qti-base-value></qti-product>"))
            }
            VariableRange::List { choose } => {
                let values: String = choose
                    .iter()
                    .map(|value| {
                        format!("<qti-base-value base-type=\"float\">{value}</qti-base-value>")
                    })
                    .collect();
                (
                    "float",
                    format!("<qti-random><qti-multiple>{values}</qti-multiple></qti-random>"),
                )
            }
        };
        let math = if math_variables.contains(name) {
            " math-variable=\"true\""
        } else {
            ""
        };
        declarations.push_str(&format!("<qti-template-declaration identifier=\"{}\" cardinality=\"single\" base-type=\"{base_type}\"{math}/>\n", escape(name)));
        rules.push_str(&format!(
            "<qti-set-template-value identifier=\"{}\">{value}</qti-set-template-value>",
            escape(name)
        ));
    }
    let mut derived: Vec<(String, String)> = template
        .derived
        .iter()
        .map(|(name, expression)| (name.clone(), expression.clone()))
        .collect();
    derived.extend(writer.names.derived.iter().cloned());
    for (name, expression) in &derived {
        let math = if math_variables.contains(name) {
            " math-variable=\"true\""
        } else {
            ""
        };
        declarations.push_str(&format!("<qti-template-declaration identifier=\"{}\" cardinality=\"single\" base-type=\"float\"{math}/>\n", escape(name)));
        rules.push_str(&format!(
            "<qti-set-template-value identifier=\"{}\">{}</qti-set-template-value>",
            escape(name),
            qti_expression_text(expression)?
        ));
    }
    for constraint in &template.constraints {
        rules.push_str(&format!(
            "<qti-template-constraint>{}</qti-template-constraint>",
            qti_expression_text(constraint)?
        ));
    }
    for (response, name) in &writer.computed_answers {
        rules.push_str(&format!("<qti-set-correct-response identifier=\"{response}\"><qti-variable identifier=\"{}\"/></qti-set-correct-response>", escape(name)));
    }
    Ok(format!(
        "{declarations}<qti-template-processing>{rules}</qti-template-processing>\n"
    ))
}

fn qti_expression_text(text: &str) -> Result<String, String> {
    let expression = parse_expression(text, NameStyle::Identifiers)
        .map_err(|error| format!("{text}: {}", error.message))?;
    qti_expression(&expression)
}

/// A template expression as a QTI expression tree.
fn qti_expression(expression: &Expr) -> Result<String, String> {
    Ok(match expression {
        Expr::Number(value) => {
            format!("<qti-base-value base-type=\"float\">{value}</qti-base-value>")
        }
        Expr::Variable(name) => format!("<qti-variable identifier=\"{}\"/>", escape(name)),
        Expr::Negate(inner) => format!(
            "<qti-product><qti-base-value base-type=\"float\">-1</qti-base-value>{}</qti-product>",
            qti_expression(inner)?
        ),
        Expr::Binary(operator, left, right) => {
            let (left, right) = (qti_expression(left)?, qti_expression(right)?);
            let name = match operator {
                BinaryOp::Add => "qti-sum",
                BinaryOp::Subtract => "qti-subtract",
                BinaryOp::Multiply => "qti-product",
                BinaryOp::Divide => "qti-divide",
                BinaryOp::Power => "qti-power",
                BinaryOp::Equal => "qti-match",
                BinaryOp::NotEqual => {
                    return Ok(format!(
                        "<qti-not><qti-match>{left}{right}</qti-match></qti-not>"
                    ))
                }
                BinaryOp::Less => "qti-lt",
                BinaryOp::LessOrEqual => "qti-lte",
                BinaryOp::Greater => "qti-gt",
                BinaryOp::GreaterOrEqual => "qti-gte",
            };
            format!("<{name}>{left}{right}</{name}>")
        }
        Expr::Call(function, arguments) => {
            let arguments: Result<String, String> = arguments.iter().map(qti_expression).collect();
            let arguments = arguments?;
            match function.as_str() {
                "gcd" | "lcm" | "min" | "max" | "round" => {
                    format!("<qti-{function}>{arguments}</qti-{function}>")
                }
                "mod" => format!("<qti-integer-modulus>{arguments}</qti-integer-modulus>"),
                "abs" | "floor" | "ceil" | "sqrt" => format!(
                    "<qti-math-operator name=\"{function}\">{arguments}</qti-math-operator>"
                ),
                other => return Err(format!("the function {other} has no QTI expression")),
            }
        }
    })
}

/// Template variables a QTI player may put into the MathML (`math-variable`): written `{{a}}` in
/// some formula, and never as a plain letter of a formula (where the value would wrongly appear).
fn math_variables(item: &Item) -> Vec<String> {
    let Some(template) = &item.template else {
        return Vec::new();
    };
    let mut texts: Vec<&str> = vec![&item.prompt];
    texts.extend(item.hints.iter().map(|hint| hint.text.as_str()));
    texts.extend(item.solution.as_deref());
    if let ItemKind::MultiStep { steps } = &item.kind {
        for step in steps {
            texts.push(&step.prompt);
            texts.extend(step.hints.iter().map(|hint| hint.text.as_str()));
            texts.extend(step.solution.as_deref());
        }
    }
    let formulas: Vec<String> = texts
        .iter()
        .flat_map(|text| super::markup::math_sources(text))
        .collect();
    let without_values: Vec<String> = formulas
        .iter()
        .map(|formula| remove_template_values(formula))
        .collect();
    template
        .variables
        .keys()
        .chain(template.derived.keys())
        .filter(|name| {
            let marked = format!("{{{{{name}}}}}");
            formulas.iter().any(|formula| formula.contains(&marked))
                && !without_values
                    .iter()
                    .any(|formula| has_identifier(formula, name))
        })
        .cloned()
        .collect()
}

fn remove_template_values(formula: &str) -> String {
    let mut out = String::new();
    let mut rest = formula;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        match rest[start..].find("}}") {
            Some(end) => rest = &rest[start + end + 2..],
            None => {
                rest = "";
            }
        }
        out.push(' ');
    }
    out.push_str(rest);
    out
}

/// Whether a name stands in a formula as a letter of its own (not inside a longer word or a
/// command such as `\frac`).
fn has_identifier(formula: &str, name: &str) -> bool {
    formula.match_indices(name).any(|(at, _)| {
        let before = formula[..at].chars().next_back();
        let after = formula[at + name.len()..].chars().next();
        let is_word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic() || c == '\\');
        !is_word(before) && !after.is_some_and(|c| c.is_ascii_alphabetic())
    })
}
