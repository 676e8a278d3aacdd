//! `export --bank BANK.json --to gift|qti --out FILE`: writes a bank in another format (GIFT, or
//! a QTI 3.0 package: a `.zip`, or a folder when FILE does not end in `.zip`, with the bank's
//! media) and prints on stderr one line per item left out or changed, then the counts.
//!
//! Exit code: 0 when every item was written; 2 when some were left out (the file is still
//! written); 1 on an error.

use std::path::PathBuf;
use std::process::ExitCode;

use adaptive_practice_bank_tools::export::gift::export_gift;
use adaptive_practice_bank_tools::export::qti::export_qti_package_from;
use adaptive_practice_bank_tools::import::NoteKind;
use adaptive_practice_engine::Bank;

const USAGE: &str = "usage: export --bank BANK.json --to gift|qti --out FILE";

fn main() -> ExitCode {
    let (bank_path, out, to) = match read_arguments(std::env::args().skip(1).collect()) {
        Ok(arguments) => arguments,
        Err(problem) => {
            eprintln!("export: {problem}\n{USAGE}");
            return ExitCode::from(1);
        }
    };
    let text = match std::fs::read_to_string(&bank_path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("export: cannot read {}: {error}", bank_path.display());
            return ExitCode::from(1);
        }
    };
    let bank: Bank = match serde_json::from_str(&text) {
        Ok(bank) => bank,
        Err(error) => {
            eprintln!(
                "export: {} is not a bank: {error} (make check-bank BANK=… says more)",
                bank_path.display()
            );
            return ExitCode::from(1);
        }
    };
    if to == "qti" {
        return export_qti(&bank, &bank_path, &out);
    }
    let exported = export_gift(&bank);
    for note in &exported.notes {
        eprintln!("export: {note}");
    }
    if let Err(error) = std::fs::write(&out, &exported.text) {
        eprintln!("export: cannot write {}: {error}", out.display());
        return ExitCode::from(1);
    }
    eprintln!(
        "export: found {} items, written {}, left out {}: wrote {}",
        bank.items.len(),
        exported.written,
        exported.left_out,
        out.display()
    );
    ExitCode::from(if exported.left_out == 0 { 0 } else { 2 })
}

/// The QTI 3.0 package; the bank's media are read next to the bank file.
fn export_qti(bank: &Bank, bank_path: &std::path::Path, out: &std::path::Path) -> ExitCode {
    let folder = bank_path.parent().map(PathBuf::from).unwrap_or_default();
    match export_qti_package_from(bank, &folder, out) {
        Ok(report) => {
            for note in &report.notes {
                eprintln!("export: {note}");
            }
            let left_out = report
                .notes
                .iter()
                .filter(|note| note.kind == NoteKind::Skipped)
                .count();
            eprintln!(
                "export: found {} items, written {} ({} media files), left out {left_out}: wrote {}",
                bank.items.len(),
                report.items_written,
                report.media_written,
                out.display()
            );
            ExitCode::from(if left_out == 0 { 0 } else { 2 })
        }
        Err(reason) => {
            eprintln!("export: {reason}");
            ExitCode::from(1)
        }
    }
}

fn read_arguments(arguments: Vec<String>) -> Result<(PathBuf, PathBuf, String), String> {
    let (mut bank, mut out, mut to) = (None, None, None);
    let mut arguments = arguments.into_iter();
    while let Some(argument) = arguments.next() {
        let mut value = || {
            arguments
                .next()
                .filter(|value| !value.is_empty())
                .ok_or_else(|| format!("{argument} needs a value"))
        };
        match argument.as_str() {
            "--bank" => bank = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--to" => to = Some(value()?),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let to = match to.as_deref() {
        Some(format @ ("gift" | "qti")) => format.to_string(),
        Some(other) => return Err(format!("cannot export to {other:?} (gift or qti)")),
        None => return Err("--to is missing".into()),
    };
    Ok((
        bank.ok_or("--bank is missing")?,
        out.ok_or("--out is missing")?,
        to,
    ))
}
