//! `class-reports`: a simulated class for the teacher page (www/teacher.html). Each learner
//! practises a bank with the adaptive policy for their own number of items, then "hands in" the
//! report file the widget would export. `expected.json` holds the engine's own figures for every
//! learner and skill, so a test can check what the page shows against them.
//! Reports are serialized by the engine's own `LearnerReport` type, exactly as the widget exports them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use adaptive_practice_engine::report::learner_report;
use adaptive_practice_engine::{SkillState, Timestamp};
use adaptive_practice_simulator::random::derive_seed;
use adaptive_practice_simulator::{
    learner_seed, read_bank_file, simulate_learner, Policy, SimulationParameters, SplitMix64,
};
use serde::Serialize;
use serde_json::json;

const USAGE: &str = "usage: class-reports --bank PATH --out DIR [--learners N] [--seed S]
                     [--fewest-items A] [--most-items B]

Simulates N learners (default 30) practising the bank with the adaptive policy, each for their
own number of items between A (default 20) and B (default 200), or fewer when the engine claims
every skill mastered. Writes DIR/learner-01.json ... (the report each learner would export,
named \"Learner 01\" ...) and DIR/expected.json (the engine's mastery, state and attempts for
every learner and skill). Every report is made at the same moment, one day after the last
learner's last answer, as when a teacher collects them at the end of a unit.";

/// The seed stream for the number of items each learner practises (apart from the learners').
const STREAM_ITEM_COUNTS: u64 = 0xC1A55;
const MILLISECONDS_PER_DAY: i64 = 86_400_000;

/// The command line, checked.
#[derive(Debug, Clone, PartialEq)]
struct CommandLine {
    bank_path: PathBuf,
    out: PathBuf,
    learners: usize,
    seed: u64,
    fewest_items: usize,
    most_items: usize,
}

/// One simulated learner's figures, as the engine computed them at the report moment.
#[derive(Serialize)]
struct LearnerFigures {
    #[serde(rename = "file")]
    file_name: String,
    #[serde(rename = "learner")]
    name: String,
    answers: usize,
    skills: Vec<SkillFigures>,
}

#[derive(Serialize)]
struct SkillFigures {
    id: String,
    mastery: f64,
    state: SkillState,
    attempts: u32,
    correct: u32,
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let command_line = match read_command_line(&arguments) {
        Ok(command_line) => command_line,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("{message}\n");
            }
            eprintln!("{USAGE}");
            return if message.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    match write_class(&command_line) {
        Ok(count) => {
            println!(
                "wrote {count} reports and expected.json to {}",
                command_line.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("class-reports: {message}");
            ExitCode::FAILURE
        }
    }
}

fn read_command_line(arguments: &[String]) -> Result<CommandLine, String> {
    let mut bank_path = None;
    let mut out = None;
    let (mut learners, mut seed, mut fewest_items, mut most_items) =
        (30usize, 7u64, 20usize, 200usize);
    let mut remaining = arguments.iter();
    while let Some(flag) = remaining.next() {
        let mut value = || {
            remaining
                .next()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        let whole = |text: &String| {
            text.parse::<u64>()
                .map_err(|_| format!("{flag} needs a whole number, not {text:?}"))
        };
        match flag.as_str() {
            "--bank" => bank_path = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--learners" => learners = whole(value()?)? as usize,
            "--seed" => seed = whole(value()?)?,
            "--fewest-items" => fewest_items = whole(value()?)? as usize,
            "--most-items" => most_items = whole(value()?)? as usize,
            "--help" | "-h" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let bank_path = bank_path.ok_or("--bank is required")?;
    let out = out.ok_or("--out is required")?;
    if !(1..=99).contains(&learners) {
        return Err("--learners must be between 1 and 99 (the files are numbered 01 to 99)".into());
    }
    if fewest_items == 0 || fewest_items > most_items {
        return Err("--fewest-items must be at least 1 and at most --most-items".into());
    }
    Ok(CommandLine {
        bank_path,
        out,
        learners,
        seed,
        fewest_items,
        most_items,
    })
}

/// Simulates the class and writes its files; returns how many reports were written.
fn write_class(command_line: &CommandLine) -> Result<usize, String> {
    let bank = read_bank_file(&command_line.bank_path)?;
    let mut item_counts = SplitMix64::new(derive_seed(command_line.seed, STREAM_ITEM_COUNTS));
    let runs: Vec<_> = (0..command_line.learners)
        .map(|k| {
            let span = command_line.most_items - command_line.fewest_items + 1;
            let parameters = SimulationParameters {
                item_cap: command_line.fewest_items + item_counts.next_below(span),
                ..SimulationParameters::default()
            };
            simulate_learner(
                &bank,
                Policy::Adaptive,
                &parameters,
                learner_seed(command_line.seed, k),
            )
        })
        .collect();
    let last_answer = runs
        .iter()
        .filter_map(|run| run.answers[..run.outcome.claim.items].last())
        .map(|a| a.timestamp.0)
        .max()
        .unwrap_or(0);
    let now = Timestamp(last_answer + MILLISECONDS_PER_DAY);

    std::fs::create_dir_all(&command_line.out)
        .map_err(|e| format!("cannot create {}: {e}", command_line.out.display()))?;
    let mut class = Vec::new();
    for (k, run) in runs.iter().enumerate() {
        let name = format!("Learner {:02}", k + 1);
        let file_name = format!("learner-{:02}.json", k + 1);
        let report = learner_report(&bank, &run.progress_at_claim, &name, now);
        write_file(&command_line.out.join(&file_name), &pretty(&report)?)?;
        let skills = (0..bank.skills().len())
            .map(|position| {
                let skill = &bank.skills()[position];
                let mastery = run
                    .progress_at_claim
                    .model
                    .skill_mastery(&bank, position, now);
                let record = run.progress_at_claim.model.skills.get(&skill.id);
                SkillFigures {
                    id: skill.id.clone(),
                    mastery: mastery.mastery,
                    state: mastery.state,
                    attempts: record.map_or(0, |r| r.attempts),
                    correct: record.map_or(0, |r| r.correct),
                }
            })
            .collect();
        class.push(LearnerFigures {
            file_name,
            name,
            answers: run.outcome.claim.items,
            skills,
        });
    }
    let skill_ids: Vec<&str> = bank.skills().iter().map(|s| s.id.as_str()).collect();
    let expected = json!({ "bankId": bank.id(), "seed": command_line.seed, "reportedAt": now.0, "skills": skill_ids, "learners": class });
    write_file(&command_line.out.join("expected.json"), &pretty(&expected)?)?;
    Ok(class.len())
}

fn write_file(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Pretty JSON with a final newline, as the files are written.
fn pretty(value: &impl Serialize) -> Result<String, String> {
    serde_json::to_string_pretty(value)
        .map(|text| text + "\n")
        .map_err(|e| e.to_string())
}
