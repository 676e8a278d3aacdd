//! The binaries as a person runs them: exit codes and the summary line of `check-bank`, the
//! usage message of `import-oatutor`, and `calibrate` on a small hand-written answer log.

use std::path::PathBuf;
use std::process::Command;

fn broken_bank(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("broken-banks")
        .join(name)
}

/// Runs `check-bank` on the files; returns its exit code and the last line it printed.
fn check_bank(files: &[PathBuf]) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_check-bank"))
        .args(files)
        .output()
        .expect("check-bank runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    (
        output.status.code(),
        stdout.lines().last().unwrap_or_default().to_string(),
    )
}

#[test]
fn check_bank_exit_codes_follow_the_worst_finding() {
    assert_eq!(
        check_bank(&[broken_bank("skill-with-too-few-items.json")]),
        (Some(0), "0 error(s), 1 warning(s)".into())
    );
    assert_eq!(
        check_bank(&[broken_bank("unknown-skill.json")]),
        (Some(1), "1 error(s), 0 warning(s)".into())
    );
    let both = [
        broken_bank("unknown-skill.json"),
        broken_bank("skill-with-too-few-items.json"),
    ];
    assert_eq!(
        check_bank(&both),
        (Some(1), "1 error(s), 1 warning(s)".into())
    );
    let with_missing_file = [
        broken_bank("unknown-skill.json"),
        broken_bank("no-such-bank.json"),
    ];
    assert_eq!(
        check_bank(&with_missing_file),
        (Some(2), "1 error(s), 0 warning(s)".into())
    );
}

#[test]
fn import_oatutor_without_arguments_prints_its_usage() {
    let output = Command::new(env!("CARGO_BIN_EXE_import-oatutor"))
        .output()
        .expect("import-oatutor runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("usage: import-oatutor --src"));
}

/// Runs `try-answers` on a bank with `input` on standard input; returns the exit code, standard
/// output and standard error.
fn try_answers(bank: &str, input: &str) -> (Option<i32>, String, String) {
    use std::io::Write;
    let bank = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("answer-banks")
        .join(bank);
    let mut child = Command::new(env!("CARGO_BIN_EXE_try-answers"))
        .arg(bank)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("try-answers runs");
    child
        .stdin
        .take()
        .expect("standard input")
        .write_all(input.as_bytes())
        .expect("the input is written");
    let output = child.wait_with_output().expect("try-answers ends");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn try_answers_prints_one_verdict_line_per_input_line() {
    let input = "longueur\t1,5 m\nlongueur\t150 cm\nlongueur\t1,5 kg\nlongueur\tun mètre\n\
                 formule#1\t6 cm²\nformule#2\thb = 2A\nformule#2\th = 2A/b\n\
                 fraction\t21/36\nfraction\t7/12\n";
    let (code, stdout, stderr) = try_answers("french.json", input);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        stdout,
        "longueur\t1,5 m\tright\tok\n\
         longueur\t150 cm\tpartial\tunitAsked\n\
         longueur\t1,5 kg\twrong\twrongUnit\n\
         longueur\tun mètre\tunreadable\tnotANumber\n\
         formule#1\t6 cm²\tright\tok\n\
         formule#2\thb = 2A\tpartial\tnotSolvedFor\n\
         formule#2\th = 2A/b\tright\tok\n\
         fraction\t21/36\tpartial\tsimplestForm\n\
         fraction\t7/12\tright\tok\n"
    );
}

#[test]
fn try_answers_judges_the_first_variant_of_a_template_and_reports_bad_lines() {
    let (_, stdout, _) = try_answers("french.json", "somme\t0\n");
    assert!(stdout.starts_with("somme\t0\twrong\t"), "{stdout}");
    let (code, stdout, stderr) = try_answers("french.json", "personne\t1\nlongueur 1,5\n");
    assert_eq!((code, stdout.as_str()), (Some(1), ""));
    assert!(
        stderr.contains("\"personne\" is not an item of the bank"),
        "{stderr}"
    );
    assert!(stderr.contains("no tab"), "{stderr}");
}

/// Runs `import` with these arguments; returns its exit code and standard error.
fn import(arguments: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_import"))
        .args(arguments)
        .output()
        .expect("import runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn scratch(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("bank-tools-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a scratch folder");
    folder
}

#[test]
fn import_exits_0_when_nothing_is_skipped_and_2_when_something_is() {
    let folder = scratch("exit-codes");
    let complete = folder.join("complete.gift");
    std::fs::write(
        &complete,
        "::one:: 1 + 1 \\= {#2}\n\n::two:: Two is even. {T}\n",
    )
    .expect("written");
    let out = folder.join("complete.json");
    let (code, stderr) = import(&[
        "--src",
        &complete.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("found 2 questions, written 2 items, skipped 0"),
        "{stderr}"
    );
    assert!(out.is_file());

    let every = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gift/every-construct.gift");
    let out = folder.join("every.json");
    let (code, stderr) = import(&[
        "--src",
        &every.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("skipped: every-construct.gift:69: an essay question"),
        "{stderr}"
    );
    assert!(
        stderr.contains("found 28 questions, written 23 items, skipped 5"),
        "{stderr}"
    );
    assert!(out.is_file(), "written even though something was skipped");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn import_strict_refuses_any_skip_and_writes_nothing() {
    let folder = scratch("strict");
    let every = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gift/every-construct.gift");
    let out = folder.join("every.json");
    let (code, stderr) = import(&[
        "--src",
        &every.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
        "--format",
        "gift",
        "--strict",
    ]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("--strict: 6 thing(s) skipped or left out, nothing written"),
        "{stderr}"
    );
    assert!(!out.exists());
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn import_of_nothing_usable_fails_and_writes_nothing() {
    let folder = scratch("no-items");
    let essays = folder.join("essays.gift");
    std::fs::write(
        &essays,
        "::e:: Explain why. {}\n\n::f:: Just a description.\n",
    )
    .expect("written");
    let out = folder.join("essays.json");
    let (code, stderr) = import(&[
        "--src",
        &essays.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("(the notes above say why): nothing written"),
        "{stderr}"
    );
    assert!(!out.exists(), "no bank without items");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn import_errors_exit_1_with_a_reason() {
    let folder = scratch("errors");
    let out = folder.join("bank.json").to_string_lossy().into_owned();
    let (code, stderr) = import(&["--src", "no-such-file.gift", "--out", &out]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("cannot read no-such-file.gift"), "{stderr}");

    let unknown = folder.join("notes.md");
    std::fs::write(&unknown, "no answers here\n").expect("written");
    let (code, stderr) = import(&["--src", &unknown.to_string_lossy(), "--out", &out]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("cannot tell the format"), "{stderr}");

    let (code, stderr) = import(&["--src", "x", "--out", &out, "--format", "docx"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("unknown format \"docx\""), "{stderr}");
    assert!(stderr.contains("usage: import --src"), "{stderr}");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn import_checks_the_bank_it_wrote_and_says_when_an_image_is_missing() {
    let folder = scratch("missing-image");
    let source = folder.join("pictures.gift");
    std::fs::write(
        &source,
        "::see:: [html]<p>Look.</p><img src=\"@@PLUGINFILE@@/graph.png\" alt=\"A graph\"> {T}\n",
    )
    .expect("written");
    let out = folder.join("pictures.json");
    let arguments = [
        "--src",
        &source.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ]
    .map(String::from);
    let arguments: Vec<&str> = arguments.iter().map(String::as_str).collect();
    let (code, stderr) = import(&arguments);
    assert!(
        stderr.contains("the media file \"graph.png\" does not exist next to the bank"),
        "{stderr}"
    );
    // The checker decides how grave a missing file is; an error makes the import fail.
    let errors: usize = stderr
        .lines()
        .rev()
        .find_map(|line| line.strip_prefix("import: check: "))
        .and_then(|summary| summary.split(' ').next()?.parse().ok())
        .unwrap_or_else(|| panic!("no check summary: {stderr}"));
    assert_eq!(code, Some(if errors > 0 { 1 } else { 0 }), "{stderr}");
    std::fs::write(folder.join("graph.png"), "not really a picture").expect("written");
    let (code, stderr) = import(&arguments);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("does not exist"), "{stderr}");
    let _ = std::fs::remove_dir_all(&folder);
}

fn run_calibrate(folder: &std::path::Path, log: &str) -> (Option<i32>, String, String) {
    let bank = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../www/banks/fractions.json");
    std::fs::write(folder.join("answers.tsv"), log).expect("writes the log");
    let output = Command::new(env!("CARGO_BIN_EXE_calibrate"))
        .arg("--logs")
        .arg(folder.join("answers.tsv"))
        .arg("--bank")
        .arg(bank)
        .arg("--out")
        .arg(folder.join("calibrated.json"))
        .output()
        .expect("calibrate runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn calibrate_writes_the_bank_with_its_block_and_refuses_bad_input() {
    let folder = scratch("calibrate");
    let mut log = String::from("user_id\titem_id\ttimestamp\tcorrect\tskill_id\n");
    for learner in 0..3 {
        for (item, correct) in [("meaning-01", 1), ("meaning-02", 0), ("meaning-01", 1)] {
            log.push_str(&format!("l{learner}\t{item}\t0\t{correct}\tx\n"));
        }
    }
    log.push_str("l0\tno-such-item\t0\t1\tx\n");
    let (code, stdout, stderr) = run_calibrate(&folder, &log);
    assert_eq!(code, Some(0), "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some("used 9 answer(s) of 3 learner(s) on 2 item(s); skipped 1 answer(s) of items not in the bank"),
        "{stdout}"
    );
    // Every learner got "meaning-02" wrong, which the bank writes as easy: the block gains.
    assert!(
        lines
            .get(1)
            .is_some_and(|line| line.starts_with("calibration block written: ")),
        "{stdout}"
    );
    assert!(
        lines.get(2).is_some_and(|line| line.starts_with("wrote ")),
        "{stdout}"
    );
    let written = std::fs::read_to_string(folder.join("calibrated.json")).expect("written");
    let loaded = adaptive_practice_engine::load_bank(&written);
    let block = loaded
        .bank
        .and_then(|bank| bank.calibration)
        .expect("a calibrated bank");
    assert_eq!((block.fitted.learners, block.fitted.answers), (3, 9));
    let (code, _, stderr) = run_calibrate(
        &folder,
        "user_id\titem_id\ttimestamp\tcorrect\tskill_id\nl0\tmeaning-01\t0\t2\tx\n",
    );
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("answers.tsv:2: correct must be 0 or 1"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn calibrate_without_its_files_prints_its_usage_or_the_missing_file() {
    let output = Command::new(env!("CARGO_BIN_EXE_calibrate"))
        .output()
        .expect("calibrate runs");
    assert_eq!(output.status.code(), Some(2));
    let folder = scratch("missing");
    let output = Command::new(env!("CARGO_BIN_EXE_calibrate"))
        .args(["--logs", "no-such.tsv", "--bank", "no-such.json", "--out"])
        .arg(folder.join("out.json"))
        .output()
        .expect("calibrate runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("calibrate: no-such.json: cannot read the file"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&folder);
}
