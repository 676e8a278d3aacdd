//! Where the teacher page's time per report goes in the engine, natively (median of the runs):
//! `read_report` (the one reader of report files) and `check_report` (the plausibility rules)
//! on a class's report files, as the studio build's `readReports` calls them. A diagnostic, not
//! a test: timings are never asserted. Beside the wall time, the CPU time of the thread (on
//! Linux, from /proc/thread-self/schedstat), which other work on the machine changes less.
//!
//! `cargo run --profile studio -p adaptive-practice-engine --example report_timing -- [FOLDER] [RUNS]`
//! (the `studio` profile is opt-level 3, as the teacher page's build; `--release` is "z")
//! (FOLDER holds the `learner-*.json` files; the bench class, 1,000 learners x 500 skills, is
//! `bench/generated/teacher-1000-500`, written by `node bench/teacher.mjs` or `make bench`).

use std::time::{Duration, Instant};

use adaptive_practice_engine::model::Timestamp;
use adaptive_practice_engine::progress::plausibility::check_report;
use adaptive_practice_engine::report::read_report;

fn main() {
    let mut args = std::env::args().skip(1);
    let folder = args
        .next()
        .unwrap_or_else(|| "bench/generated/teacher-1000-500".into());
    let runs: usize = args.next().map_or(11, |runs| runs.parse().expect("RUNS"));
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
    assert!(!texts.is_empty(), "no learner-*.json files in {folder}");
    let bytes: usize = texts.iter().map(String::len).sum();
    // After every report's date: nothing is "in the future".
    let now = Timestamp(4_000_000_000_000);
    let phases = ["read_report", "check_report", "both, one report at a time"];
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); phases.len()];
    let mut cpu: Vec<Vec<Duration>> = vec![Vec::new(); phases.len()];
    let mut flagged = 0;
    for _ in 0..runs {
        let lap = Lap::start();
        let reports: Vec<_> = texts
            .iter()
            .map(|text| read_report(text).expect("a report"))
            .collect();
        lap.end(&mut times[0], &mut cpu[0]);
        let lap = Lap::start();
        flagged = reports
            .iter()
            .filter(|report| !check_report(report, now).is_empty())
            .count();
        lap.end(&mut times[1], &mut cpu[1]);
        drop(reports);
        let lap = Lap::start();
        for text in &texts {
            let report = read_report(text).expect("a report");
            std::hint::black_box(check_report(&report, now));
        }
        lap.end(&mut times[2], &mut cpu[2]);
    }
    println!(
        "{folder}: {} reports, {:.1} MB, {flagged} implausible; median of {runs} runs",
        texts.len(),
        bytes as f64 / 1e6
    );
    let median = |mut samples: Vec<Duration>| {
        samples.sort();
        samples[samples.len() / 2]
    };
    for ((phase, times), cpu) in phases.iter().zip(times).zip(cpu) {
        let (wall, cpu) = (median(times), median(cpu));
        println!(
            "  {phase:<28} {:>8.1} ms, CPU {:>8.1} ms  ({:.1} µs CPU a report, {:.0} MB/s)",
            wall.as_secs_f64() * 1e3,
            cpu.as_secs_f64() * 1e3,
            cpu.as_secs_f64() * 1e6 / texts.len() as f64,
            bytes as f64 / 1e6 / cpu.as_secs_f64()
        );
    }
}

/// The wall clock and the thread's CPU time at the start of a phase.
struct Lap(Instant, Duration);

impl Lap {
    fn start() -> Self {
        Lap(Instant::now(), thread_cpu())
    }

    fn end(self, wall: &mut Vec<Duration>, cpu: &mut Vec<Duration>) {
        wall.push(self.0.elapsed());
        cpu.push(thread_cpu().saturating_sub(self.1));
    }
}

/// The time this thread has run on a CPU (zero where /proc/thread-self/schedstat is missing).
fn thread_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|text| text.split_whitespace().next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}
