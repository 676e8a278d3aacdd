//! Importers: each module reads one open content format and returns an [`ImportedBank`], the
//! engine's `Bank` plus the media files to copy and a note for everything it could not convert.
//! A new source format (QTI 3, Moodle GIFT) is a new module next to `oatutor`.

use std::path::{Path, PathBuf};

use adaptive_practice_engine::Bank;
use serde_json::Value;

pub mod html_markdown;
pub mod moodle_xml;
pub mod oatutor;
pub mod qti;

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
    pub source: PathBuf,
    /// The address used in the bank's texts, relative to the bank file (`media/p1/figure1.gif`).
    pub address: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// Left out of the bank.
    Skipped,
    /// Converted, but not as the source had it (a made-up alt text, a dropped second answer).
    Changed,
    /// A choice the importer made for the whole bank (no prerequisites, neutral difficulty).
    Decision,
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
            NoteKind::Changed => "changed",
            NoteKind::Decision => "decision",
        };
        write!(formatter, "{kind}: {}: {}", self.source, self.message)
    }
}

/// The bank as pretty JSON in the format's field order, without `null` fields and empty
/// optional lists.
pub fn bank_json(bank: &Bank) -> Result<String, serde_json::Error> {
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
        std::fs::copy(&media.source, &target)?;
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
