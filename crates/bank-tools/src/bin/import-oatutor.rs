//! `import-oatutor --src FOLDER --out bank.json [--typed-answers]`: converts OATutor content to one
//! bank, copies its figures next to it, and reports on stderr everything it could not convert,
//! then a summary. `--typed-answers` asks multiple-choice questions whose answer is math (an
//! equation, a list, a point) as typed answers.
//!
//! Exit code: 0 when the bank was written, 2 on wrong arguments or when nothing could be read.

use std::path::PathBuf;
use std::process::ExitCode;

use adaptive_practice_bank_tools::import::oatutor::{import_oatutor_folder_with, ImportOptions};
use adaptive_practice_bank_tools::import::write_imported_bank;

const USAGE: &str = "usage: import-oatutor --src OATUTOR_FOLDER --out BANK.json [--typed-answers]";

fn main() -> ExitCode {
    let Some((source, out, options)) = read_arguments(std::env::args().skip(1).collect()) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let imported = match import_oatutor_folder_with(&source, options) {
        Ok(imported) => imported,
        Err(reason) => {
            eprintln!("import-oatutor: {reason}");
            return ExitCode::from(2);
        }
    };
    for note in &imported.notes {
        eprintln!("import-oatutor: {note}");
    }
    if let Err(error) = write_imported_bank(&imported, &out) {
        eprintln!("import-oatutor: cannot write {}: {error}", out.display());
        return ExitCode::from(2);
    }
    eprintln!(
        "import-oatutor: wrote {} ({} media files): {}",
        out.display(),
        imported.media.len(),
        imported.summary_line()
    );
    ExitCode::SUCCESS
}

fn read_arguments(arguments: Vec<String>) -> Option<(PathBuf, PathBuf, ImportOptions)> {
    let (mut source, mut out) = (None, None);
    let mut options = ImportOptions::default();
    let mut arguments = arguments.into_iter();
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--src" => source = Some(PathBuf::from(arguments.next()?)),
            "--out" => out = Some(PathBuf::from(arguments.next()?)),
            "--typed-answers" => options.typed_answers = true,
            _ => return None,
        }
    }
    Some((source?, out?, options))
}
