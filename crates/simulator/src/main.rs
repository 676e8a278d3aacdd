//! `simulate`: simulated learners practise each bank under the adaptive, fixed, random and
//! oracle policies, for each truth model; prints a table per bank and truth model, then one
//! script-readable line per row.

use std::path::PathBuf;
use std::process::ExitCode;

use adaptive_practice_engine::IndexedBank;
use adaptive_practice_simulator::banks::{
    convert_oatutor_course, oatutor_sample_folder, read_bank_file, sample_bank_paths,
    SAMPLE_BANKS_FOLDER,
};
use adaptive_practice_simulator::report::{format_cell_table, format_markdown};
use adaptive_practice_simulator::run::default_item_cap;
use adaptive_practice_simulator::{
    format_row_line, simulate_cell, summarize_cell, SimulationParameters, TruthModel,
};

const USAGE: &str = "usage: simulate [--bank PATH]... [--oatutor FOLDER] [--truth bkt|growth]...
                [--learners N] [--seed S] [--cap N] [--markdown]

Simulates N learners (default 200) of each truth model (default: bkt and growth) on each bank
(default: every www/banks/*.json and the OATutor sample course, converted; OATUTOR_SAMPLE=folder
says where it is, and a missing sample is an error unless AP_ALLOW_MISSING_SAMPLES=1 outside CI)
under the policies adaptive, fixed, random and oracle, each learner for at most N items (default:
600, or 100 per skill for a bank of more than 6 skills). Prints a table per bank and truth model,
then one line per row:
policy=NAME truth=NAME bank=NAME stop=claim|oracle items=N.N posttest=0.xxx retention30=0.xxx false_mastery=0.xxx
With --markdown, then the README's tables.";

/// The command line, checked.
#[derive(Debug, Clone, PartialEq)]
struct CommandLine {
    bank_paths: Vec<PathBuf>,
    oatutor: Option<PathBuf>,
    truths: Vec<TruthModel>,
    learners: usize,
    seed: u64,
    cap: Option<usize>,
    markdown: bool,
}

fn number<T: std::str::FromStr>(flag: &str, text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("{flag} needs a whole number, not {text:?}"))
}

fn read_command_line(arguments: &[String]) -> Result<CommandLine, String> {
    let mut command_line = CommandLine {
        bank_paths: Vec::new(),
        oatutor: None,
        truths: Vec::new(),
        learners: 200,
        seed: 1,
        cap: None,
        markdown: false,
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
            "--oatutor" => command_line.oatutor = Some(PathBuf::from(value()?)),
            "--truth" => {
                let name = value()?;
                let truth = TruthModel::from_name(name)
                    .ok_or_else(|| format!("--truth is bkt or growth, not {name:?}"))?;
                command_line.truths.push(truth);
            }
            "--learners" => command_line.learners = number(flag, value()?)?,
            "--seed" => command_line.seed = number(flag, value()?)?,
            "--cap" => command_line.cap = Some(number(flag, value()?)?),
            "--markdown" => command_line.markdown = true,
            "--help" | "-h" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if command_line.truths.is_empty() {
        command_line.truths = TruthModel::ALL.to_vec();
    }
    if command_line.learners < 2 {
        return Err("--learners needs at least 2 (for an interval)".into());
    }
    Ok(command_line)
}

/// The banks to simulate: those named, else every sample bank and the OATutor course.
fn read_banks(command_line: &CommandLine) -> Result<Vec<IndexedBank>, String> {
    let mut banks = Vec::new();
    let defaults = command_line.bank_paths.is_empty() && command_line.oatutor.is_none();
    let paths = if defaults {
        sample_bank_paths(std::path::Path::new(SAMPLE_BANKS_FOLDER))?
    } else {
        command_line.bank_paths.clone()
    };
    for path in &paths {
        banks.push(read_bank_file(path)?);
    }
    let oatutor = match &command_line.oatutor {
        Some(folder) => Some(folder.clone()),
        None if defaults => oatutor_sample_folder()?,
        None => None,
    };
    if let Some(folder) = oatutor {
        banks.push(convert_oatutor_course(&folder)?);
    }
    Ok(banks)
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
    let banks = match read_banks(&command_line) {
        Ok(banks) => banks,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let mut lines = Vec::new();
    let mut cells = Vec::new();
    for &truth in &command_line.truths {
        for bank in &banks {
            let parameters = SimulationParameters {
                item_cap: command_line.cap.unwrap_or_else(|| default_item_cap(bank)),
                ..SimulationParameters::default()
            };
            let cell = simulate_cell(
                bank,
                truth,
                &parameters,
                command_line.learners,
                command_line.seed,
            );
            let rows = summarize_cell(&cell);
            println!("{}\n", format_cell_table(&cell, &rows));
            lines.extend(rows.iter().map(format_row_line));
            cells.push((cell, rows));
        }
    }
    for line in lines {
        println!("{line}");
    }
    if command_line.markdown {
        println!("{}", format_markdown(&cells));
    }
    ExitCode::SUCCESS
}
