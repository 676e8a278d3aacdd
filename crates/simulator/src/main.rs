//! `simulate`: simulated learners practise each bank under the adaptive, fixed and random
//! policies; prints a table per bank, then one script-readable line per policy.

use std::path::PathBuf;
use std::process::ExitCode;

use adaptive_practice_simulator::report::format_bank_table;
use adaptive_practice_simulator::{
    format_summary_line, read_bank_file, simulate_bank, summarize_bank, SimulationParameters,
};

const USAGE: &str = "usage: simulate [--bank PATH]... [--learners N] [--seed S]

Simulates N learners (default 200) on each bank (default: www/banks/fractions.json and
www/banks/percentages.json) under the policies adaptive, fixed and random, and prints per bank
a table, then one line per policy:
bank=ID policy=NAME learners=N items_to_true_mastery=MEAN±HW items_practised=MEAN±HW post_test=0.xxx±0.xxx retention_30d=0.xxx±0.xxx false_mastery_rate=0.xxx|na";

const DEFAULT_BANKS: [&str; 2] = [
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../www/banks/fractions.json"
    ),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../www/banks/percentages.json"
    ),
];

/// The command line, checked.
#[derive(Debug, Clone, PartialEq)]
struct CommandLine {
    bank_paths: Vec<PathBuf>,
    learners: usize,
    seed: u64,
}

fn read_command_line(arguments: &[String]) -> Result<CommandLine, String> {
    let mut command_line = CommandLine {
        bank_paths: Vec::new(),
        learners: 200,
        seed: 1,
    };
    let mut remaining = arguments.iter();
    while let Some(flag) = remaining.next() {
        let mut value = || {
            remaining
                .next()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--bank" => command_line.bank_paths.push(PathBuf::from(value()?)),
            "--learners" => {
                let text = value()?;
                command_line.learners = text
                    .parse()
                    .map_err(|_| format!("--learners needs a whole number, not {text:?}"))?;
            }
            "--seed" => {
                let text = value()?;
                command_line.seed = text
                    .parse()
                    .map_err(|_| format!("--seed needs a whole number, not {text:?}"))?;
            }
            "--help" | "-h" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if command_line.bank_paths.is_empty() {
        command_line.bank_paths = DEFAULT_BANKS.iter().map(PathBuf::from).collect();
    }
    if command_line.learners < 2 {
        return Err("--learners needs at least 2 (for an interval)".into());
    }
    Ok(command_line)
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let command_line = match read_command_line(&arguments) {
        Ok(command_line) => command_line,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("{message}");
            }
            eprintln!("{USAGE}");
            return if message.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    let parameters = SimulationParameters::default();
    let mut banks = Vec::new();
    for path in &command_line.bank_paths {
        match read_bank_file(path) {
            Ok(bank) => banks.push(bank),
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::FAILURE;
            }
        }
    }
    for bank in &banks {
        let simulation = simulate_bank(bank, &parameters, command_line.learners, command_line.seed);
        let summaries = summarize_bank(&simulation);
        println!("{}", format_bank_table(&simulation, &summaries));
        println!();
        for summary in &summaries {
            println!("{}", format_summary_line(summary));
        }
        println!();
    }
    ExitCode::SUCCESS
}
