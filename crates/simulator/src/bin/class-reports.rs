//! `class-reports`: a simulated class for the teacher page (www/teacher.html). Each learner
//! practises a bank with the adaptive policy for their own number of items, then "hands in" the
//! report file the widget would export. `expected.json` holds the engine's own figures for every
//! learner and skill, so a test can check what the page shows against them.
//!
//! The simulator crate has no JSON library of its own, so the two file formats are written here
//! by hand; `write_report` destructures `LearnerReport` whole, so a new field fails the build
//! instead of being left out silently.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use adaptive_practice_engine::report::{learner_report, ItemReport, LearnerReport, SkillReport};
use adaptive_practice_engine::{load_bank, IndexedBank, Severity, SkillState, Timestamp};
use adaptive_practice_simulator::random::derive_seed;
use adaptive_practice_simulator::{learner_seed, simulate_learner, Policy, SimulationParameters, SplitMix64};

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
struct LearnerFigures {
    file_name: String,
    name: String,
    answers: usize,
    skills: Vec<SkillFigures>,
}

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
            return if message.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) };
        }
    };
    match write_class(&command_line) {
        Ok(count) => {
            println!("wrote {count} reports and expected.json to {}", command_line.out.display());
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
    let (mut learners, mut seed, mut fewest_items, mut most_items) = (30usize, 7u64, 20usize, 200usize);
    let mut remaining = arguments.iter();
    while let Some(flag) = remaining.next() {
        let mut value = || remaining.next().ok_or_else(|| format!("{flag} needs a value"));
        let whole = |text: &String| text.parse::<u64>().map_err(|_| format!("{flag} needs a whole number, not {text:?}"));
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
    Ok(CommandLine { bank_path, out, learners, seed, fewest_items, most_items })
}

fn read_indexed_bank(path: &Path) -> Result<IndexedBank, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let loaded = load_bank(&text);
    match loaded.bank {
        Some(bank) => Ok(IndexedBank::new(bank)),
        None => {
            let errors: Vec<String> =
                loaded.diagnostics.iter().filter(|d| d.severity == Severity::Error).map(ToString::to_string).collect();
            Err(format!("{} is not a usable bank:\n  {}", path.display(), errors.join("\n  ")))
        }
    }
}

/// Simulates the class and writes its files; returns how many reports were written.
fn write_class(command_line: &CommandLine) -> Result<usize, String> {
    let bank = read_indexed_bank(&command_line.bank_path)?;
    let mut item_counts = SplitMix64::new(derive_seed(command_line.seed, STREAM_ITEM_COUNTS));
    let runs: Vec<_> = (0..command_line.learners)
        .map(|k| {
            let span = command_line.most_items - command_line.fewest_items + 1;
            let parameters = SimulationParameters {
                item_cap: command_line.fewest_items + item_counts.next_below(span),
                ..SimulationParameters::default()
            };
            simulate_learner(&bank, Policy::Adaptive, &parameters, learner_seed(command_line.seed, k))
        })
        .collect();
    let last_answer = runs.iter().filter_map(|run| run.answers.last()).map(|a| a.timestamp.0).max().unwrap_or(0);
    let now = Timestamp(last_answer + MILLISECONDS_PER_DAY);

    std::fs::create_dir_all(&command_line.out).map_err(|e| format!("cannot create {}: {e}", command_line.out.display()))?;
    let mut class = Vec::new();
    for (k, run) in runs.iter().enumerate() {
        let name = format!("Learner {:02}", k + 1);
        let file_name = format!("learner-{:02}.json", k + 1);
        let report = learner_report(&bank, &run.progress, &name, now);
        write_file(&command_line.out.join(&file_name), &report_json(&report))?;
        let skills = (0..bank.bank.skills.len())
            .map(|position| {
                let skill = &bank.bank.skills[position];
                let mastery = run.progress.model.skill_mastery(&bank, position, now);
                let record = run.progress.model.skills.get(&skill.id);
                SkillFigures {
                    id: skill.id.clone(),
                    mastery: mastery.mastery,
                    state: mastery.state,
                    attempts: record.map_or(0, |r| r.attempts),
                    correct: record.map_or(0, |r| r.correct),
                }
            })
            .collect();
        class.push(LearnerFigures { file_name, name, answers: run.answers.len(), skills });
    }
    write_file(&command_line.out.join("expected.json"), &expected_json(&bank, command_line, now, &class))?;
    Ok(class.len())
}

fn write_file(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The report as the widget exports it (camelCase JSON, as `serde` names the fields).
fn report_json(report: &LearnerReport) -> String {
    let LearnerReport {
        format,
        version,
        bank_id,
        bank_version,
        learner,
        created_at,
        answer_count,
        correct_count,
        time_on_task_seconds,
        skills,
        items,
    } = report;
    let skills: Vec<String> = skills
        .iter()
        .map(|SkillReport { id, name, state, mastery, certainty, attempts, correct }| {
            format!(
                "{{\"id\":{},\"name\":{},\"state\":{},\"mastery\":{},\"certainty\":{},\"attempts\":{attempts},\"correct\":{correct}}}",
                json_string(id),
                json_string(name),
                json_string(state_name(*state)),
                json_number(*mastery),
                json_number(*certainty),
            )
        })
        .collect();
    let items: Vec<String> = items
        .iter()
        .map(|ItemReport { id, attempts, correct }| {
            format!("{{\"id\":{},\"attempts\":{attempts},\"correct\":{correct}}}", json_string(id))
        })
        .collect();
    format!(
        "{{\n  \"format\": {},\n  \"version\": {version},\n  \"bankId\": {},\n  \"bankVersion\": {},\n  \"learner\": {},\n  \
         \"createdAt\": {created_at},\n  \"answerCount\": {answer_count},\n  \"correctCount\": {correct_count},\n  \
         \"timeOnTaskSeconds\": {time_on_task_seconds},\n  \"skills\": [\n    {}\n  ],\n  \"items\": [\n    {}\n  ]\n}}\n",
        json_string(format),
        json_string(bank_id),
        json_string(bank_version),
        json_string(learner),
        skills.join(",\n    "),
        items.join(",\n    "),
    )
}

/// The engine's own figures: mastery unrounded (a report carries it to 4 decimals).
fn expected_json(bank: &IndexedBank, command_line: &CommandLine, now: Timestamp, class: &[LearnerFigures]) -> String {
    let skill_ids: Vec<String> = bank.bank.skills.iter().map(|s| json_string(&s.id)).collect();
    let learners: Vec<String> = class
        .iter()
        .map(|learner| {
            let skills: Vec<String> = learner
                .skills
                .iter()
                .map(|s| {
                    format!(
                        "{{\"id\":{},\"mastery\":{},\"state\":{},\"attempts\":{},\"correct\":{}}}",
                        json_string(&s.id),
                        json_number(s.mastery),
                        json_string(state_name(s.state)),
                        s.attempts,
                        s.correct,
                    )
                })
                .collect();
            format!(
                "{{\n      \"file\": {},\n      \"learner\": {},\n      \"answers\": {},\n      \"skills\": [\n        {}\n      ]\n    }}",
                json_string(&learner.file_name),
                json_string(&learner.name),
                learner.answers,
                skills.join(",\n        "),
            )
        })
        .collect();
    format!(
        "{{\n  \"bankId\": {},\n  \"seed\": {},\n  \"reportedAt\": {},\n  \"skills\": [{}],\n  \"learners\": [\n    {}\n  ]\n}}\n",
        json_string(&bank.bank.id),
        command_line.seed,
        now.0,
        skill_ids.join(", "),
        learners.join(",\n    "),
    )
}

/// `SkillState` as serde writes it (camelCase unit variants).
fn state_name(state: SkillState) -> &'static str {
    match state {
        SkillState::NotStarted => "notStarted",
        SkillState::Learning => "learning",
        SkillState::Mastered => "mastered",
        SkillState::DueForReview => "dueForReview",
    }
}

/// A JSON number: Rust's shortest round-trip form, which JSON reads back exactly; JSON has no
/// NaN or infinity, so those (which the engine does not produce) become 0.
fn json_number(value: f64) -> String {
    if value.is_finite() {
        format!("{value}")
    } else {
        "0".into()
    }
}

fn json_string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for character in text.chars() {
        match character {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            c if u32::from(c) < 0x20 => quoted.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}
