//! The bank around the converted items: skills with readable names, settings from the course
//! plan, license and attribution from the sources' `oer` and `license` fields, and the notes
//! that explain bank-wide choices (prerequisites, difficulty).

use std::collections::{BTreeMap, BTreeSet};

use adaptive_practice_engine::bank::{Bank, BankSettings, Item, Skill};

use super::note;
use super::source::{BktParameters, Course, ProblemFolder, TutoringEntry};
use crate::import::{ImportNote, NoteKind};

/// OATutor skill names (`simplify:_expressions_with_absolute_value`) to bank skill ids
/// (`simplify-expressions-with-absolute-value`), in the order they were first used.
#[derive(Debug, Default)]
pub(super) struct SkillIds {
    ids: Vec<(String, String)>,
}

impl SkillIds {
    pub(super) fn id_for(&mut self, oatutor_skill: &str) -> String {
        if let Some((_, id)) = self.ids.iter().find(|(skill, _)| skill == oatutor_skill) {
            return id.clone();
        }
        let base = slug(oatutor_skill);
        let base = if base.is_empty() {
            "skill".to_string()
        } else {
            base
        };
        let mut id = base.clone();
        let mut number = 2;
        while self.ids.iter().any(|(_, used)| *used == id) {
            id = format!("{base}-{number}");
            number += 1;
        }
        self.ids.push((oatutor_skill.to_string(), id.clone()));
        id
    }
}

/// Lower-case words of letters and digits joined by `-`.
fn slug(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    words.join("-")
}

/// `simplify:_expressions_with_absolute_value` → `Simplify: expressions with absolute value`.
pub(super) fn readable_skill_name(oatutor_skill: &str) -> String {
    let spaced = oatutor_skill.replace('_', " ");
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let joined = words.join(" ");
    let mut characters = joined.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => oatutor_skill.to_string(),
    }
}

/// The bank: header, settings, skills and items, and the notes on bank-wide choices.
pub(super) fn assemble_bank(
    folders: &[ProblemFolder],
    courses: &[Course],
    bkt_parameters: &BTreeMap<String, BktParameters>,
    skill_ids: &SkillIds,
    items: Vec<Item>,
) -> (Bank, Vec<ImportNote>) {
    let mut notes = Vec::new();
    let used: BTreeSet<&str> = items
        .iter()
        .flat_map(|item| item.skills.iter().map(String::as_str))
        .collect();
    let skills: Vec<Skill> = skill_ids
        .ids
        .iter()
        .filter(|(_, id)| used.contains(id.as_str()))
        .map(|(oatutor_skill, id)| Skill {
            id: id.clone(),
            name: readable_skill_name(oatutor_skill),
            description: skill_description(oatutor_skill, courses),
            prerequisites: Vec::new(),
        })
        .collect();
    notes.push(note(
        NoteKind::Decision,
        "coursePlans.json",
        "no prerequisites: lesson order is the book's sequence, not a statement that each skill needs every skill of \
         the lessons before it, and prerequisites lock skills in item choice"
            .into(),
    ));
    notes.push(note(
        NoteKind::Decision,
        "defaultBKTParams.json",
        difficulty_decision(bkt_parameters),
    ));
    let settings = settings_from_course_plans(courses, &mut notes);
    let course = courses.first();
    let course_name = course
        .map(|c| c.course_name.clone())
        .filter(|name| !name.is_empty());
    let course_name =
        course_name.or_else(|| folders.iter().find_map(|f| f.problem.course_name.clone()));
    let title = match &course_name {
        Some(name) => format!("{name} (from OATutor)"),
        None => "OATutor content".to_string(),
    };
    let id = slug(&format!("oatutor {}", course_name.unwrap_or_default()));
    let (license, attribution) = license_and_attribution(folders, &mut notes);
    let bank = Bank {
        id,
        version: "1.0.0".into(),
        title,
        language: course.and_then(|c| c.language.clone()),
        license: Some(license),
        attribution: Some(attribution),
        settings,
        skills,
        items,
        calibration: None,
    };
    (bank, notes)
}

fn skill_description(oatutor_skill: &str, courses: &[Course]) -> Option<String> {
    let lessons: Vec<String> = courses
        .iter()
        .flat_map(|course| course.lessons.iter())
        .filter(|lesson| lesson.learning_objectives.contains_key(oatutor_skill))
        .map(|lesson| format!("{} ({})", lesson.name, lesson.topics))
        .collect();
    let lessons = if lessons.is_empty() {
        String::new()
    } else {
        format!(", a learning objective of {}", lessons.join(", "))
    };
    let parts: Vec<String> = oatutor_skill
        .split(",_")
        .map(|part| format!("`{part}`"))
        .collect();
    Some(match parts.as_slice() {
        [_] => format!("OATutor skill `{oatutor_skill}`{lessons}."),
        _ => format!(
            "OATutor skills {} (one name split at its commas){lessons}.",
            parts.join(", ")
        ),
    })
}

fn difficulty_decision(bkt_parameters: &BTreeMap<String, BktParameters>) -> String {
    let distinct: BTreeSet<String> = bkt_parameters
        .values()
        .map(|p| {
            format!(
                "prior {}, learn {}, slip {}, guess {}",
                p.prob_mastery, p.prob_transit, p.prob_slip, p.prob_guess
            )
        })
        .collect();
    let what = match distinct.len() {
        0 => "there are no BKT parameters".to_string(),
        1 => format!(
            "all {} skills have the same BKT parameters ({})",
            bkt_parameters.len(),
            distinct.iter().next().cloned().unwrap_or_default()
        ),
        n => format!(
            "{n} different sets of BKT parameters for {} skills",
            bkt_parameters.len()
        ),
    };
    format!(
        "item difficulty left neutral: BKT parameters describe a skill's population prior, not an item, and {what}; \
         the learner model calibrates difficulty from answers"
    )
}

/// The mastery threshold the lessons ask for, when they all ask for the same one.
fn settings_from_course_plans(courses: &[Course], notes: &mut Vec<ImportNote>) -> BankSettings {
    let thresholds: BTreeSet<String> = courses
        .iter()
        .flat_map(|course| {
            course
                .lessons
                .iter()
                .flat_map(|lesson| lesson.learning_objectives.values())
        })
        .map(|threshold| threshold.to_string())
        .collect();
    let mut settings = BankSettings::default();
    let only = (thresholds.len() == 1)
        .then(|| thresholds.iter().next().and_then(|t| t.parse::<f64>().ok()))
        .flatten();
    match only {
        Some(threshold) if (0.5..=0.99).contains(&threshold) => {
            settings.mastery_threshold = threshold;
            let message = format!(
                "masteryThreshold {threshold}: every learning objective asks for this mastery"
            );
            notes.push(note(NoteKind::Decision, "coursePlans.json", message));
        }
        _ if thresholds.is_empty() => {}
        _ => {
            let message = format!(
                "learning objectives ask for different mastery levels ({}); the default is kept",
                thresholds.into_iter().collect::<Vec<_>>().join(", ")
            );
            notes.push(note(NoteKind::Decision, "coursePlans.json", message));
        }
    }
    settings
}

/// The bank's license (CC BY 4.0 when every source file says so) and an attribution naming the
/// problems' and the hints' sources. The format has no per-item source, so the attribution says
/// that item, step and scaffold ids are the OATutor ids.
fn license_and_attribution(
    folders: &[ProblemFolder],
    notes: &mut Vec<ImportNote>,
) -> (String, String) {
    let mut problem_sources = BTreeSet::new();
    let mut tutoring_sources = BTreeSet::new();
    let mut licenses = BTreeSet::new();
    for folder in folders {
        problem_sources.extend(folder.problem.oer.as_deref().map(readable_source));
        licenses.extend(folder.problem.license.clone());
        for entry in folder.steps.iter().flat_map(|(_, pathway)| pathway.iter()) {
            collect_entry_sources(entry, &mut tutoring_sources, &mut licenses);
        }
    }
    let all_cc_by_4 = !licenses.is_empty() && licenses.iter().all(|license| is_cc_by_4(license));
    let license = if all_cc_by_4 {
        "CC BY 4.0".to_string()
    } else {
        let listed = licenses.iter().cloned().collect::<Vec<_>>().join("; ");
        notes.push(note(
            NoteKind::Decision,
            "license",
            format!("the sources do not all say CC BY 4.0: {listed}"),
        ));
        listed
    };
    let mut sentences = Vec::new();
    for (what, sources) in [
        ("Problems", &problem_sources),
        ("Hints and scaffolds", &tutoring_sources),
    ] {
        if !sources.is_empty() {
            sentences.push(format!(
                "{what}: {}.",
                sources.iter().cloned().collect::<Vec<_>>().join("; ")
            ));
        }
    }
    sentences.push(format!(
        "Licensed {license}. Converted from OATutor content (github.com/CAHLR/OATutor-Content) by adaptive-practice \
         import-oatutor: math delimiters, answer notation and figure paths changed, hint titles joined to their texts. \
         Each item id is its OATutor problem id; each step and scaffold id is its OATutor id."
    ));
    let attribution = sentences.join(" ");
    (license, attribution)
}

fn collect_entry_sources(
    entry: &TutoringEntry,
    sources: &mut BTreeSet<String>,
    licenses: &mut BTreeSet<String>,
) {
    sources.extend(entry.oer.as_deref().map(readable_source));
    licenses.extend(entry.license.clone());
    for sub in &entry.sub_hints {
        collect_entry_sources(sub, sources, licenses);
    }
}

fn is_cc_by_4(license: &str) -> bool {
    license.contains("creativecommons.org/licenses/by/4.0") || license.contains("CC BY 4.0")
}

/// OATutor's `url <Label>` as a sentence: OpenStax books by their title as in the address
/// (`elementary-algebra-2e` → OpenStax “Elementary Algebra 2e”), OATutor as its project.
pub(super) fn readable_source(oer: &str) -> String {
    let (url, label) = match oer.split_once('<') {
        Some((url, label)) => (url.trim(), label.trim_end_matches('>').trim()),
        None => (oer.trim(), ""),
    };
    if let Some(book) = url.split("openstax.org/details/books/").nth(1) {
        let book = book.trim_end_matches('/');
        let title: Vec<String> = book
            .split('-')
            .filter(|word| !word.is_empty())
            .map(|word| {
                let mut characters = word.chars();
                characters
                    .next()
                    .map(|first| first.to_uppercase().chain(characters).collect())
                    .unwrap_or_default()
            })
            .collect();
        return format!("OpenStax “{}” ({url})", title.join(" "));
    }
    if label.eq_ignore_ascii_case("oatutor") {
        return format!("the OATutor Project ({url})");
    }
    if label.is_empty() {
        url.to_string()
    } else {
        format!("{label} ({url})")
    }
}
