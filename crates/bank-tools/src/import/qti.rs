//! The QTI importer: a single item file, a folder with an `imsmanifest.xml`, or a `.zip` content
//! package (all read as [`SourceFiles`]), in QTI 2.1, 2.2 or 3.0 (whose elements are the 2.x names spelled `qti-kebab-case`:
//! both are read through [`local_name`] and [`attribute`]). Each item becomes one bank item
//! (`item.rs`); response declarations, response processing, feedback and templates are read in
//! `processing.rs`. Sections of an assessment test become skills; without a test, the package
//! (or file) is one skill. What cannot be converted is a note with the file and line.

mod choices;
mod item;
mod package;
mod parts;
mod processing;
#[cfg(test)]
pub(crate) mod tests;

use std::path::Path;

use adaptive_practice_engine::bank::{Bank, BankSettings, Skill};

pub(crate) use self::package::slug;
use self::package::{read_package, PackageItem};
use crate::import::source_files::{SourceFiles, Unreadable};
use crate::import::{ImportNote, ImportedBank, NoteKind};

/// Reads QTI content (an item file, a package folder or a `.zip`) and converts it. Fails only
/// when nothing can be read as QTI; everything else that cannot be converted becomes a note.
pub fn import_qti(path: &Path) -> Result<ImportedBank, String> {
    import_qti_files(&SourceFiles::read_path(path)?)
}

/// Converts the QTI items of a source held in memory (see [`read_package`] for where they are).
pub fn import_qti_files(files: &SourceFiles) -> Result<ImportedBank, String> {
    let package = read_package(files)?;
    let mut notes: Vec<ImportNote> = package.notes.clone();
    let mut items = Vec::new();
    let mut media = Vec::new();
    let mut skills: Vec<Skill> = Vec::new();
    let found = package.items.len();
    let mut used_ids: Vec<String> = Vec::new();
    // The `xml:lang` of each item converted (`None` for an item without one).
    let mut item_languages: Vec<Option<String>> = Vec::new();
    for PackageItem { file, skill } in &package.items {
        let source = file.clone();
        let text = match files.text_or_beside(file) {
            Ok(text) => text,
            Err(why) => {
                let reason = match why {
                    Unreadable::Missing => "cannot be read: the file is not in the package",
                    Unreadable::NotText => "cannot be read: it is not UTF-8 text",
                };
                notes.push(note(NoteKind::Skipped, &source, reason.to_string()));
                continue;
            }
        };
        let mut item_notes = Vec::new();
        let mut item_media = Vec::new();
        let converted = item::convert_item_file(
            &text,
            &item::ItemFile {
                file,
                files,
                source: &source,
            },
            &mut item_notes,
            &mut item_media,
        );
        match converted {
            Ok((mut converted, language)) => {
                converted.id = unique_id(&converted.id, &mut used_ids);
                let (skill_id, skill_name) = skill
                    .clone()
                    .unwrap_or_else(|| (package.skill_id.clone(), package.title.clone()));
                if !skills.iter().any(|known| known.id == skill_id) {
                    skills.push(Skill {
                        id: skill_id.clone(),
                        name: skill_name,
                        description: None,
                        prerequisites: Vec::new(),
                    });
                }
                converted.skills = vec![skill_id];
                items.push(converted);
                item_languages.push(language);
                crate::import::parts_left_out(&mut item_notes);
                notes.append(&mut item_notes);
                for file in item_media {
                    if !media.contains(&file) {
                        media.push(file);
                    }
                }
            }
            Err(reason) => {
                notes.append(&mut item_notes);
                notes.push(note(NoteKind::Skipped, &source, reason));
            }
        }
    }
    if items.is_empty() && found > 0 {
        notes.push(note(
            NoteKind::Decision,
            &package.title,
            "no item could be converted".into(),
        ));
    }
    let written = items.len();
    let first_item = package
        .items
        .first()
        .map(|item| item.file.as_str())
        .unwrap_or_default();
    let bank = Bank {
        id: crate::import::source_bank_id(&files.stem(), &package.title, first_item),
        version: "1".into(),
        title: package.title.clone(),
        // A package of items without a test says its language on its items: theirs when they
        // agree (the widget then speaks it and reads numbers as it writes them).
        language: package.language.clone().or_else(|| {
            let first = item_languages.first().cloned().flatten()?;
            item_languages
                .iter()
                .all(|language| language.as_deref() == Some(first.as_str()))
                .then_some(first)
        }),
        license: None,
        attribution: None,
        settings: BankSettings::default(),
        skills,
        items,
        calibration: None,
    };
    Ok(ImportedBank {
        bank,
        media,
        notes,
        counts: vec![
            ("items", found),
            ("items written", written),
            ("items skipped", found - written),
        ],
    })
}

/// QTI 3.0's `qti-choice-interaction` is QTI 2's `choiceInteraction`: the name both are read by.
pub(crate) fn local_name(node: roxmltree::Node<'_, '_>) -> String {
    let name = node.tag_name().name();
    match name.strip_prefix("qti-") {
        Some(kebab) => camel_case(kebab),
        None => name.to_string(),
    }
}

fn camel_case(kebab: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in kebab.chars() {
        if c == '-' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `responseIdentifier` (QTI 2) or `response-identifier` (QTI 3).
pub(crate) fn attribute<'a>(node: roxmltree::Node<'a, '_>, camel: &str) -> Option<&'a str> {
    node.attribute(camel).or_else(|| {
        let mut kebab = String::new();
        for c in camel.chars() {
            if c.is_ascii_uppercase() {
                kebab.push('-');
                kebab.push(c.to_ascii_lowercase());
            } else {
                kebab.push(c);
            }
        }
        node.attribute(kebab.as_str())
    })
}

/// The element children of a node with this local name.
pub(crate) fn children_named<'a, 'input>(
    node: roxmltree::Node<'a, 'input>,
    name: &'a str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'input>> + 'a {
    node.children()
        .filter(move |child| child.is_element() && local_name(*child) == name)
}

/// `line 12` for a node, for notes.
pub(crate) fn line_of(node: roxmltree::Node<'_, '_>) -> String {
    let position = node.document().text_pos_at(node.range().start);
    format!("line {}", position.row)
}

/// Parses XML text, allowing a DOCTYPE (older QTI 2.1 exporters write one).
pub(crate) fn parse_xml(text: &str) -> Result<roxmltree::Document<'_>, String> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options)
        .map_err(|error| format!("not well-formed XML: {error}"))
}

fn unique_id(id: &str, used: &mut Vec<String>) -> String {
    let mut candidate = id.to_string();
    let mut number = 2;
    while used.contains(&candidate) {
        candidate = format!("{id}-{number}");
        number += 1;
    }
    used.push(candidate.clone());
    candidate
}

pub(crate) fn note(kind: NoteKind, source: &str, message: String) -> ImportNote {
    ImportNote {
        kind,
        source: source.to_string(),
        message,
    }
}
