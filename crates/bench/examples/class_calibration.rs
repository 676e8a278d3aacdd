//! Where the teacher page's calibration time goes, natively: `fit_bank_calibration` on a class's
//! report files, as the teacher page's worker calls it (the answers the reports list, the bank
//! as given), split into the check inside the class (the first half of its progress) and the
//! final fit (the second half), in wall time and the thread's CPU time (on Linux, from
//! /proc/thread-self/schedstat), with what the check measured and whether the block was kept.
//! Timings are printed, never asserted.
//!
//! `cargo run --profile studio -p adaptive-practice-bench --example class_calibration -- FOLDER
//! [RUNS]`: FOLDER holds `bank.json` and the reports `learner-*.json`, as `node
//! bench/teacher-calibration.mjs` makes them (`generate-bank 1000 100 > FOLDER/bank.json`, then
//! the simulator's `class-reports --bank FOLDER/bank.json --out FOLDER --learners 30
//! --fewest-items 500 --most-items 500`). The `studio` profile is opt-level 3, as the teacher
//! page's wasm.

use std::time::{Duration, Instant};

use adaptive_practice_bench::{index_bank, median};
use adaptive_practice_engine::bank_calibration::{fit_bank_calibration, ClassAnswer};
use adaptive_practice_engine::calibrated_model::ModelSettings;
use adaptive_practice_engine::report::{class_answers, read_report};

fn main() {
    let mut args = std::env::args().skip(1);
    let folder = args.next().expect("FOLDER: bank.json and learner-*.json");
    let runs: usize = args.next().map_or(3, |runs| runs.parse().expect("RUNS"));
    let bank_text = std::fs::read_to_string(format!("{folder}/bank.json")).expect("bank.json");
    let bank = index_bank(&bank_text).unwrap_or_else(|problems| panic!("{problems}"));
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .expect("the folder of report files")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("learner-") && name.ends_with(".json"))
        })
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("a report file"))
        .collect();
    let reports: Vec<_> = texts
        .iter()
        .map(|text| read_report(text).expect("a report"))
        .collect();
    let answers: Vec<ClassAnswer> = class_answers(&reports)
        .iter()
        .map(ClassAnswer::from)
        .collect();
    let phases = ["check inside the class", "final fit", "both"];
    let (mut wall, mut cpu) = (vec![Vec::new(); 3], vec![Vec::new(); 3]);
    for _ in 0..runs {
        let (start, start_cpu) = (Instant::now(), thread_cpu());
        let mut check_end = None;
        let fitted = fit_bank_calibration(
            bank.bank(),
            &answers,
            ModelSettings::default(),
            &mut |done, total| {
                if 2 * done >= total && check_end.is_none() {
                    check_end = Some((start.elapsed(), thread_cpu()));
                }
            },
        )
        .expect("the class answered items of the bank");
        let (end, end_cpu) = (start.elapsed(), thread_cpu());
        let (check_wall, check_cpu) = check_end.unwrap_or((end, end_cpu));
        for (phase, (w, c)) in [
            (check_wall, check_cpu.saturating_sub(start_cpu)),
            (end - check_wall, end_cpu.saturating_sub(check_cpu)),
            (end, end_cpu.saturating_sub(start_cpu)),
        ]
        .into_iter()
        .enumerate()
        {
            wall[phase].push(w.as_secs_f64());
            cpu[phase].push(c.as_secs_f64());
        }
        println!(
            "{} learners, {} answers, {} items: block kept {}; check {:?}",
            fitted.learners,
            fitted.used_answers,
            fitted.items,
            fitted.calibration.is_some(),
            fitted.check
        );
    }
    for (phase, name) in phases.iter().enumerate() {
        println!(
            "{name}: {:.2} s wall, {:.2} s CPU (median of {runs})",
            median(&mut wall[phase]),
            median(&mut cpu[phase])
        );
    }
}

/// The CPU time this thread has used (0 where /proc/thread-self/schedstat cannot be read).
fn thread_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|text| text.split_whitespace().next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}
