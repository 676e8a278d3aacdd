//! `try-answers BANK.json < answers.tsv`: judges learner answers as the widget would. Reads lines
//! `ITEM<TAB>input` on standard input and prints `ITEM<TAB>input<TAB>verdict<TAB>reason` (verdict
//! `right`, `wrong`, `partial` or `unreadable`); problems go to standard error.
//!
//! Exit code: 0 when every line was judged, 1 when a line could not be, 2 when the bank cannot
//! be read.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use adaptive_practice_bank_tools::try_answers::{read_bank_for_trying, try_answer_line};

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let [path] = arguments.as_slice() else {
        eprintln!("usage: try-answers BANK.json < lines of ITEM<TAB>learner input");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("try-answers: cannot read {path}: {error}");
            return ExitCode::from(2);
        }
    };
    let bank = match read_bank_for_trying(&text) {
        Ok((bank, None)) => bank,
        Ok((bank, Some(errors))) => {
            eprintln!("try-answers: {path} has errors, answers are tried anyway: {errors}");
            bank
        }
        Err(reason) => {
            eprintln!("try-answers: {path}: {reason}");
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (number, line) in std::io::stdin().lock().lines().enumerate() {
        let Ok(line) = line else {
            eprintln!("try-answers: line {} is not text", number + 1);
            failed = true;
            continue;
        };
        let line = line.strip_suffix('\r').unwrap_or(&line);
        if line.trim().is_empty() {
            continue;
        }
        match try_answer_line(&bank, line) {
            Ok(judged) => {
                if writeln!(out, "{judged}").is_err() {
                    return ExitCode::from(2);
                }
            }
            Err(problem) => {
                eprintln!("try-answers: line {}: {problem}", number + 1);
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
