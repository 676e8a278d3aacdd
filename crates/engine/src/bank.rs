//! The item bank format: the JSON a teacher or publisher writes, read into checked types.
//!
//! `load_bank` never stops at the first problem: it returns the bank (when it has no error) and
//! every diagnostic it found, each with the JSON path of the place it is about.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::answer::parse_number;

/// A bank of practice items for some skills, as published in one JSON file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Bank {
    pub id: String,
    pub version: String,
    pub title: String,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub license: Option<String>,
    #[serde(default)]
    pub attribution: Option<String>,
    #[serde(default)]
    pub settings: BankSettings,
    pub skills: Vec<Skill>,
    pub items: Vec<Item>,
}

/// Settings a bank may set; every field has a default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BankSettings {
    /// The probability of success the item choice aims at.
    pub target_success: f64,
    /// The mastery estimate a skill needs to count as mastered.
    pub mastery_threshold: f64,
    /// How many answers on a skill are needed before it can count as mastered.
    pub min_evidence: u32,
}

impl Default for BankSettings {
    fn default() -> Self {
        BankSettings { target_success: 0.75, mastery_threshold: 0.8, min_evidence: 4 }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Skill {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub prerequisites: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    pub id: String,
    pub skills: Vec<String>,
    /// Difficulty on the logit scale: 0 is medium, -2.5 very easy, +2.5 very hard.
    #[serde(default)]
    pub difficulty: Option<f64>,
    pub prompt: String,
    #[serde(default)]
    pub solution: Option<String>,
    #[serde(flatten)]
    pub kind: ItemKind,
}

impl Item {
    /// The bank's prior difficulty, neutral (0) when the bank gives none.
    pub fn prior_difficulty(&self) -> f64 {
        self.difficulty.unwrap_or(0.0)
    }

    /// A short name of the item's type, for variety in item choice and for styling.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            ItemKind::SingleChoice { .. } => "singleChoice",
            ItemKind::Numeric { .. } => "numeric",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum ItemKind {
    /// Pick one of several choices; `answer` is the index of the correct one.
    #[serde(rename_all = "camelCase")]
    SingleChoice { choices: Vec<Choice>, answer: usize },
    /// Type a number; any way of writing the same value within `tolerance` is correct.
    #[serde(rename_all = "camelCase")]
    Numeric {
        answer: NumericValue,
        #[serde(default)]
        tolerance: Option<f64>,
        #[serde(default)]
        misconceptions: Vec<Misconception>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    pub text: String,
    /// Said when this choice is picked (typically: the misconception behind a wrong choice).
    #[serde(default)]
    pub feedback: Option<String>,
}

/// A typical wrong numeric answer and what to say about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Misconception {
    pub answer: NumericValue,
    pub feedback: String,
}

/// A number as the author wrote it (`0.75`, `"3/4"`, `"1 1/2"`) and its value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "NumberOrText", into = "NumberOrText")]
pub struct NumericValue {
    pub value: f64,
    pub text: String,
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum NumberOrText {
    Number(f64),
    Text(String),
}

impl TryFrom<NumberOrText> for NumericValue {
    type Error = String;
    fn try_from(raw: NumberOrText) -> Result<Self, String> {
        match raw {
            NumberOrText::Number(value) => Ok(NumericValue { value, text: format_number(value) }),
            NumberOrText::Text(text) => match parse_number(&text) {
                Some(value) => Ok(NumericValue { value, text }),
                None => Err(format!("cannot read {text:?} as a number")),
            },
        }
    }
}

impl From<NumericValue> for NumberOrText {
    fn from(value: NumericValue) -> Self {
        NumberOrText::Text(value.text)
    }
}

fn format_number(value: f64) -> String {
    let rounded = (value * 1e9).round() / 1e9;
    rounded.to_string()
}

/// One problem found in a bank, with the JSON path of the place it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: String,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    Error,
    Warning,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity} at {}: {}", self.path, self.message)
    }
}

/// What reading a bank gave: the bank when it has no error, and every diagnostic.
#[derive(Debug, Clone, PartialEq)]
pub struct BankLoad {
    pub bank: Option<Bank>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a bank from its JSON text and checks it, collecting every problem.
pub fn load_bank(text: &str) -> BankLoad {
    let mut diagnostics = Vec::new();
    let root: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            diagnostics.push(error_at(
                format!("line {}, column {}", error.line(), error.column()),
                format!("the file is not valid JSON: {}", strip_location(&error.to_string())),
            ));
            return BankLoad { bank: None, diagnostics };
        }
    };
    let Some(object) = root.as_object() else {
        diagnostics.push(error_at("$".into(), "a bank must be a JSON object".into()));
        return BankLoad { bank: None, diagnostics };
    };
    let header = read_header(object, &mut diagnostics);
    let skills: Vec<Skill> = read_list(object, "skills", "id", &mut diagnostics);
    let items: Vec<Item> = read_list(object, "items", "id", &mut diagnostics);
    let Some((id, version, title, language, license, attribution, settings)) = header else {
        return BankLoad { bank: None, diagnostics };
    };
    let bank = Bank { id, version, title, language, license, attribution, settings, skills, items };
    check_bank(&bank, &mut diagnostics);
    let has_error = diagnostics.iter().any(|d| d.severity == Severity::Error);
    BankLoad { bank: if has_error { None } else { Some(bank) }, diagnostics }
}

type Header = (String, String, String, Option<String>, Option<String>, Option<String>, BankSettings);

fn read_header(object: &serde_json::Map<String, Value>, diagnostics: &mut Vec<Diagnostic>) -> Option<Header> {
    let mut required = |key: &str| match object.get(key) {
        Some(Value::String(text)) if !text.trim().is_empty() => Some(text.clone()),
        Some(_) => {
            diagnostics.push(error_at(format!("$.{key}"), format!("`{key}` must be a non-empty string")));
            None
        }
        None => {
            diagnostics.push(error_at("$".into(), format!("the bank has no `{key}`")));
            None
        }
    };
    let id = required("id");
    let version = required("version");
    let title = required("title");
    let optional = |key: &str| object.get(key).and_then(Value::as_str).map(str::to_owned);
    let settings = match object.get("settings") {
        None => Some(BankSettings::default()),
        Some(value) => match serde_json::from_value::<BankSettings>(value.clone()) {
            Ok(settings) => Some(settings),
            Err(error) => {
                diagnostics.push(error_at("$.settings".into(), error.to_string()));
                None
            }
        },
    };
    Some((id?, version?, title?, optional("language"), optional("license"), optional("attribution"), settings?))
}

/// Reads each element of a list on its own, so one bad element does not hide the others.
fn read_list<T: serde::de::DeserializeOwned>(
    object: &serde_json::Map<String, Value>,
    key: &str,
    id_key: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<T> {
    let Some(value) = object.get(key) else {
        diagnostics.push(error_at("$".into(), format!("the bank has no `{key}` list")));
        return Vec::new();
    };
    let Some(elements) = value.as_array() else {
        diagnostics.push(error_at(format!("$.{key}"), format!("`{key}` must be a list")));
        return Vec::new();
    };
    let mut read = Vec::with_capacity(elements.len());
    for (index, element) in elements.iter().enumerate() {
        match serde_json::from_value::<T>(element.clone()) {
            Ok(parsed) => read.push(parsed),
            Err(error) => {
                let id = element.get(id_key).and_then(Value::as_str);
                diagnostics.push(error_at(element_path(key, index, id), error.to_string()));
            }
        }
    }
    read
}

fn element_path(list: &str, index: usize, id: Option<&str>) -> String {
    match id {
        Some(id) => format!("$.{list}[{index}] (\"{id}\")"),
        None => format!("$.{list}[{index}]"),
    }
}

fn error_at(path: String, message: String) -> Diagnostic {
    Diagnostic { severity: Severity::Error, path, message }
}

fn warning_at(path: String, message: String) -> Diagnostic {
    Diagnostic { severity: Severity::Warning, path, message }
}

fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

/// The checks that need the whole bank: references, cycles, reachable answers.
fn check_bank(bank: &Bank, diagnostics: &mut Vec<Diagnostic>) {
    let mut skill_ids = BTreeSet::new();
    for (index, skill) in bank.skills.iter().enumerate() {
        let path = element_path("skills", index, Some(&skill.id));
        if !skill_ids.insert(skill.id.as_str()) {
            diagnostics.push(error_at(path.clone(), format!("the skill id {:?} is used twice", skill.id)));
        }
    }
    for (index, skill) in bank.skills.iter().enumerate() {
        for (p, prerequisite) in skill.prerequisites.iter().enumerate() {
            if !skill_ids.contains(prerequisite.as_str()) {
                let path = format!("{}.prerequisites[{p}]", element_path("skills", index, Some(&skill.id)));
                diagnostics.push(error_at(path, format!("unknown skill {prerequisite:?}")));
            }
        }
    }
    if let Some(cycle) = find_prerequisite_cycle(&bank.skills) {
        diagnostics.push(error_at("$.skills".into(), format!("prerequisites form a cycle: {}", cycle.join(" -> "))));
    }
    let mut item_ids = BTreeSet::new();
    let mut items_per_skill: BTreeMap<&str, u32> = BTreeMap::new();
    for (index, item) in bank.items.iter().enumerate() {
        let path = element_path("items", index, Some(&item.id));
        if !item_ids.insert(item.id.as_str()) {
            diagnostics.push(error_at(path.clone(), format!("the item id {:?} is used twice", item.id)));
        }
        if item.skills.is_empty() {
            diagnostics.push(error_at(format!("{path}.skills"), "an item needs at least one skill".into()));
        }
        for (s, skill) in item.skills.iter().enumerate() {
            if skill_ids.contains(skill.as_str()) {
                *items_per_skill.entry(skill.as_str()).or_default() += 1;
            } else {
                diagnostics.push(error_at(format!("{path}.skills[{s}]"), format!("unknown skill {skill:?}")));
            }
        }
        if item.prompt.trim().is_empty() {
            diagnostics.push(error_at(format!("{path}.prompt"), "the prompt is empty".into()));
        }
        if let Some(difficulty) = item.difficulty {
            if !difficulty.is_finite() || difficulty.abs() > 6.0 {
                diagnostics.push(error_at(format!("{path}.difficulty"), "difficulty must be between -6 and 6".into()));
            }
        }
        check_item_kind(item, &path, diagnostics);
    }
    for (index, skill) in bank.skills.iter().enumerate() {
        let count = items_per_skill.get(skill.id.as_str()).copied().unwrap_or(0);
        if count < bank.settings.min_evidence {
            diagnostics.push(warning_at(
                element_path("skills", index, Some(&skill.id)),
                format!("only {count} item(s) practise this skill; mastery needs {} answers", bank.settings.min_evidence),
            ));
        }
    }
    let settings = &bank.settings;
    if !(0.05..=0.95).contains(&settings.target_success) {
        diagnostics.push(error_at("$.settings.targetSuccess".into(), "must be between 0.05 and 0.95".into()));
    }
    if !(0.5..=0.99).contains(&settings.mastery_threshold) {
        diagnostics.push(error_at("$.settings.masteryThreshold".into(), "must be between 0.5 and 0.99".into()));
    }
}

fn check_item_kind(item: &Item, path: &str, diagnostics: &mut Vec<Diagnostic>) {
    match &item.kind {
        ItemKind::SingleChoice { choices, answer } => {
            if choices.len() < 2 {
                diagnostics.push(error_at(format!("{path}.choices"), "a choice item needs at least two choices".into()));
            }
            if *answer >= choices.len() {
                diagnostics.push(error_at(
                    format!("{path}.answer"),
                    format!("the answer is choice {answer} but there are only {} choices (counted from 0)", choices.len()),
                ));
            }
        }
        ItemKind::Numeric { answer, tolerance, misconceptions } => {
            let tolerance = tolerance.unwrap_or(0.0);
            if !tolerance.is_finite() || tolerance < 0.0 {
                diagnostics.push(error_at(format!("{path}.tolerance"), "tolerance must be a number >= 0".into()));
            }
            if !answer.value.is_finite() {
                diagnostics.push(error_at(format!("{path}.answer"), "the answer is not a finite number".into()));
            }
            for (m, misconception) in misconceptions.iter().enumerate() {
                if (misconception.answer.value - answer.value).abs() <= tolerance.max(1e-9) {
                    diagnostics.push(error_at(
                        format!("{path}.misconceptions[{m}]"),
                        "this wrong answer is equal to the correct answer".into(),
                    ));
                }
            }
        }
    }
}

/// Finds one cycle in the prerequisite graph, as the list of skill ids around it.
fn find_prerequisite_cycle(skills: &[Skill]) -> Option<Vec<String>> {
    let index: BTreeMap<&str, usize> = skills.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    // 0 = unvisited, 1 = on the current path, 2 = done.
    let mut mark = vec![0u8; skills.len()];
    let mut path: Vec<usize> = Vec::new();
    fn visit(
        node: usize,
        skills: &[Skill],
        index: &BTreeMap<&str, usize>,
        mark: &mut [u8],
        path: &mut Vec<usize>,
    ) -> Option<Vec<String>> {
        mark[node] = 1;
        path.push(node);
        for prerequisite in &skills[node].prerequisites {
            let Some(&next) = index.get(prerequisite.as_str()) else { continue };
            if mark[next] == 1 {
                let start = path.iter().position(|&n| n == next).unwrap_or(0);
                let mut cycle: Vec<String> = path[start..].iter().map(|&n| skills[n].id.clone()).collect();
                cycle.push(skills[next].id.clone());
                return Some(cycle);
            }
            if mark[next] == 0 {
                if let Some(cycle) = visit(next, skills, index, mark, path) {
                    return Some(cycle);
                }
            }
        }
        path.pop();
        mark[node] = 2;
        None
    }
    for start in 0..skills.len() {
        if mark[start] == 0 {
            if let Some(cycle) = visit(start, skills, &index, &mut mark, &mut path) {
                return Some(cycle);
            }
        }
    }
    None
}
