//! `calibrate --logs answers.tsv --bank bank.json --out calibrated.json`: writes the bank with
//! its calibration block fitted from the answer log (`adaptive_practice_bank_tools::calibrate`).
//!
//! It prints what it used, whether the bank got the class's block and why (a block that predicts
//! the class's held-out answers no better than the bank without one is not written: the bank is
//! written unchanged).
//!
//! Exit code: 0 when the calibrated (or unchanged) bank was written, 1 on bad input (a missing or unreadable
//! file, a bank with errors, a bad row, no answer on an item of the bank), 2 on a wrong command
//! line.

use std::process::ExitCode;

use adaptive_practice_bank_tools::calibrate::{calibrate, with_calibration_block};
use adaptive_practice_bank_tools::import::calibration_json;

const USAGE: &str = "usage: calibrate --logs ANSWERS.tsv --bank BANK.json --out CALIBRATED.json";

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    if arguments.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let value = |flag: &str| {
        arguments
            .iter()
            .position(|argument| argument == flag)
            .and_then(|index| arguments.get(index + 1))
            .filter(|value| !value.is_empty())
    };
    let (Some(logs), Some(bank), Some(out)) = (value("--logs"), value("--bank"), value("--out"))
    else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let read = |path: &str| {
        std::fs::read_to_string(path)
            .map_err(|error| format!("{path}: cannot read the file: {error}"))
    };
    let result = read(bank).and_then(|bank_text| {
        let log_text = read(logs)?;
        let calibrated = calibrate(&bank_text, &log_text).map_err(|error| {
            if error.starts_with("line ") {
                format!("{logs}:{}", error.trim_start_matches("line "))
            } else {
                format!("{bank}, {logs}: {error}")
            }
        })?;
        // The author's bank as written, with only its calibration block set (or as it was, when
        // the class's block was not kept).
        let text = match calibrated.bank.calibration.as_ref() {
            Some(block) if calibrated.block_written => {
                let block = calibration_json(block)
                    .map_err(|error| format!("cannot write the block: {error}"))?;
                with_calibration_block(&bank_text, &block)
                    .ok_or_else(|| format!("{bank}: the bank is not a JSON object"))?
            }
            _ => bank_text.clone(),
        };
        std::fs::write(out, text).map_err(|error| format!("{out}: cannot write: {error}"))?;
        Ok(calibrated.summary())
    });
    match result {
        Ok(summary) => {
            println!("{summary}\nwrote {out}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("calibrate: {error}");
            ExitCode::from(1)
        }
    }
}
