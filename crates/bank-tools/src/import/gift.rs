//! The GIFT importer: Moodle's plain-text quiz format to one bank. Each question becomes one item
//! (`::title::` its id), each `$CATEGORY:` a skill for the questions after it. Essays and
//! descriptions are skipped with their reason; everything the widget expresses differently
//! (partial credit, several right numbers, …) is a note with its `file:line`.

mod convert;
mod html;
mod numerical;
mod parse;
#[cfg(test)]
mod tests;
mod text;

use std::path::Path;

use adaptive_practice_engine::bank::{Bank, BankSettings, Item, Skill};

use self::convert::{convert_answers, QuestionParts};
use self::parse::{parse_gift, Entry, Question};
use self::text::{convert_text, split_format, TextFormat};
use crate::import::source_files::{file_stem, SourceFiles};
use crate::import::{ImportNote, ImportedBank, NoteKind};

/// Reads a GIFT file and converts it. Fails only when the file cannot be read as text.
pub fn import_gift(path: &Path) -> Result<ImportedBank, String> {
    import_gift_files(&SourceFiles::read_path(path)?)
}

/// Converts the GIFT file of a source: its `.gift` or `.txt` file (or its only file). A source
/// with several is read for the first; the others are notes.
pub fn import_gift_files(files: &SourceFiles) -> Result<ImportedBank, String> {
    let candidates: Vec<&str> = files
        .paths()
        .filter(|path| {
            let lower = path.to_ascii_lowercase();
            lower.ends_with(".gift") || lower.ends_with(".txt") || files.len() == 1
        })
        .collect();
    let Some(&path) = candidates.first() else {
        return Err(format!("{} holds no GIFT file (.gift, .txt)", files.name));
    };
    let text = std::str::from_utf8(files.get(path).unwrap_or_default())
        .map_err(|_| format!("{path} is not UTF-8 text (GIFT files are UTF-8)"))?;
    let label = path.rsplit('/').next().unwrap_or(path);
    let mut imported = import_gift_text(text, label, &file_stem(path));
    for other in &candidates[1..] {
        imported.notes.push(ImportNote {
            kind: NoteKind::Skipped,
            source: other.to_string(),
            message: format!("one GIFT file is read per import: {label} was"),
        });
    }
    Ok(imported)
}

/// Converts GIFT text; notes name their place as `file_label:line`; the bank's title is what
/// its categories share, else `name` (the file name without its extension) made readable; its id
/// is made by [`crate::import::source_bank_id`].
pub fn import_gift_text(text: &str, file_label: &str, name: &str) -> ImportedBank {
    let mut notes = Vec::new();
    let mut skills: Vec<Skill> = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut current_skill: Option<String> = None;
    let (mut questions, mut categories) = (0, 0);
    let mut category_paths: Vec<Vec<String>> = Vec::new();
    // Each category skill's path (`["Geography Y8", "Rivers"]`), for its name at the end.
    let mut skill_paths: Vec<(String, Vec<String>)> = Vec::new();
    let mut first_question: Option<String> = None;
    for entry in parse_gift(text) {
        let mut context = Notes {
            file: file_label,
            notes: &mut notes,
        };
        match entry {
            Entry::Category { path, .. } => {
                categories += 1;
                category_paths.push(crate::import::category_parts(&path));
                let (skill, segments) = skill_of_category(&path);
                current_skill = Some(skill.id.clone());
                if !skills.iter().any(|known| known.id == skill.id) {
                    skill_paths.push((skill.id.clone(), segments));
                    skills.push(skill);
                }
            }
            Entry::Unreadable { line, reason } => {
                questions += 1;
                context.skipped(line, reason);
            }
            Entry::Question(question) => {
                questions += 1;
                first_question.get_or_insert_with(|| question.title.clone().unwrap_or_default());
                let skill = match &current_skill {
                    Some(skill) => skill.clone(),
                    None => {
                        let skill = default_skill(name);
                        let id = skill.id.clone();
                        if !skills.iter().any(|known| known.id == id) {
                            context.decision(
                                question.line,
                                format!(
                                    "questions before any $CATEGORY: go into the skill “{}”",
                                    skill.name
                                ),
                            );
                            skills.push(skill);
                        }
                        current_skill = Some(id.clone());
                        id
                    }
                };
                let line = question.line;
                match convert_question(&question, questions, skill, &items, &mut context) {
                    Ok(item) => items.push(item),
                    Err(reason) => context.skipped(line, reason),
                }
            }
        }
    }
    if items.iter().any(|item| {
        matches!(
            item.kind,
            adaptive_practice_engine::ItemKind::ShortText { .. }
        )
    }) {
        notes.push(ImportNote {
            kind: NoteKind::Decision,
            source: file_label.to_string(),
            message: "short answers ignore case and accents (é = e), as the widget does; \
                      Moodle compares accents"
                .into(),
        });
    }
    name_skills_by_last_part(&mut skills, &skill_paths);
    let counts = vec![
        ("questions", questions),
        ("categories", categories),
        ("items written", items.len()),
        ("questions skipped", questions - items.len()),
    ];
    // The title the categories share (`Fractions`), else the file name made readable.
    let title = crate::import::shared_category_title(&category_paths)
        .unwrap_or_else(|| crate::import::readable_name(name));
    let bank = Bank {
        id: crate::import::source_bank_id(name, &title, &first_question.unwrap_or_default()),
        version: "1".into(),
        title,
        language: None,
        license: None,
        attribution: None,
        settings: BankSettings::default(),
        skills,
        items,
        calibration: None,
    };
    ImportedBank {
        bank,
        media: Vec::new(),
        notes,
        counts,
    }
}

/// Where notes of one file go.
pub(super) struct Notes<'a> {
    file: &'a str,
    notes: &'a mut Vec<ImportNote>,
}

impl Notes<'_> {
    fn push(&mut self, kind: NoteKind, line: usize, message: String) {
        self.notes.push(ImportNote {
            kind,
            source: format!("{}:{line}", self.file),
            message,
        });
    }

    pub(super) fn changed(&mut self, line: usize, message: String) {
        self.push(NoteKind::Changed, line, message);
    }

    /// A part of a question that is written (a feedback) is not in the bank.
    pub(super) fn left_out(&mut self, line: usize, message: String) {
        self.push(NoteKind::LeftOut, line, message);
    }

    fn skipped(&mut self, line: usize, message: String) {
        self.push(NoteKind::Skipped, line, message);
    }

    fn decision(&mut self, line: usize, message: String) {
        self.push(NoteKind::Decision, line, message);
    }
}

fn convert_question(
    question: &Question,
    number: usize,
    skill: String,
    earlier: &[Item],
    notes: &mut Notes<'_>,
) -> Result<Item, String> {
    let Some(block) = &question.answers else {
        return Err(
            "a description (text without an answer block): the widget has no \
                    item without a question"
                .into(),
        );
    };
    let (format, text) = split_format(&question.text, TextFormat::Moodle);
    let line = question.line;
    let prompt = convert_text(text, format, &mut |message| notes.changed(line, message));
    let parts = QuestionParts {
        block,
        format,
        prompt,
    };
    let converted = convert_answers(&parts, notes)?;
    if converted.prompt.trim().is_empty() {
        return Err("the question has no text".into());
    }
    let solution = block
        .general_feedback
        .as_deref()
        .filter(|feedback| !feedback.is_empty())
        .map(|feedback| {
            let (format, feedback) = split_format(feedback, format);
            convert_text(feedback, format, &mut |message| {
                notes.changed(block.line, message)
            })
        });
    let id = item_id(question, number, earlier, notes);
    Ok(Item {
        id,
        skills: vec![skill],
        difficulty: None,
        prompt: converted.prompt,
        hints: Vec::new(),
        solution,
        template: None,
        kind: converted.kind,
    })
}

/// The title as an id (`Q 1` → `Q-1`), or `question-N`; made unique with `-2`, `-3`, ….
fn item_id(question: &Question, number: usize, earlier: &[Item], notes: &mut Notes<'_>) -> String {
    let fallback = format!("question-{number}");
    let wanted = match &question.title {
        Some(title) => slug(&text::plain(title), &fallback),
        None => fallback,
    };
    let taken = |id: &str| earlier.iter().any(|item| item.id == id);
    if !taken(&wanted) {
        return wanted;
    }
    let unique = (2..)
        .map(|suffix| format!("{wanted}-{suffix}"))
        .find(|id| !taken(id))
        .unwrap_or_default();
    notes.changed(
        question.line,
        format!("the id {wanted} is already taken: this question is {unique}"),
    );
    unique
}

/// Letters, digits, `-`, `_` and `.` kept; every other run of characters becomes one `-`.
pub(crate) fn slug(text: &str, fallback: &str) -> String {
    let mut id = String::new();
    for character in text.trim().chars() {
        if character.is_ascii_alphanumeric() || matches!(character, '-' | '_' | '.') {
            id.push(character);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_matches('-').to_string();
    if id.is_empty() {
        fallback.to_string()
    } else {
        id
    }
}

/// Names each category's skill by the last part of its path (`Adding`), as Moodle shows a
/// category; when two categories end alike, by as many parts from the end as tell them apart
/// (`Fractions / Basics`, `Decimals / Basics`). The parts they share with every category are the
/// bank's title.
fn name_skills_by_last_part(skills: &mut [Skill], paths: &[(String, Vec<String>)]) {
    for (id, segments) in paths {
        let mut parts = 1;
        while parts < segments.len()
            && paths.iter().any(|(other_id, other)| {
                other_id != id
                    && other.len() >= parts
                    && other.ends_with(&segments[segments.len() - parts..])
            })
        {
            parts += 1;
        }
        if let Some(skill) = skills.iter_mut().find(|skill| skill.id == *id) {
            if !segments.is_empty() {
                skill.name = segments[segments.len() - parts..].join(" / ");
            }
        }
    }
}

/// `$course$/top/Fractions/Adding` → the skill “Fractions / Adding”, id `fractions-adding`, and
/// the path's parts (`name_skills_by_last_part` names it “Adding”). A `/` inside a name is
/// written `//`.
fn skill_of_category(path: &str) -> (Skill, Vec<String>) {
    let placeholder = '\u{E02F}';
    let path = text::plain(path).replace("//", &placeholder.to_string());
    let mut segments: Vec<String> = path
        .split('/')
        .map(|segment| segment.replace(placeholder, "/").trim().to_string())
        .filter(|segment| !segment.is_empty())
        .collect();
    if segments
        .first()
        .is_some_and(|first| first.starts_with('$') && first.ends_with('$'))
    {
        segments.remove(0);
    }
    if segments.len() > 1 && segments[0] == "top" {
        segments.remove(0);
    }
    let name = if segments.is_empty() {
        "top".to_string()
    } else {
        segments.join(" / ")
    };
    let skill = Skill {
        id: slug(&name.to_lowercase(), "skill"),
        name,
        description: None,
        prerequisites: Vec::new(),
    };
    (skill, segments)
}

fn default_skill(name: &str) -> Skill {
    Skill {
        id: slug(&name.to_lowercase(), "questions"),
        name: name.to_string(),
        description: None,
        prerequisites: Vec::new(),
    }
}
