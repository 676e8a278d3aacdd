//! `replay-answers`: what the native engine makes of a learner's answers on a bank, for a browser
//! test to compare with the widget's figures (`pkg-tests/tests/teacher-calibration.test.js`).
//! Each answer goes through the engine's session function, as in the widget
//! (`session::submit_session_answer`, with the item's right or a wrong response); the command
//! prints, as JSON, the success the model predicted before each answer and every skill's mastery
//! and state after the last one.

use std::process::ExitCode;

use adaptive_practice_engine::progress::SessionLog;
use adaptive_practice_engine::sample_response::response_for;
use adaptive_practice_engine::session::{new_progress, submit_session_answer};
use adaptive_practice_engine::template::instantiate;
use adaptive_practice_engine::{load_bank, IndexedBank, Timestamp};
use serde::{Deserialize, Serialize};

const USAGE: &str = "usage: replay-answers --bank PATH --answers PATH [--without-calibration]

Answers (a JSON array of {\"item\": ID, \"part\": N, \"correct\": true|false, \"hints\": N,
\"at\": MILLISECONDS}, in the order given) are given one by one to a new learner on the bank
(without its calibration block with --without-calibration). Prints {\"calibrated\": BOOL,
\"predictions\": [P, ...], \"skills\": [{\"id\", \"mastery\", \"state\"}, ...]}: the success the
model predicted before each answer, and every skill after the last answer, at its time.";

/// One answer to replay.
#[derive(Deserialize)]
struct GivenAnswer {
    item: String,
    #[serde(default)]
    part: usize,
    correct: bool,
    #[serde(default)]
    hints: u32,
    /// Milliseconds since 1970, the widget's clock.
    at: i64,
}

#[derive(Serialize)]
struct Replayed {
    calibrated: bool,
    predictions: Vec<f64>,
    skills: Vec<SkillFigures>,
}

#[derive(Serialize)]
struct SkillFigures {
    id: String,
    mastery: f64,
    state: adaptive_practice_engine::SkillState,
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    match run(&arguments) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("replay-answers: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(arguments: &[String]) -> Result<String, String> {
    let (mut bank_path, mut answers_path, mut without_calibration) = (None, None, false);
    let mut remaining = arguments.iter();
    while let Some(flag) = remaining.next() {
        match flag.as_str() {
            "--bank" => bank_path = remaining.next(),
            "--answers" => answers_path = remaining.next(),
            "--without-calibration" => without_calibration = true,
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let read = |path: Option<&String>, what: &str| {
        let path = path.ok_or(format!("--{what} PATH is required"))?;
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
    };
    let loaded = load_bank(&read(bank_path, "bank")?);
    let mut bank = loaded.bank.ok_or("the bank has errors")?;
    if without_calibration {
        bank.calibration = None;
    }
    let bank = IndexedBank::new(bank);
    let answers: Vec<GivenAnswer> = serde_json::from_str(&read(answers_path, "answers")?)
        .map_err(|e| format!("the answers: {e}"))?;
    let replayed = replay(&bank, &answers)?;
    serde_json::to_string_pretty(&replayed).map_err(|e| e.to_string())
}

/// Gives `answers` to a new learner on `bank`.
fn replay(bank: &IndexedBank, answers: &[GivenAnswer]) -> Result<Replayed, String> {
    let mut progress = new_progress(bank, 0);
    let mut log = SessionLog::new("replay".into());
    let mut predictions = Vec::new();
    let mut now = Timestamp(0);
    for (number, answer) in answers.iter().enumerate() {
        let position = bank
            .item_position(&answer.item)
            .ok_or(format!("answer {number}: no item {:?}", answer.item))?;
        // Any variant of a template: the model sees the item, not the variant.
        let item = instantiate(&bank.items()[position], 0).map_err(|e| e.message)?;
        let parts = item.parts();
        let part = parts
            .get(answer.part)
            .ok_or(format!("answer {number}: no part {}", answer.part))?;
        let response = response_for(part.kind, answer.correct)
            .ok_or(format!("answer {number}: no response for {}", answer.item))?;
        now = Timestamp(answer.at);
        let report = submit_session_answer(
            bank,
            &mut progress,
            &mut log,
            &item,
            answer.part,
            &response,
            answer.hints,
            30.0,
            now,
        )
        .map_err(|e| format!("answer {number}: unreadable ({:?})", e.reason))?;
        if report.outcome.correct != answer.correct {
            return Err(format!(
                "answer {number}: the engine judged the response to {} otherwise",
                answer.item
            ));
        }
        predictions.push(report.predicted_success);
    }
    let skills = progress
        .model
        .skill_masteries(bank, now)
        .into_iter()
        .map(|skill| SkillFigures {
            id: skill.skill_id,
            mastery: skill.mastery,
            state: skill.state,
        })
        .collect();
    Ok(Replayed {
        calibrated: bank.bank().calibration.is_some(),
        predictions,
        skills,
    })
}
