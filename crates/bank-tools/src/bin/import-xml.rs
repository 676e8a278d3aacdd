//! `import-xml --src PATH --out bank.json [--format moodle-xml|qti] [--strict]`: converts a Moodle
//! XML file or QTI content (an item file, a package folder or a `.zip`) to one bank, copies its
//! media next to it, and reports every skipped or changed thing on stderr, then the counts.
//!
//! Exit code: 0 when everything was converted, 2 when something was skipped (the bank is still
//! written), 1 on error or wrong arguments; with `--strict`, a skip is an error (exit 1, nothing
//! written).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use adaptive_practice_bank_tools::import::moodle_xml::{import_moodle_xml, is_moodle_xml};
use adaptive_practice_bank_tools::import::qti::import_qti;
use adaptive_practice_bank_tools::import::{write_imported_bank, NoteKind};

const USAGE: &str =
    "usage: import-xml --src FILE_OR_FOLDER --out BANK.json [--format moodle-xml|qti] [--strict]";

fn main() -> ExitCode {
    let Some(arguments) = read_arguments(std::env::args().skip(1).collect()) else {
        eprintln!("{USAGE}");
        return ExitCode::from(1);
    };
    let format = arguments
        .format
        .clone()
        .unwrap_or_else(|| detect_format(&arguments.source));
    let imported = match format.as_str() {
        "moodle-xml" => import_moodle_xml(&arguments.source),
        "qti" => import_qti(&arguments.source),
        other => Err(format!("unknown format {other:?} (moodle-xml or qti)")),
    };
    let imported = match imported {
        Ok(imported) => imported,
        Err(reason) => {
            eprintln!("import-xml: {reason}");
            return ExitCode::from(1);
        }
    };
    for note in &imported.notes {
        eprintln!("import-xml: {note}");
    }
    let skipped = imported
        .notes
        .iter()
        .any(|note| note.kind == NoteKind::Skipped);
    if skipped && arguments.strict {
        eprintln!("import-xml: --strict: something was skipped; nothing written");
        return ExitCode::from(1);
    }
    if let Err(error) = write_imported_bank(&imported, &arguments.out) {
        eprintln!(
            "import-xml: cannot write {}: {error}",
            arguments.out.display()
        );
        return ExitCode::from(1);
    }
    eprintln!(
        "import-xml: wrote {} ({} media files): {}",
        arguments.out.display(),
        imported.media.len(),
        imported.summary_line()
    );
    if skipped {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// An XML file whose root is `<quiz>` is Moodle XML; anything else (a `.zip`, a folder, an item
/// file) is QTI.
fn detect_format(source: &Path) -> String {
    if is_moodle_xml(source) {
        "moodle-xml".into()
    } else {
        "qti".into()
    }
}

struct Arguments {
    source: PathBuf,
    out: PathBuf,
    format: Option<String>,
    strict: bool,
}

fn read_arguments(arguments: Vec<String>) -> Option<Arguments> {
    let (mut source, mut out, mut format, mut strict) = (None, None, None, false);
    let mut arguments = arguments.into_iter();
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--src" => source = Some(PathBuf::from(arguments.next()?)),
            "--out" => out = Some(PathBuf::from(arguments.next()?)),
            "--format" => format = Some(arguments.next()?),
            "--strict" => strict = true,
            _ => return None,
        }
    }
    Some(Arguments {
        source: source?,
        out: out?,
        format,
        strict,
    })
}
