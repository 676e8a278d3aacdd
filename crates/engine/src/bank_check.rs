//! Reading a bank and checking it: `load_bank` never stops at the first problem. It returns the
//! bank (when it has no error) and every diagnostic, each with the JSON path it is about; the
//! texts a learner sees are checked in `bank_check/texts.rs`.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::bank::{Bank, BankSettings, Hint, Item, ItemKind, Skill, Step};
use crate::bank_read::{read_item, read_settings, read_skill};
use crate::json::read::Read;
use crate::json::{self, Json};
use crate::template::instantiate;

mod texts;
pub use texts::{has_scheme, is_remote, markup_problem_severity, media_addresses, texts_as_shown};

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
    let root = match json::parse(text) {
        Ok(value) => value,
        Err(error) => {
            diagnostics.push(error_at(
                format!("line {}, column {}", error.line, error.column),
                format!("the file is not valid JSON: {}", error.message),
            ));
            return BankLoad {
                bank: None,
                diagnostics,
            };
        }
    };
    let Json::Object(_) = &root else {
        diagnostics.push(error_at("$".into(), "a bank must be a JSON object".into()));
        return BankLoad {
            bank: None,
            diagnostics,
        };
    };
    let object = &root;
    let header = read_header(object, &mut diagnostics);
    let (skills, skill_positions): (Vec<Skill>, _) =
        read_list(object, "skills", read_skill, &mut diagnostics);
    let (items, item_positions): (Vec<Item>, _) =
        read_list(object, "items", read_item, &mut diagnostics);
    let Some((id, version, title, language, license, attribution, settings)) = header else {
        texts::check_texts(&root, &mut diagnostics);
        return BankLoad {
            bank: None,
            diagnostics,
        };
    };
    let bank = Bank {
        id,
        version,
        title,
        language,
        license,
        attribution,
        settings,
        skills,
        items,
    };
    check_bank(
        &bank,
        &SourcePositions {
            skills: skill_positions,
            items: item_positions,
        },
        &mut diagnostics,
    );
    texts::check_texts(&root, &mut diagnostics);
    let has_error = diagnostics.iter().any(|d| d.severity == Severity::Error);
    BankLoad {
        bank: if has_error { None } else { Some(bank) },
        diagnostics,
    }
}

type Header = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    BankSettings,
);

fn read_header(object: &Json, diagnostics: &mut Vec<Diagnostic>) -> Option<Header> {
    let mut required = |key: &str| match object.get(key) {
        Some(Json::String(text)) if !text.trim().is_empty() => Some(text.clone()),
        Some(_) => {
            diagnostics.push(error_at(
                format!("$.{key}"),
                format!("`{key}` must be a non-empty string"),
            ));
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
    let optional = |key: &str| object.get(key).and_then(Json::as_str).map(str::to_owned);
    let settings = match object.get("settings") {
        None => Some(BankSettings::default()),
        Some(value) => match read_settings(value) {
            Ok(settings) => Some(settings),
            Err(error) => {
                diagnostics.push(error_at("$.settings".into(), error));
                None
            }
        },
    };
    Some((
        id?,
        version?,
        title?,
        optional("language"),
        optional("license"),
        optional("attribution"),
        settings?,
    ))
}

/// Reads each element of a list on its own, so one bad element does not hide the others.
/// Returns the elements read and their positions in the file's list.
fn read_list<T>(
    object: &Json,
    key: &str,
    read: fn(&Json) -> Read<T>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<T>, Vec<usize>) {
    let Some(value) = object.get(key) else {
        diagnostics.push(error_at(
            "$".into(),
            format!("the bank has no `{key}` list"),
        ));
        return (Vec::new(), Vec::new());
    };
    let Some(elements) = value.as_array() else {
        diagnostics.push(error_at(
            format!("$.{key}"),
            format!("`{key}` must be a list"),
        ));
        return (Vec::new(), Vec::new());
    };
    let mut elements_read = Vec::with_capacity(elements.len());
    let mut positions = Vec::with_capacity(elements.len());
    for (index, element) in elements.iter().enumerate() {
        match read(element) {
            Ok(parsed) => {
                elements_read.push(parsed);
                positions.push(index);
            }
            Err(error) => {
                let id = element.get("id").and_then(Json::as_str);
                diagnostics.push(error_at(element_path(key, index, id), error));
            }
        }
    }
    (elements_read, positions)
}

fn element_path(list: &str, index: usize, id: Option<&str>) -> String {
    match id {
        Some(id) => format!("$.{list}[{index}] (\"{id}\")"),
        None => format!("$.{list}[{index}]"),
    }
}

fn error_at(path: String, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        path,
        message,
    }
}

fn warning_at(path: String, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        path,
        message,
    }
}

/// The checks that need the whole bank: references, cycles, reachable answers.
/// Where each parsed skill and item stood in the file (elements that failed to parse are missing
/// from the bank, so bank indexes and file indexes differ).
struct SourcePositions {
    skills: Vec<usize>,
    items: Vec<usize>,
}

fn check_bank(bank: &Bank, source: &SourcePositions, diagnostics: &mut Vec<Diagnostic>) {
    let skill_path = |index: usize, id: &str| {
        element_path(
            "skills",
            source.skills.get(index).copied().unwrap_or(index),
            Some(id),
        )
    };
    let item_path = |index: usize, id: &str| {
        element_path(
            "items",
            source.items.get(index).copied().unwrap_or(index),
            Some(id),
        )
    };
    let mut skill_ids = BTreeSet::new();
    for (index, skill) in bank.skills.iter().enumerate() {
        let path = skill_path(index, &skill.id);
        if !skill_ids.insert(skill.id.as_str()) {
            diagnostics.push(error_at(
                path.clone(),
                format!("the skill id {:?} is used twice", skill.id),
            ));
        }
    }
    for (index, skill) in bank.skills.iter().enumerate() {
        for (p, prerequisite) in skill.prerequisites.iter().enumerate() {
            if !skill_ids.contains(prerequisite.as_str()) {
                let path = format!("{}.prerequisites[{p}]", skill_path(index, &skill.id));
                diagnostics.push(error_at(path, format!("unknown skill {prerequisite:?}")));
            }
        }
    }
    if let Some(cycle) = find_prerequisite_cycle(&bank.skills) {
        diagnostics.push(error_at(
            "$.skills".into(),
            format!("prerequisites form a cycle: {}", cycle.join(" -> ")),
        ));
    }
    let mut item_ids = BTreeSet::new();
    let mut items_per_skill: BTreeMap<&str, u32> = BTreeMap::new();
    for (index, item) in bank.items.iter().enumerate() {
        let path = item_path(index, &item.id);
        if !item_ids.insert(item.id.as_str()) {
            diagnostics.push(error_at(
                path.clone(),
                format!("the item id {:?} is used twice", item.id),
            ));
        }
        if item.skills.is_empty() {
            diagnostics.push(error_at(
                format!("{path}.skills"),
                "an item needs at least one skill".into(),
            ));
        }
        for (s, skill) in item.skills.iter().enumerate() {
            if skill_ids.contains(skill.as_str()) {
                *items_per_skill.entry(skill.as_str()).or_default() += 1;
            } else {
                diagnostics.push(error_at(
                    format!("{path}.skills[{s}]"),
                    format!("unknown skill {skill:?}"),
                ));
            }
        }
        if item.prompt.trim().is_empty() {
            diagnostics.push(error_at(
                format!("{path}.prompt"),
                "the prompt is empty".into(),
            ));
        }
        if let Some(difficulty) = item.difficulty {
            if !difficulty.is_finite() || difficulty.abs() > 6.0 {
                diagnostics.push(error_at(
                    format!("{path}.difficulty"),
                    "difficulty must be between -6 and 6".into(),
                ));
            }
        }
        check_item_kind(item, &path, diagnostics);
        if let ItemKind::FillBlanks { blanks } = &item.kind {
            for number in 1..=blanks.len() {
                if !item.prompt.contains(&format!("[[{number}]]")) {
                    diagnostics.push(error_at(
                        format!("{path}.prompt"),
                        format!("the prompt has no gap [[{number}]]"),
                    ));
                }
            }
        }
        if let ItemKind::MultiStep { steps } = &item.kind {
            for (s, step) in steps.iter().enumerate() {
                for (k, skill) in step.skills.iter().enumerate() {
                    if !skill_ids.contains(skill.as_str()) {
                        let at = format!("{path}.steps[{s}].skills[{k}]");
                        diagnostics.push(error_at(at, format!("unknown skill {skill:?}")));
                    }
                }
            }
        }
    }
    for (index, skill) in bank.skills.iter().enumerate() {
        let count = items_per_skill.get(skill.id.as_str()).copied().unwrap_or(0);
        if count < bank.settings.min_evidence {
            diagnostics.push(warning_at(
                skill_path(index, &skill.id),
                format!(
                    "only {count} item(s) practise this skill; mastery needs {} answers",
                    bank.settings.min_evidence
                ),
            ));
        }
    }
    let settings = &bank.settings;
    if !(0.05..=0.95).contains(&settings.target_success) {
        diagnostics.push(error_at(
            "$.settings.targetSuccess".into(),
            "must be between 0.05 and 0.95".into(),
        ));
    }
    if !(0.5..=0.99).contains(&settings.mastery_threshold) {
        diagnostics.push(error_at(
            "$.settings.masteryThreshold".into(),
            "must be between 0.5 and 0.99".into(),
        ));
    }
    if !(0.5..=0.99).contains(&settings.target_retention) {
        diagnostics.push(error_at(
            "$.settings.targetRetention".into(),
            "must be between 0.5 and 0.99".into(),
        ));
    }
}

/// How many variants of a template are drawn to check that every one is answerable.
const TEMPLATE_SAMPLES: u64 = 20;

fn check_item_kind(item: &Item, path: &str, diagnostics: &mut Vec<Diagnostic>) {
    if item.template.is_some() {
        for seed in 0..TEMPLATE_SAMPLES {
            match instantiate(item, seed) {
                Ok(variant) => {
                    let mut variant_problems = Vec::new();
                    check_kind(&variant.kind, path, &mut variant_problems);
                    if let Some(first) = variant_problems.into_iter().next() {
                        diagnostics.push(error_at(
                            first.path,
                            format!("in the variant of seed {seed}: {}", first.message),
                        ));
                        return;
                    }
                }
                Err(problem) => {
                    diagnostics.push(error_at(format!("{path}.template"), problem.message));
                    return;
                }
            }
        }
    } else {
        check_kind(&item.kind, path, diagnostics);
    }
    check_hints(&item.hints, path, diagnostics);
}

fn check_hints(hints: &[Hint], path: &str, diagnostics: &mut Vec<Diagnostic>) {
    for (h, hint) in hints.iter().enumerate() {
        let hint_path = format!("{path}.hints[{h}]");
        if hint.text.trim().is_empty() && hint.scaffold.is_none() {
            diagnostics.push(error_at(
                hint_path.clone(),
                "a hint needs a text or a scaffold".into(),
            ));
        }
        if let Some(scaffold) = &hint.scaffold {
            check_step(scaffold, &format!("{hint_path}.scaffold"), diagnostics);
        }
    }
}

fn check_step(step: &Step, path: &str, diagnostics: &mut Vec<Diagnostic>) {
    if step.prompt.trim().is_empty() {
        diagnostics.push(error_at(
            format!("{path}.prompt"),
            "the prompt is empty".into(),
        ));
    }
    if let ItemKind::MultiStep { .. } = step.kind {
        diagnostics.push(error_at(
            path.to_string(),
            "a step cannot itself have steps".into(),
        ));
        return;
    }
    check_kind(&step.kind, path, diagnostics);
    check_hints(&step.hints, path, diagnostics);
}

fn check_kind(kind: &ItemKind, path: &str, diagnostics: &mut Vec<Diagnostic>) {
    for (field, message) in crate::answer_check::answer_warnings(kind) {
        diagnostics.push(warning_at(format!("{path}{field}"), message));
    }
    let mut report = |field: &str, message: String| {
        diagnostics.push(error_at(format!("{path}{field}"), message))
    };
    for (field, message) in crate::answer_check::answer_errors(kind) {
        report(field, message);
    }
    match kind {
        ItemKind::SingleChoice {
            choices, answer, ..
        } => {
            if choices.len() < 2 {
                report(
                    ".choices",
                    "a choice item needs at least two choices".into(),
                );
            }
            if *answer >= choices.len() {
                report(
                    ".answer",
                    format!("the answer is choice {answer} but there are only {} choices (counted from 0)", choices.len()),
                );
            }
        }
        ItemKind::MultipleResponse {
            choices, answers, ..
        } => {
            if choices.len() < 2 {
                report(
                    ".choices",
                    "a choice item needs at least two choices".into(),
                );
            }
            if answers.is_empty() {
                report(".answers", "at least one choice must be correct".into());
            }
            for (a, &answer) in answers.iter().enumerate() {
                if answer >= choices.len() {
                    report(
                        &format!(".answers[{a}]"),
                        format!("there is no choice {answer} (counted from 0)"),
                    );
                }
            }
        }
        ItemKind::Numeric {
            answer,
            tolerance,
            relative_tolerance,
            misconceptions,
            ..
        } => {
            let allowed = tolerance
                .unwrap_or(0.0)
                .max(relative_tolerance.unwrap_or(0.0) * answer.value.abs());
            if tolerance.is_some_and(|t| t.is_nan() || t < 0.0)
                || relative_tolerance.is_some_and(|t| t.is_nan() || t < 0.0)
            {
                report(".tolerance", "tolerance must be a number >= 0".into());
            }
            if !answer.value.is_finite() {
                report(
                    ".answer",
                    format!("the answer {:?} is not a finite number", answer.text),
                );
            } else if crate::text_rules::parse_number(&answer.text)
                .is_some_and(|v| (v - answer.value).abs() > allowed.max(1e-9))
            {
                report(
                    ".answer",
                    "the answer does not satisfy its own tolerance".into(),
                );
            }
            for (m, misconception) in misconceptions.iter().enumerate() {
                if (misconception.answer.value - answer.value).abs() <= allowed.max(1e-9) {
                    report(
                        &format!(".misconceptions[{m}]"),
                        "this wrong answer is equal to the correct answer".into(),
                    );
                }
            }
        }
        // Read in `answer_check.rs`, with every typed answer.
        ItemKind::MathExpression { .. } => {}
        ItemKind::ShortText {
            answers, pattern, ..
        } => {
            if answers.iter().all(|a| a.trim().is_empty()) && pattern.is_none() {
                report(
                    ".answers",
                    "a short-text item needs at least one accepted answer".into(),
                );
            }
        }
        ItemKind::Ordering { items } => {
            if items.len() < 2 {
                report(
                    ".items",
                    "an ordering item needs at least two entries".into(),
                );
            }
        }
        ItemKind::FillBlanks { blanks } => {
            if blanks.is_empty() {
                report(
                    ".blanks",
                    "a fill-in-the-blanks item needs at least one blank".into(),
                );
            }
            for (b, blank) in blanks.iter().enumerate() {
                let numeric = blank.numeric.as_ref().is_some_and(|n| n.value.is_finite());
                if !numeric && blank.answers.iter().all(|a| a.trim().is_empty()) {
                    report(
                        &format!(".blanks[{b}]"),
                        "a blank needs accepted answers or a number".into(),
                    );
                }
            }
        }
        ItemKind::Matching { pairs, .. } => {
            if pairs.len() < 2 {
                report(".pairs", "a matching item needs at least two pairs".into());
            }
        }
        ItemKind::MultiStep { steps } => {
            if steps.is_empty() {
                report(".steps", "a multi-step item needs at least one step".into());
            }
            for (s, step) in steps.iter().enumerate() {
                check_step(step, &format!("{path}.steps[{s}]"), diagnostics);
            }
        }
    }
}

/// Finds one cycle in the prerequisite graph, as the list of skill ids around it.
fn find_prerequisite_cycle(skills: &[Skill]) -> Option<Vec<String>> {
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (position, skill) in skills.iter().enumerate() {
        // A duplicated id (reported elsewhere) refers to its first definition.
        index.entry(skill.id.as_str()).or_insert(position);
    }
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
            let Some(&next) = index.get(prerequisite.as_str()) else {
                continue;
            };
            if mark[next] == 1 {
                let start = path.iter().position(|&n| n == next).unwrap_or(0);
                let mut cycle: Vec<String> = path[start..]
                    .iter()
                    .map(|&n| skills[n].id.clone())
                    .collect();
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

#[cfg(test)]
mod tests;
