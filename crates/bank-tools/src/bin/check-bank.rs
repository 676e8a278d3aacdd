//! `check-bank PATH...`: checks bank files and prints one line per problem, then a summary.
//!
//! Exit code: 0 without errors (warnings alone are fine), 1 with an error, 2 when a file cannot
//! be read.

use std::path::Path;
use std::process::ExitCode;

use adaptive_practice_bank_tools::bank_checker::{
    check_bank_file, count_by_severity, diagnostic_lines, summary_line,
};

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() || paths.iter().any(|path| path == "--help" || path == "-h") {
        eprintln!("usage: check-bank BANK.json [MORE.json ...]");
        return ExitCode::from(2);
    }
    let (mut errors, mut warnings, mut unreadable) = (0, 0, false);
    for path in &paths {
        match check_bank_file(Path::new(path)) {
            Ok(diagnostics) => {
                for line in diagnostic_lines(path, &diagnostics) {
                    println!("{line}");
                }
                let (file_errors, file_warnings) = count_by_severity(&diagnostics);
                errors += file_errors;
                warnings += file_warnings;
            }
            Err(error) => {
                println!("{path}: cannot read the file: {error}");
                unreadable = true;
            }
        }
    }
    println!("{}", summary_line(errors, warnings));
    if unreadable {
        ExitCode::from(2)
    } else if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
