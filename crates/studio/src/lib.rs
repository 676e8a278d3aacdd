//! The authoring page's WebAssembly (`www/author.html`): the engine's bank checker, run on the
//! bank being edited after every change, and the importers of `crates/bank-tools` for the files
//! an author opens (GIFT, Moodle XML, QTI). It is its own build (`scripts/build.sh` writes it to
//! `www/generated/studio/`), so nothing here adds to the learner's widget. The teacher page
//! (`www/teacher.html`) loads the same build for its exports in `teacher.rs`.

use adaptive_practice_bank_tools::import::{bank_json, gift::import_gift_text, ImportedBank};
use adaptive_practice_engine::{load_bank, Severity};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The teacher page's exports (`readReport`, `calibrateBank`).
mod teacher;

/// One problem of the bank, for the page: where it is (`items[3].choices[1].text`, the form's
/// field address) and what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldProblem {
    /// `error` (the widget refuses the bank) or `warning`.
    pub severity: &'static str,
    /// The engine's JSON path without its `$.` root and without the quoted ids it adds for
    /// readers: `items[3] ("frac-1").prompt` becomes `items[3].prompt`.
    pub field: String,
    /// The path as the engine wrote it, for the summary.
    pub path: String,
    pub message: String,
}

/// Checks a bank's JSON text as the widget will when it loads it.
pub fn check_bank_text(text: &str) -> Vec<FieldProblem> {
    load_bank(text)
        .diagnostics
        .into_iter()
        .map(|diagnostic| FieldProblem {
            severity: match diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            field: field_address(&diagnostic.path),
            path: diagnostic.path,
            message: diagnostic.message,
        })
        .collect()
}

/// `checkBank(text)`: every problem of the bank, as `{ severity, field, path, message }` objects.
#[wasm_bindgen(js_name = checkBank)]
pub fn check_bank(text: &str) -> Result<JsValue, JsError> {
    check_bank_text(text)
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| JsError::new(&error.to_string()))
}

/// What an import gives the page: the bank's JSON, one line per note, and the counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageImport {
    pub bank: String,
    pub notes: Vec<String>,
    /// How many things were left out (`skipped` notes).
    pub skipped: usize,
    pub summary: String,
}

/// Converts a file the author opened, chosen by its name's extension: `.gift` and `.txt` are GIFT.
/// Other formats are refused with a sentence the page shows.
pub fn import_file(name: &str, bytes: &[u8]) -> Result<PageImport, String> {
    let lower = name.to_lowercase();
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let imported = if lower.ends_with(".gift") || lower.ends_with(".txt") {
        let text = std::str::from_utf8(bytes)
            .map_err(|_| format!("{name} is not UTF-8 text (GIFT files are UTF-8)"))?;
        import_gift_text(text, name, stem)
    } else {
        return Err(format!(
            "{name} is not a file this page can import: open a bank (.json) or a GIFT file (.gift, .txt)"
        ));
    };
    page_import(imported)
}

fn page_import(imported: ImportedBank) -> Result<PageImport, String> {
    Ok(PageImport {
        bank: bank_json(&imported.bank).map_err(|error| error.to_string())?,
        notes: imported.notes.iter().map(ToString::to_string).collect(),
        skipped: imported.skipped_count(),
        summary: imported.summary_line(),
    })
}

/// `importFile(name, bytes)`: `{ bank, notes, skipped, summary }`, or an error saying why not.
#[wasm_bindgen(js_name = importFile)]
pub fn import_file_js(name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
    import_file(name, bytes)
        .map_err(|reason| JsError::new(&reason))?
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| JsError::new(&error.to_string()))
}

/// The form's address of a diagnostic's place: the JSON path without `$.` and without the
/// ` ("id")` labels after list elements. A place that is not a path (`line 3, column 7` of a
/// JSON syntax error) is kept as it is.
fn field_address(path: &str) -> String {
    let Some(rest) = path.strip_prefix("$.") else {
        return if path == "$" {
            String::new()
        } else {
            path.to_string()
        };
    };
    let mut address = String::with_capacity(rest.len());
    let mut characters = rest.chars().peekable();
    while let Some(character) = characters.next() {
        if character == ' ' && characters.peek() == Some(&'(') {
            // Skips ` ("id")`, whose id may itself hold parentheses or escaped quotes.
            characters.next();
            let mut in_quotes = false;
            let mut escaped = false;
            for inner in characters.by_ref() {
                match (inner, in_quotes, escaped) {
                    (_, true, true) => escaped = false,
                    ('\\', true, false) => escaped = true,
                    ('"', _, false) => in_quotes = !in_quotes,
                    (')', false, _) => break,
                    _ => {}
                }
            }
            continue;
        }
        address.push(character);
    }
    address
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_addresses_drop_the_root_and_the_id_labels() {
        assert_eq!(
            field_address("$.items[3] (\"frac-1\").prompt"),
            "items[3].prompt"
        );
        assert_eq!(
            field_address("$.items[0] (\"a (b) \\\"c\\\"\").choices[1].text"),
            "items[0].choices[1].text"
        );
        assert_eq!(field_address("$.skills[2]"), "skills[2]");
        assert_eq!(field_address("$"), "");
        assert_eq!(field_address("line 3, column 7"), "line 3, column 7");
    }

    #[test]
    fn a_planted_error_is_reported_at_its_field() {
        let bank = r#"{"id": "b", "version": "1", "title": "B",
            "skills": [{"id": "s", "name": "S"}],
            "items": [{"id": "i", "skills": ["nope"], "type": "numeric",
                       "prompt": "1 + 1?", "answer": 2}]}"#;
        let problems = check_bank_text(bank);
        let unknown_skill = problems
            .iter()
            .find(|problem| problem.field == "items[0].skills[0]")
            .unwrap_or_else(|| panic!("no problem at items[0].skills[0] in {problems:?}"));
        assert_eq!(unknown_skill.severity, "error");
    }

    #[test]
    fn a_gift_file_becomes_a_bank_with_its_notes() {
        let gift = "::two::What is 1 + 1? {#2}\n\n::essay::Write about fractions. {}\n";
        let imported = import_file("quiz.gift", gift.as_bytes()).expect("GIFT imports");
        let problems = check_bank_text(&imported.bank);
        assert!(
            problems.iter().all(|problem| problem.severity != "error"),
            "{problems:?}"
        );
        assert_eq!(imported.skipped, 1, "{:?}", imported.notes);
        assert!(
            imported.notes.iter().any(|note| note.contains("essay")),
            "{:?}",
            imported.notes
        );
        assert!(import_file("quiz.pdf", b"%PDF").is_err());
    }

    #[test]
    fn a_good_bank_has_no_error() {
        let bank = r#"{"id": "b", "version": "1", "title": "B",
            "skills": [{"id": "s", "name": "S"}],
            "items": [{"id": "i", "skills": ["s"], "type": "numeric",
                       "prompt": "1 + 1?", "answer": 2}]}"#;
        assert!(check_bank_text(bank)
            .iter()
            .all(|problem| problem.severity != "error"));
    }
}
