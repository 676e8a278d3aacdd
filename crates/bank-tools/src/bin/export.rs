//! `export --bank BANK.json --to gift --out FILE`: writes a bank in another format (GIFT today)
//! and prints on stderr one line per item left out or changed, then the counts.
//!
//! Exit code: 0 when every item was written; 2 when some were left out (the file is still
//! written); 1 on an error.

use std::path::PathBuf;
use std::process::ExitCode;

use adaptive_practice_bank_tools::export::gift::export_gift;
use adaptive_practice_engine::Bank;

const USAGE: &str = "usage: export --bank BANK.json --to gift --out FILE";

fn main() -> ExitCode {
    let (bank_path, out) = match read_arguments(std::env::args().skip(1).collect()) {
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

fn read_arguments(arguments: Vec<String>) -> Result<(PathBuf, PathBuf), String> {
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
    match to.as_deref() {
        Some("gift") => {}
        Some(other) => {
            return Err(format!(
                "cannot export to {other:?} (gift is the one format)"
            ))
        }
        None => return Err("--to is missing".into()),
    }
    Ok((
        bank.ok_or("--bank is missing")?,
        out.ok_or("--out is missing")?,
    ))
}
