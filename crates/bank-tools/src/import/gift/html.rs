//! The HTML a GIFT text may hold (`[html]`, or tags in the default `[moodle]` format) to bank
//! Markdown, through the importers' one HTML converter (`import/html_markdown.rs`, which Moodle XML
//! and QTI use too). This file only adapts it to GIFT: an image keeps its address (a GIFT file
//! carries no pictures) with a note to copy it next to the bank, and the converter's notes become
//! the sentences the GIFT importer reports at the question's line.

use crate::import::html_markdown::{html_text_to_markdown, HtmlContext, TextShape};
use crate::import::{ImportNote, NoteKind};

/// Converts `html` (math already taken out) to Markdown; `changed` hears of everything that
/// could not be kept as it was.
pub(super) fn html_to_markdown(html: &str, changed: &mut dyn FnMut(String)) -> String {
    let mut notes = Vec::new();
    let mut resolve = |src: &str, notes: &mut Vec<ImportNote>| -> Option<String> {
        let src = src.trim_start_matches("@@PLUGINFILE@@/");
        notes.push(ImportNote {
            kind: NoteKind::Changed,
            source: String::new(),
            message: format!(
                "the image {src} is not inside the GIFT file: copy it next to the bank"
            ),
        });
        Some(src.to_string())
    };
    let mut context = HtmlContext {
        source: String::new(),
        notes: &mut notes,
        resolve_image: &mut resolve,
    };
    let mut converted = html_text_to_markdown(html, TextShape::Block, &mut context);
    for note in notes {
        changed(note.message);
    }
    // The text around math keeps its spaces.
    if html.starts_with(char::is_whitespace) && !converted.is_empty() {
        converted.insert(0, ' ');
    }
    if html.ends_with(char::is_whitespace) && !converted.is_empty() {
        converted.push(' ');
    }
    converted
}
