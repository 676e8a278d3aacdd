//! The banks the simulator runs on: every sample bank in `www/banks/` and the OATutor sample
//! course converted in process by the bank tools' importer, read as the widget reads a bank.

use std::path::{Path, PathBuf};

use adaptive_practice_bank_tools::import::bank_json;
use adaptive_practice_bank_tools::import::oatutor::import_oatutor_folder;
use adaptive_practice_engine::{load_bank, IndexedBank, Severity};

/// The folder of the sample banks.
pub const SAMPLE_BANKS_FOLDER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/banks");
/// Where the OATutor sample is unless `OATUTOR_SAMPLE` says otherwise.
pub const DEFAULT_OATUTOR_SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/samples/oatutor"
);

/// Every `*.json` directly in `folder` (not its subfolders, such as `broken/`), sorted.
pub fn sample_bank_paths(folder: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(folder).map_err(|e| format!("cannot read {}: {e}", folder.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    Ok(paths)
}

/// Reads and indexes a bank file: warnings go to stderr, errors make the message returned.
pub fn read_bank_file(path: &Path) -> Result<IndexedBank, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    index_bank_text(&text, &path.display().to_string())
}

/// Loads a bank's JSON text through the engine's loader, as the widget does.
pub fn index_bank_text(text: &str, origin: &str) -> Result<IndexedBank, String> {
    let loaded = load_bank(text);
    for diagnostic in loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
    {
        eprintln!("{origin}: {diagnostic}");
    }
    match loaded.bank {
        Some(bank) => Ok(IndexedBank::new(bank)),
        None => {
            let errors: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
            Err(format!(
                "{origin} is not a usable bank:\n  {}",
                errors.join("\n  ")
            ))
        }
    }
}

/// Converts an OATutor content folder with the bank tools' importer and loads the result.
pub fn convert_oatutor_course(folder: &Path) -> Result<IndexedBank, String> {
    let imported = import_oatutor_folder(folder)?;
    let text = bank_json(&imported.bank)
        .map_err(|e| format!("cannot write the converted {}: {e}", folder.display()))?;
    index_bank_text(&text, &format!("{} (converted)", folder.display()))
}

/// A bank named on an example's command line: `oatutor` is the OATutor sample course (converted),
/// anything else a bank file.
pub fn bank_from_argument(argument: &str) -> Result<IndexedBank, String> {
    if argument == "oatutor" {
        let folder = oatutor_sample_folder()?.ok_or("no OATutor sample")?;
        convert_oatutor_course(&folder)
    } else {
        read_bank_file(Path::new(argument))
    }
}

/// The OATutor sample folder (`OATUTOR_SAMPLE`, else next to the repository). A missing sample is
/// an error, except in a local run (`CI` unset) with `AP_ALLOW_MISSING_SAMPLES=1`: then `None`,
/// and a note on stderr.
pub fn oatutor_sample_folder() -> Result<Option<PathBuf>, String> {
    let folder = std::env::var_os("OATUTOR_SAMPLE")
        .map_or_else(|| PathBuf::from(DEFAULT_OATUTOR_SAMPLE), PathBuf::from);
    let allowed = std::env::var_os("AP_ALLOW_MISSING_SAMPLES").is_some_and(|v| v == "1")
        && std::env::var_os("CI").is_none();
    missing_sample_decision(&folder, folder.join("content-pool").is_dir(), allowed)
}

/// What to do about the sample at `folder`, given whether it is there and whether a missing one
/// is allowed.
pub fn missing_sample_decision(
    folder: &Path,
    present: bool,
    missing_allowed: bool,
) -> Result<Option<PathBuf>, String> {
    if present {
        return Ok(Some(folder.to_path_buf()));
    }
    if missing_allowed {
        eprintln!(
            "note: AP_ALLOW_MISSING_SAMPLES=1: no OATutor sample at {}, its course is left out",
            folder.display()
        );
        return Ok(None);
    }
    Err(format!(
        "the OATutor sample is not at {} (set OATUTOR_SAMPLE=folder, or AP_ALLOW_MISSING_SAMPLES=1 \
         outside CI to leave its course out of a local run)",
        folder.display()
    ))
}
