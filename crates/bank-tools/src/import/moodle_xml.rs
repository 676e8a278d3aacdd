//! The Moodle XML importer: a `<quiz>` file as Moodle's question bank export writes it. Each
//! question becomes one item (`questions.rs`; cloze texts in `cloze.rs`); `category`
//! pseudo-questions name the skill of the questions after them; files embedded in base64
//! (`@@PLUGINFILE@@/name`) become media files. Every question or part that cannot be converted
//! is a note with its number, name and line.

mod calculated;
mod cloze;
mod questions;
#[cfg(test)]
mod tests;

use std::path::Path;

use adaptive_practice_engine::bank::{Bank, BankSettings, Item, Skill};
use base64::Engine as _;
use roxmltree::Node;

use crate::import::html_markdown::{escape_text, html_text_to_markdown, HtmlContext, TextShape};
use crate::import::source_files::{file_stem, SourceFiles};
use crate::import::{safe_file_name, ImportNote, ImportedBank, MediaFile, NoteKind};

/// Reads a Moodle XML file and converts it. Fails only when the file is not a Moodle `<quiz>`.
pub fn import_moodle_xml(path: &Path) -> Result<ImportedBank, String> {
    import_moodle_xml_files(&SourceFiles::read_path(path)?)
}

/// Converts the Moodle XML file of a source (its first `.xml` file whose root is `<quiz>`; other
/// such files are notes). Fails only when there is none.
pub fn import_moodle_xml_files(files: &SourceFiles) -> Result<ImportedBank, String> {
    let quizzes: Vec<&str> = files
        .paths()
        .filter(|path| {
            let start = files.get(path).unwrap_or_default();
            crate::import::file_format(path, &start[..start.len().min(64 * 1024)])
                == Some(crate::import::Format::MoodleXml)
        })
        .collect();
    let path = match (quizzes.first(), files.len()) {
        (Some(path), _) => *path,
        // A single file that is not a quiz is read, to say what it is instead.
        (None, 1) => files.paths().next().unwrap_or_default(),
        (None, _) => return Err(format!("{} holds no Moodle XML <quiz> file", files.name)),
    };
    let mut imported = import_moodle_xml_text(files.text(path)?, path)?;
    for other in quizzes.iter().skip(1) {
        imported.notes.push(ImportNote {
            kind: NoteKind::Skipped,
            source: other.to_string(),
            message: format!("one Moodle XML file is read per import: {path} was"),
        });
    }
    Ok(imported)
}

/// Converts the text of a Moodle XML file named `path`.
fn import_moodle_xml_text(text: &str, path: &str) -> Result<ImportedBank, String> {
    let document =
        crate::import::qti::parse_xml(text).map_err(|error| format!("{path}: {error}"))?;
    let root = document.root_element();
    if root.tag_name().name() != "quiz" {
        return Err(format!(
            "{path}: <{}> is not a Moodle <quiz>",
            root.tag_name().name()
        ));
    }
    let stem = file_stem(path);
    let mut state = ImportState {
        notes: Vec::new(),
        media: Vec::new(),
        skills: Vec::new(),
        used_ids: Vec::new(),
    };
    let default_skill = (slug(&stem), stem.clone());
    let mut current_skill = default_skill.clone();
    let mut items: Vec<Item> = Vec::new();
    let mut found = 0;
    let mut category_paths: Vec<Vec<String>> = Vec::new();
    let mut first_question: Option<String> = None;
    for (index, question) in root
        .children()
        .filter(|node| node.is_element() && node.tag_name().name() == "question")
        .enumerate()
    {
        let kind = question.attribute("type").unwrap_or_default();
        if kind == "category" {
            if let Some(path) = category_path(question) {
                category_paths.push(crate::import::category_parts(&path));
            }
            if let Some(skill) = category_skill(question) {
                current_skill = skill;
            }
            continue;
        }
        found += 1;
        let name = child_text(question, "name").unwrap_or_default();
        first_question.get_or_insert_with(|| name.trim().to_string());
        let mut source = QuestionSource {
            label: format!(
                "question {} {:?} (line {})",
                index + 1,
                name.trim(),
                line(question)
            ),
            files: embedded_files(question),
            slug: slug(if name.trim().is_empty() { kind } else { &name }),
        };
        let mut question_notes = Vec::new();
        match questions::convert_question(question, &mut source, &mut state, &mut question_notes) {
            Ok(mut item) => {
                item.id = state.unique_id(&source.slug);
                if !state
                    .skills
                    .iter()
                    .any(|skill: &Skill| skill.id == current_skill.0)
                {
                    state.skills.push(Skill {
                        id: current_skill.0.clone(),
                        name: current_skill.1.clone(),
                        description: None,
                        prerequisites: Vec::new(),
                    });
                }
                item.skills = vec![current_skill.0.clone()];
                items.push(item);
                // What was dropped from a question that is written is a part left out.
                crate::import::parts_left_out(&mut question_notes);
                state.notes.append(&mut question_notes);
            }
            Err(reason) => {
                state.notes.append(&mut question_notes);
                state.notes.push(ImportNote {
                    kind: NoteKind::Skipped,
                    source: source.label.clone(),
                    message: reason,
                });
            }
        }
    }
    let written = items.len();
    // The title the categories share (`Fractions`), else the file name made readable.
    let title = crate::import::shared_category_title(&category_paths)
        .unwrap_or_else(|| crate::import::readable_name(&stem));
    let bank = Bank {
        id: crate::import::source_bank_id(&stem, &title, &first_question.unwrap_or_default()),
        version: "1".into(),
        title,
        language: None,
        license: None,
        attribution: None,
        settings: BankSettings::default(),
        skills: state.skills,
        items,
        calibration: None,
    };
    Ok(ImportedBank {
        bank,
        media: state.media,
        notes: state.notes,
        counts: vec![
            ("questions", found),
            ("items written", written),
            ("questions skipped", found - written),
        ],
    })
}

/// What the import builds across questions.
pub(super) struct ImportState {
    notes: Vec<ImportNote>,
    media: Vec<MediaFile>,
    skills: Vec<Skill>,
    used_ids: Vec<String>,
}

impl ImportState {
    fn unique_id(&mut self, base: &str) -> String {
        let mut candidate = base.to_string();
        let mut number = 2;
        while self.used_ids.contains(&candidate) {
            candidate = format!("{base}-{number}");
            number += 1;
        }
        self.used_ids.push(candidate.clone());
        candidate
    }
}

/// One question being converted: its label for notes, its embedded files, its id.
pub(super) struct QuestionSource {
    pub label: String,
    /// (name, bytes) of every `<file>` in the question.
    pub files: Vec<(String, Vec<u8>)>,
    pub slug: String,
}

/// The path of a `<question type="category">`.
fn category_path(question: Node<'_, '_>) -> Option<String> {
    question
        .children()
        .find(|child| child.has_tag_name("category"))
        .and_then(|category| text_of(category).or_else(|| category.text().map(str::to_string)))
}

/// `$course$/top/Default for Maths/Fractions` → the skill `fractions`, "Fractions".
fn category_skill(question: Node<'_, '_>) -> Option<(String, String)> {
    let path = category_path(question)?;
    let name = path
        .split('/')
        .map(str::trim)
        .rfind(|part| {
            !part.is_empty()
                && !part.starts_with('$')
                && *part != "top"
                && !part.starts_with("Default for")
        })?
        .to_string();
    Some((slug(&name), name))
}

pub(super) fn child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children()
        .find(|child| child.is_element() && child.tag_name().name() == name)
}

/// The `<text>` of an element (`<questiontext><text>…</text></questiontext>`).
pub(super) fn text_of(node: Node<'_, '_>) -> Option<String> {
    child(node, "text").map(|text| text.text().unwrap_or_default().to_string())
}

/// The `<text>` of a child element (`<name><text>…</text></name>`).
pub(super) fn child_text(node: Node<'_, '_>, name: &str) -> Option<String> {
    text_of(child(node, name)?)
}

pub(super) fn line(node: Node<'_, '_>) -> u32 {
    node.document().text_pos_at(node.range().start).row
}

fn embedded_files(question: Node<'_, '_>) -> Vec<(String, Vec<u8>)> {
    question
        .descendants()
        .filter(|node| node.is_element() && node.tag_name().name() == "file")
        .filter_map(|file| {
            let name = file.attribute("name")?.to_string();
            let data: String = file.text().unwrap_or_default().split_whitespace().collect();
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(data)
                .ok()?;
            Some((name, bytes))
        })
        .collect()
}

/// A text field of a question (`questiontext`, `generalfeedback`, an answer's `feedback`) as
/// Markdown, by its `format`; `@@PLUGINFILE@@` images become media files.
pub(super) fn field_markdown(
    field: Node<'_, '_>,
    shape: TextShape,
    source: &QuestionSource,
    state: &mut ImportState,
    notes: &mut Vec<ImportNote>,
) -> String {
    let raw = text_of(field).unwrap_or_default();
    format_markdown(
        &raw,
        field.attribute("format").unwrap_or("html"),
        shape,
        source,
        state,
        notes,
    )
}

pub(super) fn format_markdown(
    raw: &str,
    format: &str,
    shape: TextShape,
    source: &QuestionSource,
    state: &mut ImportState,
    notes: &mut Vec<ImportNote>,
) -> String {
    match format {
        "plain_text" => escape_text(raw.trim()),
        "markdown" => raw.trim().to_string(),
        _ => {
            // `moodle_auto_format` is text whose line ends are breaks; `html` is HTML.
            let html = if format == "moodle_auto_format" && !raw.contains('<') {
                raw.trim().replace('\n', "<br>")
            } else {
                raw.to_string()
            };
            let ImportState { media, .. } = state;
            let mut resolve = |src: &str, notes: &mut Vec<ImportNote>| -> Option<String> {
                if let Some(name) = src.strip_prefix("@@PLUGINFILE@@/") {
                    let name = name.replace("%20", " ");
                    let Some((file_name, bytes)) =
                        source.files.iter().find(|(file, _)| *file == name)
                    else {
                        notes.push(ImportNote {
                            kind: NoteKind::Skipped,
                            source: source.label.clone(),
                            message: format!("the image {name} is not embedded in the file"),
                        });
                        return None;
                    };
                    let safe = safe_file_name(file_name);
                    let copy = MediaFile {
                        bytes: bytes.clone(),
                        address: format!("media/{}/{safe}", source.slug),
                    };
                    let address = copy.address.clone();
                    if !media.contains(&copy) {
                        media.push(copy);
                    }
                    return Some(address);
                }
                if src.starts_with("https://") || src.starts_with("http://") {
                    return Some(src.to_string());
                }
                notes.push(ImportNote {
                    kind: NoteKind::Skipped,
                    source: source.label.clone(),
                    message: format!("the image {src} is neither embedded nor a web address"),
                });
                None
            };
            let mut context = HtmlContext {
                source: source.label.clone(),
                notes,
                resolve_image: &mut resolve,
            };
            html_text_to_markdown(&html, shape, &mut context)
        }
    }
}

/// An id from a name: lower-case letters and digits joined by `-`.
fn slug(text: &str) -> String {
    crate::import::qti::slug(text)
}
