//! The authoring page's WebAssembly (`www/author.html`): the engine's bank checker, run on the
//! bank being edited after every change, and the importers of `crates/bank-tools` for the files
//! an author opens (GIFT, Moodle XML, QTI items and packages, zipped OATutor folders). It is its
//! own build (`scripts/build.sh` writes it to `www/generated/studio/`), so nothing here adds to
//! the learner's widget.
//! The teacher page (`www/teacher.html`) loads the same build for its exports in `teacher.rs`.

use adaptive_practice_bank_tools::import::{
    bank_json, import_bytes, ImportError, ImportOptions, ImportedBank,
};
use adaptive_practice_engine::bank_check::{load_bank_coded, Code, ProblemWords};
use adaptive_practice_engine::Severity;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The teacher page's exports (`readReport`, `calibrateBank`).
mod teacher;

/// One problem of the bank, for the page: where it is (`items[3].choices[1].text`, the form's
/// field address) and what it is, in English words and as a code with parameters that the page
/// words in its own language (`www/author-i18n.js`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldProblem {
    /// `error` (the widget refuses the bank) or `warning`.
    pub severity: &'static str,
    /// The engine's JSON path without its `$.` root and without the quoted ids it adds for
    /// readers: `items[3] ("frac-1").prompt` becomes `items[3].prompt`.
    pub field: String,
    /// The path as the engine wrote it, for the summary.
    pub path: String,
    /// `code`, `params` (by name), `message` (the English words, as `make check-bank` and the
    /// widget show them) and, for a problem in one variant of a template, `inner`.
    #[serde(flatten)]
    pub words: ProblemWords,
}

/// Checks a bank's JSON text as the widget will when it loads it.
pub fn check_bank_text(text: &str) -> Vec<FieldProblem> {
    load_bank_coded(text)
        .diagnostics
        .into_iter()
        .map(|diagnostic| FieldProblem {
            severity: match diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            field: field_address(&diagnostic.path),
            words: diagnostic.problem.words(),
            path: diagnostic.path,
        })
        .collect()
}

/// One code of the checker and its English words with `{name}` placeholders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeWords {
    pub code: &'static str,
    pub english: &'static str,
}

/// Every code the checker can report, for the page's translations and their test.
pub fn diagnostic_codes() -> Vec<CodeWords> {
    Code::ALL
        .iter()
        .map(|code| CodeWords {
            code: code.name(),
            english: code.english(),
        })
        .collect()
}

/// `diagnosticCodes()`: `[{ code, english }]`, every code `checkBank` can report.
#[wasm_bindgen(js_name = diagnosticCodes)]
pub fn diagnostic_codes_js() -> Result<JsValue, JsError> {
    diagnostic_codes()
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| JsError::new(&error.to_string()))
}

/// `checkBank(text)`: every problem of the bank, as `{ severity, field, path, message, code,
/// params, inner? }` objects.
#[wasm_bindgen(js_name = checkBank)]
pub fn check_bank(text: &str) -> Result<JsValue, JsError> {
    check_bank_text(text)
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| JsError::new(&error.to_string()))
}

/// What an import gives the page: the bank's JSON, one line per note (each names its place in
/// the source: `quiz.gift:12`, `question 3 "Name" (line 40)`, `items/a.xml (line 7)`), the
/// counts the command line prints, and the media files the bank shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageImport {
    pub bank: String,
    /// `gift`, `moodle-xml`, `qti` or `oatutor`.
    pub format: &'static str,
    pub notes: Vec<String>,
    /// What the source holds (`questions`, `items`, `problems`) and how many.
    pub found_name: &'static str,
    pub found: usize,
    /// Items written into the bank.
    pub written: usize,
    /// How many whole questions or files were skipped (`skipped` notes; parts of written items
    /// left out are `left out` notes).
    pub skipped: usize,
    pub summary: String,
    /// Pictures the bank refers to, to be saved next to the bank file at their address.
    pub media: Vec<PageMedia>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageMedia {
    /// Where the bank expects the file, relative to the bank file (`media/images/a.svg`).
    pub address: String,
    pub bytes: Bytes,
}

/// File content, a `Uint8Array` on the JavaScript side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bytes(pub Vec<u8>);

impl Serialize for Bytes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

/// Why a file was not imported: a `code` the page words in its own language (`unknownFormat`:
/// the file is none of the formats; `other`: the importer's reason) and the English `message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRefusal {
    pub code: &'static str,
    pub message: String,
}

impl ImportRefusal {
    fn other(message: String) -> Self {
        ImportRefusal {
            code: "other",
            message,
        }
    }
}

/// Converts a file the author opened: GIFT (`.gift`, `.txt`), Moodle XML or a QTI item or
/// manifest (`.xml`), or a `.zip` (a QTI package, a zipped OATutor folder, or zipped files of
/// these), told by content as `make import` tells it. Anything else is refused with a sentence
/// the page shows.
pub fn import_file(name: &str, bytes: &[u8]) -> Result<PageImport, ImportRefusal> {
    let (format, imported) = import_bytes(name, bytes.to_vec(), ImportOptions::default()).map_err(
        |error| match error {
            ImportError::UnknownFormat { .. } => ImportRefusal {
                code: "unknownFormat",
                message: format!(
                    "{name} is not a file this page can import: open a bank (.json), a GIFT quiz \
                     (.gift, .txt), Moodle XML or a QTI item (.xml), or a QTI package or zipped \
                     OATutor folder (.zip)"
                ),
            },
            other => ImportRefusal::other(other.to_string()),
        },
    )?;
    page_import(imported, format.name())
}

fn page_import(imported: ImportedBank, format: &'static str) -> Result<PageImport, ImportRefusal> {
    let (found_name, found) = imported.found();
    Ok(PageImport {
        bank: bank_json(&imported.bank).map_err(|error| ImportRefusal::other(error.to_string()))?,
        format,
        notes: imported.notes.iter().map(ToString::to_string).collect(),
        found_name,
        found,
        written: imported.bank.items.len(),
        skipped: imported.skipped_count(),
        summary: imported.headline(),
        media: imported
            .media
            .into_iter()
            .map(|file| PageMedia {
                address: file.address,
                bytes: Bytes(file.bytes),
            })
            .collect(),
    })
}

/// `importFile(name, bytes)`: `{ bank, format, notes, foundName, found, written, skipped,
/// summary, media: [{ address, bytes }] }`, or an `Error` saying why not, with the refusal's
/// `code` as a property (a `JsError` has no room for it) for the page's words.
#[wasm_bindgen(js_name = importFile)]
pub fn import_file_js(name: &str, bytes: &[u8]) -> Result<JsValue, JsValue> {
    // Media bytes go out as `Uint8Array`s, not arrays of numbers.
    let serializer =
        serde_wasm_bindgen::Serializer::json_compatible().serialize_bytes_as_arrays(false);
    let refused = |refusal: ImportRefusal| {
        let error = js_sys::Error::new(&refusal.message);
        // Setting a property on a new Error object does not fail.
        let _ = js_sys::Reflect::set(&error, &"code".into(), &refusal.code.into());
        JsValue::from(error)
    };
    import_file(name, bytes)
        .map_err(refused)?
        .serialize(&serializer)
        .map_err(|error| refused(ImportRefusal::other(error.to_string())))
}

/// `zipFiles(names, contents)`: a `.zip` of the files `names[i]` (paths with `/`) holding
/// `contents[i]` (`Uint8Array`s), each deflated: the authoring page's ready-made page. An error
/// when the two lists differ in length.
#[wasm_bindgen(js_name = zipFiles)]
pub fn zip_files_js(
    names: Vec<String>,
    contents: Vec<js_sys::Uint8Array>,
) -> Result<Vec<u8>, JsError> {
    if names.len() != contents.len() {
        return Err(JsError::new(&format!(
            "{} names for {} files",
            names.len(),
            contents.len()
        )));
    }
    let contents: Vec<Vec<u8>> = contents.iter().map(js_sys::Uint8Array::to_vec).collect();
    let entries = names
        .iter()
        .map(String::as_str)
        .zip(contents.iter().map(Vec::as_slice));
    adaptive_practice_bank_tools::export::zip_entries(entries, std::io::Cursor::new(Vec::new()))
        .map(std::io::Cursor::into_inner)
        .map_err(|reason| JsError::new(&reason))
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
        assert_eq!(unknown_skill.words.code, "unknownSkill");
        assert_eq!(
            unknown_skill.words.params.get("skill").map(String::as_str),
            Some("\"nope\"")
        );
        assert_eq!(unknown_skill.words.message, "unknown skill \"nope\"");
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
    fn moodle_xml_and_qti_files_become_banks_with_counts_and_notes() {
        let sources = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../bank-tools/tests/xml-sources");
        let read = |path: &str| std::fs::read(sources.join(path)).expect(path);
        let moodle = import_file("every-type.xml", &read("moodle/every-type.xml")).unwrap();
        assert_eq!(
            (
                moodle.format,
                moodle.found_name,
                moodle.found,
                moodle.written
            ),
            ("moodle-xml", "questions", 13, 9)
        );
        assert_eq!(moodle.media[0].address, "media/even-number/square-box.svg");
        assert!(
            moodle.notes.iter().any(|note| note.contains("(line ")),
            "{:?}",
            moodle.notes
        );
        let essay = import_file("essay.xml", &read("qti2/essay.xml")).unwrap();
        assert_eq!(
            (essay.format, essay.found, essay.written, essay.skipped),
            ("qti", 1, 0, 1)
        );
        for imported in [&moodle, &essay] {
            let problems = check_bank_text(&imported.bank);
            assert!(
                problems.iter().all(|problem| problem.severity != "error"),
                "{problems:?}"
            );
        }
        let error = import_file("broken.zip", b"PK\x03\x04 broken").unwrap_err();
        assert!(error.message.contains("not a zip"), "{error:?}");
        assert_eq!(error.code, "other");
        let unknown = import_file("photo.png", b"\x89PNG\r\n").unwrap_err();
        assert_eq!(unknown.code, "unknownFormat");
        assert!(unknown
            .message
            .starts_with("photo.png is not a file this page can import"));
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
