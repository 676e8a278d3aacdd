//! `export-qti --bank bank.json --out package.zip` (or `--out FOLDER`): writes the bank as a QTI
//! 3.0 package (manifest, test, one file per item, media), then lists on stderr what QTI cannot
//! hold, item by item. Exit code: 0 when everything is held, 2 when something is not (the package
//! is still written), 1 on error.

use std::path::PathBuf;
use std::process::ExitCode;

use adaptive_practice_bank_tools::export::qti::export_qti_package_from;
use adaptive_practice_engine::load_bank;

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let (bank_path, out) = match arguments.as_slice() {
        [flag_bank, bank, flag_out, out] if flag_bank == "--bank" && flag_out == "--out" => {
            (PathBuf::from(bank), PathBuf::from(out))
        }
        _ => {
            eprintln!("usage: export-qti --bank BANK.json --out PACKAGE.zip|FOLDER");
            return ExitCode::from(1);
        }
    };
    let text = match std::fs::read_to_string(&bank_path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("export-qti: cannot read {}: {error}", bank_path.display());
            return ExitCode::from(1);
        }
    };
    let Some(bank) = load_bank(&text).bank else {
        eprintln!(
            "export-qti: {} has errors (make check-bank)",
            bank_path.display()
        );
        return ExitCode::from(1);
    };
    let folder = bank_path.parent().map(PathBuf::from).unwrap_or_default();
    match export_qti_package_from(&bank, &folder, &out) {
        Ok(report) => {
            for note in &report.notes {
                eprintln!("export-qti: {note}");
            }
            eprintln!(
                "export-qti: wrote {} ({} items, {} media files)",
                out.display(),
                report.items_written,
                report.media_written
            );
            if report.notes.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            }
        }
        Err(reason) => {
            eprintln!("export-qti: {reason}");
            ExitCode::from(1)
        }
    }
}
