//! The bank checker: everything `load_bank` finds (answers, templates, the markup of every text,
//! media on other sites), plus media files the bank names but that do not exist beside it.

use std::path::{Path, PathBuf};

pub use adaptive_practice_engine::bank_check::markup_problem_severity;
use adaptive_practice_engine::bank_check::{has_scheme, media_addresses, texts_as_shown};
use adaptive_practice_engine::json;
use adaptive_practice_engine::markup::is_allowed_url;
use adaptive_practice_engine::text_fields::{collect_text_fields, TextShape};
use adaptive_practice_engine::{load_bank, Diagnostic, Severity};

/// Reads and checks one bank file. Media files are looked for next to it.
pub fn check_bank_file(path: &Path) -> std::io::Result<Vec<Diagnostic>> {
    let text = std::fs::read_to_string(path)?;
    let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(check_bank_text(&text, Some(&folder)))
}

/// Checks a bank's JSON text: `load_bank`'s diagnostics, then media files that are missing
/// (only when `bank_folder` is given). A missing file is an error: the learner would meet a
/// broken image or a silent player.
pub fn check_bank_text(text: &str, bank_folder: Option<&Path>) -> Vec<Diagnostic> {
    let mut diagnostics = load_bank(text).diagnostics;
    let (Some(folder), Ok(root)) = (bank_folder, json::parse(text)) else {
        return diagnostics;
    };
    let fields = collect_text_fields(&root);
    let texts = texts_as_shown(&root, &fields);
    for (field, shown) in fields.iter().zip(&texts) {
        let Some(shown) = shown.as_deref().filter(|_| field.shape == TextShape::Block) else {
            continue;
        };
        for address in local_media_addresses(shown) {
            let file = media_file_path(folder, &address);
            if !file.is_file() {
                diagnostics.push(Diagnostic {
                    severity: Severity::Error,
                    path: field.path.clone(),
                    message: format!("the media file {address:?} does not exist next to the bank"),
                });
            }
        }
    }
    diagnostics
}

/// How many errors and warnings there are.
pub fn count_by_severity(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    (errors, diagnostics.len() - errors)
}

/// One line per diagnostic: `FILE: error at PATH: message`.
pub fn diagnostic_lines(file_label: &str, diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|diagnostic| format!("{file_label}: {diagnostic}"))
        .collect()
}

/// The summary line: `N error(s), M warning(s)`.
pub fn summary_line(errors: usize, warnings: usize) -> String {
    format!("{errors} error(s), {warnings} warning(s)")
}

/// Every `![…](address)` image and audio address of a block text that is local: relative to the
/// bank, without a scheme. Query and fragment are dropped.
pub fn local_media_addresses(text: &str) -> Vec<String> {
    media_addresses(text)
        .into_iter()
        .filter(|address| {
            is_allowed_url(address) && !address.starts_with('/') && !has_scheme(address)
        })
        .map(|address| {
            address
                .split(['?', '#'])
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .filter(|address| !address.is_empty())
        .collect()
}

fn media_file_path(folder: &Path, address: &str) -> PathBuf {
    address
        .split('/')
        .filter(|part| !part.is_empty() && *part != ".")
        .fold(folder.to_path_buf(), |path, part| path.join(part))
}

#[cfg(test)]
mod tests;
