//! The OATutor importer: a folder laid out like OATutor-Content (CAHLR/OATutor-Content) to one
//! bank. Each problem becomes one item: a single step becomes an item of the step's kind, several
//! steps a `multiStep` item. Skills come from `skillModel.json`; bank-wide choices (no
//! prerequisites, neutral difficulty) are explained in notes of kind `Decision`.

mod bank_parts;
mod glued_choices;
mod questions;
mod source;
mod split_skills;
#[cfg(test)]
pub(crate) mod tests;
mod text;

use std::collections::BTreeMap;
use std::path::Path;

use adaptive_practice_engine::bank::{Hint, Item, ItemKind, Step};

use self::bank_parts::{assemble_bank, SkillIds};
use self::questions::{convert_pathway, convert_question, Question};
use self::source::{
    read_first_json, read_json, read_problem_folder, sorted_subfolders, BktParameters, Course,
    ProblemFolder,
};
use self::split_skills::{find_split_skill_names, join_split_skill_names};
use self::text::{alt_text_from, convert_text, TextShape};
use crate::import::source_files::SourceFiles;
use crate::import::{safe_file_name, ImportNote, ImportedBank, MediaFile, NoteKind};

pub use crate::import::ImportOptions;

/// Reads an OATutor content folder and converts it. Fails only when the folder is not laid out
/// like OATutor content; everything else that cannot be converted becomes a note.
pub fn import_oatutor_folder(source: &Path) -> Result<ImportedBank, String> {
    import_oatutor_folder_with(source, ImportOptions::default())
}

/// `import_oatutor_folder` with options.
pub fn import_oatutor_folder_with(
    source: &Path,
    options: ImportOptions,
) -> Result<ImportedBank, String> {
    import_oatutor_files(&SourceFiles::read_path(source)?, options)
}

/// Converts OATutor content held in memory (the folder's files, or a zip of the folder).
pub fn import_oatutor_files(
    files: &SourceFiles,
    options: ImportOptions,
) -> Result<ImportedBank, String> {
    if !files.has_folder("content-pool") {
        return Err(format!("{} has no content-pool folder", files.name));
    }
    let mut skill_model: BTreeMap<String, Vec<String>> = read_json(files, "skillModel.json")?;
    let bkt_files = ["defaultBKTParams.json", "bkt-params/defaultBKTParams.json"];
    let mut bkt_parameters: BTreeMap<String, BktParameters> = read_first_json(files, &bkt_files)
        .transpose()?
        .unwrap_or_default();
    let mut courses: Vec<Course> = read_first_json(files, &["coursePlans.json"])
        .transpose()?
        .unwrap_or_default();

    let split_names = find_split_skill_names(&skill_model);
    let mut skill_notes = join_split_skill_names(
        &split_names,
        &mut skill_model,
        &mut bkt_parameters,
        &mut courses,
    );

    let mut notes = Vec::new();
    let mut folders = Vec::new();
    for folder in sorted_subfolders(files, "content-pool") {
        match read_problem_folder(files, &folder) {
            Ok(problem) => folders.push(problem),
            Err(reason) => notes.push(note(NoteKind::Skipped, &source::file_name(&folder), reason)),
        }
    }
    let problems_found = folders.len() + notes.len();
    notes.append(&mut skill_notes);
    sort_by_lesson_order(&mut folders, &courses);

    let mut skill_ids = SkillIds::default();
    let mut items = Vec::new();
    let mut media = Vec::new();
    for folder in &folders {
        let mut context = ProblemContext::new(files, folder, options);
        match convert_problem(&mut context, folder, &skill_model, &mut skill_ids) {
            Ok(item) => {
                items.push(item);
                notes.append(&mut context.notes);
                for file in context.media {
                    if !media.contains(&file) {
                        media.push(file);
                    }
                }
            }
            Err(reason) => notes.push(note(NoteKind::Skipped, &folder.problem.id, reason)),
        }
    }
    let found = count_found(&folders, problems_found);
    let (bank, mut decisions) =
        assemble_bank(&folders, &courses, &bkt_parameters, &skill_ids, items);
    notes.append(&mut decisions);
    let counts = found
        .into_iter()
        .chain(count_written(&bank.items, problems_found))
        .collect();
    Ok(ImportedBank {
        bank,
        media,
        notes,
        counts,
    })
}

/// What converting one problem needs: where its figures are, the alt text to fall back on, and
/// the notes and media files it produced (dropped if the problem is skipped).
struct ProblemContext<'a> {
    files: &'a SourceFiles,
    problem_id: &'a str,
    figures_folder: String,
    fallback_alt_text: String,
    notes: Vec<ImportNote>,
    media: Vec<MediaFile>,
    typed_answers: bool,
}

impl<'a> ProblemContext<'a> {
    fn new(files: &'a SourceFiles, folder: &'a ProblemFolder, options: ImportOptions) -> Self {
        let no_figures = &mut |_: &str| None;
        let title = convert_text(&folder.problem.title, TextShape::Inline, no_figures);
        let first_step_title = folder
            .steps
            .first()
            .map(|(step, _)| step.step_title.as_str())
            .unwrap_or_default();
        let step_title = convert_text(first_step_title, TextShape::Inline, no_figures);
        let fallback = [alt_text_from(&title), alt_text_from(&step_title)]
            .into_iter()
            .find(|alt| !alt.is_empty());
        ProblemContext {
            files,
            problem_id: &folder.problem.id,
            figures_folder: format!("{}/figures", folder.folder),
            fallback_alt_text: fallback.map_or_else(
                || "A figure of the problem".to_string(),
                |alt| format!("Figure for: {alt}"),
            ),
            notes: Vec::new(),
            media: Vec::new(),
            typed_answers: options.typed_answers,
        }
    }

    fn note(&mut self, kind: NoteKind, source: &str, message: String) {
        self.notes.push(note(kind, source, message));
    }

    /// Converts a text; its figures are copied to `media/<problem>/` with the fallback alt text.
    fn text(&mut self, raw: &str, shape: TextShape, source_id: &str) -> String {
        let ProblemContext {
            files,
            problem_id,
            figures_folder,
            fallback_alt_text,
            notes,
            media,
            ..
        } = self;
        let mut figure = |name: &str| -> Option<String> {
            let file = files.get(&format!("{figures_folder}/{name}"));
            if shape == TextShape::Inline {
                notes.push(note(
                    NoteKind::Skipped,
                    source_id,
                    format!("figure {name} is in a one-line text (a choice or title)"),
                ));
                return None;
            }
            let Some(bytes) = file else {
                notes.push(note(
                    NoteKind::Skipped,
                    source_id,
                    format!("figure {name} is not in {figures_folder}"),
                ));
                return None;
            };
            let address = format!(
                "media/{}/{}",
                safe_file_name(problem_id),
                safe_file_name(name)
            );
            let copy = MediaFile {
                bytes: bytes.to_vec(),
                address: address.clone(),
            };
            if !media.contains(&copy) {
                media.push(copy);
            }
            let message = format!("figure {name} has no alt text; used {fallback_alt_text:?}");
            notes.push(note(NoteKind::Changed, source_id, message));
            Some(format!("![{fallback_alt_text}]({address})"))
        };
        convert_text(raw, shape, &mut figure)
    }
}

fn convert_problem(
    context: &mut ProblemContext<'_>,
    folder: &ProblemFolder,
    skill_model: &BTreeMap<String, Vec<String>>,
    skill_ids: &mut SkillIds,
) -> Result<Item, String> {
    let problem = &folder.problem;
    let is_variabilized = |value: &serde_json::Value| {
        value
            .as_object()
            .is_some_and(|variables| !variables.is_empty())
    };
    if is_variabilized(&problem.variabilization)
        || folder
            .steps
            .iter()
            .any(|(step, _)| is_variabilized(&step.variabilization))
    {
        return Err("variabilized problems (random values) are not converted".into());
    }
    if folder.steps.is_empty() {
        return Err("the problem has no steps".into());
    }
    let mut steps = Vec::new();
    for (step, pathway) in &folder.steps {
        let skills: Vec<String> = skill_model
            .get(&step.id)
            .into_iter()
            .flatten()
            .map(|skill| skill_ids.id_for(skill))
            .collect();
        if skills.is_empty() {
            return Err(format!("step {} has no skill in skillModel.json", step.id));
        }
        let question = Question {
            source_id: &step.id,
            problem_type: &step.problem_type,
            answer_type: step.answer_type.as_deref(),
            answers: &step.step_answer,
            choices: step.choices.as_deref(),
        };
        let kind = convert_question(context, &question)
            .map_err(|reason| format!("step {}: {reason}", step.id))?;
        let hints = convert_pathway(context, pathway);
        let prompt = join_paragraphs(&[
            context.text(&step.step_title, TextShape::Block, &step.id),
            context.text(&step.step_body, TextShape::Block, &step.id),
        ]);
        steps.push(Step {
            id: Some(step.id.clone()),
            prompt,
            skills,
            hints,
            solution: None,
            kind,
        });
    }
    let problem_text = join_paragraphs(&[
        context.text(&problem.title, TextShape::Block, &problem.id),
        context.text(&problem.body, TextShape::Block, &problem.id),
    ]);
    let mut skills: Vec<String> = Vec::new();
    for skill in steps.iter().flat_map(|step| step.skills.iter()) {
        if !skills.contains(skill) {
            skills.push(skill.clone());
        }
    }
    if let [only] = steps.as_mut_slice() {
        let prompt = join_paragraphs(&[problem_text, std::mem::take(&mut only.prompt)]);
        if prompt.is_empty() {
            return Err("the problem and its step have no text".into());
        }
        let hints: Vec<Hint> = std::mem::take(&mut only.hints);
        let kind = only.kind.clone();
        return Ok(Item {
            id: problem.id.clone(),
            skills,
            difficulty: None,
            prompt,
            hints,
            solution: None,
            template: None,
            kind,
        });
    }
    if let Some(empty) = steps.iter().find(|step| step.prompt.is_empty()) {
        return Err(format!(
            "step {} has no text",
            empty.id.as_deref().unwrap_or_default()
        ));
    }
    let prompt = if problem_text.is_empty() {
        context.note(
            NoteKind::Changed,
            &problem.id,
            "the problem has no title or body; the prompt says “Answer each step.”".into(),
        );
        "Answer each step.".to_string()
    } else {
        problem_text
    };
    let kind = ItemKind::MultiStep { steps };
    Ok(Item {
        id: problem.id.clone(),
        skills,
        difficulty: None,
        prompt,
        hints: Vec::new(),
        solution: None,
        template: None,
        kind,
    })
}

/// Paragraphs joined by blank lines; empty parts and a part equal to the one before are left out.
fn join_paragraphs(parts: &[String]) -> String {
    let mut kept: Vec<&str> = Vec::new();
    for part in parts
        .iter()
        .map(|part| part.trim())
        .filter(|part| !part.is_empty())
    {
        if kept.last() != Some(&part) {
            kept.push(part);
        }
    }
    kept.join("\n\n")
}

/// Problems in the order of their lessons in `coursePlans.json`, then in natural id order.
fn sort_by_lesson_order(folders: &mut [ProblemFolder], courses: &[Course]) {
    let lessons: Vec<&str> = courses
        .iter()
        .flat_map(|course| course.lessons.iter().map(|lesson| lesson.id.as_str()))
        .collect();
    folders.sort_by_key(|folder| {
        let lesson_id = folder.problem.lesson_id.as_deref().unwrap_or_default();
        lessons
            .iter()
            .position(|lesson| *lesson == lesson_id)
            .unwrap_or(lessons.len())
    });
}

fn count_found(folders: &[ProblemFolder], problems: usize) -> Vec<(&'static str, usize)> {
    let entries = || {
        folders
            .iter()
            .flat_map(|folder| folder.steps.iter().flat_map(|(_, pathway)| pathway.iter()))
    };
    let of_type = |entry: &&source::TutoringEntry, wanted: &str| entry.entry_type == wanted;
    vec![
        ("problems", problems),
        (
            "steps",
            folders.iter().map(|folder| folder.steps.len()).sum(),
        ),
        (
            "hints",
            entries().filter(|entry| of_type(entry, "hint")).count(),
        ),
        (
            "scaffolds",
            entries().filter(|entry| of_type(entry, "scaffold")).count(),
        ),
        (
            "sub-hints",
            entries()
                .flat_map(|entry| entry.sub_hints.iter())
                .filter(|sub| of_type(sub, "hint"))
                .count(),
        ),
        (
            "sub-scaffolds",
            entries()
                .flat_map(|entry| entry.sub_hints.iter())
                .filter(|sub| of_type(sub, "scaffold"))
                .count(),
        ),
    ]
}

/// What the bank holds, counted like the source (steps of single-step items count as one).
fn count_written(items: &[Item], problems: usize) -> Vec<(&'static str, usize)> {
    let parts = || items.iter().flat_map(|item| item.parts());
    let hints = || parts().flat_map(|part| part.hints.iter());
    let sub_hints = || {
        hints()
            .filter_map(|hint| hint.scaffold.as_ref())
            .flat_map(|scaffold| scaffold.hints.iter())
    };
    vec![
        ("items written", items.len()),
        ("steps written", parts().count()),
        (
            "hints written",
            hints().filter(|hint| hint.scaffold.is_none()).count(),
        ),
        (
            "scaffolds written",
            hints().filter(|hint| hint.scaffold.is_some()).count(),
        ),
        (
            "sub-hints written",
            sub_hints().filter(|hint| hint.scaffold.is_none()).count(),
        ),
        (
            "sub-scaffolds written",
            sub_hints().filter(|hint| hint.scaffold.is_some()).count(),
        ),
        ("problems skipped", problems.saturating_sub(items.len())),
    ]
}

fn note(kind: NoteKind, source: &str, message: String) -> ImportNote {
    ImportNote {
        kind,
        source: source.to_string(),
        message,
    }
}
