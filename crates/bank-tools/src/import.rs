//! Importers: each module reads one open content format and returns an [`ImportedBank`], the
//! engine's `Bank` plus the media files to copy and a note for everything it could not convert.
//! [`import_files`] is the one entry point, on a source held in memory ([`SourceFiles`]): it
//! tells the [`Format`] from the content when it is not given ([`detect_files_format`]) and calls
//! the format's module. [`import_path`] (the command line) and [`import_bytes`] (the authoring
//! page) only fill the [`SourceFiles`]. A new source format is a new module next to `oatutor`
//! and `gift`, and a new arm of [`Format`].

use std::path::Path;

use adaptive_practice_engine::bank_calibration::BankCalibration;
use adaptive_practice_engine::Bank;
use serde_json::Value;

#[cfg(test)]
mod choice_tests;
mod detect;
pub mod gift;
pub mod html_markdown;
pub mod moodle_xml;
pub mod oatutor;
pub mod qti;
pub mod source_files;
#[cfg(test)]
mod tests;

pub use self::detect::{detect_files_format, detect_format, file_format};
pub use self::source_files::SourceFiles;

/// The source formats `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Moodle's plain-text quiz format (`.gift`, `.txt`).
    Gift,
    /// Moodle's XML question export (`<quiz>`).
    MoodleXml,
    /// QTI 2.1, 2.2 and 3.0 items and `imsmanifest.xml` packages (`.xml`, `.zip`).
    Qti,
    /// An OATutor content folder (`content-pool/`, `skillModel.json`).
    Oatutor,
}

impl Format {
    pub const ALL: [Format; 4] = [
        Format::Gift,
        Format::MoodleXml,
        Format::Qti,
        Format::Oatutor,
    ];

    /// The name on the command line: `gift`, `moodle-xml`, `qti`, `oatutor`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Gift => "gift",
            Format::MoodleXml => "moodle-xml",
            Format::Qti => "qti",
            Format::Oatutor => "oatutor",
        }
    }

    /// The format with this command-line name.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|format| format.name() == name)
    }
}

/// Choices of an import that change what a learner is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportOptions {
    /// OATutor: a multiple-choice question whose answer is math (an equation such as
    /// `h=\frac{2A}{b}`, a list such as `-9;(0,7)`, a point) becomes a typed answer, judged by value.
    pub typed_answers: bool,
}

/// Why nothing could be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImportError {
    /// The format could not be told from the content.
    UnknownFormat { name: String },
    /// This build has no importer for the format.
    NotSupported { format: Format },
    /// The source cannot be read, or is not in the format.
    Source { format: Format, message: String },
    /// The path or the bytes are not a readable file, folder or zip.
    Unreadable { message: String },
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::UnknownFormat { name } => write!(
                formatter,
                "cannot tell the format of {name}: it is neither GIFT, Moodle XML (<quiz>), \
                 QTI (an item, a test or an imsmanifest.xml) nor an OATutor folder"
            ),
            ImportError::NotSupported { format } => {
                write!(
                    formatter,
                    "{} import is not supported in this build",
                    format.name()
                )
            }
            ImportError::Source { format, message } => {
                write!(formatter, "{} import: {message}", format.name())
            }
            ImportError::Unreadable { message } => formatter.write_str(message),
        }
    }
}

impl std::error::Error for ImportError {}

/// Imports `path` (a file, a folder or a `.zip`) in `format`, or in the format
/// [`detect_format`] tells from its content when it is `None`: the command line's entry point,
/// [`import_files`] on the files read from the path.
pub fn import_path(
    path: &Path,
    format: Option<Format>,
    options: ImportOptions,
) -> Result<ImportedBank, ImportError> {
    let files =
        SourceFiles::read_path(path).map_err(|message| ImportError::Unreadable { message })?;
    import_files(&files, format, options)
}

/// Imports a file the author dropped (`name`, `bytes`; a `.zip` is unpacked in memory), in the
/// format its content shows, which is returned with the bank: the authoring page's entry point.
pub fn import_bytes(
    name: &str,
    bytes: Vec<u8>,
    options: ImportOptions,
) -> Result<(Format, ImportedBank), ImportError> {
    let files = SourceFiles::from_bytes(name, bytes)
        .map_err(|message| ImportError::Unreadable { message })?;
    let format = detect_files_format(&files).ok_or_else(|| ImportError::UnknownFormat {
        name: files.name.clone(),
    })?;
    Ok((format, import_files(&files, Some(format), options)?))
}

/// Imports files held in memory in `format`, or in the format their content shows: the one
/// code path of every importer.
pub fn import_files(
    files: &SourceFiles,
    format: Option<Format>,
    options: ImportOptions,
) -> Result<ImportedBank, ImportError> {
    let format = match format {
        Some(format) => format,
        None => detect_files_format(files).ok_or_else(|| ImportError::UnknownFormat {
            name: files.name.clone(),
        })?,
    };
    let source_error = |message: String| ImportError::Source { format, message };
    match format {
        Format::Gift => gift::import_gift_files(files).map_err(source_error),
        Format::Oatutor => oatutor::import_oatutor_files(files, options).map_err(source_error),
        Format::MoodleXml => moodle_xml::import_moodle_xml_files(files).map_err(source_error),
        Format::Qti => qti::import_qti_files(files).map_err(source_error),
    }
}

/// What `import` does with an imported bank: write it, write it and say some things were
/// skipped (exit 2), or refuse it under `--strict` or when it has no item (exit 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    /// Nothing was skipped or left out: exit 0.
    Complete,
    /// Written, but something was skipped (listed): exit 2.
    WrittenWithSkips,
    /// Something was skipped and `--strict` was asked: nothing written, exit 1.
    RefusedByStrict,
    /// No item could be made (every question skipped, or none found): nothing written, exit 1.
    NoItems,
}

impl ImportOutcome {
    pub fn of(imported: &ImportedBank, strict: bool) -> ImportOutcome {
        if imported.bank.items.is_empty() {
            return ImportOutcome::NoItems;
        }
        match (imported.skipped_count() + imported.left_out_count(), strict) {
            (0, _) => ImportOutcome::Complete,
            (_, false) => ImportOutcome::WrittenWithSkips,
            (_, true) => ImportOutcome::RefusedByStrict,
        }
    }

    pub fn exit_code(self) -> u8 {
        match self {
            ImportOutcome::Complete => 0,
            ImportOutcome::WrittenWithSkips => 2,
            ImportOutcome::RefusedByStrict | ImportOutcome::NoItems => 1,
        }
    }
}

/// What an importer produced.
#[derive(Debug, Clone)]
pub struct ImportedBank {
    pub bank: Bank,
    /// Files to copy next to the bank file.
    pub media: Vec<MediaFile>,
    /// Everything the importer could not convert as is, one note each.
    pub notes: Vec<ImportNote>,
    /// Counts for the summary, in order: what was found, what was written, what was skipped.
    pub counts: Vec<(&'static str, usize)>,
}

impl ImportedBank {
    /// The count with this name, 0 when there is none.
    pub fn count(&self, name: &str) -> usize {
        self.counts
            .iter()
            .find(|(counted, _)| *counted == name)
            .map_or(0, |(_, count)| *count)
    }

    /// What was found in the source: the first count (`questions 12`, `problems 91`).
    pub fn found(&self) -> (&'static str, usize) {
        self.counts.first().copied().unwrap_or(("questions", 0))
    }

    /// How many notes say a whole question, item or file was skipped.
    pub fn skipped_count(&self) -> usize {
        self.notes
            .iter()
            .filter(|note| note.kind == NoteKind::Skipped)
            .count()
    }

    /// How many notes say a part of a written item (an answer, a feedback) was left out.
    pub fn left_out_count(&self) -> usize {
        self.notes
            .iter()
            .filter(|note| note.kind == NoteKind::LeftOut)
            .count()
    }

    /// The headline: `found 8 questions, written 7 items, skipped 1 question; 2 parts of
    /// written items left out`. The skipped figure is the importer's own count of what it found
    /// and did not write (`questions skipped`), so found = written + skipped when one question
    /// makes one item; files skipped (a second quiz file) are counted apart.
    pub fn headline(&self) -> String {
        let (found_name, found) = self.found();
        let skipped = self
            .counts
            .iter()
            .find(|(name, _)| name.ends_with(" skipped"))
            .map_or(0, |(_, count)| *count);
        let singular = found_name.trim_end_matches('s');
        let mut line = format!(
            "found {found} {}, written {} {}, skipped {skipped} {}",
            if found == 1 { singular } else { found_name },
            self.bank.items.len(),
            if self.bank.items.len() == 1 {
                "item"
            } else {
                "items"
            },
            if skipped == 1 { singular } else { found_name },
        );
        let left_out = self.left_out_count();
        if left_out > 0 {
            line.push_str(&format!(
                "; {left_out} {} of written items left out",
                if left_out == 1 { "part" } else { "parts" }
            ));
        }
        let other = self.skipped_count().saturating_sub(skipped);
        if other > 0 {
            line.push_str(&format!(
                "; {other} other {} skipped",
                if other == 1 { "thing" } else { "things" }
            ));
        }
        let warnings = self
            .notes
            .iter()
            .filter(|note| note.kind == NoteKind::Warning)
            .count();
        if warnings > 0 {
            line.push_str(&format!(
                "; {warnings} {} to check",
                if warnings == 1 { "warning" } else { "warnings" }
            ));
        }
        line
    }

    /// The notes that say something was left out, as the lines the tools print.
    pub fn skipped_notes(&self) -> Vec<String> {
        self.notes
            .iter()
            .filter(|note| note.kind == NoteKind::Skipped)
            .map(ToString::to_string)
            .collect()
    }

    /// The summary line: `problems 100, steps 156, …`.
    pub fn summary_line(&self) -> String {
        let parts: Vec<String> = self
            .counts
            .iter()
            .map(|(name, count)| format!("{name} {count}"))
            .collect();
        parts.join(", ")
    }
}

/// A file of the source that the bank refers to, and where it goes relative to the bank file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaFile {
    /// The file's content.
    pub bytes: Vec<u8>,
    /// The address used in the bank's texts, relative to the bank file (`media/p1/figure1.gif`).
    pub address: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// A whole question, item or file left out of the bank.
    Skipped,
    /// A part of an item that is written (an answer, a feedback) left out.
    LeftOut,
    /// Converted, but not as the source had it (a made-up alt text, a dropped second answer).
    Changed,
    /// A choice the importer made for the whole bank (no prerequisites, neutral difficulty).
    Decision,
    /// Converted as the source has it, but the source looks wrong there (an option that is
    /// several answers glued together): check it. Does not change the exit code.
    Warning,
}

/// One thing the importer could not convert as is: where in the source, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportNote {
    pub kind: NoteKind,
    /// The source's id of the problem, step, hint or file.
    pub source: String,
    pub message: String,
}

impl std::fmt::Display for ImportNote {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.kind {
            NoteKind::Skipped => "skipped",
            NoteKind::LeftOut => "left out",
            NoteKind::Changed => "changed",
            NoteKind::Decision => "decision",
            NoteKind::Warning => "warning",
        };
        write!(formatter, "{kind}: {}: {}", self.source, self.message)
    }
}

/// Marks the `Skipped` notes of a question that was written after all as `LeftOut`: they are
/// about a part of it.
pub(crate) fn parts_left_out(notes: &mut [ImportNote]) {
    for note in notes {
        if note.kind == NoteKind::Skipped {
            note.kind = NoteKind::LeftOut;
        }
    }
}

/// Whether shuffling these choices would change what one of them means: the first choice whose
/// text points at the others by place (`All of the above`, `Both A and B`, `None of these`).
/// The bank format shuffles all choices or none, so such a question keeps its order.
pub(crate) fn choice_needing_its_place<'a>(
    texts: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    texts.into_iter().find(|text| {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .collect();
        let has = |phrase: &[&str]| words.windows(phrase.len()).any(|window| window == phrase);
        has(&["the", "above"])
            || has(&["the", "below"])
            || has(&["all", "of", "these"])
            || has(&["none", "of", "these"])
            || has(&["both", "of", "these"])
            || has(&["neither", "of", "these"])
            || (words.len() <= 6
                && (has(&["a", "and", "b"]) || has(&["a", "or", "b"]) || has(&["b", "and", "c"])))
            || has(&["ci", "dessus"])
            || has(&["toutes", "les", "réponses"])
            || has(&["aucune", "des", "réponses"])
    })
}

/// The note said when a question that would be shuffled keeps its order because of `choice`:
/// fixed in its place by the source (`fixed`), or naming the other choices by place.
pub(crate) fn kept_order_message(choice: &str, fixed: bool) -> String {
    let why = if fixed {
        "is fixed in its place in the source"
    } else {
        "points at the other choices by their place"
    };
    format!(
        "the choices are not shuffled: “{choice}” {why}, and a bank shuffles all its choices \
         or none"
    )
}

/// The note on a typed question's feedback for its right answer (GIFT, Moodle XML): the bank
/// has feedback for typical wrong answers only (a worked solution is shown after every answer,
/// right or wrong, so it is not the same thing).
pub(crate) fn right_feedback_message(answer: &str, feedback: &str) -> String {
    format!(
        "the feedback on the right answer “{answer}” (“{}”): a typed answer has feedback for \
         wrong answers only",
        feedback.trim()
    )
}

/// A file name as a title: `fractions_quiz-2` → `Fractions quiz 2`.
pub(crate) fn readable_name(stem: &str) -> String {
    let spaced: String = stem
        .chars()
        .map(|c| if matches!(c, '_' | '-' | '.') { ' ' } else { c })
        .collect();
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let joined = words.join(" ");
    let mut chars = joined.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => stem.to_string(),
    }
}

/// The title the categories of a source share: the path parts every category starts with
/// (`Fractions` for `$course$/Fractions/Adding` and `$course$/Fractions/Comparing`; the whole
/// name of a single category), without Moodle's `$course$`, `top` and `Default for …`; `None`
/// when they share nothing.
pub(crate) fn shared_category_title(paths: &[Vec<String>]) -> Option<String> {
    let first = paths.first()?;
    let mut shared = first.len();
    for path in &paths[1..] {
        shared = shared.min(first.iter().zip(path).take_while(|(a, b)| a == b).count());
    }
    let title = first[..shared].join(" / ");
    (!title.trim().is_empty()).then_some(title)
}

/// The meaningful parts of a Moodle category path (`$course$/top/Default for X/Fractions` →
/// `["Fractions"]`).
pub(crate) fn category_parts(path: &str) -> Vec<String> {
    path.split('/')
        .map(str::trim)
        .filter(|part| {
            !part.is_empty()
                && !part.starts_with('$')
                && *part != "top"
                && !part.starts_with("Default for")
        })
        .map(str::to_string)
        .collect()
}

/// An imported bank's id: its title as an id and a short hash of its title and first
/// question's name (and of the file name when the title is only the file name), so that two
/// publishers' `quiz.gift` files get different ids (progress is stored per bank id) while
/// importing an updated file again gives the same id and keeps learners' progress, as long as
/// these stay (`import --id` sets it instead).
pub(crate) fn source_bank_id(file_stem: &str, title: &str, first_question: &str) -> String {
    let file_stem = if title == readable_name(file_stem) {
        file_stem
    } else {
        ""
    };
    let mut hash: u32 = 0x811c_9dc5;
    for byte in [file_stem, title, first_question].join("\n").bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    let base = qti::slug(title);
    let base: String = base.chars().take(40).collect();
    format!("{}-{:06x}", base.trim_end_matches('-'), hash & 0x00ff_ffff)
}

/// A file or folder name safe in a Markdown address: letters, digits, `-`, `_` and `.`; every
/// other character becomes `-`.
pub(crate) fn safe_file_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// The bank as pretty JSON in the format's field order, without `null` fields and empty
/// optional lists; a calibration block comes last, one line per skill and item.
pub fn bank_json(bank: &Bank) -> Result<String, serde_json::Error> {
    let Some(calibration) = &bank.calibration else {
        return bank_json_without_calibration(bank);
    };
    let without = Bank {
        calibration: None,
        ..bank.clone()
    };
    let mut text = bank_json_without_calibration(&without)?;
    let end = text.trim_end().trim_end_matches('}').trim_end().len();
    text.truncate(end);
    text.push_str(",\n  \"calibration\": ");
    text.push_str(&calibration_json(calibration)?);
    text.push_str("\n}\n");
    Ok(text)
}

/// A calibration block as JSON text, one skill or item per line, indented as a member of a
/// bank's top-level object (the one writer of the block: `bank_json` and `make calibrate`).
pub fn calibration_json(calibration: &BankCalibration) -> Result<String, serde_json::Error> {
    let entries = |lines: Vec<String>| format!("{{\n      {}\n    }}", lines.join(",\n      "));
    let mut skills = Vec::new();
    for (id, skill) in calibration.skills.iter() {
        skills.push(format!(
            "{}: {}",
            serde_json::to_string(id)?,
            serde_json::to_string(skill)?
        ));
    }
    let mut items = Vec::new();
    for (id, item) in calibration.items.iter() {
        items.push(format!(
            "{}: {}",
            serde_json::to_string(id)?,
            serde_json::to_string(item)?
        ));
    }
    Ok(format!(
        "{{\n    \"version\": {},\n    \"fitted\": {},\n    \"settings\": {},\n    \"weights\": {},\n    \"skills\": {},\n    \"items\": {}\n  }}",
        calibration.version,
        serde_json::to_string(&calibration.fitted)?,
        serde_json::to_string(&calibration.settings)?,
        serde_json::to_string(&calibration.weights)?,
        entries(skills),
        entries(items),
    ))
}

fn bank_json_without_calibration(bank: &Bank) -> Result<String, serde_json::Error> {
    let mut expected = serde_json::to_value(bank)?;
    drop_empty_optional_fields(&mut expected);
    let in_field_order = drop_empty_field_lines(&serde_json::to_string_pretty(bank)?);
    // The line filter keeps the field order; should it ever change the data, the sorted form is used.
    let mut text =
        if serde_json::from_str::<Value>(&in_field_order).ok().as_ref() == Some(&expected) {
            in_field_order
        } else {
            serde_json::to_string_pretty(&expected)?
        };
    text.push('\n');
    Ok(text)
}

/// Removes `"key": null` lines and `"hints": []`-style lines from pretty JSON, with the comma
/// before them when they were last in their object.
fn drop_empty_field_lines(pretty: &str) -> String {
    let mut kept: Vec<String> = Vec::new();
    for line in pretty.lines() {
        let field = line.trim_start().trim_end_matches(',');
        let is_null =
            field.starts_with('"') && field.ends_with("\": null") && !field.starts_with("\"\\");
        let is_empty_list = OPTIONAL_LIST_FIELDS
            .iter()
            .any(|key| field == format!("\"{key}\": []"));
        if is_null || is_empty_list {
            if !line.ends_with(',') {
                if let Some(previous) = kept.last_mut() {
                    if previous.ends_with(',') {
                        previous.pop();
                    }
                }
            }
            continue;
        }
        kept.push(line.to_string());
    }
    kept.join("\n")
}

/// Backslash-escapes what Markdown would read as markup: `\ * _ `` [ ] $`, and at the
/// start of a line `#`, `>`, `-`, `+`, `=`, `|` and the `.` or `)` of `1.`.
pub fn escape_markdown(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let mut at_line_start = true;
    let characters: Vec<char> = text.chars().collect();
    for (index, &character) in characters.iter().enumerate() {
        let always_markup = matches!(character, '\\' | '*' | '_' | '`' | '[' | ']' | '$');
        let markup_at_line_start =
            at_line_start && matches!(character, '#' | '>' | '-' | '+' | '=' | '|');
        let ends_list_number =
            matches!(character, '.' | ')') && ends_line_start_number(&characters[..index]);
        if always_markup || markup_at_line_start || ends_list_number {
            escaped.push('\\');
        }
        escaped.push(character);
        if character == '\n' {
            at_line_start = true;
        } else if !character.is_whitespace() {
            at_line_start = false;
        }
    }
    escaped
}

/// Whether the characters end with a line's first word made only of digits (`12` in `12.`).
fn ends_line_start_number(before: &[char]) -> bool {
    let digits = before
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if digits == 0 {
        return false;
    }
    before[..before.len() - digits]
        .iter()
        .rev()
        .take_while(|c| **c != '\n')
        .all(|c| c.is_whitespace())
}

/// Writes the bank to `out` and copies its media files next to it.
pub fn write_imported_bank(imported: &ImportedBank, out: &Path) -> std::io::Result<()> {
    let folder = out.parent().map(Path::to_path_buf).unwrap_or_default();
    if !folder.as_os_str().is_empty() {
        std::fs::create_dir_all(&folder)?;
    }
    for media in &imported.media {
        let target = media
            .address
            .split('/')
            .fold(folder.clone(), |path, part| path.join(part));
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&target, &media.bytes)?;
    }
    let text = bank_json(&imported.bank).map_err(std::io::Error::other)?;
    std::fs::write(out, text)
}

/// Fields whose absence means the same as `null` or `[]` in the bank format.
const OPTIONAL_LIST_FIELDS: &[&str] = &["hints", "prerequisites", "misconceptions", "distractors"];

fn drop_empty_optional_fields(value: &mut Value) {
    match value {
        Value::Object(fields) => {
            fields.retain(|key, field| {
                !(field.is_null()
                    || (OPTIONAL_LIST_FIELDS.contains(&key.as_str())
                        && field.as_array().is_some_and(Vec::is_empty)))
            });
            fields.values_mut().for_each(drop_empty_optional_fields);
        }
        Value::Array(elements) => elements.iter_mut().for_each(drop_empty_optional_fields),
        _ => {}
    }
}
