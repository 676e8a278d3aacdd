//! A bank as a QTI 3.0 package: `imsmanifest.xml`, an assessment test with one section per
//! skill, one item file per bank item and the media files, as a folder or a `.zip`. Each item's
//! response processing is written out (no template to fetch): score, per-choice feedback,
//! feedback for typical wrong answers, hints behind an end-attempt button, the solution.
//! What QTI cannot hold is removed by [`held_by_qti`] and noted in the report, item by item, as
//! the importers note what they cannot convert.

mod gaps;
mod item;
mod markup;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use adaptive_practice_engine::bank::{Bank, Hint, Item, ItemKind};

use crate::import::{ImportNote, NoteKind};

pub use self::item::item_xml;
use self::markup::escape;

/// The QTI 3.0 item namespace.
pub const QTI3_NAMESPACE: &str = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
/// The QTI 3.0 content package namespace.
pub const QTI3_PACKAGE_NAMESPACE: &str = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1";

/// What was written and what the package does not hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportReport {
    pub items_written: usize,
    pub media_written: usize,
    /// One note per thing QTI cannot hold (kind `Changed`, source: the item id or `skill ID`)
    /// and per media file that could not be copied (kind `Skipped`), as the importers note.
    pub notes: Vec<ImportNote>,
}

/// Writes the package to `out` (a `.zip`, or else a folder); media addresses are read relative
/// to the current folder. See [`export_qti_package_from`].
pub fn export_qti_package(bank: &Bank, out: &Path) -> Result<ExportReport, String> {
    export_qti_package_from(bank, Path::new("."), out)
}

/// Writes the package; the bank's media files are read relative to `bank_folder`.
pub fn export_qti_package_from(
    bank: &Bank,
    bank_folder: &Path,
    out: &Path,
) -> Result<ExportReport, String> {
    let is_zip = out
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("zip"));
    let folder = if is_zip {
        std::env::temp_dir().join(format!(
            "adaptive-practice-qti-export-{}",
            std::process::id()
        ))
    } else {
        out.to_path_buf()
    };
    if is_zip && folder.exists() {
        std::fs::remove_dir_all(&folder).map_err(|error| error.to_string())?;
    }
    let report = write_folder(bank, bank_folder, &folder)?;
    if is_zip {
        zip_folder(&folder, out)?;
        std::fs::remove_dir_all(&folder).ok();
    }
    Ok(report)
}

fn write_folder(bank: &Bank, bank_folder: &Path, folder: &Path) -> Result<ExportReport, String> {
    let write = |path: &Path, text: &str| -> Result<(), String> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|error| error.to_string())?;
        }
        std::fs::write(path, text)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))
    };
    let mut report = ExportReport::default();
    for skill in &bank.skills {
        if skill.description.is_some() || !skill.prerequisites.is_empty() {
            report.notes.push(ImportNote {
                kind: NoteKind::Changed,
                source: format!("skill {}", skill.id),
                message: "its description and prerequisites are not held".into(),
            });
        }
    }
    let mut resources = Vec::new();
    let mut media: Vec<String> = Vec::new();
    let mut files_of_items = Vec::new();
    for item in &bank.items {
        let (held, lost) = held_by_qti(item);
        report.notes.extend(lost.into_iter().map(|what| ImportNote {
            kind: NoteKind::Changed,
            source: item.id.clone(),
            message: format!("not held: {what}"),
        }));
        let (xml, item_media) = item_xml(&held, bank.language.as_deref())?;
        let href = format!("{}.xml", identifier(&item.id));
        write(&folder.join(&href), &xml)?;
        for address in &item_media {
            if !media.contains(address) {
                media.push(address.clone());
            }
        }
        files_of_items.push((item.id.clone(), href.clone(), item_media));
        report.items_written += 1;
    }
    for address in &media {
        let source = bank_folder.join(address);
        let target = folder.join(address);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|error| error.to_string())?;
        }
        match std::fs::copy(&source, &target) {
            Ok(_) => report.media_written += 1,
            Err(error) => report.notes.push(ImportNote {
                kind: NoteKind::Skipped,
                source: format!("media {address}"),
                message: format!("cannot be copied: {error}"),
            }),
        }
    }
    for (id, href, item_media) in &files_of_items {
        let files: String = std::iter::once(href.clone())
            .chain(item_media.iter().cloned())
            .map(|file| format!("<file href=\"{}\"/>", escape(&file)))
            .collect();
        resources.push(format!(
            "    <resource identifier=\"item-{}\" type=\"imsqti_item_xmlv3p0\" href=\"{}\">{files}</resource>\n",
            escape(id),
            escape(href)
        ));
    }
    write(&folder.join("test.xml"), &test_xml(bank))?;
    let manifest = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest xmlns=\"{QTI3_PACKAGE_NAMESPACE}\" identifier=\"{}-package\">\n  <metadata><schema>QTI Package</schema><schemaversion>3.0.0</schemaversion></metadata>\n  <organizations/>\n  <resources>\n    <resource identifier=\"test\" type=\"imsqti_test_xmlv3p0\" href=\"test.xml\"><file href=\"test.xml\"/></resource>\n{}  </resources>\n</manifest>\n",
        escape(&identifier(&bank.id)),
        resources.concat()
    );
    write(&folder.join("imsmanifest.xml"), &manifest)?;
    Ok(report)
}

/// The test: one section per skill, each item in the section of its first skill.
fn test_xml(bank: &Bank) -> String {
    let language = bank
        .language
        .as_deref()
        .map(|language| format!(" xml:lang=\"{}\"", escape(language)))
        .unwrap_or_default();
    let mut sections = String::new();
    for skill in &bank.skills {
        let references: String = bank
            .items
            .iter()
            .filter(|item| item.skills.first() == Some(&skill.id))
            .map(|item| {
                format!(
                    "      <qti-assessment-item-ref identifier=\"{}\" href=\"{}.xml\"/>\n",
                    escape(&identifier(&item.id)),
                    escape(&identifier(&item.id))
                )
            })
            .collect();
        if references.is_empty() {
            continue;
        }
        sections.push_str(&format!(
            "    <qti-assessment-section identifier=\"{}\" title=\"{}\" visible=\"true\">\n{references}    </qti-assessment-section>\n",
            escape(&skill.id),
            escape(&skill.name)
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<qti-assessment-test xmlns=\"{QTI3_NAMESPACE}\" identifier=\"{}\" title=\"{}\"{language}>\n  <qti-test-part identifier=\"part\" navigation-mode=\"nonlinear\" submission-mode=\"individual\">\n{sections}  </qti-test-part>\n</qti-assessment-test>\n",
        escape(&identifier(&bank.id)),
        escape(&bank.title)
    )
}

/// A QTI identifier: starts with a letter or `_`, then letters, digits, `-`, `_`, `.`.
pub(crate) fn identifier(id: &str) -> String {
    let mut out: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if !out.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        out.insert(0, '_');
    }
    out
}

/// The item as QTI holds it, and what was removed. Only the first skill is held (as the test
/// section), no difficulty, hint texts without scaffolds, no units, forms or answer forms.
pub fn held_by_qti(item: &Item) -> (Item, Vec<String>) {
    let mut held = item.clone();
    let mut lost = Vec::new();
    if held.difficulty.take().is_some() {
        lost.push("difficulty".to_string());
    }
    if held.skills.len() > 1 {
        held.skills.truncate(1);
        lost.push("skills after the first".into());
    }
    if held.id != identifier(&held.id) {
        lost.push(format!("id (written {})", identifier(&held.id)));
        held.id = identifier(&held.id);
    }
    strip_hints(&mut held.hints, &mut lost);
    strip_kind(&mut held.kind, &mut lost);
    if let ItemKind::MultiStep { steps } = &mut held.kind {
        for step in steps.iter_mut() {
            if step.id.take().is_some() {
                lost.push("step ids".into());
            }
            if !std::mem::take(&mut step.skills).is_empty() {
                lost.push("step skills".into());
            }
            strip_hints(&mut step.hints, &mut lost);
        }
    }
    lost.dedup();
    (held, lost)
}

fn strip_hints(hints: &mut [Hint], lost: &mut Vec<String>) {
    for hint in hints.iter_mut() {
        if hint.scaffold.take().is_some() {
            lost.push("scaffold questions in hints (their text is kept)".into());
        }
    }
}

fn strip_kind(kind: &mut ItemKind, lost: &mut Vec<String>) {
    match kind {
        ItemKind::Numeric {
            answer,
            unit,
            convert_units,
            form,
            ..
        } => {
            let text = answer.text.trim();
            let single =
                text.starts_with("{{") && text.ends_with("}}") && text.matches("{{").count() == 1;
            if text.contains("{{") && !single {
                lost.push("a templated answer written with several values (QTI computes one number, rounded to 6 decimals)".into());
            }
            if unit.take().is_some() || std::mem::take(convert_units) {
                lost.push("unit".into());
            }
            if form.take().is_some() {
                lost.push("form".into());
            }
        }
        ItemKind::MathExpression {
            tolerance,
            answer_form,
            solved_for,
            form,
            ..
        } => {
            if tolerance.take().is_some() {
                lost.push("tolerance of a math answer".into());
            }
            if answer_form.take().is_some() {
                lost.push("answerForm".into());
            }
            if solved_for.take().is_some() {
                lost.push("solvedFor".into());
            }
            if form.take().is_some() {
                lost.push("form".into());
            }
        }
        ItemKind::ShortText {
            ignore_accents,
            pattern,
            ..
        } => {
            if !*ignore_accents {
                *ignore_accents = true;
                lost.push("ignoreAccents: false".into());
            }
            if pattern.take().is_some() {
                lost.push("pattern".into());
            }
        }
        ItemKind::MultiStep { steps } => {
            for step in steps {
                strip_kind(&mut step.kind, lost);
            }
        }
        _ => {}
    }
}

/// Zips a folder (deflate), entries named by their path inside it.
pub fn zip_folder(folder: &Path, out: &Path) -> Result<(), String> {
    let mut paths = Vec::new();
    collect_files(folder, &mut paths);
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let name = path
            .strip_prefix(folder)
            .map_err(|error| error.to_string())?
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = std::fs::read(&path).map_err(|error| error.to_string())?;
        files.push((name, bytes));
    }
    let file = std::fs::File::create(out)
        .map_err(|error| format!("cannot write {}: {error}", out.display()))?;
    super::zip_entries(
        files
            .iter()
            .map(|(name, bytes)| (name.as_str(), bytes.as_slice())),
        file,
    )?;
    Ok(())
}

fn collect_files(folder: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, files);
        } else {
            files.push(path);
        }
    }
}
