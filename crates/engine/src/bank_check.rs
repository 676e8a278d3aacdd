//! Reading a bank and checking it: `load_bank` never stops at the first problem. It returns the
//! bank (when it has no error) and every diagnostic, each with the JSON path it is about; the
//! texts a learner sees are checked in `bank_check/texts.rs`. `read_bank` and
//! `LaterChecks::check` are its two halves, for the widget, which checks the answers and texts
//! after the first item's frame. Each problem is made as a code with
//! parameters (`bank_check/problems.rs`); `load_bank_coded` gives them so, for a page that words
//! them in its own language, and `load_bank` in English words.

use crate::bank_index::{positions_of_items, positions_of_skills};
use crate::find_text::has_text;
use crate::gaps::{prompt_pieces, PromptPiece};
use crate::json::{path_index, path_then};
use serde::{Deserialize, Serialize};

use crate::bank::{Bank, BankSettings, Hint, Item, ItemKind, Skill, Step};
use crate::bank_read::{read_calibration, read_item, read_settings, read_skill};
use crate::display_float::display_float;
use crate::json::read::Read;
use crate::json::{self, Json};
use crate::quoted::quoted;
use crate::sorted_map::IdPositions;
use crate::template::instantiate;

mod problems;
mod texts;
pub use problems::{placeholders, Code, Problem, ProblemWords};
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

/// One problem found in a bank, as data: its place, its severity, its code and parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodedDiagnostic {
    pub severity: Severity,
    pub path: String,
    pub problem: Problem,
}

impl CodedDiagnostic {
    /// The diagnostic in English words, as the command line and the widget show it.
    pub fn diagnostic(&self) -> Diagnostic {
        Diagnostic {
            severity: self.severity,
            path: self.path.clone(),
            message: self.problem.english(),
        }
    }
}

/// What `load_bank_coded` gave: the bank when it has no error, and every problem as data.
#[derive(Debug, Clone, PartialEq)]
pub struct BankCheck {
    pub bank: Option<Bank>,
    pub diagnostics: Vec<CodedDiagnostic>,
}

/// Reads a bank from its JSON text and checks it, collecting every problem.
pub fn load_bank(text: &str) -> BankLoad {
    let checked = load_bank_coded(text);
    BankLoad {
        bank: checked.bank,
        diagnostics: checked
            .diagnostics
            .iter()
            .map(CodedDiagnostic::diagnostic)
            .collect(),
    }
}

/// `load_bank` with each problem as a code and parameters rather than English words.
pub fn load_bank_coded(text: &str) -> BankCheck {
    match read_bank(text) {
        BankRead::Checked { bank, later } => {
            let diagnostics = later.check(&bank);
            let has_error = diagnostics.iter().any(|d| d.severity == Severity::Error);
            BankCheck {
                bank: if has_error { None } else { Some(*bank) },
                diagnostics,
            }
        }
        BankRead::Refused(diagnostics) => BankCheck {
            bank: None,
            diagnostics,
        },
    }
}

/// `load_bank_coded` in two parts, for a widget that shows its first item before the answers and
/// texts are checked: `read_bank` reads the bank and checks its structure (the header, every
/// skill and item read, ids, references, prerequisite cycles, settings); `LaterChecks::check`
/// checks everything, and gives every diagnostic `load_bank_coded` gives, in the same order.
pub enum BankRead {
    /// The bank, without an error so far, and its answers, template variants and texts still to
    /// check.
    Checked { bank: Box<Bank>, later: LaterChecks },
    /// A bank with an error: every diagnostic, its answers' and texts' included, as
    /// `load_bank_coded` gives them.
    Refused(Vec<CodedDiagnostic>),
}

/// What is left to check of a bank `read_bank` accepted so far, and what was found before.
pub struct LaterChecks {
    root: Json,
    diagnostics: Vec<CodedDiagnostic>,
    source: SourcePositions,
}

impl LaterChecks {
    /// Every diagnostic of `bank`, the bank `read_bank` gave (whole, not limited to some
    /// skills): those found by `read_bank` (warnings only), then the whole bank's checks (its
    /// structure again, so that the order is `load_bank_coded`'s), then every text's. The bank is
    /// refused when one of them is an error.
    pub fn check(self, bank: &Bank) -> Vec<CodedDiagnostic> {
        let LaterChecks {
            root,
            mut diagnostics,
            source,
        } = self;
        check_calibration_ids(bank, &mut diagnostics);
        check_bank(bank, &source, Scope::Whole, &mut diagnostics);
        texts::check_texts(&root, &mut diagnostics);
        diagnostics
    }
}

/// What `check_bank` checks: everything, or only the bank's structure, without each item's
/// answers and template variants and without the warnings (what decides whether the first item
/// may be shown before the rest is checked).
#[derive(Clone, Copy, PartialEq)]
enum Scope {
    Whole,
    Structure,
}

/// Reads a bank and checks its structure: the header, every skill and item, ids, references,
/// prerequisite cycles and settings. A bank with an error there is refused with every
/// diagnostic; else its answers, template variants and texts are left to `LaterChecks`.
pub fn read_bank(text: &str) -> BankRead {
    let mut diagnostics = Vec::new();
    let root = match json::parse(text) {
        Ok(value) => value,
        Err(error) => {
            // A web page where the bank should be: the usual cause is a wrong address.
            let detail = if text.trim_start().starts_with('<') {
                "it is a web page (HTML), not a bank: check the bank's address"
            } else {
                error.message
            };
            diagnostics.push(error_at(
                format!("line {}, column {}", error.line, error.column),
                Problem::new(Code::NotJson).with("detail", detail),
            ));
            return BankRead::Refused(diagnostics);
        }
    };
    let Json::Object(_) = &root else {
        diagnostics.push(error_at("$".into(), Problem::new(Code::NotAnObject)));
        return BankRead::Refused(diagnostics);
    };
    let object = &root;
    let header = read_header(object, &mut diagnostics);
    let (skills, skill_positions): (Vec<Skill>, _) =
        read_list(object, "skills", read_skill, &mut diagnostics);
    let (items, item_positions): (Vec<Item>, _) =
        read_list(object, "items", read_item, &mut diagnostics);
    let calibration = match object.get("calibration") {
        None | Some(Json::Null) => None,
        Some(value) => match read_calibration(value) {
            Ok(calibration) => Some(calibration),
            Err((path, detail)) => {
                diagnostics.push(error_at(
                    path,
                    Problem::new(Code::UnreadableCalibration).with("detail", detail),
                ));
                None
            }
        },
    };
    let Some((id, version, title, language, license, attribution, settings)) = header else {
        texts::check_texts(&root, &mut diagnostics);
        return BankRead::Refused(diagnostics);
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
        calibration,
    };
    let source = SourcePositions {
        skills: skill_positions,
        items: item_positions,
    };
    let mut structure = Vec::new();
    check_bank(&bank, &source, Scope::Structure, &mut structure);
    let has_error = |found: &[CodedDiagnostic]| found.iter().any(|d| d.severity == Severity::Error);
    if has_error(&diagnostics) || has_error(&structure) {
        check_calibration_ids(&bank, &mut diagnostics);
        check_bank(&bank, &source, Scope::Whole, &mut diagnostics);
        texts::check_texts(&root, &mut diagnostics);
        return BankRead::Refused(diagnostics);
    }
    BankRead::Checked {
        bank: Box::new(bank),
        later: LaterChecks {
            root,
            diagnostics,
            source,
        },
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

fn read_header(object: &Json, diagnostics: &mut Vec<CodedDiagnostic>) -> Option<Header> {
    let mut required = |key: &str| match object.get(key) {
        Some(Json::String(text)) if !text.trim().is_empty() => Some(text.clone()),
        Some(_) => {
            diagnostics.push(error_at(
                path_then("$.", key),
                Problem::new(Code::EmptyHeaderField).with("key", key),
            ));
            None
        }
        None => {
            diagnostics.push(error_at(
                "$".into(),
                Problem::new(Code::MissingHeaderField).with("key", key),
            ));
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
                diagnostics.push(error_at(
                    "$.settings".into(),
                    Problem::new(Code::UnreadableSettings).with("detail", error),
                ));
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
    diagnostics: &mut Vec<CodedDiagnostic>,
) -> (Vec<T>, Vec<usize>) {
    let Some(value) = object.get(key) else {
        diagnostics.push(error_at(
            "$".into(),
            Problem::new(Code::MissingList).with("key", key),
        ));
        return (Vec::new(), Vec::new());
    };
    let Some(elements) = value.as_array() else {
        diagnostics.push(error_at(
            path_then("$.", key),
            Problem::new(Code::NotAList).with("key", key),
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
                diagnostics.push(error_at(
                    element_path(key, index, id),
                    Problem::new(Code::UnreadableElement).with("detail", error),
                ));
            }
        }
    }
    (elements_read, positions)
}

/// Ids of the calibration block the bank does not have: a warning each (their parameters are
/// ignored). A step's entry `item#part` needs the item and its part.
fn check_calibration_ids(bank: &Bank, diagnostics: &mut Vec<CodedDiagnostic>) {
    let Some(calibration) = &bank.calibration else {
        return;
    };
    let skill_ids = positions_of_skills(bank);
    for id in calibration.skills.keys() {
        if !skill_ids.contains(id) {
            diagnostics.push(warning_at(
                format!("$.calibration.skills[{}]", quoted(id)),
                Problem::new(Code::CalibrationUnknownSkill).with("id", quoted(id)),
            ));
        }
    }
    let item_ids = positions_of_items(bank);
    for key in calibration.items.keys() {
        let known = match key.rsplit_once('#') {
            None => item_ids.contains(key),
            Some((item_id, part)) => item_ids.last(item_id).is_some_and(|position| {
                let parts = bank.items[position].parts().len();
                parts > 1 && part.parse::<usize>().is_ok_and(|part| part < parts)
            }),
        };
        if !known {
            diagnostics.push(warning_at(
                format!("$.calibration.items[{}]", quoted(key)),
                Problem::new(Code::CalibrationUnknownItem).with("id", quoted(key)),
            ));
        }
    }
}

fn element_path(list: &str, index: usize, id: Option<&str>) -> String {
    match id {
        Some(id) => format!("$.{list}[{index}] (\"{id}\")"),
        None => format!("$.{list}[{index}]"),
    }
}

fn error_at(path: String, problem: Problem) -> CodedDiagnostic {
    CodedDiagnostic {
        severity: Severity::Error,
        path,
        problem,
    }
}

fn warning_at(path: String, problem: Problem) -> CodedDiagnostic {
    CodedDiagnostic {
        severity: Severity::Warning,
        path,
        problem,
    }
}

/// The checks that need the whole bank: references, cycles, reachable answers.
/// Where each parsed skill and item stood in the file (elements that failed to parse are missing
/// from the bank, so bank indexes and file indexes differ).
struct SourcePositions {
    skills: Vec<usize>,
    items: Vec<usize>,
}

fn check_bank(
    bank: &Bank,
    source: &SourcePositions,
    scope: Scope,
    diagnostics: &mut Vec<CodedDiagnostic>,
) {
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
    let skill_ids = positions_of_skills(bank);
    for (index, skill) in bank.skills.iter().enumerate() {
        if skill_ids.first(&skill.id) != Some(index) {
            diagnostics.push(error_at(
                skill_path(index, &skill.id),
                Problem::new(Code::SkillIdUsedTwice).with("id", quoted(&skill.id)),
            ));
        }
    }
    for (index, skill) in bank.skills.iter().enumerate() {
        for (p, prerequisite) in skill.prerequisites.iter().enumerate() {
            if !skill_ids.contains(prerequisite.as_str()) {
                let path = path_index(&skill_path(index, &skill.id), ".prerequisites", p);
                diagnostics.push(error_at(path, unknown_skill(prerequisite)));
            }
        }
    }
    if let Some(cycle) = find_prerequisite_cycle(&bank.skills, &skill_ids) {
        diagnostics.push(error_at(
            "$.skills".into(),
            Problem::new(Code::PrerequisiteCycle)
                .with("cycle", crate::text_rules::join_texts(&cycle, " -> ")),
        ));
    }
    let item_ids = positions_of_items(bank);
    // Counted at the first skill of each id.
    let mut items_per_skill = vec![0u32; bank.skills.len()];
    for (index, item) in bank.items.iter().enumerate() {
        // Written out only for a diagnostic: most items have none.
        let path = || item_path(index, &item.id);
        if item_ids.first(&item.id) != Some(index) {
            diagnostics.push(error_at(
                path(),
                Problem::new(Code::ItemIdUsedTwice).with("id", quoted(&item.id)),
            ));
        }
        if item.skills.is_empty() {
            diagnostics.push(error_at(
                path_then(&path(), ".skills"),
                Problem::new(Code::NoSkill),
            ));
        }
        for (s, skill) in item.skills.iter().enumerate() {
            if let Some(first) = skill_ids.first(skill) {
                items_per_skill[first] += 1;
            } else {
                diagnostics.push(error_at(
                    path_index(&path(), ".skills", s),
                    unknown_skill(skill),
                ));
            }
        }
        if item.prompt.trim().is_empty() {
            diagnostics.push(error_at(
                path_then(&path(), ".prompt"),
                Problem::new(Code::EmptyPrompt),
            ));
        }
        if let Some(difficulty) = item.difficulty {
            if !difficulty.is_finite() || difficulty.abs() > 6.0 {
                diagnostics.push(error_at(
                    path_then(&path(), ".difficulty"),
                    Problem::new(Code::DifficultyOutOfRange),
                ));
            }
        }
        // Checked under an empty path, the item's put in front of each diagnostic found.
        let found = diagnostics.len();
        if scope == Scope::Whole {
            check_item_kind(item, "", diagnostics);
        }
        if diagnostics.len() > found {
            let path = path();
            for diagnostic in &mut diagnostics[found..] {
                diagnostic.path.insert_str(0, &path);
            }
        }
        if let ItemKind::FillBlanks { blanks } = &item.kind {
            for number in 1..=blanks.len() {
                if !has_text(&item.prompt, &format!("[[{number}]]")) {
                    diagnostics.push(error_at(
                        path_then(&path(), ".prompt"),
                        Problem::new(Code::MissingGap).with_number("number", number as u64),
                    ));
                }
            }
            // A mark with no blank of its number is shown as nothing: the learner meets a
            // sentence with a word missing and no field to write it in.
            for piece in prompt_pieces(&item.prompt) {
                if let PromptPiece::Gap(number) = piece {
                    if number == 0 || number > blanks.len() {
                        diagnostics.push(warning_at(
                            path_then(&path(), ".prompt"),
                            Problem::new(Code::GapWithoutBlank)
                                .with_number("number", number as u64),
                        ));
                    }
                }
            }
        }
        if let ItemKind::MultiStep { steps } = &item.kind {
            for (s, step) in steps.iter().enumerate() {
                for (k, skill) in step.skills.iter().enumerate() {
                    if !skill_ids.contains(skill.as_str()) {
                        let at = path_index(&path_index(&path(), ".steps", s), ".skills", k);
                        diagnostics.push(error_at(at, unknown_skill(skill)));
                    }
                }
            }
        }
    }
    // Warnings only: left for later when only the structure is checked.
    let warned_skills = if scope == Scope::Whole {
        bank.skills.as_slice()
    } else {
        &[]
    };
    for (index, skill) in warned_skills.iter().enumerate() {
        let count = skill_ids
            .first(&skill.id)
            .map_or(0, |first| items_per_skill[first]);
        if count < bank.settings.min_evidence {
            diagnostics.push(warning_at(
                skill_path(index, &skill.id),
                Problem::new(Code::FewItemsForSkill)
                    .with_number("count", u64::from(count))
                    .with_number("needed", u64::from(bank.settings.min_evidence)),
            ));
        }
    }
    let settings = &bank.settings;
    for (key, value, min, max) in [
        ("targetSuccess", settings.target_success, 0.05, 0.95),
        ("masteryThreshold", settings.mastery_threshold, 0.5, 0.99),
        ("targetRetention", settings.target_retention, 0.5, 0.99),
    ] {
        if !(min..=max).contains(&value) {
            diagnostics.push(error_at(
                path_then("$.settings.", key),
                Problem::new(Code::SettingOutOfRange)
                    .with("min", display_float(min))
                    .with("max", display_float(max)),
            ));
        }
    }
}

fn unknown_skill(id: &str) -> Problem {
    Problem::new(Code::UnknownSkill).with("skill", quoted(id))
}

/// How many variants of a template are drawn to check that every one is answerable.
const TEMPLATE_SAMPLES: u64 = 20;

fn check_item_kind(item: &Item, path: &str, diagnostics: &mut Vec<CodedDiagnostic>) {
    if item.template.is_some() {
        for seed in 0..TEMPLATE_SAMPLES {
            match instantiate(item, seed) {
                Ok(variant) => {
                    let mut variant_problems = Vec::new();
                    check_kind(&variant.kind, path, &mut variant_problems);
                    if let Some(first) = variant_problems.into_iter().next() {
                        diagnostics.push(error_at(
                            first.path,
                            Problem::in_variant(seed, first.problem),
                        ));
                        return;
                    }
                }
                Err(problem) => {
                    diagnostics.push(error_at(
                        path_then(path, ".template"),
                        Problem::new(Code::TemplateProblem).with("detail", problem.message),
                    ));
                    return;
                }
            }
        }
    } else {
        check_kind(&item.kind, path, diagnostics);
    }
    check_hints(&item.hints, path, diagnostics);
}

fn check_hints(hints: &[Hint], path: &str, diagnostics: &mut Vec<CodedDiagnostic>) {
    for (h, hint) in hints.iter().enumerate() {
        let hint_path = path_index(path, ".hints", h);
        if hint.text.trim().is_empty() && hint.scaffold.is_none() {
            diagnostics.push(error_at(
                hint_path.clone(),
                Problem::new(Code::HintWithoutText),
            ));
        }
        if let Some(scaffold) = &hint.scaffold {
            check_step(scaffold, &path_then(&hint_path, ".scaffold"), diagnostics);
        }
    }
}

fn check_step(step: &Step, path: &str, diagnostics: &mut Vec<CodedDiagnostic>) {
    if step.prompt.trim().is_empty() {
        diagnostics.push(error_at(
            path_then(path, ".prompt"),
            Problem::new(Code::EmptyPrompt),
        ));
    }
    if let ItemKind::MultiStep { .. } = step.kind {
        diagnostics.push(error_at(
            path.to_string(),
            Problem::new(Code::StepWithSteps),
        ));
        return;
    }
    check_kind(&step.kind, path, diagnostics);
    check_hints(&step.hints, path, diagnostics);
}

fn check_kind(kind: &ItemKind, path: &str, diagnostics: &mut Vec<CodedDiagnostic>) {
    let answer_problem =
        |message: String| Problem::new(Code::AnswerProblem).with("detail", message);
    for (field, message) in crate::answer_check::answer_warnings(kind) {
        diagnostics.push(warning_at(path_then(path, field), answer_problem(message)));
    }
    let mut report =
        |field: &str, problem: Problem| diagnostics.push(error_at(path_then(path, field), problem));
    for (field, message) in crate::answer_check::answer_errors(kind) {
        report(field, answer_problem(message));
    }
    match kind {
        ItemKind::SingleChoice {
            choices, answer, ..
        } => {
            if choices.len() < 2 {
                report(".choices", Problem::new(Code::FewChoices));
            }
            if *answer >= choices.len() {
                report(
                    ".answer",
                    Problem::new(Code::AnswerChoiceMissing)
                        .with_number("answer", *answer as u64)
                        .with_number("count", choices.len() as u64),
                );
            }
        }
        ItemKind::MultipleResponse {
            choices, answers, ..
        } => {
            if choices.len() < 2 {
                report(".choices", Problem::new(Code::FewChoices));
            }
            if answers.is_empty() {
                report(".answers", Problem::new(Code::NoRightChoice));
            }
            for (a, &answer) in answers.iter().enumerate() {
                if answer >= choices.len() {
                    report(
                        &path_index("", ".answers", a),
                        Problem::new(Code::NoSuchChoice).with_number("answer", answer as u64),
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
                report(".tolerance", Problem::new(Code::NegativeTolerance));
            }
            if !answer.value.is_finite() {
                report(
                    ".answer",
                    Problem::new(Code::AnswerNotFinite).with("answer", quoted(&answer.text)),
                );
            } else if crate::text_rules::parse_number(&answer.text)
                .is_some_and(|v| (v - answer.value).abs() > allowed.max(1e-9))
            {
                report(".answer", Problem::new(Code::AnswerOutsideTolerance));
            }
            for (m, misconception) in misconceptions.iter().enumerate() {
                if (misconception.answer.value - answer.value).abs() <= allowed.max(1e-9) {
                    report(
                        &path_index("", ".misconceptions", m),
                        Problem::new(Code::WrongAnswerIsRight),
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
                report(".answers", Problem::new(Code::NoAcceptedAnswer));
            }
        }
        ItemKind::Ordering { items } => {
            if items.len() < 2 {
                report(".items", Problem::new(Code::FewEntries));
            }
        }
        ItemKind::FillBlanks { blanks } => {
            if blanks.is_empty() {
                report(".blanks", Problem::new(Code::NoBlanks));
            }
            for (b, blank) in blanks.iter().enumerate() {
                let numeric = blank.numeric.as_ref().is_some_and(|n| n.value.is_finite());
                if !numeric && blank.answers.iter().all(|a| a.trim().is_empty()) {
                    report(
                        &path_index("", ".blanks", b),
                        Problem::new(Code::EmptyBlank),
                    );
                }
            }
        }
        ItemKind::Matching { pairs, .. } => {
            if pairs.len() < 2 {
                report(".pairs", Problem::new(Code::FewPairs));
            }
        }
        ItemKind::MultiStep { steps } => {
            if steps.is_empty() {
                report(".steps", Problem::new(Code::NoSteps));
            }
            for (s, step) in steps.iter().enumerate() {
                check_step(step, &path_index(path, ".steps", s), diagnostics);
            }
        }
    }
}

/// Finds one cycle in the prerequisite graph, as the list of skill ids around it. A duplicated
/// id (reported elsewhere) refers to its first definition.
fn find_prerequisite_cycle(skills: &[Skill], index: &IdPositions) -> Option<Vec<String>> {
    // 0 = unvisited, 1 = on the current path, 2 = done.
    let mut mark = vec![0u8; skills.len()];
    let mut path: Vec<usize> = Vec::new();
    fn visit(
        node: usize,
        skills: &[Skill],
        index: &IdPositions,
        mark: &mut [u8],
        path: &mut Vec<usize>,
    ) -> Option<Vec<String>> {
        mark[node] = 1;
        path.push(node);
        for prerequisite in &skills[node].prerequisites {
            let Some(next) = index.first(prerequisite) else {
                continue;
            };
            if mark[next] == 1 {
                let start = path.iter().position(|&n| n == next).unwrap_or(0);
                let mut cycle = Vec::new();
                for &n in &path[start..] {
                    cycle.push(skills[n].id.clone());
                }
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
            if let Some(cycle) = visit(start, skills, index, &mut mark, &mut path) {
                return Some(cycle);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests;
