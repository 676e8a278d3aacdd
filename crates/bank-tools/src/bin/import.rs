//! `import --src PATH --out bank.json [--format gift|moodle-xml|qti|oatutor] [--strict]
//! [--typed-answers] [--id BANK_ID]`: converts content from another format into one bank (the format is told
//! from the path when not given), copies its media next to it, and prints on stderr one line per
//! skipped or changed thing with its source position, then the counts.
//!
//! The written bank is then checked as `check-bank` checks it (a figure the bank shows but that is
//! not next to it is an error).
//!
//! Exit code: 0 when nothing was skipped; 2 when something was skipped (the bank is still
//! written); 1 on an error (the written bank included), when no item could be made (nothing
//! written), or when something was skipped under `--strict` (nothing written).

use std::path::PathBuf;
use std::process::ExitCode;

use adaptive_practice_bank_tools::bank_checker::{
    check_bank_file, count_by_severity, diagnostic_lines, summary_line,
};
use adaptive_practice_bank_tools::import::{
    import_path, write_imported_bank, Format, ImportOptions, ImportOutcome,
};

const USAGE: &str = "usage: import --src PATH --out BANK.json \
                     [--format gift|moodle-xml|qti|oatutor] [--strict] [--typed-answers] \
                     [--id BANK_ID]";

struct Arguments {
    source: PathBuf,
    out: PathBuf,
    format: Option<Format>,
    strict: bool,
    options: ImportOptions,
    /// The bank id to write instead of the one made from the source (progress is kept per id).
    id: Option<String>,
}

fn main() -> ExitCode {
    let arguments = match read_arguments(std::env::args().skip(1).collect()) {
        Ok(arguments) => arguments,
        Err(problem) => {
            eprintln!("import: {problem}\n{USAGE}");
            return ExitCode::from(1);
        }
    };
    let mut imported = match import_path(&arguments.source, arguments.format, arguments.options) {
        Ok(imported) => imported,
        Err(error) => {
            eprintln!("import: {error}");
            return ExitCode::from(1);
        }
    };
    if let Some(id) = &arguments.id {
        imported.bank.id.clone_from(id);
    }
    for note in &imported.notes {
        eprintln!("import: {note}");
    }
    let outcome = ImportOutcome::of(&imported, arguments.strict);
    eprintln!(
        "import: {} ({})",
        imported.headline(),
        imported.summary_line()
    );
    if outcome == ImportOutcome::NoItems {
        eprintln!(
            "import: no item could be made from {} (the notes above say why): nothing written",
            arguments.source.display()
        );
        return ExitCode::from(outcome.exit_code());
    }
    if outcome == ImportOutcome::RefusedByStrict {
        eprintln!(
            "import: --strict: {} thing(s) skipped or left out, nothing written",
            imported.skipped_count() + imported.left_out_count()
        );
        return ExitCode::from(outcome.exit_code());
    }
    if let Err(error) = write_imported_bank(&imported, &arguments.out) {
        eprintln!("import: cannot write {}: {error}", arguments.out.display());
        return ExitCode::from(1);
    }
    eprintln!(
        "import: wrote {} ({} media files)",
        arguments.out.display(),
        imported.media.len()
    );
    // The written bank is checked as `check-bank` would: a missing image is an error now, not
    // a broken picture in front of a learner.
    let diagnostics = match check_bank_file(&arguments.out) {
        Ok(diagnostics) => diagnostics,
        Err(error) => {
            eprintln!(
                "import: cannot read back {}: {error}",
                arguments.out.display()
            );
            return ExitCode::from(1);
        }
    };
    let label = arguments.out.display().to_string();
    for line in diagnostic_lines(&label, &diagnostics) {
        eprintln!("import: check: {line}");
    }
    let (errors, warnings) = count_by_severity(&diagnostics);
    eprintln!("import: check: {}", summary_line(errors, warnings));
    if errors > 0 {
        eprintln!("import: the bank is written but has errors: fix them before using it");
        return ExitCode::from(1);
    }
    ExitCode::from(outcome.exit_code())
}

fn read_arguments(arguments: Vec<String>) -> Result<Arguments, String> {
    let (mut source, mut out, mut format) = (None, None, None);
    let mut strict = false;
    let mut id = None;
    let mut options = ImportOptions::default();
    let mut arguments = arguments.into_iter();
    while let Some(argument) = arguments.next() {
        let mut value = || {
            arguments
                .next()
                .filter(|value| !value.is_empty())
                .ok_or_else(|| format!("{argument} needs a value"))
        };
        match argument.as_str() {
            "--src" => source = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--format" => {
                let name = value()?;
                format = Some(
                    Format::from_name(&name).ok_or_else(|| format!("unknown format {name:?}"))?,
                );
            }
            "--strict" => strict = true,
            "--id" => id = Some(value()?),
            "--typed-answers" => options.typed_answers = true,
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(Arguments {
        source: source.ok_or("--src is missing")?,
        out: out.ok_or("--out is missing")?,
        format,
        strict,
        options,
        id,
    })
}
